"""The browser tests serve the site with the Content-Security-Policy the README asks hosts to
send, and a page that breaks the policy fails them.

Every page passing under the policy is checked by test_accessibility.py (it fails on any
console error, and Chromium reports a refusal as one). This file checks the
two links in that chain: the header really reaches the browser, and a refusal really becomes a
recorded problem.
"""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import _QuietHandler, script_module
from test_browser import Reader

POLICY = script_module("serve").CONTENT_SECURITY_POLICY


def test_the_site_is_served_with_the_policy(browser, site_url):
    context = browser.new_context()
    try:
        response = context.new_page().goto(f"{site_url}/intro.html")
        assert response.headers.get("content-security-policy") == POLICY
    finally:
        context.close()


@pytest.fixture
def bad_site(tmp_path):
    # eval is refused by the policy; the page catches the error, so only the browser's own
    # console report can tell the test.
    (tmp_path / "eval.html").write_text(
        "<!doctype html><title>t</title><script>try { eval('1 + 1'); } catch (e) {}</script>", "utf-8")
    (tmp_path / "frame.html").write_text(
        "<!doctype html><title>t</title><object data='eval.html' type='text/html'></object>", "utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("page", ["eval.html", "frame.html"])
def test_a_page_that_breaks_the_policy_fails_the_browser_tests(browser, bad_site, page):
    reader = Reader(browser, bad_site, page)
    try:
        refusals = [p for p in reader.problems if p.startswith("console: Content-Security-Policy refused")]
        assert refusals, f"no refusal recorded: {reader.problems}"
    finally:
        reader.close()
