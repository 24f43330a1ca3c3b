"""Needs and well-being: an illustrative model of two ways needs could add up.

Sources: Maslow (1943), "A theory of human motivation", Psychological Review 50(4), 370-396,
proposed that needs are ordered by *prepotency*: a higher need (love and belonging) emerges
only once lower ones (physiological, safety) are fairly well gratified. Tay & Diener (2011),
"Needs and subjective well-being around the world", JPSP 101(2), doi:10.1037/a0023779, tested
this in Gallup World Poll data from 123 countries and found (abstract) that "the associations
of SWB with the fulfillment of specific needs were largely independent of whether other needs
were fulfilled". Self-determination theory (Ryan & Deci, 2000) names relatedness as one of
three basic needs alongside autonomy and competence, none of them ranked first. No published
equation underlies this model: it is **illustrative**, a way to see what each hypothesis
predicts, not a fit to anyone's data.

What the model keeps from the theories
--------------------------------------
* Four needs, listed in a Maslow-style order from "lowest" to "highest": ``basic`` (food,
  shelter and safety), ``belonging``, ``esteem`` (respect and competence) and ``autonomy``.
  Each has a fulfilment from 0 (not met at all) to 1 (fully met).
* Well-being is a 0-10 score (like the life-evaluation ladder the Gallup World Poll uses).
  Each need can add up to ``10 * WEIGHT`` = 2.5 points; the weights are equal.
* **Independent contributions** (``prepotency=0``, Tay & Diener's finding): a need adds
  ``10 * WEIGHT * fulfilment`` whatever the other needs are doing.
* **Strict prepotency** (``prepotency=1``, a Maslow-style hierarchy): a need's contribution
  is scaled by a *gate* that depends on the least-met need below it: the need counts not at
  all until every lower need is at least ``EMERGES`` (0.3) fulfilled, then more and more,
  and in full once every lower need is at least ``MET`` (0.7) fulfilled ("fairly well
  gratified", in Maslow's words): ``gate = clip((least - EMERGES) / (MET - EMERGES), 0, 1)``.
  The lowest need (``basic``) has no gate.
* Values of ``prepotency`` in between blend the two: ``contribution * (1 - p + p * gate)``.

The model is deterministic: there is no randomness and so no seed. ``default_run()``
returns the same comparison every time.

What it leaves out: that needs are correlated in real populations (people whose basic needs
are met also tend to have more of the others, which Tay & Diener took into account);
differences between the parts of well-being (they found life evaluation most associated
with basic needs and positive feelings with social and respect needs); societal need
fulfilment; culture; time; and the fact that people pursue one need partly *through*
another. The weights, ``EMERGES``, ``MET`` and the 0-10 scale are choices made to show the idea.

Reproduces (tests/models/test_needs.py): under independent contributions, what belonging
adds to well-being does not depend on how well the other needs are met (Tay & Diener,
2011); under strict prepotency it does, and it is zero while basic needs are poorly met.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._checks import check_choice, check_int, check_number

#: The needs, in a Maslow-style order from lowest to highest.
NEEDS = ("basic", "belonging", "esteem", "autonomy")
LABELS = {
    "basic": "Basic needs (food, shelter, safety)",
    "belonging": "Belonging",
    "esteem": "Esteem (respect, competence)",
    "autonomy": "Autonomy",
}
#: Equal weight for each need; the top of the well-being scale.
WEIGHT = 0.25
SCALE = 10.0
#: Under prepotency, a higher need begins to count once every lower need reaches EMERGES,
#: and counts in full once every lower need is "fairly well met" (MET).
EMERGES = 0.3
MET = 0.7
#: Fulfilment of the needs that are not being varied, unless the caller says otherwise.
DEFAULT_FULFILMENT = 0.5

INDEPENDENT = 0.0
STRICT = 1.0
MIN_POINTS, MAX_POINTS = 2, 201


def _check_fulfilment(values: dict[str, Any]) -> dict[str, float]:
    return {need: check_number(need, values[need], 0.0, 1.0) for need in NEEDS}


def _check_prepotency(prepotency: Any) -> float:
    return check_number("prepotency", prepotency, 0.0, 1.0)


def gate(need: str, *, basic: float, belonging: float, esteem: float, autonomy: float) -> float:
    """How far the needs below ``need`` let it count under strict prepotency (0 to 1)."""
    check_choice("need", need, NEEDS)
    levels = _check_fulfilment(dict(basic=basic, belonging=belonging, esteem=esteem, autonomy=autonomy))
    lower = NEEDS[: NEEDS.index(need)]
    if not lower:
        return 1.0
    least = min(levels[n] for n in lower)
    return float(min(1.0, max(0.0, (least - EMERGES) / (MET - EMERGES))))


def contributions(
    *,
    basic: float = DEFAULT_FULFILMENT,
    belonging: float = DEFAULT_FULFILMENT,
    esteem: float = DEFAULT_FULFILMENT,
    autonomy: float = DEFAULT_FULFILMENT,
    prepotency: float = INDEPENDENT,
) -> dict[str, float]:
    """Points of well-being (0 to 2.5 each) that each need adds."""
    levels = _check_fulfilment(dict(basic=basic, belonging=belonging, esteem=esteem, autonomy=autonomy))
    p = _check_prepotency(prepotency)
    out = {}
    for need in NEEDS:
        g = gate(need, **levels)
        out[need] = SCALE * WEIGHT * levels[need] * (1.0 - p + p * g)
    return out


def well_being(
    *,
    basic: float = DEFAULT_FULFILMENT,
    belonging: float = DEFAULT_FULFILMENT,
    esteem: float = DEFAULT_FULFILMENT,
    autonomy: float = DEFAULT_FULFILMENT,
    prepotency: float = INDEPENDENT,
) -> float:
    """Well-being on a 0-10 scale from the fulfilment (0 to 1) of each need.

    ``prepotency=0`` is the independent-contributions hypothesis, ``prepotency=1`` strict
    Maslow-style prepotency. Keyword arguments only, so that no need is mistaken for another.
    """
    parts = contributions(basic=basic, belonging=belonging, esteem=esteem, autonomy=autonomy,
                          prepotency=prepotency)
    return float(sum(parts.values()))


def belonging_gain(
    basic: float,
    *,
    prepotency: float = INDEPENDENT,
    low: float = 0.0,
    high: float = 1.0,
    esteem: float = DEFAULT_FULFILMENT,
    autonomy: float = DEFAULT_FULFILMENT,
) -> float:
    """How much well-being rises when belonging goes from ``low`` to ``high``, other needs fixed."""
    low = check_number("low", low, 0.0, 1.0)
    high = check_number("high", high, 0.0, 1.0)
    if high < low:
        raise ValueError(f"high must be between low ({low:g}) and 1; got {high:g}")
    common = dict(basic=basic, esteem=esteem, autonomy=autonomy, prepotency=prepotency)
    return well_being(belonging=high, **common) - well_being(belonging=low, **common)


@dataclass(frozen=True)
class Curves:
    """Well-being as belonging rises from 0 to 1, under both hypotheses, at one level of basic needs."""

    basic: float
    belonging: np.ndarray     # belonging fulfilment, 0..1
    independent: np.ndarray   # well-being (0-10) with independent contributions
    prepotency: np.ndarray    # well-being (0-10) with strict prepotency


def curves(
    basic: float = DEFAULT_FULFILMENT,
    *,
    esteem: float = DEFAULT_FULFILMENT,
    autonomy: float = DEFAULT_FULFILMENT,
    points: int = 21,
) -> Curves:
    """Both hypotheses' well-being along a grid of belonging from 0 to 1."""
    basic = check_number("basic", basic, 0.0, 1.0)
    points = check_int("points", points, MIN_POINTS, MAX_POINTS)
    grid = np.linspace(0.0, 1.0, points)
    common = dict(basic=basic, esteem=esteem, autonomy=autonomy)
    independent = np.array([well_being(belonging=float(b), **common) for b in grid])  # prepotency: INDEPENDENT
    strict = np.array([well_being(belonging=float(b), prepotency=STRICT, **common) for b in grid])
    return Curves(basic, grid, independent, strict)


def default_run() -> Curves:
    """Both hypotheses with basic needs poorly met (0.3) and esteem and autonomy half met."""
    return curves(0.3)
