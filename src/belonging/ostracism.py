"""Ostracism and need threat: an illustrative Cyberball simulation.

Sources: Williams, Cheung & Choi (2000), "Cyberostracism: Effects of being ignored over the
Internet", JPSP 79(5), 748–762; Williams's (2009) temporal need-threat model, as described by
Wesselmann, Ren & Williams (2015), Frontiers in Psychology 6:40; Hartgerink, van Beest,
Wicherts & Williams (2015), "The ordinal effects of ostracism: a meta-analysis of 120
Cyberball studies", PLoS ONE 10(5), e0127002. None of them publishes the equations below:
this is a simplified translation, and its numbers are **illustrative**, not measurements.

What the model keeps
--------------------
* **Cyberball**: you and two computer players toss a ball. When a computer holds the ball it
  throws to you with a probability set so that, in a long game, you receive a chosen share of
  the throws. Inclusion gives you a fair third; the usual exclusion script gives you a couple
  of early throws and then none. When you hold the ball you throw to either computer.
* **Need threat**: the share of throws you actually received sets how satisfied four needs
  feel right after the game (belonging, self-esteem, control, meaningful existence), each on
  a 1–5 scale. Below a fair third, every missing throw lowers all four needs by the same
  amount (the less you are included, the worse you feel: Williams et al. 2000, Study 1).
  Above a fair third, extra throws help only a little.
* **Calibration**: the drop is sized so that, with person-to-person spread of about one scale
  point (SD ≈ 1, an illustrative assumption), exclusion versus inclusion gives a standardized
  difference of about d = 1.4 on overall need satisfaction, the meta-analytic average
  (Hartgerink et al. 2015: 120 studies, N = 11,869, d > |1.4|).
* **Time course**: the reflexive drop right after the game is followed by reflective recovery,
  modelled as an exponential return to the resting level with a time constant in minutes.

What it leaves out: which need is hit hardest (the model treats the four alike), moderators
(personality, who the ostracizers are), coping responses in the reflective stage (seeking
reconnection, or restoring control in antisocial ways), the resignation stage after chronic
ostracism, and anything about the brain. Hartgerink et al. (2015) found only "tenuous" support
for the temporal part of the model, so the recovery curve is the least certain part here.

Reproduces (tests/models/test_ostracism.py): the exclusion-versus-inclusion difference of
d ≈ 1.4, and that a smaller share of throws means lower need satisfaction.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import check_choice, check_int, check_number, make_rng

NEEDS = ("belonging", "self_esteem", "control", "meaningful_existence")
NEED_LABELS = ("Belonging", "Self-esteem", "Control", "Meaningful existence")
CONDITIONS = ("inclusion", "exclusion")

#: You, left computer player, right computer player.
YOU, LEFT, RIGHT = 0, 1, 2
FAIR_SHARE = 1 / 3
#: Largest share of throws you can receive: you never throw the ball to yourself.
MAX_SHARE = 0.5
#: Throws you receive at the start of the usual exclusion script, before you are left out.
EARLY_THROWS_IN_EXCLUSION = 2

SCALE_MIN, SCALE_MAX = 1.0, 5.0
#: Need satisfaction when fully included, and the resting level people return to (illustrative).
INCLUDED_LEVEL = 3.6
#: Points lost on every need at a share of zero (sized so that exclusion gives d ≈ 1.4).
DROP_AT_ZERO_SHARE = 1.75
#: Points gained at the largest share (over-inclusion helps a little; illustrative).
GAIN_AT_MAX_SHARE = 0.2
#: Part of the person-to-person variance shared by all four needs (a person's general mood).
PERSON_SHARE_OF_VARIANCE = 0.8

MAX_THROWS = 200
MAX_PEOPLE = 5000
MAX_MINUTES = 120


@dataclass(frozen=True)
class Game:
    """One Cyberball game: who caught each throw (0 = you) and your share of the throws."""

    receivers: np.ndarray
    throws_received: int
    share_received: float


@dataclass(frozen=True)
class Sample:
    """A simulated group of people after the game: need scores (people × 4 needs), 1–5."""

    shares: np.ndarray
    needs: np.ndarray
    overall: np.ndarray


@dataclass(frozen=True)
class TimeCourse:
    """Mean need satisfaction (minutes × 4 needs) after the game, and the resting level."""

    minutes: np.ndarray
    needs: np.ndarray
    overall: np.ndarray
    resting_level: float


@dataclass(frozen=True)
class Comparison:
    inclusion: Sample
    exclusion: Sample
    cohens_d: float


def _throw_to_you_probability(share: float) -> float:
    """A computer throws to you with probability q; in a long game you then receive a share
    q / (1 + q) of all throws (you always pass on to a computer), so q = share / (1 - share)."""
    return share / (1.0 - share)


def _play_many(n: int, throws: int, share: float, early_throws: int,
               rng: np.random.Generator) -> np.ndarray:
    """Receivers of every throw in ``n`` games at once (a 30-step loop, not 60,000)."""
    q_late = _throw_to_you_probability(share)
    q_early = _throw_to_you_probability(FAIR_SHARE)
    holder = np.full(n, LEFT)
    received = np.zeros(n)
    receivers = np.empty((n, throws), dtype=int)
    for t in range(throws):
        q = np.where(received < early_throws, q_early, q_late)
        to_you = rng.random(n) < q
        other_computer = np.where(holder == LEFT, RIGHT, LEFT)
        from_you = np.where(rng.random(n) < 0.5, LEFT, RIGHT)
        target = np.where(holder == YOU, from_you, np.where(to_you, YOU, other_computer))
        receivers[:, t] = target
        received += target == YOU
        holder = target
    return receivers


def _check_game(share: float, throws: int, early_throws: int) -> None:
    check_number("share", share, 0.0, MAX_SHARE)
    check_int("throws", throws, 1, MAX_THROWS)
    check_int("early_throws", early_throws, 0, 10)


def play(share: float = FAIR_SHARE, *, throws: int = 30, early_throws: int = 0,
         seed: int = 0) -> Game:
    """Play one Cyberball game in which the computers aim for ``share`` of throws to you,
    after first giving you ``early_throws`` throws at inclusion odds."""
    _check_game(share, throws, early_throws)
    receivers = _play_many(1, throws, share, early_throws, make_rng(seed))[0]
    k = int(np.sum(receivers == YOU))
    return Game(receivers, k, k / throws)


def condition_settings(condition: str) -> tuple[float, int]:
    """The (share, early_throws) of the two standard conditions."""
    check_choice("condition", condition, CONDITIONS)
    return (FAIR_SHARE, 0) if condition == "inclusion" else (0.0, EARLY_THROWS_IN_EXCLUSION)


def expected_need_level(share_received: float, *, drop: float = DROP_AT_ZERO_SHARE) -> float:
    """Mean satisfaction of each need right after a game in which you received this share.

    Linear below a fair third (each missing throw costs the same), a small gain above it.
    """
    share = check_number("share_received", share_received, 0.0, 1.0)
    check_number("drop", drop, 0.0, 3.0)
    return float(_level(share, drop))


def _level(share: np.ndarray, drop: float) -> np.ndarray:
    shortfall = np.maximum((FAIR_SHARE - share) / FAIR_SHARE, 0.0)  # at most 1: shares are not negative
    surplus = np.clip((share - FAIR_SHARE) / (MAX_SHARE - FAIR_SHARE), 0.0, 1.0)
    return INCLUDED_LEVEL - drop * shortfall + GAIN_AT_MAX_SHARE * surplus


def simulate_people(
    share: float = FAIR_SHARE,
    *,
    n: int = 200,
    throws: int = 30,
    early_throws: int = 0,
    noise_sd: float = 1.0,
    drop: float = DROP_AT_ZERO_SHARE,
    seed: int = 0,
) -> Sample:
    """Each of ``n`` people plays their own game; their four need scores right after it are
    the expected level for the share they received, plus person-level noise, kept in 1–5."""
    _check_game(share, throws, early_throws)
    check_int("n", n, 2, MAX_PEOPLE)
    check_number("noise_sd", noise_sd, 0.0, 2.0)
    check_number("drop", drop, 0.0, 3.0)
    rng = make_rng(seed)
    receivers = _play_many(n, throws, share, early_throws, rng)
    shares = np.mean(receivers == YOU, axis=1)
    person = rng.normal(0.0, noise_sd * np.sqrt(PERSON_SHARE_OF_VARIANCE), size=(n, 1))
    item = rng.normal(0.0, noise_sd * np.sqrt(1 - PERSON_SHARE_OF_VARIANCE), size=(n, len(NEEDS)))
    needs = np.clip(_level(shares, drop)[:, None] + person + item, SCALE_MIN, SCALE_MAX)
    return Sample(shares, needs, needs.mean(axis=1))


def simulate_condition(condition: str, *, n: int = 200, throws: int = 30,
                       noise_sd: float = 1.0, seed: int = 0) -> Sample:
    """A group of people in the standard inclusion or exclusion condition."""
    share, early = condition_settings(condition)
    return simulate_people(share, n=n, throws=throws, early_throws=early, noise_sd=noise_sd, seed=seed)


def cohens_d(a: np.ndarray, b: np.ndarray) -> float:
    """Standardized mean difference (mean a - mean b) / pooled SD."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    for name, scores in (("a", a), ("b", b)):
        if scores.ndim != 1 or not 2 <= scores.size <= 10 * MAX_PEOPLE or not np.all(np.isfinite(scores)):
            raise ValueError(f"{name} must be a list of finite scores with between 2 and {10 * MAX_PEOPLE} entries")
    pooled = ((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1)) / (a.size + b.size - 2)
    return float((a.mean() - b.mean()) / np.sqrt(pooled))


def compare_conditions(*, n: int = 2000, throws: int = 30, noise_sd: float = 1.0,
                       seed: int = 0) -> Comparison:
    """Inclusion versus exclusion groups and Cohen's d on overall need satisfaction."""
    check_int("seed", seed, 0, 2**32 - 2)  # the exclusion group uses seed + 1
    inc = simulate_condition("inclusion", n=n, throws=throws, noise_sd=noise_sd, seed=seed)
    exc = simulate_condition("exclusion", n=n, throws=throws, noise_sd=noise_sd, seed=seed + 1)
    return Comparison(inc, exc, cohens_d(inc.overall, exc.overall))


def time_course(
    share_received: float,
    *,
    minutes: int = 60,
    recovery_minutes: float = 10.0,
    drop: float = DROP_AT_ZERO_SHARE,
) -> TimeCourse:
    """Mean need satisfaction each minute after the game: the reflexive change at minute 0
    shrinks by a factor e every ``recovery_minutes`` (reflective recovery)."""
    share = check_number("share_received", share_received, 0.0, 1.0)
    check_int("minutes", minutes, 1, MAX_MINUTES)
    check_number("recovery_minutes", recovery_minutes, 0.5, 120.0)
    check_number("drop", drop, 0.0, 3.0)
    t = np.arange(minutes + 1.0)
    change = _level(share, drop) - INCLUDED_LEVEL
    overall = INCLUDED_LEVEL + change * np.exp(-t / recovery_minutes)
    needs = np.repeat(overall[:, None], len(NEEDS), axis=1)
    return TimeCourse(t, needs, overall, INCLUDED_LEVEL)


def default_run() -> Comparison:
    """500 people in each standard condition, 30 throws each."""
    return compare_conditions(n=500)
