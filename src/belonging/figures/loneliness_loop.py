"""Figures and live panel for the loneliness loop (model: :mod:`belonging.loneliness_loop`)."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import loneliness_loop as model
from .palette import REFERENCE, SHADE
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, int_slider, slider

WEEKS = 52
PEOPLE = 20
BIAS_STEPS = [round(0.1 * i, 1) for i in range(11)]
LOW_BIAS, HIGH_BIAS = 0.2, 0.7
STORY_SEED = 3

LABELS = {
    "none": "No help",
    "more_contact": "More contact",
    "social_skills": "Social-skills training",
    "social_support": "More social support",
    "social_cognition": "Changing social cognition",
}
LONELINESS_AXIS = "Loneliness (0 = connected, 1 = very lonely)"


def _programme_band() -> dict:
    """Grey band behind the weeks when the programme runs, so readers see when help stops."""
    start = model.PROGRAMME_START
    end = start + model.PROGRAMME_WEEKS
    return dict(
        shapes=[dict(type="rect", xref="x", yref="paper", x0=start, x1=end, y0=0, y1=1,
                     fillcolor=SHADE, opacity=0.6, layer="below", line=dict(width=0))],
        annotations=[dict(x=(start + end) / 2, y=1.0, xref="x", yref="paper", yanchor="top",
                          text=f"programme, weeks {start}–{end - 1}", showarrow=False)],
    )


def _layout(**extra) -> dict:
    return dict(yaxis=dict(range=[0, 1]), **_programme_band(), **extra)


def explorable() -> Explorable:
    """Threat bias on the slider; one line per intervention, each the mean of 20 people."""
    weeks = list(range(WEEKS + 1))

    def traces(bias: float) -> list[dict]:
        curves = model.compare(bias, seeds=PEOPLE, weeks=WEEKS)
        return [dict(x=weeks, y=curves[name], name=LABELS[name]) for name in model.INTERVENTIONS]

    return slider_figure(
        values=BIAS_STEPS,
        traces_for=traces,
        slider_label="Threat bias",
        value_format=lambda b: f"{b:.1f}",
        title="Loneliness over a year with each kind of help (illustrative model)",
        x_title="Week",
        y_title=LONELINESS_AXIS,
        active=7,
        layout=_layout(),
        summary=(
            "Each line is the average of 20 simulated people who start fairly lonely (0.6) in the "
            "same, fairly friendly environment; a 12-week programme runs from week 8. The slider sets "
            "threat bias: how much watching for rejection makes interactions feel worse than they "
            "were. Up to about 0.5, everyone recovers to low loneliness with or without help. At "
            "0.6, people without help stay lonely, and every programme except more contact tips them "
            "out of the loop for good. At 0.7, changing social cognition brings loneliness down to "
            "about 0.2 and most of the gain lasts after the programme ends; skills training and "
            "support help only while they run; more contact makes things slightly worse. At 0.8 "
            "and above, even the cognitive programme's gains partly or wholly fade once it stops. "
            "Only the ordering of the interventions follows the research."
        ),
    )


def divergence_figure() -> Explorable:
    """Two people, same environment and same luck, different threat bias."""
    weeks = list(range(WEEKS + 1))
    low = model.simulate(LOW_BIAS, weeks=WEEKS, seed=STORY_SEED)
    high = model.simulate(HIGH_BIAS, weeks=WEEKS, seed=STORY_SEED)
    return static_figure(
        traces=[
            dict(x=weeks, y=low.loneliness, name=f"Threat bias {LOW_BIAS}"),
            dict(x=weeks, y=high.loneliness, name=f"Threat bias {HIGH_BIAS}"),
        ],
        title="Same start, same people around them, different threat bias (illustrative)",
        x_title="Week",
        y_title=LONELINESS_AXIS,
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            "Two simulated people start equally lonely (0.6) after a move, meet the same number of "
            "equally friendly people, and have the same luck week by week. The one with a low threat "
            "bias (0.2) recovers within about two months and stays well connected. The one with a "
            "high threat bias (0.7) becomes lonelier, close to 0.9, and stays there all year. "
            "Nothing outside them differs; the loop inside does."
        ),
    )


#: "Recovered" in the divergence explorable's text: half the starting loneliness of 0.6.
SETTLED = 0.3


def first_week_below(loneliness, level: float = SETTLED) -> int | None:
    """The first week at which loneliness is below ``level``, or None if it never is."""
    return next((week for week, value in enumerate(loneliness) if value < level), None)


def divergence_explorable() -> Explorable:
    """Chapter 9: one person's threat bias fixed low, the other's on the slider; same world, same luck.

    Every number in the text summary is read from the runs the figure draws.
    """
    weeks = list(range(WEEKS + 1))
    runs = {b: model.simulate(b, weeks=WEEKS, seed=STORY_SEED).loneliness for b in BIAS_STEPS}
    steady = model.simulate(LOW_BIAS, weeks=WEEKS, seed=STORY_SEED).loneliness
    recovered = [b for b in BIAS_STEPS if runs[b][-1] < SETTLED]
    stuck = [b for b in BIAS_STEPS if runs[b][-1] >= SETTLED]
    if not recovered or not stuck or max(recovered) > min(stuck):
        raise RuntimeError("the divergence explorable's text assumes one threshold in threat bias")
    slowest = max(recovered)

    def traces(bias: float) -> list[dict]:
        return [dict(x=weeks, y=steady, name=f"Person A, threat bias {LOW_BIAS}"),
                dict(x=weeks, y=runs[bias], name=f"Person B, threat bias {bias:.1f}")]

    return slider_figure(
        values=BIAS_STEPS,
        traces_for=traces,
        slider_label="Person B's threat bias",
        value_format=lambda b: f"{b:.1f}",
        title="Two people, one environment, a year apart in how they feel (illustrative)",
        x_title="Week",
        y_title=LONELINESS_AXIS,
        active=BIAS_STEPS.index(HIGH_BIAS),
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            f"Two simulated people arrive in a new place equally lonely ({steady[0]:.1f}). They meet the "
            "same number of equally friendly people, with the same luck, week by week for a year. "
            f"Person A has a low threat bias ({LOW_BIAS}): A's loneliness falls below {SETTLED}, half "
            f"its starting level, by week {first_week_below(steady)} and ends the year at "
            f"{steady[-1]:.2f}. The slider sets person B's threat bias. From {min(recovered):.1f} to "
            f"{slowest:.1f}, B recovers too, more slowly as the bias grows (below {SETTLED} by week "
            f"{first_week_below(runs[slowest])} at {slowest:.1f}), and ends the year between "
            f"{min(runs[b][-1] for b in recovered):.2f} and {max(runs[b][-1] for b in recovered):.2f}. "
            f"From {min(stuck):.1f} up, B grows lonelier instead, ending the year between "
            f"{min(runs[b][-1] for b in stuck):.2f} and {max(runs[b][-1] for b in stuck):.2f}, and "
            "does not recover within the year. A small difference in how interactions are read decides which way the "
            "year goes. The numbers are illustrative."
        ),
    )


def felt_versus_real_figure() -> Explorable:
    """For the high-bias person: how interactions actually went versus how they felt."""
    run = model.simulate(HIGH_BIAS, weeks=WEEKS, seed=STORY_SEED)
    weeks = list(range(1, WEEKS + 1))
    return static_figure(
        traces=[
            dict(x=weeks, y=run.true_valence[1:], name="How the week's interactions actually went"),
            dict(x=weeks, y=run.perceived_valence[1:], name="How they felt to the lonely person"),
            dict(x=[1, WEEKS], y=[0, 0], name="Neutral", line=dict(color=REFERENCE, dash="dot", width=2)),
        ],
        title="Lonely and vigilant: real interactions versus felt ones (illustrative)",
        x_title="Week",
        y_title="Average pleasantness (−1 unpleasant, +1 pleasant)",
        layout=dict(yaxis=dict(range=[-1, 1])),
        summary=(
            "For the simulated person with a high threat bias (0.7), the upper line shows how their "
            "interactions actually went each week: mostly pleasant, around +0.35. The lower line shows "
            "how the same interactions felt to them: mostly unpleasant, around −0.25, because vigilance "
            "for rejection colours every encounter. Their own warier manner also makes others a little "
            "cooler than they would be to a relaxed person, which keeps the loop going."
        ),
    )


def _panel_figure(threat_bias: float, friendliness: float, contacts_per_week: float,
                  start_loneliness: float, weeks: int) -> go.Figure:
    curves = model.compare(threat_bias, seeds=10, weeks=weeks, friendliness=friendliness,
                           contacts_per_week=contacts_per_week, start_loneliness=start_loneliness)
    x = list(range(weeks + 1))
    return static_figure(
        traces=[dict(x=x, y=curves[name], name=LABELS[name]) for name in model.INTERVENTIONS],
        title=f"Average of 10 people, threat bias {threat_bias:.2f}",
        x_title="Week", y_title=LONELINESS_AXIS, summary="",
        layout=_layout(),
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the model for all five interventions."""
    return LivePanel(
        {
            "threat_bias": slider("Threat bias", HIGH_BIAS, 0, 1, 0.05),
            "friendliness": slider("How friendly other people are", 0.7, 0, 1, 0.05),
            "contacts_per_week": slider("Interactions per week", 5, 0, model.MAX_CONTACTS_PER_WEEK, 1),
            "start_loneliness": slider("Starting loneliness", 0.6, 0, 1, 0.05),
            "weeks": int_slider("Weeks", WEEKS, 20, model.MAX_WEEKS, 4),
        },
        _panel_figure,
        note="Illustrative model: predict which kind of help works best before you move a slider.",
    )


EXPLORABLES = (explorable, divergence_figure, felt_versus_real_figure, divergence_explorable)
