"""Figures and live panel for ostracism and need threat (model: :mod:`belonging.ostracism`).

The playable Cyberball game lives elsewhere (a browser component); these figures show the model.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .. import ostracism as model
from .palette import REFERENCE
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, int_slider, slider

#: Share received in the usual exclusion script: 2 early throws out of 30.
EXCLUDED_SHARE = model.EARLY_THROWS_IN_EXCLUSION / 30
#: The slider's shares; it opens at the exclusion script's (7%), so the first view already
#: shows the gap to a fair third (at 33% the two sets of bars are identical).
SHARES = [0.0, EXCLUDED_SHARE, 0.10, 0.15, 0.20, 0.25, model.FAIR_SHARE, 0.42, 0.50]
RECOVERY_STEPS = [2, 5, 10, 20, 40]
MINUTES = 60
Y_RANGE = dict(yaxis=dict(range=[1, 5]))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def explorable() -> Explorable:
    """Share of throws on the slider; bars show the four needs right after the game."""
    included = [model.expected_need_level(model.FAIR_SHARE)] * len(model.NEEDS)

    def traces(share: float) -> list[dict]:
        level = model.expected_need_level(share)
        return [
            dict(type="bar", x=list(model.NEED_LABELS), y=included,
                 name="Included (a fair third of the throws)"),
            dict(type="bar", x=list(model.NEED_LABELS), y=[level] * len(model.NEEDS),
                 name="You, with the share of throws on the slider"),
        ]

    return slider_figure(
        values=SHARES,
        traces_for=traces,
        slider_label="Share of throws you received",
        value_format=_percent,
        title="Need satisfaction right after a game of Cyberball (illustrative model)",
        x_title="Need (each rated on a 1–5 scale)",
        y_title="Mean need satisfaction (1 = very low, 5 = very high)",
        active=SHARES.index(EXCLUDED_SHARE),
        layout=dict(barmode="group", hovermode="closest", **Y_RANGE),
        summary=(
            "Each pair of bars compares a player who received a fair third of the throws with a "
            "player who received the share chosen on the slider, for four needs: belonging, "
            "self-esteem, control and meaningful existence. The figure opens at 7%, the 2 throws "
            "out of 30 of the usual exclusion script. At 33% the bars match. As the slider "
            "moves down towards 0%, all four needs fall together, by about 0.5 points for every "
            "10 percentage points of throws missed, to about 1.9 out of 5 when no throws arrive: "
            "the less you are included, the worse you feel. Above 33%, extra throws raise the "
            "needs only a little. The model treats the four needs alike; the numbers are "
            "illustrative, sized so that exclusion versus inclusion matches the meta-analytic "
            "effect of about d = 1.4."
        ),
    )


def time_course_explorable() -> Explorable:
    """Recovery speed on the slider; the reflexive drop and reflective recovery after exclusion."""
    minutes = list(range(MINUTES + 1))

    def traces(recovery: float) -> list[dict]:
        run = model.time_course(EXCLUDED_SHARE, minutes=MINUTES, recovery_minutes=recovery)
        return [dict(x=minutes, y=run.overall, name="Excluded player (2 of 30 throws)")]

    resting = dict(x=[0, MINUTES], y=[model.INCLUDED_LEVEL] * 2,
                   name="Included player (resting level)")
    return slider_figure(
        values=RECOVERY_STEPS,
        traces_for=traces,
        slider_label="Recovery time constant",
        value_format=lambda m: f"{m} min",
        title="After exclusion: a reflexive drop, then reflective recovery (illustrative)",
        x_title="Minutes after the game ended",
        y_title="Overall need satisfaction (1–5 scale)",
        static_traces=[resting],
        active=RECOVERY_STEPS.index(10),
        layout=Y_RANGE,
        summary=(
            "Right after being left out of the game, the excluded player's overall need "
            "satisfaction sits about 1.4 points below the included player's resting level of "
            "3.6: the reflexive stage. Afterwards it climbs back towards the resting level: the "
            "reflective stage. The slider sets the recovery time constant, the minutes it takes "
            "to close about two thirds of the gap. At 2 minutes the gap is gone within about ten "
            "minutes; at 40 minutes a clear gap remains after an hour. Real recovery speeds "
            "vary, and the meta-analysis found only weak support for this timing, so the curve "
            "is illustrative."
        ),
    )


def overlap_figure() -> Explorable:
    """How much two simulated groups of 2,000 overlap when d is about 1.4."""
    run = model.compare_conditions(n=2000, seed=0)
    edges = np.linspace(1, 5, 17)
    centres = (edges[:-1] + edges[1:]) / 2

    def percent(scores: np.ndarray) -> list[float]:
        counts, _ = np.histogram(scores, bins=edges)
        return list(100 * counts / scores.size)

    return static_figure(
        traces=[
            dict(type="bar", x=centres, y=percent(run.inclusion.overall), name="Included (2,000 simulated)",
                 opacity=0.7),
            dict(type="bar", x=centres, y=percent(run.exclusion.overall), name="Excluded (2,000 simulated)",
                 opacity=0.7),
        ],
        title=f"Large but overlapping: simulated d = {run.cohens_d:.2f} (illustrative)",
        x_title="Overall need satisfaction right after the game (1–5 scale)",
        y_title="Share of simulated players (%)",
        layout=dict(barmode="overlay", bargap=0.05, hovermode="closest"),
        summary=(
            "Two simulated groups of 2,000 players each: one included in the game, one excluded "
            "after two early throws. The excluded group's scores sit well to the left, about 1.2 "
            "points lower on average, which is a standardized difference close to the "
            "meta-analytic d of 1.4. The two distributions still overlap: some excluded players "
            "feel better than some included ones, because people differ. A large average effect "
            "does not mean everyone reacts the same way."
        ),
    )


def _panel_figure(share: float, throws: int, recovery_minutes: float) -> go.Figure:
    game = model.play(share, throws=throws, seed=1)
    run = model.time_course(game.share_received, minutes=MINUTES, recovery_minutes=recovery_minutes)
    minutes = list(range(MINUTES + 1))
    return static_figure(
        traces=[dict(x=minutes, y=run.overall, name="You"),
                dict(x=[0, MINUTES], y=[run.resting_level] * 2, name="Resting level (included)",
                     line=dict(color=REFERENCE, dash="dot", width=2))],
        title=(f"You received {game.throws_received} of {throws} throws "
               f"({_percent(game.share_received)})"),
        x_title="Minutes after the game", y_title="Overall need satisfaction (1–5)", summary="",
        layout=Y_RANGE,
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider replays the game and reruns the model."""
    return LivePanel(
        {
            "share": slider("Share of throws the computers aim at you", 0.33, 0, 0.5, 0.01),
            "throws": int_slider("Throws in the game", 30, 10, model.MAX_THROWS, 5),
            "recovery_minutes": slider("Recovery time constant (minutes)", 10, 1, 60, 1),
        },
        _panel_figure,
        note="Illustrative model: predict what each slider will do before you move it.",
    )


EXPLORABLES = (explorable, time_course_explorable, overlap_figure)
