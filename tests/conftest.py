import os

from hypothesis import settings

# Property tests: enough examples to find edge cases, few enough for a 2-core CI machine.
# "course" (the default, and CI's) is derandomized: the same examples every run, so a red CI
# always means a real change. Search more widely while developing with
# HYPOTHESIS_PROFILE=explore (random examples, five times as many).
settings.register_profile("course", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("explore", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "course"))


def pytest_collection_modifyitems(config, items):
    """Run the site tests (book build, Chromium) last: they are the slowest, and nothing
    else should share a process with a browser's event loop."""
    items.sort(key=lambda item: "tests/site/" in item.nodeid.replace("\\", "/"))
