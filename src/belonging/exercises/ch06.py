"""Checks for exercises/06-interconnected-and-interdependent.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from typing import Any

from .. import network
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback, remembered

#: The pooled run that q4 reads (the settings of the chapter's explorable at contagion 0.8).
POOLED = dict(people=400, networks=6, seed=7)
#: q4 asks for the first distance at which clustering drops below this multiple of chance.
NEAR_CHANCE = 1.1


@remembered
def _run(contagion: float, **kwargs: Any) -> network.ClusteringRun:
    """The model's run (read only: it is remembered for the next check)."""
    return network.clustering_by_distance(contagion, **kwargs)


def _one_tie(contagion: float, **kwargs: Any) -> float:
    return float(_run(contagion, **kwargs).relative_likelihood[0])


def check_q1(answer: Any) -> str:
    """One-tie clustering in the model's default run (contagion 0.8, one network, seed 0)."""
    value = number_or_feedback(answer, "q1 should be a number (how many times chance)",
                               "Take relative_likelihood[0] from the result.")
    if isinstance(value, str):
        return value
    expected = _one_tie(0.8)
    if abs(value - expected) < 0.005:
        return CORRECT
    run = _run(0.8)
    if any(abs(value - float(v)) < 0.005 for v in run.relative_likelihood[1:]):
        return ("That is the value at a greater distance. relative_likelihood[0] is distance 1 "
                "(a direct friend): Python counts from 0.")
    if abs(value - _one_tie(0.0)) < 0.005:
        return "That is the value with contagion switched off. q1 asks for contagion strength 0.8."
    if value <= 0:
        return f"A likelihood relative to chance can't be {value:g}. Check what you stored."
    return (f"Not quite: {value:g} isn't the one-tie value of clustering_by_distance(0.8). "
            "Use the default settings and relative_likelihood[0].")


def check_q2(answer: Any) -> str:
    """One-tie clustering in a single network with contagion switched off (seed 0)."""
    value = number_or_feedback(answer, "q2 should be a number (how many times chance)")
    if isinstance(value, str):
        return value
    expected = _one_tie(0.0)
    if abs(value - expected) < 0.005:
        return CORRECT
    if abs(value - 1.0) < 0.005:
        return ("1 is what you might expect with no contagion, but run the model: "
                "clustering_by_distance(0.0) and take relative_likelihood[0].")
    if abs(value - _one_tie(0.8)) < 0.005:
        return "That is the value at contagion 0.8. q2 asks for contagion strength 0."
    if abs(value - _one_tie(0.0, **POOLED)) < 0.005 or abs(value - _one_tie(0.0, networks=10)) < 0.005:
        return "That is a pooled value. q2 asks for a single network: leave networks at its default of 1."
    return (f"Not quite: {value:g} isn't the one-tie value of clustering_by_distance(0.0). "
            "Keep the other settings at their defaults.")


def check_q3(answer: Any) -> str:
    """Why does a single network with no contagion show clustering above 1?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q3", "abc")


def _first_near_chance() -> int | None:
    run = _run(0.8, **POOLED)
    for distance, value in zip(run.distance, run.relative_likelihood):
        if value < NEAR_CHANCE:
            return int(distance)
    return None


def check_q4(answer: Any) -> str:
    """First distance at which pooled clustering (contagion 0.8) falls below 1.1 times chance."""
    value = number_or_feedback(answer, "q4 should be a whole number of ties (1 to 6)", whole=True)
    if isinstance(value, str):
        return value
    expected = _first_near_chance()
    if int(value) == expected:
        return CORRECT
    if not 1 <= int(value) <= network.MAX_DISTANCE:
        return f"Distances in the model run from 1 to {network.MAX_DISTANCE} ties."
    run = _run(0.8, **POOLED)
    shown = float(run.relative_likelihood[int(value) - 1])
    if shown >= NEAR_CHANCE:
        return f"At {int(value)} ties clustering is still {shown:.2f} times chance, not below {NEAR_CHANCE}. Look farther out."
    return (f"At {int(value)} ties it is below {NEAR_CHANCE}, but it already was at a shorter distance: "
            "find the first one. Remember that relative_likelihood[0] is distance 1.")


def check_q5(answer: Any) -> str:
    """Which explanation can one snapshot of a real network rule out?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q5", "abcd")
