"""Chapter quizzes: load ``book/quizzes/<chapter>.json``, check it, show it with jupyterquiz.

The JSON schema (``quiz_schema.json``) checks the shape; :func:`problems` checks what a
schema cannot: at least one correct answer per question (exactly one for multiple choice),
every question's objective exists, and every objective is checked by some question.
The quiz runs in the reader's browser and sends nothing anywhere; on the site, answers are
remembered only if the reader turns on "Remember my answers on this device".
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from belonging.present.item_writing import bank_cues

#: Colours with at least 4.5:1 contrast for the text on them (WCAG AA).
QUIZ_COLOURS = {
    "--jq-multiple-choice-bg": "#1f4e79",
    "--jq-many-choice-bg": "#6b2d5c",
    "--jq-mc-button-bg": "#ffffff",
    "--jq-mc-button-border": "#5f6b7a",
    "--jq-mc-button-inset-shadow": "#555555",
    "--jq-incorrect-color": "#a31515",
    "--jq-correct-color": "#0b6e2f",
    "--jq-text-color": "#ffffff",
    "--jq-link-color": "#cfe3ff",
}


class QuizError(ValueError):
    """A quiz file that would mislead learners; the message lists every problem."""


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("belonging.present").joinpath("quiz_schema.json").read_text("utf-8"))


def find_quiz(chapter: str, start: Path | None = None) -> Path:
    """Find ``book/quizzes/<chapter>.json`` from the working directory upwards.

    Chapters execute in ``book/chapters`` and exercises in ``exercises``, so searching
    upwards finds the same bank from both.
    """
    here = (start or Path.cwd()).resolve()
    repository = Path(__file__).resolve().parents[3]  # an editable install's checkout
    for folder in (here, *here.parents, repository):
        for candidate in (folder / "book" / "quizzes", folder / "quizzes"):
            path = candidate / f"{chapter}.json"
            if path.is_file():
                return path
    raise FileNotFoundError(f"no quiz bank named {chapter}.json in a book/quizzes folder above {here}")


def problems(bank: dict) -> list[str]:
    """Every way this bank breaks the course's quiz rules (empty when it is sound)."""
    found = [f"{'/'.join(map(str, e.path)) or 'quiz'}: {e.message}"
             for e in jsonschema.Draft202012Validator(schema()).iter_errors(bank)]
    if found:
        return found
    objectives = set(bank["objectives"])
    checked = set()
    for i, q in enumerate(bank["questions"], start=1):
        n_correct = sum(a["correct"] for a in q["answers"])
        if n_correct == 0:
            found.append(f"question {i}: no answer is marked correct")
        if q["type"] == "multiple_choice" and n_correct > 1:
            found.append(f"question {i}: multiple_choice must have exactly one correct answer")
        if q["objective"] not in objectives:
            found.append(f"question {i}: objective {q['objective']} is not one of the chapter's objectives")
        checked.add(q["objective"])
    for missing in sorted(objectives - checked):
        found.append(f"objective {missing} is not checked by any question")
    return found


def answer_cues(bank: dict) -> list[str]:
    """Cues that let a test-wise reader score without reading (empty when there are none).

    Item-writing practice: across a bank's single-answer questions the correct option should
    not sit mostly in one position, nor be mostly the longest option. The site shuffles the
    options, but printed papers and LMS exports keep the bank's order, so the bank itself must
    be balanced (and, from belonging.present.item_writing, select-all positions and
    absolute words). Allowed: at most half of the questions (at least 2) with the correct option in
    any one position, and at most 40% (at least 1) where it is strictly the longest.
    """
    single = [q for q in bank["questions"] if q["type"] == "multiple_choice"]
    found: list[str] = []
    if len(single) < 3:
        return found + bank_cues(bank)
    positions = [next(i for i, a in enumerate(q["answers"]) if a["correct"]) for q in single]
    most = max(set(positions), key=positions.count)
    if positions.count(most) > max(2, len(single) // 2):
        found.append(f"the correct option is option {most + 1} in {positions.count(most)} of "
                     f"{len(single)} single-answer questions: vary its position")
    longest = 0
    for q in single:
        lengths = [len(a["answer"]) for a in q["answers"]]
        right = next(i for i, a in enumerate(q["answers"]) if a["correct"])
        longest += all(lengths[right] > n for i, n in enumerate(lengths) if i != right)
    if longest > max(1, int(0.4 * len(single))):
        found.append(f"the correct option is the longest in {longest} of {len(single)} single-answer "
                     "questions: balance the lengths of the options")
    return found + bank_cues(bank)


def load_quiz(chapter: str, start: Path | None = None) -> dict:
    bank = json.loads(find_quiz(chapter, start).read_text("utf-8"))
    errors = problems(bank)
    if errors:
        raise QuizError(f"quiz {chapter} has problems:\n- " + "\n- ".join(errors))
    return bank


def to_jupyterquiz(bank: dict) -> list[dict]:
    """jupyterquiz's own format: the same questions without our bookkeeping fields."""
    return [{k: v for k, v in q.items() if k != "objective"} for q in bank["questions"]]


#: jupyterquiz falls back to fetching MathJax from a CDN if MathJax is half-loaded. The site
#: serves its own MathJax, and no page may call a third-party host, so that line is disabled.
_CDN_FALLBACK = "script.src = 'https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-svg.js';"
_NO_FALLBACK = "return; /* no CDN: the site serves its own MathJax */"


def quiz_parts(chapter: str) -> tuple[str, str]:
    """The quiz's HTML container and its script, built by jupyterquiz's own renderer."""
    from jupyterquiz.dynamic.loader import load_questions_script
    from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div

    div_id = "quiz" + re.sub(r"[^a-z0-9]", "", chapter.lower())  # stable across builds
    prefix, static, url = load_questions_script(to_jupyterquiz(load_quiz(chapter)), div_id)
    container = render_div(div_id, False, True, False, 1_000_000, 760, 10, "left") + "</div>"
    # The site's progress store (book/_static/belonging-progress.js) records answers per
    # chapter; it finds the chapter here and each question's text in questions<div_id>.
    container = container.replace(f'<div id="{div_id}" ',
                                  f'<div id="{div_id}" data-belonging-chapter="{html.escape(chapter)}" ', 1)
    script = build_script(prefix, static, url, div_id, True)
    if _CDN_FALLBACK not in script:
        raise RuntimeError("jupyterquiz changed its MathJax fallback: review quiz.py before upgrading it")
    script = script.replace(_CDN_FALLBACK, _NO_FALLBACK)
    return container + build_styles(div_id, QUIZ_COLOURS), script


def show_quiz(chapter: str) -> None:
    """Display the chapter's quiz (works in Jupyter and on the static site)."""
    from IPython.display import HTML, Javascript, display

    container, script = quiz_parts(chapter)
    display(HTML(container))
    display(Javascript(script))
