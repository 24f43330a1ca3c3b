"""Checks for exercises/12-a-lifelong-pursuit.ipynb.

Expected values come from the convoy model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import convoy
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback

YOUNG, OLD = 25, 80
#: The short-horizon person of q3: strongest selectivity, expects to live to 50, asked about at 40.
SHORT = dict(selectivity=1.0, life_horizon=50.0)
SHORT_AGE = 40


def kept_share(circle: int, convoy_: convoy.Convoy | None = None) -> float:
    """Share of its size at 25 that circle ``circle`` (0 inner, 1 middle, 2 outer) keeps at 80."""
    circle = _checks.check_int("circle", circle, 0, 2)
    if convoy_ is not None and not isinstance(convoy_, convoy.Convoy):
        raise ValueError(f"convoy_ must be a convoy.Convoy or None; got {type(convoy_).__name__}")
    c = convoy_ if convoy_ is not None else convoy.expected_convoy()
    return c.at(OLD)[circle] / c.at(YOUNG)[circle]


def first_age_below_half() -> int | None:
    """First age after 25 at which the default outer circle is below half its size at 25."""
    c = convoy.expected_convoy()
    half = c.at(YOUNG)[2] / 2
    return next((age for age in range(YOUNG, convoy.MAX_AGE + 1) if c.at(age)[2] < half), None)


def short_horizon_outer() -> float:
    """Outer circle at 40 for someone with selectivity 1 who expects to live to 50."""
    return convoy.expected_convoy(**SHORT).at(SHORT_AGE)[2]


def check_q1(answer: Any) -> str:
    """Share of its age-25 size the outer circle keeps at 80 (default convoy)."""
    value = number_or_feedback(answer, "q1 should be a number between 0 and 1 (a share)")
    if isinstance(value, str):
        return value
    expected = kept_share(2)
    if abs(value - expected) < 0.006:
        return CORRECT
    if abs(value - 100 * expected) < 0.6:
        return "That looks like a percentage. q1 asks for a share between 0 and 1: divide by 100."
    if abs(value - 1 / expected) < 0.06:
        return "That is the size at 25 divided by the size at 80. Divide the other way: size at 80 / size at 25."
    c = convoy.expected_convoy()
    if abs(value - c.at(OLD)[2]) < 0.06 or abs(value - c.at(YOUNG)[2]) < 0.06:
        return "That is a number of people, not a share. Divide the outer circle at 80 by the outer circle at 25."
    for circle, name in ((0, "inner"), (1, "middle")):
        if abs(value - kept_share(circle)) < 0.006:
            return (f"That is the {name} circle's share. The outer circle is the last of the three values "
                    "that .at(age) returns (index 2).")
    if not 0 <= value <= 1:
        return f"A share kept must be between 0 and 1, so {value:g} can't be right."
    return f"Not quite: {value:g} isn't the outer circle's size at 80 divided by its size at 25."


def check_q2(answer: Any) -> str:
    """First age at which the default outer circle is below half its size at 25."""
    value = number_or_feedback(answer, "q2 should be a whole number of years (an age)", whole=True)
    if isinstance(value, str):
        return value
    expected = first_age_below_half()
    age = int(value)
    if expected is not None and age == expected:
        return CORRECT
    if not convoy.MIN_AGE <= age <= convoy.MAX_AGE:
        return f"The model runs from age {convoy.MIN_AGE} to {convoy.MAX_AGE}, so {age} can't be right."
    c = convoy.expected_convoy()
    half = c.at(YOUNG)[2] / 2
    if c.at(age)[2] >= half:
        return f"At {age} the outer circle is still at least half its size at 25. Look at later ages."
    return f"At {age} the outer circle is already below half, but it first drops below at an earlier age: find the first."


def check_q3(answer: Any) -> str:
    """Outer circle at 40 with selectivity 1 and a life horizon of 50."""
    value = number_or_feedback(answer, "q3 should be a number of people")
    if isinstance(value, str):
        return value
    expected = short_horizon_outer()
    if abs(value - expected) < 0.06:
        return CORRECT
    if abs(value - convoy.expected_convoy(selectivity=1.0).at(SHORT_AGE)[2]) < 0.06:
        return "That is the value for someone who expects to live to 90. Pass life_horizon=50 as well."
    if abs(value - convoy.expected_convoy().at(SHORT_AGE)[2]) < 0.06:
        return "That is the default person. Pass selectivity=1 and life_horizon=50 to expected_convoy."
    short = convoy.expected_convoy(**SHORT).at(SHORT_AGE)
    if any(abs(value - size) < 0.06 for size in short[:2]):
        return "That is the inner or middle circle. The outer circle is index 2 of .at(40)."
    if value < 0:
        return "A circle cannot have fewer than zero people."
    return f"Not quite: {value:g} isn't the outer circle at 40 for selectivity 1 and a horizon of 50."


def check_q4(answer: Any) -> str:
    """What the research says a smaller network in later life means.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
