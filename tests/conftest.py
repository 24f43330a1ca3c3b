import os

import pytest

from hypothesis import settings

# Property tests: enough examples to find edge cases, few enough for a 2-core CI machine.
# "course" (the default, and CI's) is derandomized: the same examples every run, so a red CI
# always means a real change. Search more widely while developing with
# HYPOTHESIS_PROFILE=explore (random examples, five times as many).
settings.register_profile("course", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("explore", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "course"))


def _is_site(item) -> bool:
    return "tests/site/" in item.nodeid.replace("\\", "/")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """Keep the site tests (one book build, then Chromium) together and apart from notebooks.

    Alone (`pytest`), they run last: nothing else should share a process with a browser's event
    loop. Under pytest-xdist (`make test` runs `-n 2 --dist loadgroup`), they form one group on
    one worker and are sorted first, so the slow build starts at once while the other worker
    runs everything else.
    """
    parallel = getattr(config.option, "numprocesses", None) or hasattr(config, "workerinput")
    for item in items:
        if _is_site(item):
            item.add_marker(pytest.mark.xdist_group("site"))
    items.sort(key=lambda item: not _is_site(item) if parallel else _is_site(item))
