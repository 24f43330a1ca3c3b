"""Figures and live panel for survival in groups (model: :mod:`belonging.survival`)."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import survival as model
from .explorable import Explorable, slider_figure, static_figure
from .palette import BLACK, colour
from .panel import LivePanel, int_slider, slider

GROUP = 5
# Below a cv of about 0.5 nobody starves in this setting, so those steps would all look alike.
CV_STEPS = [0.0, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0]
ALIVE_AXIS = dict(yaxis=dict(range=[0, 1.02]))


def explorable() -> Explorable:
    """Variability of daily food on the slider; share alive over a season, loners vs groups."""

    def traces(cv: float) -> list[dict]:
        run = model.compare(cv, GROUP)
        days = run.days.tolist()
        return [
            dict(x=days, y=run.groups, name=f"Groups of {GROUP} who share food equally"),
            dict(x=days, y=run.loners, name="Loners who eat only what they find"),
        ]

    return slider_figure(
        values=CV_STEPS,
        traces_for=traces,
        slider_label="Variability of daily food (coefficient of variation)",
        value_format=lambda cv: f"{cv:.1f}",
        title="Sharing food in a group when luck varies (illustrative argument)",
        x_title="Day of the season",
        y_title="Share of foragers still alive (0–1)",
        active=3,
        layout=ALIVE_AXIS,
        summary=(
            "600 simulated foragers each find, on average, a little more food than they need each "
            "day, and can store at most eight days' worth. Loners eat only what they find; members "
            "of groups of five pool the day's food and share it equally. The slider sets how much "
            "the daily catch varies. With no variability everyone survives the 120-day season and "
            "sharing makes no difference. As variability rises, loners run out of food on unlucky "
            "streaks and their survival falls steeply (to about 60% at 1.0 and about 1% at 2.0), "
            "while sharing groups stay near 100% until about 1.2 and still keep about 70% alive at "
            "2.0. The gap between the lines grows with variability until, at the far right, even "
            "groups of five begin to starve. This is an illustrative argument about risk pooling, "
            "not evidence about how human evolution actually went."
        ),
    )


def group_size_figure() -> Explorable:
    """End-of-season survival against group size for three levels of variability."""
    sizes = list(range(1, 13))
    traces = [dict(x=sizes, y=[model.survival_probability(cv, g) for g in sizes],
                   name=f"Variability {cv:.1f}", mode="lines+markers")
              for cv in (1.0, 1.5, 2.0)]
    return static_figure(
        traces=traces,
        title="Bigger sharing groups survive erratic food better (illustrative argument)",
        x_title="Group size (people who share food)",
        y_title="Share alive after 120 days (0–1)",
        layout=ALIVE_AXIS,
        summary=(
            "Each line shows the share of 600 simulated foragers still alive after a 120-day season "
            "when they share food equally in groups of a given size. At moderate variability (1.0) "
            "sharing with one or two others already lifts survival from about 60% to nearly 100%. "
            "The more erratic the food, the larger the group needed: at variability 2.0 loners "
            "almost all starve, while groups of about ten keep over 90% alive. Pooling averages out "
            "luck, and bigger pools average out more. The numbers are illustrative, not data."
        ),
    )


#: Group sizes on the gap figure's slider, and the seasons (seeds) each point averages over.
GAP_GROUPS = [2, 3, 5, 10]
GAP_SEASONS = 5
GAP_CVS = [round(0.1 * i, 1) for i in range(31)]


def _mean_survival(cv: float, group_size: int) -> float:
    """End-of-season share alive, averaged over :data:`GAP_SEASONS` seeded seasons."""
    runs = [model.survival_probability(cv, group_size, seed=seed) for seed in range(GAP_SEASONS)]
    return sum(runs) / len(runs)


def gap_sweep() -> dict:
    """The numbers behind :func:`gap_explorable`: survival of loners and groups, and the gap.

    Returns ``{"cv": [...], "loners": [...], "groups": {size: [...]}, "gap": {size: [...]},
    "peak": {size: (cv, gap)}}``; every value is averaged over five seeded seasons.
    """
    loners = [_mean_survival(cv, 1) for cv in GAP_CVS]
    groups, gap, peak = {}, {}, {}
    for size in GAP_GROUPS:
        alive = [_mean_survival(cv, size) for cv in GAP_CVS]
        groups[size] = alive
        gap[size] = [g - lone for g, lone in zip(alive, loners)]
        best = max(range(len(GAP_CVS)), key=lambda i: gap[size][i])
        peak[size] = (GAP_CVS[best], gap[size][best])
    return {"cv": GAP_CVS, "loners": loners, "groups": groups, "gap": gap, "peak": peak}


def gap_explorable() -> Explorable:
    """Variability on the x axis, group size on the slider: where sharing helps most."""
    sweep = gap_sweep()
    cvs = sweep["cv"]

    def traces(size: int) -> list[dict]:
        peak_cv, peak_gap = sweep["peak"][size]
        # Same colours as explorable(): groups first, loners second; the gap is the third line.
        return [
            dict(x=cvs, y=sweep["groups"][size], name=f"Groups of {size}: share alive at the end"),
            dict(x=cvs, y=sweep["loners"], name="Loners: share alive at the end"),
            dict(x=cvs, y=sweep["gap"][size], name="Advantage of sharing (groups minus loners)"),
            dict(x=[peak_cv], y=[peak_gap], name=f"Largest advantage (variability {peak_cv:.1f})",
                 mode="markers", marker=dict(size=13, symbol="diamond", color=BLACK)),
        ]

    def pct(x: float) -> str:
        return f"{100 * x:.0f}%"

    def at(series: list, cv: float) -> float:
        return series[cvs.index(cv)]

    peaks = "; ".join(f"groups of {size}, about {cv:.1f} (a gap of {pct(g)})"
                      for size, (cv, g) in sweep["peak"].items())
    five = sweep["groups"][5]
    summary = (
        "For each level of variability in daily food (0 to 3, along the bottom), the figure shows "
        "the share of 600 simulated foragers alive after a 120-day season, averaged over five "
        "seasons: loners, groups who share food equally, and the gap between them, which is the "
        "advantage of sharing. The slider sets the group size. With steady food (variability below "
        f"about 0.5) everyone survives and the gap is zero. Loners fall to {pct(at(sweep['loners'], 1.0))} "
        f"at variability 1.0, {pct(at(sweep['loners'], 1.5))} at 1.5 and {pct(at(sweep['loners'], 2.0))} "
        "at 2.0. The gap first grows, peaks, then shrinks. It peaks at: " + peaks + ". "
        "Past the peak the groups themselves start to starve faster than the loners, who have few "
        "survivors left to lose; once loners are all but gone, the gap simply follows the groups' "
        f"survival down: groups of five keep {pct(at(five, 2.0))} alive at 2.0 and "
        f"{pct(at(five, 3.0))} at 3.0. Bigger groups average out more luck, so their peak comes "
        "later and higher. The model is illustrative: it shows the logic of risk pooling, not how "
        "human evolution went."
    )
    return slider_figure(
        values=GAP_GROUPS,
        traces_for=traces,
        slider_label="Group size (people who share food)",
        value_format=str,
        title="Where sharing helps most: the advantage peaks, then shrinks (illustrative argument)",
        x_title="Variability of daily food (coefficient of variation)",
        y_title="Share alive after 120 days, and the gap (0–1)",
        active=GAP_GROUPS.index(GROUP),
        layout=dict(yaxis=dict(range=[-0.02, 1.02])),
        summary=summary,
    )


def _panel_figure(cv: float, group_size: int, max_store: float) -> go.Figure:
    run = model.compare(cv, group_size, max_store=max_store)
    days = run.days.tolist()
    return static_figure(
        traces=[dict(x=days, y=run.groups, name=f"Groups of {group_size}"),
                dict(x=days, y=run.loners, name="Loners")],
        title=f"Variability {cv:.2f}, groups of {group_size}, store up to {max_store:g} days",
        x_title="Day of the season", y_title="Share alive (0–1)", summary="",
        layout=ALIVE_AXIS,
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the simulation."""
    return LivePanel(
        {
            "cv": slider("Variability of daily food (cv)", 1.0, 0, model.MAX_CV, 0.1),
            "group_size": int_slider("Group size", GROUP, 1, 20),
            "max_store": slider("Days of food a forager can store", 8, 4, 20, 1),
        },
        _panel_figure,
        note="Illustrative argument, not evidence about human evolution: predict before you move a slider.",
    )


EXPLORABLES = (explorable, group_size_figure, gap_explorable)
