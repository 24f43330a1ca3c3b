"""Mortality comparison: the transcribed odds ratios of Holt-Lunstad et al. (2010, 2015),
the odds-ratio converter, properties, bad input."""
import math

import pytest
from hypothesis import given, strategies as st

from belonging import mortality as m

unit = st.floats(0, 1)
ratios = st.floats(m.MIN_OR, m.MAX_OR)


def _row(label_start: str) -> m.OddsRatioRow:
    (row,) = [r for r in m.rows() if r.label.startswith(label_start)]
    return row


# --- Calibration: the rows reproduce the published numbers ----------------------------------

@pytest.mark.parametrize(
    "label, odds_ratio, ci_low, ci_high",
    [
        ("Stronger social relationships, overall", 1.50, 1.42, 1.59),
        ("Complex measures of social integration", 1.91, 1.63, 2.23),
        ("Living with others vs alone", 1.19, 0.99, 1.44),
    ],
)
def test_2010_rows_match_the_paper(label, odds_ratio, ci_low, ci_high):
    """Holt-Lunstad, Smith & Layton (2010), PLoS Medicine 7(7) e1000316, abstract: across 148
    studies, OR = 1.50 (95% CI 1.42 to 1.59) for survival; complex measures of social
    integration OR = 1.91 (1.63 to 2.23); living alone versus with others OR = 1.19 (0.99 to 1.44)."""
    row = _row(label)
    assert (row.odds_ratio, row.ci_low, row.ci_high) == (odds_ratio, ci_low, ci_high)
    assert row.outcome == "survival" and row.study == "2010" and "abstract" in row.source


@pytest.mark.parametrize(
    "label, odds_ratio", [("Social isolation", 1.29), ("Loneliness", 1.26), ("Living alone (2015)", 1.32)]
)
def test_2015_rows_match_the_paper(label, odds_ratio):
    """Holt-Lunstad, Smith, Baker, Harris & Stephenson (2015), Perspectives on Psychological
    Science 10(2) 227–237, abstract: adjusted social isolation OR = 1.29, loneliness OR = 1.26,
    living alone OR = 1.32 for mortality. Their CIs were not verified, so they must be None and
    the note must say so (never an invented interval)."""
    row = _row(label)
    assert row.odds_ratio == odds_ratio and row.outcome == "mortality" and row.study == "2015"
    assert row.ci_low is None and row.ci_high is None
    assert "not be verified" in row.note
    assert m.ci_excludes_one(row) is None


def test_2010_overall_ci_excludes_one_but_living_alone_ci_includes_it():
    """Holt-Lunstad et al. (2010), PLoS Medicine: the overall association is reliably above 1;
    the binary living-alone indicator, the weakest measure, has a CI that includes 1."""
    assert m.ci_excludes_one(_row("Stronger social relationships")) is True
    assert m.ci_excludes_one(_row("Complex measures")) is True
    assert m.ci_excludes_one(_row("Living with others")) is False


def test_or_150_at_70_percent_survival_gives_778_not_850():
    """Holt-Lunstad et al. (2010): OR 1.50 means 50% greater odds of survival, not a 50% lower
    risk of death (dossier misconception #7). At baseline survival 0.70 the odds 7/3 become
    3.5, so survival is 3.5 / 4.5 ≈ 0.778; the misreading would give 0.85."""
    assert m.probability_after_odds_ratio(0.70, 1.50) == pytest.approx(0.7778, abs=5e-4)
    assert m.misread_survival(1.50, 0.70) == pytest.approx(0.85)
    assert m.implied_survival(_row("Stronger social relationships"), 0.70) == pytest.approx(7 / 9)


def test_every_row_is_cited_and_mortality_rows_lower_survival():
    for row in m.rows():
        assert row.study in m.STUDIES and row.source and row.note
        assert row.outcome in m.OUTCOMES
        implied = m.implied_survival(row, 0.8)
        assert implied > 0.8 if row.outcome == "survival" else implied < 0.8


def test_rows_filter_by_study():
    assert len(m.rows("2010")) == 3 and len(m.rows("2015")) == 3
    assert m.rows() == m.default_run() == m.rows("2010") + m.rows("2015")


def test_docstring_says_association_not_cause_and_odds_not_risk():
    doc = " ".join(m.__doc__.replace("*", "").split()).lower()
    assert "observational" in doc and "not causal" in doc
    assert "not \"a 50% lower risk of death\"" in doc


# --- Properties ---------------------------------------------------------------------------

@given(st.floats(1e-6, 0.999), ratios)
def test_converter_round_trip_and_bounds(p, ratio):
    q = m.probability_after_odds_ratio(p, ratio)
    assert 0 <= q <= 1
    if q < 0.9999:
        assert m.probability_to_odds(q) / m.probability_to_odds(p) == pytest.approx(ratio, rel=1e-6)


@given(st.floats(0.001, 0.999), ratios, st.floats(0.01, 5))
def test_converter_monotone_in_odds_ratio(p, ratio, more):
    higher = min(m.MAX_OR, ratio + more)
    assert m.probability_after_odds_ratio(p, higher) >= m.probability_after_odds_ratio(p, ratio)


@given(unit, ratios)
def test_odds_ratio_of_one_changes_nothing_and_above_one_raises(p, ratio):
    assert m.probability_after_odds_ratio(p, 1.0) == pytest.approx(p)
    moved = m.probability_after_odds_ratio(p, ratio)
    assert (moved >= p - 1e-12) if ratio >= 1 else (moved <= p + 1e-12)


@given(st.floats(0, 1e5))
def test_odds_to_probability_inverts_probability_to_odds(odds):
    p = m.odds_to_probability(odds)
    assert 0 <= p < 1
    if p < 0.999:
        assert m.probability_to_odds(p) == pytest.approx(odds, rel=1e-6)


@given(st.floats(0.01, 0.99), st.floats(1.01, 3))
def test_odds_ratio_is_not_a_risk_ratio(p, ratio):
    """The new probability is never the baseline times the OR (except when that is impossible)."""
    assert m.probability_after_odds_ratio(p, ratio) < min(1.0, p * ratio)


# --- Bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(baseline_probability=-0.1, odds_ratio=1.5), "baseline_probability"),
        (dict(baseline_probability=1.1, odds_ratio=1.5), "baseline_probability"),
        (dict(baseline_probability=math.nan, odds_ratio=1.5), "baseline_probability"),
        (dict(baseline_probability="0.7", odds_ratio=1.5), "baseline_probability"),
        (dict(baseline_probability=0.7, odds_ratio=0), "odds_ratio"),
        (dict(baseline_probability=0.7, odds_ratio=-1.5), "odds_ratio"),
        (dict(baseline_probability=0.7, odds_ratio=math.inf), "odds_ratio"),
        (dict(baseline_probability=0.7, odds_ratio=None), "odds_ratio"),
        (dict(baseline_probability=0.7, odds_ratio=True), "odds_ratio"),
    ],
)
def test_bad_input_names_parameter_and_range(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must be .* between"):
        m.probability_after_odds_ratio(**kwargs)


@pytest.mark.parametrize("odds", [-1, math.nan, math.inf, "2", None])
def test_bad_odds(odds):
    with pytest.raises(ValueError, match=r"^odds must be .* between"):
        m.odds_to_probability(odds)


@pytest.mark.parametrize("study", ["2011", 2010, "Holt-Lunstad"])
def test_unknown_study_lists_the_choices(study):
    with pytest.raises(ValueError, match=r"^study must be one of '2010', '2015'"):
        m.rows(study)


@pytest.mark.parametrize("row", [None, "overall", (1.5, 1.42, 1.59)])
def test_ci_check_needs_a_row(row):
    with pytest.raises(ValueError, match=r"^row must be one of"):
        m.ci_excludes_one(row)


# --- Reading an interval, converting odds -------------------------------------------------------

def _with_ci(low, high):
    return m.OddsRatioRow("test row", 1.2, low, high, "survival", "2010", "test", "test")


@pytest.mark.parametrize("low, high, excludes", [
    (1.01, 1.5, True), (1.0, 1.5, False), (0.5, 0.99, True), (0.5, 1.0, False), (0.8, 1.2, False),
    (None, 1.5, None), (1.1, None, None), (None, None, None),
])
def test_an_interval_excludes_one_only_when_wholly_above_or_below(low, high, excludes):
    """Holt-Lunstad et al. (2010): an odds ratio is reliably different from 1 only when its 95%
    interval does not touch 1; an interval that was not verified (either end missing) says nothing."""
    assert m.ci_excludes_one(_with_ci(low, high)) is excludes


@pytest.mark.parametrize("baseline, ratio", [(0.7, 1.5), (0.2, 1.29), (0.9, 0.5), (0.0, 3.0)])
def test_implied_survival_applies_the_ratio_to_the_right_outcome(baseline, ratio):
    """Survival rows multiply the odds of surviving; mortality rows the odds of dying."""
    surv = m.OddsRatioRow("s", ratio, None, None, "survival", "2010", "t", "t")
    mort = m.OddsRatioRow("d", ratio, None, None, "mortality", "2015", "t", "t")
    odds = baseline / (1 - baseline) * ratio
    assert m.implied_survival(surv, baseline) == pytest.approx(odds / (1 + odds))
    death_odds = (1 - baseline) / baseline * ratio if baseline else math.inf
    assert m.implied_survival(mort, baseline) == pytest.approx(1 - death_odds / (1 + death_odds) if baseline else 0.0)


def test_certain_outcomes_stay_certain():
    assert m.probability_after_odds_ratio(1.0, 0.01) == 1.0
    assert m.probability_after_odds_ratio(0.0, 100) == 0.0


def test_odds_and_probabilities_by_hand():
    assert m.odds_to_probability(3.0) == 0.75 and m.odds_to_probability(0) == 0.0
    assert m.probability_to_odds(0.75) == 3.0 and m.probability_to_odds(0.0) == 0.0


@pytest.mark.parametrize("ratio, baseline, misread", [(1.5, 0.7, 0.85), (1.0, 0.6, 0.6), (2.0, 0.3, 1.0), (1.2, 0.0, 0.2)])
def test_the_misreading_removes_that_share_of_deaths(ratio, baseline, misread):
    """The misreading of OR 1.50 as "50% fewer deaths" (dossier misconception #7)."""
    assert m.misread_survival(ratio, baseline) == pytest.approx(misread)
