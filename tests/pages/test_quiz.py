"""Quiz banks: shape, honesty of the answer key, objectives covered, nothing leaves the page."""
import copy
import json
import re
from pathlib import Path

import pytest

from belonging.pages import quiz

ROOT = Path(__file__).resolve().parents[2]
BANKS = sorted((ROOT / "book" / "quizzes").glob("*.json"))


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_bank_is_sound(path):
    bank = json.loads(path.read_text("utf-8"))
    assert quiz.problems(bank) == []
    assert bank["chapter"] == path.stem


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_objectives_match_the_chapter_text(path):
    bank = json.loads(path.read_text("utf-8"))
    chapter = (ROOT / "book" / "chapters" / f"{path.stem}.md").read_text("utf-8")
    flat = re.sub(r"\s+", " ", chapter)
    for key, objective in bank["objectives"].items():
        assert objective in flat, f"{key} is not stated in the chapter: {objective}"


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_quiz_html_has_no_third_party_host(path):
    container, script = quiz.quiz_parts(path.stem)
    assert not re.search(r"https?://", container)
    assert "cdn.jsdelivr" not in script and "unpkg" not in script


@pytest.mark.parametrize("path", BANKS + sorted((ROOT / "book" / "exams").glob("*.json")), ids=lambda p: p.stem)
def test_bank_gives_no_answer_away_by_position_or_length(path):
    assert quiz.answer_cues(json.loads(path.read_text("utf-8"))) == []


def _cued_bank(position: int, longest: bool) -> dict:
    answers = lambda right: [{"answer": ("a much longer correct option" if longest and i == right else f"option {i}"),
                              "correct": i == right, "feedback": "f"} for i in range(4)]
    questions = [{"question": f"q{n}", "type": "multiple_choice", "objective": "LO1",
                  "answers": answers(position if position >= 0 else n % 4)} for n in range(8)]
    return {"chapter": "x", "objectives": {"LO1": "o"}, "questions": questions}


def test_answer_cues_catches_a_fixed_position_and_a_longest_correct_option():
    assert any("option 1 in 8 of 8" in p for p in quiz.answer_cues(_cued_bank(0, longest=False)))
    assert any("longest in 8 of 8" in p for p in quiz.answer_cues(_cued_bank(-1, longest=True)))
    assert quiz.answer_cues(_cued_bank(-1, longest=False)) == []


def _bank():
    return json.loads(BANKS[0].read_text("utf-8"))


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (lambda b: b["questions"][0]["answers"][0].pop("feedback"), "feedback"),
        (lambda b: [a.update(correct=False) for a in b["questions"][0]["answers"]], "no answer is marked correct"),
        (lambda b: b["questions"][0].update(objective="LO9"), "not one of the chapter's objectives"),
        (lambda b: [q.update(objective="LO1") for q in b["questions"] if q["objective"] == "LO2"], "LO2 is not checked"),
        (lambda b: b["questions"][0].update(type="essay"), "essay"),
        (lambda b: b.update(questions=b["questions"][:4]), "too short"),
    ],
)
def test_problems_catches_each_broken_rule(break_it, expected):
    bank = copy.deepcopy(_bank())
    break_it(bank)
    found = quiz.problems(bank)
    assert any(expected in p for p in found), found


def test_two_correct_answers_in_a_multiple_choice_question_is_caught():
    bank = copy.deepcopy(_bank())
    q = next(q for q in bank["questions"] if q["type"] == "multiple_choice")
    for a in q["answers"][:2]:
        a["correct"] = True
    assert any("exactly one correct" in p for p in quiz.problems(bank))


def test_load_quiz_refuses_a_broken_bank(tmp_path):
    bank = _bank()
    bank["questions"][0]["answers"][0]["feedback"] = ""
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / f"{bank['chapter']}.json").write_text(json.dumps(bank))
    with pytest.raises(quiz.QuizError, match="feedback"):
        quiz.load_quiz(bank["chapter"], start=tmp_path)
