"""Checks for exercises/08-time-talk-and-friendship.ipynb.

Expected values come from the model itself, so the checks stay right if the model changes.
"""
from __future__ import annotations

import math
from typing import Any

from .. import friendship
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback

#: Weeks in the school year used in q3.
SCHOOL_YEAR_WEEKS = 40
#: Ten years of weeks: longer than any question here asks about.
MAX_WEEKS = 520


def check_q1(answer: Any) -> str:
    """Weeks to the casual-friend midpoint at 4 leisure hours a week."""
    value = number_or_feedback(answer, "q1 should be a number of weeks",
                               'Call friendship.weeks_to_stage("casual friend", 4).')
    if isinstance(value, str):
        return value
    expected = friendship.weeks_to_stage("casual friend", 4)
    if abs(value - expected) < 0.05:
        return CORRECT
    if value < 0:
        return "A number of weeks can't be negative. Check the arguments."
    if abs(value - friendship.MIDPOINTS[0]) < 0.05:
        return "That is the number of hours at the casual-friend midpoint. Divide by the hours per week to get weeks."
    if abs(value - friendship.weeks_to_stage("casual friend", 0, 4)) < 0.05:
        return "That is the answer if the 4 hours are school time. q1 asks about leisure hours."
    for stage in ("friend", "close friend"):
        if abs(value - friendship.weeks_to_stage(stage, 4)) < 0.05:
            return f'That is the time to "{stage}". q1 asks about "casual friend".'
    return f"Not quite: {value:g} weeks isn't the model's answer for 4 leisure hours a week. Check both arguments."


def check_q2(answer: Any) -> str:
    """Leisure-equivalent hours for 10 leisure hours plus 20 school hours."""
    value = number_or_feedback(answer, "q2 should be a number of hours",
                               "Call friendship.weighted_hours(10, 20).")
    if isinstance(value, str):
        return value
    expected = friendship.weighted_hours(10, 20)
    if abs(value - expected) < 0.05:
        return CORRECT
    if value < 0:
        return "Hours can't be negative. Check the arguments."
    if abs(value - 30) < 0.05:
        return "That counts every hour the same. In the model school hours count for less than leisure hours."
    if abs(value - friendship.weighted_hours(20, 10)) < 0.05:
        return "You swapped the arguments: the first is leisure hours (10), the second school hours (20)."
    return f"Not quite: {value:g} isn't the weighted total for 10 leisure and 20 school hours. Try friendship.weighted_hours(10, 20)."


def fewest_hours_for_close_friend(weeks: int = SCHOOL_YEAR_WEEKS) -> int | None:
    """Fewest whole leisure hours a week that reach the close-friend midpoint within ``weeks``."""
    weeks = _checks.check_number("weeks", weeks, 0.0, MAX_WEEKS)
    for hours in range(0, int(friendship.MAX_HOURS_PER_WEEK) + 1):
        if friendship.weeks_to_stage("close friend", hours) <= weeks:
            return hours
    return None


def check_q3(answer: Any) -> str:
    """Fewest whole leisure hours a week to reach close friend within a 40-week school year."""
    value = number_or_feedback(answer, "q3 should be a whole number of hours per week", whole=True)
    if isinstance(value, str):
        return value
    hours = int(value)
    expected = fewest_hours_for_close_friend()
    if hours == expected:
        return CORRECT
    if hours < 0 or hours > friendship.MAX_HOURS_PER_WEEK:
        return f"Try a number of hours a week between 0 and {friendship.MAX_HOURS_PER_WEEK:g}."
    weeks = friendship.weeks_to_stage("close friend", hours)
    if weeks > SCHOOL_YEAR_WEEKS:
        shown = "never" if math.isinf(weeks) else f"after about {weeks:.0f} weeks"
        return f"At {hours} hours a week the close-friend midpoint arrives {shown}: more than {SCHOOL_YEAR_WEEKS} weeks. Try more."
    return f"{hours} hours a week is enough, but fewer also reach it within {SCHOOL_YEAR_WEEKS} weeks: find the fewest."


def check_q4(answer: Any) -> str:
    """Where the school-time weight of 0.4 comes from.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
