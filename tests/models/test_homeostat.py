"""Belonging homeostat: calibration to Baumeister & Leary (1995), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import homeostat as h

rates = st.floats(0, h.MAX_CONTACTS_PER_WEEK)
unit = st.floats(0, 1)


# --- Calibration: the qualitative findings the model exists to show --------------------

def test_satiation_diminishing_returns():
    """Baumeister & Leary (1995), Psychological Bulletin 117(3): the need is for a *minimum
    quantity* of bonds, and satiation means each extra contact adds less once it is met."""
    low_gain = h.steady_state(3, 0.9) - h.steady_state(0, 0.9)
    high_gain = h.steady_state(14, 0.9) - h.steady_state(7, 0.9)
    assert low_gain > 5 * high_gain
    assert high_gain > 0


def test_frequent_contact_without_stable_bond_does_not_satisfy():
    """Baumeister & Leary (1995): both frequent pleasant contact *and* a stable framework of
    mutual concern are needed; contact with strangers alone does not meet the need."""
    strangers = h.simulate_one(14, 0.0, days=180, seed=5)
    friend = h.simulate_one(3, 0.9, days=180, seed=5)
    assert strangers.belonging[-60:].mean() < strangers.set_point
    assert friend.belonging[-60:].mean() > friend.set_point


def test_bond_without_contact_only_partly_satisfies():
    """Baumeister & Leary (1995): a bond with no interaction satisfies the need only partly."""
    run = h.simulate_one(0, 1.0, days=120, start=0.8)
    assert run.belonging[-1] < run.set_point
    fading_alone = h.simulate_one(0, 0.0, days=30, start=0.8).belonging[-1]
    assert run.belonging[29] > fading_alone  # the bond slows the fading


def test_substitution_new_partner_restores_belonging():
    """Baumeister & Leary (1995): substitution; a new relationship can replace a lost one."""
    lost = [h.Partner(3, 0.9, ends_day=60)]
    replaced = lost + [h.Partner(3, 0.9, starts_day=70)]
    before = h.simulate(lost, days=180, seed=2).belonging[30:60].mean()
    without = h.simulate(lost, days=180, seed=2).belonging[-30:].mean()
    with_new = h.simulate(replaced, days=180, seed=2).belonging[-30:].mean()
    assert without < 0.2
    assert abs(with_new - before) < 0.1


def test_deprivation_raises_drive():
    run = h.simulate([h.Partner(3, 0.9, ends_day=30)], days=90, seed=0)
    assert run.drive[-1] > run.drive[29]


# --- Properties ---------------------------------------------------------------------------

@given(rates, unit, unit, st.integers(0, 2**32 - 1))
def test_belonging_stays_in_unit_interval(c, s, q, seed):
    run = h.simulate_one(c, s, quality=q, days=60, seed=seed)
    assert np.all((run.belonging >= 0) & (run.belonging <= 1))
    assert np.all((run.drive >= 0) & (run.drive <= run.set_point))


@given(st.floats(0, 27), st.floats(0.01, 1), unit)
def test_steady_state_monotone_in_contact(c, dc, s):
    assert h.steady_state(c + dc, s) >= h.steady_state(c, s) - 1e-12


@given(st.floats(0.1, 28), unit, st.floats(0.01, 1))
def test_steady_state_monotone_in_stability(c, s, ds):
    assert h.steady_state(c, min(1.0, s + ds)) >= h.steady_state(c, s) - 1e-12


@given(st.integers(0, 2**32 - 1))
def test_same_seed_same_run(seed):
    a = h.simulate_one(5, 0.5, days=40, seed=seed)
    b = h.simulate_one(5, 0.5, days=40, seed=seed)
    assert np.array_equal(a.belonging, b.belonging)


def test_simulation_mean_matches_steady_state():
    runs = [h.simulate_one(4, 0.8, days=300, seed=s).belonging[100:].mean() for s in range(20)]
    assert np.mean(runs) == pytest.approx(h.steady_state(4, 0.8), abs=0.05)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(contacts_per_week=-1, bond_stability=0.5), "contacts_per_week"),
        (dict(contacts_per_week=math.nan, bond_stability=0.5), "contacts_per_week"),
        (dict(contacts_per_week=math.inf, bond_stability=0.5), "contacts_per_week"),
        (dict(contacts_per_week="3", bond_stability=0.5), "contacts_per_week"),
        (dict(contacts_per_week=3, bond_stability=1.5), "bond_stability"),
        (dict(contacts_per_week=3, bond_stability=None), "bond_stability"),
        (dict(contacts_per_week=3, bond_stability=0.5, days=0), "days"),
        (dict(contacts_per_week=3, bond_stability=0.5, days=10**6), "days"),
        (dict(contacts_per_week=3, bond_stability=0.5, seed=-1), "seed"),
        (dict(contacts_per_week=3, bond_stability=0.5, seed=1.5), "seed"),
        (dict(contacts_per_week=3, bond_stability=0.5, decay=0), "decay"),
        (dict(contacts_per_week=3, bond_stability=0.5, quality=True), "quality"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        h.simulate_one(**kwargs)


def test_partner_end_before_start_rejected():
    with pytest.raises(ValueError, match="ends_day must be between"):
        h.Partner(3, 0.9, starts_day=50, ends_day=10)


# --- Fading, contact and the bond, rule by rule ------------------------------------------------

def test_alone_belonging_fades_by_the_decay_rate_each_day():
    """Baumeister & Leary (1995): without interaction the need goes unmet, and belonging fades."""
    run = h.simulate([], days=4, decay=0.1, start=0.5, set_point=0.45)
    assert np.allclose(run.belonging, 0.5 * 0.9 ** np.arange(1, 5))
    assert np.allclose(run.drive, np.clip(0.45 - run.belonging, 0, 1))
    assert run.contacts.sum() == 0 and list(run.days) == [0, 1, 2, 3] and run.set_point == 0.45


def test_a_stable_bond_halves_the_fading_only_while_it_lasts():
    """A fully stable bond slows the daily fading by half; once it has ended, it no longer does."""
    bond = h.Partner(0, 1.0, ends_day=2)
    run = h.simulate([bond], days=4, decay=0.1, start=0.5)
    assert np.allclose(run.belonging, 0.5 * np.array([0.95, 0.95**2, 0.95**2 * 0.9, 0.95**2 * 0.81]))
    later = h.simulate([h.Partner(0, 0.6, starts_day=2)], days=3, decay=0.2, start=1.0)
    assert np.allclose(later.belonging, [0.8, 0.64, 0.64 * (1 - 0.2 * (1 - 0.5 * 0.6))])


def test_each_contact_closes_part_of_the_gap():
    """Satiation: a contact closes 25% x quality x (0.15 + 0.85 x stability) of the gap to 1."""
    assert h.Partner(3, 1.0, quality=1.0).gain_per_contact() == pytest.approx(0.25)
    assert h.Partner(3, 0.0, quality=0.8).gain_per_contact() == pytest.approx(0.25 * 0.8 * 0.15)
    assert h.Partner(3, 0.5, quality=0.4).gain_per_contact() == pytest.approx(0.25 * 0.4 * 0.575)
    run = h.simulate([h.Partner(14, 0.5, quality=0.4)], days=30, decay=0.1, start=0.2, seed=3)
    b, gain = 0.2, h.Partner(14, 0.5, quality=0.4).gain_per_contact()
    for day in range(30):
        b = 1 - (1 - b * (1 - 0.1 * (1 - 0.5 * 0.5))) * (1 - gain) ** run.contacts[day]
        assert run.belonging[day] == pytest.approx(b)


def test_contacts_arrive_at_the_weekly_rate():
    run = h.simulate([h.Partner(7, 0.5), h.Partner(14, 0.5, starts_day=300)], days=600, seed=4)
    assert run.contacts.dtype.kind == "i"  # whole contacts
    assert run.contacts[:300].mean() == pytest.approx(1.0, abs=0.2)
    assert run.contacts[300:].mean() == pytest.approx(3.0, abs=0.3)


def test_steady_state_formula_and_its_parameters():
    """Long-run belonging B* = (1 - r) / (1 - a r) with r = (1 - g)^(contacts per day)."""
    a, r = 1 - 0.1 * (1 - 0.5 * 0.7), (1 - h.Partner(5, 0.7, 0.6).gain_per_contact()) ** (5 / 7)
    assert h.steady_state(5, 0.7, quality=0.6, decay=0.1) == pytest.approx((1 - r) / (1 - a * r))
    assert h.steady_state(5, 0.7, quality=0.0) == 0.0
    assert h.steady_state(5, 0.7, quality=0.4) < h.steady_state(5, 0.7, quality=0.8) < h.steady_state(5, 0.7, quality=1)
    assert h.steady_state(5, 0.7, decay=0.2) < h.steady_state(5, 0.7, decay=0.05)
