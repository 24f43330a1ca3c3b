"""Argument checks shared by every model.

Every public model function validates its inputs here so that a learner who types a
bad value sees one clear sentence naming the parameter and its allowed range,
instead of a NumPy warning or a silent NaN three cells later.
"""
from __future__ import annotations

import math
import numbers
from typing import Any, Sequence

import numpy as np

SEED_MAX = 2**32 - 1


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check_number(name: str, value: Any, lo: float, hi: float) -> float:
    """Return ``value`` as a float if it is a finite real number in [lo, hi].

    Booleans are rejected on purpose: ``True`` is an int in Python, but a learner
    who passes it as a rate has made a mistake we should point out.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(
            f"{name} must be a number between {lo:g} and {hi:g}; got {_describe(value)} "
            f"of type {type(value).__name__}"
        )
    number = float(value)
    if math.isnan(number) or math.isinf(number) or not lo <= number <= hi:
        raise ValueError(f"{name} must be a number between {lo:g} and {hi:g}; got {_describe(value)}")
    return number


def check_int(name: str, value: Any, lo: int, hi: int) -> int:
    """Return ``value`` as an int if it is a whole number in [lo, hi]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and not isinstance(value, bool) and float(value).is_integer():
            value = int(value)
        else:
            raise ValueError(
                f"{name} must be a whole number between {lo} and {hi}; got {_describe(value)} "
                f"of type {type(value).__name__}"
            )
    number = int(value)
    if not lo <= number <= hi:
        raise ValueError(f"{name} must be a whole number between {lo} and {hi}; got {number}")
    return number


def check_seed(seed: Any) -> int:
    """Seeds are explicit whole numbers so that every run can be repeated exactly."""
    return check_int("seed", seed, 0, SEED_MAX)


def check_choice(name: str, value: Any, options: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in options:
        allowed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{name} must be one of {allowed}; got {_describe(value)}")
    return value


def make_rng(seed: Any) -> np.random.Generator:
    return np.random.default_rng(check_seed(seed))
