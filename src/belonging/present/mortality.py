"""Figures and live panel for the mortality comparison (data: :mod:`belonging.mortality`).

The forest plot shows the published odds ratios as they are; the explorable turns them into
survival probabilities for a chosen baseline, so learners see that odds ratios are not risk
ratios.
"""
from __future__ import annotations

import plotly.graph_objects as go

from .. import mortality as data
from .explorable import Explorable, slider_figure, static_figure
from .palette import REFERENCE, colour
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


EXPLORABLES = (explorable, forest_plot)
