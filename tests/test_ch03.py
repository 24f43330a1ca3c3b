"""Chapter 3: the exercise checks accept model-computed answers and reject near misses, and the
instructor's exercise key quotes the model's numbers."""
from pathlib import Path

from belonging import needs
from belonging.exercises import CORRECT, RECORDED, ch03
from belonging.exercises.generate import hidden_tests

ROOT = Path(__file__).resolve().parents[1]


def test_q1_accepts_the_independent_well_being_and_rejects_the_strict_one():
    levels = dict(basic=0.2, belonging=0.8, esteem=0.5, autonomy=0.5)
    right = needs.well_being(**levels, prepotency=needs.INDEPENDENT)
    strict = needs.well_being(**levels, prepotency=needs.STRICT)
    assert ch03.check_q1(right) == CORRECT
    assert ch03.check_q1(round(right, 2)) == CORRECT
    assert "prepotency=0" in ch03.check_q1(strict)
    assert ch03.check_q1(right + 0.05) != CORRECT
    assert "0 to 10" in ch03.check_q1(11)


def test_q2_accepts_the_strict_gain_and_explains_the_likely_mix_ups():
    right = needs.belonging_gain(0.6, prepotency=needs.STRICT)
    assert ch03.check_q2(right) == CORRECT
    assert "prepotency=1" in ch03.check_q2(needs.belonging_gain(0.6, prepotency=needs.INDEPENDENT))
    full = needs.well_being(basic=0.6, belonging=1.0, prepotency=needs.STRICT)
    assert "not what belonging adds" in ch03.check_q2(full)
    assert ch03.check_q2(right + 0.1) != CORRECT


def test_q3_accepts_the_first_level_where_belonging_counts_and_rejects_its_neighbours():
    grid = [round(0.05 * i, 2) for i in range(21)]
    first = next(b for b in grid if needs.belonging_gain(b, prepotency=needs.STRICT) > 0)
    assert first > needs.EMERGES  # at the threshold itself belonging still adds nothing
    assert ch03.check_q3(first) == CORRECT
    below, above = round(first - 0.05, 2), round(first + 0.05, 2)
    assert "adds nothing" in ch03.check_q3(below)
    assert "lower level" in ch03.check_q3(above)
    assert ch03.check_q3(1.5) != CORRECT


def test_q4_accepts_independent_contributions_only():
    assert ch03.check_q4(" (B) ") == RECORDED and hidden_tests("03")["q4"]["key"] == "c"
    assert ch03.check_q4("a") != CORRECT and ch03.check_q4("c") != CORRECT


def _fmt(value: float) -> str:
    return f"{round(value, 2):g}"


def test_chapter_three_exercise_key_matches_the_model():
    notes = (ROOT / "book" / "instructors" / "03-programmed-to-connect.md").read_text("utf-8")
    key = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for basic in (0.2, 0.5, 0.9):
        assert f"**{_fmt(needs.belonging_gain(basic, prepotency=needs.INDEPENDENT))}**" in key
        assert f"**{_fmt(needs.belonging_gain(basic, prepotency=needs.STRICT))}**" in key, basic
    chapter = (ROOT / "book" / "chapters" / "03-programmed-to-connect.md").read_text("utf-8")
    solution = chapter.split("````{solution} ch03-ex1", 1)[1]
    for basic in (0.2, 0.5, 0.9):
        assert f"**{_fmt(needs.belonging_gain(basic, prepotency=needs.STRICT))}**" in solution, basic
