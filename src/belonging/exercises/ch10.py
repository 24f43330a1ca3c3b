"""Checks for exercises/10-improving-our-sense-of-belonging.ipynb.

Expected values come from the loneliness-loop model itself, so the checks stay right if the
model changes.
"""
from __future__ import annotations

from typing import Any

from .. import loneliness_loop
from . import CORRECT
from ._feedback import BLANK, describe, is_blank, judge_choice, lowest_where, number_or_feedback, remembered, step_of

HIGH_BIAS = 0.7
PEOPLE = 20
#: Settings q3 asks about: how friendly other people are, 0.4, 0.5, ..., 1.0.
SETTINGS = [round(0.1 * i, 1) for i in range(4, 11)]
LONELY = 0.5
#: Rows holding the level at the end of each programme week (weeks 9 to 20).
DURING = slice(loneliness_loop.PROGRAMME_START + 1,
               loneliness_loop.PROGRAMME_START + loneliness_loop.PROGRAMME_WEEKS + 1)

_NAMES = {
    "none": "no help",
    "more_contact": "more contact",
    "social_skills": "social-skills training",
    "social_support": "a supporter",
    "social_cognition": "changing social cognition",
}


@remembered
def year_end(friendliness: float = 0.7, threat_bias: float = HIGH_BIAS) -> dict[str, float]:
    """Average loneliness of the 20 people at week 52 under each kind of help."""
    curves = loneliness_loop.compare(threat_bias, seeds=PEOPLE, friendliness=friendliness)
    return {name: float(curve[-1]) for name, curve in curves.items()}


@remembered
def during(threat_bias: float = HIGH_BIAS) -> dict[str, float]:
    """Average loneliness of the 20 people over the programme weeks (rows 9 to 20)."""
    curves = loneliness_loop.compare(threat_bias, seeds=PEOPLE)
    return {name: float(curve[DURING].mean()) for name, curve in curves.items()}


def contact_change() -> float:
    """More contact minus no help, averaged over the programme weeks (positive: lonelier)."""
    found = during()
    return found["more_contact"] - found["none"]


def lasting_setting() -> float | None:
    """Lowest friendliness in 0.4 ... 1.0 at which changing social cognition leaves the 20
    people's average loneliness at week 52 below 0.5."""
    return lowest_where(SETTINGS, lambda f: year_end(f)["social_cognition"] < LONELY)


def _as_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    name = value.strip().strip("'\"").strip().lower().replace("-", "_").replace(" ", "_")
    return name if name in loneliness_loop.INTERVENTIONS else None


def check_q1(answer: Any) -> str:
    """Which kind of help leaves the lowest loneliness at week 52 (threat bias 0.7)?"""
    if is_blank(answer):
        return BLANK
    name = _as_name(answer)
    if name is None:
        return ("q1 should be one of the names compare() uses as keys: "
                f"{', '.join(repr(n) for n in loneliness_loop.INTERVENTIONS)}; you gave {describe(answer)}.")
    found = year_end()
    best = min(found, key=found.get)
    if name == best:
        return CORRECT
    return (f"With {_NAMES[name]}, loneliness at week 52 is about {found[name]:.2f}; one kind of help leaves "
            f"it lower than that. Compare curves[name][-1] for every name.")


def check_q2(answer: Any) -> str:
    """More contact minus no help, averaged over rows 9 to 20 (threat bias 0.7)."""
    value = number_or_feedback(answer, "q2 should be a single number (more contact minus no help)",
                               "Average each curve over rows 9 to 20 with curve[9:21].mean().")
    if isinstance(value, str):
        return value
    expected = contact_change()
    if abs(value - expected) < 0.005:
        return CORRECT
    if abs(value + expected) < 0.005:
        return "Right size, wrong sign: take more contact minus no help, not the other way round."
    found = during()
    if any(abs(value - found[n]) < 0.005 for n in ("more_contact", "none")):
        return "That is one curve's average over the programme weeks. q2 asks for the difference between the two."
    if not -1 <= value <= 1:
        return f"Loneliness runs from 0 to 1, so a difference of {value:g} can't be right."
    return (f"Not quite: {value:g} isn't the difference. Use compare(0.7, seeds=20) and average rows 9 to 20 "
            "(curve[9:21]) of 'more_contact' and of 'none'.")


def check_q3(answer: Any) -> str:
    """Lowest friendliness (0.4, 0.5, ..., 1.0) at which the cognitive programme's gain lasts."""
    value = number_or_feedback(answer, "q3 should be a number, one of 0.4, 0.5, ..., 1.0")
    if isinstance(value, str):
        return value
    expected = lasting_setting()
    if expected is not None and abs(value - expected) < 1e-9:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Friendliness runs from 0 to 1 in this model, so {value:g} can't be right."
    nearest = step_of(value, SETTINGS)
    if nearest is None:
        return f"Try only the settings 0.4, 0.5, ..., 1.0; {value:g} is not one of them."
    final = year_end(nearest)["social_cognition"]
    if final >= LONELY:
        return (f"At {nearest:g}, loneliness at week 52 after the cognitive programme is about {final:.2f}: "
                "the gain has not lasted. Look at warmer settings.")
    return (f"At {nearest:g} the gain does last (about {final:.2f} at week 52), but it already lasts in a "
            "cooler setting: find the lowest.")


def check_q4(answer: Any) -> str:
    """Walton et al. (2023): where did the social-belonging intervention work?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
