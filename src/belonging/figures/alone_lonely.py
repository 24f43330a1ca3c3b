"""Figures and live panel for alone versus lonely (model: :mod:`belonging.alone_lonely`)."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .. import alone_lonely as model
from .explorable import Explorable, slider_figure, static_figure
from .palette import colour
from .panel import LivePanel, slider

#: Slider positions for how much people differ in the connection they want.
DESIRE_SPREADS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
#: Bands of hours alone for the line of average loneliness.
BANDS = np.arange(4.0, 17.0, 2.0)  # edges 4, 6, ..., 16
AXIS = dict(xaxis=dict(range=[3.5, 16.2]), yaxis=dict(range=[-0.02, 1.0]), hovermode="closest")


def _band_means(population: model.Population) -> tuple[list[float], list[float]]:
    """Average loneliness in two-hour bands of time alone (bands with fewer than 5 people skipped)."""
    xs, ys = [], []
    for lo, hi in zip(BANDS[:-1], BANDS[1:]):
        inside = (population.hours_alone >= lo) & (population.hours_alone < hi + (1e-9 if hi == BANDS[-1] else 0))
        if inside.sum() >= 5:
            xs.append(float((lo + hi) / 2))
            ys.append(float(population.loneliness[inside].mean()))
    return xs, ys


def _traces(population: model.Population) -> list[dict]:
    r = model.correlation(population)
    bx, by = _band_means(population)
    return [
        dict(x=population.hours_alone, y=population.loneliness, mode="markers",
             name=f"One simulated person (correlation r = {r:.2f})",
             marker=dict(color=colour(0), size=6, opacity=0.55, line=dict(width=0)),
             hovertemplate="%{x:.1f} h alone, loneliness %{y:.2f}<extra></extra>"),
        dict(x=bx, y=by, mode="lines+markers", name="Average loneliness in each two-hour band",
             line=dict(color=colour(1), width=3, dash="dash"), marker=dict(size=8, symbol="diamond"),
             hovertemplate="%{x:.0f} h alone: average %{y:.2f}<extra></extra>"),
    ]


def explorable() -> Explorable:
    """How much people differ in what they want, on the slider; the link to time alone weakens."""
    rs = [model.correlation_at("desire_spread", s) for s in DESIRE_SPREADS]
    steps = ", ".join(f"{r:.2f} at a spread of {s:.1f}" for s, r in zip(DESIRE_SPREADS, rs))
    default = model.DEFAULTS
    return slider_figure(
        values=DESIRE_SPREADS,
        traces_for=lambda s: _traces(model.simulate(desire_spread=s)),
        slider_label="How much people differ in the connection they want",
        value_format=lambda s: f"{s:.1f}",
        title="Time alone and loneliness in 400 simulated people (illustrative model)",
        x_title="Hours a day spent alone (of 16 waking hours)",
        y_title="Loneliness (shortfall below wanted connection)",
        active=DESIRE_SPREADS.index(default["desire_spread"]),
        layout=AXIS,
        summary=(
            "Each dot is one of 400 simulated people: how many of their 16 waking hours a day they spend "
            "alone, and how lonely they are, measured as the shortfall of quality-weighted connection "
            "below the connection they want. The dashed line is average loneliness in two-hour bands. "
            "The slider sets how much people differ in the connection they want (the spread, 0 to 0.5); "
            "the quality of relationships varies the same way throughout. The correlation between time "
            f"alone and loneliness at each spread is {steps}. When everyone wants about the same, "
            "loneliness rises steadily with time alone; as wants differ more, the cloud spreads out, "
            "some people who are rarely alone are lonely, some who are often alone are not, and the "
            "correlation falls to a modest value. The numbers are illustrative, not measurements."
        ),
    )


def _panel_figure(desire_spread: float, quality_spread: float, contact_mean: float) -> go.Figure:
    population = model.simulate(desire_spread=desire_spread, quality_spread=quality_spread,
                                contact_mean=contact_mean)
    r = model.correlation(population)
    return static_figure(
        traces=_traces(population),
        title=f"Time alone vs loneliness: r = {r:.2f}",
        x_title="Hours a day spent alone (of 16 waking hours)",
        y_title="Loneliness (0–1)",
        layout={**AXIS, "xaxis": dict(range=[-0.5, 16.5])},
        summary="",
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the model on the same 400 people."""
    d = model.DEFAULTS
    return LivePanel(
        {
            "desire_spread": slider("How much people differ in wanted connection", d["desire_spread"], 0, 0.5, 0.05),
            "quality_spread": slider("How much relationship quality differs", d["quality_spread"], 0, 0.5, 0.05),
            "contact_mean": slider("Average hours a day with others", d["contact_mean"], 0.5, 10, 0.5),
        },
        _panel_figure,
        note="Illustrative model: move one slider at a time, predict the correlation r before you look.",
    )


EXPLORABLES = (explorable,)
