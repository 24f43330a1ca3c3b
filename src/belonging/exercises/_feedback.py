"""Shared pieces of the exercise checks: turning any value into a number or a choice, and the
feedback patterns several chapters use (a number or the reason it is not one, a step on a grid)."""
from __future__ import annotations

import functools
import math
import numbers
from typing import Any, Callable, Iterable

from . import RECORDED

BLANK = "You haven't answered yet: replace the ... with your answer and run the cell again."


def is_blank(value: Any) -> bool:
    return value is ... or value is None


def as_number(value: Any) -> float | None:
    """A real, finite number, or None for anything else (text, lists, booleans, NaN)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float (10**400) is not a usable answer either
        return None
    return number if math.isfinite(number) else None


def as_choice(value: Any, options: str) -> str | None:
    """A single option letter such as "b", accepting "B", " b " or "(b)"."""
    if not isinstance(value, str):
        return None
    letter = value.strip().strip("()").strip().lower()
    return letter if len(letter) == 1 and letter in options else None


def describe(value: Any) -> str:
    text = repr(value)
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"  # "an int", "a str"
    return (text if len(text) <= 40 else text[:37] + "...") + f" ({article} {kind})"


def letters_named(options: str) -> str:
    """'the letter "a" or "b"', 'one of the letters "a", "b" or "c"': how a message names them."""
    quoted = [f'"{letter}"' for letter in options]
    listed = ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
    return f"the letter {listed}" if len(options) == 2 else f"one of the letters {listed}"


def judge_choice(answer: Any, name: str, options: str) -> str:
    """A multiple-choice answer checked for its form only: blank, not one of `options`, or recorded.

    The answer key is only in the autograder's hidden tests: a right-or-wrong check on two to
    four options would give the graded answer away.
    """
    if is_blank(answer):
        return BLANK
    if as_choice(answer, options) is None:
        return f"{name} should be {letters_named(options)}; you gave {describe(answer)}."
    return RECORDED


def number_or_feedback(answer: Any, should: str, hint: str = "", whole: bool = False) -> float | str:
    """The answer as a finite number, or the message to show instead: BLANK when there is no
    answer yet, else "<should>; you gave <the answer>." with `hint` after it. `whole`: only a
    whole number will do (a count, a group size)."""
    if is_blank(answer):
        return BLANK
    value = as_number(answer)
    if value is None or (whole and not value.is_integer()):
        return f"{should}; you gave {describe(answer)}." + (f" {hint}" if hint else "")
    return value


def lowest_where(grid: Iterable[float], holds: Callable[[float], bool]) -> float | None:
    """The first step of `grid` (in its order) at which `holds` is true, or None."""
    return next((step for step in grid if holds(step)), None)


def step_of(value: float, grid: Iterable[float]) -> float | None:
    """The step of `grid` that `value` is (to 1e-9), or None when it falls between steps."""
    nearest = min(grid, key=lambda step: abs(step - value))
    return nearest if abs(nearest - value) <= 1e-9 else None


def remembered(compute: Callable) -> Callable:
    """`compute`, remembering its answer for each set of arguments it was given.

    Expected answers come from seeded model runs, so the same arguments always give the same
    answer, and a learner who checks a wrong answer five times should not wait for the
    simulation five times. Arguments that cannot be remembered (a list, say) go to `compute`
    as they are, so the model's own message about them is what the learner sees; 1, 1.0 and
    True are remembered apart (a model may accept one and refuse another); a dict answer is
    copied, so a caller who changes it changes no later answer. Errors are never remembered.
    """
    cached = functools.lru_cache(maxsize=256, typed=True)(compute)

    @functools.wraps(compute)
    def call(*args, **kwargs):
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:
            return compute(*args, **kwargs)
        found = cached(*args, **kwargs)
        return dict(found) if isinstance(found, dict) else found

    return call
