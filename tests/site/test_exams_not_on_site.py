"""The instructors' exam banks (book/exams) never reach the built site.

Students practise on the public quizzes; an exam set for marks must be one they have not seen.
Every text file of the built site (pages, search index, page sources, downloads) is searched for
every exam question. The same search must find the public quiz questions on the chapter pages
that are built, which shows that it would find an exam question if one were published.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMS = sorted((ROOT / "book" / "exams").glob("*.json"))
QUIZZES = sorted((ROOT / "book" / "quizzes").glob("*.json"))
TEXT_SUFFIXES = {".html", ".js", ".json", ".txt", ".md", ".ipynb", ".xml", ".inv", ".csv", ".gift"}


def normalise(text: str) -> str:
    """Letters and digits only: markup, escapes and typography cannot hide a question."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)  # JSON escapes
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.replace("’", "'").lower()).split())


def _questions(paths: list[Path]) -> list[tuple[str, int, str]]:
    return [(path.stem, n, normalise(q["question"]))
            for path in paths for n, q in enumerate(json.loads(path.read_text("utf-8"))["questions"], start=1)]


@pytest.fixture(scope="module")
def site_text(built_site: Path) -> dict[str, str]:
    files = [p for p in built_site.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    assert files, f"no built site at {built_site}"
    return {str(p.relative_to(built_site)): normalise(p.read_text("utf-8", errors="replace")) for p in files}


def test_no_exam_bank_file_is_published(built_site: Path):
    published = [p for p in built_site.rglob("*") if "exam" in p.name.lower() and p.suffix in {".json", ".zip", ".txt"}]
    assert published == []
    assert not (built_site / "exams").exists() and not (built_site / "_downloads" / "exams").exists()


def test_no_page_of_the_site_contains_an_exam_question(site_text: dict[str, str]):
    if not EXAMS:
        pytest.skip("no exam banks yet")
    found = [f"exam {chapter} Q{n} is in {page}"
             for chapter, n, question in _questions(EXAMS)
             for page, text in site_text.items() if question in text]
    assert found == []


def test_the_search_finds_the_public_quiz_questions_on_their_chapter_pages(site_text: dict[str, str]):
    """The check above is only as good as its search: it must find the quiz questions that
    the chapters show, however jupyterquiz escapes them."""
    built = [path for path in QUIZZES if f"chapters/{path.stem}.html" in site_text]
    assert built, "no chapter page with a quiz was built"
    for chapter, n, question in _questions(built):
        assert question in site_text[f"chapters/{chapter}.html"], f"quiz {chapter} Q{n} not found on its page"
