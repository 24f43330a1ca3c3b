"""Build a preview of one or more chapters alone, with warnings as errors, in a scratch folder.

A full `make build` executes every chapter; while writing one chapter you want to know quickly
whether *it* builds cleanly and how it looks. This copies the book to a scratch folder, writes a
table of contents with the welcome page, chapter 1, the named chapters, their instructor notes, the models page,
the glossary and the references, and builds that with the same flags as `make build`.

Usage:  .venv/bin/python scripts/preview.py 04-when-the-need-goes-unmet [more slugs...] [--out DIR]
Then:   .venv/bin/python scripts/serve.py --directory DIR/book/_build/html
Browser tests on the preview:  BELONGING_SITE=DIR/book/_build/html .venv/bin/python -m pytest tests/site/test_browser.py
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def toc(slugs: list[str], book: Path) -> str:
    chapters = "\n".join(f"      - file: chapters/{s}" for s in slugs)
    notes = "\n".join(f"          - file: instructors/{s}" for s in slugs
                      if (book / "instructors" / f"{s}.md").is_file())
    text = ("format: jb-book\nroot: intro\nparts:\n  - caption: Chapters\n    chapters:\n"
            f"{chapters}\n  - caption: Reference\n    chapters:\n      - file: glossary\n"
            "      - file: models\n      - file: references\n")
    if notes:
        text += f"  - caption: For instructors\n    chapters:\n      - file: instructors/index\n        sections:\n{notes}\n"
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="+", help="chapter file names without .md, e.g. 02-evolutionary-foundations")
    parser.add_argument("--out", type=Path, help="scratch folder (default: /tmp/preview-<first slug>)")
    args = parser.parse_args()
    # The welcome page and the instructor guide link to chapter 1: keep it so links resolve.
    args.slugs = ["01-what-belonging-is"] + [s for s in args.slugs if s != "01-what-belonging-is"]
    for slug in args.slugs:
        if not (ROOT / "book" / "chapters" / f"{slug}.md").is_file():
            parser.error(f"no chapter book/chapters/{slug}.md")
    out = args.out or Path("/tmp") / f"preview-{args.slugs[0]}"
    shutil.rmtree(out, ignore_errors=True)
    # The chapters link to ../../exercises/..., so the copy keeps the repository's shape.
    shutil.copytree(ROOT / "book", out / "book", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "exercises", out / "exercises", ignore=shutil.ignore_patterns("autograder", ".otter-tmp"))
    (out / "book" / "_toc.yml").write_text(toc(args.slugs, out / "book"), "utf-8")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run([str(jb), "build", "-W", "-n", "--keep-going", "book"], cwd=out)
    html = out / "book" / "_build" / "html"
    print(f"\npreview: {html} (build {'succeeded' if result.returncode == 0 else 'FAILED'})")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
