"""Interdependence network: calibration to Cacioppo, Fowler & Christakis (2009) and to
Dunbar's layers, properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import network as net

seeds = st.integers(0, 2**32 - 1)
contagion = st.floats(0, net.MAX_CONTAGION)


def pooled(c: float, seeds=range(3), **kwargs) -> np.ndarray:
    """Relative likelihood averaged over several seeds (30 networks of 400 at the defaults)."""
    return np.mean([net.clustering_by_distance(c, networks=10, seed=s, **kwargs).relative_likelihood
                    for s in seeds], axis=0)


# --- Calibration: the qualitative findings the model exists to show --------------------

def test_loneliness_clusters_and_fades_by_about_three_degrees():
    """Cacioppo, Fowler & Christakis (2009), Journal of Personality and Social Psychology
    97(6), 977-991: loneliness clusters in a social network, extending up to three degrees of
    separation and fading beyond. Here: above chance at distance 1, falling with distance,
    and near chance (less than a quarter of the distance-1 excess) by distance 4."""
    excess = pooled(0.8) - 1
    assert excess[0] > 0.5
    assert excess[0] > excess[1] > excess[2] > 0
    assert abs(excess[3]) < excess[0] / 4
    assert np.all(np.abs(excess[3:]) < excess[0] / 4)


def test_no_contagion_means_no_clustering():
    """Cacioppo, Fowler & Christakis (2009) compare with loneliness shuffled at random
    across the same network; with contagion strength 0 the model must match that chance."""
    ratio = pooled(0.0)
    assert np.all(np.abs(ratio - 1) < 0.1)


def test_stronger_contagion_more_clustering_at_one_degree():
    """Cacioppo, Fowler & Christakis (2009): clustering is what spread between neighbours
    leaves behind, so stronger spread means a larger excess among direct ties."""
    at_one = [pooled(c, seeds=range(2))[0] for c in (0.0, 0.3, 0.6, 0.9)]
    assert all(a < b for a, b in zip(at_one, at_one[1:]))


def test_dunbar_layer_sizes_average_5_15_50_150_with_wide_variation():
    """Zhou, Sornette, Hill & Dunbar (2005), Proceedings of the Royal Society B 272:
    layers of about 5, 15, 50 and 150 (scaling ratio about 3). Lindenfors, Wartel & Lind (2021),
    Biology Letters 17(5): intervals so wide that these are typical means, not fixed numbers."""
    sizes = np.array([net.ego_layers(s).cumulative_sizes for s in range(2000)])
    assert sizes.mean(axis=0) == pytest.approx([5, 15, 50, 150], rel=0.06)
    low, high = np.percentile(sizes[:, 3], [5, 95])
    assert high / low > 2  # wide individual variation in the outer layer
    assert np.all(np.diff(sizes, axis=1) > 0)


def test_hill_dunbar_christmas_card_levels():
    """Hill & Dunbar (2003), Human Nature 14(1): grouping levels about 7, 21, 35 and 153.5."""
    sizes = np.array([net.ego_layers(s, sizes="hill_dunbar_2003").cumulative_sizes for s in range(2000)])
    assert sizes.mean(axis=0) == pytest.approx([7, 21, 35, 153.5], rel=0.08)


def test_contact_falls_with_layer():
    """Dunbar (2008), Group Dynamics 12(1): inner layers are the people seen most often."""
    egos = [net.ego_layers(s, spread=1.0) for s in range(50)]
    layer = np.concatenate([e.layer for e in egos])
    rate = np.concatenate([e.contacts_per_year for e in egos])
    medians = [np.median(rate[layer == k]) for k in range(1, 5)]
    assert all(a > b for a, b in zip(medians, medians[1:]))


# --- Properties ---------------------------------------------------------------------------

@given(contagion, st.floats(0.05, 0.5), seeds)
def test_relative_likelihood_within_bounds(c, share, seed):
    run = net.clustering_by_distance(c, people=100, lonely_share=share, seed=seed)
    finite = run.relative_likelihood[np.isfinite(run.relative_likelihood)]
    assert np.all(finite >= 0)
    assert np.all(finite <= 1 / run.chance + 1e-9)  # cannot beat "every one of them is lonely"
    assert np.all(np.isnan(run.relative_likelihood) == (run.pairs == 0))


@given(contagion, seeds)
def test_same_seed_same_run(c, seed):
    a = net.clustering_by_distance(c, people=100, seed=seed)
    b = net.clustering_by_distance(c, people=100, seed=seed)
    assert repr(a) == repr(b)


@given(contagion, seeds)
def test_scores_solve_the_equilibrium(c, seed):
    adjacency = net.social_network(100, seed=seed)
    x = net.loneliness_scores(adjacency, c, seed=seed)
    neighbour_mean = adjacency @ x / adjacency.sum(axis=1)
    disposition = np.random.default_rng(seed).standard_normal(100)
    assert np.allclose(x, (1 - c) * disposition + c * neighbour_mean, atol=1e-8)


@given(st.integers(50, 200), st.sampled_from([4, 6, 8]), st.floats(0, 0.5), seeds)
def test_hop_distances_match_networkx(people, k, p, seed):
    import networkx as nx

    adjacency = net.social_network(people, k, p, seed=seed)
    got = net.hop_distances(adjacency, 6)
    graph = nx.from_numpy_array(adjacency.astype(int))
    for source in (0, people // 2):
        want = nx.single_source_shortest_path_length(graph, source, cutoff=6)
        expected = np.full(people, -1)
        expected[list(want)] = list(want.values())
        assert np.array_equal(got[source], expected)


@given(seeds, st.floats(0, 1.5), st.sampled_from(sorted(net.LAYER_SIZES)))
def test_ego_layers_are_nested_and_consistent(seed, spread, sizes):
    ego = net.ego_layers(seed, spread=spread, sizes=sizes)
    assert np.all(np.diff(ego.cumulative_sizes) > 0) and ego.cumulative_sizes[0] >= 1
    assert ego.layer.size == ego.cumulative_sizes[-1] == ego.contacts_per_year.size
    assert np.array_equal(np.bincount(ego.layer, minlength=5)[1:], np.diff(ego.cumulative_sizes, prepend=0))
    assert np.all(ego.contacts_per_year > 0)


def test_no_spread_means_everyone_typical():
    assert list(net.ego_layers(0, spread=0).cumulative_sizes) == [5, 15, 50, 150]


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(contagion=-0.1), "contagion"),
        (dict(contagion=1.0), "contagion"),
        (dict(contagion=math.nan), "contagion"),
        (dict(contagion=math.inf), "contagion"),
        (dict(contagion="0.5"), "contagion"),
        (dict(contagion=0.5, people=10), "people"),
        (dict(contagion=0.5, people=10**6), "people"),
        (dict(contagion=0.5, people=400.5), "people"),
        (dict(contagion=0.5, neighbours=2), "neighbours"),
        (dict(contagion=0.5, rewiring=0.9), "rewiring"),
        (dict(contagion=0.5, lonely_share=0), "lonely_share"),
        (dict(contagion=0.5, lonely_share=True), "lonely_share"),
        (dict(contagion=0.5, max_distance=7), "max_distance"),
        (dict(contagion=0.5, networks=0), "networks"),
        (dict(contagion=0.5, seed=-1), "seed"),
        (dict(contagion=0.5, seed=None), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        net.clustering_by_distance(**kwargs)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(seed=1, spread=-1), "spread"),
        (dict(seed=1, spread=math.nan), "spread"),
        (dict(seed=1, spread=math.inf), "spread"),
        (dict(seed=1.5), "seed"),
        (dict(seed="1"), "seed"),
    ],
)
def test_ego_layers_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        net.ego_layers(**kwargs)


def test_ego_layers_bad_choice():
    with pytest.raises(ValueError, match=r"^sizes must be one of"):
        net.ego_layers(1, sizes="dunbar_number")


# --- One person's layers, drawn around the typical sizes ---------------------------------------

@pytest.fixture  # per test, not per module: mutmut credits a fixture's calls to the first test only
def egos():
    return [net.ego_layers(s, spread=0.8) for s in range(1500)]


def test_layer_sizes_vary_layer_by_layer_and_keep_the_typical_mean(egos):
    """Lindenfors et al. (2021): wide individual variation around the typical 5/15/50/150. Each
    layer's new members are drawn separately (log-normal, mean-preserving, log-sd = spread)."""
    new = np.array([np.diff(e.cumulative_sizes, prepend=0) for e in egos])
    assert new[:, 1:].mean(axis=0) == pytest.approx([10, 35, 100], rel=0.05)
    assert np.std(np.log(new[:, 3])) == pytest.approx(0.8, abs=0.06)
    assert abs(np.corrcoef(np.log(new[:, 2]), np.log(new[:, 3]))[0, 1]) < 0.1
    assert new.min() == 1 and (new[:, 0] == 1).any()  # every layer keeps at least one person


def test_contact_rates_vary_around_each_layers_typical_rate(egos):
    """Contact falls with layer (weekly, monthly, quarterly, yearly), each relationship varying
    around its layer's typical rate (log-normal, mean-preserving, log-sd 0.3)."""
    layer = np.concatenate([e.layer for e in egos])
    rate = np.concatenate([e.contacts_per_year for e in egos])
    for k, typical in enumerate((52.0, 12.0, 4.0, 1.0), start=1):
        ratio = rate[layer == k] / typical
        assert ratio.mean() == pytest.approx(1.0, abs=0.008), k  # 7,500+ ties a layer: s.e. under 0.004
        assert np.std(np.log(ratio)) == pytest.approx(0.3, abs=0.02), k


# --- Details the mutation run found untested ------------------------------------------------

def test_tie_strengths_are_read_as_ties():
    """An adjacency matrix with weights (2 for a tie) or 0/1 integers means the same network."""
    ties = net.social_network(60, seed=4)
    weighted = 2 * ties.astype(int)
    assert np.array_equal(net.hop_distances(weighted, 4), net.hop_distances(ties, 4))
    assert np.array_equal(net.loneliness_scores(weighted, 0.6, seed=1), net.loneliness_scores(ties, 0.6, seed=1))


def test_one_person_allows_one_hop_at_most():
    alone = np.zeros((1, 1), dtype=bool)
    assert net.hop_distances(alone, 1).tolist() == [[0]]
    with pytest.raises(ValueError, match=r"^max_hops must be a whole number between 1 and 1; got 2$"):
        net.hop_distances(alone, 2)


def test_no_contagion_is_quiet_and_leaves_everyone_their_own_disposition():
    import warnings
    ties = net.social_network(60, seed=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scores = net.loneliness_scores(ties, 0.0, seed=3)
    assert np.array_equal(scores, np.random.default_rng(3).standard_normal(60))


def test_a_distance_nobody_is_at_gives_nan_quietly():
    """ClusteringRun: nan where no pairs are that far apart (a small, well-rewired network has
    nobody 4 or more ties away), computed without a NumPy warning."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = net.clustering_by_distance(0.5, people=50, neighbours=12, rewiring=0.5)
    far = run.pairs == 0
    assert far[3:].all() and np.isnan(run.relative_likelihood[far]).all()
    assert np.isfinite(run.relative_likelihood[~far]).all()


def test_chance_counts_lonely_others_and_the_run_echoes_its_settings():
    """Chance is the share of lonely people among the *others*, (m - 1) / (n - 1): 2 lonely
    people out of 50 give 1/49. On an unrewired ring of 4 neighbours every lonely person has
    exactly 4 people one tie away and 4 two ties away, in each network."""
    run = net.clustering_by_distance(0.5, people=50, lonely_share=0.05, rewiring=0.0, max_distance=2, networks=2)
    assert run.chance == pytest.approx(1 / 49)
    assert run.pairs.tolist() == [2 * 2 * 4, 2 * 2 * 4]
    assert (run.distance.tolist(), run.contagion, run.people, run.networks) == ([1, 2], 0.5, 50, 2)
    six = net.clustering_by_distance(0.5, people=50, max_distance=6)
    assert six.distance.tolist() == [1, 2, 3, 4, 5, 6]


def test_people_without_ties_are_out_of_reach_and_keep_their_own_disposition():
    """Nobody tied to anybody (or nobody at all): every other person is unreachable (-1), and
    loneliness is one's own share (1 - c) of one's disposition, with no neighbours to add."""
    assert net.hop_distances(np.zeros((0, 0), dtype=bool), 1).shape == (0, 0)
    apart = np.zeros((3, 3), dtype=bool)
    assert net.hop_distances(apart, 3).tolist() == [[0, -1, -1], [-1, 0, -1], [-1, -1, 0]]
    assert np.allclose(net.loneliness_scores(apart, 0.5, seed=2), 0.5 * np.random.default_rng(2).standard_normal(3))
