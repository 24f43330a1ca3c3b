"""Build a preview of the book that executes only the named chapters, with warnings as errors.

A full `make build` executes every chapter; while writing one chapter you want to know quickly
whether *it* builds cleanly and how it looks. This copies the book to a scratch folder and builds
it with the same flags as `make build` and the real table of contents (so every link between
pages resolves), but executes only the named chapters: the others are built without running their
code, so their figures and quizzes are missing from the preview.

Usage:  .venv/bin/python scripts/preview.py 04-when-the-need-goes-unmet [more slugs...] [--out DIR]
Then:   .venv/bin/python scripts/serve.py --directory DIR/book/_build/html
Browser tests on the preview's executed chapters:
        BELONGING_SITE=DIR/book/_build/html .venv/bin/python -m pytest tests/site/test_accessibility.py -k 04-when
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def skip_execution(slugs: list[str], book: Path) -> None:
    """Tell the copied book not to execute the chapters that are not being previewed."""
    others = sorted(f"chapters/{c.name}" for c in (book / "chapters").glob("[0-9][0-9]-*.md")
                    if c.stem not in slugs)
    config = book / "_config.yml"
    text = config.read_text("utf-8")
    marker = "  execute_notebooks: force\n"
    if marker not in text:
        raise SystemExit("preview: book/_config.yml no longer has 'execute_notebooks: force'")
    patterns = "".join(f"    - {o}\n" for o in others)
    config.write_text(text.replace(marker, marker + ("  exclude_patterns:\n" + patterns if others else "")), "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="+", help="chapter file names without .md, e.g. 02-evolutionary-foundations")
    parser.add_argument("--out", type=Path, help="scratch folder (default: /tmp/preview-<first slug>)")
    args = parser.parse_args()
    for slug in args.slugs:
        if not (ROOT / "book" / "chapters" / f"{slug}.md").is_file():
            parser.error(f"no chapter book/chapters/{slug}.md")
    out = args.out or Path("/tmp") / f"preview-{args.slugs[0]}"
    shutil.rmtree(out, ignore_errors=True)
    # The chapters link to ../../exercises/..., so the copy keeps the repository's shape.
    shutil.copytree(ROOT / "book", out / "book", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "exercises", out / "exercises", ignore=shutil.ignore_patterns("autograder", ".otter-tmp"))
    skip_execution(args.slugs, out / "book")
    jb = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run([str(jb), "build", "-W", "-n", "--keep-going", "book"], cwd=out)
    html = out / "book" / "_build" / "html"
    print(f"\npreview: {html} (build {'succeeded' if result.returncode == 0 else 'FAILED'})")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
