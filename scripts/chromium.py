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


def launch(playwright):
    """A headless Chromium from a started Playwright (`sync_playwright()`), with the flags above."""
    path = chromium_path()
    options = {"executable_path": path} if path else {}
    return playwright.chromium.launch(args=CHROMIUM_FLAGS, **options)
