"""Pack the built site as a zip that works opened straight from disk (`make offline`).

Unzip dist/the-need-to-belong-offline.zip anywhere and open the-need-to-belong/index.html: no
server, no network. Figures, sliders, quizzes, predict-first prompts, glossary tooltips, the review
page and search all work from file://, and nothing is requested from outside the folder.

A page opened from disk may run scripts from its folder but may not fetch() files, so the copy
differs from the site in two small ways, both made here and nowhere else (the site is unchanged):
* the site's data files (``_static/*.json``: the glossary definitions, the review questions) are
  written into one script, ``_static/belonging-offline.js``, which every page loads first; when
  the page is a file, it answers a fetch() of one of those files from its own copy, so the scripts
  that read them work unchanged;
* search results list the matching pages without the snippet of text under each, because Sphinx
  reads those snippets by fetching each page (``SHOW_SEARCH_SUMMARY`` is turned off).
The search index itself is a script (``searchindex.js``), so search works as on the site.
Every other file is copied as built; source maps, Sphinx's build stamp, and MathJax when no page
uses it, are left out to keep the zip small. The zip is reproducible: entries are sorted and
dated 1980-01-01.

Usage: .venv/bin/python scripts/make_offline.py [--site book/_build/html] [--out dist/the-need-to-belong-offline.zip]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "the-need-to-belong"
SHIM = "_static/belonging-offline.js"
OPTIONS = "_static/documentation_options.js"
SUMMARY_ON = "SHOW_SEARCH_SUMMARY: true"
SUMMARY_OFF = "SHOW_SEARCH_SUMMARY: false"
EPOCH = (1980, 1, 1, 0, 0, 0)
HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)

#: Answers fetch() of the site's own data files on a page opened from disk. The files' contents
#: are filled in at __DATA__; a URL is matched by its path inside the site, found from this script's
#: own URL.
SHIM_SCRIPT = """/* The offline copy only (scripts/make_offline.py): a page opened from disk may not fetch() a
   file, so the site's data files are copied here and a fetch() of one of them is answered from
   this copy. Any other request goes to the browser's own fetch(). */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.fetch || !document.currentScript) { return; }
  var data = __DATA__;
  var root = new URL("..", document.currentScript.src).href;
  var fetchFile = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, document.baseURI);
    var path = url.href.split("#")[0].split("?")[0];
    var name = path.indexOf(root) === 0 ? path.slice(root.length) : null;
    if (name !== null && Object.prototype.hasOwnProperty.call(data, name)) {
      return Promise.resolve(new Response(JSON.stringify(data[name]),
        { status: 200, headers: { "Content-Type": "application/json" } }));
    }
    return fetchFile.apply(this, arguments);
  };
})();
"""


def uses_mathjax(site: Path) -> bool:
    return any("mathjax" in page.read_text("utf-8", errors="replace").lower().split("<body", 1)[0]
               for page in site.rglob("*.html"))


def wanted(relative: str, keep_mathjax: bool) -> bool:
    if relative.endswith(".map") or relative in (".buildinfo", ".buildinfo.bak"):
        return False
    return keep_mathjax or not relative.startswith("_static/mathjax/")


def data_files(site: Path) -> dict[str, object]:
    """The site's own data files that its scripts fetch: every JSON file directly in _static."""
    return {f"_static/{p.name}": json.loads(p.read_text("utf-8")) for p in sorted((site / "_static").glob("*.json"))}


def with_shim(page: str, depth: int) -> str:
    """The page with the shim loaded first thing in its head (before any script can fetch)."""
    match = HEAD.search(page)
    if match is None:  # the root index.html is only a redirect to intro.html
        return page
    tag = f'<script src="{"../" * depth}{SHIM}"></script>'
    return page[: match.end()] + tag + page[match.end():]


#: The PDF and this zip, published beside the site (.github/workflows/pages.yml), are not inside
#: the offline copy: their links become plain text there.
DOWNLOAD_LINK = re.compile(r'<a href="(?:\.\./)*downloads/the-need-to-belong[^"]*">(.*?)</a>', re.S)


def changed_files(site: Path) -> dict[str, bytes]:
    """The files that differ from the built site, by path inside the site."""
    options = (site / OPTIONS).read_text("utf-8")
    if SUMMARY_ON not in options:
        raise SystemExit(f"make_offline: {OPTIONS} no longer says '{SUMMARY_ON}'; check search on file://")
    extra = {OPTIONS: options.replace(SUMMARY_ON, SUMMARY_OFF).encode("utf-8")}
    data = json.dumps(data_files(site), ensure_ascii=False, sort_keys=True)
    extra[SHIM] = SHIM_SCRIPT.replace("__DATA__", data).encode("utf-8")
    for page in site.rglob("*.html"):
        relative = page.relative_to(site)
        if relative.parts[0] != "_static":  # _static holds the theme's template fragments
            text = DOWNLOAD_LINK.sub(r"\1", page.read_text("utf-8"))
            extra[relative.as_posix()] = with_shim(text, len(relative.parts) - 1).encode("utf-8")
    return extra


def make_offline(site: Path, out: Path) -> int:
    """Write the zip; return the number of files in it."""
    if not (site / "index.html").is_file() or not (site / "searchindex.js").is_file():
        raise SystemExit(f"make_offline: {site} is not a built site; run make build first")
    keep_mathjax = uses_mathjax(site)
    extra = changed_files(site)
    files = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    names = sorted(n for n in set(files) | set(extra) if wanted(n, keep_mathjax))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in names:
            data = extra[name] if name in extra else files[name].read_bytes()
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    partial.replace(out)
    return len(names)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "the-need-to-belong-offline.zip")
    args = parser.parse_args()
    started = time.monotonic()
    count = make_offline(args.site, args.out)
    print(f"make_offline: {args.out} ({count} files, {args.out.stat().st_size / 1e6:.1f} MB) in "
          f"{time.monotonic() - started:.0f} s; unzip it and open {FOLDER}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
