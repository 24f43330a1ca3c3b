"""Weak ties and social capital: an illustrative model of news spreading between two groups.

Sources
-------
* Granovetter (1973), "The strength of weak ties", *American Journal of Sociology* 78(6),
  1360–1380. Close friends tend to know one another, so strong ties form dense clusters;
  the ties that reach *between* clusters (bridges) are acquaintances, weak ties. News,
  such as a job opening, that reaches you from outside your circle reaches you through them.
* Putnam (2000), *Bowling Alone*. **Bonding** social capital: inward-looking ties within a
  homogeneous group, good for "getting by". **Bridging** social capital: outward-looking
  ties across social divides, good for "getting ahead" and for spreading information.
  Putnam popularised the two terms (he credits them to Gittell & Vidal, 1998) and treats
  them as a matter of degree.
* Woolcock (2001) introduced, and Szreter & Woolcock (2004), *International Journal of
  Epidemiology* 33(4), 650–667, developed, **linking** social capital: ties across explicit gradients of power or authority (a
  tenant and a housing officer). Linking is *not* part of Putnam's pair, and this model has
  no power gradient, so it has no linking ties.

What the model keeps
--------------------
* Two clusters, A and B, each a dense random group of close ties (bonding ties, strong):
  a ring so that no one is isolated, plus each other pair tied with probability
  ``within_density``.
* ``bridges`` acquaintance ties (weak, bridging) that each join one person in A to one in B.
* News starts with one person in A. Each step, every informed person passes it on to each
  uninformed contact with a per-tie probability: ``strong_transmission`` for close ties,
  ``weak_transmission`` for acquaintances (we see them less often, so it is lower).

Reproduces (tests/models/test_weak_ties.py): with no bridge nobody in B ever hears the news,
however dense the clusters; with one bridge it reaches most of B; each extra bridge speeds
the spread and shortens the average path between the clusters; and adding bonding ties
inside the clusters never substitutes for a bridge.

What it leaves out: everything that makes a tie strong (time, intimacy, reciprocity),
people who forget or do not care about the news, ties of medium strength (a 2022 field
experiment by Rajkumar et al. found moderately weak ties most useful for jobs), and the
costs of bonding capital such as out-group antagonism. The numbers are **illustrative**.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._checks import check_int, check_number, make_rng
from .network import hop_distances

MAX_CLUSTER_SIZE = 200
MAX_BRIDGES = 10
MAX_STEPS = 100
MAX_RUNS = 100
#: Keeps log(1 - p) finite when a tie always transmits; the result is the same to 1e-12.
ALMOST_CERTAIN = 1.0 - 1e-12


@dataclass(frozen=True)
class TwoClusters:
    adjacency: np.ndarray   # symmetric boolean, people 0..m-1 in A, m..2m-1 in B
    weak: np.ndarray        # True where a tie is a bridging acquaintance tie
    cluster_size: int


@dataclass(frozen=True)
class SpreadRun:
    step: np.ndarray          # 0 .. steps
    share_a: np.ndarray       # mean share of cluster A informed after each step
    share_b: np.ndarray       # mean share of cluster B informed after each step
    reached_b: float          # share of runs in which anyone in B heard the news
    path_between: float       # mean shortest path (ties) from a person in A to one in B; inf if none
    path_within: float        # mean shortest path between two people in the same cluster
    bridges: int


def _check_graph(cluster_size: int, within_density: float, bridges: int) -> tuple[int, float, int]:
    return (
        check_int("cluster_size", cluster_size, 5, MAX_CLUSTER_SIZE),
        check_number("within_density", within_density, 0.0, 1.0),
        check_int("bridges", bridges, 0, MAX_BRIDGES),
    )


def two_clusters(
    bridges: int = 1, *, cluster_size: int = 30, within_density: float = 0.3, seed: int = 0
) -> TwoClusters:
    """Two dense groups joined by ``bridges`` weak ties.

    The random numbers are drawn the same way whatever ``bridges`` and ``within_density``
    are, so under one seed a denser network contains every tie of a sparser one and more
    bridges add to fewer (the comparison then shows the effect of the ties alone).
    """
    m, density, bridges = _check_graph(cluster_size, within_density, bridges)
    rng = make_rng(seed)
    n = 2 * m
    group = np.arange(n) // m
    same = group[:, None] == group[None, :]
    upper = np.triu(rng.random((n, n)) < density, k=1)
    ring = np.zeros((n, n), dtype=bool)
    members = np.arange(m)
    for start in (0, m):
        ring[start + members, start + (members + 1) % m] = True
    strong = (upper | ring) & same
    pairs = rng.choice(m * m, size=MAX_BRIDGES, replace=False)  # distinct (A, B) pairs
    ends_a, ends_b = pairs // m, m + pairs % m
    weak = np.zeros((n, n), dtype=bool)
    weak[ends_a[:bridges], ends_b[:bridges]] = True
    strong, weak = strong | strong.T, weak | weak.T
    return TwoClusters(strong | weak, weak, m)


def mean_paths(clusters: TwoClusters) -> tuple[float, float]:
    """Mean shortest path between the clusters and within them (inf if the clusters are cut off)."""
    m = clusters.cluster_size
    hops = hop_distances(clusters.adjacency, 2 * m)
    distance = np.where(hops == -1, np.inf, hops)  # -1: no path at all
    between = distance[:m, m:]
    within = np.concatenate([distance[:m, :m][~np.eye(m, dtype=bool)], distance[m:, m:][~np.eye(m, dtype=bool)]])
    return float(between.mean()), float(within.mean())


def simulate(
    bridges: int = 1,
    *,
    cluster_size: int = 30,
    within_density: float = 0.3,
    strong_transmission: float = 0.3,
    weak_transmission: float = 0.1,
    steps: int = 30,
    runs: int = 20,
    seed: int = 0,
) -> SpreadRun:
    """Spread news from one random person in A, ``runs`` times; return the mean shares informed.

    An uninformed person hears the news in a step unless every informed contact fails to pass
    it on: ``P(hears) = 1 - prod(1 - p_tie)`` over informed contacts. All runs go in parallel
    as one matrix product of log-probabilities.
    """
    m, density, bridges = _check_graph(cluster_size, within_density, bridges)
    p_strong = check_number("strong_transmission", strong_transmission, 0.0, 1.0)
    p_weak = check_number("weak_transmission", weak_transmission, 0.0, 1.0)
    steps = check_int("steps", steps, 1, MAX_STEPS)
    runs = check_int("runs", runs, 1, MAX_RUNS)
    rng = make_rng(seed)
    graph_seed, spread_seed = (int(s) for s in rng.integers(2**31, size=2))
    clusters = two_clusters(bridges, cluster_size=m, within_density=density, seed=graph_seed)
    p_tie = np.where(clusters.weak, p_weak, p_strong) * clusters.adjacency
    log_miss = np.log1p(-np.minimum(p_tie, ALMOST_CERTAIN))
    spread_rng = make_rng(spread_seed)
    informed = np.zeros((runs, 2 * m), dtype=bool)
    informed[np.arange(runs), spread_rng.integers(m, size=runs)] = True
    share_a, share_b = [informed[:, :m].mean()], [informed[:, m:].mean()]
    for _ in range(steps):
        hears = spread_rng.random(informed.shape) < -np.expm1(informed @ log_miss)
        informed |= hears
        share_a.append(informed[:, :m].mean())
        share_b.append(informed[:, m:].mean())
    between, within = mean_paths(clusters)
    return SpreadRun(
        np.arange(steps + 1), np.array(share_a), np.array(share_b),
        float(informed[:, m:].any(axis=1).mean()), between, within, bridges,
    )


def default_run() -> SpreadRun:
    """Two groups of 30 close friends joined by one acquaintance; 30 steps, 20 runs."""
    return simulate()

