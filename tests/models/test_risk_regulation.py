"""Risk regulation: calibration to Murray, Holmes & Collins (2006), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import risk_regulation as rr

unit = st.floats(0, 1)
seeds = st.integers(0, 2**32 - 1)
SEEDS = range(20)


def _share(basin, **kwargs):
    runs = [rr.simulate(seed=s, **kwargs) for s in SEEDS]
    return np.mean([run.basin == basin for run in runs])


# --- Calibration: the qualitative findings the model exists to show --------------------

def test_same_partner_two_basins():
    """Murray, Holmes & Collins (2006), Psychological Bulletin 132(5): confidence in a partner's
    regard lets people risk dependence (a secure loop), while doubt sets off self-protection
    (a self-protective loop). Same partner, same episodes, different starting regard."""
    for seed in SEEDS:
        high = rr.simulate(0.8, partner_warmth=0.6, episodes=150, seed=seed)
        low = rr.simulate(0.2, partner_warmth=0.6, episodes=150, seed=seed)
        assert high.basin == "secure"
        assert low.basin == "self-protective"
        assert high.regard[-1] > 0.8 and high.dependence[-1] > 0.8
        assert low.regard[-1] < 0.2 and low.dependence[-1] < 0.2


def test_both_loops_are_stable_not_just_slow():
    """Murray et al. (2006): the two loops sustain themselves. Once in a basin, a run stays."""
    for seed in range(5):
        for start, basin in ((0.9, "secure"), (0.1, "self-protective")):
            run = rr.simulate(start, episodes=400, seed=seed)
            tail = [rr.classify(r, d) for r, d in zip(run.regard[200:], run.dependence[200:])]
            assert set(tail) == {basin}


def test_reassurance_moves_agent_into_secure_basin():
    """Murray et al. (2006): a responsive, reassuring partner raises felt regard, which lets a
    doubting person risk dependence."""
    assert _share("self-protective", initial_regard=0.2) == 1.0
    assert _share("secure", initial_regard=0.2, reassurance=0.5) == 1.0


def test_charitable_interpretation_moves_agent_into_secure_basin():
    """Murray et al. (2006): the appraisal rule's threshold decides how much rejection is read
    into ambiguous behaviour; raising it moves a doubting person into the secure loop."""
    assert _share("self-protective", initial_regard=0.2) == 1.0
    assert _share("secure", initial_regard=0.2, charitable_interpretation=0.25) == 1.0


def test_self_protection_cools_the_partner():
    """Downey, Freitas, Michaelis & Khouri (1998), JPSP 75: rejection-sensitive behaviour
    elicits the rejection it fears (behavioural confirmation)."""
    for seed in SEEDS:
        low = rr.simulate(0.2, partner_warmth=0.6, episodes=150, seed=seed)
        high = rr.simulate(0.8, partner_warmth=0.6, episodes=150, seed=seed)
        assert low.partner_warmth[-1] < 0.5   # cooler than the partner's baseline of 0.6
        assert high.partner_warmth[-1] > 0.7  # warmer than baseline
        assert low.self_protect[-50:].all() and not high.self_protect[-50:].any()


def test_low_regard_reads_more_rejection_into_the_same_behaviour():
    """Murray et al. (2006), appraisal rule: low perceived regard lowers the rejection threshold."""
    assert rr.threshold(0.1) < rr.threshold(0.9)
    assert rr.threshold(0.1, 0.2) > rr.threshold(0.1)


# --- Properties ---------------------------------------------------------------------------

@given(unit, unit, unit, st.floats(0, rr.MAX_CHARITY), seeds)
def test_states_stay_in_unit_interval(r0, w, re, ch, seed):
    run = rr.simulate(r0, partner_warmth=w, reassurance=re, charitable_interpretation=ch,
                      episodes=60, seed=seed)
    for series in (run.regard, run.dependence, run.partner_warmth, run.rejection, run.hurt):
        assert np.all((series >= 0) & (series <= 1))


@given(unit, st.floats(0.01, 1), seeds)
def test_more_reassurance_never_lowers_regard(re, dre, seed):
    lo = rr.simulate(0.3, reassurance=re, episodes=60, seed=seed)
    hi = rr.simulate(0.3, reassurance=min(1.0, re + dre), episodes=60, seed=seed)
    assert np.all(hi.regard >= lo.regard - 1e-12)


@given(st.floats(0, rr.MAX_CHARITY), st.floats(0.01, 0.5), seeds)
def test_more_charity_never_lowers_regard(ch, dch, seed):
    lo = rr.simulate(0.3, charitable_interpretation=ch, episodes=60, seed=seed)
    hi = rr.simulate(0.3, charitable_interpretation=min(rr.MAX_CHARITY, ch + dch), episodes=60, seed=seed)
    assert np.all(hi.regard >= lo.regard - 1e-12)


@given(unit, st.floats(0.01, 1), seeds)
def test_higher_start_never_ends_lower(r0, dr, seed):
    lo = rr.simulate(r0, episodes=60, seed=seed)
    hi = rr.simulate(min(1.0, r0 + dr), episodes=60, seed=seed)
    assert hi.regard[-1] >= lo.regard[-1] - 1e-12
    assert hi.dependence[-1] >= lo.dependence[-1] - 1e-12


@given(seeds)
def test_same_seed_same_run(seed):
    a = rr.simulate(0.5, episodes=40, seed=seed)
    b = rr.simulate(0.5, episodes=40, seed=seed)
    assert np.array_equal(a.regard, b.regard) and np.array_equal(a.partner_warmth, b.partner_warmth)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(initial_regard=-0.1), "initial_regard"),
        (dict(initial_regard=math.nan), "initial_regard"),
        (dict(initial_regard="0.5"), "initial_regard"),
        (dict(partner_warmth=1.5), "partner_warmth"),
        (dict(partner_warmth=math.inf), "partner_warmth"),
        (dict(reassurance=-1), "reassurance"),
        (dict(reassurance=None), "reassurance"),
        (dict(charitable_interpretation=0.9), "charitable_interpretation"),
        (dict(charitable_interpretation=True), "charitable_interpretation"),
        (dict(initial_dependence=2), "initial_dependence"),
        (dict(episodes=0), "episodes"),
        (dict(episodes=10**6), "episodes"),
        (dict(episodes=2.5), "episodes"),
        (dict(seed=-1), "seed"),
        (dict(seed=1.5), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        rr.simulate(**kwargs)


@pytest.mark.parametrize("kwargs, name", [(dict(regard=math.nan), "regard"),
                                          (dict(regard=0.5, charitable_interpretation=-1),
                                           "charitable_interpretation")])
def test_threshold_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        rr.threshold(**kwargs)
