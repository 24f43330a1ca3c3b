"""Checks for exercises/09-subjective-interpretations.ipynb.

Expected values come from the loneliness-loop model itself, so the checks stay right if the
model changes.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .. import loneliness_loop
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, lowest_where, number_or_feedback, step_of

#: Person B in the chapter's figures: the same seed as ``present.loneliness_loop.STORY_SEED``.
STORY_SEED = 3
HIGH_BIAS = 0.7
BIASES = [i / 10 for i in range(11)]
LONELY = 0.5
PEOPLE = 20
#: Most simulated people still_lonely runs (each is a year of weekly steps).
MAX_PEOPLE = 200


def felt_gap(threat_bias: float = HIGH_BIAS, seed: int = STORY_SEED) -> float:
    """Mean over the year of (how interactions went − how they felt), weeks with interactions only."""
    run = loneliness_loop.simulate(threat_bias, seed=seed)
    return float(np.nanmean(run.true_valence[1:] - run.perceived_valence[1:]))


def tipping_bias(seed: int = STORY_SEED) -> float | None:
    """Smallest threat bias in 0.0, 0.1, ..., 1.0 at which loneliness at week 52 is above 0.5."""
    return lowest_where(BIASES, lambda b: loneliness_loop.simulate(b, seed=seed).loneliness[-1] > LONELY)


def still_lonely(threat_bias: float, start_loneliness: float, people: int = PEOPLE) -> int:
    """How many of seeds 0..people-1 are above 0.5 at week 52."""
    people = _checks.check_int("people", people, 1, MAX_PEOPLE)
    return sum(
        loneliness_loop.simulate(threat_bias, start_loneliness=start_loneliness, seed=s).loneliness[-1] > LONELY
        for s in range(people)
    )


def check_q1(answer: Any) -> str:
    """How much worse, on average, B's interactions felt than they were (bias 0.7, seed 3)."""
    value = number_or_feedback(answer, "q1 should be a single number",
                               "If you got nan, week 0 has no interactions: use np.nanmean, or start from index 1.")
    if isinstance(value, str):
        return value
    run = loneliness_loop.simulate(HIGH_BIAS, seed=STORY_SEED)
    expected = felt_gap()
    if abs(value - expected) < 0.005:
        return CORRECT
    if abs(value + expected) < 0.005:
        return "Right size, wrong sign: subtract how they felt from how they went (true − perceived)."
    if abs(value - float(np.nanmean(run.true_valence[1:]))) < 0.005:
        return "That is how B's interactions actually went on average. Now subtract how they felt."
    if abs(value - float(np.nanmean(run.perceived_valence[1:]))) < 0.005:
        return "That is how B's interactions felt on average. Compare it with how they actually went."
    return (f"Not quite: {value:g} isn't the average gap. Use simulate({HIGH_BIAS}, seed={STORY_SEED}) and "
            "average run.true_valence - run.perceived_valence over weeks 1 to 52.")


def check_q2(answer: Any) -> str:
    """Smallest threat bias (steps of 0.1) at which seed 3 is still lonely at week 52."""
    value = number_or_feedback(answer, "q2 should be a number between 0 and 1 (one of 0.0, 0.1, ..., 1.0)")
    if isinstance(value, str):
        return value
    expected = tipping_bias()
    if expected is not None and abs(value - expected) < 1e-9:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Threat bias runs from 0 to 1 in this model, so {value:g} can't be right."
    nearest = step_of(value, BIASES)
    if nearest is None:
        return f"Try only the steps 0.0, 0.1, ..., 1.0; {value:g} is not one of them."
    final = loneliness_loop.simulate(nearest, seed=STORY_SEED).loneliness[-1]
    if final <= LONELY:
        return (f"At threat bias {nearest:g}, B ends the year at {final:.2f}: recovered, not lonely. "
                "Try larger values.")
    return f"At {nearest:g}, B is lonely at week 52, but a smaller bias is enough too: find the smallest."


def check_q3(answer: Any) -> str:
    """Of 20 people (seeds 0–19) with threat bias 0.6 who start at loneliness 0.3, how many are lonely at week 52?"""
    value = number_or_feedback(answer, "q3 should be a whole number of people (0 to 20)", whole=True)
    if isinstance(value, str):
        return value
    count = int(value)
    expected = still_lonely(0.6, 0.3)
    if count == expected:
        return CORRECT
    if not 0 <= count <= PEOPLE:
        return f"There are {PEOPLE} people, so the answer is between 0 and {PEOPLE}."
    if count == still_lonely(0.6, 0.6):
        return ("That is the count for the default starting loneliness of 0.6. Pass start_loneliness=0.3 "
                "to simulate.")
    return (f"Not quite: {count} isn't the number. For each seed in range(20), run simulate(0.6, "
            "start_loneliness=0.3, seed=seed) and count runs whose loneliness[-1] is above 0.5.")


def check_q4(answer: Any) -> str:
    """Why do B's interactions really go worse than A's in the model?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
