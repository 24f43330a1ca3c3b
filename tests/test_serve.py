"""scripts/serve.py: text is compressed for browsers that accept it, and served unchanged."""
import functools
import gzip
import http.server
import importlib.util
import threading
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("serve", ROOT / "scripts" / "serve.py")
serve = importlib.util.module_from_spec(spec)
spec.loader.exec_module(serve)


@pytest.fixture
def server(tmp_path):
    (tmp_path / "style.css").write_text("body { color: #1a1a1a; }\n" * 200)
    (tmp_path / "image.png").write_bytes(b"\x89PNG fake")
    handler = functools.partial(serve.CompressingHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", tmp_path
    httpd.shutdown()


def fetch(url, encoding=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_text_is_gzipped_when_accepted_and_decompresses_to_the_file(server):
    base, folder = server
    headers, body = fetch(f"{base}/style.css", "gzip, deflate")
    assert headers["Content-Encoding"] == "gzip"
    assert len(body) < (folder / "style.css").stat().st_size / 5
    assert gzip.decompress(body) == (folder / "style.css").read_bytes()


def test_plain_when_not_accepted_and_binaries_untouched(server):
    base, folder = server
    headers, body = fetch(f"{base}/style.css")
    assert headers["Content-Encoding"] is None and body == (folder / "style.css").read_bytes()
    headers, body = fetch(f"{base}/image.png", "gzip")
    assert headers["Content-Encoding"] is None and body == (folder / "image.png").read_bytes()
