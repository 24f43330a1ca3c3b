"""The shared multiple-choice check: every chapter's letter questions answer through it."""
from __future__ import annotations

import pytest

from belonging.exercises import RECORDED
from belonging.exercises._feedback import BLANK, judge_choice, letters_named


def test_two_letters_are_named_as_a_pair_and_more_as_a_list():
    assert letters_named("ab") == 'the letter "a" or "b"'
    assert letters_named("abc") == 'one of the letters "a", "b" or "c"'
    assert letters_named("abcd") == 'one of the letters "a", "b", "c" or "d"'


@pytest.mark.parametrize("answer", [..., None])
def test_a_blank_answer_is_asked_for(answer):
    assert judge_choice(answer, "q4", "abc") == BLANK


@pytest.mark.parametrize("answer", ["a", "C", " (b) ", "(c)"])
def test_any_valid_letter_is_recorded_without_saying_whether_it_is_right(answer):
    assert judge_choice(answer, "q4", "abc") == RECORDED


@pytest.mark.parametrize("answer, shown", [("d", "'d' (a str)"), (2, "2 (an int)"),
                                           (["a"], "['a'] (a list)"), ("ab", "'ab' (a str)")])
def test_anything_else_names_the_question_the_letters_and_what_was_given(answer, shown):
    assert judge_choice(answer, "q4", "abc") == f'q4 should be one of the letters "a", "b" or "c"; you gave {shown}.'
