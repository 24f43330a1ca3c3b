"""Belonging homeostat: an illustrative model of the need to belong as a regulated need.

Source: Baumeister & Leary (1995), "The need to belong"; Hall & Davis (2017), Communicate
Bond Belong theory, and before it O'Connor & Rosenblood's (1996) homeostatic social
affiliation model. Neither publishes equations: this is a simplified translation, and its
numbers are **illustrative**, not measurements.

What the model keeps from the theory
------------------------------------
* Belonging ``B`` (0 = starved, 1 = fully satisfied) fades a little every day without contact.
* Each pleasant contact closes part of the remaining gap ``1 - B``: **satiation**, or
  diminishing returns, because the same contact adds less when the need is nearly met.
* A contact counts fully only inside a **stable bond** (Baumeister & Leary's second
  feature). Contact with people who have no lasting concern for you adds only a little,
  so frequent contact without a stable bond does not satisfy the need.
* A stable bond also slows the fading between contacts (felt security persists), but a
  bond without contact still fades: each feature alone satisfies the need only partly.
* Any partner feeds the same ``B``: **substitution**. A new friendship can replace a lost one.
* The **drive** to seek contact is the shortfall below a set point (a "minimum quantity").

What it leaves out: social energy (CBB's cost of interaction), conflict, individual
differences in the strength of the need, and everything that makes real people real.

Reproduces (tests/models/test_homeostat.py): satiation, substitution, and that frequent
contact with strangers leaves the need unmet while modest contact in a stable bond meets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ._checks import check_int, check_number, make_rng

#: Share of a contact's value that does not depend on a bond (a pleasant chat with a stranger).
CONTACT_WITHOUT_BOND = 0.15
#: How much a fully stable bond slows the daily fading of belonging.
BOND_SLOWS_DECAY = 0.5
#: Largest share of the remaining gap that one ideal contact can close.
GAIN_PER_CONTACT = 0.25

MAX_DAYS = 730
MAX_CONTACTS_PER_WEEK = 28.0


@dataclass(frozen=True)
class Partner:
    """One relationship: how often you meet, how stable the bond is, how pleasant the contact."""

    contacts_per_week: float
    bond_stability: float
    quality: float = 0.8
    starts_day: int = 0
    ends_day: int = MAX_DAYS

    def __post_init__(self) -> None:
        check_number("contacts_per_week", self.contacts_per_week, 0.0, MAX_CONTACTS_PER_WEEK)
        check_number("bond_stability", self.bond_stability, 0.0, 1.0)
        check_number("quality", self.quality, 0.0, 1.0)
        check_int("starts_day", self.starts_day, 0, MAX_DAYS)
        check_int("ends_day", self.ends_day, 0, MAX_DAYS)
        if self.ends_day < self.starts_day:
            raise ValueError(
                f"ends_day must be between starts_day ({self.starts_day}) and {MAX_DAYS}; got {self.ends_day}"
            )

    def active(self, day: int) -> bool:
        return self.starts_day <= day < self.ends_day

    def gain_per_contact(self) -> float:
        """Share of the remaining gap that one contact with this partner closes."""
        bond_factor = CONTACT_WITHOUT_BOND + (1 - CONTACT_WITHOUT_BOND) * self.bond_stability
        return GAIN_PER_CONTACT * self.quality * bond_factor


@dataclass(frozen=True)
class HomeostatRun:
    days: np.ndarray          # 0 .. n-1
    belonging: np.ndarray     # B at the end of each day, 0..1
    drive: np.ndarray         # shortfall below the set point, 0..1
    contacts: np.ndarray      # number of contacts each day
    set_point: float


def _check_common(days: int, decay: float, start: float, set_point: float) -> None:
    check_int("days", days, 1, MAX_DAYS)
    check_number("decay", decay, 0.001, 0.5)
    check_number("start", start, 0.0, 1.0)
    check_number("set_point", set_point, 0.0, 1.0)


def _retention(stability: float, decay: float) -> float:
    """Fraction of belonging kept overnight; a stable bond (the most stable active one) slows the fading."""
    return 1.0 - decay * (1.0 - BOND_SLOWS_DECAY * stability)


def simulate(
    partners: Sequence[Partner],
    *,
    days: int = 120,
    decay: float = 0.05,
    start: float = 0.3,
    set_point: float = 0.6,
    seed: int = 0,
) -> HomeostatRun:
    """Run the homeostat day by day; contacts arrive at random (Poisson) at each partner's rate."""
    _check_common(days, decay, start, set_point)
    partners = list(partners)
    if len(partners) > 50:
        raise ValueError(f"partners must hold between 0 and 50 relationships; got {len(partners)}")
    for p in partners:
        if not isinstance(p, Partner):
            raise ValueError(f"partners must be Partner objects; got {type(p).__name__}")
    rng = make_rng(seed)
    belonging = np.empty(days)
    contacts = np.zeros(days, dtype=int)
    b = start
    for day in range(days):
        b *= _retention(max((p.bond_stability for p in partners if p.active(day)), default=0.0), decay)
        for p in partners:
            if not p.active(day):
                continue
            k = rng.poisson(p.contacts_per_week / 7.0)
            contacts[day] += k
            b = 1.0 - (1.0 - b) * (1.0 - p.gain_per_contact()) ** k
        belonging[day] = b
    drive = np.maximum(set_point - belonging, 0.0)  # set_point <= 1, belonging >= 0: never above 1
    return HomeostatRun(np.arange(days), belonging, drive, contacts, set_point)


def simulate_one(
    contacts_per_week: float,
    bond_stability: float,
    *,
    quality: float = 0.8,
    days: int = 120,
    decay: float = 0.05,
    start: float = 0.3,
    seed: int = 0,
) -> HomeostatRun:
    """The common case: one kind of relationship at one rate of contact."""
    partner = Partner(contacts_per_week, bond_stability, quality)
    return simulate([partner], days=days, decay=decay, start=start, seed=seed)


def steady_state(
    contacts_per_week: float,
    bond_stability: float,
    *,
    quality: float = 0.8,
    decay: float = 0.05,
) -> float:
    """Long-run belonging when contacts arrive at their average rate (no randomness).

    With retention ``a`` per day and ``r = (1 - g) ** (contacts per day)`` the daily update
    ``B' = 1 - (1 - a B) r`` settles at ``B* = (1 - r) / (1 - a r)``; it rises ever more
    slowly as contact grows, which is satiation.
    """
    partner = Partner(contacts_per_week, bond_stability, quality)
    check_number("decay", decay, 0.001, 0.5)
    a = _retention(partner.bond_stability, decay)
    r = (1.0 - partner.gain_per_contact()) ** (contacts_per_week / 7.0)
    return float((1.0 - r) / (1.0 - a * r))


def default_run() -> HomeostatRun:
    """A close friend seen three times a week, for four months."""
    return simulate_one(3.0, 0.9)
