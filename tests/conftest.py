import fcntl
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from hypothesis import settings

# make mutation's copy must hold every file its tests read (hooks found here by name).
from mutation_reads import pytest_runtest_call, pytest_runtest_setup  # noqa: F401

# Property tests: enough examples to find edge cases, few enough for a 2-core CI machine.
# "course" (the default, and CI's) is derandomized: the same examples every run, so a red CI
# always means a real change. Search more widely while developing with
# HYPOTHESIS_PROFILE=explore (random examples, five times as many).
settings.register_profile("course", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("explore", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "course"))


def _is_site(item) -> bool:
    return "tests/site/" in item.nodeid.replace("\\", "/")


#: Site tests parametrised over these are split into one xdist group per value (for example one
#: group per viewport), so their browsers run on several workers at once.
SPLIT_PARAMS = ("viewport", "width", "theme")
#: The group whose worker builds the book (tests/site/conftest.py builds it once per run).
BUILD_GROUP = "site-test_build"


def _site_group(item) -> str:
    group = "site-" + Path(str(item.fspath)).stem
    callspec = getattr(item, "callspec", None)
    for name in SPLIT_PARAMS:
        if callspec is not None and name in callspec.params:
            # By value: pytest 9 numbers callspec.indices across the whole parametrisation, so
            # an index made every test its own group.
            value = callspec.params[name]
            group += f"-{name}{value.get('width', '') if isinstance(value, dict) else value}"
    return group


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """Spread the site tests (one book build, then Chromium) over the workers, apart from notebooks.

    Alone (`pytest`), they run last: nothing else should share a process with a browser's event
    loop. Under pytest-xdist (`make test` runs `--dist loadgroup`), each site module (and each
    viewport or theme of a parametrised one) is a group. The build group goes first, so the book
    build starts at once; the other workers meanwhile take the model and exercise tests, and the
    remaining site groups come last, largest first, when the build is certainly done.
    """
    parallel = getattr(config.option, "numprocesses", None) or hasattr(config, "workerinput")
    if not parallel:
        items.sort(key=_is_site)
        return
    groups = {}
    for item in items:
        if _is_site(item):
            groups[item] = _site_group(item)
            item.add_marker(pytest.mark.xdist_group(groups[item]))
    sizes = Counter(groups.values())

    def order(item):
        if item not in groups:
            return (1, 0, "")
        if groups[item] == BUILD_GROUP:
            return (0, 0, "")
        return (2, -sizes[groups[item]], groups[item])

    items.sort(key=order)  # stable: tests keep their order within a group


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """A folder `make(folder)` fills once per test run, shared by every pytest-xdist worker.

    The first worker to ask makes it while the others wait on a lock in the run's common
    temporary folder. Callers copy it before changing anything in it.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's basetemp sits in the run's common folder
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def generation(tmp_path_factory):
    """`generation(stem)`: (source, learner, solution, autograder zip) of one chapter's exercise,
    from one `otter assign` per test run, shared by the exercise, assignment and grading tests
    (and by every worker). Shared files: copy before changing them."""
    from belonging.exercises.generate import SOURCES, otter_assign

    def generated(stem: str) -> tuple[Path, Path, Path, Path]:
        source = SOURCES / f"{stem}.ipynb"
        out = once_per_run(tmp_path_factory, f"generation-{stem}",
                           lambda folder: otter_assign(source, folder / "out", run_tests=False)) / "out"
        (zip_path,) = (out / "autograder").glob("*.zip")
        return source, out / "student" / source.name, out / "autograder" / source.name, zip_path

    return generated


#: The chapter the grading and assignment tests use: the smallest kit, every kind of question.
KIT_CHAPTER = "01-what-belonging-is"


@pytest.fixture(scope="session")
def chapter_one_kit(tmp_path_factory, generation) -> Path:
    """Chapter 1's assignment folder as `make assignments` writes it (student notebook, solution,
    autograder.zip, README), made once per run for every test that grades. Shared: a test
    module copies it (shutil.copytree) before it writes anything."""
    from belonging.exercises.generate import write_assignment

    def make(folder: Path) -> None:
        source, learner, solution, zip_path = generation(KIT_CHAPTER)
        write_assignment(source, folder / KIT_CHAPTER, learner, solution, zip_path)

    return once_per_run(tmp_path_factory, "chapter-one-kit", make) / KIT_CHAPTER
