"""The figure chapter 6 adds: single networks against their pool (why one network misleads).
Each test checks the figure against the model run independently, so a figure that drew, pooled
or described the wrong thing would fail."""
import numpy as np
import pytest

from belonging import network
from belonging.figures import network as net_figures


def _one_tie(contagion: float, seed: int) -> tuple[float, int]:
    run = network.clustering_by_distance(contagion, networks=1, seed=seed, max_distance=1)
    return float(run.relative_likelihood[0]), int(run.pairs[0])


def test_single_runs_returns_each_network_and_their_pair_weighted_pool():
    singles, pooled = net_figures.single_runs(0.4, runs=4)
    expected = [_one_tie(0.4, s) for s in range(4)]
    assert singles == [value for value, _ in expected]
    # Pooling counts pairs, so it is the pair-weighted mean of the single networks, not their plain mean.
    weighted = np.average([v for v, _ in expected], weights=[p for _, p in expected])
    assert pooled == pytest.approx(weighted, abs=1e-9)
    assert min(singles) <= pooled <= max(singles)


def test_single_runs_rejects_an_empty_set_of_networks():
    with pytest.raises(ValueError, match="runs"):
        net_figures.single_runs(0.0, runs=0)
    with pytest.raises(ValueError, match="contagion"):
        net_figures.single_runs(1.5, runs=1)


def test_without_contagion_single_networks_scatter_around_chance_and_their_pool_sits_on_it():
    singles, pooled = net_figures.single_runs(0.0)
    assert len(singles) == net_figures.SINGLE_RUNS
    assert min(singles) < 0.95 and max(singles) > 1.25     # one network can look clustered, or anti-clustered
    assert abs(pooled - 1) < 0.05                          # twenty pooled: close to chance
    assert abs(pooled - 1) < (max(singles) - min(singles)) / 5


def test_weak_contagion_overlaps_none_in_single_networks_and_strong_contagion_does_not():
    none, none_pooled = net_figures.single_runs(0.0)
    weak, weak_pooled = net_figures.single_runs(0.2)
    strong, strong_pooled = net_figures.single_runs(0.8)
    assert min(weak) < max(none)                   # a single network cannot tell 0.2 from 0
    assert weak_pooled > none_pooled + 0.1         # the pool can
    assert min(strong) > max(weak) and min(strong) > max(none)
    assert strong_pooled > 2


def test_single_runs_figure_draws_every_network_and_the_pools():
    ex = net_figures.single_runs_figure()
    dots, line, chance = ex.figure.data
    n = net_figures.SINGLE_RUNS
    assert len(dots.y) == n * len(net_figures.SINGLE_RUN_CONTAGION)
    for i, c in enumerate(net_figures.SINGLE_RUN_CONTAGION):
        singles, pooled = net_figures.single_runs(c)
        assert list(dots.y[i * n:(i + 1) * n]) == pytest.approx(singles, abs=1e-4)
        assert all(abs(x - c) <= 0.035 for x in dots.x[i * n:(i + 1) * n])   # jitter stays by its column
        assert line.y[i] == pytest.approx(pooled, abs=1e-4)
    assert list(chance.y) == [1, 1]
    assert ex.json_bytes() < 300_000


def test_single_runs_figure_text_quotes_the_figure_it_describes():
    ex = net_figures.single_runs_figure()
    none, none_pooled = net_figures.single_runs(0.0)
    weak, _ = net_figures.single_runs(0.2)
    strong, strong_pooled = net_figures.single_runs(0.8)
    for values in (none, weak, strong):
        assert f"{min(values):.2f} to {max(values):.2f}" in ex.summary
    assert f"pooled value is {none_pooled:.2f}" in ex.summary
    assert f"pooled {strong_pooled:.2f}" in ex.summary
    assert "illustrative" in ex.summary
