"""Figures and live panel for the mortality comparison (data: :mod:`belonging.mortality`).

The forest plot shows the published odds ratios as they are; the explorable turns them into
survival probabilities for a chosen baseline, so learners see that odds ratios are not risk
ratios.
"""
from __future__ import annotations

import plotly.graph_objects as go

from .. import mortality as data
from .explorable import Explorable, slider_figure, static_figure
from .palette import BLACK, REFERENCE, colour
from .panel import LivePanel, slider

BASELINES = [0.30, 0.50, 0.70, 0.80, 0.90, 0.95]
COMPARISON = "Comparison group<br>(slider)"
MISREAD = "1.50 misread as<br>'50% lower risk<br>of death'"
SHORT_LABELS = {
    "Stronger social relationships, overall (2010)": "Stronger ties,<br>overall (2010)",
    "Complex measures of social integration (2010)": "Social integration,<br>complex (2010)",
    "Living with others vs alone, binary measure (2010)": "Living with<br>others (2010)",
    "Social isolation (2015)": "Social<br>isolation (2015)",
    "Loneliness (2015)": "Loneliness<br>(2015)",
    "Living alone (2015)": "Living alone<br>(2015)",
}
OVERALL = data.rows("2010")[0]


def _bar(x: list[str], y: list[float], name: str, fill: str) -> dict:
    percent = [100 * v for v in y]
    return dict(type="bar", x=x, y=percent, name=name, marker=dict(color=fill),
                text=[f"{v:.1f}%" for v in percent], textposition="outside")


def _survival_bars(baseline: float) -> list[dict]:
    groups = {"2010": [], "2015": []}
    for row in data.rows():
        groups[row.study].append(row)
    return [
        _bar([COMPARISON], [baseline],
             "Comparison group (weaker ties for 2010; not isolated, lonely or alone for 2015)", REFERENCE),
        _bar([SHORT_LABELS[r.label] for r in groups["2010"]],
             [data.implied_survival(r, baseline) for r in groups["2010"]],
             "2010 odds ratios for survival: the better-connected group", colour(0)),
        _bar([SHORT_LABELS[r.label] for r in groups["2015"]],
             [data.implied_survival(r, baseline) for r in groups["2015"]],
             "2015 odds ratios for death: the isolated, lonely or living-alone group", colour(1)),
        _bar([MISREAD], [data.misread_survival(OVERALL.odds_ratio, baseline)],
             "A common misreading (wrong)", colour(4)),
    ]


def explorable() -> Explorable:
    """Baseline survival on the slider; bars show the survival each odds ratio implies."""
    return slider_figure(
        values=BASELINES,
        traces_for=_survival_bars,
        slider_label="Survival of the comparison group",
        value_format=lambda b: f"{b * 100:.0f}%",
        title="What the published odds ratios imply for survival",
        x_title="Group described by each published odds ratio",
        y_title="Share surviving the follow-up (%)",
        active=BASELINES.index(0.70),
        layout=dict(barmode="overlay", hovermode="closest", yaxis=dict(range=[0, 109]),
                    margin=dict(b=110), legend=dict(font=dict(size=12))),
        height=540,
        summary=(
            "The slider sets how many people in a comparison group survive a study's follow-up. "
            "Each bar shows the survival that a published odds ratio implies for the group it "
            "describes: for the 2010 survival ratios, people with stronger social ties; for the "
            "2015 mortality ratios, people who are isolated, lonely or living alone. At 70% "
            "baseline survival, the overall odds ratio of 1.50 implies 77.8% survival, not the "
            "85% that the misreading '50% lower risk of death' would give. The higher the "
            "baseline survival, the smaller the gap in percentage points, because odds ratios "
            "multiply odds, not probabilities. These are associations from observational "
            "studies, averaged over studies, not proof that ties cause survival."
        ),
    )


def _forest_trace(rows: tuple[data.OddsRatioRow, ...], name: str, i: int, symbol: str) -> dict:
    trace = dict(
        type="scatter", mode="markers", name=name,
        x=[r.odds_ratio for r in rows], y=[r.label for r in rows],
        marker=dict(color=colour(i), size=11, symbol=symbol),
        hovertemplate="%{y}: OR %{x:.2f}<extra></extra>",
    )
    if all(r.ci_low is not None for r in rows):
        trace["error_x"] = dict(
            type="data", symmetric=False, color=colour(i), thickness=2, width=6,
            array=[r.ci_high - r.odds_ratio for r in rows],
            arrayminus=[r.odds_ratio - r.ci_low for r in rows],
        )
    return trace


def forest_plot() -> Explorable:
    """The six published odds ratios on a log scale, with 95% CIs where verified."""
    return static_figure(
        traces=[
            _forest_trace(data.rows("2010"), "2010: odds of survival, stronger vs weaker ties (95% CI)", 0,
                          "circle"),
            _forest_trace(data.rows("2015"), "2015: odds of death, isolated/lonely/alone vs not "
                          "(adjusted; CI not verified)", 1, "diamond"),
        ],
        title="Social relationships and mortality: published odds ratios",
        x_title="Odds ratio (log scale)",
        y_title="Measure (study year)",
        layout=dict(
            xaxis=dict(type="log", range=[-0.08, 0.4], tickvals=[0.9, 1, 1.25, 1.5, 2, 2.5]),
            yaxis=dict(autorange="reversed", automargin=True),
            shapes=[dict(type="line", x0=1, x1=1, xref="x", y0=0, y1=1, yref="paper",
                         line=dict(color=REFERENCE, dash="dot", width=2))],
            hovermode="closest", margin=dict(l=20), legend=dict(font=dict(size=12)),
        ),
        height=460,
        summary=(
            "Six odds ratios from two meta-analyses by Holt-Lunstad and colleagues, on a log "
            "scale with a dotted line at 1 (no association). From 2010, for survival: stronger "
            "social relationships overall 1.50 (95% CI 1.42 to 1.59), complex measures of social "
            "integration 1.91 (1.63 to 2.23), and living with others rather than alone 1.19 (0.99 "
            "to 1.44), the only interval that crosses 1. From 2015, adjusted odds ratios for "
            "death: social isolation 1.29, loneliness 1.26, living alone 1.32; their intervals "
            "are not drawn because they could not be verified. All are associations from "
            "observational studies, not causal effects."
        ),
    )


def _panel_figure(baseline_survival: float, odds_ratio: float) -> go.Figure:
    traces = _survival_bars(baseline_survival)[:3]
    custom = data.probability_after_odds_ratio(baseline_survival, odds_ratio)
    traces.append(_bar(["Your odds ratio<br>for survival"], [custom], f"Your odds ratio ({odds_ratio:.2f})", colour(2)))
    return static_figure(
        traces=traces,
        title=f"Comparison group survives {baseline_survival:.0%}; your OR {odds_ratio:.2f} gives {custom:.1%}",
        x_title="Group", y_title="Share surviving the follow-up (%)", summary="",
        layout=dict(barmode="overlay", hovermode="closest", yaxis=dict(range=[0, 109])),
        height=500,
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: try any baseline and any odds ratio for survival."""
    return LivePanel(
        {
            "baseline_survival": slider("Survival of the comparison group", 0.7, 0.05, 0.95, 0.05),
            "odds_ratio": slider("Your own odds ratio for survival", 1.5, 0.5, 3.0, 0.05),
        },
        _panel_figure,
        note="Odds ratios multiply odds, not probabilities: predict each bar before you move a slider.",
    )


_CATEGORY_NAMES = {
    "functional": "2010, functional measures: odds of survival (95% CI)",
    "structural": "2010, structural measures: odds of survival (95% CI)",
    "combined": "2010, combined measures: odds of survival (95% CI)",
}
_SHORT_2015 = {
    "Social isolation (2015)": "Social isolation",
    "Loneliness (2015)": "Loneliness",
    "Living alone (2015)": "Living alone",
}


def _table_label(row: data.OddsRatioRow) -> str:
    measure = row.label.replace(" (2010, Table 4)", "").replace(" (inversed)", "*")
    return f"{measure}, k = {row.k} (2010)"


def table_forest_plot() -> Explorable:
    """Every row of the 2010 paper's Table 4 with its 95% CI, and the three 2015 adjusted
    odds ratios (their intervals not verified, so not drawn), on one log scale."""
    traces = []
    for i, category in enumerate(data.CATEGORIES):
        table = data.table_rows(category)
        traces.append(dict(
            type="scatter", mode="markers", name=_CATEGORY_NAMES[category],
            x=[r.odds_ratio for r in table], y=[_table_label(r) for r in table],
            marker=dict(color=colour(i if i < 2 else 2), size=10,
                        symbol=("circle", "square", "triangle-up")[i]),
            error_x=dict(type="data", symmetric=False, color=colour(i if i < 2 else 2), thickness=2, width=5,
                         array=[round(r.ci_high - r.odds_ratio, 2) for r in table],
                         arrayminus=[round(r.odds_ratio - r.ci_low, 2) for r in table]),
            hovertemplate="%{y}: OR %{x:.2f}<extra></extra>",
        ))
    later = data.rows("2015")
    traces.append(dict(
        type="scatter", mode="markers",
        name="2015, adjusted: odds of death for the isolated, lonely or alone (CI not verified)",
        x=[r.odds_ratio for r in later], y=[f"{_SHORT_2015[r.label]} (2015)" for r in later],
        marker=dict(color=BLACK, size=11, symbol="diamond-open", line=dict(width=2)),
        hovertemplate="%{y}: OR %{x:.2f}<extra></extra>",
    ))
    return static_figure(
        traces=traces,
        title="Social connection and mortality, from the papers' tables",
        x_title="Odds ratio (log scale; 1 = no association)",
        y_title="Type of measure (* reversed, so more connection is better)",
        layout=dict(
            xaxis=dict(type="log", range=[-0.1, 0.42], tickvals=[0.9, 1, 1.25, 1.5, 2, 2.5]),
            yaxis=dict(autorange="reversed", automargin=True, tickfont=dict(size=12)),
            shapes=[dict(type="line", x0=1, x1=1, xref="x", y0=0, y1=1, yref="paper",
                         line=dict(color=REFERENCE, dash="dot", width=2))],
            hovermode="closest", margin=dict(l=20, t=150), legend=dict(font=dict(size=12)),
        ),
        height=640,
        summary=(
            "Thirteen odds ratios on a log scale, with a dotted line at 1 (no association). Ten "
            "come from Table 4 of Holt-Lunstad, Smith and Layton (2010), one per type of social "
            "measure, each the odds of survival for people with more connection, with its 95% "
            "confidence interval and k, the number of effect sizes averaged: received support "
            "1.22 (0.91 to 1.63, k = 9); perceived support 1.35 (1.22 to 1.49, k = 73); "
            "loneliness, reversed, 1.45 (1.08 to 1.94, k = 8); living alone, reversed, 1.19 (0.99 "
            "to 1.44, k = 17); marital status 1.33 (1.20 to 1.48, k = 62); social isolation, "
            "reversed, 1.40 (1.06 to 1.86, k = 8); social networks 1.45 (1.32 to 1.59, k = 71); "
            "social integration 1.52 (1.36 to 1.69, k = 45); complex integration 1.91 (1.63 to "
            "2.23, k = 30); multifaceted 1.47 (1.34 to 1.60, k = 67). Only received support and "
            "living alone have intervals that include 1. These 2010 figures are least-adjusted "
            "estimates. The last three points are the 2015 review's adjusted odds of death for "
            "social isolation 1.29, loneliness 1.26 and living alone 1.32; their intervals could "
            "not be verified and are not drawn. The two reviews are not directly comparable, and "
            "all the figures are associations from observational studies, not proof of cause."
        ),
    )


EXPLORABLES = (explorable, forest_plot, table_forest_plot)
