"""Checks for exercises/01-what-belonging-is.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import homeostat
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback


def check_q1(answer: Any) -> str:
    """Long-run belonging with a close friend (bond stability 0.9) seen 3 times a week."""
    value = number_or_feedback(answer, "q1 should be a number between 0 and 1",
                               "Call homeostat.steady_state(...).")
    if isinstance(value, str):
        return value
    expected = homeostat.steady_state(3, 0.9)
    if abs(value - expected) < 0.005:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Belonging in this model runs from 0 to 1, so {value:g} can't be right. Check the arguments."
    if abs(value - homeostat.steady_state(3, 0.0)) < 0.005:
        return "That is the value for strangers (bond_stability=0). The friend's bond stability is 0.9."
    return f"Not quite: {value:g} isn't the long-run level for 3 contacts a week at bond stability 0.9. Check both arguments."


def _fewest_stranger_contacts() -> int | None:
    for contacts in range(0, 29):
        if homeostat.steady_state(contacts, 0.0) >= 0.6:
            return contacts
    return None


def check_q2(answer: Any) -> str:
    """Fewest whole contacts per week with strangers that reach the set point of 0.6."""
    value = number_or_feedback(answer, "q2 should be a whole number of contacts per week", whole=True)
    if isinstance(value, str):
        return value
    expected = _fewest_stranger_contacts()
    if int(value) == expected:
        return CORRECT
    if homeostat.steady_state(min(max(int(value), 0), 28), 0.0) < 0.6:
        return f"At {int(value)} contacts a week with strangers, long-run belonging is still below 0.6. Try more."
    return f"{int(value)} contacts a week is enough, but a smaller number also reaches 0.6: find the fewest."


def check_q3(answer: Any) -> str:
    """Which change raises long-run belonging more? (a) 0→3 contacts/week, (b) 7→14.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q3", "ab")


def check_q4(answer: Any) -> str:
    """Substitution: what does the model predict after a close friend moves away?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
