"""Survival in groups: an illustrative risk-pooling model of why sharing pays when food is uncertain.

Source of the argument: Baumeister & Leary (1995), "The need to belong", Psychological
Bulletin 117(3), argue that a drive to form and keep bonds would have been favoured because
group living helped our ancestors survive and reproduce. One concrete mechanism proposed in
evolutionary accounts of food sharing among foragers is **risk pooling** (variance
reduction): a hunter's luck varies wildly from day to day, and sharing the day's catch smooths
it out (reviewed as "risk reduction" among other models of food sharing by Gurven 2004,
Behavioral and Brain Sciences, doi:10.1017/S0140525X04000123). This module is a toy version of that argument. It is an **illustrative
argument, not evidence about human evolution**: its numbers are invented to make the logic
visible, and it shows only that the argument is coherent, not that it happened.

What the model keeps
--------------------
* Every forager needs one unit of food a day (one "day's need") and finds a random amount:
  on average 1.2 units, with day-to-day variability set by the coefficient of variation
  ``cv`` (gamma-distributed returns: at high ``cv`` most days bring little and a few bring a
  windfall).
* Each forager has a small energy store: it starts at 4 days' need and cannot hold more than
  8 (food spoils, bodies store only so much), so a windfall beyond that is wasted.
* A forager who eats alone dies the first day the store runs out.
* Members of a group pool the day's food and share it equally. Because they start equal and
  share equally, a group lives or starves together.
* Loners and groups face the same daily luck (common random numbers), so every difference
  between them comes from sharing.

What it leaves out: cheating and free riding, unequal sharing, kinship, conflict and disease
in groups, travel, and the costs of finding partners. Real foragers also store, trade and
switch foods.

Reproduces (tests/models/test_survival.py): sharing raises survival when food is variable;
the group's advantage grows with variability (until food is so erratic that even groups of
five starve, where larger groups are needed); with no variability sharing makes no difference.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import check_int, check_number, make_rng

#: Average daily food found by one forager, in units of one day's need (a 20% surplus).
MEAN_RETURN = 1.2
DAILY_NEED = 1.0

MAX_CV = 3.0
MAX_FORAGERS = 2000
MAX_GROUP_SIZE = 50
MAX_DAYS = 365
MAX_STORE = 30.0


@dataclass(frozen=True)
class SurvivalRun:
    days: np.ndarray   # 0 .. n
    alive: np.ndarray  # share of foragers alive at the end of each day (1.0 on day 0)
    cv: float
    group_size: int


@dataclass(frozen=True)
class Comparison:
    """Loners and groups facing the same daily luck."""

    days: np.ndarray
    loners: np.ndarray  # share alive, foragers who eat alone
    groups: np.ndarray  # share alive, foragers who pool food in groups of ``group_size``
    cv: float
    group_size: int


def _check(cv, group_size, foragers, days, start_store, max_store) -> None:
    check_number("cv", cv, 0.0, MAX_CV)
    check_int("group_size", group_size, 1, MAX_GROUP_SIZE)
    check_int("foragers", foragers, 1, MAX_FORAGERS)
    check_int("days", days, 1, MAX_DAYS)
    check_number("start_store", start_store, 0.5, MAX_STORE)
    check_number("max_store", max_store, start_store, MAX_STORE)


def _daily_returns(cv: float, foragers: int, days: int, seed: int) -> np.ndarray:
    """Food found, shape (foragers, days). Forager i's luck is the same whatever the group size."""
    rng = make_rng(seed)
    if cv < 1e-3:  # below this the spread is invisible and 1/cv**2 overflows
        return np.full((foragers, days), MEAN_RETURN)
    shape = 1.0 / cv**2
    # Row-major filling: the first ``foragers`` rows never depend on how many rows follow.
    return rng.gamma(shape, MEAN_RETURN / shape, size=(foragers, days))


def _share_alive(returns: np.ndarray, group_size: int, foragers: int,
                 start_store: float, max_store: float) -> np.ndarray:
    n_groups = returns.shape[0] // group_size
    shared = returns.reshape(n_groups, group_size, returns.shape[1]).mean(axis=1)  # each member's equal share
    store = np.full(n_groups, start_store)
    alive = np.ones(n_groups, dtype=bool)
    members = np.full(n_groups, group_size)
    members[-1] -= n_groups * group_size - foragers  # the last group may be partly padding
    share = [1.0]
    for today in shared.T:
        store = np.minimum(store + today - DAILY_NEED, max_store)
        alive &= store > 0
        share.append(members[alive].sum() / foragers)
    return np.array(share)


def simulate(
    cv: float,
    group_size: int = 1,
    *,
    foragers: int = 600,
    days: int = 120,
    start_store: float = 4.0,
    max_store: float = 8.0,
    seed: int = 0,
) -> SurvivalRun:
    """Share of foragers alive each day when they pool food in groups of ``group_size``.

    ``group_size = 1`` means everyone eats alone. If ``foragers`` is not a multiple of the
    group size, the last group is filled up with extra foragers who are not counted.
    """
    _check(cv, group_size, foragers, days, start_store, max_store)
    n_groups = -(-foragers // group_size)
    returns = _daily_returns(cv, n_groups * group_size, days, seed)
    alive = _share_alive(returns, group_size, foragers, start_store, max_store)
    return SurvivalRun(np.arange(days + 1), alive, float(cv), int(group_size))


def survival_probability(cv: float, group_size: int = 1, **kwargs) -> float:
    """Share of foragers still alive at the end of the season."""
    return float(simulate(cv, group_size, **kwargs).alive[-1])


def compare(
    cv: float,
    group_size: int = 5,
    *,
    foragers: int = 600,
    days: int = 120,
    start_store: float = 4.0,
    max_store: float = 8.0,
    seed: int = 0,
) -> Comparison:
    """Loners against groups of ``group_size``, both facing the same daily luck."""
    settings = dict(foragers=foragers, days=days, start_store=start_store,
                    max_store=max_store, seed=seed)
    loners = simulate(cv, **settings)  # group_size 1: everyone eats alone
    groups = simulate(cv, group_size, **settings)
    return Comparison(loners.days, loners.alive, groups.alive, float(cv), int(group_size))


def default_run() -> Comparison:
    """Loners against groups of five when daily food is as variable as its mean (cv = 1)."""
    return compare(1.0)  # groups of five, compare's default
