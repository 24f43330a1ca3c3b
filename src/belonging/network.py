"""Interdependence network: an illustrative model of how loneliness clusters in a social
network, and of the layered structure of one person's network.

Sources
-------
* Cacioppo, Fowler & Christakis (2009), "Alone in the crowd: The structure and spread of
  loneliness in a large social network", *Journal of Personality and Social Psychology*
  97(6), 977–991. In the Framingham Heart Study network, loneliness clustered: a person was
  more likely to be lonely when a friend, a friend's friend, or a friend's friend's friend
  was lonely, and the association faded out beyond about three degrees of separation.
* Zhou, Sornette, Hill & Dunbar (2005), *Proceedings of the Royal Society B* 272, 439–444:
  group sizes around a person form a geometric series with a scaling ratio of about 3.
  Hill & Dunbar (2003), *Human Nature* 14(1), 53–72: Christmas-card networks with grouping
  levels of about 7, 21, 35 and 153.5 people.
* Lindenfors, Wartel & Lind (2021), *Biology Letters* 17(5): re-analysis giving 95%
  intervals as wide as 4–520 for "Dunbar's number"; so the layer sizes here are *typical
  means with wide individual variation*, never a fixed number every person has.

Part (a): clustering by network distance
----------------------------------------
What the model keeps: people sit in a small-world network (a Watts–Strogatz ring with a few
random long-range ties, built with networkx). Each person has an individual disposition
(random noise), and each person's loneliness settles where it is a mix of their own
disposition and the average loneliness of the people they are tied to:

    x = (1 - c) * noise + c * W x      (W = each person's neighbours, averaged)

``c`` is the *contagion strength* (0 = no influence). This is the classic network
autocorrelation model; its equilibrium is solved directly. The people with the highest
``x`` (a fixed share, default 20%) count as lonely. For each distance ``d`` we then ask, as
Cacioppo et al. did, how much more likely a person is to be lonely when someone ``d`` steps
away is lonely, relative to chance (the same people with loneliness shuffled at random).
A value of 1 means chance.

Reproduces (tests/models/test_network.py): clustering above chance at distance 1 that
decays with distance and is near chance by distance 4; with contagion strength 0 there is
no clustering at any distance.

What it leaves out: change over time (Cacioppo et al. followed people across waves and
argued for spread, not only clustering), the finding that lonely people drift to the edge of
the network, differences between friends and family or women and men, and homophily. The
model cannot tell contagion from homophily or a shared environment: all three produce the
same clustering in a single snapshot, which is why observational network studies of
"contagion" remain debated. How far clustering reaches depends on the contagion strength
and on the network; "three degrees" is an empirical finding, not a law of this model.

Part (b): Dunbar's layers
-------------------------
``ego_layers`` draws one person's network as nested layers whose cumulative sizes are on
average about 5 / 15 / 50 / 150 (or Hill & Dunbar's 7 / 21 / 35 / 153.5), with wide
person-to-person variation, and with contact that is less frequent in outer layers. The
contact rates per layer (about weekly, monthly, a few times a year, yearly) are rough,
illustrative values, not measurements.

All numbers are **illustrative**: the model shows a pattern, it is not fitted to data.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from ._checks import check_choice, check_int, check_number, check_seed, make_rng

MAX_PEOPLE = 1500
MAX_NETWORKS = 10
MAX_DISTANCE = 6
#: At 1 a person would ignore their own disposition entirely and the equilibrium is undefined.
MAX_CONTAGION = 0.95

#: Typical cumulative layer sizes (inner to outer) for the two published summaries.
LAYER_SIZES = {
    "typical": (5.0, 15.0, 50.0, 150.0),          # Zhou et al. 2005; Dunbar 2008
    "hill_dunbar_2003": (7.0, 21.0, 35.0, 153.5),  # Christmas-card grouping levels
}
LAYER_NAMES = ("close support", "good friends", "friends", "meaningful contacts")
#: Illustrative contacts per year with one person in each layer: weekly, monthly, quarterly, yearly.
CONTACTS_PER_YEAR = (52.0, 12.0, 4.0, 1.0)
#: Spread (log scale) of one relationship's contact rate around its layer's typical rate.
CONTACT_SPREAD = 0.3


@dataclass(frozen=True)
class ClusteringRun:
    """Relative likelihood of being lonely, by distance to a lonely person."""

    distance: np.ndarray             # 1 .. max_distance
    relative_likelihood: np.ndarray  # P(lonely | someone at distance d lonely) / chance; nan if no pairs
    pairs: np.ndarray                # ordered pairs (lonely person, other) at each distance, all networks
    chance: float                    # probability that a random other person is lonely
    contagion: float
    people: int
    networks: int


@dataclass(frozen=True)
class EgoNetwork:
    """One person's network in four nested layers (inner to outer)."""

    cumulative_sizes: np.ndarray     # people within layers 1..k, strictly increasing
    layer: np.ndarray                # layer (1-4) of each person in the network
    contacts_per_year: np.ndarray    # how often the ego sees each person


def social_network(
    people: int = 400,
    neighbours: int = 4,  # pragma: no mutate (networkx rounds odd numbers down: 5 would draw the same as 4)
    rewiring: float = 0.1,
    *,
    seed: int = 0,
) -> np.ndarray:
    """A connected small-world network as a symmetric boolean adjacency matrix.

    ``neighbours`` is the number of ties each person starts with on the ring (odd numbers
    are rounded down to even, as in networkx); ``rewiring`` is the chance that each tie is
    moved to a random person, which adds the short cuts of a small world.
    """
    people = check_int("people", people, 50, MAX_PEOPLE)
    neighbours = check_int("neighbours", neighbours, 4, 12)
    rewiring = check_number("rewiring", rewiring, 0.0, 0.5)
    graph = nx.connected_watts_strogatz_graph(people, neighbours, rewiring, tries=200, seed=check_seed(seed))
    edges = np.array(graph.edges(), dtype=int)
    adjacency = np.zeros((people, people), dtype=bool)
    adjacency[edges[:, 0], edges[:, 1]] = True
    adjacency[edges[:, 1], edges[:, 0]] = True
    return adjacency


def _neighbour_table(adjacency: np.ndarray, pad: int) -> tuple[np.ndarray, np.ndarray]:
    """Each person's neighbours as one row of a table, padded with ``pad``; and the degrees."""
    n = len(adjacency)
    degree = adjacency.sum(axis=1)
    table = np.full((n, degree.max(initial=0)), pad)   # no ties at all: a table with no columns
    rows, cols = np.nonzero(adjacency)
    slot = np.arange(len(rows)) - np.repeat(np.cumsum(degree) - degree, degree)
    table[rows, slot] = cols
    return table, degree


def hop_distances(adjacency: np.ndarray, max_hops: int) -> np.ndarray:
    """Shortest path lengths (in ties) between all pairs, -1 where farther than ``max_hops``.

    A breadth-first search from every person at once: each round, everyone reachable in
    ``d`` steps passes reachability to their neighbours. Neighbour lists are padded with the
    person's own index so the rounds are plain array gathers (no Python loop over people).
    """
    adjacency = np.asarray(adjacency, dtype=bool)
    n = len(adjacency)
    max_hops = check_int("max_hops", max_hops, 1, max(n, 1))
    table, _ = _neighbour_table(adjacency, pad=-1)
    table = np.where(table < 0, np.arange(n)[:, None], table)
    distance = np.full((n, n), -1)
    np.fill_diagonal(distance, 0)
    reached = np.eye(n, dtype=bool)
    for d in range(1, max_hops + 1):
        grown = reached | reached[:, table].any(axis=2)
        new = grown & ~reached
        if not new.any():
            break
        distance[new] = d
        reached = grown
    return distance


def loneliness_scores(adjacency: np.ndarray, contagion: float, *, seed: int = 0) -> np.ndarray:
    """Equilibrium loneliness: a mix of one's own disposition and one's neighbours' loneliness.

    Solved by repeating the update ``x <- (1 - c) noise + c * (mean of neighbours' x)``: the
    error shrinks by a factor ``c`` each round, so enough rounds reach 1e-10. (Plain array
    gathers rather than a dense solve: cheap, and immune to BLAS threads on a busy machine.)
    """
    contagion = check_number("contagion", contagion, 0.0, MAX_CONTAGION)
    adjacency = np.asarray(adjacency, dtype=bool)
    n = len(adjacency)
    disposition = make_rng(seed).standard_normal(n)
    table, degree = _neighbour_table(adjacency, pad=n)   # index n points at a padded zero
    own = (1.0 - contagion) * disposition
    rounds = int(np.ceil(np.log(1e-10) / np.log(max(contagion, 1e-10))))   # contagion 0: one round
    x = own.copy()
    for _ in range(rounds):
        padded = np.append(x, 0.0)
        x = own + contagion * padded[table].sum(axis=1) / np.maximum(degree, 1)
    return x


def _lonely_pairs(distance: np.ndarray, lonely: np.ndarray, max_distance: int) -> tuple[np.ndarray, np.ndarray]:
    """For each distance: pairs (lonely i, j) at that distance, and how many of those j are lonely."""
    from_lonely = distance[lonely]            # rows of lonely people only
    both = from_lonely[:, lonely]
    ds = np.arange(1, max_distance + 1)
    pairs = np.array([(from_lonely == d).sum() for d in ds])
    lonely_pairs = np.array([(both == d).sum() for d in ds])
    return pairs, lonely_pairs


def clustering_by_distance(
    contagion: float = 0.8,
    *,
    people: int = 400,
    neighbours: int = 4,  # pragma: no mutate (networkx rounds odd numbers down: 5 would draw the same as 4)
    rewiring: float = 0.1,
    lonely_share: float = 0.2,
    max_distance: int = MAX_DISTANCE,
    networks: int = 1,
    seed: int = 0,
) -> ClusteringRun:
    """How much more likely a person is to be lonely if someone ``d`` ties away is lonely.

    Counts are pooled over ``networks`` independently drawn networks, which smooths the
    result. Chance is the probability that a random *other* person is lonely,
    ``(m - 1) / (n - 1)`` for ``m`` lonely people out of ``n``: exactly what shuffling
    loneliness across the same people would give, as in Cacioppo et al.'s comparison.
    """
    contagion = check_number("contagion", contagion, 0.0, MAX_CONTAGION)
    people = check_int("people", people, 50, MAX_PEOPLE)
    check_int("neighbours", neighbours, 4, 12)
    check_number("rewiring", rewiring, 0.0, 0.5)
    lonely_share = check_number("lonely_share", lonely_share, 0.05, 0.5)
    max_distance = check_int("max_distance", max_distance, 1, MAX_DISTANCE)
    networks = check_int("networks", networks, 1, MAX_NETWORKS)
    rng = make_rng(seed)
    lonely_count = round(lonely_share * people)   # at least round(0.05 * 50) = 2
    counts = []
    for graph_seed, noise_seed in rng.integers(2**31, size=(networks, 2)):
        adjacency = social_network(people, neighbours, rewiring, seed=int(graph_seed))
        scores = loneliness_scores(adjacency, contagion, seed=int(noise_seed))
        lonely = np.zeros(people, dtype=bool)
        lonely[np.argsort(-scores)[:lonely_count]] = True   # scores are continuous: no ties
        counts.append(_lonely_pairs(hop_distances(adjacency, max_distance), lonely, max_distance))
    pairs, lonely_pairs = np.sum(counts, axis=0)
    chance = (lonely_count - 1) / (people - 1)
    with np.errstate(invalid="ignore"):   # no pairs at a distance: 0 / 0 is nan, as documented
        relative = lonely_pairs / pairs / chance
    return ClusteringRun(np.arange(1, max_distance + 1), relative, pairs, chance, contagion, people, networks)


def ego_layers(seed: int, *, spread: float = 0.5, sizes: str = "typical") -> EgoNetwork:
    """One person's network in four nested layers, with person-to-person variation.

    Each layer's *new* members (e.g. the ~10 in layer 2 who are not in layer 1) are drawn
    from a log-normal distribution whose mean is the published typical increment, so across
    many people the cumulative sizes average about 5 / 15 / 50 / 150, while one person can
    have far fewer or far more. ``spread`` is the standard deviation on the log scale
    (0 = everyone typical; 1 = a person's outer layer often half or double the mean).
    Contact falls with layer: each relationship's rate varies around its layer's typical rate.
    """
    rng = make_rng(seed)
    spread = check_number("spread", spread, 0.0, 1.5)
    sizes = check_choice("sizes", sizes, tuple(LAYER_SIZES))
    increments = np.diff(np.array(LAYER_SIZES[sizes]), prepend=0.0)
    drawn = increments * rng.lognormal(-spread**2 / 2, spread, size=4)  # mean-preserving
    cumulative = np.cumsum(np.maximum(1, np.round(drawn).astype(int)))
    layer = np.repeat(np.arange(1, 5), np.diff(cumulative, prepend=0))
    typical_rate = np.array(CONTACTS_PER_YEAR)[layer - 1]
    rates = typical_rate * rng.lognormal(-CONTACT_SPREAD**2 / 2, CONTACT_SPREAD, size=layer.size)
    return EgoNetwork(cumulative, layer, rates)


def default_run() -> ClusteringRun:
    """400 people, four ties each, contagion strength 0.8: loneliness clusters to about 3 degrees."""
    return clustering_by_distance()
