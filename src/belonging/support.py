"""Social support, main effect versus buffering: an illustrative simulated survey.

Source: Cohen & Wills (1985), "Stress, social support, and the buffering hypothesis",
Psychological Bulletin 98(2), 310–357. The paper reviews studies and publishes no
equation; the linear model below is the usual way to write its two hypotheses down, and its
numbers are **illustrative**: distress is in made-up points, not a clinical scale.

What the model keeps from the theory
------------------------------------
* Each simulated person has a level of **stress**, a degree of **structural integration**
  (how large and varied their network is) and a level of **perceived available support**
  (whether they believe help would be there if they needed it). All three run from 0 to 1.
* ``distress = b0 + b1·stress − b2·integration − b3·stress·perceived_support + noise``.
* **Main effect** (``b2``): being well integrated lowers distress by the same amount whatever
  the stress, so the gap between well- and poorly-integrated people is the same at low and
  high stress. Cohen & Wills found main effects with measures of integration.
* **Buffering** (``b3``): perceived support matters *because* of stress. It flattens the rise
  of distress with stress, so the gap between people with high and low perceived support is
  near zero when stress is low and grows as stress rises. Cohen & Wills found buffering with
  measures of perceived available support.
* :func:`fit` recovers both effects from the simulated data by least squares, the way a
  survey study would; :func:`distress_by_stress` gives the group means a figure would show.

What it leaves out: received (as opposed to perceived) support, the match between the kind
of support and the kind of stressor, reverse causation (distress can drive people away),
nonlinear effects, and every measurement problem of real surveys.

Reproduces (tests/models/test_support.py): integration lowers distress at all stress levels
by about the same amount; perceived support flattens the stress slope, so its benefit grows
with stress; with ``b3 = 0`` no buffering appears, and with ``b2 = 0`` no main effect.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import check_choice, check_int, check_number, make_rng

MAX_PEOPLE = 5000
MAX_COEF = 10.0
GROUPINGS = ("support", "integration")


@dataclass(frozen=True)
class Survey:
    """One simulated survey: a row per person, all measures from 0 to 1 except distress."""

    stress: np.ndarray
    integration: np.ndarray
    support: np.ndarray      # perceived available support
    distress: np.ndarray     # illustrative points; higher is worse


@dataclass(frozen=True)
class Fit:
    """Least-squares estimates, signed like the model's parameters (positive = less distress)."""

    intercept: float
    stress: float                # estimate of b1
    integration_effect: float    # estimate of b2: the main effect
    support_effect: float        # main effect of perceived support (0 in the model)
    integration_buffering: float  # stress x integration interaction (0 in the model)
    buffering: float             # estimate of b3: the stress x support interaction


@dataclass(frozen=True)
class StressTable:
    """Mean distress in bands of stress, for the lower and the upper half of one measure."""

    stress: np.ndarray   # middle of each stress band
    low: np.ndarray      # mean distress, people below the median of the measure
    high: np.ndarray     # mean distress, people at or above the median

    @property
    def gap(self) -> np.ndarray:
        """How much less distress the high group reports, band by band."""
        return self.low - self.high


def _check_coefficients(b0: float, b1: float, b2: float, b3: float) -> None:
    check_number("b0", b0, -MAX_COEF, MAX_COEF)
    for name, value in (("b1", b1), ("b2", b2), ("b3", b3)):
        check_number(name, value, 0.0, MAX_COEF)


def expected_distress(
    stress: float, integration: float, support: float,
    *, b0: float = 4.0, b1: float = 4.0, b2: float = 2.0, b3: float = 3.0,
) -> float:
    """Average distress of people with these three scores (the model without noise)."""
    check_number("stress", stress, 0.0, 1.0)
    check_number("integration", integration, 0.0, 1.0)
    check_number("support", support, 0.0, 1.0)
    _check_coefficients(b0, b1, b2, b3)
    return b0 + b1 * stress - b2 * integration - b3 * stress * support


def _ranks(z: np.ndarray) -> np.ndarray:
    """Spread scores evenly over 0..1 by rank: a uniform score that keeps the correlation's order."""
    return (np.argsort(np.argsort(z)) + 0.5) / len(z)


def simulate(
    n: int = 2000,
    *,
    b0: float = 4.0,
    b1: float = 4.0,
    b2: float = 2.0,
    b3: float = 3.0,
    noise_sd: float = 1.0,
    correlation: float = 0.0,
    seed: int = 0,
) -> Survey:
    """Simulate a survey of ``n`` people.

    ``correlation`` links integration and perceived support (in real data they go together);
    at 0 the two are independent, which keeps simple group comparisons clean.
    """
    check_int("n", n, 10, MAX_PEOPLE)
    _check_coefficients(b0, b1, b2, b3)
    check_number("noise_sd", noise_sd, 0.0, 5.0)
    check_number("correlation", correlation, -0.9, 0.9)
    rng = make_rng(seed)
    stress = rng.uniform(0.0, 1.0, n)
    z_integration, z_other = rng.standard_normal((2, n))
    z_support = correlation * z_integration + np.sqrt(1 - correlation**2) * z_other
    integration, support = _ranks(z_integration), _ranks(z_support)
    noise = noise_sd * rng.standard_normal(n)
    distress = b0 + b1 * stress - b2 * integration - b3 * stress * support + noise
    return Survey(stress, integration, support, distress)


def _check_survey(survey: object) -> Survey:
    if not isinstance(survey, Survey):
        raise ValueError(f"survey must be a Survey from simulate(); got {type(survey).__name__}")
    return survey


def fit(survey: Survey) -> Fit:
    """Regress distress on stress, both resources and both stress interactions (numpy lstsq).

    The regression includes terms the model does not use (a main effect of support, a
    stress x integration interaction), so that the data, not the analyst, decide which
    resource buffers and which has a main effect.
    """
    s = _check_survey(survey)
    design = np.column_stack([
        np.ones_like(s.stress), s.stress, s.integration, s.support,
        s.stress * s.integration, s.stress * s.support,
    ])
    coef, *_ = np.linalg.lstsq(design, s.distress)
    # The model subtracts b2, b3; flip the signs so the estimates read like the parameters.
    return Fit(float(coef[0]), float(coef[1]), float(-coef[2]), float(-coef[3]),
               float(-coef[4]), float(-coef[5]))


def distress_by_stress(survey: Survey, *, by: str = "support", bands: int = 5) -> StressTable:
    """Mean distress in ``bands`` equal bands of stress, for low versus high ``by``.

    ``by`` is ``"support"`` (perceived support) or ``"integration"``; people are split at
    the median of that measure.
    """
    s = _check_survey(survey)
    check_choice("by", by, GROUPINGS)
    check_int("bands", bands, 2, 10)
    measure = s.support if by == "support" else s.integration
    high = measure >= np.median(measure)
    band = np.minimum((s.stress * bands).astype(int), bands - 1)
    low_means, high_means = np.full(bands, np.nan), np.full(bands, np.nan)
    for b in range(bands):
        in_band = band == b
        if np.any(in_band & ~high):
            low_means[b] = s.distress[in_band & ~high].mean()
        if np.any(in_band & high):
            high_means[b] = s.distress[in_band & high].mean()
    middles = (np.arange(bands) + 0.5) / bands
    return StressTable(middles, low_means, high_means)


def default_run() -> Survey:
    """A survey of 2,000 people with both a main effect and buffering."""
    return simulate()
