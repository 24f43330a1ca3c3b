"""Shared pieces of the exercise checks: turning any value into a number or a choice."""
from __future__ import annotations

import math
import numbers
from typing import Any

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
    return (text if len(text) <= 40 else text[:37] + "...") + f" (a {type(value).__name__})"
