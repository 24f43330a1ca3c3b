"""Checks for exercises/03-programmed-to-connect.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import needs
from . import CORRECT
from ._feedback import judge_choice, lowest_where, number_or_feedback

#: The grid of basic-needs levels q3 asks about: 0, 0.05, ..., 1.
BASIC_GRID = [round(0.05 * i, 2) for i in range(21)]


def check_q1(answer: Any) -> str:
    """Well-being under independent contributions: basic 0.2, belonging 0.8, esteem and autonomy 0.5."""
    value = number_or_feedback(answer, "q1 should be a number between 0 and 10",
                               "Call needs.well_being(...).")
    if isinstance(value, str):
        return value
    expected = needs.well_being(basic=0.2, belonging=0.8, esteem=0.5, autonomy=0.5, prepotency=needs.INDEPENDENT)
    if abs(value - expected) < 0.005:
        return CORRECT
    if not 0 <= value <= 10:
        return f"Well-being in this model runs from 0 to 10, so {value:g} can't be right. Check the arguments."
    strict = needs.well_being(basic=0.2, belonging=0.8, esteem=0.5, autonomy=0.5, prepotency=needs.STRICT)
    if abs(value - strict) < 0.005:
        return "That is the strict-hierarchy value (prepotency=1). q1 asks for independent contributions: prepotency=0."
    if 0 <= value <= 1:
        return "Well-being here is on a 0-10 scale, not 0-1: use the number needs.well_being returns."
    return f"Not quite: {value:g} isn't the well-being for those four levels with prepotency=0. Check each need's level."


def check_q2(answer: Any) -> str:
    """What full belonging adds under strict prepotency when basic needs are 0.6 met."""
    value = number_or_feedback(answer, "q2 should be a number of points", "Call needs.belonging_gain(...).")
    if isinstance(value, str):
        return value
    expected = needs.belonging_gain(0.6, prepotency=needs.STRICT)
    if abs(value - expected) < 0.005:
        return CORRECT
    if abs(value - needs.belonging_gain(0.6, prepotency=needs.INDEPENDENT)) < 0.005:
        return "That is the gain under independent contributions. q2 asks for the strict hierarchy: prepotency=1."
    if abs(value - needs.well_being(basic=0.6, belonging=1.0, prepotency=needs.STRICT)) < 0.005:
        return ("That is well-being with full belonging, not what belonging adds. Subtract well-being with no "
                "belonging, or use needs.belonging_gain.")
    return f"Not quite: {value:g} isn't what full belonging adds at basic needs of 0.6 with prepotency=1."


def first_basic_where_belonging_counts() -> float | None:
    """Lowest basic-needs level on the 0.05 grid where belonging adds anything under strict prepotency."""
    return lowest_where(BASIC_GRID, lambda basic: needs.belonging_gain(basic, prepotency=needs.STRICT) > 1e-9)


def check_q3(answer: Any) -> str:
    """Lowest basic-needs level (steps of 0.05) at which belonging adds anything under strict prepotency."""
    value = number_or_feedback(answer, "q3 should be a number between 0 and 1 (a level of basic needs)")
    if isinstance(value, str):
        return value
    expected = first_basic_where_belonging_counts()
    if expected is not None and abs(value - expected) < 1e-6:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Basic needs are met to a level between 0 and 1, so {value:g} can't be right."
    if needs.belonging_gain(value, prepotency=needs.STRICT) <= 1e-9:
        return (f"At basic needs of {value:g}, belonging still adds nothing under the strict hierarchy. "
                "Look a little higher.")
    return (f"Belonging does add something at {value:g}, but it already does at a lower level on the 0.05 grid: "
            "find the lowest.")


def check_q4(answer: Any) -> str:
    """Which hypothesis matches Tay & Diener (2011)?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
