"""Write a copy of the course with only some chapters, for one's own course.

The copy keeps the repository's shape (book/ and exercises/), so the usual commands work on it.
For every chapter left out it removes the page, its instructor notes, its quiz and exam banks and
its exercise notebooks, takes the chapter out of book/_toc.yml, and turns each link to a removed
page into plain text (a link to a page that is not built is a warning, and the build treats every
warning as an error). The review and "My progress" pages then list only the chapters kept, because
they read book/chapters and book/quizzes. It prints every file where it unlinked something: those
are the places (the welcome page's chapter list, the instructor guide's tables) to edit by hand.

Usage:  .venv/bin/python scripts/subset.py 01 04 05 --out DIR [--build] [--no-execute]
Then:   .venv/bin/python scripts/serve.py --directory DIR/book/_build/html
        .venv/bin/python scripts/make_pdf.py --site DIR/book/_build/html --book DIR/book --out DIR/course.pdf
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: Per chapter, the files that belong to it only (NN-slug.*), relative to the copy.
CHAPTER_FILES = ("book/chapters", "book/instructors", "book/quizzes", "book/exams",
                 "exercises", "exercises/solutions", "exercises/source")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_DOC_ROLE = re.compile(r"\{doc\}`(?:([^`<]*?)\s*<([^`>]+)>|([^`<>]+))`")


def all_slugs(book: Path = ROOT / "book") -> list[str]:
    return sorted(p.stem for p in (book / "chapters").glob("[0-9][0-9]-*.md"))


def chosen_slugs(numbers: list[str], slugs: list[str]) -> list[str]:
    """Chapter numbers ("1", "01") or slugs to slugs; a ValueError names an unknown one."""
    by_number = {s[:2]: s for s in slugs}
    chosen = []
    for item in numbers:
        slug = item if item in slugs else by_number.get(item.zfill(2))
        if slug is None:
            raise ValueError(f"chapters: no chapter {item!r}; choose from {', '.join(s[:2] for s in slugs)}")
        if slug not in chosen:
            chosen.append(slug)
    if not chosen:
        raise ValueError("chapters: name at least one chapter")
    return sorted(chosen)


def prune_toc(toc: dict, dropped: set[str]) -> dict:
    """The table of contents without the dropped chapters and notes; a part left empty goes too."""
    def kept(entry: dict) -> bool:
        return Path(entry["file"]).name not in dropped
    parts = []
    for part in toc["parts"]:
        chapters = []
        for entry in filter(kept, part["chapters"]):
            if "sections" in entry:
                entry = {**entry, "sections": [s for s in entry["sections"] if kept(s)]}
                if not entry["sections"]:
                    del entry["sections"]
            chapters.append(entry)
        if chapters:
            parts.append({**part, "chapters": chapters})
    return {**toc, "parts": parts}


def _target_dropped(target: str, dropped: set[str]) -> bool:
    # Chapter slugs (NN-slug) are unique, so the file name alone tells: chapters/NN-slug.md,
    # ../chapters/NN-slug, or NN-slug.md beside it in instructors/.
    return Path(target.split("#")[0]).stem in dropped


def unlink(text: str, dropped: set[str], titles: dict[str, str]) -> str:
    """Each Markdown link or {doc} role to a dropped page becomes its text (or the page's title)."""
    def markdown(match: re.Match) -> str:
        label, target = match.groups()
        return label if _target_dropped(target, dropped) else match.group(0)

    def doc(match: re.Match) -> str:
        label, target, bare = match.groups()
        target = target or bare
        if not _target_dropped(target, dropped):
            return match.group(0)
        return label or titles.get(Path(target).name, Path(target).name)
    return _DOC_ROLE.sub(doc, _MD_LINK.sub(markdown, text))


def page_title(path: Path) -> str:
    return next((line[2:].strip() for line in path.read_text("utf-8").splitlines()
                 if line.startswith("# ")), path.stem)


def write_subset(chosen: list[str], out: Path) -> list[Path]:
    """Write the copy to ``out`` and return the pages where a link was turned into text."""
    dropped = set(all_slugs()) - set(chosen)
    titles = {slug: page_title(ROOT / "book" / "chapters" / f"{slug}.md") for slug in dropped}
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "book", out / "book", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(ROOT / "exercises", out / "exercises",
                    ignore=shutil.ignore_patterns("autograder", ".otter-tmp", ".ipynb_checkpoints"))
    for folder in CHAPTER_FILES:
        for path in (out / folder).glob("[0-9][0-9]-*"):
            if path.is_file() and path.name.split(".")[0] in dropped:
                path.unlink()
    toc_path = out / "book" / "_toc.yml"
    header = "".join(line for line in toc_path.read_text("utf-8").splitlines(True) if line.startswith("#"))
    toc = prune_toc(yaml.safe_load(toc_path.read_text("utf-8")), dropped)
    toc_path.write_text(header + yaml.safe_dump(toc, sort_keys=False), "utf-8")
    changed = []
    for page in sorted((out / "book").rglob("*.md")):
        text = page.read_text("utf-8")
        new = unlink(text, dropped, titles)
        if new != text:
            page.write_text(new, "utf-8")
            changed.append(page)
    return changed


def turn_off_execution(book: Path) -> None:
    """Build without running any page's code (quick to check; figures and quizzes are missing)."""
    config = book / "_config.yml"
    text = config.read_text("utf-8")
    marker = "  execute_notebooks: force\n"
    if marker not in text:
        raise SystemExit("subset: book/_config.yml no longer has 'execute_notebooks: force'")
    config.write_text(text.replace(marker, '  execute_notebooks: "off"\n'), "utf-8")


def build(out: Path) -> int:
    jb = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run([str(jb), "build", "-W", "-n", "--keep-going", "book"], cwd=out).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="+", help="chapter numbers (01 4 12) or slugs to keep")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it exists)")
    parser.add_argument("--build", action="store_true", help="then build it, warnings as errors")
    parser.add_argument("--no-execute", action="store_true", help="build without running page code")
    args = parser.parse_args(argv)
    try:
        chosen = chosen_slugs(args.chapters, all_slugs())
    except ValueError as error:
        parser.error(str(error))
    if args.out.resolve() in (ROOT, *ROOT.parents):
        parser.error("--out must be a new folder, not the repository or above it")
    changed = write_subset(chosen, args.out)
    print(f"subset: {args.out} keeps {', '.join(chosen)}")
    for page in changed:
        print(f"  links to left-out chapters made plain text in {page.relative_to(args.out)}")
    if args.no_execute:
        turn_off_execution(args.out / "book")
    if not args.build:
        return 0
    code = build(args.out)
    print(f"subset: build {'succeeded' if code == 0 else 'FAILED'}: {args.out / 'book/_build/html'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
