"""Figures and live panel for the convoy across the lifespan (model: :mod:`belonging.convoy`)."""
from __future__ import annotations

import plotly.graph_objects as go

from .. import convoy as model
from .explorable import Explorable, slider_figure, static_figure
from .palette import REFERENCE
from .panel import LivePanel, int_slider, slider

CIRCLE_LABELS = ["Inner circle", "Middle circle", "Outer circle"]
SLIDER_AGES = list(range(15, 91, 5))
PEAK = 25


def _bars(convoy: model.Convoy, age: int) -> list[dict]:
    """Two stacked bar traces per age: family, and everyone else, in each circle."""
    i = age - model.MIN_AGE
    kin = convoy.kin[i]
    sizes = convoy.at(age)
    others = [size - k for size, k in zip(sizes, kin)]
    return [
        dict(type="bar", x=CIRCLE_LABELS, y=kin, name="Family"),
        dict(type="bar", x=CIRCLE_LABELS, y=others, name="Friends, colleagues and others"),
    ]


def explorable() -> Explorable:
    """Age on the slider; the sizes of the three circles as stacked bars."""
    convoy = model.expected_convoy()
    peak = convoy.at(PEAK)
    marker = dict(
        type="scatter", mode="markers", x=CIRCLE_LABELS, y=list(peak), name=f"Size at age {PEAK} (the peak)",
        marker=dict(symbol="line-ew-open", size=60, line=dict(width=3, color=REFERENCE)),
    )
    return slider_figure(
        values=SLIDER_AGES,
        traces_for=lambda age: _bars(convoy, age),
        slider_label="Age",
        value_format=lambda age: f"{age} years",
        title="Your convoy at each age: three circles of people (illustrative)",
        x_title="Circle of the convoy (closest on the left)",
        y_title="People in the circle (illustrative count)",
        static_traces=[marker],
        active=SLIDER_AGES.index(30),
        layout=dict(barmode="stack", yaxis=dict(range=[0, 45]), hovermode="closest"),
        summary=(
            "Three bars show how many people an average person has in the inner, middle and outer "
            "circles of their convoy, split into family and everyone else. Moving the slider from "
            "age 15 to about 25, the outer circle grows fast, from about 17 to about 32 people, as "
            "school, work and new friends add acquaintances. After that the outer circle shrinks "
            "steadily, to about 8 people by age 80, and the middle circle shrinks a little. The "
            "inner circle stays close to 5 people at every age, and the family part of each bar "
            "does not change. Grey marks show the sizes at 25 for comparison. The counts are "
            "illustrative shapes based on Wrzus and colleagues (2013) and English and Carstensen "
            "(2014), not measurements."
        ),
    )


def _circle_traces(convoy: model.Convoy, family: str) -> list[dict]:
    """The three circles and family across age: the lines both convoy figures draw."""
    ages = convoy.ages.tolist()
    return [
        dict(x=ages, y=convoy.inner, name="Inner circle"),
        dict(x=ages, y=convoy.middle, name="Middle circle"),
        dict(x=ages, y=convoy.outer, name="Outer circle"),
        dict(x=ages, y=convoy.family, name=family),
    ]


def lifespan_figure() -> Explorable:
    """The three circle sizes and family across age, for an average person."""
    convoy = model.expected_convoy()
    return static_figure(
        traces=_circle_traces(convoy, family="Family (in any circle)"),
        title="Circle sizes from age 15 to 90 (illustrative)",
        x_title="Age (years)",
        y_title="People in the circle (illustrative count)",
        summary=(
            "Four lines across age 15 to 90. The outer circle rises steeply to a peak of about 32 "
            "people in the mid-twenties and then falls to about 7 by age 90; most of the shrinking of "
            "the whole network happens here. The middle circle follows the same shape on a smaller "
            "scale. The inner circle stays flat at about 5 people, and the number of family members "
            "stays flat at 9. Illustrative shapes, not estimates."
        ),
        layout=dict(yaxis=dict(rangemode="tozero")),
    )


def _panel_figure(
    selectivity: float, life_horizon: float, variation: float,
    job_entry: int, parenthood: int, retirement: int, widowhood: int,
) -> go.Figure:
    events = model.LifeEvents(parenthood=parenthood, job_entry=job_entry,
                              retirement=retirement, widowhood=widowhood)
    person = model.simulate_person(variation=variation, selectivity=selectivity,
                                   life_horizon=life_horizon, events=events, seed=7)
    return static_figure(
        traces=_circle_traces(person, family="Family"),
        title=f"One simulated life: selectivity {selectivity:.2f}, expects to live to {life_horizon:g}",
        x_title="Age (years)", y_title="People in the circle", summary="",
        layout=dict(yaxis=dict(range=[0, 60])),
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: one simulated person, with all four life events."""
    return LivePanel(
        {
            "selectivity": slider("Socioemotional selectivity", 0.5, 0, 1, 0.05),
            "life_horizon": slider("Age they expect to live to", 90, 30, 120, 5),
            "variation": slider("Individual variation", 0.25, 0, 1, 0.05),
            "job_entry": int_slider("Age starting work", 22, 15, 35),
            "parenthood": int_slider("Age becoming a parent", 32, 18, 50),
            "retirement": int_slider("Age retiring", 65, 50, 80),
            "widowhood": int_slider("Age widowed", 78, 40, 90),
        },
        _panel_figure,
        note="Illustrative model: move one slider at a time and predict which circle changes.",
    )


EXPLORABLES = (explorable, lifespan_figure)
