"""Friendship hours: calibration to Hall (2019), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import friendship as f

hours = st.floats(0, f.MAX_HOURS)
per_week = st.floats(0, f.MAX_HOURS_PER_WEEK)
seeds = st.integers(0, 2**32 - 1)


def _most_likely(h: float) -> str:
    probs = f.stage_probabilities(h)
    return max(probs, key=probs.get)


# --- Calibration: the published cut points and worked numbers -------------------------------

def test_hour_cut_points_match_published_ranges():
    """Hall (2019), Journal of Social and Personal Relationships 36(4): about 40-60 h from
    acquaintance to casual friend, 80-100 h to friend, more than 200 h to close friend."""
    assert f.friendship_stage(20) == "acquaintance"
    assert f.friendship_stage(50) == "casual friend"
    assert f.friendship_stage(90) == "friend"
    assert f.friendship_stage(250) == "close friend"
    assert _most_likely(20) == "acquaintance"
    assert _most_likely(250) == "close friend"
    # Inside each published range the stage is genuinely uncertain, and settled outside it.
    assert f.stage_probabilities(40)["acquaintance"] > 0.8
    assert f.stage_probabilities(60)["casual friend"] > 0.8
    assert f.stage_probabilities(80)["casual friend"] > 0.6
    assert f.stage_probabilities(100)["friend"] > 0.8
    assert f.stage_probabilities(150)["friend"] > 0.9


def test_midpoints_are_where_the_next_stage_takes_over():
    """Hall (2019): the KU press release rounds the ranges to ~50, ~90 and 200+ hours. Each
    midpoint is the crossing: a coin flip between two stages, and the later stage leads just
    after it."""
    for h, before, after in [(50, "acquaintance", "casual friend"),
                             (90, "casual friend", "friend"),
                             (200, "friend", "close friend")]:
        probs = f.stage_probabilities(h)
        assert probs[before] == pytest.approx(0.5, abs=0.01)
        assert probs[after] == pytest.approx(0.5, abs=0.01)
        assert _most_likely(h * 1.1) == after
        assert _most_likely(h * 0.9) == before


def test_weeks_at_five_leisure_hours_per_week():
    """Hall (2019); course dossier §3.2 worked numbers: at 5 leisure hours a week, about 10
    weeks to a casual friend and about 40 weeks to a close friend."""
    assert f.weeks_to_stage("casual friend", 5) == pytest.approx(10, abs=1)
    assert f.weeks_to_stage("close friend", 5) == pytest.approx(40, abs=3)
    # The week-by-week curves agree: casual friend leads soon after week 10, close after 40.
    probs = f.stage_curves(5, weeks=80).probabilities
    leader = probs.argmax(axis=1)
    assert leader[8] == 0 and leader[12] == 1
    assert leader[36] == 2 and leader[44] == 3


def test_weeks_at_three_and_one_hours_per_week():
    """Hall (2019); dossier §2.3 worked numbers: at 3 h/week casual friend after ~13-20 weeks
    and close friend after ~67 weeks; at 1 h/week about a year and about 4 years."""
    assert 13 <= f.weeks_to_stage("casual friend", 3) <= 20
    assert f.weeks_to_stage("close friend", 3) == pytest.approx(67, abs=3)
    assert 40 <= f.weeks_to_stage("casual friend", 1) <= 60
    assert 3.5 * 52 <= f.weeks_to_stage("close friend", 1) <= 4.5 * 52


def test_leisure_counts_more_than_school_or_work():
    """Hall (2019): hours in leisure activities predicted closeness; hours at work or school,
    where people are together without choosing to be, predicted less."""
    for stage in ("casual friend", "friend", "close friend"):
        assert f.weeks_to_stage(stage, 6) < f.weeks_to_stage(stage, 0, 6)
    leisure = f.stage_curves(6, 0, weeks=40).probabilities[-1]
    school = f.stage_curves(0, 6, weeks=40).probabilities[-1]
    stage_index = np.arange(4)
    assert leisure @ stage_index > school @ stage_index + 0.5
    # School time still helps: it is slower, not useless.
    assert school @ stage_index > f.stage_curves(0, 0, weeks=40).probabilities[-1] @ stage_index


def test_simulated_acquaintances_differ_but_follow_the_average():
    """Hall (2019) reports averages; individual pairs vary around them."""
    run = f.simulate(acquaintances=30, weeks=40, leisure_hours_per_week=5, variation=0.5, seed=3)
    final = run.hours[:, -1]
    assert final.std() > 20
    assert np.median(final) == pytest.approx(200, rel=0.25)


# --- Properties -----------------------------------------------------------------------------

@given(hours)
def test_probabilities_are_a_distribution(h):
    probs = np.array(list(f.stage_probabilities(h).values()))
    assert np.all((probs >= 0) & (probs <= 1))
    assert probs.sum() == pytest.approx(1.0)


@given(st.floats(0, f.MAX_HOURS - 1), st.floats(0.01, 1))
def test_more_hours_never_lowers_closeness(h, dh):
    def reached(x):  # chance of having reached at least each stage
        return np.cumsum(list(f.stage_probabilities(x).values())[::-1])[::-1]
    assert np.all(reached(h + dh) >= reached(h) - 1e-12)
    assert f.STAGES.index(f.friendship_stage(h + dh)) >= f.STAGES.index(f.friendship_stage(h))


@given(st.floats(0.1, 59), st.floats(0.1, 1), st.sampled_from(f.STAGES[1:]))
def test_more_hours_per_week_means_fewer_weeks(rate, extra, stage):
    assert f.weeks_to_stage(stage, rate + extra) < f.weeks_to_stage(stage, rate)
    assert f.weeks_to_stage(stage, rate, 1) < f.weeks_to_stage(stage, rate)


@given(per_week, per_week, st.floats(0, 1), seeds)
def test_simulation_hours_grow_and_stages_follow(leisure, school, variation, seed):
    run = f.simulate(acquaintances=4, weeks=30, leisure_hours_per_week=leisure,
                     school_hours_per_week=school, variation=variation, seed=seed)
    assert np.all(np.diff(run.hours, axis=1) >= 0)
    assert np.all(np.diff(run.stage, axis=1) >= 0)
    assert np.all((run.stage >= 0) & (run.stage <= 3))


@given(per_week, seeds)
def test_no_variation_means_everyone_gets_the_average(leisure, seed):
    run = f.simulate(weeks=20, leisure_hours_per_week=leisure, variation=0, seed=seed)
    expected = f.stage_curves(leisure, weeks=20).hours
    assert np.allclose(run.hours, expected)


@given(seeds)
def test_same_seed_same_run(seed):
    a = f.simulate(weeks=20, seed=seed)
    b = f.simulate(weeks=20, seed=seed)
    assert np.array_equal(a.hours, b.hours) and np.array_equal(a.thresholds, b.thresholds)


def test_no_time_together_never_gets_there():
    assert f.weeks_to_stage("friend", 0, 0) == math.inf
    assert f.weeks_to_stage("acquaintance", 0, 0) == 0


# --- Bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: f.friendship_stage(-1), "hours"),
        (lambda: f.friendship_stage(math.nan), "hours"),
        (lambda: f.friendship_stage(math.inf), "hours"),
        (lambda: f.friendship_stage("50"), "hours"),
        (lambda: f.stage_probabilities(None), "hours"),
        (lambda: f.stage_probabilities(1e9), "hours"),
        (lambda: f.weeks_to_stage("friend", -2), "leisure_hours_per_week"),
        (lambda: f.weeks_to_stage("friend", math.nan), "leisure_hours_per_week"),
        (lambda: f.weeks_to_stage("friend", 5, math.inf), "school_hours_per_week"),
        (lambda: f.weeks_to_stage("friend", 5, True), "school_hours_per_week"),
        (lambda: f.weighted_hours(-5), "leisure_hours"),
        (lambda: f.stage_curves(5, weeks=0), "weeks"),
        (lambda: f.simulate(acquaintances=0), "acquaintances"),
        (lambda: f.simulate(acquaintances=1000), "acquaintances"),
        (lambda: f.simulate(weeks=10**6), "weeks"),
        (lambda: f.simulate(variation=2), "variation"),
        (lambda: f.simulate(seed=-1), "seed"),
        (lambda: f.simulate(seed=1.5), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(call, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        call()


@pytest.mark.parametrize("stage", ["best friend", "", None, 2])
def test_unknown_stage_rejected(stage):
    with pytest.raises(ValueError, match=r"^stage must be one of"):
        f.weeks_to_stage(stage, 5)


# --- The fuzzy cut points, the simulated people and their pace --------------------------------

@pytest.mark.parametrize("edge, stage, chance", [(40, "acquaintance", 0.9), (60, "casual friend", 0.9),
                                                 (80, "casual friend", 0.9), (100, "friend", 0.9),
                                                 (175, "friend", 0.9), (225, "close friend", 0.9)])
def test_range_edges_are_the_ten_and_ninety_percent_points(edge, stage, chance):
    """Hall (2019): 40-60 h to a casual friend, 80-100 h to a friend; the model puts the edges of
    each range at 10% and 90% (for close friends, the illustrative 175-225 h)."""
    assert f.stage_probabilities(edge)[stage] == pytest.approx(chance, abs=0.01)


def test_school_hours_count_at_weight_point_four():
    """Hall (2019): time together at school or work counts less than leisure (weight 0.4 here)."""
    assert f.weighted_hours(10, 5) == pytest.approx(12.0)
    assert f.weighted_hours(0, 100) == pytest.approx(40.0)
    assert f.weighted_hours(7) == 7.0
    assert f.weeks_to_stage("friend", 2, 5) == pytest.approx(90 / 4)
    assert f.stage_curves(1, 2.5, weeks=4).hours[-1] == pytest.approx(8.0)


def test_a_midpoint_reached_counts_as_arriving():
    assert f.friendship_stage(math.nextafter(50, 0)) == "acquaintance"
    assert f.friendship_stage(50) == "casual friend"
    assert f.friendship_stage(0) == "acquaintance" and f.friendship_stage(f.MAX_HOURS) == "close friend"


@pytest.fixture  # per test, not per module: mutmut credits a fixture's calls to the first test only
def many_people():
    """600 simulated acquaintances at 5 leisure hours a week, variation 0.6, for 20 weeks."""
    runs = [f.simulate(acquaintances=30, weeks=20, variation=0.6, seed=s) for s in range(20)]
    return np.concatenate([r.hours for r in runs]), np.concatenate([r.thresholds for r in runs])


def test_personal_cut_points_spread_over_the_published_ranges(many_people):
    """Hall (2019) reports ranges: people reach each stage at different hours, about 10% of them
    before the range and 10% after it, half by the midpoint."""
    _, thresholds = many_people
    for column, (low, mid, high) in enumerate([(40, 50, 60), (80, 90, 100), (175, 200, 225)]):
        q10, q50, q90 = np.quantile(thresholds[:, column], [0.1, 0.5, 0.9])
        spread = (high - low) / 2
        assert q50 == pytest.approx(mid, abs=0.25 * spread), column
        assert q10 == pytest.approx(low, abs=0.4 * spread) and q90 == pytest.approx(high, abs=0.4 * spread), column
    assert np.all(np.diff(thresholds, axis=1) >= 0)  # each person's stages come in order


def test_pace_varies_around_the_average_hours(many_people):
    """Each person spends on average the hours asked for (log-normal pace with mean 1), and each
    week varies around their own pace with coefficient of variation ``variation``."""
    hours, _ = many_people
    assert hours[:, -1].mean() == pytest.approx(5 * 20, rel=0.035)
    weekly = np.diff(hours, axis=1)
    within = weekly.std(axis=1) / weekly.mean(axis=1)
    assert np.median(within) == pytest.approx(0.6, abs=0.04)
    pace = weekly.mean(axis=1) / 5
    assert np.std(np.log(pace)) == pytest.approx(0.6, abs=0.06)


def test_variation_below_a_thousandth_means_exact_average_hours():
    """The docstring's switch: below 0.001 everyone gets exactly the average; at 0.001 the
    (invisible) spread is drawn."""
    exact = f.stage_curves(5, weeks=10).hours
    assert np.array_equal(f.simulate(weeks=10, variation=0.000999).hours[0], exact)
    drawn = f.simulate(weeks=10, variation=0.001).hours[0]
    assert not np.array_equal(drawn, exact) and np.allclose(drawn, exact, rtol=0.01)


def test_a_cut_point_below_zero_hours_means_friends_from_the_start():
    """Seed 1859 draws one person whose casual-friend cut point falls below zero hours: it is
    kept at 0, so that pair counts as casual friends from the first meeting."""
    run = f.simulate(acquaintances=30, weeks=1, seed=1859)
    assert run.thresholds.min() == 0.0 and run.thresholds[11, 0] == 0.0
    assert run.stage[11, 0] == 1 and np.all(run.stage[np.arange(30) != 11, 0] == 0)


def test_simulated_weeks_count_from_zero_to_the_last():
    run = f.simulate(weeks=9)
    assert np.array_equal(run.weeks, np.arange(10)) and run.hours.shape[1] == 10


@pytest.mark.parametrize("variation", [0.3, 1.0])
def test_pace_has_mean_one_and_weeks_vary_by_variation(variation):
    """simulate's docstring: pace is log-normal with mean 1 and spread ``variation``, and each
    week's hours vary around the pace with coefficient of variation ``variation``: across 3,000
    acquaintances the average hours are the hours asked for, at small and large variation."""
    runs = [f.simulate(acquaintances=30, weeks=40, variation=variation, seed=s) for s in range(100)]
    hours = np.concatenate([r.hours for r in runs])
    assert hours[:, -1].mean() / (5 * 40) == pytest.approx(1.0, abs=0.02 if variation < 0.5 else 0.06)
    weekly = np.diff(hours, axis=1)
    within = weekly.std(axis=1) / weekly.mean(axis=1)
    assert np.median(within) == pytest.approx(variation, rel=0.1)
