"""Survival in groups: the risk-pooling argument (Baumeister & Leary 1995), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import survival as s

cvs = st.floats(0, s.MAX_CV)
sizes = st.integers(1, 12)
seeds = st.integers(0, 2**32 - 1)
SMALL = dict(foragers=120, days=60)


def _advantage(cv: float, group_size: int = 5, seeds_=(0, 1, 2)) -> float:
    """Extra share of foragers alive at season's end in sharing groups, averaged over seeds."""
    gaps = []
    for seed in seeds_:
        run = s.compare(cv, group_size, seed=seed)
        gaps.append(run.groups[-1] - run.loners[-1])
    return float(np.mean(gaps))


# --- Calibration: the argument the model exists to show --------------------------------------

def test_sharing_raises_survival_when_food_is_variable():
    """Baumeister & Leary (1995), Psychological Bulletin 117(3): group living aided survival.
    Risk pooling (food sharing among foragers; reviewed by Gurven 2004, BBS): when daily returns are
    variable, sharing them keeps members alive through unlucky streaks."""
    for cv in (1.0, 1.5):
        for seed in (0, 7, 11):
            run = s.compare(cv, 5, seed=seed)
            assert run.groups[-1] > run.loners[-1] + 0.3
            assert np.all(run.groups >= run.loners - 0.05)


def test_group_advantage_grows_with_variability():
    """Baumeister & Leary (1995) argument, risk-pooling version: the more variable the food,
    the more sharing is worth (tested from no variability up to a cv of 1.5)."""
    gaps = [_advantage(cv) for cv in (0.0, 0.75, 1.0, 1.25, 1.5)]
    assert gaps[0] == 0
    assert all(later > earlier + 0.05 for earlier, later in zip(gaps, gaps[1:]))


def test_no_variability_sharing_makes_no_difference():
    """Risk pooling helps only against risk: with identical daily returns there is nothing to
    pool, so loners and groups of any size fare exactly alike."""
    for group_size in (2, 5, 13):
        run = s.compare(0.0, group_size)
        assert np.array_equal(run.loners, run.groups)
        assert run.loners[-1] == 1.0


def test_more_erratic_food_needs_bigger_groups():
    """Pooling averages luck, and bigger pools average more: at high variability survival rises
    with group size."""
    survival = [s.survival_probability(2.0, g) for g in (1, 2, 4, 8)]
    assert all(later > earlier for earlier, later in zip(survival, survival[1:]))
    assert survival[0] < 0.1 and survival[-1] > 0.8


def test_loners_fare_worse_as_food_becomes_more_variable():
    survival = [s.survival_probability(cv) for cv in (0.0, 0.75, 1.0, 1.5, 2.0)]
    assert all(later < earlier for earlier, later in zip(survival, survival[1:]))


# --- Properties -------------------------------------------------------------------------------

@given(cvs, sizes, seeds)
def test_share_alive_is_bounded_and_never_rises(cv, group_size, seed):
    run = s.simulate(cv, group_size, seed=seed, **SMALL)
    assert run.alive[0] == 1.0
    assert np.all((run.alive >= 0) & (run.alive <= 1))
    assert np.all(np.diff(run.alive) <= 0)


@given(cvs, sizes, st.floats(4, 29), st.floats(0.1, 1), seeds)
def test_bigger_store_never_hurts(cv, group_size, cap, extra, seed):
    small = s.simulate(cv, group_size, max_store=cap, seed=seed, **SMALL)
    big = s.simulate(cv, group_size, max_store=cap + extra, seed=seed, **SMALL)
    assert np.all(big.alive >= small.alive)


@given(cvs, sizes, st.floats(0.5, 7), st.floats(0.1, 1), seeds)
def test_bigger_starting_store_never_hurts(cv, group_size, start, extra, seed):
    low = s.simulate(cv, group_size, start_store=start, seed=seed, **SMALL)
    high = s.simulate(cv, group_size, start_store=start + extra, seed=seed, **SMALL)
    assert np.all(high.alive >= low.alive)


@given(sizes)
def test_no_variability_everyone_survives(group_size):
    assert s.survival_probability(0.0, group_size, **SMALL) == 1.0


@given(cvs, sizes, seeds)
def test_same_seed_same_run(cv, group_size, seed):
    a = s.compare(cv, group_size, seed=seed, **SMALL)
    b = s.compare(cv, group_size, seed=seed, **SMALL)
    assert np.array_equal(a.loners, b.loners) and np.array_equal(a.groups, b.groups)


def test_loners_and_groups_face_the_same_luck():
    """Common random numbers: forager i finds the same food whatever the group size."""
    few = s._daily_returns(1.0, 600, 30, seed=3)
    more = s._daily_returns(1.0, 602, 30, seed=3)
    assert np.array_equal(few, more[:600])


# --- Bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(cv=-0.1), "cv"),
        (dict(cv=math.nan), "cv"),
        (dict(cv=math.inf), "cv"),
        (dict(cv="1"), "cv"),
        (dict(cv=1.0, group_size=0), "group_size"),
        (dict(cv=1.0, group_size=2.5), "group_size"),
        (dict(cv=1.0, group_size=10**4), "group_size"),
        (dict(cv=1.0, foragers=0), "foragers"),
        (dict(cv=1.0, days=10**5), "days"),
        (dict(cv=1.0, start_store=0), "start_store"),
        (dict(cv=1.0, start_store=math.nan), "start_store"),
        (dict(cv=1.0, max_store=2.0), "max_store"),
        (dict(cv=1.0, max_store=True), "max_store"),
        (dict(cv=1.0, seed=-1), "seed"),
        (dict(cv=1.0, seed="0"), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        s.simulate(**kwargs)
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        s.compare(**kwargs)


# --- Stores, padding and the run's record -------------------------------------------------------

def test_half_a_days_store_is_enough_when_food_never_varies():
    """With a steady 1.2 a day a forager never dips below the half-day's food it starts with."""
    assert s.survival_probability(0.0, start_store=0.5, foragers=10, days=30) == 1.0


def test_a_store_that_runs_out_kills_the_loner_that_day():
    """A forager dies the first day the store runs out: with a 20% surplus on average, at cv 3
    most loners starve early, and a bigger store delays it."""
    small = s.simulate(3.0, start_store=0.5, max_store=0.5, foragers=400, days=5, seed=1).alive
    big = s.simulate(3.0, start_store=3.0, max_store=3.0, foragers=400, days=5, seed=1).alive
    assert small[1] < 0.9 and np.all(big >= small) and big[1] == 1.0


def test_padding_foragers_in_the_last_group_are_not_counted():
    """Foragers 0-4, 5-9 and 10-14 form the groups; with 11 foragers the last group is one real
    member plus four uncounted helpers. Common random numbers let us read each group's fate."""
    kw = dict(days=60, seed=2)
    first = s.simulate(2.5, 5, foragers=5, **kw).alive            # group 0 alone
    two = s.simulate(2.5, 5, foragers=10, **kw).alive * 2 - first  # group 1
    three = s.simulate(2.5, 5, foragers=15, **kw).alive * 3 - first - two  # group 2
    eleven = s.simulate(2.5, 5, foragers=11, **kw).alive
    assert np.allclose(eleven * 11, 5 * first + 5 * two + 1 * three)
    assert len({tuple(first), tuple(two), tuple(three)}) > 1  # the groups really fare differently


def test_the_run_records_its_settings():
    run = s.simulate(1.25, 3, days=7, foragers=9)
    assert run.cv == 1.25 and run.group_size == 3 and list(run.days) == list(range(8))
    both = s.compare(0.75, 4, days=6, foragers=8, start_store=2.0, max_store=3.0, seed=5)
    assert both.cv == 0.75 and both.group_size == 4 and list(both.days) == list(range(7))
    settings = dict(days=6, foragers=8, start_store=2.0, max_store=3.0, seed=5)
    assert np.array_equal(both.loners, s.simulate(0.75, 1, **settings).alive)
    assert np.array_equal(both.groups, s.simulate(0.75, 4, **settings).alive)
    assert s.survival_probability(0.75, 4, **settings) == both.groups[-1]


def test_below_a_thousandth_of_variability_food_is_exactly_steady():
    assert np.all(s._daily_returns(0.000999, 5, 4, seed=0) == 1.2)
    drawn = s._daily_returns(0.001, 5, 4, seed=0)
    assert np.any(drawn != 1.2) and np.allclose(drawn, 1.2, rtol=0.01)
    assert s._daily_returns(1.0, 2000, 50, seed=1).mean() == pytest.approx(1.2, rel=0.02)
    assert s._daily_returns(1.0, 2000, 50, seed=1).std() == pytest.approx(1.2, rel=0.05)


def test_survival_probability_is_the_share_alive_at_the_end():
    """With almost nothing stored, one day of very variable foraging already starves many
    loners: the share still alive at the end of that day, not the starting 1.0."""
    p = s.survival_probability(3.0, start_store=0.5, max_store=4.0, days=1)
    assert 0.0 < p < 0.5
    assert p == s.simulate(3.0, start_store=0.5, max_store=4.0, days=1).alive[-1]
