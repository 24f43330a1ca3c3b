"""Waiting on the page's state, never for a fixed pause: a fixed pause is too long on a quiet
machine and too short on a busy one (CI runs the browser tests beside kernels and builds)."""
from __future__ import annotations

import time
from typing import Callable, TypeVar

T = TypeVar("T")


def until(page, check: Callable[[], T], timeout: float = 5000) -> T:
    """Return check()'s first truthy value, asking again after each animation frame; after
    ``timeout`` ms return its last value (falsy), so the test's own assert says what was wrong."""
    deadline = time.monotonic() + timeout / 1000
    while not (value := check()) and time.monotonic() < deadline:
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
    return value
