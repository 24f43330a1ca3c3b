"""The browser tests' guard against requests to other hosts: each is noted, and none is sent.

Every site test opens its pages with guarded_context, which fails a page for any request to
another host, and the `browser` fixture's Chromium sends every such request to a closed port
on this machine instead of the network. These tests check both links on a two-line page of
their own (no book build needed): the note, and where the request really goes.
"""
from __future__ import annotations

import functools
import http.server
import socket
import threading
import types

import pytest

from conftest import chromium, guarded_context

#: A name that never resolves (RFC 2606) and an address kept for documentation (RFC 5737):
#: a request by name and one by address, which a blocklist of names alone would let through.
OUTSIDE = ["http://example.invalid/data.json", "http://192.0.2.1/picture.png"]
PAGE = ("<!doctype html><html lang='en'><title>outside</title><p>A page that asks other hosts.</p>"
        "<script>window.outcome = Promise.allSettled([fetch('%s'), fetch('%s', {mode: 'no-cors'})])"
        ".then(rs => rs.map(r => r.status));</script>" % tuple(OUTSIDE))


def _serve(folder):
    # Served without the site's Content-Security-Policy, which would refuse these requests
    # before they were made: here the request guard is tried on its own.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def asking_site(tmp_path):
    (tmp_path / "outside.html").write_text(PAGE, "utf-8")
    server = _serve(tmp_path)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_request_for_another_host_is_noted_and_fails(browser, asking_site):
    problems: list[str] = []
    context, page = guarded_context(browser, asking_site, problems)
    try:
        page.goto(f"{asking_site}/outside.html")
        assert page.evaluate("window.outcome") == ["rejected", "rejected"]
        for url in OUTSIDE:
            assert f"request to another host: {url}" in problems
        assert not [p for p in problems if "outside.html" in p], problems  # the page itself is fine
    finally:
        context.close()


class Recorder:
    """Listens on a loopback port and keeps the first line of every request that arrives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.lines: list[str] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    self.lines.append(conn.recv(4096).decode("latin-1").split("\r\n", 1)[0])
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass


def test_requests_for_other_hosts_go_to_the_given_port_and_the_site_does_not(browser, asking_site):
    """The launch flags themselves: with a listener where the tests put a closed port, each
    outside request arrives there (so none went to the network directly), and the site on
    loopback loads without passing through it."""
    recorder = Recorder()
    try:
        # A second Chromium from the running Playwright (one per thread), launched as the fixture's.
        launched = chromium.launch(types.SimpleNamespace(chromium=browser.browser_type), outside_port=recorder.port)
        try:
            page = launched.new_page()
            page.goto(f"{asking_site}/outside.html")
            page.evaluate("window.outcome")
        finally:
            launched.close()
    finally:
        recorder.sock.close()
    arrived = [line.split()[1] for line in recorder.lines if line]
    assert set(OUTSIDE) <= set(arrived), recorder.lines
    # (Chromium's own calls home arrive there too, and stop there: update and account checks.)
    assert not [url for url in arrived if "127.0.0.1" in url], recorder.lines
