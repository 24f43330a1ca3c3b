"""Chapter quizzes: load ``book/quizzes/<chapter>.json``, check it, show it.

On the site (a Jupyter Book build, see :data:`SITE_BUILD`) the quiz is the course's own
component, :func:`quiz_html`: each question a fieldset named by the question, arrows that move
between options without answering, an answer only on Space, Enter or a click (Check for
select-all), and feedback that starts with "Correct" or "Not quite" in a polite live region
(``book/_static/belonging-quiz.js`` and ``.css``). In a notebook it is jupyterquiz, as before.

The JSON schema (``quiz_schema.json``) checks the shape; :func:`problems` checks what a
schema cannot: at least one correct answer per question (exactly one for multiple choice),
every question's objective exists, and every objective is checked by some question.
The quiz runs in the reader's browser and sends nothing anywhere; on the site, answers are
remembered only if the reader turns on "Remember my answers on this device".
"""
from __future__ import annotations

import html
import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from belonging.pages.item_writing import bank_cues

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
    return json.loads(resources.files("belonging.pages").joinpath("quiz_schema.json").read_text("utf-8"))


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
    be balanced (and, from belonging.pages.item_writing, select-all positions and
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

    div_id = quiz_id(chapter)
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


def quiz_id(chapter: str) -> str:
    """The quiz container's id, stable across builds (make_pdf finds the quiz by it)."""
    return "quiz" + re.sub(r"[^a-z0-9]", "", chapter.lower())


def _option_html(name: str, index: int, kind: str, answer: dict) -> str:
    ident = f"{name}-{index}"
    return (f'<div class="belonging-quiz-option"><input type="{kind}" name="{name}" id="{ident}" value="{index}" '
            f'data-correct="{"true" if answer["correct"] else "false"}" '
            f'data-feedback="{html.escape(answer["feedback"])}">'
            f'<label for="{ident}">{html.escape(answer["answer"])}</label></div>')


def _question_html(div_id: str, index: int, total: int, question: dict) -> str:
    """One question: a fieldset named by its legend (radiogroup for one answer, group for
    select-all), its options, a Check button for select-all, and a polite live region."""
    name = f"{div_id}-q{index}"
    many = question["type"] == "many_choice"
    ask = "Then choose Check." if "all that apply" in question["question"].lower() else \
        "Select every answer that applies, then choose Check."
    hint = f'<span class="belonging-quiz-hint">{ask}</span>' if many else ""
    options = "".join(_option_html(name, i, "checkbox" if many else "radio", a)
                      for i, a in enumerate(question["answers"]))
    check = '<button type="button" class="belonging-button belonging-quiz-check">Check</button>' if many else ""
    return (f'<fieldset class="belonging-quiz-question" id="{name}" data-qnum="{index}" '
            f'data-type="{question["type"]}" role="{"group" if many else "radiogroup"}" '
            f'aria-labelledby="{name}-legend">'
            f'<legend id="{name}-legend"><span class="belonging-quiz-count">Question {index + 1} of {total}. </span>'
            f'<span class="belonging-quiz-text">{html.escape(question["question"])}</span>{hint}</legend>'
            f'<div class="belonging-quiz-options">{options}</div>{check}'
            f'<div class="belonging-quiz-feedback" role="status" aria-live="polite"></div></fieldset>')


def quiz_html(chapter: str) -> str:
    """The site's quiz: the same bank as jupyterquiz's, as plain HTML that
    ``book/_static/belonging-quiz.js`` brings to life (no inline script). Without the script the
    questions and options still read and print; choosing shows nothing."""
    questions = load_quiz(chapter)["questions"]
    div_id = quiz_id(chapter)
    body = "".join(_question_html(div_id, i, len(questions), q) for i, q in enumerate(questions))
    return (f'<div id="{div_id}" class="belonging-quiz" data-belonging-chapter="{html.escape(chapter)}" '
            f'data-state="static"><noscript><p>Choosing an answer shows its feedback only with JavaScript on.</p>'
            f'</noscript>{body}</div>')


#: Set by the site's Sphinx extension (book/_ext/belonging_site.py) for the kernels that run the
#: chapters while the book is built; in a notebook it is unset and the quiz is jupyterquiz.
SITE_BUILD = "BELONGING_SITE_BUILD"


def show_quiz(chapter: str) -> None:
    """Display the chapter's quiz: the course's own component on the site, jupyterquiz in Jupyter."""
    from IPython.display import HTML, Javascript, display

    if os.environ.get(SITE_BUILD) == "1":
        display(HTML(quiz_html(chapter)))
        return
    container, script = quiz_parts(chapter)
    display(HTML(container))
    display(Javascript(script))
