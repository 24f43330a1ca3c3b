import os
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
        if callspec is not None and name in callspec.indices:
            group += f"-{name}{callspec.indices[name]}"
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
