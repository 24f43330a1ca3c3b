"""The pinned pytest and pytest-xdist keep each xdist_group on one worker.

`make test` relies on it (tests/conftest.py): a site module's browser and fixtures, a chapter's
exercise tests and each width of the accessibility test are one group each. With pytest 9.2
and xdist 3.8 the groups were silently ignored (pytest-xdist issue 1386: xdist marks the group
in a node id field pytest 9.2 no longer reads), so every group was spread over every worker
and a module's fixtures were made once per worker: this test failed then.
"""
import re
import subprocess
import sys

PROBE = """
import pytest

@pytest.mark.xdist_group("one")
@pytest.mark.parametrize("i", range(4))
def test_one(i):
    pass

@pytest.mark.xdist_group("two")
@pytest.mark.parametrize("i", range(4))
def test_two(i):
    pass
"""


def test_each_group_runs_on_one_worker(tmp_path):
    (tmp_path / "test_probe.py").write_text(PROBE, "utf-8")
    # Without the plugins the probe does not need: each worker would import them all again.
    quiet = [arg for name in ("cacheprovider", "benchmark", "nbval", "hypothesispytest", "anyio")
             for arg in ("-p", f"no:{name}")]
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", *quiet,
                          "test_probe.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:]
    workers: dict[str, set[str]] = {}
    for worker, name in re.findall(r"\[(gw\d+)\] \[ *\d+%\] PASSED test_probe.py::test_(one|two)", run.stdout):
        workers.setdefault(name, set()).add(worker)
    assert set(workers) == {"one", "two"}, run.stdout[-2000:]
    assert all(len(w) == 1 for w in workers.values()), f"groups spread over workers: {workers}"


def _root_conftest():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("root_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_parametrised_site_test_is_grouped_by_width_not_by_test():
    """Pytest 9 numbers callspec.indices across the whole parametrisation: grouping by index
    made each accessibility test a group of its own."""
    from types import SimpleNamespace

    group = _root_conftest()._site_group

    def item(path, width):
        return SimpleNamespace(fspath="tests/site/test_accessibility.py",
                               callspec=SimpleNamespace(params={"path": path, "width": width}, indices={}))

    assert group(item("intro.html", "360px")) == group(item("glossary.html", "360px"))
    assert group(item("intro.html", "360px")) != group(item("intro.html", "1280px"))
    phone = SimpleNamespace(fspath="tests/site/test_review.py",
                            callspec=SimpleNamespace(params={"viewport": {"width": 390, "height": 844}}, indices={}))
    assert group(phone) == "site-test_review-viewport390"
