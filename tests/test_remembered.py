"""Exercise checks remember the model runs their expected answers come from (_feedback.remembered)."""
from __future__ import annotations

import pytest

from belonging.exercises import ch10
from belonging.exercises._feedback import remembered


def _counting():
    calls = []

    def compute(x, scale=1):
        calls.append((x, scale))
        if isinstance(x, bool):
            raise ValueError("x must be a number, not True or False")
        if x != x:
            raise ValueError("x must be a number, not NaN")
        return {"value": x * scale}

    return remembered(compute), calls


def test_the_same_arguments_are_computed_once():
    f, calls = _counting()
    assert f(2, scale=3) == {"value": 6} and f(2, scale=3) == {"value": 6}
    assert f(2) == {"value": 2}
    assert calls == [(2, 3), (2, 1)]


def test_an_answer_changed_by_its_caller_changes_no_later_answer():
    f, _ = _counting()
    f(2)["value"] = 99
    assert f(2) == {"value": 2}


def test_arguments_that_cannot_be_remembered_reach_the_model_and_its_message():
    def compute(x):
        raise ValueError(f"x must be a number from 0 to 1; got {x!r}")

    with pytest.raises(ValueError, match=r"x must be a number from 0 to 1; got \[0\.5\]"):
        remembered(compute)([0.5])  # a list is unhashable: not a TypeError from the cache


def test_true_is_not_taken_for_one_and_errors_are_not_remembered():
    f, calls = _counting()
    assert f(1, scale=2) == {"value": 2}
    with pytest.raises(ValueError, match="not True or False"):
        f(True, scale=2)  # equal to 1 as a key, unless keys are typed
    for _ in range(2):
        with pytest.raises(ValueError, match="NaN"):
            f(float("nan"))
    assert len(calls) == 4


def test_a_chapter_helper_gives_the_same_answer_remembered_or_not():
    assert ch10.year_end(0.7) == ch10.year_end.__wrapped__(0.7)
    assert ch10.year_end(0.7) is not ch10.year_end(0.7)  # each caller gets its own copy
