"""Checks for exercises/02-evolutionary-foundations.ipynb.

Expected values come from the survival model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import survival
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback, remembered

#: Variabilities the learner compares in q3.
GRID = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
#: Largest group size q5 asks about.
MAX_GROUP = 12
TOLERANCE = 0.005


@remembered
def _gap(cv: float, group_size: int = 5) -> float:
    run = survival.compare(cv, group_size)
    return float(run.groups[-1] - run.loners[-1])


def peak_of_grid(group_size: int = 5) -> float:
    """The variability in :data:`GRID` at which the groups' advantage is largest."""
    group_size = _checks.check_int("group_size", group_size, 1, survival.MAX_GROUP_SIZE)
    return max(GRID, key=lambda cv: _gap(cv, group_size))


def smallest_group(cv: float = 2.0, share: float = 0.9) -> int | None:
    """The smallest group size (1 to :data:`MAX_GROUP`) that keeps at least ``share`` alive."""
    share = _checks.check_number("share", share, 0.0, 1.0)
    for size in range(1, MAX_GROUP + 1):
        if survival.survival_probability(cv, size) >= share:
            return size
    return None


def _close(value: float, target: float) -> bool:
    return abs(value - target) < TOLERANCE


def check_q1(answer: Any) -> str:
    """Share of loners alive at the end of the season when variability is 1.0."""
    value = number_or_feedback(answer, "q1 should be a number between 0 and 1",
                               "Call survival.survival_probability(...).")
    if isinstance(value, str):
        return value
    expected = survival.survival_probability(1.0, 1)
    if _close(value, expected):
        return CORRECT
    if _close(value / 100, expected):
        return "That looks like a percentage. The model gives a share between 0 and 1: divide by 100."
    if _close(value, survival.survival_probability(1.0, 5)):
        return "That is the value for groups of five. Loners eat alone: use group_size=1 (the default)."
    if not 0 <= value <= 1:
        return f"A share of foragers alive runs from 0 to 1, so {value:g} can't be right. Check the call."
    return f"Not quite: {value:g} isn't the loners' share alive at variability 1.0. Check both arguments."


def check_q2(answer: Any) -> str:
    """The gap (groups of five minus loners) at the end of the season, variability 2.0."""
    value = number_or_feedback(answer, "q2 should be a number (a difference of two shares)")
    if isinstance(value, str):
        return value
    expected = _gap(2.0)
    run = survival.compare(2.0, 5)
    if _close(value, expected):
        return CORRECT
    if _close(value, -expected):
        return "The sign is reversed: subtract the loners' share from the groups' share, not the other way round."
    if _close(value / 100, expected):
        return "That looks like percentage points. Give the difference of the two shares, between -1 and 1."
    if _close(value, float(run.groups[-1])):
        return "That is the groups' share alive on its own. Subtract the loners' share to get the gap."
    if _close(value, float(run.loners[-1])):
        return "That is the loners' share alive. The gap is the groups' share minus the loners' share."
    if not -1 <= value <= 1:
        return f"A difference of two shares lies between -1 and 1, so {value:g} can't be right."
    return (f"Not quite: {value:g} isn't the gap at variability 2.0 for groups of five. Use the last "
            "value of .groups and of .loners from survival.compare(2.0, 5).")


def check_q3(answer: Any) -> str:
    """The variability on the grid 0.5, 1.0, ..., 3.0 with the largest gap for groups of five."""
    value = number_or_feedback(answer, f"q3 should be one of the numbers {', '.join(f'{cv:g}' for cv in GRID)}")
    if isinstance(value, str):
        return value
    expected = peak_of_grid()
    if _close(value, expected):
        return CORRECT
    if not any(_close(value, cv) for cv in GRID):
        return f"Choose one of the variabilities on the grid: {', '.join(f'{cv:g}' for cv in GRID)}."
    if value > expected:
        return (f"At {value:g} the gap is {_gap(value):.3f}, smaller than at a lower variability. The "
                "advantage does not keep growing: compute the gap at every point on the grid.")
    return (f"At {value:g} the gap is {_gap(value):.3f}; it is still growing there. Compute the gap at "
            "every point on the grid and pick the largest.")


def check_q4(answer: Any) -> str:
    """Why the gap shrinks when food becomes very erratic.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")


def check_q5(answer: Any) -> str:
    """The smallest group size that keeps at least 90% alive at variability 2.0."""
    value = number_or_feedback(answer, "q5 should be a whole number of people (a group size)", whole=True)
    if isinstance(value, str):
        return value
    size = int(value)
    expected = smallest_group()
    if size == expected:
        return CORRECT
    if not 1 <= size <= MAX_GROUP:
        return f"Try group sizes from 1 to {MAX_GROUP}; {size} is outside that range."
    share = survival.survival_probability(2.0, size)
    if share < 0.9:
        return f"Groups of {size} keep {share:.1%} alive at variability 2.0, below 90%. Try bigger groups."
    return f"Groups of {size} keep {share:.1%} alive, enough, but a smaller group also reaches 90%: find the smallest."
