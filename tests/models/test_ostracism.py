"""Ostracism and need threat: calibration to Hartgerink et al. (2015) and Williams et al. (2000),
properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from belonging import ostracism as o

shares = st.floats(0, o.MAX_SHARE)
seeds = st.integers(0, 2**32 - 2)


# --- Calibration: the published findings the model exists to show --------------------------

def test_exclusion_vs_inclusion_effect_is_about_d_1_4():
    """Hartgerink, van Beest, Wicherts & Williams (2015), PLoS ONE 10(5) e0127002: across 120
    Cyberball studies (N = 11,869) the average ostracism effect on need threat is d > |1.4|.
    Two simulated groups of 2,000 (fixed seed) must differ by about that much."""
    run = o.compare_conditions(n=2000, seed=0)
    assert 1.2 <= run.cohens_d <= 1.7
    assert run.inclusion.overall.mean() > run.exclusion.overall.mean()


def test_effect_is_large_for_every_seed_tried():
    """Hartgerink et al. (2015), PLoS ONE: the effect is large and general, not a lucky draw."""
    ds = [o.compare_conditions(n=1000, seed=s).cohens_d for s in range(5)]
    assert all(1.2 <= d <= 1.7 for d in ds)


def test_the_more_ostracized_the_worse_people_feel():
    """Williams, Cheung & Choi (2000), JPSP 79(5), Study 1: "the more participants were
    ostracized, the more they reported feeling bad, having less control, and losing a sense of
    belonging". Simulated groups given fewer throws report lower need satisfaction."""
    means = [o.simulate_people(s, n=1500, seed=7).overall.mean() for s in (0.0, 0.1, 0.2, o.FAIR_SHARE)]
    assert all(a < b for a, b in zip(means, means[1:]))
    control = [o.simulate_people(s, n=1500, seed=7).needs[:, 2].mean() for s in (0.0, o.FAIR_SHARE)]
    assert control[0] < control[1]


def test_cyberball_shares_match_the_paradigm():
    """Williams & Jarvis (2006), Behavior Research Methods: inclusion gives you about a third of
    the throws; exclusion gives a couple of early throws, then none."""
    inc = o.simulate_condition("inclusion", n=2000, seed=1)
    exc = o.simulate_condition("exclusion", n=2000, seed=2)
    assert inc.shares.mean() == pytest.approx(1 / 3, abs=0.02)
    assert np.all(exc.shares == 2 / 30)


def test_reflexive_drop_then_reflective_recovery():
    """Williams (2009), as described by Wesselmann, Ren & Williams (2015), Frontiers in
    Psychology 6:40: an immediate (reflexive) threat, then recovery as people reflect."""
    run = o.time_course(2 / 30, minutes=60, recovery_minutes=10)
    assert run.overall[0] < run.resting_level - 1.0
    assert np.all(np.diff(run.overall) > 0)
    assert run.overall[-1] > run.resting_level - 0.01


# --- Properties ---------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(shares, st.integers(1, 60), st.integers(0, 3), seeds)
def test_scores_stay_on_the_scale(share, throws, early, seed):
    sample = o.simulate_people(share, n=20, throws=throws, early_throws=early, seed=seed)
    assert np.all((sample.needs >= 1) & (sample.needs <= 5))
    most = math.ceil(throws / 2) / throws  # the ball starts with a computer: every other throw
    assert np.all((sample.shares >= 0) & (sample.shares <= most + 1e-12))
    assert sample.needs.shape == (20, 4)


@given(shares, st.integers(1, o.MAX_THROWS), seeds)
def test_game_is_a_valid_ball_toss(share, throws, seed):
    game = o.play(share, throws=throws, seed=seed)
    r = game.receivers
    assert len(r) == throws and set(r) <= {0, 1, 2}
    assert np.all(r[1:] != r[:-1]), "nobody throws the ball to themselves"
    assert game.throws_received == int(np.sum(r == 0))


@given(st.floats(0, 0.99), st.floats(0.005, 0.5))
def test_need_level_monotone_in_share(share, more):
    assert o.expected_need_level(min(1.0, share + more)) >= o.expected_need_level(share)


@given(st.floats(0, 1), st.floats(0.5, 120), st.integers(1, 120))
def test_time_course_moves_towards_resting_level(share, tau, minutes):
    run = o.time_course(share, minutes=minutes, recovery_minutes=tau)
    gap = np.abs(run.overall - run.resting_level)
    assert np.all(np.diff(gap) <= 1e-12)
    assert np.all((run.overall >= 1) & (run.overall <= 5))


@given(seeds)
def test_same_seed_same_result(seed):
    a = o.simulate_people(0.2, n=30, seed=seed)
    b = o.simulate_people(0.2, n=30, seed=seed)
    assert np.array_equal(a.needs, b.needs)


def test_long_game_reaches_the_requested_share():
    game = o.play(0.2, throws=o.MAX_THROWS, seed=3)
    assert game.share_received == pytest.approx(0.2, abs=0.06)


def test_no_noise_gives_the_expected_level():
    sample = o.simulate_people(0.1, n=10, noise_sd=0.0, seed=0)
    expected = [o.expected_need_level(s) for s in sample.shares]
    assert np.allclose(sample.overall, expected)


def test_cohens_d_known_value():
    assert o.cohens_d(np.array([2.0, 4.0]), np.array([1.0, 3.0])) == pytest.approx(1 / math.sqrt(2))


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(share=-0.1), "share"),
        (dict(share=0.6), "share"),
        (dict(share=math.nan), "share"),
        (dict(share=math.inf), "share"),
        (dict(share="0.3"), "share"),
        (dict(n=1), "n"),
        (dict(n=10**6), "n"),
        (dict(n=2.5), "n"),
        (dict(throws=0), "throws"),
        (dict(throws=None), "throws"),
        (dict(early_throws=-1), "early_throws"),
        (dict(noise_sd=-1), "noise_sd"),
        (dict(noise_sd=True), "noise_sd"),
        (dict(drop=math.nan), "drop"),
        (dict(seed=-1), "seed"),
        (dict(seed=1.5), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        o.simulate_people(**kwargs)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: o.time_course(0.1, recovery_minutes=0), "recovery_minutes"),
        (lambda: o.time_course(0.1, minutes=1000), "minutes"),
        (lambda: o.time_course(math.inf), "share_received"),
        (lambda: o.expected_need_level(1.5), "share_received"),
        (lambda: o.play(0.2, throws=o.MAX_THROWS + 1), "throws"),
        (lambda: o.compare_conditions(n=0), "n"),
    ],
)
def test_bad_input_in_other_functions(call, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        call()


def test_unknown_condition_lists_the_choices():
    with pytest.raises(ValueError, match=r"^condition must be one of 'inclusion', 'exclusion'"):
        o.simulate_condition("rejection")


# --- The game, the need levels and the recovery, rule by rule -------------------------------------

@pytest.mark.parametrize("share, level", [(0.0, 3.6 - 1.75), (1 / 6, 3.6 - 1.75 / 2), (1 / 3, 3.6),
                                          (5 / 12, 3.7), (0.5, 3.8), (1.0, 3.8)])
def test_need_level_falls_linearly_below_a_fair_third_and_rises_a_little_above(share, level):
    """Williams et al. (2000): each missing throw costs the same (1.75 points at no throws);
    over-inclusion helps only a little (0.2 points at half the throws, no more after that)."""
    assert o.expected_need_level(share) == pytest.approx(level)
    assert o.expected_need_level(share, drop=0.0) == pytest.approx(max(level, 3.6))


def test_the_ball_starts_with_a_computer_who_never_throws_to_itself():
    """Cyberball (Williams & Jarvis 2006): the left-hand computer opens; nobody throws to themself,
    and when you hold the ball you throw to either computer."""
    firsts, from_you = set(), []
    for seed in range(40):
        game = o.play(0.3, throws=40, seed=seed)
        r = game.receivers
        assert r.dtype.kind == "i"
        firsts.add(int(r[0]))
        from_you += [int(b) for a, b in zip(r[:-1], r[1:]) if a == o.YOU]
    assert firsts == {o.YOU, o.RIGHT}
    assert set(from_you) == {o.LEFT, o.RIGHT}
    assert abs(np.mean(np.array(from_you) == o.LEFT) - 0.5) < 0.1


def test_people_in_one_condition_play_their_own_games():
    sample = o.simulate_people(0.25, n=300, noise_sd=0.0, seed=2)
    assert np.unique(sample.shares).size > 5
    assert sample.shares.mean() == pytest.approx(0.25, abs=0.03)


def test_exclusion_gives_exactly_the_early_throws():
    """The usual exclusion script: two throws at fair odds first, then none; inclusion has no
    script, only fair odds throughout."""
    assert o.condition_settings("exclusion") == (0.0, 2)
    assert o.condition_settings("inclusion") == (pytest.approx(1 / 3), 0)   # no early-throw script
    game = o.play(0.0, throws=30, early_throws=3, seed=4)
    assert game.throws_received == 3 and game.share_received == pytest.approx(0.1)


def test_each_person_has_a_mood_shared_by_the_four_needs():
    """80% of the person-to-person variance is a general mood shared by all four needs; the
    scores spread by noise_sd around the expected level (kept on the 1-5 scale)."""
    sample = o.simulate_people(1 / 3, n=3000, noise_sd=0.5, seed=3)
    level = np.array([o.expected_need_level(x) for x in sample.shares])
    residual = sample.needs - level[:, None]
    assert residual.std() == pytest.approx(0.5, rel=0.05)
    corr = np.corrcoef(residual.T)[np.triu_indices(4, 1)]
    assert corr.mean() == pytest.approx(0.8, abs=0.05)
    assert np.allclose(sample.overall, sample.needs.mean(axis=1))


def test_compare_conditions_passes_every_setting_on():
    """The inclusion group uses the seed, the exclusion group seed + 1 (so the two groups are
    different people), each with the requested size, throws and spread."""
    run = o.compare_conditions(n=40, throws=12, noise_sd=0.3, seed=6)
    inc = o.simulate_condition("inclusion", n=40, throws=12, noise_sd=0.3, seed=6)
    exc = o.simulate_condition("exclusion", n=40, throws=12, noise_sd=0.3, seed=7)
    assert np.array_equal(run.inclusion.needs, inc.needs) and np.array_equal(run.exclusion.needs, exc.needs)
    assert run.cohens_d == pytest.approx(o.cohens_d(inc.overall, exc.overall))
    single = o.simulate_condition("exclusion", n=5, throws=12, noise_sd=0.0, seed=1)
    assert single.needs.shape == (5, 4) and np.all(single.shares == 2 / 12)


def test_recovery_shrinks_the_drop_by_e_every_recovery_time():
    """Williams (2009) temporal model: the reflexive drop fades during reflection."""
    run = o.time_course(0.0, minutes=30, recovery_minutes=15)
    drop = 3.6 - run.overall
    assert list(run.minutes) == list(range(31)) and run.minutes.dtype.kind == "f"
    assert drop[0] == pytest.approx(1.75) and drop[15] == pytest.approx(1.75 / np.e)
    assert drop[30] == pytest.approx(1.75 / np.e**2)
    assert run.needs.shape == (31, 4) and np.all(run.needs == run.overall[:, None])
    over = o.time_course(0.5, minutes=5, drop=0.5)
    assert over.overall[0] == pytest.approx(3.8) and over.resting_level == 3.6


def test_cohens_d_rejects_missing_scores_with_the_plain_message():
    for a, b in (([1.0, None, 2.0], [1.0, 2.0]), ([1.0, 2.0], [None, 1.0, 2.0])):
        with pytest.raises(ValueError, match=r"^[ab] must be a list of finite scores"):
            o.cohens_d(a, b)
    assert o.cohens_d([1, 2, 3], [0, 1, 2]) == pytest.approx(1.0)
