"""Figures and live panel for risk regulation (model: :mod:`belonging.risk_regulation`)."""
from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go

from .. import risk_regulation as model
from .explorable import Explorable, slider_figure, static_figure
from .palette import BLACK, COLOURS, REFERENCE
from .panel import LivePanel, int_slider, slider

EPISODES = 80
SEEDS = range(1, 7)
START_STEPS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
LOW_START = 0.2
HELP_SEED = 1

#: Colour and dash by where a run ends, so the two basins read at a glance.
BASIN_STYLE = {
    "secure": dict(color=COLOURS[0], dash="solid", width=2),
    "self-protective": dict(color=COLOURS[1], dash="dash", width=2),
    "undecided": dict(color=BLACK, dash="dot", width=2),
}
LEGEND_NAMES = {
    "secure": "Ends in the secure loop",
    "self-protective": "Ends in the self-protective loop",
    "undecided": "Not settled yet",
}


def _legend_entry(basin: str) -> dict:
    # An empty trace: it only puts the basin's line style in the legend.
    return dict(x=[None], y=[None], name=LEGEND_NAMES[basin], line=BASIN_STYLE[basin])


def explorable() -> Explorable:
    """Starting regard on the slider; six runs with the same partner, coloured by where they end."""
    episodes = list(range(EPISODES + 1))

    def traces(start: float) -> list[dict]:
        out = []
        for seed in SEEDS:
            run = model.simulate(start, episodes=EPISODES, seed=seed)
            out.append(dict(x=episodes, y=run.regard, name=f"Run {seed}", showlegend=False,
                            line=BASIN_STYLE[run.basin]))
        return out

    return slider_figure(
        values=START_STEPS,
        traces_for=traces,
        slider_label="Starting perceived regard",
        value_format=lambda r: f"{r:.1f}",
        title="Two basins: perceived regard with the same partner (illustrative model)",
        x_title="Episode (one ambiguous moment with the partner)",
        y_title="Perceived regard (0 to 1)",  # the prose spells out the scale; a long title is cut on phones
        static_traces=[_legend_entry(b) for b in BASIN_STYLE],
        active=1,
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            "Six simulated people spend 80 ambiguous moments with the same, moderately warm partner; "
            "only their starting belief about how much the partner values them differs, set by the "
            "slider. Starting low (0.1 to 0.3), every run slides down into the self-protective loop: "
            "ambiguous moments read as rejection, the person pulls back, the partner cools, and "
            "perceived regard ends near zero. Starting high (0.7 to 0.9), every run climbs into the "
            "secure loop near 1. Around 0.4 to 0.6 the runs split: chance episodes decide which "
            "loop a person falls into. Same partner, two stable outcomes. Illustrative numbers only."
        ),
    )


def _help_explorable(parameter: str, values: list[float], label: str, title: str,
                     summary: str) -> Explorable:
    episodes = list(range(EPISODES + 1))

    def traces(value: float) -> list[dict]:
        run = model.simulate(LOW_START, episodes=EPISODES, seed=HELP_SEED, **{parameter: value})
        return [
            dict(x=episodes, y=run.regard, name="Perceived regard"),
            dict(x=episodes, y=run.dependence, name="Dependence (closeness-seeking)"),
            dict(x=episodes, y=run.partner_warmth, name="Partner's actual warmth"),
        ]

    baseline = dict(x=[0, EPISODES], y=[0.6, 0.6], name="Partner's baseline warmth")
    return slider_figure(
        values=values,
        traces_for=traces,
        slider_label=label,
        value_format=lambda v: f"{v:.2f}",
        title=title,
        x_title="Episode (one ambiguous moment with the partner)",
        y_title="Level (0–1)",
        static_traces=[baseline],
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=summary,
    )


def reassurance_explorable() -> Explorable:
    """Fixed low starting regard; the slider sets how much the partner reassures."""
    return _help_explorable(
        "reassurance", [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6], "Partner's reassurance",
        "What helps: a reassuring partner (illustrative model)",
        "One simulated person starts out doubting their partner's regard (0.2). The slider sets how "
        "much the partner reassures them after moments that felt like rejection. With no or little "
        "reassurance (0 to 0.2), perceived regard and dependence fall towards zero and the partner's "
        "warmth drops below its baseline of 0.6: the withdrawal makes the feared coolness real. "
        "At 0.3 regard drifts to the middle while the person still holds back. From 0.4 upward, "
        "regard and closeness-seeking climb close to 1 and the partner warms above baseline: the "
        "same person has crossed into the secure loop.",
    )


def charity_explorable() -> Explorable:
    """Fixed low starting regard; the slider sets how charitably ambiguous moments are read."""
    return _help_explorable(
        "charitable_interpretation", [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
        "Charitable interpretation", "What helps: reading ambiguity charitably (illustrative model)",
        "One simulated person starts out doubting their partner's regard (0.2). The slider raises "
        "the threshold at which an ambiguous moment is read as rejection, as if the person gave "
        "the partner the benefit of the doubt. From 0 to 0.1 the person slides into the "
        "self-protective loop, pulls back, and the partner cools below baseline. From 0.15 "
        "upward the same person, with the same partner, ends in the secure loop: high regard, high "
        "closeness-seeking and a warmer partner.",
    )


def _panel_figure(initial_regard: float, partner_warmth: float, reassurance: float,
                  charitable_interpretation: float, episodes: int, seed: int) -> go.Figure:
    run = model.simulate(initial_regard, partner_warmth=partner_warmth, reassurance=reassurance,
                         charitable_interpretation=charitable_interpretation, episodes=episodes,
                         seed=seed)
    x = list(range(episodes + 1))
    return static_figure(
        traces=[
            dict(x=x, y=run.regard, name="Perceived regard"),
            dict(x=x, y=run.dependence, name="Dependence"),
            dict(x=x, y=run.partner_warmth, name="Partner's warmth"),
            dict(x=x[1:], y=run.rejection[1:], name="Rejection read into the episode",
                 mode="markers", marker=dict(size=4, color=REFERENCE)),
        ],
        title=f"{LEGEND_NAMES[run.basin]} (seed {seed})",
        x_title="Episode", y_title="Level (0–1)", summary="",
        layout=dict(yaxis=dict(range=[0, 1])),
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the model."""
    return LivePanel(
        {
            "initial_regard": slider("Starting perceived regard", 0.3, 0, 1, 0.05),
            "partner_warmth": slider("Partner's baseline warmth", 0.6, 0, 1, 0.05),
            "reassurance": slider("Partner's reassurance", 0.0, 0, 1, 0.05),
            "charitable_interpretation": slider("Charitable interpretation", 0.0, 0,
                                                model.MAX_CHARITY, 0.05),
            "episodes": int_slider("Episodes", EPISODES, 10, 300, 10),
            "seed": int_slider("Seed (which sequence of episodes)", 1, 0, 50),
        },
        _panel_figure,
        note="Illustrative model, built for romantic couples: predict where the run ends, then look.",
    )


EXPLORABLES = (explorable, reassurance_explorable, charity_explorable)


# --- Chapter 7: where the tipping point lies, and how reassurance moves it -----------------

#: Starting perceived regard on the x-axis of the tipping-point figure: 0, 0.05, ..., 1.
TIPPING_STARTS = [round(0.05 * i, 2) for i in range(21)]
#: Sequences of episodes per starting point (seed 0 is the model's default run).
TIPPING_SEEDS = range(20)
#: The partner's reassurance on the tipping-point slider.
TIPPING_REASSURANCE = [0.0, 0.1, 0.2, 0.3, 0.4]


def basin_counts(initial_regard: float, reassurance: float = 0.0, *, episodes: int = EPISODES,
                 seeds: range = TIPPING_SEEDS) -> dict[str, int]:
    """How many of the sequences of episodes (one per seed) end in each basin.

    Same moderately warm partner (the model's default baseline warmth) for every run; only the
    chance order of ambiguous episodes differs between seeds.
    """
    return dict(zip(BASIN_STYLE, _basin_counts(initial_regard, reassurance, episodes, seeds)))


@lru_cache(maxsize=None)
def _basin_counts(initial_regard: float, reassurance: float, episodes: int, seeds: range) -> tuple:
    # Cached as a tuple so that no caller can change what the next caller gets.
    basins = [model.simulate(initial_regard, reassurance=reassurance, episodes=episodes, seed=seed).basin
              for seed in seeds]
    return tuple(basins.count(basin) for basin in BASIN_STYLE)


def tipping_point(reassurance: float = 0.0) -> float | None:
    """Lowest starting regard on :data:`TIPPING_STARTS` from which at least half of the
    sequences end in the secure loop (None if there is none)."""
    half = len(TIPPING_SEEDS) / 2
    for start in TIPPING_STARTS:
        if basin_counts(start, reassurance)["secure"] >= half:
            return start
    return None


def tipping_explorable() -> Explorable:
    """Slider: the partner's reassurance; lines: share of 20 sequences ending in each loop,
    by starting perceived regard."""
    n = len(TIPPING_SEEDS)

    def traces(reassurance: float) -> list[dict]:
        counts = [basin_counts(start, reassurance) for start in TIPPING_STARTS]
        return [
            dict(x=TIPPING_STARTS, y=[c[basin] / n for c in counts], name=LEGEND_NAMES[basin],
                 line=BASIN_STYLE[basin], mode="lines+markers")
            for basin in ("secure", "self-protective", "undecided")
        ]

    none = {start: basin_counts(start) for start in TIPPING_STARTS}
    first_secure = next(s for s in TIPPING_STARTS if none[s]["secure"] > 0)
    all_secure = next(s for s in TIPPING_STARTS if all(none[t]["secure"] == n for t in TIPPING_STARTS if t >= s))
    middle = none[0.5]
    points = "; ".join(f"{tipping_point(r):g} with reassurance {r:g}" for r in TIPPING_REASSURANCE[1:])
    worst_03 = max(basin_counts(start, 0.3)["self-protective"] for start in TIPPING_STARTS)
    at_03 = ("no run ends self-protective from any start" if worst_03 == 0 else
             f"at most {worst_03} of {n} runs end self-protective from any start")
    unsettled_03 = basin_counts(0.0, 0.3)["undecided"]
    fewest_at_04 = min(basin_counts(start, 0.4)["secure"] for start in TIPPING_STARTS)
    return slider_figure(
        values=TIPPING_REASSURANCE,
        traces_for=traces,
        slider_label="Partner's reassurance",
        value_format=lambda v: f"{v:.1f}",
        title="Where the tipping point lies, and how reassurance moves it (illustrative model)",
        x_title="Starting perceived regard",
        y_title=f"Share of {n} runs ending in each loop",
        static_traces=[dict(x=[0.5, 0.5], y=[0, 1], name="Model's default start (0.5)",
                            hoverinfo="skip")],
        layout=dict(yaxis=dict(range=[-0.02, 1.02]), xaxis=dict(range=[-0.02, 1.02])),
        summary=(
            f"For each starting level of perceived regard from 0 to 1, {n} simulated runs of 80 "
            "ambiguous moments with the same moderately warm partner; the lines show the share that "
            "end in the secure loop (solid), in the self-protective loop (dashed), or not yet settled "
            "(dotted). The slider sets how much the partner reassures after moments that felt like "
            f"rejection. With no reassurance, no run starting below {first_secure:g} ends secure, "
            f"every run starting at {all_secure:g} or above does, and at the model's default start of "
            f"0.5 the runs split {middle['secure']} secure to {middle['self-protective']} "
            "self-protective: chance decides. The tipping point, the lowest start from which at least "
            f"half the runs end secure, is {tipping_point(0.0):g} with no reassurance; more reassurance "
            f"moves it to the left ({points}). At 0.3, {at_03}, but low starts are slow to settle: "
            f"from a start of 0, {unsettled_03} of {n} runs are still in between after 80 moments. At 0.4, at least {fewest_at_04} of {n} runs end secure "
            "from every start. Illustrative numbers only."
        ),
    )


EXPLORABLES = EXPLORABLES + (tipping_explorable,)
