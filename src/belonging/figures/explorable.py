"""Explorables: a model swept over a grid of values at build time, shipped as one figure.

An :class:`Explorable` shows itself two ways at once:

* in JupyterLab as an ordinary plotly figure (``application/vnd.plotly.v1+json``), whose
  own slider swaps between precomputed results;
* on the static site as a small ``text/html`` block: a ``<div>``, the figure's JSON in a
  ``<script type="application/json">`` and a caption with the text alternative. The page's
  loader (``static/belonging-explorable.js`` beside this module, which the build copies to the
  site's ``_static/vendor/``) fetches the site's own copy of plotly.js only when the figure
  nears the viewport, draws it, and adds a keyboard-operable ARIA slider that drives the same
  slider steps.

myst-nb chooses ``text/html`` (it cannot render the plotly mime type), JupyterLab chooses
the plotly mime type, so one cell serves both without a kernel on the page.
"""
from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from .palette import FONT, REFERENCE, SHADE, colour, dash

Trace = dict[str, Any]

#: Digits kept in figure data: plenty for a line on a screen, and it keeps pages small.
DIGITS = 4


def compact(values: Any) -> list:
    """Round an array to :data:`DIGITS` decimals and return a plain list for JSON."""
    arr = np.asarray(values, dtype=float)
    return np.round(arr, DIGITS).tolist()


@dataclass(frozen=True)
class Explorable:
    """A precomputed, kernel-free interactive figure and its text alternative."""

    figure: go.Figure
    title: str
    summary: str
    slider_label: str | None = None
    height: int = 420

    def to_json(self) -> str:
        return pio.to_json(self.figure, validate=False, pretty=False, engine="json")

    def json_bytes(self) -> int:
        return len(self.to_json().encode("utf-8"))

    @property
    def element_id(self) -> str:
        # Derived from the content so that rebuilding the book gives identical pages.
        digest = hashlib.sha1((self.title + self.to_json()).encode("utf-8")).hexdigest()[:10]
        return f"explorable-{digest}"

    def to_html(self) -> str:
        fid = self.element_id
        data = self.to_json().replace("</", "<\\/")
        label = html.escape(self.slider_label or "")
        return (
            f'<figure class="belonging-explorable" id="{fid}-figure" aria-labelledby="{fid}-title">\n'
            f'<p class="belonging-explorable-title" id="{fid}-title"><strong>{html.escape(self.title)}</strong></p>\n'
            f'<div class="belonging-plot" id="{fid}" data-slider-label="{label}" '
            f'style="min-height:{self.height}px" role="img" aria-label="{html.escape(self.title)}. '
            f'A text description follows the figure."></div>\n'
            f'<script type="application/json" id="{fid}-data">{data}</script>\n'
            f'<figcaption class="belonging-explorable-summary"><strong>What the figure shows:</strong> '
            f"{html.escape(self.summary)}</figcaption>\n"
            "</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {
            "application/vnd.plotly.v1+json": json.loads(self.to_json()),
            "text/html": self.to_html(),
            "text/plain": f"{self.title}\n{self.summary}",
        }


def _style(trace: Trace, i: int) -> Trace:
    """Give a trace the course palette and a dash style unless it already has its own."""
    styled = dict(trace)
    styled.setdefault("type", "scatter")
    if styled["type"] == "scatter":
        styled.setdefault("mode", "lines")
        line = dict(styled.get("line", {}))
        line.setdefault("color", colour(i))
        line.setdefault("dash", dash(i))
        line.setdefault("width", 3)
        styled["line"] = line
    elif styled["type"] == "bar":
        marker = dict(styled.get("marker", {}))
        marker.setdefault("color", colour(i))
        styled["marker"] = marker
    for key in ("x", "y"):  # numbers are rounded; category labels and None placeholders are kept
        if key in styled and np.asarray(styled[key]).dtype.kind in "iuf":
            styled[key] = compact(styled[key])
    return styled


def _reference(trace: Trace) -> Trace:
    """Set points and reference lines: grey and dotted, so they never look like data."""
    styled = dict(trace)
    styled.setdefault("line", {"color": REFERENCE, "dash": "dot", "width": 2})
    return _style(styled, 0)


def _base_layout(title: str, x_title: str, y_title: str, layout: dict | None) -> dict:
    base = dict(
        title=dict(text=title, x=0.02, font=dict(size=16)),
        font=FONT,
        template="simple_white",
        xaxis=dict(title=dict(text=x_title), showgrid=True, gridcolor=SHADE),
        yaxis=dict(title=dict(text=y_title), showgrid=True, gridcolor=SHADE),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        margin=dict(l=60, r=20, t=90, b=60),
        hovermode="x unified",
    )
    for key, value in (layout or {}).items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


def static_figure(
    *,
    traces: Sequence[Trace],
    title: str,
    x_title: str,
    y_title: str,
    summary: str,
    layout: dict | None = None,
    height: int = 420,
) -> Explorable:
    """A figure with no slider (hover and legend still work on the static page)."""
    fig = go.Figure(layout=_base_layout(title, x_title, y_title, layout))
    for i, trace in enumerate(traces):
        fig.add_trace(_style(trace, i))
    fig.update_layout(height=height)
    return Explorable(figure=fig, title=title, summary=summary, height=height)


def slider_figure(
    *,
    values: Sequence[Any],
    traces_for: Callable[[Any], Sequence[Trace]],
    slider_label: str,
    title: str,
    x_title: str,
    y_title: str,
    summary: str,
    value_format: Callable[[Any], str] = str,
    static_traces: Sequence[Trace] = (),
    active: int = 0,
    layout: dict | None = None,
    height: int = 460,
) -> Explorable:
    """Sweep one parameter and build a figure whose slider shows each precomputed result.

    ``traces_for(value)`` returns the same number of traces for every value; trace ``i``
    gets the same colour and dash at every step so the legend stays meaningful.
    ``static_traces`` (set points, reference lines) stay visible at every step.
    One slider per figure: Nicky Case's rule, and it keeps each figure's data small.
    """
    if not values:
        raise ValueError("values must hold at least one slider position")
    if not 0 <= active < len(values):
        raise ValueError(f"active must be between 0 and {len(values) - 1}; got {active}")
    fig = go.Figure(layout=_base_layout(title, x_title, y_title, layout))
    n_static = len(static_traces)
    for i, trace in enumerate(static_traces):
        fig.add_trace(_reference(trace))
    per_step: int | None = None
    for step, value in enumerate(values):
        traces = list(traces_for(value))
        if per_step is None:
            per_step = len(traces)
        elif len(traces) != per_step:
            raise ValueError("traces_for must return the same number of traces for every value")
        for i, trace in enumerate(traces):
            styled = _style(trace, i)
            styled["visible"] = step == active
            fig.add_trace(styled)
    assert per_step is not None
    steps = []
    for step, value in enumerate(values):
        visible = [True] * n_static + [s == step for s in range(len(values)) for _ in range(per_step)]
        steps.append(dict(method="update", label=value_format(value), args=[{"visible": visible}]))
    fig.update_layout(
        height=height,
        sliders=[
            dict(
                active=active,
                steps=steps,
                currentvalue=dict(prefix=f"{slider_label}: ", font=dict(size=14)),
                pad=dict(t=50),
                len=1.0,
                x=0,
            )
        ],
    )
    return Explorable(figure=fig, title=title, summary=summary, slider_label=slider_label, height=height)

