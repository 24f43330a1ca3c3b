"""Checks for exercises/05-belonging-and-loneliness.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import alone_lonely
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback

TOLERANCE = 0.01


def default_correlation() -> float:
    return alone_lonely.correlation(alone_lonely.simulate())


def uniform_correlation() -> float:
    return alone_lonely.correlation(alone_lonely.simulate(desire_spread=0, quality_spread=0))


def lonely_in_company() -> float:
    return alone_lonely.mismatch(alone_lonely.simulate()).lonely_in_company


def _close(value: float, expected: float) -> bool:
    return abs(value - expected) < TOLERANCE


def _correlation_answer(answer: Any, name: str) -> float | str:
    """The answer as a number, or the message to show instead."""
    value = number_or_feedback(answer, f"{name} should be a number between -1 and 1",
                               "Call m.correlation(...).")
    if isinstance(value, str):
        return value
    if not -1 <= value <= 1:
        return f"A correlation lies between -1 and 1, so {value:g} can't be right. Did you pass a population to m.correlation?"
    return value


def check_q1(answer: Any) -> str:
    """Correlation between hours alone and loneliness in the default population."""
    value = _correlation_answer(answer, "q1")
    if isinstance(value, str):
        return value
    if _close(value, default_correlation()):
        return CORRECT
    if _close(value, uniform_correlation()):
        return "That is the value when everyone wants the same (q2). q1 is for the default population: m.simulate()."
    if _close(value, -default_correlation()):
        return "The sign is wrong: more time alone goes with more loneliness here, so the correlation is positive."
    return f"Not quite: {value:g} isn't the correlation for m.simulate(). Use m.correlation(m.simulate())."


def check_q2(answer: Any) -> str:
    """Correlation when everyone wants the same and relationships are of equal quality."""
    value = _correlation_answer(answer, "q2")
    if isinstance(value, str):
        return value
    if _close(value, uniform_correlation()):
        return CORRECT
    if _close(value, default_correlation()):
        return "That is the default population (q1). Set desire_spread=0 and quality_spread=0 in m.simulate(...)."
    only_desire = alone_lonely.correlation(alone_lonely.simulate(desire_spread=0))
    if _close(value, only_desire):
        return ("Close: that is with identical wants, but relationship quality still varies. "
                "Set quality_spread=0 as well.")
    return f"Not quite: {value:g}. Use m.correlation(m.simulate(desire_spread=0, quality_spread=0))."


def check_q3(answer: Any) -> str:
    """As people differ more in what they want, the correlation (a) rises (b) falls (c) is unchanged.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q3", "abc")


def check_q4(answer: Any) -> str:
    """Share (0 to 1) of the least-alone quarter who are lonelier than the median person."""
    value = number_or_feedback(answer, "q4 should be a number between 0 and 1", "Use m.mismatch(...).")
    if isinstance(value, str):
        return value
    expected = lonely_in_company()
    if _close(value, expected):
        return CORRECT
    if _close(value / 100, expected):
        return "Right share, but as a percentage: give it as a proportion between 0 and 1."
    content = alone_lonely.mismatch(alone_lonely.simulate()).content_alone
    if _close(value, content):
        return "That is content_alone, the most-alone quarter. q4 asks for lonely_in_company."
    if not 0 <= value <= 1:
        return f"A share lies between 0 and 1, so {value:g} can't be right."
    return f"Not quite: {value:g}. Use m.mismatch(m.simulate()).lonely_in_company."


def check_q5(answer: Any) -> str:
    """What the model's correlation of about 0.39 does and does not show.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q5", "abc")
