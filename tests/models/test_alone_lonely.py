"""Alone versus lonely: calibration to Hughes et al. (2004), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import alone_lonely as m

seeds = st.integers(0, 2**32 - 1)
spreads = st.floats(0, m.MAX_SPREAD)
means = st.floats(0, 1)


# --- Calibration: the published finding the model exists to show ----------------------------

def test_time_alone_and_loneliness_are_related_but_only_modestly():
    """Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6), 655-672 (abstract):
    objective and subjective isolation "are related. However, the relationship is relatively
    modest". The abstract gives no single correlation, so the test asserts the qualitative
    finding: positive, and far from the near-perfect link of "loneliness = being alone"."""
    rs = [m.correlation(m.simulate(seed=seed)) for seed in range(20)]
    assert all(0.15 < r < 0.6 for r in rs)
    assert 0.25 < np.mean(rs) < 0.5


def test_if_everyone_wanted_the_same_loneliness_would_track_time_alone():
    """The contrast that makes the finding informative (Perlman & Peplau 1981: loneliness is a
    gap between wanted and actual relationships): with no differences in wants or quality,
    the shortfall depends on contact alone and the correlation is close to 1."""
    population = m.simulate(desire_spread=0, quality_spread=0)
    assert m.correlation(population) > 0.9
    assert m.mismatch(population) == m.Mismatch(0.0, 0.0)


def test_the_link_weakens_as_wants_differ_more():
    rs = m.sweep("desire_spread", [0, 0.1, 0.2, 0.3, 0.4, 0.5])
    assert all(a > b for a, b in zip(rs, rs[1:]))
    assert rs[0] > 1.5 * rs[-1]


def test_lonely_in_company_and_content_alone_both_happen():
    """Hawkley & Cacioppo (2010): "loneliness is not simply being alone"; people can be lonely
    in company and content alone. In the default population both groups are sizeable."""
    found = m.mismatch(m.default_run())
    assert found.lonely_in_company > 0.15 and found.content_alone > 0.15


# --- Properties ---------------------------------------------------------------------------

@given(spreads, spreads, means, means, seeds)
def test_measures_stay_in_range(ds, qs, dm, qm, seed):
    p = m.simulate(100, desire_spread=ds, quality_spread=qs, desire_mean=dm, quality_mean=qm, seed=seed)
    for values in (p.quality, p.desired, p.connection, p.loneliness):
        assert np.all((values >= 0) & (values <= 1))
    assert np.all((p.hours_alone >= 0) & (p.hours_alone <= m.WAKING_HOURS))
    assert np.allclose(p.hours_alone + p.contact_hours, m.WAKING_HOURS)
    assert -1 <= m.correlation(p) <= 1


@given(spreads, spreads, seeds)
def test_loneliness_is_the_shortfall_below_what_each_person_wants(ds, qs, seed):
    p = m.simulate(100, desire_spread=ds, quality_spread=qs, seed=seed)
    assert np.allclose(p.loneliness, np.maximum(0, p.desired - p.connection))
    assert np.all(p.loneliness[p.connection >= p.desired] == 0)


@given(st.floats(0.25, 11), st.floats(0.1, 1), seeds)
def test_more_contact_never_makes_the_same_people_lonelier(contact, extra, seed):
    fewer = m.simulate(100, contact_mean=contact, seed=seed)
    more = m.simulate(100, contact_mean=min(12, contact + extra), seed=seed)
    assert np.all(more.loneliness <= fewer.loneliness + 1e-12)


@given(st.floats(0, 0.9), st.floats(0.01, 0.1), seeds)
def test_wanting_more_never_makes_the_same_people_less_lonely(want, extra, seed):
    low = m.simulate(100, desire_mean=want, seed=seed)
    high = m.simulate(100, desire_mean=want + extra, seed=seed)
    assert np.all(high.loneliness >= low.loneliness - 1e-12)


@given(spreads, seeds)
def test_same_seed_same_people(ds, seed):
    a = m.simulate(50, desire_spread=ds, seed=seed)
    b = m.simulate(50, desire_spread=ds, seed=seed)
    assert repr(a) == repr(b)
    # Changing the spread of wants leaves everyone's contact and quality unchanged.
    c = m.simulate(50, desire_spread=m.MAX_SPREAD - ds, seed=seed)
    assert np.array_equal(a.contact_hours, c.contact_hours) and np.array_equal(a.quality, c.quality)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(n=5), "n"),
        (dict(n=m.MAX_PEOPLE + 1), "n"),
        (dict(n=10.5), "n"),
        (dict(contact_mean=0), "contact_mean"),
        (dict(contact_mean=math.inf), "contact_mean"),
        (dict(desire_mean=1.5), "desire_mean"),
        (dict(desire_spread=-0.1), "desire_spread"),
        (dict(desire_spread=math.nan), "desire_spread"),
        (dict(quality_mean="high"), "quality_mean"),
        (dict(quality_spread=0.9), "quality_spread"),
        (dict(seed=-1), "seed"),
        (dict(seed=True), "seed"),
    ],
)
def test_bad_input_names_the_parameter_and_its_range(kwargs, name):
    with pytest.raises(ValueError, match=name) as info:
        m.simulate(**kwargs)
    assert "between" in str(info.value)


def test_bad_sweeps_and_populations_are_refused():
    with pytest.raises(ValueError, match="parameter"):
        m.sweep("loneliness", [0.1])
    with pytest.raises(ValueError, match="values"):
        m.sweep("desire_spread", [])
    with pytest.raises(ValueError, match="desire_spread"):
        m.sweep("desire_spread", [0.9])
    with pytest.raises(ValueError, match="population"):
        m.correlation([1, 2, 3])
    with pytest.raises(ValueError, match="population"):
        m.mismatch(None)


# --- Details the mutation run found untested ------------------------------------------------

def _hand_population(alone, loneliness):
    alone, loneliness = np.asarray(alone, dtype=float), np.asarray(loneliness, dtype=float)
    ones = np.ones_like(alone)
    return m.Population(m.WAKING_HOURS - alone, alone, ones, ones, ones, loneliness)


def test_correlation_is_zero_when_either_measure_does_not_vary():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert m.correlation(_hand_population([3.0, 3.0, 3.0], [0.1, 0.5, 0.9])) == 0.0
        assert m.correlation(_hand_population([1.0, 2.0, 3.0], [0.4, 0.4, 0.4])) == 0.0
    assert m.correlation(_hand_population([1.0, 2.0, 3.0], [0.1, 0.2, 0.3])) == pytest.approx(1.0)


@pytest.mark.parametrize("loneliness, in_company, content", [
    ([0.5, 0.3, 0.3, 0.3, 0.9], 0.5, 0.0),   # the median person ties: neither lonelier nor less lonely
    ([0.5, 0.2, 0.3, 0.1, 0.9], 0.5, 0.5),   # the person at the upper quartile counts as most alone
])
def test_mismatch_counts_quartile_people_and_compares_strictly_with_the_median(loneliness, in_company, content):
    """Five people alone 1..5 hours: the least-alone quarter is everyone at or below the lower
    quartile (2 h: two people), the most-alone quarter everyone at or above the upper (4 h);
    "lonelier than the median person" and "less lonely than" are strict."""
    result = m.mismatch(_hand_population([1.0, 2.0, 3.0, 4.0, 5.0], loneliness))
    assert (result.lonely_in_company, result.content_alone) == (in_company, content)


def test_mismatch_names_the_wrong_object():
    with pytest.raises(ValueError, match=r"^population must be a Population from simulate\(\); got str$"):
        m.mismatch("people")


def test_quality_and_desire_spread_as_set():
    """Quality and wanted connection are drawn around their means with the spreads given (far
    from 0 and 1, where clipping would narrow them), differently for each person."""
    people = m.simulate(5000, quality_mean=0.5, quality_spread=0.1, desire_mean=0.5, desire_spread=0.1, seed=2)
    for values in (people.quality, people.desired):
        assert values.mean() == pytest.approx(0.5, abs=0.005)
        assert values.std() == pytest.approx(0.1, abs=0.005)


def test_correlation_at_and_sweep_use_the_seed_and_settings_given():
    settings = dict(n=60, quality_mean=0.4)
    at = m.correlation_at("desire_spread", 0.2, seed=3, **settings)
    assert at == m.correlation(m.simulate(seed=3, **{**m.DEFAULTS, **settings, "desire_spread": 0.2}))
    assert m.sweep("desire_spread", [0.2, 0.4], seed=3, **settings) == [
        at, m.correlation_at("desire_spread", 0.4, seed=3, **settings)]


def test_a_sweep_takes_up_to_fifty_settings():
    assert len(m.sweep("quality_mean", np.linspace(0.1, 0.9, 50), n=20)) == 50
