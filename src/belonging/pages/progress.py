"""The "My progress" page: what the reader has done, kept only if they ask.

The store itself lives in the browser (``book/_static/belonging-progress.js``, which defines
``window.BelongingProgress``). This module supplies what the browser cannot know by itself:
the course's chapters, their titles, and the quiz questions and predict-first prompts each one
has, read at build time from the chapters and quiz banks. :func:`progress_page` emits that as
JSON with the page's script (``progress_page.js``) inline, so the page needs no kernel.

Question keys are the store's: the chapter slug, a colon and the FNV-1a 32-bit hash of the
question text with whitespace collapsed, over the text's UTF-16 code units (as JavaScript's
``charCodeAt`` reads them), so a key computed here matches the one the browser computes.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from IPython.display import HTML

from .quiz import load_quiz

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193
_PREDICT_KEY = re.compile(r'\bpredict\(\s*"([a-z0-9][a-z0-9-]*)"')
_CHAPTER = re.compile(r"^\d\d-[a-z0-9-]+$")


def fnv1a(text: str) -> str:
    """FNV-1a (32-bit) of the text's UTF-16 code units, as 8 lowercase hex digits."""
    if not isinstance(text, str):
        raise ValueError(f"text must be a string; got {text!r}")
    units = text.encode("utf-16-le")
    value = _FNV_OFFSET
    for i in range(0, len(units), 2):
        value ^= units[i] | units[i + 1] << 8
        value = (value * _FNV_PRIME) & 0xFFFFFFFF
    return f"{value:08x}"


def question_key(chapter: str, text: str) -> str:
    """The store's id of a quiz question: ``<chapter>:<fnv1a of the collapsed text>``."""
    if not isinstance(chapter, str) or not _CHAPTER.match(chapter):
        raise ValueError(f"chapter must be a chapter slug such as '01-what-belonging-is'; got {chapter!r}")
    return f"{chapter}:{fnv1a(' '.join(str(text).split()))}"


def book_folder(start: Path | None = None) -> Path:
    """The ``book`` folder, found from the working directory upwards (pages execute inside it)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents, Path(__file__).resolve().parents[3]):
        for candidate in (folder, folder / "book"):
            if (candidate / "chapters").is_dir() and (candidate / "quizzes").is_dir():
                return candidate
    raise FileNotFoundError(f"no book folder with chapters/ and quizzes/ at or above {here}")


def chapter_index(book: Path | None = None) -> list[dict]:
    """Every chapter in order: slug, title, link, quiz question keys and predict-first prompt keys."""
    book = book or book_folder()
    chapters = []
    for path in sorted((book / "chapters").glob("[0-9][0-9]-*.md")):
        text = path.read_text("utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
        bank = load_quiz(path.stem, start=book)
        chapters.append({
            "slug": path.stem,
            "title": title,
            "href": f"chapters/{path.stem}.html",
            "questions": [question_key(path.stem, q["question"]) for q in bank["questions"]],
            "predictions": _PREDICT_KEY.findall(text),
        })
    return chapters


def progress_page(book: Path | None = None) -> HTML:
    """The page's container, its chapter data and its script (rendered in the reader's browser)."""
    data = json.dumps(chapter_index(book), ensure_ascii=False).replace("</", "<\\/")
    script = resources.files("belonging.pages").joinpath("static", "progress_page.js").read_text("utf-8")
    return HTML(
        '<div id="belonging-my-progress" class="belonging-my-progress">\n'
        "<p>This page lists what you have done in the course. It needs JavaScript, which your browser "
        "has turned off for this page.</p>\n</div>\n"
        f'<script type="application/json" id="belonging-my-progress-data">{data}</script>\n'
        f"<script>\n{script}\n</script>\n"
    )
