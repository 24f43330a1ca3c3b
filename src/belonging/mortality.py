"""Mortality comparison: published odds ratios from two meta-analyses, and what they mean.

Sources: Holt-Lunstad, Smith & Layton (2010), "Social relationships and mortality risk: a
meta-analytic review", PLoS Medicine 7(7), e1000316 (148 studies, 308,849 participants);
Holt-Lunstad, Smith, Baker, Harris & Stephenson (2015), "Loneliness and social isolation as
risk factors for mortality: a meta-analytic review", Perspectives on Psychological Science
10(2), 227–237.

What is transcribed and what is not
-----------------------------------
This module is **data, not a simulation**. Each row is an odds ratio copied from a paper, with
the place it was read (the abstract) and a note. Nothing in the rows is invented or
illustrative: where a 95% confidence interval could not be checked against a copy of the paper
it is stored as ``None`` and the row's note says so. The only illustrative part is the baseline
probability a learner feeds to :func:`probability_after_odds_ratio`: the papers average over
many studies with different baselines, so any single baseline is a "what if".

How to read the numbers
-----------------------
* These are **associations from observational studies**, not causal effects. Illness can
  reduce social contact (reverse causation), and confounding is only partly controlled.
* The 2010 odds ratios are for **survival**: OR = 1.50 means the odds of surviving the
  follow-up were 50% greater for people with stronger social relationships. That is *not* "a
  50% lower risk of death". Odds are p / (1 - p), not probabilities, and an odds ratio is not a
  risk ratio: at a baseline survival of 70%, odds of survival 1.5 times greater give 77.8%
  survival, so the risk of death falls from 30% to 22.2%, about a quarter, not a half.
* The 2015 odds ratios are for **mortality**: OR = 1.29 for social isolation means 29% greater
  odds of dying during follow-up for isolated people, after adjusting for several confounds.
* Each number is an average across studies whose populations, follow-up times and measures
  differ.

* The two papers are **not directly comparable**. The 2010 review took, from each study, the
  model with the fewest statistical controls (mostly unadjusted or minimally adjusted
  estimates); the 2015 review averaged estimates from studies that controlled for several
  possible confounds. The 2010 ratios are odds of survival, the 2015 ratios odds of death.

The 2010 paper by type of measure
---------------------------------
:data:`TABLE_4_2010` holds every row of the 2010 paper's Table 4 ("Weighted average effect
sizes for the association of social relationships with mortality, by type of measure"): the
measure, its category (functional, structural or combined), the number of effect sizes ``k``,
the odds ratio for survival and its 95% CI, read from the table at
https://pmc.ncbi.nlm.nih.gov/articles/PMC2910600/table/pmed-1000316-t004 . Measures marked
"inversed" (loneliness, living alone, social isolation) were reversed by the authors so that,
like every other row, the odds ratio is for survival with *more* connection: 1.45 for
loneliness means 45% greater odds of survival for the less lonely.

Reproduces (tests/models/test_mortality.py, tests/models/test_mortality_tables.py): the
published numbers, with their sources; the 2010 overall interval excludes 1 while the 2010
living-alone interval includes it; the odds-ratio converter (OR 1.50 at baseline survival
0.70 gives about 0.778); every Table 4 row with its k and interval.
"""
from __future__ import annotations

from dataclasses import dataclass

from ._checks import check_choice, check_number

OUTCOMES = ("survival", "mortality")
STUDIES = {
    "2010": "Holt-Lunstad, Smith & Layton (2010), PLoS Medicine 7(7), e1000316. "
            "doi:10.1371/journal.pmed.1000316",
    "2015": "Holt-Lunstad, Smith, Baker, Harris & Stephenson (2015), Perspectives on "
            "Psychological Science 10(2), 227–237. doi:10.1177/1745691614568352",
}
MAX_ODDS = 1e6
MIN_OR, MAX_OR = 0.01, 100.0

_CI_NOT_VERIFIED = (
    "The 95% confidence interval could not be verified from a stored copy of the paper's "
    "tables, so it is left as None rather than guessed."
)


@dataclass(frozen=True)
class OddsRatioRow:
    """One published odds ratio. ``ci_low``/``ci_high`` are None when not verified."""

    label: str
    odds_ratio: float
    ci_low: float | None
    ci_high: float | None
    outcome: str
    study: str
    source: str
    note: str
    #: Number of effect sizes averaged (Table 4 of the 2010 paper), or None where not given.
    k: int | None = None
    #: Table 4's category of measure ("functional", "structural", "combined"), or None.
    category: str | None = None


ROWS: tuple[OddsRatioRow, ...] = (
    OddsRatioRow(
        "Stronger social relationships, overall (2010)", 1.50, 1.42, 1.59, "survival", "2010",
        "abstract (Results)",
        "Random-effects average across 148 studies (308,849 participants): 50% greater odds of "
        "survival with stronger social relationships; not 50% lower risk of death.",
    ),
    OddsRatioRow(
        "Complex measures of social integration (2010)", 1.91, 1.63, 2.23, "survival", "2010",
        "abstract (Results)",
        "The strongest association among the types of social measure compared.",
    ),
    OddsRatioRow(
        "Living with others vs alone, binary measure (2010)", 1.19, 0.99, 1.44, "survival", "2010",
        "abstract (Results)",
        "The weakest association among the types of social measure; its 95% CI includes 1.",
    ),
    OddsRatioRow(
        "Social isolation (2015)", 1.29, None, None, "mortality", "2015", "abstract",
        "Average across studies that controlled for several possible confounds: 29% greater "
        "odds of death. " + _CI_NOT_VERIFIED,
    ),
    OddsRatioRow(
        "Loneliness (2015)", 1.26, None, None, "mortality", "2015", "abstract",
        "Average across studies that controlled for several possible confounds: 26% greater "
        "odds of death; similar to objective isolation. " + _CI_NOT_VERIFIED,
    ),
    OddsRatioRow(
        "Living alone (2015)", 1.32, None, None, "mortality", "2015", "abstract",
        "Average across studies that controlled for several possible confounds: 32% greater "
        "odds of death. " + _CI_NOT_VERIFIED,
    ),
)


_TABLE_4 = "Table 4 (by type of measure)"
_INVERSED = ("The authors reversed this measure (\"inversed\") so that, like every other row, "
             "the odds ratio is for survival with more connection. ")
_LEAST_ADJUSTED = ("Least-adjusted estimates: the review took each study's model with the fewest "
                   "statistical controls.")


#: Table 4's rows as printed: measure, category, k, odds ratio, 95% CI, and a note. (Plain data
#: turned into rows at import, not through a helper function: nothing here is computed.)
_TABLE_4_PRINTED = (
    ("Received support", "functional", 9, 1.22, 0.91, 1.63,
     "Support people report having received; the 95% CI includes 1. "),
    ("Perceived support", "functional", 73, 1.35, 1.22, 1.49,
     "Support people believe is available to them. "),
    ("Loneliness (inversed)", "functional", 8, 1.45, 1.08, 1.94,
     _INVERSED + "Greater odds of survival for the less lonely. "),
    ("Living alone (inversed)", "structural", 17, 1.19, 0.99, 1.44,
     _INVERSED + "Greater odds of survival for those living with others; the 95% CI includes 1. "),
    ("Marital status", "structural", 62, 1.33, 1.20, 1.48, ""),
    ("Social isolation (inversed)", "structural", 8, 1.40, 1.06, 1.86,
     _INVERSED + "Greater odds of survival for the less isolated. "),
    ("Social networks", "structural", 71, 1.45, 1.32, 1.59, ""),
    ("Social integration", "structural", 45, 1.52, 1.36, 1.69, ""),
    ("Complex integration", "structural", 30, 1.91, 1.63, 2.23,
     "Measures combining several aspects of social integration: the largest association. "),
    ("Multifaceted", "combined", 67, 1.47, 1.34, 1.60,
     "Measures combining structural and functional aspects. "),
)

#: Every row of Table 4 of Holt-Lunstad, Smith & Layton (2010), in the table's order.
TABLE_4_2010: tuple[OddsRatioRow, ...] = tuple(
    OddsRatioRow(f"{measure} (2010, Table 4)", odds_ratio, ci_low, ci_high, "survival", "2010",
                 _TABLE_4, note + _LEAST_ADJUSTED, k=k, category=category)
    for measure, category, k, odds_ratio, ci_low, ci_high, note in _TABLE_4_PRINTED
)
CATEGORIES = ("functional", "structural", "combined")


def table_rows(category: str | None = None) -> tuple[OddsRatioRow, ...]:
    """Every row of the 2010 paper's Table 4, or only one category of measure:
    ``"functional"``, ``"structural"`` or ``"combined"``."""
    if category is None:
        return TABLE_4_2010
    check_choice("category", category, CATEGORIES)
    return tuple(r for r in TABLE_4_2010 if r.category == category)


def rows(study: str | None = None) -> tuple[OddsRatioRow, ...]:
    """The six headline rows from the two abstracts, or only those of one study: ``"2010"`` or
    ``"2015"``. (The 2010 paper's rows by type of measure are in :func:`table_rows`.)"""
    if study is None:
        return ROWS
    check_choice("study", study, tuple(STUDIES))
    return tuple(r for r in ROWS if r.study == study)


def odds_to_probability(odds: float) -> float:
    """Odds p / (1 - p) back to a probability p."""
    odds = check_number("odds", odds, 0.0, MAX_ODDS)
    return odds / (1.0 + odds)


def probability_to_odds(probability: float) -> float:
    """A probability p (below 1) to odds p / (1 - p)."""
    p = check_number("probability", probability, 0.0, 0.999999)
    return p / (1.0 - p)


def probability_after_odds_ratio(baseline_probability: float, odds_ratio: float) -> float:
    """The probability implied for the comparison group by multiplying the baseline's odds.

    Example: an OR of 1.50 for survival, in a group whose baseline survival is 70%, gives
    odds 0.7 / 0.3 × 1.5 = 3.5, so survival 3.5 / 4.5 ≈ 77.8% (not 70% × 1.5, and not "half
    the deaths").
    """
    p = check_number("baseline_probability", baseline_probability, 0.0, 1.0)
    ratio = check_number("odds_ratio", odds_ratio, MIN_OR, MAX_OR)
    if p == 1.0:
        return 1.0  # certain events stay certain whatever the odds ratio
    odds = p / (1.0 - p) * ratio
    return odds / (1.0 + odds)


def implied_survival(row: OddsRatioRow, baseline_survival: float) -> float:
    """Survival implied by a row for the group it describes, given the comparison group's
    survival: the better-connected group for survival rows, the isolated, lonely or
    living-alone group for mortality rows."""
    _check_row(row)
    check_number("baseline_survival", baseline_survival, 0.0, 1.0)
    if row.outcome == "survival":
        return probability_after_odds_ratio(baseline_survival, row.odds_ratio)
    return 1.0 - probability_after_odds_ratio(1.0 - baseline_survival, row.odds_ratio)


def misread_survival(odds_ratio: float, baseline_survival: float) -> float:
    """Survival under the common misreading of a survival OR as "(OR - 1) × 100% lower risk of
    death": shown only to contrast with :func:`probability_after_odds_ratio`."""
    ratio = check_number("odds_ratio", odds_ratio, 1.0, 2.0)
    s = check_number("baseline_survival", baseline_survival, 0.0, 1.0)
    return 1.0 - (1.0 - s) * (2.0 - ratio)


def _check_row(row: object) -> OddsRatioRow:
    if not isinstance(row, OddsRatioRow):
        raise ValueError(f"row must be one of the OddsRatioRow objects from rows(); got {type(row).__name__}")
    return row


def ci_excludes_one(row: OddsRatioRow) -> bool | None:
    """True if the 95% CI lies wholly above or below 1; None when the CI was not verified."""
    _check_row(row)
    if row.ci_low is None or row.ci_high is None:
        return None
    return row.ci_low > 1.0 or row.ci_high < 1.0


def default_run() -> tuple[OddsRatioRow, ...]:
    """The transcribed rows (there is nothing to simulate)."""
    return rows()
