"""Figures and live panel for needs and well-being (model: :mod:`belonging.needs`)."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .. import needs as model
from .explorable import Explorable, slider_figure, static_figure
from .panel import LivePanel, slider

#: Slider positions for how well basic needs (food, shelter, safety) are met.
BASIC_LEVELS = [round(0.1 * i, 1) for i in range(11)]
#: The slider starts with basic needs poorly met, the case the chapter's prediction asks about.
ACTIVE_BASIC = 0.2
AXIS = dict(xaxis=dict(range=[-0.02, 1.02]), yaxis=dict(range=[0, 8]))
X_TITLE = "Belonging: how well the need is met (0 = not at all, 1 = fully)"
Y_TITLE = "Well-being (0–10, illustrative)"
INDEPENDENT_NAME = "Independent contributions (Tay & Diener's finding)"
STRICT_NAME = "Strict hierarchy (Maslow-style prepotency)"


def _traces(c: model.Curves) -> list[dict]:
    return [
        dict(x=c.belonging, y=c.independent, name=INDEPENDENT_NAME,
             hovertemplate="belonging %{x:.2f}: well-being %{y:.2f}<extra>independent</extra>"),
        dict(x=c.belonging, y=c.prepotency, name=STRICT_NAME,
             hovertemplate="belonging %{x:.2f}: well-being %{y:.2f}<extra>strict hierarchy</extra>"),
    ]


def _gain(basic: float, prepotency: float) -> float:
    return model.belonging_gain(basic, prepotency=prepotency)


def explorable() -> Explorable:
    """Basic needs on the slider; well-being as belonging rises, under both hypotheses."""
    strict = {b: _gain(b, model.STRICT) for b in BASIC_LEVELS}
    independent = _gain(0.5, model.INDEPENDENT)
    flat_to = max(b for b in BASIC_LEVELS if strict[b] == 0)
    full_from = min(b for b in BASIC_LEVELS if strict[b] >= strict[1.0] - 1e-9)
    rising = ", ".join(f"{strict[b]:.2f} at {b:.1f}" for b in BASIC_LEVELS if flat_to < b < full_from)
    more_from = min(b for b in BASIC_LEVELS if strict[b] > independent)
    return slider_figure(
        values=BASIC_LEVELS,
        traces_for=lambda b: _traces(model.curves(b)),
        slider_label="How well basic needs (food, shelter, safety) are met",
        value_format=lambda b: f"{b:.1f}",
        title="Does belonging still matter when basic needs are poorly met? (illustrative model)",
        x_title=X_TITLE,
        y_title=Y_TITLE,
        active=BASIC_LEVELS.index(ACTIVE_BASIC),
        layout=AXIS,
        summary=(
            "Two lines show well-being (0 to 10) as belonging rises from not met (0) to fully met (1), "
            "with esteem and autonomy each half met. The slider sets how well basic needs (food, shelter, "
            "safety) are met, from 0 to 1. Under independent contributions, the pattern Tay and Diener "
            f"found, going from no belonging to full belonging adds {independent:.1f} points at every "
            "setting of the slider: the line moves up as basic needs improve but keeps the same slope. "
            "Under a strict Maslow-style hierarchy, belonging adds nothing while basic needs are at "
            f"{flat_to:.1f} or below (the line is flat), then adds (in points) {rising}, and {strict[1.0]:.2f} "
            f"from {full_from:.1f} up. From {more_from:.1f} up it adds more than under independent "
            "contributions, because meeting belonging also unlocks esteem and autonomy. The numbers are "
            "illustrative, not measurements."
        ),
    )


def gain_figure() -> Explorable:
    """What belonging adds (from 0 to 1) against how well basic needs are met, both hypotheses."""
    basics = np.linspace(0.0, 1.0, 21)
    independent = [_gain(float(b), model.INDEPENDENT) for b in basics]
    strict = [_gain(float(b), model.STRICT) for b in basics]
    return static_figure(
        traces=[
            dict(x=basics, y=independent, name=INDEPENDENT_NAME,
                 hovertemplate="basic needs %{x:.2f}: belonging adds %{y:.2f}<extra>independent</extra>"),
            dict(x=basics, y=strict, name=STRICT_NAME,
                 hovertemplate="basic needs %{x:.2f}: belonging adds %{y:.2f}<extra>strict hierarchy</extra>"),
        ],
        title="What belonging adds to well-being, by how well basic needs are met (illustrative model)",
        x_title="Basic needs: how well they are met (0 = not at all, 1 = fully)",
        y_title="Well-being added by full belonging (points)",
        layout=dict(xaxis=dict(range=[-0.02, 1.02]), yaxis=dict(range=[-0.1, 5])),
        summary=(
            "Each line shows how many points of well-being (on a 0 to 10 scale) going from no belonging to "
            "full belonging adds, at each level of basic needs from 0 to 1, with esteem and autonomy half met. "
            f"Under independent contributions the line is flat at {independent[0]:.1f} points: belonging "
            "matters just as much whether basic needs are met or not, which is the pattern Tay and Diener "
            "reported across 123 countries. Under a strict Maslow-style hierarchy, belonging adds "
            f"{strict[0]:.0f} points up to basic needs of {model.EMERGES:.1f}, {_gain(0.5, model.STRICT):.1f} "
            f"at 0.5, and {strict[-1]:.2f} from {model.MET:.1f} up. The numbers are illustrative, not "
            "measurements."
        ),
    )


def _panel_figure(basic: float, esteem: float, autonomy: float) -> go.Figure:
    c = model.curves(basic, esteem=esteem, autonomy=autonomy)
    gi = model.belonging_gain(basic, esteem=esteem, autonomy=autonomy, prepotency=model.INDEPENDENT)
    gs = model.belonging_gain(basic, esteem=esteem, autonomy=autonomy, prepotency=model.STRICT)
    return static_figure(
        traces=_traces(c),
        title=f"Full belonging adds {gi:.2f} (independent) or {gs:.2f} (strict hierarchy)",
        x_title=X_TITLE,
        y_title=Y_TITLE,
        layout=dict(xaxis=dict(range=[-0.02, 1.02]), yaxis=dict(range=[0, 10.2])),
        summary="",
    ).figure


def panel() -> LivePanel:
    """Live panel for Jupyter: basic needs, esteem and autonomy on sliders; both hypotheses drawn."""
    d = model.DEFAULT_FULFILMENT
    return LivePanel(
        {
            "basic": slider("Basic needs met (food, shelter, safety)", ACTIVE_BASIC, 0, 1, 0.05),
            "esteem": slider("Esteem met (respect, competence)", d, 0, 1, 0.05),
            "autonomy": slider("Autonomy met", d, 0, 1, 0.05),
        },
        _panel_figure,
        note=("Illustrative model: move one slider at a time and predict, before you look, whether the two "
              "lines' slopes will change."),
    )


EXPLORABLES = (explorable, gain_figure)
