"""Weak ties and social capital: calibration to Granovetter (1973) and Putnam (2000),
properties, bad input."""
import math

import numpy as np
import pytest
from hypothesis import given, strategies as st

from belonging import weak_ties as wt

seeds = st.integers(0, 2**32 - 1)
probability = st.floats(0, 1)
density = st.floats(0, 1)


def mean_reach(bridges: int, seeds=range(8), **kwargs) -> float:
    """Share of group B informed, averaged over steps and seeds (area under the curve)."""
    return float(np.mean([wt.simulate(bridges, seed=s, **kwargs).share_b.mean() for s in seeds]))


# --- Calibration: the qualitative findings the model exists to show --------------------

@pytest.mark.parametrize("within_density", [0.0, 0.3, 1.0])
def test_without_a_bridge_nobody_in_the_other_group_hears(within_density):
    """Granovetter (1973), American Journal of Sociology 78(6), 1360-1380: news from outside a
    dense circle arrives through bridges; with the bridge removed the groups are cut off and
    no one in group B is ever reached, however dense the ties inside each group."""
    run = wt.simulate(0, within_density=within_density, strong_transmission=1.0, steps=60, seed=2)
    assert run.share_b.max() == 0 and run.reached_b == 0
    assert math.isinf(run.path_between)
    assert run.share_a[-1] == 1.0  # the news did spread: only across the gap it cannot


def test_one_bridge_reaches_most_of_the_other_group():
    """Granovetter (1973): a single weak tie that bridges two clusters carries the news across."""
    runs = [wt.simulate(1, steps=40, seed=s) for s in range(8)]
    assert np.mean([r.share_b[-1] for r in runs]) > 0.8
    assert np.mean([r.reached_b for r in runs]) > 0.8
    assert all(math.isfinite(r.path_between) for r in runs)


def test_more_bridges_spread_news_faster():
    """Granovetter (1973): the more bridging weak ties, the more routes for news; averaged
    over seeds, the share of B informed over time rises with every added bridge."""
    reach = [mean_reach(b) for b in range(6)]
    assert reach[0] == 0
    assert all(a < b for a, b in zip(reach, reach[1:]))


def test_more_bridges_shorten_paths_between_groups():
    """Granovetter (1973): bridges are the shortest routes between otherwise distant people."""
    paths = [np.mean([wt.mean_paths(wt.two_clusters(b, seed=s))[0] for s in range(5)]) for b in range(1, 6)]
    assert all(a > b for a, b in zip(paths, paths[1:]))


def test_bonding_ties_do_not_substitute_for_bridging_ties():
    """Putnam (2000), Bowling Alone: bonding capital (ties within a group) is good for getting
    by, bridging capital (ties across groups) for spreading information. Doubling and tripling
    the bonding ties helps group A but adds nothing for group B without a bridge, while one
    bridging tie at the sparsest density does more for B than the densest group without one."""
    sparse, dense = (wt.simulate(0, within_density=d, seed=1) for d in (0.1, 0.9))
    assert dense.share_a[:5].sum() > sparse.share_a[:5].sum()
    assert sparse.share_b.max() == dense.share_b.max() == 0
    assert mean_reach(1, within_density=0.1) > 0.2


# --- Properties ---------------------------------------------------------------------------

@given(st.integers(0, wt.MAX_BRIDGES), density, probability, probability, seeds)
def test_shares_are_valid_and_never_fall(b, d, ps, pw, seed):
    run = wt.simulate(b, within_density=d, strong_transmission=ps, weak_transmission=pw,
                      steps=15, runs=5, seed=seed)
    for share in (run.share_a, run.share_b):
        assert np.all((share >= 0) & (share <= 1))
        assert np.all(np.diff(share) >= 0)  # nobody forgets the news
    assert run.share_a[0] == pytest.approx(1 / 30)
    assert run.share_b[0] == 0


@given(st.integers(0, wt.MAX_BRIDGES - 1), density, seeds)
def test_an_extra_bridge_never_slows_the_news(b, d, seed):
    """Under one seed the extra bridge is the only difference, so B's curve can only rise."""
    fewer = wt.simulate(b, within_density=d, steps=20, runs=5, seed=seed)
    more = wt.simulate(b + 1, within_density=d, steps=20, runs=5, seed=seed)
    assert np.all(more.share_b >= fewer.share_b)
    assert more.path_between <= fewer.path_between


@given(st.integers(0, wt.MAX_BRIDGES), density, st.floats(0.01, 0.5), seeds)
def test_more_bonding_ties_never_slow_group_a(b, d, dd, seed):
    sparse = wt.simulate(b, within_density=d, steps=10, runs=5, seed=seed)
    dense = wt.simulate(b, within_density=min(1.0, d + dd), steps=10, runs=5, seed=seed)
    assert np.all(dense.share_a >= sparse.share_a)


@given(st.integers(0, wt.MAX_BRIDGES), st.integers(5, 60), density, seeds)
def test_graph_has_the_requested_bridges_and_no_others(b, m, d, seed):
    g = wt.two_clusters(b, cluster_size=m, within_density=d, seed=seed)
    assert np.array_equal(g.adjacency, g.adjacency.T) and not g.adjacency.diagonal().any()
    across = g.adjacency[:m, m:]
    assert across.sum() == b == g.weak[:m, m:].sum()
    assert not (g.weak[:m, :m].any() or g.weak[m:, m:].any())


@given(seeds)
def test_same_seed_same_run(seed):
    assert repr(wt.simulate(2, runs=5, seed=seed)) == repr(wt.simulate(2, runs=5, seed=seed))


def test_certain_transmission_is_a_breadth_first_search():
    """With every tie always passing the news on, step t reaches exactly distance t."""
    run = wt.simulate(1, strong_transmission=1, weak_transmission=1, within_density=0, steps=40, runs=1, seed=0)
    assert run.share_b[-1] == 1.0
    assert run.share_a[1] == pytest.approx(3 / 30)  # a ring: the starter and two neighbours


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(bridges=-1), "bridges"),
        (dict(bridges=11), "bridges"),
        (dict(bridges=1.5), "bridges"),
        (dict(bridges="1"), "bridges"),
        (dict(bridges=math.nan), "bridges"),
        (dict(cluster_size=2), "cluster_size"),
        (dict(cluster_size=10**5), "cluster_size"),
        (dict(within_density=1.5), "within_density"),
        (dict(within_density=math.inf), "within_density"),
        (dict(strong_transmission=-0.1), "strong_transmission"),
        (dict(weak_transmission=math.nan), "weak_transmission"),
        (dict(weak_transmission=None), "weak_transmission"),
        (dict(steps=0), "steps"),
        (dict(runs=10**4), "runs"),
        (dict(seed=-3), "seed"),
        (dict(seed=True), "seed"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        wt.simulate(**kwargs)


def test_two_clusters_bad_input():
    with pytest.raises(ValueError, match=r"^within_density must be .* between"):
        wt.two_clusters(1, within_density=-0.5)


# --- Paths, starters and seeds --------------------------------------------------------------------

def test_mean_paths_on_a_known_graph():
    """Two rings of five joined by one bridge between person 0 and person 5."""
    g = wt.two_clusters(1, cluster_size=5, within_density=0.0, seed=0)
    a, b = np.nonzero(g.weak[:5, 5:])
    between, within = wt.mean_paths(g)
    assert within == pytest.approx(1.5)  # on a ring of five: two neighbours at 1, two at 2
    ring = np.array([0, 1, 2, 2, 1])
    expected = np.mean([[ring[(i - a[0]) % 5] + 1 + ring[(j - b[0]) % 5] for j in range(5)] for i in range(5)])
    assert between == pytest.approx(expected)


def test_each_run_starts_with_one_random_person_in_group_a():
    run = wt.simulate(0, cluster_size=50, strong_transmission=0.0, steps=1, runs=100, seed=3)
    assert run.share_a[0] == pytest.approx(1 / 50) and run.share_a[-1] == pytest.approx(1 / 50)
    assert run.share_b[-1] == 0 and run.reached_b == 0.0 and run.bridges == 0


def test_the_seed_chooses_the_network():
    paths = {(r.path_within, r.path_between) for r in (wt.simulate(2, steps=1, runs=1, seed=s) for s in range(4))}
    assert len(paths) == 4
    one = wt.simulate(2, within_density=0.2, steps=5, runs=3, seed=9)
    assert one.path_between == wt.mean_paths(wt.two_clusters(2, within_density=0.2, seed=int(
        np.random.default_rng(9).integers(0, 2**31, size=2)[0])))[0]


def test_weak_ties_pass_news_at_the_weak_rate():
    """Granovetter (1973): acquaintances pass news on less often; with a certain strong tie and
    an impossible weak one, the news never crosses the bridge."""
    blocked = wt.simulate(3, strong_transmission=1.0, weak_transmission=0.0, steps=40, runs=5, seed=1)
    assert blocked.share_a[-1] == 1.0 and blocked.share_b[-1] == 0.0
    slow = wt.simulate(3, weak_transmission=0.05, steps=40, runs=40, seed=1).share_b.mean()
    fast = wt.simulate(3, weak_transmission=0.5, steps=40, runs=40, seed=1).share_b.mean()
    assert fast > slow + 0.1


def test_a_run_reports_its_steps_paths_and_the_share_of_runs_that_reached_b():
    """Steps count from 0; the mean path within a cluster is short (dense friends) and shorter
    than the path across the single bridge; reached_b is the share of *runs* in which anyone in
    B heard, so with a weak bridge over few steps some runs reach B and others do not."""
    run = wt.simulate(1, weak_transmission=0.05, steps=5, runs=100, seed=1)
    assert np.array_equal(run.step, np.arange(6)) and len(run.share_b) == 6
    assert 1.0 < run.path_within < run.path_between < math.inf
    assert 0.0 < run.reached_b < 1.0
    assert run.share_b[-1] < run.reached_b   # those runs reached only some people in B
