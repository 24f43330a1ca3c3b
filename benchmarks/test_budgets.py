"""Speed and size budgets (issue: the model library). Run with `make bench`, not `make test`.

* each model's default run: at most 50 ms (median);
* each explorable's sweep and figure build: at most 2 s (median of 3);
* each explorable's figure: at most 300 KB of JSON.
"""
import statistics
import time

import pytest
from conftest import record

from belonging import registry

RUN_BUDGET_S = 0.050
SWEEP_BUDGET_S = 2.0
JSON_BUDGET_BYTES = 300_000


@pytest.mark.parametrize("name", list(registry.MODELS))
def test_default_run_within_50_ms(benchmark, name):
    module = registry.model_module(name)
    module.default_run()  # warm caches and imports: the budget is for a learner's rerun
    benchmark.pedantic(module.default_run, rounds=15, iterations=1)
    median = benchmark.stats.stats.median
    record(f"{name}.default_run", "50 ms", f"{median * 1000:.1f} ms", median <= RUN_BUDGET_S)
    assert median <= RUN_BUDGET_S


def _explorables():
    for name in registry.MODELS:
        for build in registry.explorables(name):
            yield pytest.param(build, id=f"{build.__module__.rsplit('.', 1)[-1]}.{build.__name__}")


@pytest.mark.parametrize("build", list(_explorables()))
def test_explorable_sweep_and_size(build):
    build()  # first call pays for plotly's imports, not for the sweep
    times = []
    for _ in range(3):
        start = time.perf_counter()
        ex = build()
        times.append(time.perf_counter() - start)
    seconds, size = statistics.median(times), ex.json_bytes()
    label = f"{build.__module__.rsplit('.', 1)[-1]}.{build.__name__}"
    record(f"{label} sweep", "2 s", f"{seconds:.2f} s", seconds <= SWEEP_BUDGET_S)
    record(f"{label} JSON", "300 KB", f"{size / 1000:.0f} KB", size <= JSON_BUDGET_BYTES)
    assert seconds <= SWEEP_BUDGET_S and size <= JSON_BUDGET_BYTES
