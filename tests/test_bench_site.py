"""scripts/bench_site.py's judging: a budget missed by one point or one kilobyte is reported.

Lighthouse itself is not run here (it needs npm and minutes per page); `make bench-site` runs it.
These check the arithmetic that decides whether a page passes, and the page selection.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench_site", ROOT / "scripts" / "bench_site.py")
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench  # its dataclasses look their module up there
spec.loader.exec_module(bench)


def _run(performance=100, other=100, kilobytes=100):
    scores = {"performance": performance, "accessibility": other, "best-practices": other, "seo": other}
    return bench.Run(scores, kilobytes * 1000, 2000.0)


@pytest.mark.parametrize("kind", ["text", "figures"])
def test_a_page_at_every_budget_passes_and_one_point_under_fails(kind):
    at = bench.PERFORMANCE_MIN[kind]
    assert bench.judge("p.html", kind, [_run(performance=at, kilobytes=bench.KB_MAX[kind])]).misses == []
    assert bench.judge("p.html", kind, [_run(performance=at - 1)]).misses == ["performance"]
    assert bench.judge("p.html", kind, [_run(kilobytes=bench.KB_MAX[kind] + 1)]).misses == ["bytes"]
    assert bench.judge("p.html", kind, [_run(other=99)]).misses == ["accessibility", "best-practices", "seo"]


def test_the_median_of_the_runs_is_judged_not_the_best():
    runs = [_run(performance=99), _run(performance=80), _run(performance=85)]
    result = bench.judge("p.html", "figures", runs)
    assert result.scores["performance"] == 85
    assert result.misses == ["performance"]


def test_text_pages_have_the_stricter_performance_budget():
    assert bench.judge("p.html", "text", [_run(performance=92)]).misses == ["performance"]
    assert bench.judge("p.html", "figures", [_run(performance=92)]).misses == []


def test_pages_are_chosen_by_path_or_part_of_one_and_an_unknown_one_is_refused():
    pages = bench.toc_pages()
    assert "intro.html" in pages and "search.html" in pages
    assert bench.selected_pages(pages, "") == pages
    chosen = bench.selected_pages(pages, "intro.html, 01-what")
    assert chosen[:2] == ["intro.html", "chapters/01-what-belonging-is.html"]
    assert all("01-what" in page for page in chosen[1:])  # the instructor guide's page too
    with pytest.raises(SystemExit, match="not in book/_toc.yml"):
        bench.selected_pages(pages, "no-such-page")

