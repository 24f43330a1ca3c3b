"""Convoy across the lifespan: an illustrative model of how personal networks change with age.

Sources: Kahn & Antonucci (1980), the convoy model; Antonucci, Ajrouch & Birditt (2014),
The Gerontologist 54(1); Wrzus, Hänel, Wagner & Neyer (2013), Psychological Bulletin
139(1), a meta-analysis of 277 studies; English & Carstensen (2014), International Journal
of Behavioral Development 38(2); Carstensen, Fung & Charles (2003), socioemotional
selectivity theory. None of them publishes equations. The curves below are smooth shapes
chosen to match the direction of the published findings; every number is **illustrative**,
not an estimate of how many people anyone knows.

What the model keeps from the theory
------------------------------------
* A person moves through life surrounded by a **convoy** drawn as three circles: an
  **inner** circle (so close that life without them is hard to imagine), a **middle** circle
  and an **outer** circle (Kahn & Antonucci's hierarchical mapping).
* The total network **grows into young adulthood and then declines** (Wrzus et al. 2013).
  The decline is mostly in the **outer** circle of peripheral partners; the **inner** circle
  stays about the same size (English & Carstensen 2014). **Family** stays roughly constant;
  the change is among friends, colleagues and acquaintances (Wrzus et al. 2013).
* **Socioemotional selectivity** (Carstensen et al. 2003): as *perceived time left* shrinks,
  people invest in emotionally close partners and let peripheral ones go. ``selectivity``
  sets how strongly, and ``life_horizon`` the age a person expects to live to; a short
  horizon makes a young person choose like an old one.
* **Life events** (Wrzus et al. 2013) add or remove people from the age they happen on:
  parenthood, job entry, retirement and widowhood (see :data:`EVENT_EFFECTS`). They are
  permanent step changes laid on top of the average curve, which already reflects a typical
  life, so switching an event on shows its direction, not a calibrated size (job entry, for
  example, adds colleagues the average curve partly contains already).
* **Individual variation**: each simulated person has their own seeded sociability in each
  circle and small year-to-year ups and downs.

What it leaves out: who the people are and how they move between circles, relationship
quality (which matters more for well-being than counts), conflict, cohort and period effects
(networks have shrunk over recent decades), culture, and the wide spread of real network sizes.

Reproduces (tests/models/test_convoy.py): the total peaks in young adulthood and then
declines; the outer circle at 80 is much smaller than at 30; the inner circle at 80 is within
about 20% of the inner circle at 30; family is roughly constant; widowhood shrinks the inner
circle.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ._checks import check_int, check_number, make_rng

MIN_AGE, MAX_AGE = 15, 90
AGES = np.arange(MIN_AGE, MAX_AGE + 1)
CIRCLES = ("inner", "middle", "outer")
MAX_PEOPLE = 5000

#: Family members in each circle (inner, middle, outer): the same at every age, as in Wrzus 2013.
FAMILY = np.array([3.0, 3.0, 3.0])
#: Friends and others in each circle at their lowest (childhood side) and how much they grow.
OTHERS_BASE = np.array([1.5, 3.0, 3.0])
OTHERS_GROWTH = np.array([0.5, 6.0, 27.0])
#: Age at which friends and acquaintances are most numerous, and how wide the hump is.
PEAK_AGE = 25.0
HUMP_WIDTH = 0.8

#: With full selectivity and no time left: share of outer / middle non-kin let go, and
#: share of middle non-kin who move into the inner circle (closeness deepens).
PRUNE_OUTER, PRUNE_MIDDLE, DEEPEN = 0.6, 0.3, 0.1

#: People each event adds (+) or removes (-) in the inner, middle and outer circles, from the
#: event's age on; the first number is kin (children, a partner), the second everyone else.
EVENT_EFFECTS: dict[str, tuple[np.ndarray, np.ndarray]] = {
    # a child joins the inner circle; other parents and school contacts join the outer one
    "parenthood": (np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 3.0])),
    # colleagues, mostly peripheral
    "job_entry": (np.zeros(3), np.array([0.0, 2.0, 8.0])),
    # most colleagues drift away
    "retirement": (np.zeros(3), np.array([0.0, -1.5, -6.0])),
    # the partner is gone, and with them some couple friends
    "widowhood": (np.array([-1.0, 0.0, 0.0]), np.array([0.0, 0.0, -1.0])),
}


@dataclass(frozen=True)
class LifeEvents:
    """Ages at which life events happen; ``None`` means the event does not happen."""

    parenthood: float | None = None
    job_entry: float | None = None
    retirement: float | None = None
    widowhood: float | None = None

    def __post_init__(self) -> None:
        for name in EVENT_EFFECTS:
            value = getattr(self, name)
            if value is not None:
                check_number(name, value, MIN_AGE, MAX_AGE)

    def happened(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in EVENT_EFFECTS if getattr(self, name) is not None}


@dataclass(frozen=True)
class Convoy:
    """Circle sizes at each age (whole numbers for a simulated person, averages otherwise)."""

    ages: np.ndarray
    inner: np.ndarray
    middle: np.ndarray
    outer: np.ndarray
    kin: np.ndarray      # family members in each circle, shape (ages, 3)

    @property
    def family(self) -> np.ndarray:
        """Family members in any circle."""
        return self.kin.sum(axis=1)

    @property
    def total(self) -> np.ndarray:
        return self.inner + self.middle + self.outer

    def at(self, age: int) -> tuple[float, float, float]:
        """(inner, middle, outer) at one age."""
        check_int("age", age, int(self.ages[0]), int(self.ages[-1]))
        i = int(np.searchsorted(self.ages, age))
        return float(self.inner[i]), float(self.middle[i]), float(self.outer[i])


def _check_common(selectivity: Any, life_horizon: Any, events: Any) -> LifeEvents:
    check_number("selectivity", selectivity, 0.0, 1.0)
    check_number("life_horizon", life_horizon, 30.0, 120.0)
    if events is None:
        return LifeEvents()
    if not isinstance(events, LifeEvents):
        raise ValueError(f"events must be a LifeEvents object or None; got {type(events).__name__}")
    return events


def _hump(ages: np.ndarray) -> np.ndarray:
    """1 at PEAK_AGE, lower either side; a log scale makes the decline slower than the rise."""
    x = np.log((ages - 10.0) / (PEAK_AGE - 10.0))
    return np.exp(-(x**2) / (2 * HUMP_WIDTH**2))


def time_left(ages: np.ndarray, life_horizon: float) -> np.ndarray:
    """Perceived time left, from 1 (all of adult life ahead) down to 0 (none)."""
    check_number("life_horizon", life_horizon, 30.0, 120.0)
    return np.clip((life_horizon - np.asarray(ages)) / (life_horizon - MIN_AGE), 0.0, 1.0)


def _kin_and_others(selectivity: float, life_horizon: float, events: LifeEvents) -> tuple[np.ndarray, np.ndarray]:
    """Expected kin and non-kin per circle, arrays of shape (ages, 3)."""
    kin = np.tile(FAMILY, (len(AGES), 1))
    others = OTHERS_BASE + np.outer(_hump(AGES), OTHERS_GROWTH)
    # Socioemotional selectivity: less time left -> peripheral partners pruned, close ones kept.
    w = selectivity * (1.0 - time_left(AGES, life_horizon))
    moved = DEEPEN * w * others[:, 1]
    others[:, 0] += moved
    others[:, 1] = (others[:, 1] - moved) * (1 - PRUNE_MIDDLE * w)
    others[:, 2] *= 1 - PRUNE_OUTER * w
    for name, age in events.happened().items():
        after = (AGES >= age)[:, None]
        kin_change, other_change = EVENT_EFFECTS[name]
        kin += after * kin_change
        others += after * other_change
    return kin, np.maximum(others, 0.0)  # kin never falls below 2 (widowhood removes one of 3)


def expected_convoy(
    *, selectivity: float = 0.5, life_horizon: float = 90.0, events: LifeEvents | None = None
) -> Convoy:
    """Average circle sizes at every age from 15 to 90 (no individual variation)."""
    events = _check_common(selectivity, life_horizon, events)
    kin, others = _kin_and_others(selectivity, life_horizon, events)
    sizes = kin + others
    return Convoy(AGES.copy(), sizes[:, 0], sizes[:, 1], sizes[:, 2], kin)


def _draw_people(n: int, variation: float, seed: int, kin: np.ndarray, others: np.ndarray):
    """Whole-number kin and non-kin counts, shape (n, ages, 3)."""
    rng = make_rng(seed)
    # A person's own sociability in each circle lasts a lifetime; the year-to-year part is smaller.
    lasting = rng.lognormal(-variation**2 / 2, variation, size=(n, 1, 3))
    yearly = rng.lognormal(-(variation / 3) ** 2 / 2, variation / 3, size=(n, len(AGES), 3))
    people_kin = np.rint(kin * lasting)
    people_others = np.rint(others * lasting * yearly)
    return people_kin, people_others


def simulate_people(
    n: int = 200,
    *,
    variation: float = 0.25,
    selectivity: float = 0.5,
    life_horizon: float = 90.0,
    events: LifeEvents | None = None,
    seed: int = 0,
) -> tuple[Convoy, ...]:
    """``n`` seeded people who share the same events; each one's convoy in whole numbers."""
    check_int("n", n, 1, MAX_PEOPLE)
    check_number("variation", variation, 0.0, 1.0)
    events = _check_common(selectivity, life_horizon, events)
    kin, others = _kin_and_others(selectivity, life_horizon, events)
    people_kin, people_others = _draw_people(n, variation, seed, kin, others)
    sizes = people_kin + people_others
    return tuple(
        Convoy(AGES.copy(), s[:, 0], s[:, 1], s[:, 2], k) for s, k in zip(sizes, people_kin)
    )


def simulate_person(
    *,
    variation: float = 0.25,
    selectivity: float = 0.5,
    life_horizon: float = 90.0,
    events: LifeEvents | None = None,
    seed: int = 0,
) -> Convoy:
    """One seeded person's convoy from 15 to 90."""
    return simulate_people(
        1, variation=variation, selectivity=selectivity, life_horizon=life_horizon, events=events, seed=seed
    )[0]


def average(people: tuple[Convoy, ...]) -> Convoy:
    """The mean convoy of a group of simulated people."""
    if not people or not all(isinstance(p, Convoy) for p in people):
        raise ValueError("people must be a non-empty tuple of Convoy objects")
    stack = {f: np.mean([getattr(p, f) for p in people], axis=0) for f in ("inner", "middle", "outer", "kin")}
    return Convoy(people[0].ages.copy(), **stack)


def peak_age(convoy: Convoy) -> int:
    """The age at which the whole network is largest (the first such age)."""
    if not isinstance(convoy, Convoy):
        raise ValueError(f"convoy must be a Convoy object; got {type(convoy).__name__}")
    return int(convoy.ages[int(np.argmax(convoy.total))])


def default_run() -> Convoy:
    """The average convoy of 200 simulated people with no special life events."""
    return average(simulate_people())
