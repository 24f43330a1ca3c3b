"""Checks for exercises/11-related-ideas.ipynb.

Expected values come from the models themselves, so the checks stay right if a model changes.
"""
from __future__ import annotations

from typing import Any

from .. import convoy, support, weak_ties
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback

#: q1 compares the convoy at these two ages.
YOUNG, OLD = 25, 80
#: q2: stress and integration at which the benefit of perceived support is asked for.
STRESS, INTEGRATION = 0.8, 0.5


def outer_circle_drop() -> float:
    """How many fewer people the average outer circle holds at 80 than at 25."""
    average = convoy.expected_convoy()
    return average.at(YOUNG)[2] - average.at(OLD)[2]


def check_q1(answer: Any) -> str:
    """Drop in the outer circle from 25 to 80 in convoy.expected_convoy()."""
    value = number_or_feedback(answer, "q1 should be a number of people",
                               "Use convoy.expected_convoy().at(age).")
    if isinstance(value, str):
        return value
    expected = outer_circle_drop()
    if abs(value - expected) < 0.05:
        return CORRECT
    if abs(value + expected) < 0.05:
        return "Right size, wrong sign: q1 asks how many *fewer* people, so subtract the size at 80 from the size at 25."
    average = convoy.expected_convoy()
    (inner_y, middle_y, outer_y), (inner_o, middle_o, outer_o) = average.at(YOUNG), average.at(OLD)
    if abs(value - (inner_y - inner_o)) < 0.05:
        return "That is the change in the inner circle (the first number of .at(age)). q1 asks about the outer circle, the third."
    if abs(value - (middle_y - middle_o)) < 0.05:
        return "That is the change in the middle circle. q1 asks about the outer circle: the third number of .at(age)."
    if abs(value - (sum(average.at(YOUNG)) - sum(average.at(OLD)))) < 0.05:
        return "That is the drop in the whole network. q1 asks about the outer circle only: the third number of .at(age)."
    if abs(value - outer_y) < 0.05 or abs(value - outer_o) < 0.05:
        return "That is the size of the outer circle at one age. q1 asks for the difference between age 25 and age 80."
    return f"Not quite: {value:g} isn't the drop in the outer circle from age {YOUNG} to {OLD}. Check the ages and the circle."


def support_benefit() -> float:
    """How much less distress full perceived support brings than none, at STRESS and INTEGRATION."""
    return (support.expected_distress(STRESS, INTEGRATION, 0.0)
            - support.expected_distress(STRESS, INTEGRATION, 1.0))


def check_q2(answer: Any) -> str:
    """Benefit of full perceived support over none at stress 0.8, integration 0.5."""
    value = number_or_feedback(answer, "q2 should be a number of distress points",
                               "Use support.expected_distress(...).")
    if isinstance(value, str):
        return value
    expected = support_benefit()
    if abs(value - expected) < 0.005:
        return CORRECT
    if abs(value + expected) < 0.005:
        return ("Right size, wrong sign: a benefit is distress with support=0 *minus* distress with support=1, "
                "so it is positive.")
    full = support.expected_distress(1.0, INTEGRATION, 0.0) - support.expected_distress(1.0, INTEGRATION, 1.0)
    if abs(value - full) < 0.005:
        return f"That is the benefit at stress 1. q2 asks about stress {STRESS}: buffering grows with stress."
    main = support.expected_distress(STRESS, 0.0, 0.5) - support.expected_distress(STRESS, 1.0, 0.5)
    if abs(value - main) < 0.005:
        return "That is the benefit of integration (the main effect). q2 asks about perceived support: change `support`."
    if abs(value) < 0.005:
        return "Perceived support does help at this level of stress. Compare support=0 with support=1, keeping stress at 0.8."
    return f"Not quite: {value:g} isn't the benefit of full perceived support at stress {STRESS}, integration {INTEGRATION}."


def first_step_half(shares) -> int | None:
    """The first step at which at least half of a group has heard (None if it never happens)."""
    if isinstance(shares, (str, bytes)) or not hasattr(shares, "__iter__"):
        raise ValueError(f"shares must be a sequence of shares between 0 and 1; got {type(shares).__name__}")
    shares = [_checks.check_number(f"shares[{step}]", share, 0.0, 1.0) for step, share in enumerate(shares)]
    return next((step for step, share in enumerate(shares) if share >= 0.5), None)


def check_q3(answer: Any) -> str:
    """First step at which at least half of group B has heard, in weak_ties.default_run()."""
    value = number_or_feedback(answer, "q3 should be a whole number of steps",
                               "Use weak_ties.default_run().share_b.")
    if isinstance(value, str):
        return value
    run = weak_ties.default_run()
    expected = first_step_half(run.share_b)
    if expected is not None and value == expected:
        return CORRECT
    if 0 < value < 1:
        return "That looks like a share of the group. q3 asks for a step number: the position in share_b where it first reaches 0.5."
    if value != int(value) or value < 0:
        return "Steps are counted 0, 1, 2, ...: q3 should be a whole number of steps, not negative."
    if value == first_step_half(run.share_a):
        return "That is when half of group A has heard. q3 asks about group B: use share_b."
    if expected is not None and value == expected + 1:
        return "One step too late: step 0 is the start, so the position in share_b is the step. Find the first, not the next."
    if expected is not None and value < expected:
        return f"At step {value:g} fewer than half of group B have heard. Look a little later."
    return f"By step {value:g} half of group B have already heard, but they did earlier too: find the first step."


def check_q4(answer: Any) -> str:
    """Which measure shows buffering (Cohen & Wills 1985)?

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
