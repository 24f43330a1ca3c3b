"""Exam banks (book/exams): one per chapter, for instructors to set for marks.

They follow the quiz banks' schema and rules (feedback on every option, objectives copied from
the chapter, no answer given away by position or length), but they are a different set of
questions: no exam question may repeat a public self-check question, and no exam bank may
reach the website. (A built site is checked in tests/site/test_exams_not_on_site.py.)
"""
import copy
import difflib
import json
import re
from pathlib import Path

import pytest
import yaml

from belonging.pages import quiz

ROOT = Path(__file__).resolve().parents[2]
QUIZZES = sorted((ROOT / "book" / "quizzes").glob("*.json"))
EXAM_DIR = ROOT / "book" / "exams"
EXAMS = sorted(EXAM_DIR.glob("*.json"))
MIN_QUESTIONS = 10


def _load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: punctuation and typography
    (curly or straight quotes, dashes) cannot hide a copied question."""
    text = text.replace("’", "'").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def chapter_objectives(chapter_text: str) -> dict[str, str]:
    """The numbered items of the chapter's 'Learning objectives' admonition, as LO1, LO2, ..."""
    match = re.search(r"```\{admonition\} Learning objectives\n(.*?)\n```", chapter_text, flags=re.S)
    assert match, "the chapter has no Learning objectives admonition"
    items = re.findall(r"^\s*(\d+)\.\s+(.*(?:\n(?!\s*\d+\.\s).*)*)", match.group(1), flags=re.M)
    return {f"LO{n}": " ".join(text.split()) for n, text in items}


def copies(exam_q: dict, public_q: dict) -> str | None:
    """Why an exam question repeats a public quiz question, or None if it does not.

    A repeat is the same question text (after normalising), a near-identical rewording
    (similarity of 0.9 or more), or the same options: more than half of the exam question's
    options appear word for word among the public question's options.
    """
    a, b = normalise(exam_q["question"]), normalise(public_q["question"])
    if a == b:
        return "same question text"
    similar = difflib.SequenceMatcher(None, a, b)
    if similar.quick_ratio() >= 0.9 and similar.ratio() >= 0.9:  # quick_ratio bounds ratio from above
        return "near-identical question text"
    public_options = {normalise(x["answer"]) for x in public_q["answers"]}
    shared = sum(normalise(x["answer"]) in public_options for x in exam_q["answers"])
    if shared * 2 > len(exam_q["answers"]):
        return f"{shared} of {len(exam_q['answers'])} options are the public question's"
    return None


def _public_questions() -> list[tuple[str, int, dict]]:
    return [(path.stem, n, q) for path in QUIZZES for n, q in enumerate(_load(path)["questions"], start=1)]


# --- every chapter with a quiz has an exam bank -------------------------------------------------

@pytest.mark.parametrize("quiz_path", QUIZZES, ids=lambda p: p.stem)
def test_every_chapter_with_a_quiz_has_an_exam_bank_of_at_least_ten_questions(quiz_path):
    exam = EXAM_DIR / quiz_path.name
    assert exam.is_file(), f"no exam bank book/exams/{quiz_path.name} for chapter {quiz_path.stem}"
    assert len(_load(exam)["questions"]) >= MIN_QUESTIONS


def test_every_exam_bank_belongs_to_a_chapter():
    chapters = {p.stem for p in (ROOT / "book" / "chapters").glob("*.md")}
    assert {p.stem for p in EXAMS} <= chapters


# --- each bank on its own -----------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_exam_bank_is_sound(path):
    """The quiz schema and rules: a correct answer per question (exactly one for multiple
    choice), feedback on every option, every question's objective one of the chapter's, and
    every objective checked by some question."""
    bank = _load(path)
    assert quiz.problems(bank) == []
    assert bank["chapter"] == path.stem
    assert len(bank["questions"]) >= MIN_QUESTIONS


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_exam_objectives_are_the_chapters_own_word_for_word(path):
    chapter = (ROOT / "book" / "chapters" / f"{path.stem}.md").read_text("utf-8")
    assert _load(path)["objectives"] == chapter_objectives(chapter)


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_every_option_has_its_own_explanatory_feedback(path):
    for number, q in enumerate(_load(path)["questions"], start=1):
        feedback = [normalise(a["feedback"]) for a in q["answers"]]
        assert all(len(f.split()) >= 4 for f in feedback), f"question {number}: feedback too thin to explain"
        assert len(set(feedback)) == len(feedback), f"question {number}: options share feedback"


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_exam_gives_no_answer_away_by_position_or_length(path):
    assert quiz.answer_cues(_load(path)) == []


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_select_all_questions_say_so_and_no_option_is_all_or_none_of_the_above(path):
    for number, q in enumerate(_load(path)["questions"], start=1):
        says_so = "select all that apply" in q["question"].lower()
        assert says_so == (q["type"] == "many_choice"), f"question {number}"
        assert len(q["answers"]) >= 3, f"question {number}: too few options to discriminate"
        for a in q["answers"]:
            assert not re.search(r"\b(all|none|both) of (the|these) (above|options)\b", a["answer"].lower()), \
                f"question {number}: {a['answer']}"


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_no_question_is_asked_twice_in_one_exam(path):
    questions = _load(path)["questions"]
    for i, q in enumerate(questions):
        for j, other in enumerate(questions[i + 1:], start=i + 1):
            assert copies(q, other) is None, f"questions {i + 1} and {j + 1}: {copies(q, other)}"


# --- separate from the public quizzes -----------------------------------------------------------

@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_no_exam_question_repeats_a_public_quiz_question(path):
    """Students practise on the public quizzes, so an exam set for marks must ask other
    questions: not the same text, not a near-copy, and not the same options reworded above."""
    found = []
    for number, q in enumerate(_load(path)["questions"], start=1):
        for chapter, public_number, public in _public_questions():
            why = copies(q, public)
            if why:
                found.append(f"exam Q{number} repeats quiz {chapter} Q{public_number}: {why}")
    assert found == []


def _question(text: str, options: list[str]) -> dict:
    return {"question": text, "type": "multiple_choice", "objective": "LO1",
            "answers": [{"answer": o, "correct": i == 0, "feedback": "because"} for i, o in enumerate(options)]}


def test_copies_catches_a_repeat_in_any_disguise():
    public = _question("Which statement best captures loneliness, as psychologists define it?",
                       ["Feeling your relationships fall short.", "Being alone.", "Having few friends.", "An illness."])
    retyped = _question("which statement best captures  loneliness as psychologists define it", ["a", "b", "c", "d"])
    reworded = _question("Which statement best captures loneliness as psychologists would define it?",
                         ["a", "b", "c", "d"])
    same_options = _question("A new question about something else entirely, with recycled options?",
                             ["Being alone", "having few friends!", "An illness.", "Something new."])
    assert copies(retyped, public) == "same question text"
    assert copies(reworded, public) == "near-identical question text"
    assert "3 of 4 options" in copies(same_options, public)
    fresh = _question("Nadia is surrounded by people. What does the definition predict?",
                      ["Being alone.", "She may be lonely.", "She cannot be lonely.", "Nothing."])
    assert copies(fresh, public) is None  # one shared option out of four is allowed


def test_objectives_are_read_from_the_chapter_admonition():
    text = ("# T\n\n```{admonition} Learning objectives\n:class: tip\nBy the end you will:\n"
            "1. Define a thing\n   over two lines.\n2. Explain another.\n```\n\n1. Not an objective.\n")
    assert chapter_objectives(text) == {"LO1": "Define a thing over two lines.", "LO2": "Explain another."}


def test_problems_catch_an_exam_with_a_missing_feedback_or_an_uncovered_objective():
    bank = copy.deepcopy(_load(EXAMS[0])) if EXAMS else None
    if bank is None:
        pytest.skip("no exam bank yet")
    bank["questions"][0]["answers"][0].pop("feedback")
    assert any("feedback" in p for p in quiz.problems(bank))
    bank = copy.deepcopy(_load(EXAMS[0]))
    for q in bank["questions"]:
        if q["objective"] == "LO2":
            q["objective"] = "LO1"
    assert any("LO2 is not checked" in p for p in quiz.problems(bank))


# --- never on the site --------------------------------------------------------------------------

def test_exam_banks_are_not_part_of_the_book_build():
    """Sphinx reads only the pages in the table of contents (only_build_toc_files), and a JSON
    bank is never a page; a page could still publish a bank by linking it with {download},
    by showing it with show_quiz, or by the table of contents naming it. None may."""
    config = yaml.safe_load((ROOT / "book" / "_config.yml").read_text("utf-8"))
    assert config.get("only_build_toc_files") is True
    assert "exams" not in (ROOT / "book" / "_toc.yml").read_text("utf-8")
    pages = [p for p in (ROOT / "book").rglob("*") if p.suffix in {".md", ".ipynb", ".py", ".html", ".yml"}
             and "_build" not in p.parts]
    for page in pages:
        text = page.read_text("utf-8", errors="replace")
        links = [r"\{download\}`[^`]*exams/",   # {download}`... <../exams/x.json>`
                 r"\]\([^)]*exams/[^)]*\)",     # a Markdown link to a bank or the folder
                 r"(?:href|src)=[\"'][^\"']*exams/"]
        for pattern in links:
            assert not re.search(pattern, text), f"{page} links to book/exams"
    static = [p for p in (ROOT / "book" / "_static").rglob("*") if p.is_file()]
    assert not any("exam" in p.name.lower() for p in static)


def test_show_quiz_cannot_find_an_exam_bank():
    """The chapters' quiz loader looks only in book/quizzes, so a page that calls
    show_quiz cannot pick up an exam bank by mistake."""
    for exam in EXAMS:
        try:
            found = quiz.find_quiz(exam.stem, start=ROOT / "book" / "chapters")
        except FileNotFoundError:  # a chapter whose quiz is not written yet: nothing is shown
            continue
        assert found.parent.name == "quizzes"
