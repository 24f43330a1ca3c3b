"""Debian's Chromium, launched the same way by the site tests, `make pdf` and `make bench-site`.

Playwright drives the distribution's browser as it is (Playwright's own browser download fails
here). The flags suit a container (no GPU, no sandbox) and stop Chromium fetching anything on
its own, so the only requests are the page's: what the tests check and Lighthouse measures.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The browser to drive: $CHROMIUM if set, else Debian's chromium, else None (Playwright's)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def outside_through(port: int) -> list[str]:
    """Flags that send every request for another host to `port` on this machine, as to a proxy.

    The browser tests pass a port nothing listens on, so such a request fails there and never
    reaches the network; Chromium never sends a loopback address to a proxy, so the site under
    test is fetched directly. (Blocking by intercepting every request in Playwright did the
    same, but interception turns off the browser's cache: every page then fetched and compiled
    plotly.js afresh, which readers' browsers do once.)
    """
    return [f"--proxy-server=http://127.0.0.1:{port}"]


def launch(playwright, *, outside_port: int | None = None):
    """A headless Chromium from a started Playwright (`sync_playwright()`), with the flags above;
    with `outside_port`, requests for other hosts go to that port (:func:`outside_through`)."""
    path = chromium_path()
    options = {"executable_path": path} if path else {}
    extra = outside_through(outside_port) if outside_port is not None else []
    return playwright.chromium.launch(args=CHROMIUM_FLAGS + extra, **options)
