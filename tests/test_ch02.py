"""Chapter 2: the exercise checks, the instructor's exercise key and the gap figure agree with the model."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from belonging import survival
from belonging.exercises import CORRECT, RECORDED, ch02
from belonging.exercises.generate import hidden_tests
from belonging.figures import survival as figures

ROOT = Path(__file__).resolve().parents[1]
GRID = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def gap(cv: float, size: int = 5) -> float:
    run = survival.compare(cv, size)
    return float(run.groups[-1] - run.loners[-1])


def test_q1_accepts_the_model_value_and_rejects_near_misses():
    expected = survival.survival_probability(1.0, 1)
    assert ch02.check_q1(expected) == CORRECT
    assert ch02.check_q1(round(expected, 3)) == CORRECT
    assert ch02.check_q1(expected + 0.02) != CORRECT
    assert "percentage" in ch02.check_q1(expected * 100)
    assert "groups of five" in ch02.check_q1(survival.survival_probability(1.0, 5))


def test_q2_accepts_the_gap_and_names_the_likely_mistakes():
    run = survival.compare(2.0, 5)
    expected = float(run.groups[-1] - run.loners[-1])
    assert ch02.check_q2(expected) == CORRECT
    assert ch02.check_q2(expected + 0.01) != CORRECT
    assert "sign" in ch02.check_q2(-expected)
    assert "groups' share" in ch02.check_q2(float(run.groups[-1]))
    assert "loners' share" in ch02.check_q2(float(run.loners[-1]))


def test_q3_accepts_the_peak_of_the_grid_and_rejects_its_neighbours():
    peak = max(GRID, key=gap)
    assert ch02.check_q3(peak) == CORRECT
    i = GRID.index(peak)
    for neighbour in GRID[max(i - 1, 0):i] + GRID[i + 1:i + 2]:
        assert ch02.check_q3(neighbour) != CORRECT
    assert ch02.check_q3(GRID[-1]) != CORRECT  # "it keeps growing" is the misconception
    assert "grid" in ch02.check_q3(1.7)


def test_the_advantage_rises_then_falls_on_the_grid():
    """The chapter's claim: the gap grows with variability, peaks, then shrinks."""
    gaps = [gap(cv) for cv in GRID]
    top = gaps.index(max(gaps))
    assert 0 < top < len(GRID) - 1
    assert all(a <= b for a, b in zip(gaps[:top], gaps[1:top + 1]))
    assert all(a >= b for a, b in zip(gaps[top:], gaps[top + 1:]))


def test_q4_and_q5():
    assert ch02.check_q4(" (B) ") == RECORDED and hidden_tests("02")["q4"]["key"] == "a"
    assert ch02.check_q4("a") != CORRECT and ch02.check_q4("c") != CORRECT
    smallest = min(g for g in range(1, 13) if survival.survival_probability(2.0, g) >= 0.9)
    assert ch02.check_q5(smallest) == CORRECT
    assert ch02.check_q5(float(smallest)) == CORRECT
    assert ch02.check_q5(smallest - 1) != CORRECT
    assert ch02.check_q5(smallest + 1) != CORRECT


def _exercise_key() -> str:
    notes = (ROOT / "book" / "instructors" / "02-evolutionary-foundations.md").read_text("utf-8")
    return notes.split("## Answer key: chapter exercise", 1)[1].split("\n## ", 1)[0]


def test_chapter_two_exercise_key_matches_the_model():
    key = _exercise_key()
    for cv in GRID:
        assert f"**{gap(cv, 5):.3f}**" in key, f"groups of five, variability {cv}"
    assert f"**{max(GRID, key=lambda cv: gap(cv, 5)):.1f}**" in key
    tens = ", ".join(f"{gap(cv, 10):.3f}" for cv in GRID[:-1]) + f" and {gap(GRID[-1], 10):.3f}"
    assert tens in key
    assert f"**{max(GRID, key=lambda cv: gap(cv, 10)):.1f}**" in key


def test_chapter_solution_quotes_the_same_numbers_as_the_key():
    chapter = (ROOT / "book" / "chapters" / "02-evolutionary-foundations.md").read_text("utf-8")
    solution = chapter.split("````{solution} ch02-ex1", 1)[1].split("````", 1)[0]
    for cv in GRID:
        assert f"{gap(cv, 5):.3f}" in solution
        assert f"{gap(cv, 10):.3f}" in solution


def test_gap_figure_peaks_between_one_and_a_half_and_two_and_moves_right_with_group_size():
    sweep = figures.gap_sweep()
    peaks = [sweep["peak"][size][0] for size in figures.GAP_GROUPS]
    assert peaks == sorted(peaks), "bigger groups should peak at higher variability"
    assert 1.5 <= sweep["peak"][5][0] <= 1.75
    assert all(g == 0 for g in (sweep["gap"][5][i] for i, cv in enumerate(sweep["cv"]) if cv <= 0.4))
    ex = figures.gap_explorable()
    assert ex.json_bytes() < 300_000
    for size, (cv, value) in sweep["peak"].items():
        assert f"groups of {size}, about {cv:.1f} (a gap of {100 * value:.0f}%)" in ex.summary


@pytest.mark.parametrize("value", [..., None, "a lot", [0.5], True, float("nan"), -3, {"q": 1}, "z", 1e300])
def test_checks_never_raise_and_never_accept_nonsense(value):
    for name in ("check_q1", "check_q2", "check_q3", "check_q4", "check_q5"):
        message = getattr(ch02, name)(value)
        assert isinstance(message, str) and message and message != CORRECT


def test_chapter_prose_numbers_match_the_model():
    """Spot-check the numbers the chapter quotes."""
    chapter = (ROOT / "book" / "chapters" / "02-evolutionary-foundations.md").read_text("utf-8")
    lone = survival.survival_probability(1.0, 1)
    assert f"{100 * lone:.1f}%" in chapter  # the first predict prompt's reveal
    assert survival.survival_probability(1.0, 5) == 1.0
    sweep = figures.gap_sweep()
    i = sweep["cv"].index(1.6)
    assert re.search(rf"groups keep about {100 * sweep['groups'][5][i]:.0f}% alive and loners about "
                     rf"{100 * sweep['loners'][i]:.0f}%, a gap of {100 * sweep['gap'][5][i]:.0f}", chapter)


def test_chapter_prose_quotes_the_models_other_figures():
    """The loners' decline, the peaks by group size and the group-size figure, as the prose words them."""
    chapter = (ROOT / "book" / "chapters" / "02-evolutionary-foundations.md").read_text("utf-8")
    lone = {cv: survival.survival_probability(cv, 1) for cv in (1.0, 1.5, 2.0)}
    assert (f"about {100 * lone[1.0]:.0f}% survive the season at 1.0, {100 * lone[1.5]:.0f}% at 1.5 "
            f"and {100 * lone[2.0]:.0f}% at 2.0") in chapter
    sweep = figures.gap_sweep()
    peaks = {size: sweep["peak"][size][0] for size in figures.GAP_GROUPS}
    assert (f"pairs peak at about {peaks[2]:.1f}, groups of three at about {peaks[3]:.1f}, groups of five "
            f"at about {peaks[5]:.1f} and groups of ten at about {peaks[10]:.1f}") in chapter
    at_three = sweep["gap"][5][sweep["cv"].index(3.0)]
    assert f"gap is down to about {100 * at_three:.0f} points" in chapter
    i = sweep["cv"].index(1.6)
    assert f"about {100 * sweep['loners'][i]:.0f}% at 1.6" in chapter
    pairs, threes = survival.survival_probability(1.0, 2), survival.survival_probability(1.0, 3)
    assert f"from about {100 * lone[1.0]:.0f}% to {100 * pairs:.0f}–{100 * threes:.0f}%" in chapter
    seven_up = [survival.survival_probability(2.0, g) for g in range(7, 13)]
    assert min(seven_up) >= 0.9 and survival.survival_probability(2.0, 6) < 0.9  # "groups of seven or more"
    assert "groups of seven or more keep about 90% alive" in chapter


def test_pooling_five_catches_is_like_a_loner_facing_a_fifth_of_the_variance():
    """The prose: groups of five at 2.0 fare about like loners at 0.9 (2.0 / sqrt(5)), three in four."""
    group = survival.survival_probability(2.0, 5)
    loner = survival.survival_probability(0.9, 1)
    assert abs(group - loner) < 0.05
    assert 0.7 <= group <= 0.8 and 0.7 <= loner <= 0.8


def test_notebook_answer_key_matches_the_model():
    notes = (ROOT / "book" / "instructors" / "02-evolutionary-foundations.md").read_text("utf-8")
    key = (ROOT / "keys" / "02-evolutionary-foundations.md").read_text("utf-8").split("## Answer key: exercise notebook", 1)[1].split("\n## ", 1)[0]
    run = survival.compare(2.0, 5)
    assert f"**{survival.survival_probability(1.0):.3f}**" in key
    assert f"**{gap(2.0):.3f}** (groups {run.groups[-1]:.3f} minus loners {run.loners[-1]:.3f})" in key
    assert f"**{ch02.peak_of_grid():.1f}**" in key
    smallest = ch02.smallest_group()
    assert f"**{smallest}** ({survival.survival_probability(2.0, smallest):.3f})" in key
    for answer, check in ((survival.survival_probability(1.0), ch02.check_q1), (gap(2.0), ch02.check_q2),
                          (ch02.peak_of_grid(), ch02.check_q3), (smallest, ch02.check_q5)):
        assert check(answer) == CORRECT
    assert "q4: **a**" in key and hidden_tests("02")["q4"]["key"] == "a"
