"""The 2010 paper's Table 4 in the mortality data, and the forest plot drawn from it.

Holt-Lunstad, Smith & Layton (2010), PLoS Medicine 7(7) e1000316, Table 4 ("by type of
measure"), read at pmc.ncbi.nlm.nih.gov/articles/PMC2910600/table/pmed-1000316-t004.
"""
import pytest

from belonging import mortality as m
from belonging.figures import mortality as pm

TABLE_4 = [  # measure, category, k, OR, CI low, CI high: as printed in the table
    ("Received support", "functional", 9, 1.22, 0.91, 1.63),
    ("Perceived support", "functional", 73, 1.35, 1.22, 1.49),
    ("Loneliness (inversed)", "functional", 8, 1.45, 1.08, 1.94),
    ("Living alone (inversed)", "structural", 17, 1.19, 0.99, 1.44),
    ("Marital status", "structural", 62, 1.33, 1.20, 1.48),
    ("Social isolation (inversed)", "structural", 8, 1.40, 1.06, 1.86),
    ("Social networks", "structural", 71, 1.45, 1.32, 1.59),
    ("Social integration", "structural", 45, 1.52, 1.36, 1.69),
    ("Complex integration", "structural", 30, 1.91, 1.63, 2.23),
    ("Multifaceted", "combined", 67, 1.47, 1.34, 1.60),
]


def test_every_table_4_row_is_transcribed_in_order():
    got = [(r.label.replace(" (2010, Table 4)", ""), r.category, r.k, r.odds_ratio, r.ci_low, r.ci_high)
           for r in m.table_rows()]
    assert got == TABLE_4


def test_table_rows_are_cited_survival_rows_of_2010():
    for row in m.table_rows():
        assert row.study == "2010" and row.outcome == "survival"
        assert "Table 4" in row.source and "fewest" in row.note
        assert row.ci_low < row.odds_ratio < row.ci_high


def test_table_agrees_with_the_abstract_where_they_overlap():
    """The abstract's complex-integration (1.91, 1.63–2.23) and living-alone (1.19, 0.99–1.44)
    figures are Table 4's rows."""
    by_label = {r.label: r for r in m.table_rows()}
    for abstract_label, table_label in [
        ("Complex measures of social integration (2010)", "Complex integration (2010, Table 4)"),
        ("Living with others vs alone, binary measure (2010)", "Living alone (inversed) (2010, Table 4)"),
    ]:
        (a,) = [r for r in m.rows("2010") if r.label == abstract_label]
        t = by_label[table_label]
        assert (a.odds_ratio, a.ci_low, a.ci_high) == (t.odds_ratio, t.ci_low, t.ci_high)


def test_only_received_support_and_living_alone_intervals_include_one():
    including = [r.label for r in m.table_rows() if not m.ci_excludes_one(r)]
    assert including == ["Received support (2010, Table 4)", "Living alone (inversed) (2010, Table 4)"]


def test_complex_integration_is_the_largest_and_living_alone_the_smallest():
    ordered = sorted(m.table_rows(), key=lambda r: r.odds_ratio)
    assert ordered[0].label.startswith("Living alone") and ordered[-1].label.startswith("Complex")


def test_categories_filter_and_bad_category():
    assert [len(m.table_rows(c)) for c in m.CATEGORIES] == [3, 6, 1]
    assert sum(len(m.table_rows(c)) for c in m.CATEGORIES) == len(m.table_rows())
    with pytest.raises(ValueError, match=r"^category must be one of"):
        m.table_rows("social")


def test_headline_rows_are_unchanged_by_the_table():
    assert len(m.rows()) == 6 and all(r.k is None and r.category is None for r in m.rows())
    for row in m.rows("2015"):
        assert row.ci_low is None and row.ci_high is None


def test_table_forest_plot_draws_the_table_and_says_what_it_is():
    ex = pm.table_forest_plot()
    drawn = [(x, y) for t in ex.figure.data for x, y in zip(t.x, t.y)]
    assert len(drawn) == len(m.table_rows()) + len(m.rows("2015"))
    for row in m.table_rows():
        assert any(abs(x - row.odds_ratio) < 1e-9 and f"k = {row.k}" in y for x, y in drawn)
        assert f"{row.odds_ratio:.2f}" in ex.summary
    later = ex.figure.data[-1]
    assert later.error_x.array is None, "the 2015 intervals are not verified: none may be drawn"
    for phrase in ("least-adjusted", "adjusted odds of death", "not directly comparable", "not proof of cause"):
        assert phrase in ex.summary
    assert ex.json_bytes() < 300_000
    assert pm.table_forest_plot in pm.EXPLORABLES
