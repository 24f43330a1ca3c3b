"""Social support: calibration to Cohen & Wills (1985), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import support as s

coefs = st.floats(0, 5)
seeds = st.integers(0, 2**32 - 1)
N = 5000


def survey(**kwargs):
    return s.simulate(N, seed=kwargs.pop("seed", 21), **kwargs)


# --- Calibration: the published findings the model exists to show ---------------------------

def test_integration_has_a_main_effect_at_every_stress_level():
    """Cohen & Wills (1985), Psychological Bulletin 98(2), 310-357: measures of a person's
    integration in a social network show a main (direct) effect, an overall benefit whatever
    the level of stress. The low-vs-high integration gap is similar at low and high stress."""
    table = s.distress_by_stress(survey(), by="integration")
    assert np.all(table.gap > 0.5)
    assert abs(table.gap[-1] - table.gap[0]) < 0.4
    assert abs(s.fit(survey()).integration_buffering) < 0.6  # integration does not buffer


def test_perceived_support_buffers_stress():
    """Cohen & Wills (1985), Psychological Bulletin 98(2), 310-357: measures of perceived
    available support show buffering; support protects against the effects of stress, so the
    benefit of high support grows with stress and the stress slope is flatter."""
    table = s.distress_by_stress(survey(), by="support")
    assert table.gap[0] < 0.4
    assert table.gap[-1] - table.gap[0] > 0.8
    slope_high = table.high[-1] - table.high[0]
    slope_low = table.low[-1] - table.low[0]
    assert slope_high < slope_low - 0.8
    assert abs(s.fit(survey()).support_effect) < 0.4  # perceived support has no main effect here


def test_no_buffering_without_interaction():
    """Cohen & Wills (1985): buffering is a stress x support interaction; with b3 = 0 the
    support groups differ no more under high stress than under low stress."""
    data = survey(b3=0)
    table = s.distress_by_stress(data, by="support")
    assert np.all(np.abs(table.gap) < 0.3)
    assert abs(s.fit(data).buffering) < 0.6


def test_no_main_effect_without_integration():
    """Cohen & Wills (1985): the main effect belongs to integration; with b2 = 0 well- and
    poorly-integrated people report the same distress at every stress level."""
    data = survey(b2=0)
    table = s.distress_by_stress(data, by="integration")
    assert np.all(np.abs(table.gap) < 0.3)
    assert abs(s.fit(data).integration_effect) < 0.35


def test_regression_separates_effects_when_resources_correlate():
    """In real data integration and perceived support go together (Cohen & Wills 1985 note the
    overlap); a median split then mixes them, but the regression still separates them."""
    data = survey(correlation=0.6)
    mixed = s.distress_by_stress(data, by="integration")
    assert mixed.gap[-1] - mixed.gap[0] > 0.3      # the integration split now looks like buffering
    est = s.fit(data)
    assert abs(est.integration_effect - 2.0) < 0.45
    assert abs(est.buffering - 3.0) < 0.8


# --- Properties ---------------------------------------------------------------------------

@given(coefs, coefs, coefs, st.floats(0, 1), seeds)
def test_fit_recovers_main_effect_and_buffering(b1, b2, b3, noise, seed):
    est = s.fit(s.simulate(N, b1=b1, b2=b2, b3=b3, noise_sd=noise, seed=seed))
    assert est.integration_effect == pytest.approx(b2, abs=0.45)
    assert est.buffering == pytest.approx(b3, abs=0.8)


@given(coefs, coefs, coefs, st.floats(-0.9, 0.9), seeds)
def test_scores_stay_in_range(b1, b2, b3, rho, seed):
    data = s.simulate(200, b1=b1, b2=b2, b3=b3, correlation=rho, seed=seed)
    for scores in (data.stress, data.integration, data.support):
        assert np.all((scores >= 0) & (scores <= 1))
    assert np.all(np.isfinite(data.distress))


@given(coefs, st.floats(0.1, 3), seeds)
def test_more_buffering_flattens_high_support_slope(b3, db3, seed):
    weak = s.distress_by_stress(s.simulate(1000, b3=b3, seed=seed), by="support")
    strong = s.distress_by_stress(s.simulate(1000, b3=b3 + db3, seed=seed), by="support")
    # Same seed, same people: only the interaction changed, so the gap can only widen.
    assert np.all(strong.gap >= weak.gap - 1e-9)


@given(st.floats(-0.3, 0.3), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_expected_distress_falls_with_each_resource(d, stress, integration, support):
    base = s.expected_distress(stress, integration, support)
    more_int = s.expected_distress(stress, min(1.0, integration + abs(d)), support)
    more_sup = s.expected_distress(stress, integration, min(1.0, support + abs(d)))
    assert more_int <= base + 1e-12 and more_sup <= base + 1e-12


@given(seeds)
def test_same_seed_same_survey(seed):
    assert repr(s.simulate(100, seed=seed)) == repr(s.simulate(100, seed=seed))


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(n=5), "n"),
        (dict(n=s.MAX_PEOPLE + 1), "n"),
        (dict(n=10.5), "n"),
        (dict(b0=math.nan), "b0"),
        (dict(b1=-1), "b1"),
        (dict(b2=math.inf), "b2"),
        (dict(b3="3"), "b3"),
        (dict(b3=None), "b3"),
        (dict(noise_sd=-0.1), "noise_sd"),
        (dict(correlation=1.0), "correlation"),
        (dict(correlation=True), "correlation"),
        (dict(seed=-1), "seed"),
        (dict(seed=2.5), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        s.simulate(**kwargs)


@pytest.mark.parametrize(
    "kwargs, name",
    [(dict(stress=1.5), "stress"), (dict(integration=math.nan), "integration"), (dict(support="hi"), "support")],
)
def test_bad_expected_distress_input(kwargs, name):
    args = dict(stress=0.5, integration=0.5, support=0.5) | kwargs
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        s.expected_distress(**args)


def test_bad_grouping_and_bands():
    data = s.simulate(100)
    with pytest.raises(ValueError, match=r"^by must be one of"):
        s.distress_by_stress(data, by="friends")
    with pytest.raises(ValueError, match=r"^bands must be .* between"):
        s.distress_by_stress(data, bands=1)
    with pytest.raises(ValueError, match=r"^survey must be"):
        s.fit("not a survey")


# --- Directions, each effect where the theory puts it -----------------------------------------

@given(st.floats(0, 0.9), st.floats(0.01, 0.1), st.floats(0, 1), st.floats(0, 1))
def test_distress_rises_with_stress(stress, more, integration, support_level):
    """Cohen & Wills (1985): stress raises distress; support can only soften that rise, and
    with full perceived support at the default buffering (b3 < b1) it still rises."""
    low = s.expected_distress(stress, integration, support_level)
    high = s.expected_distress(stress + more, integration, support_level)
    assert high > low
    assert high - low == pytest.approx(more * (4.0 - 3.0 * support_level))


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_support_buffers_only_under_stress(integration, low_support, high_support):
    """Cohen & Wills (1985), buffering: perceived support makes no difference without stress,
    and the most difference under the most stress (b3 = 3 points at full stress and support)."""
    calm = [s.expected_distress(0.0, integration, x) for x in (low_support, high_support)]
    assert calm[0] == calm[1]
    stressed = [s.expected_distress(1.0, integration, x) for x in (low_support, high_support)]
    assert stressed[0] - stressed[1] == pytest.approx(3.0 * (high_support - low_support))


@given(st.floats(0, 1), st.floats(0, 1))
def test_integration_is_a_main_effect_at_every_stress_level(stress, support_level):
    """Cohen & Wills (1985), main effect: full integration lowers distress by b2 = 2 points,
    the same at any stress."""
    gap = s.expected_distress(stress, 0.0, support_level) - s.expected_distress(stress, 1.0, support_level)
    assert gap == pytest.approx(2.0)


def test_baseline_distress_is_b0_without_stress_or_resources():
    assert s.expected_distress(0, 0, 0, b0=-2.5) == -2.5
    assert s.expected_distress(1, 0, 0, b0=1, b1=2) == 3


def test_simulated_survey_follows_the_expected_distress():
    """Without noise each simulated person reports exactly the model's expected distress."""
    data = s.simulate(300, noise_sd=0, correlation=0.5, b0=1.5, b1=2.5, b2=1.2, b3=0.7, seed=4)
    expected = [s.expected_distress(a, b, c, b0=1.5, b1=2.5, b2=1.2, b3=0.7)
                for a, b, c in zip(data.stress, data.integration, data.support)]
    assert np.allclose(data.distress, expected)
    noisy = s.simulate(300, correlation=0.5, b0=1.5, b1=2.5, b2=1.2, b3=0.7, noise_sd=2.0, seed=4)
    assert np.std(noisy.distress - data.distress) == pytest.approx(2.0, rel=0.15)


@pytest.mark.parametrize("rho", [-0.6, 0.0, 0.6])
def test_correlation_links_integration_and_support(rho):
    """Integration and perceived support go together in real data; the model's rank scores
    keep the requested correlation (rank correlation of a normal pair, 6/pi asin(rho/2))."""
    data = s.simulate(5000, correlation=rho, seed=8)
    r = np.corrcoef(data.integration, data.support)[0, 1]
    assert r == pytest.approx(6 / np.pi * np.arcsin(rho / 2), abs=0.03)
    assert np.allclose(np.sort(data.integration), (np.arange(5000) + 0.5) / 5000)


def test_fit_recovers_every_coefficient_without_noise():
    est = s.fit(s.simulate(500, b0=-1.0, b1=2.0, b2=1.5, b3=0.5, noise_sd=0, seed=2))
    assert (est.intercept, est.stress, est.integration_effect, est.buffering) == pytest.approx((-1.0, 2.0, 1.5, 0.5))
    assert est.support_effect == pytest.approx(0, abs=1e-9) and est.integration_buffering == pytest.approx(0, abs=1e-9)


def test_stress_table_bands_and_halves():
    """Five equal bands of stress (middles 0.1 .. 0.9); people split at the median of the measure."""
    data = s.simulate(2000, noise_sd=0, b1=0, b2=0, b3=0, b0=1.0, seed=5)
    table = s.distress_by_stress(data, bands=4)
    assert np.allclose(table.stress, [0.125, 0.375, 0.625, 0.875])
    assert np.allclose(table.low, 1.0) and np.allclose(table.high, 1.0)
    by_integration = s.distress_by_stress(s.simulate(2000, b2=2, b3=0, noise_sd=0, seed=5), by="integration")
    assert np.all(by_integration.gap > 0.9)  # a median split of integration 0..1 at b2 = 2


def test_stress_table_leaves_a_band_empty_as_nan():
    data = s.simulate(10, seed=0)
    table = s.distress_by_stress(data, bands=10)
    counts = np.bincount(np.minimum((data.stress * 10).astype(int), 9), minlength=10)
    assert np.isnan(table.low[counts == 0]).all() and np.isnan(table.high[counts == 0]).all()
    assert np.isfinite(table.low).sum() + np.isfinite(table.high).sum() >= (counts > 0).sum()


# --- Reading the estimates and the table (found untested by mutation testing) ---------------

def _hand_survey(stress, integration, support_level, distress):
    return s.Survey(*(np.asarray(v, dtype=float) for v in (stress, integration, support_level, distress)))


def test_every_estimate_is_signed_like_the_model_positive_means_less_distress():
    """fit() reports every resource effect with the sign of the model's parameters (positive =
    less distress), including the two terms the model itself leaves at zero."""
    rng = np.random.default_rng(0)
    st, it, sp = rng.uniform(size=(3, 400))
    distress = 1.0 + 2.0 * st - 0.5 * it - 1.5 * sp - 0.7 * st * it - 0.9 * st * sp
    est = s.fit(_hand_survey(st, it, sp, distress))
    assert (est.intercept, est.stress, est.integration_effect, est.support_effect,
            est.integration_buffering, est.buffering) == pytest.approx((1.0, 2.0, 0.5, 1.5, 0.7, 0.9))


def test_people_at_the_median_count_in_the_high_group():
    """StressTable: "high" is at or above the median of the measure."""
    table = s.distress_by_stress(_hand_survey([0.5] * 3, [0.5] * 3, [0.0, 0.5, 1.0], [9.0, 3.0, 1.0]), bands=2)
    assert table.high[1] == 2.0 and table.low[1] == 9.0


def test_the_most_stressed_people_fall_in_the_top_band():
    """Stress runs from 0 to 1 inclusive: a stress of exactly 1 belongs to the top band."""
    table = s.distress_by_stress(_hand_survey([0.1, 0.1, 1.0, 1.0], [0.5] * 4, [0.2, 0.8, 0.2, 0.8],
                                              [1.0, 1.0, 5.0, 3.0]), bands=2)
    assert (table.low[1], table.high[1]) == (5.0, 3.0)


def test_an_empty_band_is_nan_without_a_warning():
    """A band with nobody in one half is left as NaN quietly (no NumPy warning for learners)."""
    import warnings
    data = _hand_survey([0.1, 0.1, 0.9], [0.5] * 3, [0.2, 0.8, 0.8], [1.0, 2.0, 3.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = s.distress_by_stress(data, bands=2)
    assert np.isnan(table.low[1]) and table.high[1] == 3.0 and table.low[0] == 1.0
    data = _hand_survey([0.1, 0.9, 0.9], [0.5] * 3, [0.1, 0.8, 0.5], [1.0, 2.0, 3.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = s.distress_by_stress(data, bands=2)
    assert np.isnan(table.high[0]) and table.low[0] == 1.0
    assert np.isnan(table.low[1]) and table.high[1] == 2.5
