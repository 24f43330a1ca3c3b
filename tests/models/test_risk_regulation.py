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


# --- The basins and the rules, exactly as documented ------------------------------------------

@pytest.mark.parametrize(
    "regard, dependence, basin",
    [(0.6, 0.6, "secure"), (1.0, 1.0, "secure"), (0.6, 0.59, "undecided"), (0.59, 0.9, "undecided"),
     (0.9, 0.1, "undecided"), (0.1, 0.9, "undecided"), (0.4, 0.4, "self-protective"),
     (0.0, 0.0, "self-protective"), (0.41, 0.2, "undecided"), (0.2, 0.41, "undecided"), (0.5, 0.5, "undecided")],
)
def test_a_basin_needs_both_regard_and_dependence(regard, dependence, basin):
    """Murray et al. (2006): the secure loop is high regard *and* high dependence (both at least
    0.6); the self-protective loop is low regard *and* low dependence (both at most 0.4)."""
    assert rr.classify(regard, dependence) == basin


def test_threshold_rises_with_regard_and_charity():
    """Rule 1: theta(R) = 0.15 + 0.55 R + charitable interpretation."""
    assert rr.threshold(0.0) == pytest.approx(0.15)
    assert rr.threshold(1.0) == pytest.approx(0.70)
    assert rr.threshold(0.5, 0.25) == pytest.approx(0.15 + 0.275 + 0.25)


def test_first_episode_follows_the_three_rules():
    """One episode by hand: appraisal, hurt, behaviour, partner and regard updates."""
    run = rr.simulate(0.3, partner_warmth=0.5, reassurance=0.2, initial_dependence=0.5, episodes=1, seed=9)
    noise = np.random.default_rng(9).normal(0.0, rr.AMBIGUITY, 1)[0]
    x = min(1.0, max(0.0, 1.0 - 0.5 + noise))
    p = 1 / (1 + math.exp(-rr.APPRAISAL_STEEPNESS * (x - rr.threshold(0.3))))
    hurt = p * (1 - 0.3)
    shields = hurt > rr.HURT_THRESHOLD
    d = 0.5 - 0.1 if shields else 0.5 + 0.1
    w = 0.5 + 0.2 * (min(1.0, max(0.0, 0.5 + 0.3 * (d - 0.5))) - 0.5)
    r = 0.3 + 0.1 * ((1 - p * (1 - 0.2)) - 0.3)
    assert run.rejection[1] == pytest.approx(p) and run.hurt[1] == pytest.approx(hurt)
    assert run.self_protect[1] == shields and run.dependence[1] == pytest.approx(d)
    assert run.partner_warmth[1] == pytest.approx(w) and run.regard[1] == pytest.approx(r)
    assert (run.rejection[0], run.hurt[0], run.self_protect[0]) == (0.0, 0.0, False)
    assert list(run.episodes) == [0, 1]


def test_hurt_decides_between_withdrawing_and_connecting():
    """Rule 3: whenever hurt passes the threshold the agent self-protects (dependence falls by a
    step, never below 0); otherwise it connects (dependence rises by a step, never above 1)."""
    run = rr.simulate(0.3, initial_dependence=0.05, episodes=200, seed=3)
    assert np.array_equal(run.self_protect[1:], run.hurt[1:] > rr.HURT_THRESHOLD)
    step = np.diff(run.dependence)
    expected = np.where(run.self_protect[1:], np.maximum(-0.1, -run.dependence[:-1]),
                        np.minimum(0.1, 1 - run.dependence[:-1]))
    assert np.allclose(step, expected)
    assert run.self_protect[1:].any() and not run.self_protect[1:].all()


def test_partner_warms_to_dependence_and_cools_to_withdrawal():
    """Downey et al. (1998): the partner drifts towards baseline + 0.3 (D - 0.5)."""
    run = rr.simulate(1.0, partner_warmth=0.6, initial_dependence=1.0, episodes=300, seed=0)
    assert run.partner_warmth[-1] == pytest.approx(0.6 + 0.3 * 0.5, abs=1e-3)
    cold = rr.simulate(0.0, partner_warmth=0.6, initial_dependence=0.0, episodes=300, seed=0)
    assert cold.partner_warmth[-1] == pytest.approx(0.6 - 0.3 * 0.5, abs=1e-3)


def test_full_reassurance_repairs_every_slight():
    """With reassurance 1 every episode feels like acceptance: regard climbs towards 1 as
    1 - 0.9^t, whatever is read into the partner's behaviour."""
    run = rr.simulate(0.0, reassurance=1.0, episodes=20, seed=5)
    assert np.allclose(run.regard, 1 - 0.9 ** np.arange(21))


def test_behaviour_is_never_read_as_colder_than_plainly_cold():
    """Negativity runs from 0 (plainly warm) to 1 (plainly cold): with a cold partner, behaviour
    colder than 1 is read as 1, so no episode reads more rejection than plainly cold behaviour
    would, rule 1 at the regard held before it."""
    run = rr.simulate(0.1, partner_warmth=0.0, episodes=200, seed=2)
    ceiling = [1 / (1 + math.exp(-rr.APPRAISAL_STEEPNESS * (1.0 - rr.threshold(r)))) for r in run.regard[:-1]]
    assert np.all(run.rejection[1:] <= np.array(ceiling) + 1e-12)
    assert np.sum(np.isclose(run.rejection[1:], ceiling)) > 50   # the cold partner often is that cold
