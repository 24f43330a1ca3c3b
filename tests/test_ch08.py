"""Chapter 8: the exercise checks accept model-computed answers and explain the likely mix-ups,
and every figure the chapter, its solution and the instructor keys quote is the model's."""
import math
from pathlib import Path

import pytest

from belonging import friendship
from belonging.exercises import CORRECT, RECORDED, ch08
from belonging.exercises.generate import hidden_tests
from belonging.exercises._feedback import BLANK
from belonging.figures import friendship as figures

ROOT = Path(__file__).resolve().parents[1]
SLUG = "08-time-talk-and-friendship"


def _text(kind: str) -> str:
    return (ROOT / "book" / kind / f"{SLUG}.md").read_text("utf-8")


def test_q1_accepts_the_weeks_and_names_the_mix_ups():
    right = friendship.weeks_to_stage("casual friend", 4)
    assert ch08.check_q1(right) == CORRECT
    assert "hours at the casual-friend midpoint" in ch08.check_q1(friendship.MIDPOINTS[0])
    assert "school time" in ch08.check_q1(friendship.weeks_to_stage("casual friend", 0, 4))
    assert '"friend"' in ch08.check_q1(friendship.weeks_to_stage("friend", 4))
    assert "negative" in ch08.check_q1(-right)
    assert ch08.check_q1(right + 1) != CORRECT


def test_q2_accepts_the_weighted_hours_and_catches_unweighted_and_swapped():
    right = friendship.weighted_hours(10, 20)
    assert right < 30  # school hours count for less
    assert ch08.check_q2(right) == CORRECT
    assert "counts every hour the same" in ch08.check_q2(30)
    assert "swapped" in ch08.check_q2(friendship.weighted_hours(20, 10))
    assert ch08.check_q2(right + 1) != CORRECT


def test_q3_accepts_the_fewest_hours_and_rejects_both_neighbours():
    fewest = next(h for h in range(61) if friendship.weeks_to_stage("close friend", h) <= 40)
    assert friendship.weeks_to_stage("close friend", fewest - 1) > 40
    assert ch08.check_q3(fewest) == CORRECT
    assert ch08.check_q3(float(fewest)) == CORRECT
    assert "Try more" in ch08.check_q3(fewest - 1)
    assert "find the fewest" in ch08.check_q3(fewest + 1)
    assert "never" in ch08.check_q3(0)
    assert "whole number" in ch08.check_q3(fewest + 0.5)
    assert ch08.check_q3(99) != CORRECT


def test_q4_accepts_only_the_assumption_reading():
    assert ch08.check_q4(" (b) ") == RECORDED and hidden_tests("08")["q4"]["key"] == "b"
    assert "published no weight" in hidden_tests("08")["q4"]["failure_message"]
    assert ch08.check_q4("c") != CORRECT


@pytest.mark.parametrize("check", [ch08.check_q1, ch08.check_q2, ch08.check_q3, ch08.check_q4])
def test_blank_answers_get_the_blank_message(check):
    assert check(...) == BLANK


def test_chapter_quotes_the_models_weeks():
    chapter = _text("chapters")
    pair = {s: friendship.weeks_to_stage(s, 3) for s in ("casual friend", "friend", "close friend")}
    school = friendship.weeks_to_stage("casual friend", 0, 3)
    prose = chapter.split("## Exercise", 1)[0]
    assert f"after about {round(pair['casual friend'])} weeks" in prose
    assert f"friend after {round(pair['friend'])} weeks" in prose
    assert f"close friend after about {round(pair['close friend'])} weeks" in prose
    assert f"casual friendship takes about {round(school)} weeks" in prose
    solution = chapter.split("````{solution} ch08-ex1", 1)[1]
    for weeks in (*pair.values(), school):
        assert f"**{weeks:.1f}**".replace(".0**", "**") in solution, weeks
    for hours, chance in ((175, "0.1"), (200, "0.5"), (225, "0.9")):
        assert f"{friendship.stage_probabilities(hours)['close friend']:.1f}" == chance
        assert f"{chance} at {hours} hours" in solution


def test_chapter_quotes_the_first_friend_simulation():
    chapter = _text("chapters")
    median = figures.median_first_friend_week
    play3, school3 = median(3), median(3, as_play=False)
    assert school3 > 2 * play3  # "more than double the wait"
    assert f"half of the newcomers have a first friend by about week {play3:g}" in chapter
    assert f"half have a first friend only by about week {school3:g}" in chapter
    assert f"at 1 hour a week with each child, half the simulated newcomers have a first friend by about week {median(1):g}" in chapter
    assert f"at 5 hours, by about week {median(5):g}; at 8 hours, by about week {median(8):g}" in chapter
    # Ana's seven weeks: the chapter says about 5 hours a week of play does it
    assert median(5) <= 7 < median(4)
    assert f"the answer is {play3:g} or {school3:g} weeks" in _text("instructors")
    assert f"says {play3:g} weeks or {school3:g}" in chapter
    # the first friend comes sooner than one pair's midpoint, because the quickest of five sets the date
    assert play3 < friendship.weeks_to_stage("casual friend", 3)


def test_close_friend_spread_is_labelled_illustrative():
    chapter = _text("chapters")
    low = friendship.MIDPOINTS[2] - friendship.HALF_WIDTHS[2]
    high = friendship.MIDPOINTS[2] + friendship.HALF_WIDTHS[2]
    sentence = next(s for s in chapter.split(". ") if f"{low:g} to {high:g} hours" in s)
    assert "illustrative" in sentence.lower()
    assert f"{friendship.SCHOOL_WEIGHT:g} as much: that weight is an **assumption of the model**" in chapter


def test_instructor_keys_quote_the_model():
    notes = _text("instructors")
    exercise = notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for weeks in (friendship.weeks_to_stage("casual friend", 3), friendship.weeks_to_stage("close friend", 3),
                  friendship.weeks_to_stage("casual friend", 0, 3)):
        assert f"**{weeks:.1f}**" in exercise
    notebook = (ROOT / "keys" / f"{SLUG}.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    assert f"**{friendship.weeks_to_stage('casual friend', 4):g}**" in notebook
    assert f"**{friendship.weighted_hours(10, 20):g}**" in notebook
    assert f"**{ch08.fewest_hours_for_close_friend()}**" in notebook
    quiz_key = notes.split("## Answer key: quiz", 1)[1]
    assert f"50 ÷ ({friendship.SCHOOL_WEIGHT:g} × 3) ≈ {round(friendship.weeks_to_stage('casual friend', 0, 3))}" in quiz_key


def test_chapter_keeps_the_checklist_items():
    chapter = _text("chapters")
    assert f"{{download}}`the chapter 8 exercise notebook <../../exercises/{SLUG}.ipynb>`" in chapter
    assert (ROOT / "exercises" / f"{SLUG}.ipynb").is_file()
    assert chapter.index("predict(") < chapter.index("friendship.first_friend_explorable()")
    assert "{admonition} Think!" in chapter and "````{exercise}" in chapter and "````{solution}" in chapter
    assert "## Key takeaways" in chapter and "## Further reading" in chapter
    for key in ("hall2019how", "hall2017proposing", "baumeister1995need"):
        assert key in chapter
    assert not math.isinf(figures.median_first_friend_week(1))  # the chapter quotes a week for 1 h/wk
