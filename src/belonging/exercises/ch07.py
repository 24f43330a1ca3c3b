"""Checks for exercises/07-balancing-self-protection-and-connection.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import risk_regulation as rr
from . import CORRECT
from ._feedback import judge_choice, lowest_where, number_or_feedback

#: The runs q2 and q3 count: one per seed, 0 to 19.
SEEDS = range(20)
#: Where q2's runs start: a little below the middle.
Q2_START = 0.4
#: Where q3's runs start: a person who starts out doubtful.
Q3_START = 0.2
#: The grid of reassurance levels q3 asks about: 0, 0.05, ..., 1.
REASSURANCE_GRID = [round(0.05 * i, 2) for i in range(21)]


@lru_cache(maxsize=64)
def _basins(start: float, reassurance: float = 0.0) -> tuple[str, ...]:
    # Cached: the hypothesis test calls each check many times, and a tuple cannot be changed.
    return tuple(rr.simulate(start, reassurance=reassurance, seed=seed).basin for seed in SEEDS)


def check_q1(answer: Any) -> str:
    """Perceived regard at the end of the model's default run."""
    value = number_or_feedback(answer, "q1 should be a number between 0 and 1",
                               "Run rr.default_run() and look at the last value of .regard.")
    if isinstance(value, str):
        return value
    run = rr.default_run()
    expected = float(run.regard[-1])
    if abs(value - expected) < 0.005:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Perceived regard runs from 0 to 1, so {value:g} can't be right."
    if abs(value - float(run.regard[0])) < 1e-9:
        return "That is where the run starts. q1 asks where it ends: the last value, run.regard[-1]."
    if abs(value - float(run.dependence[-1])) < 0.005:
        return "That is the final dependence (run.dependence). q1 asks for perceived regard: run.regard[-1]."
    if abs(value - float(run.partner_warmth[-1])) < 0.005:
        return "That is the partner's final warmth. q1 asks for the person's perceived regard: run.regard[-1]."
    return f"Not quite: {value:g} isn't the last value of rr.default_run().regard."


def check_q2(answer: Any) -> str:
    """How many of 20 runs starting at 0.4 end in the secure loop."""
    value = number_or_feedback(answer, "q2 should be a count of runs (a whole number from 0 to 20)")
    if isinstance(value, str):
        return value
    if value != int(value) or not 0 <= value <= len(SEEDS):
        return f"q2 is a count of runs out of {len(SEEDS)}, so it must be a whole number from 0 to {len(SEEDS)}."
    basins = _basins(Q2_START)
    if value == basins.count("secure"):
        return CORRECT
    if value == basins.count("self-protective"):
        return ('That is how many end in the self-protective loop. q2 asks how many end "secure": '
                'compare run.basin with "secure".')
    if value == len(SEEDS):
        return ("Not every run ends the same way from 0.4. Loop over seed=0 to seed=19 and count the runs "
                'whose .basin is "secure".')
    return (f"Not quite: {value:g} isn't how many of the runs with seed=0 to seed=19, starting at {Q2_START}, "
            'end with .basin == "secure".')


def smallest_reassurance_for_all_secure() -> float | None:
    """Lowest reassurance on the 0.05 grid at which every run starting at 0.2 ends secure."""
    return lowest_where(REASSURANCE_GRID,
                        lambda reassurance: _basins(Q3_START, reassurance=reassurance).count("secure") == len(SEEDS))


def check_q3(answer: Any) -> str:
    """Smallest reassurance (steps of 0.05) at which all 20 runs starting at 0.2 end secure."""
    value = number_or_feedback(answer, "q3 should be a number between 0 and 1 (a level of reassurance)")
    if isinstance(value, str):
        return value
    expected = smallest_reassurance_for_all_secure()
    if expected is not None and abs(value - expected) < 1e-6:
        return CORRECT
    if not 0 <= value <= 1:
        return f"Reassurance runs from 0 to 1, so {value:g} can't be right."
    secure = _basins(Q3_START, reassurance=value).count("secure")
    if secure < len(SEEDS):
        return (f"At reassurance {value:g}, only {secure} of the {len(SEEDS)} runs end secure. "
                "Look a little higher.")
    return ("All 20 runs do end secure there, but they already do at a lower level on the 0.05 grid: "
            "find the lowest.")


def check_q4(answer: Any) -> str:
    """Why the default run ends self-protective while other runs from 0.5 end secure.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
