"""Cues a test-wise student could score on without reading: the measures behind the bank tests.

A fact-check of all 24 banks (issue 20) found two: in select-all questions the first option was
correct in 27 of 29 and the last in 4 of 29, and absolute words ("always", "never", "only" ...)
sat in 33% of wrong options but 13% of right ones, so "pick the hedged option" answered many
questions unread. The limits below are what chance allows, with room for a small bank:

* Select-all. With options in no particular order each is correct with probability m/n (about
  one half in these banks), so over k questions the first option should be correct about k/2
  times, and so should the last. A bank may have the first option correct in at most
  ceil(k/2) of its k >= 2 select-all questions, and the same for the last (a rewrite that moved
  every key off the first option onto the last made "tick the last one" the new cue); over all
  banks, each of the two between 35% and 65% of the select-all questions (chance: about 50%).
* Absolute words. The share of wrong options with one, minus the share of right options with
  one, is at most 0.15 in a bank (a bank has about 10-15 right options, so one option moves the
  right share by 7-10 points: 0.15 is "one or two options' worth") and at most 0.05 over all banks.
"""
from __future__ import annotations

import math
import re

ABSOLUTE_WORDS = ("always", "never", "only", "exactly", "all", "every", "everyone", "everything", "none",
                  "nobody", "no one", "completely", "entirely", "totally", "solely", "purely", "guaranteed",
                  "guarantees", "impossible", "certainly", "must", "cannot", "any")
_ABSOLUTE = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in ABSOLUTE_WORDS) + r")\b", re.I)
BANK_GAP = 0.15
ALL_BANKS_GAP = 0.05
#: Over all banks, the share of select-all questions whose first (or last) option is correct.
ALL_BANKS_SHARE = (0.35, 0.65)


def is_absolute(text: str) -> bool:
    return bool(_ABSOLUTE.search(text))


def select_all_positions(banks: list[dict]) -> tuple[int, int, int]:
    """(select-all questions, how many have the first option correct, how many the last)."""
    questions = [q for bank in banks for q in bank["questions"] if q["type"] == "many_choice"]
    first = sum(q["answers"][0]["correct"] for q in questions)
    last = sum(q["answers"][-1]["correct"] for q in questions)
    return len(questions), first, last


def absolute_gap(banks: list[dict]) -> tuple[float, float]:
    """Shares of wrong and of right options that contain an absolute word."""
    options = [a for bank in banks for q in bank["questions"] for a in q["answers"]]
    wrong = [is_absolute(a["answer"]) for a in options if not a["correct"]]
    right = [is_absolute(a["answer"]) for a in options if a["correct"]]
    share = lambda flags: sum(flags) / len(flags) if flags else 0.0
    return share(wrong), share(right)


def bank_cues(bank: dict) -> list[str]:
    """The select-all and absolute-word cues of one bank (empty when there are none)."""
    found: list[str] = []
    k, first, last = select_all_positions([bank])
    for where, count in (("first", first), ("last", last)):
        if k >= 2 and count > math.ceil(k / 2):
            found.append(f"the {where} option is correct in {count} of {k} select-all questions: "
                         "move correct options to other positions")
    wrong, right = absolute_gap([bank])
    if wrong - right > BANK_GAP:
        found.append(f"absolute words (always, never, only, ...) in {wrong:.0%} of wrong options but "
                     f"{right:.0%} of right ones: a test-wise reader picks the hedged option")
    return found


def all_banks_cues(banks: list[dict]) -> list[str]:
    """The same cues over every bank together, with the tighter limits of a large sample."""
    found: list[str] = []
    k, first, last = select_all_positions(banks)
    low, high = ALL_BANKS_SHARE
    for where, count in (("first", first), ("last", last)):
        if k and not low <= count / k <= high:
            found.append(f"{where} option correct in {count} of {k} select-all questions "
                         f"(allowed {low:.0%} to {high:.0%})")
    wrong, right = absolute_gap(banks)
    if wrong - right > ALL_BANKS_GAP:
        found.append(f"absolute words in {wrong:.0%} of wrong options and {right:.0%} of right ones "
                     f"(gap limit {ALL_BANKS_GAP:.2f})")
    return found
