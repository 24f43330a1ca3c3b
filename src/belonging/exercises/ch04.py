"""Checks for exercises/04-when-the-need-goes-unmet.ipynb.

Expected values come from the models themselves (:mod:`belonging.ostracism` and
:mod:`belonging.mortality`), so the checks stay right if a model changes. Every check takes
whatever the learner typed and returns a message; it never raises.
"""
from __future__ import annotations

from typing import Any

from .. import mortality, ostracism
from .. import _checks  # a module, not names: every check_* name here is taken for an exercise check
from . import CORRECT
from ._feedback import judge_choice, number_or_feedback

#: Throws in the standard game the questions ask about.
THROWS = 30
#: Most throws a game may have in these helpers: enough for any classroom game, small enough
#: that a loop over every possible number of catches finishes at once.
MAX_THROWS = 1000
#: Throws received in the usual exclusion script (q1).
EXCLUDED_CATCHES = ostracism.EARLY_THROWS_IN_EXCLUSION
#: The midpoint of the 1-5 need scale (q2).
MIDPOINT = 3.0
#: Baseline survival and odds ratio in q3: complex measures of social integration, 2010.
Q3_BASELINE = 0.6
Q3_ROW = next(r for r in mortality.table_rows("structural") if r.label.startswith("Complex integration"))


def need_level_after(catches: int, throws: int = THROWS) -> float:
    """The model's mean need level right after catching ``catches`` of ``throws`` throws."""
    throws = _checks.check_int("throws", throws, 1, MAX_THROWS)
    catches = _checks.check_int("catches", catches, 0, throws)
    return ostracism.expected_need_level(catches / throws)


def check_q1(answer: Any) -> str:
    """Need level right after the usual exclusion game: 2 early catches out of 30 throws."""
    value = number_or_feedback(answer, "q1 should be a number between 1 and 5 (a need level)",
                               "Call ostracism.expected_need_level(...) with the share of throws.")
    if isinstance(value, str):
        return value
    expected = need_level_after(EXCLUDED_CATCHES)
    if abs(value - expected) < 0.005:
        return CORRECT
    share = EXCLUDED_CATCHES / THROWS
    if abs(value - share) < 0.005:
        return ("That is the share of throws received, 2 of 30. q1 asks for the need level the model gives "
                "for that share: pass it to ostracism.expected_need_level.")
    if abs(value - ostracism.expected_need_level(ostracism.FAIR_SHARE)) < 0.005:
        return ("That is the level of an included player, with a fair third of the throws. The left-out "
                "player caught only 2 of 30.")
    if abs(value - ostracism.expected_need_level(0.0)) < 0.005:
        return ("That is the level with no throws at all. In the usual exclusion script the player catches "
                "2 early throws out of 30.")
    if value == EXCLUDED_CATCHES:
        return ("That is the number of throws caught. q1 asks for the need level on the 1-5 scale: pass the "
                "share, 2 / 30, to ostracism.expected_need_level.")
    if not ostracism.SCALE_MIN <= value <= ostracism.SCALE_MAX:
        return f"Need levels in this model run from 1 to 5, so {value:g} can't be right."
    return f"Not quite: {value:g} isn't the model's need level for 2 catches out of 30 throws."


def most_catches_below_midpoint(throws: int = THROWS, midpoint: float = MIDPOINT) -> int | None:
    """The largest number of catches out of ``throws`` at which the model's need level is
    still below ``midpoint`` (None if even no catches reach below it)."""
    throws = _checks.check_int("throws", throws, 1, MAX_THROWS)
    midpoint = _checks.check_number("midpoint", midpoint, 1.0, 5.0)
    below = [k for k in range(throws + 1) if need_level_after(k, throws) < midpoint]
    return max(below) if below else None


def check_q2(answer: Any) -> str:
    """Largest number of catches out of 30 that still leaves need satisfaction below 3."""
    value = number_or_feedback(answer, f"q2 should be a whole number of throws from 0 to {THROWS}",
                               "Loop over range(31) and test ostracism.expected_need_level(k / 30) < 3.")
    if isinstance(value, str):
        return value
    expected = most_catches_below_midpoint()
    if expected is not None and value == expected:
        return CORRECT
    if value != int(value):
        return f"q2 is a number of throws caught, so a whole number; you gave {value:g}."
    if not 0 <= value <= THROWS:
        return f"A player can catch between 0 and {THROWS} of {THROWS} throws, so {value:g} can't be right."
    level = need_level_after(int(value))
    if level < MIDPOINT:
        return (f"At {int(value)} catches the need level is {level:.2f}, below 3, but a player who catches "
                "more than that is still below 3: find the largest number.")
    return (f"At {int(value)} catches the need level is {level:.2f}, which is not below 3. Try fewer "
            "catches.")


def survival_q3() -> float:
    """Survival implied for the better-integrated group at the baseline of q3."""
    return mortality.probability_after_odds_ratio(Q3_BASELINE, Q3_ROW.odds_ratio)


def check_q3(answer: Any) -> str:
    """Survival implied by OR 1.91 (complex integration, 2010) at a baseline survival of 60%."""
    value = number_or_feedback(answer, "q3 should be a proportion between 0 and 1",
                               "Call mortality.probability_after_odds_ratio(...).")
    if isinstance(value, str):
        return value
    expected = survival_q3()
    if abs(value - expected) < 0.0005:
        return CORRECT
    ratio = Q3_ROW.odds_ratio
    if abs(value - 100 * expected) < 0.05:
        return "That looks like a percentage. Store the survival as a proportion between 0 and 1."
    if abs(value - Q3_BASELINE * ratio) < 0.0005:
        return ("That multiplies the probability by the odds ratio, treating it as a risk ratio (and it is "
                "above 1, which no probability can be). Convert to odds first.")
    if abs(value - mortality.misread_survival(ratio, Q3_BASELINE)) < 0.0005:
        return ("That is the misreading 'a 91% lower risk of death'. An odds ratio multiplies the odds of "
                "survival, not the risk of death.")
    if abs(value - (1.0 - mortality.probability_after_odds_ratio(1.0 - Q3_BASELINE, ratio))) < 0.0005:
        return ("That treats 1.91 as odds of death. The 2010 odds ratios are for survival: pass the baseline "
                "survival, 0.6.")
    if abs(value - Q3_BASELINE * ratio / (1 + Q3_BASELINE * ratio)) < 0.0005:
        return "Convert the baseline probability to odds first: 0.6 / (1 - 0.6), not 0.6."
    if not 0 <= value <= 1:
        return f"Survival is a proportion between 0 and 1, so {value:g} can't be right."
    if value <= Q3_BASELINE:
        return (f"An odds ratio above 1 for survival means the better-integrated group survives more often "
                f"than the baseline of {Q3_BASELINE:g}, so {value:g} is too low.")
    return f"Not quite: {value:g} isn't the survival that an odds ratio of {ratio:g} implies at a baseline of 0.6."


def check_q4(answer: Any) -> str:
    """What the 2015 odds ratio of 1.26 for loneliness means.

    Checks the form only: the answer key is only in the autograder's hidden tests.
    """
    return judge_choice(answer, "q4", "abc")
