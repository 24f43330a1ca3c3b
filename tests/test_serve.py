"""scripts/serve.py: compressed text, revalidation, and the Content-Security-Policy on every reply."""
from __future__ import annotations

import functools
import gzip
import http.client
import http.server
import importlib.util
import os
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("serve", ROOT / "scripts" / "serve.py")
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page.html").write_text("<p>" + "belonging " * 500 + "</p>", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    handler = functools.partial(type("Quiet", (serve.CompressingHandler,), {"log_message": lambda *a: None}),
                                directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, server.server_address[1]
    server.shutdown()
    server.server_close()


def get(port: int, path: str, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_text_is_sent_compressed_and_unchanged(site):
    folder, port = site
    response, body = get(port, "/page.html", **{"Accept-Encoding": "gzip"})
    assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (folder / "page.html").read_bytes()
    assert len(body) < (folder / "page.html").stat().st_size / 10


def test_plain_when_not_accepted_and_binaries_untouched(site):
    folder, port = site
    response, body = get(port, "/page.html")
    assert response.getheader("Content-Encoding") is None and body == (folder / "page.html").read_bytes()
    response, body = get(port, "/image.png", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None and body == (folder / "image.png").read_bytes()


def test_a_changed_file_is_compressed_again(site):
    folder, port = site
    get(port, "/page.html", **{"Accept-Encoding": "gzip"})
    (folder / "page.html").write_text("<p>changed</p>", "utf-8")
    os.utime(folder / "page.html", (1, 1))  # a different mtime even within the same second
    _, body = get(port, "/page.html", **{"Accept-Encoding": "gzip"})
    assert gzip.decompress(body) == b"<p>changed</p>"


def test_an_unchanged_file_is_revalidated_not_resent(site):
    _, port = site
    first, _ = get(port, "/page.html", **{"Accept-Encoding": "gzip"})
    again, body = get(port, "/page.html", **{"Accept-Encoding": "gzip",
                                             "If-Modified-Since": first.getheader("Last-Modified")})
    assert again.status == 304 and body == b""
    stale, _ = get(port, "/page.html", **{"Accept-Encoding": "gzip",
                                          "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"})
    assert stale.status == 200


@pytest.mark.parametrize("path, encoding", [("/page.html", "gzip"), ("/page.html", "identity"),
                                            ("/image.png", "gzip"), ("/missing.html", "gzip")])
def test_every_reply_carries_the_content_security_policy(site, path, encoding):
    _, port = site
    response, _ = get(port, path, **{"Accept-Encoding": encoding})
    assert response.getheader("Content-Security-Policy") == serve.CONTENT_SECURITY_POLICY


def test_the_policy_allows_no_other_host_no_eval_and_no_plugins():
    directives = dict(d.split(" ", 1) for d in serve.CONTENT_SECURITY_POLICY.split("; "))
    allowed = {"'self'", "'unsafe-inline'", "data:", "'none'"}
    for name, sources in directives.items():
        assert set(sources.split()) <= allowed, f"{name} allows {sources}"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'self'"


def test_the_pages_workflow_publishes_what_make_build_writes():
    import re

    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    html = re.search(r"^HTML\s*:=\s*(\S+)", (ROOT / "Makefile").read_text("utf-8"), flags=re.M).group(1)
    steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make build" for step in steps)
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert len(uploads) == 1 and uploads[0]["with"]["path"] == html
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_the_readme_gives_hosts_the_policy_the_site_is_tested_with():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"Content-Security-Policy: {serve.CONTENT_SECURITY_POLICY}\n" in readme
