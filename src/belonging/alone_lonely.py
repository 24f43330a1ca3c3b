"""Alone versus lonely: an illustrative simulated population.

Sources: Perlman & Peplau (1981) define loneliness as a gap between the relationships a person
wants and the ones they have; Hawkley & Cacioppo (2010): "loneliness is not simply being
alone"; Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6), 655–672, found that
objective and subjective isolation "are related. However, the relationship is relatively
modest". No published equation underlies this model, and Hughes et al.'s abstract gives no
single correlation to match, so the model reproduces the *qualitative* finding: a positive but
modest correlation. Its numbers are **illustrative**, not measurements.

What the model keeps from the theory
------------------------------------
* Each simulated person spends some waking hours a day with other people (**contact**); the
  rest of their 16 waking hours they spend alone. Hours alone are *objective* isolation.
* Each person's relationships have a **quality** from 0 to 1: how warm, close and caring their
  contact is. Connection is quality-weighted contact with diminishing returns:
  ``connection = 1 - exp(-quality * contact_hours / HOURS_SCALE)``, from 0 to just under 1.
* Each person **wants** a level of connection from 0 to 1 (their desired connection).
* **Loneliness** is the shortfall of connection below what the person wants:
  ``loneliness = max(0, desired - connection)``. It is *perceived* (subjective) isolation.
* When everyone wants the same and relationships are alike, loneliness is almost a function of
  time alone. The more people differ in what they want (and in the quality of their contact),
  the weaker the link between time alone and loneliness: some people with company all day are
  lonely, and some who spend most of the day alone are not.

What it leaves out: how wants and contact influence each other (people who want company tend
to seek it), changes over time, the loneliness loop of chapter 9 (how a lonely person reads
other people), kinds of relationship (a partner, friends, a community), health, and every
measurement problem of a real survey. Contact hours are drawn from a gamma distribution and
wants and quality from clipped normal distributions; all the settings are choices made to
show the idea, not estimates.

Reproduces (tests/models/test_alone_lonely.py): with the default, realistic-looking variation
the correlation between time alone and loneliness is positive but modest (Hughes et al., 2004);
with no variation in wants or quality it is close to 1; and it weakens as wants vary more.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ._checks import check_choice, check_int, check_number, make_rng

#: Waking hours in a day: hours alone = WAKING_HOURS - contact hours.
WAKING_HOURS = 16.0
#: Hours of full-quality contact that close about 63% of the gap to complete connection.
HOURS_SCALE = 5.0
#: Shape of the gamma distribution of daily contact hours (larger = people more alike).
CONTACT_SHAPE = 4.0

MIN_PEOPLE, MAX_PEOPLE = 20, 5000
MAX_SPREAD = 0.5
PARAMETERS = ("desire_spread", "quality_spread", "contact_mean", "desire_mean", "quality_mean")

DEFAULTS = dict(
    n=400,
    contact_mean=4.0,
    desire_mean=0.7,
    desire_spread=0.3,
    quality_mean=0.6,
    quality_spread=0.3,
)


@dataclass(frozen=True)
class Population:
    """One simulated population: a row per person."""

    contact_hours: np.ndarray  # waking hours a day spent with other people
    hours_alone: np.ndarray    # waking hours a day spent alone (objective isolation)
    quality: np.ndarray        # quality of that contact, 0..1
    desired: np.ndarray        # connection the person wants, 0..1
    connection: np.ndarray     # quality-weighted connection they get, 0..1
    loneliness: np.ndarray     # shortfall of connection below what they want, 0..1


def _check(n, contact_mean, desire_mean, desire_spread, quality_mean, quality_spread) -> None:
    check_int("n", n, MIN_PEOPLE, MAX_PEOPLE)
    check_number("contact_mean", contact_mean, 0.25, 12.0)
    check_number("desire_mean", desire_mean, 0.0, 1.0)
    check_number("desire_spread", desire_spread, 0.0, MAX_SPREAD)
    check_number("quality_mean", quality_mean, 0.0, 1.0)
    check_number("quality_spread", quality_spread, 0.0, MAX_SPREAD)


def connection_from(contact_hours: float | np.ndarray, quality: float | np.ndarray) -> np.ndarray:
    """Quality-weighted connection (0..1) from daily contact hours, with diminishing returns."""
    return 1.0 - np.exp(-np.asarray(quality) * np.asarray(contact_hours) / HOURS_SCALE)


def simulate(
    n: int = DEFAULTS["n"],
    *,
    contact_mean: float = DEFAULTS["contact_mean"],
    desire_mean: float = DEFAULTS["desire_mean"],
    desire_spread: float = DEFAULTS["desire_spread"],
    quality_mean: float = DEFAULTS["quality_mean"],
    quality_spread: float = DEFAULTS["quality_spread"],
    seed: int = 0,
) -> Population:
    """Draw a population of ``n`` people.

    The same seed gives the same people whatever the other settings: each person's place in the
    distributions of contact, wants and quality is drawn first, then scaled. So changing one
    setting changes only what that setting controls, as an explorable's slider should.
    """
    _check(n, contact_mean, desire_mean, desire_spread, quality_mean, quality_spread)
    rng = make_rng(seed)
    base_contact = rng.standard_gamma(CONTACT_SHAPE, n)  # mean CONTACT_SHAPE
    z_desire = rng.standard_normal(n)
    z_quality = rng.standard_normal(n)
    contact = np.minimum(base_contact * contact_mean / CONTACT_SHAPE, WAKING_HOURS)
    quality = np.clip(quality_mean + quality_spread * z_quality, 0.0, 1.0)
    desired = np.clip(desire_mean + desire_spread * z_desire, 0.0, 1.0)
    connection = connection_from(contact, quality)
    loneliness = np.maximum(desired - connection, 0.0)  # desired <= 1 and connection >= 0: never above 1
    return Population(contact, WAKING_HOURS - contact, quality, desired, connection, loneliness)


def correlation(population: Population) -> float:
    """Pearson correlation between hours alone and loneliness (0 if either does not vary)."""
    if not isinstance(population, Population):
        raise ValueError(f"population must be a Population from simulate(); got {type(population).__name__}")
    x, y = population.hours_alone, population.loneliness
    if np.std(x) == 0 or np.std(y) == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def correlation_at(parameter: str, value: float, *, seed: int = 0, **settings: float) -> float:
    """The correlation for the default population with one setting changed."""
    check_choice("parameter", parameter, PARAMETERS)
    if parameter in settings:
        raise ValueError(f"settings must not repeat parameter {parameter!r}")
    kwargs = {**DEFAULTS, **settings, parameter: value}
    return correlation(simulate(seed=seed, **kwargs))


def sweep(parameter: str, values: Sequence[float], *, seed: int = 0, **settings: float) -> list[float]:
    """Correlation between hours alone and loneliness at each value of one setting."""
    values = list(values)
    if not 1 <= len(values) <= 50:
        raise ValueError(f"values must hold between 1 and 50 settings; got {len(values)}")
    return [correlation_at(parameter, v, seed=seed, **settings) for v in values]


@dataclass(frozen=True)
class Mismatch:
    """How often time alone and loneliness part company, split at the quartiles and the median."""

    lonely_in_company: float  # share of the least-alone quarter who are lonelier than the median person
    content_alone: float      # share of the most-alone quarter who are less lonely than the median person


def mismatch(population: Population) -> Mismatch:
    """If loneliness were just time alone, both shares would be 0."""
    if not isinstance(population, Population):
        raise ValueError(f"population must be a Population from simulate(); got {type(population).__name__}")
    alone, lonely = population.hours_alone, population.loneliness
    low, high = np.quantile(alone, [0.25, 0.75])
    median = np.median(lonely)
    least_alone, most_alone = alone <= low, alone >= high
    return Mismatch(
        lonely_in_company=float(np.mean(lonely[least_alone] > median)),
        content_alone=float(np.mean(lonely[most_alone] < median)),
    )


def default_run() -> Population:
    """The default population (400 people, seed 0), for the shared model tests."""
    return simulate(seed=0)
