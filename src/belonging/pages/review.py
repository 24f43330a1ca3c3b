"""The review page's questions: every chapter's public quiz bank, gathered into one JSON file.

The site's review page (``book/review.md``, run by ``book/_static/belonging-review.js``) offers
cumulative retrieval practice across chapters. It needs every chapter's questions on one page,
with each option's feedback, so the build (``book/_ext/belonging_site.py``) writes the file
:data:`FILENAME` into the site's ``_static`` folder from :func:`review_bank`.

Only the public banks in ``book/quizzes`` are read. The instructors' exam banks (``book/exams``)
must never reach the site, so a folder that is not named ``quizzes`` is refused.
"""
from __future__ import annotations

import json
from pathlib import Path

from belonging.pages.quiz import QuizError, problems

#: The file the review page fetches, written next to its script (its name must not contain
#: "exam": the site tests treat any such file as a leaked exam bank).
FILENAME = "review-questions.json"
FORMAT = "belonging-review"
#: The question types belonging-review.js can ask (radio buttons, checkboxes). A type the quiz
#: schema gains must be taught to the page before a bank may use it.
PAGE_TYPES = ("multiple_choice", "many_choice")


def _bank(path: Path) -> dict:
    bank = json.loads(path.read_text("utf-8"))
    found = problems(bank)
    if found:
        raise QuizError(f"quiz {path.stem} has problems:\n- " + "\n- ".join(found))
    if bank["chapter"] != path.stem:
        raise QuizError(f"quiz {path.name} names chapter {bank['chapter']!r}, not its file name")
    return bank


def _question(q: dict) -> dict:
    """What the page needs to ask a question and explain every option: no objective tags."""
    if q["type"] not in PAGE_TYPES:
        raise QuizError(f"the review page cannot ask {q['type']} questions yet: {q['question'][:60]}")
    return {
        "question": q["question"],
        "type": q["type"],
        "answers": [{"answer": a["answer"], "correct": a["correct"], "feedback": a["feedback"]}
                    for a in q["answers"]],
    }


def review_bank(quiz_dir: Path, titles: dict[str, str] | None = None) -> dict:
    """Every chapter quiz in ``quiz_dir`` (``NN-slug.json``), in chapter order, checked.

    ``titles`` maps a chapter's page name (``chapters/NN-slug``) to its title; a chapter
    without one is named by its slug. Raises ValueError when ``quiz_dir`` is not a folder
    named ``quizzes`` or holds no bank, and :class:`QuizError` for a bank with problems.
    """
    quiz_dir = Path(quiz_dir)
    if quiz_dir.name != "quizzes" or not quiz_dir.is_dir():
        raise ValueError(f"quiz_dir must be the public quiz folder (named 'quizzes'); got {quiz_dir}")
    paths = sorted(quiz_dir.glob("[0-9][0-9]-*.json"))
    if not paths:
        raise ValueError(f"quiz_dir must hold chapter banks named NN-slug.json; none in {quiz_dir}")
    titles = titles or {}
    chapters = []
    for path in paths:
        bank = _bank(path)
        slug = bank["chapter"]
        chapters.append({
            "chapter": slug,
            "number": int(slug[:2]),
            "title": titles.get(f"chapters/{slug}", slug),
            "url": f"chapters/{slug}.html",
            "questions": [_question(q) for q in bank["questions"]],
        })
    return {"format": FORMAT, "chapters": chapters}


def write_review_bank(quiz_dir: Path, static_dir: Path, titles: dict[str, str] | None = None) -> Path:
    """Write :func:`review_bank` to ``static_dir / FILENAME`` and return its path."""
    target = Path(static_dir) / FILENAME
    target.parent.mkdir(parents=True, exist_ok=True)
    bank = review_bank(quiz_dir, titles)
    target.write_text(json.dumps(bank, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return target
