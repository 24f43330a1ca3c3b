"""Figures and live panel for weak ties and social capital (model: :mod:`belonging.weak_ties`)."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .. import weak_ties as model
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, int_slider, slider

BRIDGE_STEPS = list(range(0, 6))
STEPS, RUNS = 30, 40
X_TITLE = "Time (steps of passing the news on)"
Y_TITLE = "Share of the group who have heard (0–1)"


def _share_traces(run: model.SpreadRun) -> list[dict]:
    return [
        dict(x=run.step, y=run.share_a, name="Group A (where the news starts)"),
        dict(x=run.step, y=run.share_b, name="Group B (reached only through bridges)"),
    ]


def explorable() -> Explorable:
    """Number of bridging acquaintance ties on the slider; the share of each group informed."""

    def traces(bridges: int) -> list[dict]:
        return _share_traces(model.simulate(bridges, steps=STEPS, runs=RUNS, seed=3))

    return slider_figure(
        values=BRIDGE_STEPS,
        traces_for=traces,
        slider_label="Acquaintance ties bridging the groups",
        value_format=lambda b: "0 (no bridge)" if b == 0 else str(b),
        title="News spreading between two close-knit groups (illustrative model)",
        x_title=X_TITLE,
        y_title=Y_TITLE,
        active=1,
        layout=dict(yaxis=dict(range=[0, 1.02])),
        summary=(
            "Two groups of 30 close friends; within each group most people know many others well "
            "(bonding ties). A piece of news, such as a job opening, starts with one person in group A "
            "and is passed along tie by tie; the lines are averages over 40 simulated runs. Group A "
            "hears it within a few steps whatever the slider says. With no acquaintance bridging the "
            "groups, nobody in group B ever hears it. With one bridging acquaintance (a weak tie) "
            "the news reaches most of group B, but later; each extra bridge makes it arrive sooner. "
            "This is Granovetter's strength of weak ties. The numbers are illustrative."
        ),
    )


def path_length_figure() -> Explorable:
    """Average path between the groups shrinks with each bridge; within a group it stays short."""
    bridges = list(range(1, model.MAX_BRIDGES + 1))
    between, within = [], []
    for b in bridges:
        paths = [model.mean_paths(model.two_clusters(b, seed=s)) for s in range(5)]
        between.append(np.mean([p[0] for p in paths]))
        within.append(np.mean([p[1] for p in paths]))
    return static_figure(
        traces=[
            dict(x=bridges, y=between, name="Between the groups (A to B)", mode="lines+markers"),
            dict(x=bridges, y=within, name="Within a group", mode="lines+markers"),
        ],
        title="Fewer steps between groups with each bridge (illustrative)",
        x_title="Acquaintance ties bridging the groups (count)",
        y_title="Average shortest path (number of ties)",
        layout=dict(xaxis=dict(dtick=1), yaxis=dict(rangemode="tozero")),
        summary=(
            "The average number of ties on the shortest path from a person in one group to a "
            "person in the other, for one to ten bridging acquaintance ties, compared with the "
            "average path inside a group. With no bridge there is no path at all. With one bridge "
            "the average path between groups is about four ties, and each extra bridge shortens it, "
            "to just under three ties with ten bridges, while inside a group most people are one or two "
            "ties apart whatever the number of bridges."
        ),
    )


def _panel_figure(
    bridges: int, within_density: float, strong_transmission: float, weak_transmission: float, cluster_size: int
) -> go.Figure:
    run = model.simulate(
        bridges, cluster_size=cluster_size, within_density=within_density,
        strong_transmission=strong_transmission, weak_transmission=weak_transmission,
        steps=STEPS, runs=RUNS, seed=1,
    )
    path = "no path" if np.isinf(run.path_between) else f"{run.path_between:.1f} ties"
    return static_figure(
        traces=_share_traces(run),
        title=f"{bridges} bridge(s); average path between groups: {path}",
        x_title=X_TITLE, y_title=Y_TITLE, summary="",
        layout=dict(yaxis=dict(range=[0, 1.02])),
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns 40 spreads on a new pair of groups."""
    return LivePanel(
        {
            "bridges": int_slider("Bridging acquaintance ties", 1, 0, model.MAX_BRIDGES),
            "within_density": slider("Density of close ties within each group", 0.3, 0, 1, 0.05),
            "strong_transmission": slider("Chance a close friend passes it on (per step)", 0.3, 0, 1, 0.05),
            "weak_transmission": slider("Chance an acquaintance passes it on (per step)", 0.1, 0, 1, 0.05),
            "cluster_size": int_slider("People in each group", 30, 5, 100, 5),
        },
        _panel_figure,
        note="Illustrative model: predict what happens to group B before you move a slider.",
    )


EXPLORABLES = (explorable, path_length_figure)
