"""Figures and live panel for the interdependence network (model: :mod:`belonging.network`)."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .. import network as model
from .._checks import check_int
from .palette import REFERENCE
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, int_slider, slider

CONTAGION_STEPS = [0.0, 0.2, 0.4, 0.6, 0.8, 0.95]
#: Pooling several networks per slider step keeps chance-level noise small on screen.
PEOPLE, NETWORKS = 400, 6
X_TITLE = "Network distance (degrees of separation, in ties)"
Y_TITLE = "Likelihood of being lonely (× chance)"


def _chance_line(max_distance: int = model.MAX_DISTANCE) -> dict:
    return dict(x=[1, max_distance], y=[1, 1], name="Chance (no clustering)")


def _curve(run: model.ClusteringRun, name: str) -> dict:
    return dict(x=run.distance, y=run.relative_likelihood, name=name, mode="lines+markers")


def explorable() -> Explorable:
    """Contagion strength on the slider; clustering by network distance as the line."""

    def traces(c: float) -> list[dict]:
        run = model.clustering_by_distance(c, people=PEOPLE, networks=NETWORKS, seed=7)
        return [_curve(run, "Simulated network")]

    return slider_figure(
        values=CONTAGION_STEPS,
        traces_for=traces,
        slider_label="Contagion strength",
        value_format=lambda c: f"{c:g}",
        title="How far does loneliness cluster? (illustrative model)",
        x_title=X_TITLE,
        y_title=Y_TITLE,
        static_traces=[_chance_line()],
        active=4,
        layout=dict(yaxis=dict(range=[0.5, 3.5]), xaxis=dict(dtick=1), hovermode="closest"),
        summary=(
            "Simulated people in a small-world network of 400, each tied to about four others; "
            "the fifth of them with the highest loneliness score count as lonely. The line shows "
            "how much more likely a person is to be lonely when someone one, two, up to six ties "
            "away is lonely, compared with chance (the dotted line at 1). With contagion strength 0 "
            "the line stays close to chance at every distance. As the slider moves up, the "
            "likelihood at one tie rises to about three times chance at the strongest setting and "
            "clustering reaches a little further out, but it always fades with each tie and is "
            "near chance by four ties (five at the strongest setting), slightly below chance farther "
            "out because the lonely people "
            "are bunched in pockets. Cacioppo, Fowler and Christakis reported clustering that faded "
            "after about three degrees. The numbers are illustrative, not fitted to their data."
        ),
    )


def layers_figure() -> Explorable:
    """Cumulative Dunbar layer sizes for 60 simulated people, against the typical means."""
    rng = np.random.default_rng(0)  # jitter only, so the dots do not sit on top of each other
    xs, ys = [], []
    for person in range(60):
        ego = model.ego_layers(person)
        xs.extend(np.arange(1, 5) + rng.uniform(-0.18, 0.18, 4))
        ys.extend(ego.cumulative_sizes)
    typical = model.LAYER_SIZES["typical"]
    labels = [
        f"{name}<br>~{int(size)}, seen ~{freq}"
        for name, size, freq in zip(model.LAYER_NAMES, typical, ("weekly", "monthly", "quarterly", "yearly"))
    ]
    return static_figure(
        traces=[
            dict(x=xs, y=ys, name="One simulated person's layer", mode="markers",
                 marker=dict(size=7, opacity=0.55)),
            dict(x=[1, 2, 3, 4], y=list(typical), name="Typical mean (5 / 15 / 50 / 150)",
                 mode="lines+markers", marker=dict(size=10)),
        ],
        title="Dunbar's layers: typical sizes, wide individual variation (illustrative)",
        x_title="Layer, from innermost to outermost",
        y_title="People within layer (cumulative, log scale)",
        layout=dict(
            yaxis=dict(type="log", range=[-0.1, 2.7]),
            xaxis=dict(tickvals=[1, 2, 3, 4], ticktext=labels),
            hovermode="closest",
            margin=dict(b=90),
        ),
        summary=(
            "Each dot is one layer of one of 60 simulated people; the line joins the typical "
            "cumulative sizes of about 5, 15, 50 and 150 people. Each layer contains the ones inside "
            "it, and people in outer layers are contacted less often, from about weekly in the "
            "innermost to about yearly in the outermost. The dots scatter widely around the line: "
            "one person's outermost layer may hold under 50 people and another's nearly 300. Re-analyses find "
            "such wide uncertainty that no single number fits everyone. Sizes are illustrative."
        ),
    )


#: Contagion strengths and number of single networks in :func:`single_runs_figure`.
SINGLE_RUN_CONTAGION = [0.0, 0.2, 0.4, 0.6, 0.8]
SINGLE_RUNS = 20


def single_runs(contagion: float, runs: int = SINGLE_RUNS, people: int = PEOPLE) -> tuple[list[float], float]:
    """Distance-1 clustering in ``runs`` separate networks (seeds 0, 1, ...), and pooled over all of them.

    Each single network is ``clustering_by_distance(contagion, networks=1, seed=s)``; the pooled
    value adds up the same networks' pair counts before dividing, as pooling in the model does.
    """
    runs = check_int("runs", runs, 1, 200)
    singles, lonely_pairs, pairs, chance = [], 0.0, 0, 1.0
    for seed in range(runs):
        run = model.clustering_by_distance(contagion, people=people, networks=1, seed=seed, max_distance=1)
        singles.append(float(run.relative_likelihood[0]))
        chance = run.chance
        lonely_pairs += run.relative_likelihood[0] * run.pairs[0] * run.chance  # lonely-lonely pairs
        pairs += int(run.pairs[0])
    return singles, float(round(lonely_pairs) / pairs / chance)


def single_runs_figure() -> Explorable:
    """Why one simulated network misleads: 20 single networks per contagion strength, and their pool."""
    rng = np.random.default_rng(0)  # horizontal jitter only
    xs, ys, pooled = [], [], []
    results = {c: single_runs(c) for c in SINGLE_RUN_CONTAGION}
    for c, (singles, pool) in results.items():
        xs.extend(c + rng.uniform(-0.035, 0.035, len(singles)))
        ys.extend(singles)
        pooled.append(pool)
    zero, zero_pool = results[0.0]
    weak, _ = results[0.2]
    mid, _ = results[0.4]
    high, high_pool = results[0.8]
    return static_figure(
        traces=[
            dict(x=xs, y=ys, name="One network (each dot)", mode="markers",
                 marker=dict(size=7, opacity=0.6)),
            dict(x=SINGLE_RUN_CONTAGION, y=pooled, name=f"All {SINGLE_RUNS} networks pooled",
                 mode="lines+markers", marker=dict(size=10)),
            {**dict(x=[-0.05, 0.85], y=[1, 1], name="Chance (no clustering)"),
             "line": dict(color=REFERENCE, dash="dot", width=2)},
        ],
        title="One network can mislead; many agree (illustrative model)",
        x_title="Contagion strength",
        y_title="Likelihood at one tie (× chance)",
        layout=dict(xaxis=dict(tickvals=SINGLE_RUN_CONTAGION), yaxis=dict(range=[0.5, 3.5]),
                    hovermode="closest"),
        summary=(
            f"Each dot is one simulated network of {PEOPLE} people: how much more likely a person is "
            f"to be lonely when someone one tie away is lonely, compared with chance (the dotted line at 1). "
            f"There are {SINGLE_RUNS} networks at each contagion strength; the line with large dots pools them. "
            f"With contagion switched off (0) the single networks range from {min(zero):.2f} to "
            f"{max(zero):.2f} times chance, purely by the luck of who happens to sit next to whom, "
            f"while the pooled value is {zero_pool:.2f}. At contagion 0.2 they range from {min(weak):.2f} to "
            f"{max(weak):.2f}, overlapping the networks with no contagion. At 0.4 single networks range from "
            f"{min(mid):.2f} to {max(mid):.2f}, and at 0.8 from {min(high):.2f} to {max(high):.2f} "
            f"(pooled {high_pool:.2f}). So one network showing {max(zero):.1f} times chance is not, by itself, "
            "evidence of contagion, and weak contagion cannot be told from none in a single network; many "
            "networks, or a much larger one, are needed to tell a real pattern from noise. "
            "The numbers are illustrative."
        ),
    )


def _panel_figure(contagion: float, neighbours: int, rewiring: float, lonely_share: float) -> go.Figure:
    run = model.clustering_by_distance(
        contagion, people=300, neighbours=neighbours, rewiring=rewiring,
        lonely_share=lonely_share, networks=3, seed=1,
    )
    return static_figure(
        traces=[_curve(run, "Simulated network"), {**_chance_line(), "line": dict(color=REFERENCE, dash="dot", width=2)}],
        title=f"Contagion {contagion:g}, {neighbours} ties each, rewiring {rewiring:g}, {lonely_share:.0%} lonely",
        x_title=X_TITLE, y_title=Y_TITLE, summary="",
        layout=dict(xaxis=dict(dtick=1), hovermode="closest"),
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider rebuilds three networks of 300 people."""
    return LivePanel(
        {
            "contagion": slider("Contagion strength", 0.8, 0, model.MAX_CONTAGION, 0.05),
            "neighbours": int_slider("Ties per person", 4, 4, 12, 2),
            "rewiring": slider("Share of ties rewired at random (short cuts)", 0.1, 0, 0.5, 0.05),
            "lonely_share": slider("Share counted as lonely", 0.2, 0.05, 0.5, 0.05),
        },
        _panel_figure,
        note="Illustrative model: predict how far clustering reaches before you move a slider.",
    )


EXPLORABLES = (explorable, layers_figure, single_runs_figure)
