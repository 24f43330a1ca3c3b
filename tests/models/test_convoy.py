"""Convoy across the lifespan: calibration to Wrzus et al. (2013) and English & Carstensen
(2014), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import convoy as c

unit = st.floats(0, 1)
horizons = st.floats(30, 120)
seeds = st.integers(0, 2**32 - 1)
event_ages = st.one_of(st.none(), st.floats(c.MIN_AGE, c.MAX_AGE))


@pytest.fixture  # per test, not per module: mutmut credits a fixture's calls to the first test only
def crowd():
    """The average of 1,000 simulated people with individual variation (no special events)."""
    return c.average(c.simulate_people(1000, seed=11))


# --- Calibration: the published findings the model exists to show ---------------------------

def test_total_network_peaks_in_young_adulthood_then_declines(crowd):
    """Wrzus, Hänel, Wagner & Neyer (2013), Psychological Bulletin 139(1): the global network
    grows until young adulthood and then shrinks; English & Carstensen (2014), International
    Journal of Behavioral Development 38(2): networks grow in young adulthood, then decline."""
    assert 20 <= c.peak_age(crowd) <= 35
    total = crowd.total
    peak = int(np.argmax(total))
    assert total[peak] > 1.3 * total[0]        # it really grows first
    assert total[-1] < 0.6 * total[peak]       # and really declines after
    decade_means = [total[i:i + 10].mean() for i in range(peak, len(total) - 9, 10)]
    assert all(b < a for a, b in zip(decade_means, decade_means[1:]))


def test_outer_circle_shrinks_much_more_than_inner(crowd):
    """English & Carstensen (2014), International Journal of Behavioral Development 38(2): the
    reductions are mostly peripheral partners, and the number of close partners is relatively
    stable. Outer at 80 is much smaller than at 30; inner at 80 is within 20% of inner at 30."""
    inner30, _, outer30 = crowd.at(30)
    inner80, _, outer80 = crowd.at(80)
    assert outer80 < 0.5 * outer30
    assert abs(inner80 - inner30) <= 0.2 * inner30
    assert (outer30 - outer80) > 5 * abs(inner30 - inner80)


def test_family_network_roughly_constant(crowd):
    """Wrzus et al. (2013), Psychological Bulletin 139(1): the family network is stable across
    the life span while personal and friendship networks shrink."""
    family = crowd.family
    assert family.max() - family.min() < 0.1 * family.mean()
    friends = crowd.total - family
    assert friends[30 - c.MIN_AGE] > 2 * friends[80 - c.MIN_AGE]


def test_widowhood_lowers_inner_circle():
    """Wrzus et al. (2013), Psychological Bulletin 139(1): life events such as widowhood change
    the network; losing a partner takes a person out of the inner circle."""
    widowed = c.LifeEvents(widowhood=70)
    before = c.expected_convoy()
    after = c.expected_convoy(events=widowed)
    assert after.at(75)[0] < before.at(75)[0]
    assert after.at(65) == before.at(65)
    crowd_before = c.average(c.simulate_people(300, seed=4))
    crowd_after = c.average(c.simulate_people(300, seed=4, events=widowed))
    assert crowd_after.at(75)[0] < crowd_before.at(75)[0] - 0.5


def test_short_time_horizon_makes_the_young_selective():
    """Carstensen, Fung & Charles (2003), Motivation and Emotion 27(2): the driver of
    selectivity is perceived time left, not age itself. A 45-year-old who expects to live to
    50 prunes peripheral partners; one with a normal horizon does not as much."""
    short = c.expected_convoy(selectivity=1.0, life_horizon=50)
    normal = c.expected_convoy(selectivity=1.0, life_horizon=90)
    assert short.at(45)[2] < 0.75 * normal.at(45)[2]
    assert short.at(45)[0] >= normal.at(45)[0]


def test_life_events_add_and_remove_people():
    base = c.expected_convoy()
    working = c.expected_convoy(events=c.LifeEvents(job_entry=20))
    retired = c.expected_convoy(events=c.LifeEvents(job_entry=20, retirement=65))
    parent = c.expected_convoy(events=c.LifeEvents(parenthood=30))
    assert working.at(40)[2] > base.at(40)[2]
    assert retired.at(70)[2] < working.at(70)[2]
    assert parent.at(35)[0] > base.at(35)[0] and parent.family[40 - c.MIN_AGE] > base.family[0]


# --- Properties ---------------------------------------------------------------------------

@given(unit, horizons, unit, event_ages, event_ages, event_ages, event_ages, seeds)
def test_sizes_are_whole_and_non_negative(sel, horizon, var, p, j, r, w, seed):
    events = c.LifeEvents(parenthood=p, job_entry=j, retirement=r, widowhood=w)
    person = c.simulate_person(variation=var, selectivity=sel, life_horizon=horizon, events=events, seed=seed)
    for sizes in (person.inner, person.middle, person.outer):
        assert np.all(sizes >= 0) and np.all(sizes == np.round(sizes))
    assert np.all(person.family <= person.total)


@given(unit, st.floats(0.01, 1), horizons)
def test_more_selectivity_prunes_outer_and_keeps_inner(sel, dsel, horizon):
    low = c.expected_convoy(selectivity=sel, life_horizon=horizon)
    high = c.expected_convoy(selectivity=min(1.0, sel + dsel), life_horizon=horizon)
    assert np.all(high.outer <= low.outer + 1e-12)
    assert np.all(high.inner >= low.inner - 1e-12)


@given(unit, horizons)
def test_expected_inner_circle_stable_for_any_selectivity(sel, horizon):
    convoy = c.expected_convoy(selectivity=sel, life_horizon=horizon)
    assert convoy.inner.max() <= 1.25 * convoy.inner.min()


@given(seeds)
def test_same_seed_same_person(seed):
    a = c.simulate_person(seed=seed)
    b = c.simulate_person(seed=seed)
    assert repr(a) == repr(b)


def test_average_of_many_people_matches_expected():
    crowd = c.average(c.simulate_people(2000, seed=1))
    expected = c.expected_convoy()
    assert np.allclose(crowd.total, expected.total, rtol=0.05)


def test_no_variation_gives_rounded_expected():
    person = c.simulate_person(variation=0.0, seed=3)
    assert np.allclose(person.outer, np.rint(c.expected_convoy().outer), atol=1)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(selectivity=-0.1), "selectivity"),
        (dict(selectivity=math.nan), "selectivity"),
        (dict(selectivity=math.inf), "selectivity"),
        (dict(selectivity="0.5"), "selectivity"),
        (dict(life_horizon=10), "life_horizon"),
        (dict(life_horizon=None), "life_horizon"),
        (dict(variation=2), "variation"),
        (dict(variation=True), "variation"),
        (dict(seed=-1), "seed"),
        (dict(seed=1.5), "seed"),
        (dict(seed="1"), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        c.simulate_person(**kwargs)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(n=0), "n"),
        (dict(n=c.MAX_PEOPLE + 1), "n"),
        (dict(n=2.5), "n"),
        (dict(n=math.nan), "n"),
    ],
)
def test_bad_population_size(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        c.simulate_people(**kwargs)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(widowhood=10), "widowhood"),
        (dict(parenthood=math.nan), "parenthood"),
        (dict(job_entry=math.inf), "job_entry"),
        (dict(retirement="65"), "retirement"),
    ],
)
def test_bad_event_age(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        c.LifeEvents(**kwargs)


def test_bad_age_and_events_type():
    with pytest.raises(ValueError, match=r"^age must be .* between"):
        c.expected_convoy().at(95)
    with pytest.raises(ValueError, match=r"^events must be"):
        c.expected_convoy(events={"widowhood": 70})


# --- Shapes, averages and individual variation ------------------------------------------------

def test_average_of_one_person_is_that_person():
    person = c.simulate_person(seed=8)
    mean = c.average((person,))
    for field in ("ages", "inner", "middle", "outer", "kin"):
        assert np.array_equal(getattr(mean, field), getattr(person, field))


def test_sociability_varies_but_keeps_the_average():
    """Individual variation is mean-preserving: with a large spread (variation 1), 4,000 people
    still average the expected convoy, family and friends alike (lasting and yearly parts)."""
    crowd = c.average(c.simulate_people(4000, variation=1.0, seed=5))
    expected = c.expected_convoy()
    assert crowd.family.mean() == pytest.approx(expected.family.mean(), rel=0.05)
    friends, expected_friends = crowd.total - crowd.family, expected.total - expected.family
    assert friends.sum() == pytest.approx(expected_friends.sum(), rel=0.05)
    people = c.simulate_people(300, variation=0.5, seed=6)
    outer40 = np.array([p.at(40)[2] for p in people])
    assert outer40.std() > 0.3 * outer40.mean()  # people really differ


def test_friends_follow_a_hump_that_peaks_at_25_without_selectivity():
    """Wrzus et al. (2013): non-kin grow to a peak in young adulthood (25 here), the rise faster
    than the decline (a log-age hump): at 15 and at 55 (equally far on the log scale) the same
    share of the growth remains, and without selectivity the whole growth is there at 25."""
    convoy = c.expected_convoy(selectivity=0)
    friends_outer = convoy.outer - convoy.kin[:, 2]
    growth = (friends_outer - 3.0) / 27.0
    assert growth[25 - c.MIN_AGE] == pytest.approx(1.0)
    assert growth[15 - c.MIN_AGE] == pytest.approx(growth[55 - c.MIN_AGE])
    assert growth[15 - c.MIN_AGE] == pytest.approx(np.exp(-np.log(1 / 3) ** 2 / (2 * 0.8**2)))
    assert convoy.inner[25 - c.MIN_AGE] == pytest.approx(3 + 1.5 + 0.5)


def test_time_left_runs_from_one_to_zero():
    """Carstensen et al. (2003): perceived time left, 1 at 15 and 0 at the expected age of death."""
    assert np.allclose(c.time_left(np.array([15, 52.5, 90, 100]), 90), [1.0, 0.5, 0.0, 0.0])
    assert np.allclose(c.time_left([15, 40], 40), [1.0, 0.0])


def test_selectivity_moves_middle_partners_inward_and_prunes_the_rest():
    """Socioemotional selectivity at full strength with no time left: 10% of middle non-kin move
    into the inner circle, 30% of the rest of the middle and 60% of the outer non-kin are let go."""
    none, full = c.expected_convoy(selectivity=0, life_horizon=90), c.expected_convoy(selectivity=1, life_horizon=90)
    i = 90 - c.MIN_AGE
    middle = none.middle[i] - 3.0
    assert full.inner[i] == pytest.approx(none.inner[i] + 0.1 * middle)
    assert full.middle[i] == pytest.approx(3.0 + 0.9 * middle * 0.7)
    assert full.outer[i] == pytest.approx(3.0 + 0.4 * (none.outer[i] - 3.0))
    assert np.array_equal(full.kin, none.kin)


def test_each_life_event_from_its_age_on():
    """Wrzus et al. (2013): events change the network from when they happen."""
    base = c.expected_convoy()
    for name, kin_change, other_change in (
        ("parenthood", (1, 0, 0), (0, 1, 3)), ("job_entry", (0, 0, 0), (0, 2, 8)),
        ("retirement", (0, 0, 0), (0, -1.5, -6)), ("widowhood", (-1, 0, 0), (0, 0, -1)),
    ):
        event = c.expected_convoy(events=c.LifeEvents(**{name: 50}))
        before, after = 49 - c.MIN_AGE, 50 - c.MIN_AGE
        assert np.array_equal(event.kin[before], base.kin[before]), name
        assert np.allclose(event.kin[after] - base.kin[after], kin_change), name
        change = np.array([event.inner[after], event.middle[after], event.outer[after]]) - np.array(
            [base.inner[after], base.middle[after], base.outer[after]])
        assert np.allclose(change, np.add(kin_change, other_change)), name
    assert c.LifeEvents(widowhood=70, job_entry=20).happened() == {"job_entry": 20, "widowhood": 70}


def test_nobody_has_fewer_than_zero_people():
    widowed_twice = c.expected_convoy(events=c.LifeEvents(widowhood=15, retirement=15))
    assert widowed_twice.kin[:, 0].min() == 2.0
    assert np.all(widowed_twice.outer >= 0) and np.all(widowed_twice.middle >= 0)


def test_peak_age_is_the_first_largest_age():
    flat = c.Convoy(np.arange(15, 20), np.array([1, 3, 3, 2, 1.0]), np.zeros(5), np.zeros(5), np.zeros((5, 3)))
    assert c.peak_age(flat) == 16
    assert flat.at(17) == (3.0, 0.0, 0.0)


def test_events_can_empty_a_circle_of_non_kin_but_no_further():
    """Retirement and widowhood remove peripheral people; when a short horizon has already
    pruned the outer circle, they can leave only family there (never fewer than zero others)."""
    late = c.expected_convoy(selectivity=1.0, life_horizon=30, events=c.LifeEvents(retirement=40, widowhood=40))
    emptied = late.outer == late.kin[:, 2]
    assert emptied[late.ages >= 60].all() and not emptied[late.ages < 40].any()


def test_time_left_is_full_before_adulthood():
    """Perceived time left runs from 1 to 0: anyone younger than 15 has all of adult life ahead."""
    assert np.array_equal(c.time_left(np.array([0, 10, 15, 90, 100]), 90), [1.0, 1.0, 1.0, 0.0, 0.0])


def test_one_seeded_person_is_the_crowd_of_one_with_that_seed():
    """simulate_person(seed=s) is the person simulate_people(1, seed=s) draws, for any settings."""
    events = c.LifeEvents(parenthood=30)
    one = c.simulate_person(variation=0.4, selectivity=0.2, life_horizon=80, events=events, seed=5)
    crowd = c.simulate_people(1, variation=0.4, selectivity=0.2, life_horizon=80, events=events, seed=5)
    for field in ("inner", "middle", "outer", "kin"):
        assert np.array_equal(getattr(one, field), getattr(crowd[0], field)), field


def test_year_to_year_ups_and_downs_are_a_third_of_the_lasting_spread():
    """Each person's non-family outer circle wobbles around their own lasting level from year to
    year, with a log-scale spread of variation / 3 (0.3 at variation 0.9). Measured where the
    expected count is large (15+) and for people with at least an average family circle, so that
    rounding to whole people adds little."""
    people = c.simulate_people(2000, variation=0.9, seed=3)
    expected = c.expected_convoy()
    others = expected.outer - expected.kin[:, 2]
    large = others >= 15
    spreads = [np.std(np.log((p.outer - p.kin[:, 2])[large] / others[large]))
               for p in people if p.kin[0, 2] >= 3]
    assert len(spreads) > 500
    assert np.median(spreads) == pytest.approx(0.3, abs=0.02)
