"""Chapter 12: the exercise checks accept model-computed answers and reject near misses, and the
figures the chapter, its quiz, its solution and the instructor keys quote come from the convoy model."""
import json
import re
from pathlib import Path

from belonging import convoy
from belonging.exercises import CORRECT, RECORDED, ch12
from belonging.exercises.generate import hidden_tests

ROOT = Path(__file__).resolve().parents[1]
SLUG = "12-a-lifelong-pursuit"


def _text(*parts: str) -> str:
    return re.sub(r"\s+", " ", (ROOT.joinpath(*parts)).read_text("utf-8"))


def _shares(selectivity: float = 0.5) -> list[float]:
    c = convoy.expected_convoy(selectivity=selectivity)
    return [old / young for old, young in zip(c.at(80), c.at(25))]


def test_q1_accepts_the_outer_share_and_explains_the_likely_mix_ups():
    inner, middle, outer = _shares()
    assert inner > middle > outer  # the outer circle loses most, as the research found
    assert ch12.check_q1(outer) == CORRECT and ch12.check_q1(round(outer, 2)) == CORRECT
    assert "percentage" in ch12.check_q1(100 * outer)
    assert "Divide the other way" in ch12.check_q1(1 / outer)
    assert "inner circle" in ch12.check_q1(inner) and "middle circle" in ch12.check_q1(middle)
    c = convoy.expected_convoy()
    assert "number of people" in ch12.check_q1(c.at(80)[2])
    assert ch12.check_q1(outer + 0.02) != CORRECT


def test_q2_accepts_the_first_age_below_half_and_rejects_its_neighbours():
    c = convoy.expected_convoy()
    half = c.at(25)[2] / 2
    first = min(a for a in range(25, 91) if c.at(a)[2] < half)
    assert c.at(first - 1)[2] >= half > c.at(first)[2]
    assert ch12.check_q2(first) == CORRECT and ch12.check_q2(float(first)) == CORRECT
    assert "later ages" in ch12.check_q2(first - 1)
    assert "find the first" in ch12.check_q2(first + 1)
    assert "can't be right" in ch12.check_q2(120)
    assert "whole number" in ch12.check_q2(first + 0.5)


def test_q3_accepts_the_short_horizon_outer_circle_and_names_the_missing_argument():
    short = convoy.expected_convoy(selectivity=1, life_horizon=50).at(40)
    long = convoy.expected_convoy(selectivity=1, life_horizon=90).at(40)
    assert short[2] < long[2]  # a short horizon narrows the outer circle early
    assert ch12.check_q3(short[2]) == CORRECT and ch12.check_q3(round(short[2], 1)) == CORRECT
    assert "life_horizon=50" in ch12.check_q3(long[2])
    assert "default person" in ch12.check_q3(convoy.expected_convoy().at(40)[2])
    assert "inner or middle" in ch12.check_q3(short[1])
    assert ch12.check_q3(short[2] + 0.5) != CORRECT


def test_q4_accepts_only_the_research_reading():
    assert ch12.check_q4(" (B) ") == RECORDED and hidden_tests("12")["q4"]["key"] == "a"
    assert ch12.check_q4("a") != CORRECT and ch12.check_q4("c") != CORRECT


def test_chapter_predict_reveal_and_quiz_quote_the_model():
    c = convoy.expected_convoy()
    chapter = _text("book", "chapters", f"{SLUG}.md")
    inner25, middle25, outer25 = c.at(25)
    inner80, middle80, outer80 = c.at(80)
    assert f"from about {round(outer25)} people at 25 to about {round(outer80)} at 80" in chapter
    assert f"from about {round(middle25)} to about {round(middle80)}" in chapter
    assert round(inner25) == round(inner80) == 5 and "about 5 people at every age" in chapter
    assert 0.2 < outer80 / outer25 < 0.3 and "a quarter of its size" in chapter
    assert 0.4 < middle80 / middle25 < 0.6 and "roughly halves" in chapter
    assert convoy.peak_age(c) in range(23, 28) and "mid-twenties" in chapter
    bank = json.loads((ROOT / "book" / "quizzes" / f"{SLUG}.json").read_text("utf-8"))
    right = next(a for q in bank["questions"] if "between age 25 and age 80" in q["question"]
                 for a in q["answers"] if a["correct"])
    assert "about a quarter" in right["answer"]
    assert f"about {round(outer25)} to about {round(outer80)}" in right["feedback"]


def _fmt(value: float) -> str:
    return f"{value:.2f}"


def test_exercise_solution_and_keys_match_the_model():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    solution = chapter.split(f"````{{solution}} ch12-ex1", 1)[1].split("````", 1)[0]
    notes = (ROOT / "book" / "instructors" / f"{SLUG}.md").read_text("utf-8")
    key = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for share in _shares():
        assert f"**{_fmt(share)}**" in solution and f"**{_fmt(share)}**" in key
    for selectivity in (0.0, 1.0):
        outer = _shares(selectivity)[2]
        assert f"**{_fmt(outer)}**" in solution and f"**{_fmt(outer)}**" in key, selectivity
    assert _shares(0.0)[2] > _shares(0.5)[2] > _shares(1.0)[2]  # selectivity narrows the outer circle

    notebook_key = (ROOT / "keys" / f"{SLUG}.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    assert f"**{_fmt(ch12.kept_share(2))}**" in notebook_key
    assert f"**{ch12.first_age_below_half()}**" in notebook_key
    assert f"**{ch12.short_horizon_outer():.1f}**" in notebook_key
    long = convoy.expected_convoy(selectivity=1, life_horizon=90).at(40)[2]
    assert f"about {long:.1f}" in notebook_key
