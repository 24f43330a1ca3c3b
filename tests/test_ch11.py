"""Chapter 11: the exercise checks accept model-computed answers and answer the likely mix-ups,
and every figure the chapter, its solution, its quiz and its instructor keys quote is recomputed
from the models (convoy, weak ties, social support)."""
import json
from pathlib import Path

import numpy as np
import pytest

from belonging import convoy, support, weak_ties
from belonging.exercises import CORRECT, RECORDED, ch11
from belonging.exercises.generate import hidden_tests
from belonging.figures import support as support_figures
from belonging.figures import weak_ties as weak_ties_figures

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = (ROOT / "book" / "chapters" / "11-related-ideas.md").read_text("utf-8")
NOTES = (ROOT / "book" / "instructors" / "11-related-ideas.md").read_text("utf-8")
QUIZ = json.loads((ROOT / "book" / "quizzes" / "11-related-ideas.json").read_text("utf-8"))


def _fmt(value: float) -> str:
    return f"{round(value, 2):g}"


# --- the notebook checks -------------------------------------------------------------------

def test_q1_accepts_the_outer_circle_drop_and_names_the_other_circles():
    average = convoy.expected_convoy()
    young, old = average.at(25), average.at(80)
    right = young[2] - old[2]
    assert right > 10 * abs(young[0] - old[0])  # the outer circle shrinks, the inner barely moves
    assert ch11.check_q1(right) == CORRECT and ch11.check_q1(round(right, 2)) == CORRECT
    assert "wrong sign" in ch11.check_q1(-right)
    assert "inner circle" in ch11.check_q1(young[0] - old[0])
    assert "whole network" in ch11.check_q1(sum(young) - sum(old))
    assert "one age" in ch11.check_q1(old[2])
    assert ch11.check_q1(right + 0.5) != CORRECT


def test_q2_accepts_the_buffering_benefit_and_explains_the_mix_ups():
    right = support.expected_distress(0.8, 0.5, 0) - support.expected_distress(0.8, 0.5, 1)
    assert right > 0
    assert ch11.check_q2(right) == CORRECT
    assert "wrong sign" in ch11.check_q2(-right)
    at_full_stress = support.expected_distress(1, 0.5, 0) - support.expected_distress(1, 0.5, 1)
    assert "stress 1" in ch11.check_q2(at_full_stress)
    integration = support.expected_distress(0.8, 0, 0.5) - support.expected_distress(0.8, 1, 0.5)
    assert "main effect" in ch11.check_q2(integration)
    assert ch11.check_q2(right + 0.1) != CORRECT


def test_q3_accepts_the_first_step_where_half_of_group_b_has_heard():
    run = weak_ties.default_run()
    first = next(step for step, share in enumerate(run.share_b) if share >= 0.5)
    assert run.share_b[first - 1] < 0.5
    assert ch11.check_q3(first) == CORRECT and ch11.check_q3(float(first)) == CORRECT
    assert "group A" in ch11.check_q3(next(s for s, x in enumerate(run.share_a) if x >= 0.5))
    assert "too late" in ch11.check_q3(first + 1)
    assert "a little later" in ch11.check_q3(first - 2)
    assert "share" in ch11.check_q3(0.5)
    assert ch11.check_q3(first + 3) != CORRECT


def test_q4_accepts_perceived_support_only():
    assert ch11.check_q4(" (B) ") == RECORDED and hidden_tests("11")["q4"]["key"] == "c"
    assert ch11.check_q4("a") != CORRECT and ch11.check_q4("c") != CORRECT


# --- figures quoted in the chapter, recomputed ---------------------------------------------

def test_convoy_figures_in_the_prose_and_the_predict_reveal():
    average = convoy.expected_convoy()
    assert f"peaks at age {convoy.peak_age(average)}" in CHAPTER
    assert f"about {round(sum(average.at(25)))} people across the three circles at 25" in CHAPTER
    assert f"falls to about {round(sum(average.at(80)))} by 80" in CHAPTER
    assert (f"drops from about {round(average.at(25)[2])} people to about {round(average.at(80)[2])}"
            in CHAPTER)
    assert (f"from about {round(average.at(15)[2])} people at 15 to about {round(average.at(25)[2])} at 25, "
            f"then shrinks to about {round(average.at(80)[2])} by 80") in CHAPTER
    inner = [average.at(age)[0] for age in range(15, 91)]
    assert all(round(size) == 5 for size in inner) and "close to 5 people at every age" in CHAPTER
    assert np.all(average.family == 9) and "family stays at 9" in CHAPTER


def _weak_ties_run(bridges: int) -> weak_ties.SpreadRun:
    """The run the chapter's explorable draws for this many bridges."""
    return weak_ties.simulate(bridges, steps=weak_ties_figures.STEPS, runs=weak_ties_figures.RUNS, seed=3)


def test_weak_ties_figures_in_the_reveal_and_the_quiz():
    none, one = _weak_ties_run(0), _weak_ties_run(1)
    assert none.share_b[-1] == 0 and none.share_a[5] == 1.0
    assert "all of group A within about five steps and nobody in group B" in CHAPTER
    half = ch11.first_step_half(one.share_b)
    assert f"averaged over {weak_ties_figures.RUNS} runs, half of group B has heard by step {half}" in CHAPTER
    assert f"and {round(100 * one.share_b[-1])} per cent by step {weak_ties_figures.STEPS}" in CHAPTER
    q7 = QUIZ["questions"][6]["answers"]
    assert any(f"half of group B by step {half}" in a["feedback"] for a in q7)
    halves = [ch11.first_step_half(_weak_ties_run(b).share_b) for b in range(1, 6)]
    assert halves == sorted(halves, reverse=True) and halves[0] > halves[-1]  # "each extra bridge brings the news sooner"
    assert round(one.path_between) == 4 and "average path between the groups is then about four ties" in CHAPTER


def _support_gaps(b3: float = 3.0) -> tuple[np.ndarray, np.ndarray]:
    survey = support.simulate(support_figures.PEOPLE, b3=b3, seed=support_figures.SEED)
    by = lambda measure: support.distress_by_stress(survey, by=measure, bands=support_figures.BANDS).gap
    return by("support"), by("integration")


def test_support_figures_in_the_prose_reveal_and_quiz():
    perceived, integration = _support_gaps()
    assert np.all(np.round(integration) == 1)                      # "about one point" at every level
    assert round(perceived[0], 1) == 0.1 and round(perceived[-1], 1) == 1.5
    assert "about 0.1 points apart at the lowest stress, and fan out to about 1.5 points apart" in CHAPTER
    assert "by about 1.5 points when stress is severe" in CHAPTER
    assert "It grows from near zero to about 1.5 points under severe stress." in [
        a["answer"] for a in QUIZ["questions"][8]["answers"]]
    flat, _ = _support_gaps(b3=0)
    assert np.all(np.abs(flat) < 0.15)                              # "the blue lines lie on top of each other"
    est = support.fit(support.default_run())
    assert f"integration effect of about {est.integration_effect:.1f}" in CHAPTER
    assert f"buffering of about {est.buffering:.1f}" in CHAPTER


@pytest.mark.parametrize("stress", [0, 0.5, 1])
def test_exercise_solution_and_key_quote_the_model(stress):
    support_benefit = support.expected_distress(stress, 0.5, 0) - support.expected_distress(stress, 0.5, 1)
    integration_benefit = support.expected_distress(stress, 0, 0.5) - support.expected_distress(stress, 1, 0.5)
    solution = CHAPTER.split("````{solution} ch11-ex1", 1)[1]
    key = NOTES.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]
    for text in (solution, key):
        assert f"**{_fmt(support_benefit)}** at stress {stress:g}" in text
        assert f"**{_fmt(integration_benefit)}** at every" in text


def test_notebook_key_quotes_the_checks():
    key = (ROOT / "keys" / "11-related-ideas.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    run = weak_ties.default_run()
    assert f"**{ch11.outer_circle_drop():.2f}**" in key
    assert f"**{_fmt(ch11.support_benefit())}**" in key
    assert f"step **{ch11.first_step_half(run.share_b)}**" in key
    assert f"passes half at step {ch11.first_step_half(run.share_a)}" in key
