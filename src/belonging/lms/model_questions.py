"""Exam questions drawn fresh from the course's models, for the exam variants of ``make lms SEED=n``.

A bank question quotes one model run, so its answer can circulate. These questions draw their
settings from the variant's random generator, and the models compute the right option and the
wrong ones: each wrong option is what a typical mistake gives (the model run with one setting
misread), so its feedback can say which mistake. The same generator state gives the same question.

``QUESTIONS`` maps a chapter slug to its question makers; each takes a :class:`random.Random`
and returns a question in the bank schema (``book/quizzes`` and ``book/exams``).
"""
from __future__ import annotations

import random
from typing import Callable

from belonging import friendship, homeostat, mortality, survival

Maker = Callable[[random.Random], dict]


def _question(stem: str, objective: str, right: tuple[str, str], wrong: list[tuple[str, str]]) -> dict:
    answers = [{"answer": right[0], "correct": True, "feedback": right[1]}]
    answers += [{"answer": text, "correct": False, "feedback": why} for text, why in wrong]
    return {"question": stem, "type": "multiple_choice", "objective": objective, "answers": answers}


def _distinct(options: list[str]) -> bool:
    return len(set(options)) == len(options)


def homeostat_question(rng: random.Random) -> dict:
    """Chapter 1: where belonging settles for a number of contacts within a bond."""
    while True:
        contacts, stability = rng.choice([1, 2, 3, 4, 5, 6, 8]), rng.choice([0.3, 0.5, 0.7, 0.9])
        values = [homeostat.steady_state(c, s) for c, s in
                  ((contacts, stability), (contacts, 0.0), (2 * contacts, stability), (contacts, 1.0))]
        shown = [f"About {v:.2f}" for v in values]
        if _distinct(shown):
            break
    noun = "contact" if contacts == 1 else "contacts"
    stem = (f"In the chapter's homeostat model (default contact quality), a person has {contacts} "
            f"{noun} a week within a bond of stability {stability:g}. Where does their belonging "
            "settle in the long run?")
    return _question(stem, "LO3", (shown[0], f"Right: the model's steady state for {contacts} {noun} "
                                              f"a week at bond stability {stability:g} is {values[0]:.2f}."),
                     [(shown[1], "That is where the same contacts leave belonging outside any stable bond "
                                 "(stability 0), where each contact counts for much less."),
                      (shown[2], f"That is the level for twice as many contacts ({2 * contacts} a week); "
                                 "the question gives the rate per week."),
                      (shown[3], "That assumes a perfectly stable bond (stability 1), not the bond described.")])


def survival_question(rng: random.Random) -> dict:
    """Chapter 2: the share of sharing foragers who survive, against loners and bigger groups."""
    while True:
        cv, size = rng.choice([1.0, 1.25, 1.5, 1.75, 2.0]), rng.choice([2, 3, 5])
        values = [survival.survival_probability(cv, size), survival.survival_probability(cv, 1),
                  survival.survival_probability(cv, 10), survival.survival_probability(cv + 0.5, size)]
        shown = [f"About {round(100 * v)}%" for v in values]
        if _distinct(shown):
            break
    stem = (f"In the chapter's survival model, each forager's daily finds vary with a variability "
            f"(coefficient of variation) of {cv:g}. About what share of foragers in groups of {size} "
            "that pool their food survive the season?")
    return _question(stem, "LO2", (shown[0], f"Right: at variability {cv:g}, groups of {size} keep "
                                              f"{100 * values[0]:.0f}% alive in the model."),
                     [(shown[1], "That is the share of loners who survive at this variability: pooling is "
                                 "what the groups add."),
                      (shown[2], f"That is for groups of ten; groups of {size} average out less luck."),
                      (shown[3], f"That is at variability {cv + 0.5:g}, not {cv:g}: more variable finds "
                                 "make survival harder.")])


def odds_ratio_question(rng: random.Random) -> dict:
    """Chapter 4: the survival an odds ratio implies, against the common misreadings."""
    while True:
        baseline, ratio = rng.choice([0.6, 0.7, 0.75, 0.8, 0.85, 0.9]), rng.choice([1.2, 1.3, 1.5, 1.8, 2.0])
        implied = mortality.probability_after_odds_ratio(baseline, ratio)
        misread = mortality.misread_survival(ratio, baseline)
        times = baseline * ratio
        wrong = [(f"About {100 * misread:.1f}%", f"That reads the odds ratio as {100 * (ratio - 1):.0f}% "
                                                 "fewer deaths; an odds ratio multiplies odds, not risks."),
                 (f"About {100 * baseline:.1f}%", "That is the comparison group's own survival: an odds "
                                                  "ratio above 1 means the better-connected group does better.")]
        if times < 1:
            wrong.append((f"About {100 * times:.1f}%", "That multiplies the survival itself by the odds "
                                                       "ratio; the ratio multiplies the odds, p / (1 - p)."))
        else:
            wrong.append(("Over 100%: the ratio cannot apply here", "An odds ratio can apply to any "
                          "baseline: multiplying the odds always gives a probability below 100%."))
        right = f"About {100 * implied:.1f}%"
        if _distinct([right] + [text for text, _ in wrong]):
            break
    stem = (f"In a group where {100 * baseline:g} per cent survive a study's follow-up, what survival "
            f"does an odds ratio of {ratio:.2f} for survival imply for a better-connected group?")
    odds = baseline / (1 - baseline)
    return _question(stem, "LO3", (right, f"Right: odds {odds:.2f} × {ratio:.2f} = {odds * ratio:.2f}, "
                                          f"and odds of {odds * ratio:.2f} mean survival of {100 * implied:.1f}%."),
                     wrong)


def friendship_question(rng: random.Random) -> dict:
    """Chapter 8: weeks to the casual-friend midpoint with leisure and school hours."""
    while True:
        leisure, school = rng.choice([1, 2, 3, 4]), rng.choice([3, 5, 8, 10])
        values = [friendship.weeks_to_stage("casual friend", leisure, school),
                  friendship.weeks_to_stage("casual friend", leisure),
                  friendship.weeks_to_stage("casual friend", leisure + school),
                  friendship.weeks_to_stage("close friend", leisure, school)]
        shown = [f"About {v:.1f} weeks" for v in values]
        if _distinct(shown):
            break
    hours = "hour" if leisure == 1 else "hours"
    stem = (f"In the friendship-hours model, a pair spends {leisure} leisure {hours} a week together and "
            f"another {school} hours a week side by side at school. Roughly how many weeks until they "
            "reach the casual-friend midpoint?")
    return _question(stem, "LO4", (shown[0], f"Right: school hours count at a weight of "
                                              f"{friendship.SCHOOL_WEIGHT:g} each, so the pair reaches the "
                                              f"midpoint in about {values[0]:.1f} weeks."),
                     [(shown[1], "That leaves out the school hours; the model counts them, at a lower weight."),
                      (shown[2], "That counts school hours like leisure hours; the model weights them less."),
                      (shown[3], "That is the time to the close-friend midpoint, a later stage.")])


QUESTIONS: dict[str, list[Maker]] = {
    "01-what-belonging-is": [homeostat_question],
    "02-evolutionary-foundations": [survival_question],
    "04-when-the-need-goes-unmet": [odds_ratio_question],
    "08-time-talk-and-friendship": [friendship_question],
}
