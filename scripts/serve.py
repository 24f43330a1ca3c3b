"""Serve the built course on loopback, the way a careful static host would.

* Text is compressed (gzip). Python's http.server sends it uncompressed, and the theme's
  stylesheet (310 KB in the build, 45 KB gzipped) then blocks a phone's first paint for longer. Each file is compressed once and
  kept while it is unchanged, with its Last-Modified date, so a browser can revalidate it.
* Every response carries :data:`CONTENT_SECURITY_POLICY`, the policy the README asks any host
  to send: the browser then refuses anything from another host, plugins, eval and framing by
  other sites. The browser tests are served by this handler, so a page that breaks the policy
  fails them (the browser logs a "Refused to ..." console error).

Usage: python scripts/serve.py [--port 8000] [--directory book/_build/html]
"""
from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import http.server
import io
import os
import threading

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")

#: Inline scripts stay allowed: jupyterquiz, the course's components and the theme write their
#: code into each page, so listing hashes would need a new header for every edit of any page.
#: Everything else is shut: only the site's own scripts, styles, images, fonts and fetches; no
#: eval, no plugins, no <base> or form posts elsewhere, and no framing by other sites.
#: Inline styles are allowed because plotly.js and MathJax set element styles as they draw.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    _compressed: dict[str, tuple[tuple[int, int], bytes]] = {}  # path -> ((mtime_ns, size), gzip)
    _lock = threading.Lock()

    def end_headers(self):
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        if self._not_modified(stat.st_mtime):
            self.send_response(304)
            self.end_headers()
            return None
        body = self._gzip(path, (stat.st_mtime_ns, stat.st_size))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return when is not None and when.timestamp() >= int(mtime)

    @classmethod
    def _gzip(cls, path: str, version: tuple[int, int]) -> bytes:
        with cls._lock:
            cached = cls._compressed.get(path)
        if cached and cached[0] == version:
            return cached[1]
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6, mtime=0)
        with cls._lock:
            cls._compressed[path] = (version, body)
        return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--directory", default="book/_build/html")
    args = parser.parse_args()
    handler = functools.partial(CompressingHandler, directory=args.directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving the course at http://127.0.0.1:{args.port}/ (press Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
