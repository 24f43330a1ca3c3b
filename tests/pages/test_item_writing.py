"""Banks a test-wise student cannot game (issue 20): select-all positions and absolute words.

The per-bank limits run on every bank through quiz.answer_cues (tests/pages/test_quiz.py);
here, the measures themselves and the limits over all 24 banks together.
"""
import json
from pathlib import Path

import pytest

from belonging.pages import item_writing, quiz

ROOT = Path(__file__).resolve().parents[2]
BANKS = sorted((ROOT / "book" / "quizzes").glob("*.json")) + sorted((ROOT / "book" / "exams").glob("*.json"))


def _option(text, correct):
    return {"answer": text, "correct": correct, "feedback": "f"}


def _select_all(correct_positions, n=4):
    return {"question": "Which apply? Select all that apply.", "type": "many_choice", "objective": "LO1",
            "answers": [_option(f"option {i}", i in correct_positions) for i in range(n)]}


def _bank(questions):
    return {"chapter": "x", "objectives": {"LO1": "o"}, "questions": questions}


@pytest.mark.parametrize("text, absolute", [
    ("Lonely people always choke.", True), ("No one is immune.", True), ("It works only for women.", True),
    ("Overall, small effects.", False), ("Allies help.", False), ("Many people feel this.", False),
])
def test_absolute_words_are_found_as_whole_words(text, absolute):
    assert item_writing.is_absolute(text) is absolute


def test_a_bank_whose_select_all_questions_start_with_a_correct_option_is_caught():
    cued = _bank([_select_all({0, 1}), _select_all({0, 2}), _select_all({0, 3})])
    assert any("first option is correct in 3 of 3" in p for p in item_writing.bank_cues(cued))
    fair = _bank([_select_all({0, 1}), _select_all({2, 3}), _select_all({1, 3})])
    assert item_writing.bank_cues(fair) == []


def test_a_bank_whose_select_all_questions_end_with_a_correct_option_is_caught():
    cued = _bank([_select_all({1, 3}), _select_all({2, 3}), _select_all({0, 3})])
    assert any("last option is correct in 3 of 3" in p for p in item_writing.bank_cues(cued))


def test_over_all_banks_either_end_too_often_or_too_rarely_correct_is_caught():
    always_last = [_bank([_select_all({1, 3})]) for _ in range(10)]
    found = item_writing.all_banks_cues(always_last)
    assert any("last option correct in 10 of 10" in p for p in found)
    assert any("first option correct in 0 of 10" in p for p in found)


def test_a_bank_where_the_hedged_option_is_the_answer_is_caught():
    question = lambda right: {"question": "q", "type": "multiple_choice", "objective": "LO1", "answers": [
        _option("It always happens.", False), _option("It never happens.", False),
        _option("Everyone feels it.", False), _option(right, True)]}
    cued = _bank([question("It often happens.") for _ in range(4)])
    assert any("absolute words" in p for p in item_writing.bank_cues(cued))
    assert any("absolute words" in p for p in quiz.answer_cues(cued))
    fair = _bank([question("It only happens sometimes, and never for everyone.") for _ in range(4)])
    assert not any("absolute words" in p for p in item_writing.bank_cues(fair))


def test_over_all_banks_no_position_or_hedge_answers_unread():
    banks = [json.loads(path.read_text("utf-8")) for path in BANKS]
    assert item_writing.all_banks_cues(banks) == []
