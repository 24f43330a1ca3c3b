"""Needs and well-being: calibration to Tay & Diener (2011), properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import needs as m

levels = st.floats(0, 1)
blends = st.floats(0, 1)


# --- Calibration: the published finding the model exists to show ----------------------------

@given(levels, levels, levels, levels, levels)
def test_independent_contributions_belonging_adds_the_same_whatever_else_is_met(b1, b2, e, a, x):
    """Tay & Diener (2011), "Needs and subjective well-being around the world", JPSP 101(2),
    doi:10.1037/a0023779 (abstract, Gallup World Poll, 123 countries): "the associations of SWB
    with the fulfillment of specific needs were largely independent of whether other needs were
    fulfilled". Under the independent model, what belonging adds does not depend on basic needs,
    esteem or autonomy."""
    gain1 = m.belonging_gain(b1, esteem=e, autonomy=a, prepotency=m.INDEPENDENT, high=x)
    gain2 = m.belonging_gain(b2, esteem=x, autonomy=e, prepotency=m.INDEPENDENT, high=x)
    assert gain1 == pytest.approx(gain2, abs=1e-12)
    assert gain1 == pytest.approx(m.SCALE * m.WEIGHT * x)


def test_under_strict_prepotency_belonging_depends_on_basic_needs():
    """The hypothesis Tay & Diener's data go against (Maslow 1943: belonging needs emerge once
    physiological and safety needs are fairly well gratified). Belonging adds nothing while
    basic needs are poorly met, and much more once they are met."""
    assert m.belonging_gain(0.0, prepotency=m.STRICT) == 0
    assert m.belonging_gain(m.EMERGES, prepotency=m.STRICT) == 0
    poorly, well = m.belonging_gain(0.2, prepotency=m.STRICT), m.belonging_gain(0.9, prepotency=m.STRICT)
    assert well > 4 and poorly == 0
    gains = [m.belonging_gain(b, prepotency=m.STRICT) for b in np.linspace(0, 1, 21)]
    assert all(a <= b + 1e-12 for a, b in zip(gains, gains[1:]))
    assert max(gains) - min(gains) > 4


def test_the_two_hypotheses_agree_when_every_need_is_fully_met_and_when_none_is():
    for value in (0.0, 1.0):
        levels_ = dict(basic=value, belonging=value, esteem=value, autonomy=value)
        assert m.well_being(**levels_, prepotency=m.INDEPENDENT) == pytest.approx(
            m.well_being(**levels_, prepotency=m.STRICT))
    assert m.well_being(basic=1, belonging=1, esteem=1, autonomy=1) == pytest.approx(m.SCALE)


def test_default_run_shows_the_contrast_at_poorly_met_basic_needs():
    run = m.default_run()
    assert run.basic == pytest.approx(0.3)
    assert run.independent[-1] - run.independent[0] == pytest.approx(2.5)
    assert np.allclose(run.prepotency, run.prepotency[0])  # flat: belonging adds nothing here


# --- Properties ---------------------------------------------------------------------------

@given(levels, levels, levels, levels, blends)
def test_well_being_stays_on_its_scale_and_prepotency_never_adds(b, bel, e, a, p):
    kwargs = dict(basic=b, belonging=bel, esteem=e, autonomy=a)
    wb = m.well_being(**kwargs, prepotency=p)
    assert 0 <= wb <= m.SCALE + 1e-12
    assert wb <= m.well_being(**kwargs, prepotency=m.INDEPENDENT) + 1e-12
    assert wb >= m.well_being(**kwargs, prepotency=m.STRICT) - 1e-12


@given(levels, levels, levels, levels, blends, st.sampled_from(m.NEEDS), st.floats(0.001, 0.5))
def test_meeting_any_need_better_never_lowers_well_being(b, bel, e, a, p, need, extra):
    kwargs = dict(basic=b, belonging=bel, esteem=e, autonomy=a)
    more = dict(kwargs, **{need: min(1.0, kwargs[need] + extra)})
    assert m.well_being(**more, prepotency=p) >= m.well_being(**kwargs, prepotency=p) - 1e-12


@given(levels, levels, levels, levels)
def test_basic_needs_count_the_same_under_both_hypotheses(b, bel, e, a):
    """The lowest need has nothing below it, so no hypothesis gates it."""
    kwargs = dict(basic=b, belonging=bel, esteem=e, autonomy=a)
    assert m.contributions(**kwargs, prepotency=m.STRICT)["basic"] == pytest.approx(
        m.contributions(**kwargs)["basic"])


@given(levels, levels, levels, st.sampled_from(m.NEEDS[1:]))
def test_gate_is_closed_below_emerges_and_open_from_met(low, high_a, high_b, need):
    others = dict(basic=1.0, belonging=1.0, esteem=1.0, autonomy=1.0)
    lower = m.NEEDS[m.NEEDS.index(need) - 1]
    closed = dict(others, **{lower: min(low, m.EMERGES)})
    opened = dict(others, **{lower: m.MET + (1 - m.MET) * high_a})
    assert m.gate(need, **closed) == 0
    assert m.gate(need, **opened) == 1
    assert 0 <= m.gate(need, **dict(others, **{lower: high_b})) <= 1


def test_curves_are_repeatable_and_span_belonging():
    c = m.curves(0.6, points=11)
    assert repr(c) == repr(m.curves(0.6, points=11))
    assert c.belonging[0] == 0 and c.belonging[-1] == 1 and len(c.belonging) == 11
    assert np.all(np.diff(c.independent) > 0)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(basic=-0.1), "basic"),
        (dict(basic=1.5), "basic"),
        (dict(belonging=math.nan), "belonging"),
        (dict(esteem="high"), "esteem"),
        (dict(autonomy=True), "autonomy"),
        (dict(autonomy=math.inf), "autonomy"),
        (dict(prepotency=2), "prepotency"),
        (dict(prepotency=-1), "prepotency"),
    ],
)
def test_bad_input_names_the_parameter_and_its_range(kwargs, name):
    with pytest.raises(ValueError, match=name) as info:
        m.well_being(**kwargs)
    assert "between 0 and 1" in str(info.value)


def test_bad_gains_curves_and_gates_are_refused():
    with pytest.raises(ValueError, match="high"):
        m.belonging_gain(0.5, low=0.8, high=0.2)
    with pytest.raises(ValueError, match="low"):
        m.belonging_gain(0.5, low=-1)
    with pytest.raises(ValueError, match="basic"):
        m.belonging_gain(None)
    with pytest.raises(ValueError, match="points"):
        m.curves(0.5, points=1)
    with pytest.raises(ValueError, match="points"):
        m.curves(0.5, points=10.5)
    with pytest.raises(ValueError, match="need"):
        m.gate("food", basic=1, belonging=1, esteem=1, autonomy=1)
    with pytest.raises(TypeError):
        m.well_being(0.5)  # keyword arguments only: no need is mistaken for another


def test_curves_follow_well_being_with_the_other_needs_held_where_asked():
    """curves() traces well_being along belonging from 0 to 1, with basic needs, esteem and
    autonomy fixed at the values given: the independent curve at prepotency 0, the strict one at 1."""
    c = m.curves(0.9, esteem=0.3, autonomy=0.7, points=5)
    for i, b in enumerate(c.belonging):
        held = dict(basic=0.9, belonging=float(b), esteem=0.3, autonomy=0.7)
        assert c.independent[i] == pytest.approx(m.well_being(**held, prepotency=m.INDEPENDENT))
        assert c.prepotency[i] == pytest.approx(m.well_being(**held, prepotency=m.STRICT))
    assert np.all(np.diff(c.prepotency) > 0)   # more belonging, more well-being, even when gated
