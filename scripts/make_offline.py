"""Pack the built site as a zip that works opened straight from disk (`make offline`).

Unzip dist/the-need-to-belong-offline.zip anywhere and open the-need-to-belong/index.html: no
server, no network. Figures, sliders, quizzes, predict-first prompts, glossary tooltips and
search all work from file://, and nothing is requested from outside the folder.

A page opened from disk may run scripts from its folder but may not fetch() files, so the copy
differs from the site in two small ways, both made here and nowhere else:
* the glossary definitions are also written as ``_static/glossary-terms.js``, which
  ``belonging-glossary.js`` loads as a script when the page is a file;
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
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "the-need-to-belong"
GLOSSARY_JSON = "_static/glossary-terms.json"
OPTIONS = "_static/documentation_options.js"
SUMMARY_ON = "SHOW_SEARCH_SUMMARY: true"
SUMMARY_OFF = "SHOW_SEARCH_SUMMARY: false"
EPOCH = (1980, 1, 1, 0, 0, 0)


def uses_mathjax(site: Path) -> bool:
    return any("mathjax" in page.read_text("utf-8", errors="replace").lower().split("<body", 1)[0]
               for page in site.rglob("*.html"))


def wanted(relative: str, keep_mathjax: bool) -> bool:
    if relative.endswith(".map") or relative in (".buildinfo", ".buildinfo.bak"):
        return False
    return keep_mathjax or not relative.startswith("_static/mathjax/")


def changed_files(site: Path) -> dict[str, bytes]:
    """The files that differ from the built site, by path inside the site."""
    options = (site / OPTIONS).read_text("utf-8")
    if SUMMARY_ON not in options:
        raise SystemExit(f"make_offline: {OPTIONS} no longer says '{SUMMARY_ON}'; check search on file://")
    extra = {OPTIONS: options.replace(SUMMARY_ON, SUMMARY_OFF).encode("utf-8")}
    glossary = site / GLOSSARY_JSON
    if glossary.is_file():
        definitions = json.loads(glossary.read_text("utf-8"))
        script = ("/* The glossary definitions for pages opened from disk (scripts/make_offline.py). */\n"
                  f"window.BELONGING_GLOSSARY = {json.dumps(definitions, ensure_ascii=False, sort_keys=True)};\n")
        extra[GLOSSARY_JSON[: -len(".json")] + ".js"] = script.encode("utf-8")
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
