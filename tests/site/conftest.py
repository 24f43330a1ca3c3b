"""Fixtures for the site tests: build the book once, serve it on loopback, drive Chromium."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # scripts/ is not a package
import book_toc  # noqa: E402  (one reading of _toc.yml for the tests, make pdf and make bench-site)
import chromium  # noqa: E402  (one launch for the tests, make pdf and make bench-site)
# BELONGING_SITE points the browser tests at an already built site (for example a chapter
# preview from scripts/preview.py) instead of building the whole book.
PREBUILT = os.environ.get("BELONGING_SITE")
HTML = Path(PREBUILT).resolve() if PREBUILT else ROOT / "book" / "_build" / "html"
#: A phone and a laptop; the theme's sidebar exists only at the wider one.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
#: axe-core's rules for WCAG 2.2 A and AA (with every earlier version's) and its best practices.
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa",
                                              "best-practice"]}}
#: The browser reports some refusals only as a DOM event (a blocked eval, for one), not in the
#: console: this puts every refusal in the console, where the tests look for errors.
REPORT_CSP = ("document.addEventListener('securitypolicyviolation', e => console.error("
              "'Content-Security-Policy refused ' + e.effectiveDirective + ': ' + (e.blockedURI || 'inline')));")


def toc_pages() -> list[str]:
    """Every page book/_toc.yml lists, plus Sphinx's search and index pages, as built paths.

    Read from the table of contents, not from a build on disk, so a fresh clone (CI) tests every
    page and all pytest-xdist workers collect the same tests.
    """
    return [path for path, _ in book_toc.pages()] + ["search.html", "genindex.html"]


def _build_book() -> str:
    """Build the whole book with warnings as errors; return "" on success, else the log's tail."""
    jb = Path(sys.executable).with_name("jupyter-book")
    shutil.rmtree(ROOT / "book" / "_build", ignore_errors=True)
    result = subprocess.run(
        [str(jb), "build", "-W", "-n", "--keep-going", "book"],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    if result.returncode != 0 or "build succeeded" not in result.stdout:
        return (result.stdout + result.stderr)[-6000:] or "book build failed with no output"
    return ""


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole book, built once per test run; the build itself is a test.

    Under pytest-xdist the site tests are spread over several workers: the first to ask builds
    while the others wait on a lock in the run's shared temporary folder, then all use the same
    build (and see the same failure if it failed).
    """
    if PREBUILT:
        return HTML
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each worker's basetemp sits in the run's common folder
    with open(shared / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        outcome = shared / "site-build.outcome"
        if not outcome.exists():
            outcome.write_text(_build_book() or "ok", "utf-8")
        failure = outcome.read_text("utf-8")
    if failure != "ok":
        pytest.fail("book build failed:\n" + failure)
    return HTML


def script_module(name: str):
    """A script of scripts/ loaded as a module, for the tests of `make serve`, `make pdf`, `make epub`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def book_of(site: Path) -> Path:
    """The book the site was built from: the repository's, or a preview's copy (BELONGING_SITE)."""
    return site.parents[1]


def words(text: str) -> str:
    """Letters and digits only, so markup, quotes, ligatures and line breaks do not matter."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class _QuietHandler(script_module("serve").CompressingHandler):
    """The same handler as `make serve`, so the browser tests see what readers see."""

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@contextlib.contextmanager
def closed_port():
    """A loopback port that refuses every connection while the block lasts: bound, so nothing
    else can listen there, but not listening."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield held.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """Closed after the browser tests: Playwright's sync API keeps an event loop in this
    thread, and nbclient (notebook tests) hangs if it finds that loop still open. Every request
    it makes for another host goes to a closed port and fails there (guarded_context notes it)."""
    from playwright.sync_api import sync_playwright

    with closed_port() as port, sync_playwright() as p:
        launched = chromium.launch(p, outside_port=port)
        yield launched
        launched.close()


def guarded_context(browser, base: str, problems: list[str], **options):
    """A browser context and its page on the site at `base`, noting what a reader would not see.

    Every site test that opens a page uses this, so they all hold the pages to the same rules:
    a request to another host is noted (the `browser` fixture's Chromium sends it to a closed
    port, so it fails and never leaves the machine), and so are a console error (a
    Content-Security-Policy refusal is made one by REPORT_CSP), an uncaught page error, a failed
    request and an HTTP error status. `options` go to `browser.new_context` (viewport, touch,
    downloads, time zone). Returns (context, page); the caller closes the context.
    """
    context = browser.new_context(**options)
    context.add_init_script(REPORT_CSP)
    host = urlparse(base).netloc

    def note_outside(request):
        url = urlparse(request.url)
        if url.scheme not in ("data", "blob") and url.netloc != host:
            problems.append(f"request to another host: {request.url}")

    # Noted, not intercepted: intercepting every request (context.route) turns the browser's
    # cache off, and a reader's browser does cache (plotly.js is fetched once, not per page).
    context.on("request", note_outside)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # ERR_ABORTED is a request the page stopped needing (a reload while plotly.js was loading);
    # a request refused by the server or the network fails with another code.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
            and problems.append(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    return context, page


class PageSession:
    """One reader on one built page, in a context of its own from guarded_context.

    `init_script` runs before the page's own scripts (to record what a live region says, for
    one); `options` go to guarded_context. The caller closes the session.
    """

    def __init__(self, browser, base: str, path: str, init_script: str = "", **options):
        self.problems: list[str] = []
        self.context, self.page = guarded_context(browser, base, self.problems, **options)
        if init_script:
            self.context.add_init_script(init_script)
        self.page.goto(f"{base}/{path}")
        self.page.wait_for_load_state("networkidle")

    @property
    def outside(self) -> list[str]:
        """The requests to other hosts, which guarded_context blocked."""
        return [p for p in self.problems if p.startswith("request to another host")]

    def storage(self) -> tuple:
        """What the page could have stored: local and session storage, cookies."""
        local = self.page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
        session = self.page.evaluate("JSON.stringify(Object.entries(sessionStorage).sort())")
        return local, session, self.page.evaluate("document.cookie"), len(self.context.cookies())

    def close(self):
        self.context.close()
