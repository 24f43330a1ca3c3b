"""Chapter 9 (Subjective interpretations): its checks, answer key and quoted numbers match the model."""
from pathlib import Path

import numpy as np

from belonging import loneliness_loop as ll
from belonging.exercises import CORRECT, RECORDED, ch09
from belonging.exercises.generate import hidden_tests
from belonging.figures import loneliness_loop as figures

ROOT = Path(__file__).resolve().parents[1]
SLUG = "09-subjective-interpretations"


def _section(path: Path, heading: str) -> str:
    return path.read_text("utf-8").split(heading, 1)[1].split("\n## ", 1)[0]


def test_checks_accept_model_answers_and_reject_near_misses():
    run = ll.simulate(0.7, seed=3)
    gap = float(np.nanmean(run.true_valence[1:] - run.perceived_valence[1:]))
    assert ch09.check_q1(gap) == CORRECT
    assert ch09.check_q1(np.float64(gap)) == CORRECT
    for near in (gap + 0.02, -gap, float(np.nanmean(run.true_valence[1:])), float(np.nanmean(run.perceived_valence[1:]))):
        assert ch09.check_q1(near) != CORRECT

    tipping = next(b for b in [i / 10 for i in range(11)] if ll.simulate(b, seed=3).loneliness[-1] > 0.5)
    assert ch09.check_q2(tipping) == CORRECT
    assert ch09.check_q2(np.arange(0, 1.05, 0.1)[round(tipping * 10)]) == CORRECT  # float noise from arange
    assert ch09.check_q2(round(tipping - 0.1, 1)) != CORRECT
    assert ch09.check_q2(round(tipping + 0.1, 1)) != CORRECT

    count = sum(ll.simulate(0.6, start_loneliness=0.3, seed=s).loneliness[-1] > 0.5 for s in range(20))
    assert ch09.check_q3(count) == CORRECT and ch09.check_q3(np.int64(count)) == CORRECT
    assert ch09.check_q3(count + 1) != CORRECT
    default_start = sum(ll.simulate(0.6, seed=s).loneliness[-1] > 0.5 for s in range(20))
    assert "default starting loneliness" in ch09.check_q3(default_start)

    assert ch09.check_q4(" (B) ") == RECORDED and hidden_tests("09")["q4"]["key"] == "c"
    assert ch09.check_q4("a") != CORRECT and ch09.check_q4("c") != CORRECT


def test_the_models_story_holds_for_the_checks():
    """The exercise teaches a threshold and a setback effect: both must exist in the model."""
    assert ch09.tipping_bias() is not None
    assert ch09.still_lonely(0.6, 0.3) < ch09.still_lonely(0.6, 0.6)


def test_instructor_exercise_key_matches_the_model():
    key = _section(ROOT / "book" / "instructors" / f"{SLUG}.md", "## Answer key: chapter exercise")
    assert f"**{ch09.tipping_bias():g}**" in key
    assert f"**{ch09.still_lonely(0.6, 0.3)}** of 20" in key
    assert f"**{ch09.still_lonely(0.6, 0.6)}** of 20" in key


def test_instructor_notebook_key_matches_the_checks():
    key = _section(ROOT / "keys" / f"{SLUG}.md", "## Answer key: exercise notebook")
    assert f"**{ch09.felt_gap():.2f}**" in key and ch09.check_q1(ch09.felt_gap()) == CORRECT
    assert f"**{ch09.tipping_bias():g}**" in key
    assert f"**{ch09.still_lonely(0.6, 0.3)}** of the 20" in key and f"against {ch09.still_lonely(0.6, 0.6)} of 20" in key
    assert "**(c)**" in key and hidden_tests("09")["q4"]["key"] == "c"


def test_numbers_quoted_in_the_chapter_match_the_model():
    chapter = (ROOT / "book" / "chapters" / f"{SLUG}.md").read_text("utf-8")
    high = ll.simulate(figures.HIGH_BIAS, seed=figures.STORY_SEED)
    low = ll.simulate(figures.LOW_BIAS, seed=figures.STORY_SEED)
    assert round(float(np.nanmean(high.true_valence[1:])), 2) == 0.35 and "+0.35" in chapter
    assert abs(float(np.nanmean(high.perceived_valence[1:])) + 0.25) < 0.01 and "−0.25" in chapter
    # "The real line is also a little lower than A's"
    assert 0.05 < float(np.nanmean(low.true_valence[1:]) - np.nanmean(high.true_valence[1:])) < 0.25
    assert "a little lower than A's" in chapter
    # "At 0.5, B still recovers, only more slowly; at 0.6, B does not recover at all."
    at_half = ll.simulate(0.5, seed=figures.STORY_SEED).loneliness
    assert at_half[-1] < 0.2 and min(w for w in range(53) if at_half[w] < 0.3) > 10
    assert min(ll.simulate(0.6, seed=figures.STORY_SEED).loneliness) > 0.3
    assert "At 0.5, B still recovers, only more slowly; at 0.6, B does not recover at all." in chapter
    # twenty people, "the same step, between 0.5 and 0.6": none lonely at <= 0.4, one at 0.5, all at >= 0.6
    assert [ch09.still_lonely(b, 0.6) for b in (0.4, 0.5, 0.6, 1.0)] == [0, 1, 20, 20]
    assert "the same step, between 0.5 and 0.6" in chapter
    # a friendlier environment: year-end loneliness at bias 0.7 falls from about 0.92 to about 0.08
    end = lambda f: np.mean([ll.simulate(0.7, friendliness=f, seed=s).loneliness[-1] for s in range(20)])
    assert abs(end(0.7) - 0.92) < 0.01 and abs(end(0.9) - 0.08) < 0.01
    assert "from about 0.92 to about 0.08" in chapter
