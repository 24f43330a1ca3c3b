"""The exercise notebooks' multiple-choice answers are spread over the letters.

The trial found 12 of the 15 answers were "b": a student who typed "b" everywhere got 12 of
the 15 marks. The answers are read from the solution copies (which the grading tests mark
full), and each literal key in a hidden test must be the solution's letter.
"""
from __future__ import annotations

import re
from collections import Counter

import nbformat

from belonging.exercises.generate import EXERCISES, hidden_tests


def _choices() -> dict[str, str]:
    found = {}
    for path in sorted((EXERCISES / "solutions").glob("[0-9][0-9]-*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            match = re.match(r'(q\d+) = "([a-z])"', cell.source) if cell.cell_type == "code" else None
            if match:
                found[f"{path.name[:2]} {match.group(1)}"] = match.group(2)
    return found


def test_no_letter_answers_more_than_a_third_of_the_questions():
    choices = _choices()
    assert len(choices) == 15
    counts = Counter(choices.values())
    assert max(counts.values()) <= 5, counts  # "b" everywhere used to score 12 of 15
    assert {"a", "b", "c"} <= set(counts)


def test_every_literal_key_is_the_solutions_letter():
    choices = _choices()
    for name, letter in choices.items():
        chapter, question = name.split()
        key = hidden_tests(chapter)[question]["key"]
        assert key in (None, letter), name  # None: the test computes its key from the model
