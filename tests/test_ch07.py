"""Chapter 7: the exercise checks accept model-computed answers and reject near misses, and the
instructor's keys and the quiz quote the model's numbers."""
import json
import re
from pathlib import Path

from belonging import risk_regulation as rr
from belonging.exercises import CORRECT, RECORDED, ch07
from belonging.exercises.generate import hidden_tests
from belonging.figures import risk_regulation as figures

ROOT = Path(__file__).resolve().parents[1]
SLUG = "07-balancing-self-protection-and-connection"
GRID = [round(0.05 * i, 2) for i in range(21)]


def _secure(start, **kwargs):
    return sum(rr.simulate(start, seed=s, **kwargs).basin == "secure" for s in range(20))


def test_q1_accepts_the_default_runs_final_regard_and_names_the_likely_mix_ups():
    run = rr.simulate(0.5, partner_warmth=0.6, reassurance=0.0, episodes=80, seed=0)
    right = run.regard[-1]
    assert ch07.check_q1(right) == CORRECT
    assert ch07.check_q1(round(right, 2)) == CORRECT
    assert ch07.check_q1(right + 0.02) != CORRECT
    assert "starts" in ch07.check_q1(0.5)
    assert "dependence" in ch07.check_q1(run.dependence[-1])
    assert "warmth" in ch07.check_q1(run.partner_warmth[-1])
    assert "0 to 1" in ch07.check_q1(1.5)


def test_q2_accepts_the_count_of_secure_runs_and_not_the_self_protective_one():
    basins = [rr.simulate(0.4, seed=s).basin for s in range(20)]
    secure, protective = basins.count("secure"), basins.count("self-protective")
    assert 0 < secure < 20 and secure != protective, "q2 must have an answer that a mix-up cannot hit"
    assert ch07.check_q2(secure) == CORRECT
    assert ch07.check_q2(float(secure)) == CORRECT
    assert "self-protective" in ch07.check_q2(protective)
    assert ch07.check_q2(secure + 1) != CORRECT
    assert "whole number" in ch07.check_q2(secure + 0.5)


def test_q3_accepts_the_smallest_reassurance_and_rejects_its_neighbours():
    first = next(r for r in GRID if _secure(0.2, reassurance=r) == 20)
    assert first > 0, "a doubtful person with no reassurance must not already be secure"
    assert ch07.check_q3(first) == CORRECT
    below, above = round(first - 0.05, 2), round(first + 0.05, 2)
    assert f"only {_secure(0.2, reassurance=below)} of the 20" in ch07.check_q3(below)
    assert "lower level" in ch07.check_q3(above)
    assert ch07.check_q3(1.5) != CORRECT


def test_q4_accepts_chance_order_only():
    assert ch07.check_q4(" (B) ") == RECORDED and hidden_tests("07")["q4"]["key"] == "a"
    assert ch07.check_q4("a") != CORRECT and ch07.check_q4("c") != CORRECT


def _key(section: str) -> str:
    notes = (ROOT / "book" / "instructors" / f"{SLUG}.md").read_text("utf-8")
    return notes.split(section, 1)[1].split("\n## ", 1)[0]


def test_exercise_keys_match_the_model():
    chapter_key = _key("## Answer key: chapter exercise")
    assert f"**{_secure(0.5)}** of the 20" in chapter_key
    charity = next(c for c in GRID if _secure(0.2, charitable_interpretation=c) == 20)
    assert f"**{charity:g}**" in chapter_key
    cold = sum(rr.simulate(0.9, partner_warmth=0.2, seed=s).basin == "self-protective" for s in range(20))
    assert f"**{cold}** of 20" in chapter_key
    notebook_key = (ROOT / "keys" / f"{SLUG}.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    assert f"**{rr.default_run().regard[-1]:.3f}**" in notebook_key
    assert f"**{_secure(0.4)}**" in notebook_key
    assert f"**{next(r for r in GRID if _secure(0.2, reassurance=r) == 20):g}**" in notebook_key


def test_quiz_feedback_quotes_the_models_tipping_points():
    bank = json.loads((ROOT / "book" / "quizzes" / f"{SLUG}.json").read_text("utf-8"))
    text = re.sub(r"\s+", " ", json.dumps(bank))
    assert f"tipping point sits at {figures.tipping_point(0.0):g}" in text
    assert f"with reassurance 0.3 it is {figures.tipping_point(0.3):g}" in text
    assert f"{_secure(0.5)} of 20 end secure" in text
