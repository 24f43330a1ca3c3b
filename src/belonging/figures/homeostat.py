"""Figures and live panel for the belonging homeostat (model: :mod:`belonging.homeostat`)."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import homeostat as model
from .palette import REFERENCE
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, slider

DAYS = 120
CLOSE, STRANGERS = 0.9, 0.0
CONTACT_STEPS = list(range(0, 15))


def _trajectory(contacts_per_week: float, stability: float, seed: int = 1) -> list[float]:
    return model.simulate_one(contacts_per_week, stability, days=DAYS, seed=seed).belonging


def _set_point_line() -> dict:
    return dict(x=[0, DAYS - 1], y=[0.6, 0.6], name="Set point (need met above this line)")


def explorable() -> Explorable:
    """Contact frequency on the slider; a stable bond versus strangers as the two lines."""

    def traces(c: int) -> list[dict]:
        days = list(range(DAYS))
        return [
            dict(x=days, y=_trajectory(c, CLOSE), name="Contact within a stable bond"),
            dict(x=days, y=_trajectory(c, STRANGERS), name="Contact with strangers (no bond)"),
        ]

    return slider_figure(
        values=CONTACT_STEPS,
        traces_for=traces,
        slider_label="Contacts per week",
        value_format=lambda c: f"{c}/wk",
        title="Belonging over four months (illustrative model)",
        x_title="Day",
        y_title="Belonging (0 = unmet, 1 = fully met)",
        static_traces=[_set_point_line()],
        active=1,
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            "Two simulated people start with the need barely met and meet someone a chosen number of "
            "times per week for 120 days. For the person whose contacts happen inside a stable, "
            "caring bond, belonging climbs above the set point of 0.6 from about two contacts a week, "
            "and extra contacts beyond about seven a week add very little (satiation). For the person "
            "whose contacts are all with strangers, belonging stays far below the stable-bond line at any "
            "contact above zero and only hovers around the set point at fourteen contacts a week. Frequent "
            "contact without a stable bond barely meets the need. The numbers are illustrative, not "
            "measurements."
        ),
    )


def satiation_figure() -> Explorable:
    """Long-run belonging against contact frequency: the curve flattens (diminishing returns)."""
    xs = [i / 2 for i in range(0, 29)]
    return static_figure(
        traces=[
            dict(x=xs, y=[model.steady_state(x, CLOSE) for x in xs], name="Stable bond"),
            dict(x=xs, y=[model.steady_state(x, STRANGERS) for x in xs], name="Strangers"),
        ],
        title="Diminishing returns: long-run belonging by contacts per week (illustrative)",
        x_title="Contacts per week",
        y_title="Long-run belonging (0–1)",
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            "Long-run belonging rises steeply from zero to about three contacts a week within a "
            "stable bond, then flattens: going from seven to fourteen contacts a week adds only "
            "about 0.06. Contacts with strangers raise belonging far more slowly and never reach "
            "the set point in this range."
        ),
    )


def substitution_explorable() -> Explorable:
    """A close friend moves away on day 40; the slider sets when a new friendship begins."""
    days = list(range(DAYS))
    starts = [40, 50, 60, 70, 80, 90, 100, DAYS]

    def traces(new_start: int) -> list[dict]:
        old = model.Partner(3, 0.9, starts_day=0, ends_day=40)
        partners = [old]
        if new_start < DAYS:
            partners.append(model.Partner(3, 0.9, starts_day=new_start))
        run = model.simulate(partners, days=DAYS, seed=3)
        return [dict(x=days, y=run.belonging, name="Belonging")]

    return slider_figure(
        values=starts,
        traces_for=traces,
        slider_label="New friendship begins on day",
        value_format=lambda d: "never" if d >= DAYS else str(d),
        title="Substitution: a new friend can replace one who moved away (illustrative)",
        x_title="Day",
        y_title="Belonging (0–1)",
        static_traces=[_set_point_line()],
        active=2,
        layout=dict(yaxis=dict(range=[0, 1])),
        summary=(
            "A close friend, seen three times a week, moves away on day 40 and belonging starts to "
            "fade. The slider chooses the day a new friendship of the same kind begins. Whenever it "
            "begins, belonging recovers to about the level it had before, because in this model any "
            "stable bond feeds the same need. If no new friendship begins, belonging keeps falling "
            "below the set point."
        ),
    )


def _panel_figure(contacts_per_week: float, bond_stability: float, quality: float) -> go.Figure:
    run = model.simulate_one(contacts_per_week, bond_stability, quality=quality, days=DAYS, seed=1)
    fig = static_figure(
        traces=[dict(x=list(range(DAYS)), y=run.belonging, name="Belonging"),
                dict(x=[0, DAYS - 1], y=[run.set_point] * 2, name="Set point",
                     line=dict(color=REFERENCE, dash="dot", width=2))],
        title=f"{contacts_per_week:g} contacts/week, bond stability {bond_stability:.2f}",
        x_title="Day", y_title="Belonging (0–1)", summary="",
        layout=dict(yaxis=dict(range=[0, 1])),
    ).figure
    return fig


def panel() -> LivePanel:
    """Live panel for Jupyter: every slider reruns the model."""
    return LivePanel(
        {
            "contacts_per_week": slider("Contacts per week", 3, 0, 21, 0.5),
            "bond_stability": slider("Bond stability", 0.9, 0, 1, 0.05),
            "quality": slider("How pleasant the contact is", 0.8, 0, 1, 0.05),
        },
        _panel_figure,
        note="Illustrative model: move one slider at a time and predict before you look.",
    )


EXPLORABLES = (explorable, satiation_figure, substitution_explorable)
