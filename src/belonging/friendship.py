"""Friendship hours: an illustrative model of how time together turns acquaintances into friends.

Source: Hall, J. A. (2019). How many hours does it take to make a friend? *Journal of Social
and Personal Relationships, 36*(4), 1278–1296. Study 1: 355 adults who had recently moved;
Study 2: 112 first-year students followed over 9 weeks. The hours come from people's own
estimates. The University of Kansas release (6 March 2018) rounds the results to about 50 h
from acquaintance to casual friend, about 90 h to friend and more than 200 h to close friend;
the ranges used below (about 40–60 h and 80–100 h) are those of press summaries, not figures
checked in the paper (course checked-facts A19, chapter 8). Hall publishes no equations: this
is a simplified translation and its numbers are **illustrative**, not measurements.

What the model keeps from the findings
--------------------------------------
* Closeness grows with cumulative *weighted* hours since meeting, ``H``.
* Leisure time (hanging out, meals, games) counts fully (weight 1.0). Time together at
  school or work, where people are not together by choice, counts less (weight 0.4, an
  illustrative value inside the 0.3–0.5 suggested in the course dossier).
* Four stages: acquaintance, casual friend, friend, close friend. The cut points are fuzzy:
  the chance of having reached a stage follows a logistic curve that crosses 50% at the
  middle of Hall's range (50, 90 and 200 h) and runs from 10% to 90% across the range
  (40–60 h, 80–100 h; for close friends, where only ">200 h" is published, an illustrative
  175–225 h). These are illustrative fuzzy versions of published ranges.
* People differ: in the simulation each acquaintance spends a different amount of time with
  you, week by week, and reaches each stage at a different number of hours.

What it leaves out: the kind of talk (the paper's abstract says two kinds of everyday talk
predicted growing closeness; press accounts name catching up and joking around, and say small
talk did not help), whether the other person wants a friendship, drifting apart
when time together stops, and age: the thresholds come from adult and college samples and are
not validated for children.

Reproduces (tests/models/test_friendship.py): the stage at 20, 50, 90 and 250 h; about 10
weeks to a casual friend and about 40 weeks to a close friend at 5 leisure hours a week
(dossier worked numbers); leisure hours count more than the same hours at school or work.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import check_choice, check_int, check_number, make_rng

STAGES = ("acquaintance", "casual friend", "friend", "close friend")
#: Hours at which the chance of having reached casual friend, friend, close friend is 50%.
MIDPOINTS = (50.0, 90.0, 200.0)
#: Half the width of each fuzzy range: 40–60 h, 80–100 h, and an illustrative 175–225 h.
HALF_WIDTHS = (10.0, 10.0, 25.0)
LEISURE_WEIGHT = 1.0
SCHOOL_WEIGHT = 0.4

MAX_HOURS = 10_000.0
MAX_HOURS_PER_WEEK = 60.0
MAX_WEEKS = 260
MAX_ACQUAINTANCES = 30

# A range edge sits where the logistic is at 10% or 90%, i.e. ln(9) scale units from the middle.
_SCALES = np.array(HALF_WIDTHS) / math.log(9.0)
_MIDS = np.array(MIDPOINTS)


@dataclass(frozen=True)
class StageCurves:
    """Chance of being at each stage, week by week, at a steady number of hours a week."""

    weeks: np.ndarray          # 0 .. n
    hours: np.ndarray          # weighted hours since meeting
    probabilities: np.ndarray  # shape (weeks + 1, 4), columns in STAGES order, rows sum to 1


@dataclass(frozen=True)
class FriendshipRun:
    """Several simulated acquaintances, each with their own pace and their own thresholds."""

    weeks: np.ndarray       # 0 .. n
    hours: np.ndarray       # shape (acquaintances, weeks + 1): weighted hours since meeting
    stage: np.ndarray       # same shape: index into STAGES
    thresholds: np.ndarray  # shape (acquaintances, 3): hours at which each one moves up a stage


def _reached(hours: np.ndarray) -> np.ndarray:
    """P(reached casual friend, friend, close friend) for each value of ``hours``."""
    z = (np.asarray(hours)[..., None] - _MIDS) / _SCALES
    # Far below the cut points the wider close-friend curve would exceed the friend curve by
    # ~1e-8; reaching a later stage must never be likelier than reaching an earlier one.
    return np.minimum.accumulate(1.0 / (1.0 + np.exp(-z)), axis=-1)


def _probabilities(hours: np.ndarray) -> np.ndarray:
    """Stage probabilities: differences of the 'reached' curves (an ordered logistic model)."""
    reached = _reached(hours)
    ones = np.ones(reached.shape[:-1] + (1,))
    zeros = np.zeros_like(ones)
    upper = np.concatenate([ones, reached], axis=-1)
    lower = np.concatenate([reached, zeros], axis=-1)
    return upper - lower


def _weekly_rate(leisure_hours_per_week: float, school_hours_per_week: float) -> float:
    check_number("leisure_hours_per_week", leisure_hours_per_week, 0.0, MAX_HOURS_PER_WEEK)
    check_number("school_hours_per_week", school_hours_per_week, 0.0, MAX_HOURS_PER_WEEK)
    return LEISURE_WEIGHT * leisure_hours_per_week + SCHOOL_WEIGHT * school_hours_per_week


def weighted_hours(leisure_hours: float, school_hours: float = 0.0) -> float:
    """Leisure-equivalent hours: school or work hours count at :data:`SCHOOL_WEIGHT`."""
    check_number("leisure_hours", leisure_hours, 0.0, MAX_HOURS)
    check_number("school_hours", school_hours, 0.0, MAX_HOURS)
    return LEISURE_WEIGHT * leisure_hours + SCHOOL_WEIGHT * school_hours


def stage_probabilities(hours: float) -> dict[str, float]:
    """Chance of being at each stage after ``hours`` leisure-equivalent hours together."""
    check_number("hours", hours, 0.0, MAX_HOURS)
    return {name: float(p) for name, p in zip(STAGES, _probabilities(np.array(hours)))}


def friendship_stage(hours: float) -> str:
    """The stage a typical pair has reached: the highest stage reached with at least even odds.

    This is the median of the stage probabilities. At a midpoint itself (say 50 h) the pair is
    exactly half-way across the fuzzy cut point, and reaching the midpoint counts as arriving.
    """
    hours = check_number("hours", hours, 0.0, MAX_HOURS)
    # Each 'reached' curve is exactly even at its midpoint, so this counts the midpoints reached.
    return STAGES[int(np.sum(hours >= _MIDS))]


def weeks_to_stage(
    stage: str, leisure_hours_per_week: float, school_hours_per_week: float = 0.0
) -> float:
    """Weeks of steady time together until the stage's midpoint is reached.

    Returns 0 for ``"acquaintance"`` (where everyone starts) and ``math.inf`` when no time is
    spent together at all.
    """
    check_choice("stage", stage, STAGES)
    rate = _weekly_rate(leisure_hours_per_week, school_hours_per_week)
    index = STAGES.index(stage)
    if index == 0:
        return 0.0
    if rate == 0:
        return math.inf
    return MIDPOINTS[index - 1] / rate


def stage_curves(
    leisure_hours_per_week: float, school_hours_per_week: float = 0.0, *, weeks: int = 80
) -> StageCurves:
    """Stage probabilities week by week when the hours each week are always the same."""
    rate = _weekly_rate(leisure_hours_per_week, school_hours_per_week)
    check_int("weeks", weeks, 1, MAX_WEEKS)
    week_index = np.arange(weeks + 1)
    hours = rate * week_index
    return StageCurves(week_index, hours, _probabilities(hours))


def _individual_thresholds(rng: np.random.Generator, n: int) -> np.ndarray:
    """Draw each person's cut points from the logistic curves, kept in order."""
    draws = rng.logistic(_MIDS, _SCALES, size=(n, 3))
    return np.maximum.accumulate(np.clip(draws, 0.0, None), axis=1)


def simulate(
    *,
    acquaintances: int = 6,
    weeks: int = 80,
    leisure_hours_per_week: float = 5.0,
    school_hours_per_week: float = 0.0,
    variation: float = 0.5,
    seed: int = 0,
) -> FriendshipRun:
    """Follow several new acquaintances week by week.

    Each one spends ``pace`` times the average hours with you (``pace`` is log-normal with mean
    1 and spread ``variation``), and each week's hours also vary around that pace (coefficient
    of variation ``variation``). With ``variation`` below 0.001 everyone gets exactly the
    average hours; the stage cut points still differ from person to person.
    """
    check_int("acquaintances", acquaintances, 1, MAX_ACQUAINTANCES)
    check_int("weeks", weeks, 1, MAX_WEEKS)
    rate = _weekly_rate(leisure_hours_per_week, school_hours_per_week)
    check_number("variation", variation, 0.0, 1.0)
    rng = make_rng(seed)
    thresholds = _individual_thresholds(rng, acquaintances)
    if variation < 1e-3:  # below this the spread is invisible and 1/variation**2 overflows
        weekly = np.full((acquaintances, weeks), rate)
    else:
        pace = rng.lognormal(-variation**2 / 2, variation, size=(acquaintances, 1))
        shape = 1.0 / variation**2
        weekly = rate * pace * rng.gamma(shape, 1.0 / shape, size=(acquaintances, weeks))
    hours = np.concatenate([np.zeros((acquaintances, 1)), np.cumsum(weekly, axis=1)], axis=1)
    stage = np.sum(hours[:, :, None] >= thresholds[:, None, :], axis=2)
    return FriendshipRun(np.arange(weeks + 1), hours, stage, thresholds)


def default_run() -> FriendshipRun:
    """Six new acquaintances, five leisure hours a week each, for 80 weeks."""
    return simulate()
