"""Live ipywidgets panels: for Jupyter only, where a kernel recomputes on every change.

A panel never appears on the static site (its callback needs a kernel, so there it would
be a dead control). On the site the same model is shown as an :class:`Explorable`.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

import ipywidgets as widgets
import plotly.graph_objects as go
from IPython.display import display


def slider(description: str, value: float, lo: float, hi: float, step: float) -> widgets.FloatSlider:
    """A labelled slider whose label is readable in full (not truncated at 80px)."""
    return widgets.FloatSlider(
        value=value, min=lo, max=hi, step=step, description=description,
        continuous_update=False, style={"description_width": "initial"},
        layout=widgets.Layout(width="min(100%, 520px)"),
    )


def int_slider(description: str, value: int, lo: int, hi: int, step: int = 1) -> widgets.IntSlider:
    return widgets.IntSlider(
        value=value, min=lo, max=hi, step=step, description=description,
        continuous_update=False, style={"description_width": "initial"},
        layout=widgets.Layout(width="min(100%, 520px)"),
    )


class LivePanel(widgets.VBox):
    """Controls above, a figure below; the model reruns whenever a control changes.

    ``draw(**values)`` returns a plotly figure. The latest figure is kept on
    ``self.figure`` so that tests (and curious learners) can inspect it.
    """

    def __init__(self, controls: Mapping[str, widgets.ValueWidget], draw: Callable[..., go.Figure],
                 note: str = "") -> None:
        self.controls = dict(controls)
        self._draw = draw
        self.output = widgets.Output()
        self.figure: go.Figure | None = None
        children: list[widgets.Widget] = []
        if note:
            children.append(widgets.HTML(f"<p>{note}</p>"))
        children.extend(self.controls.values())
        children.append(self.output)
        super().__init__(children)
        for control in self.controls.values():
            control.observe(self._update, names="value")
        self._update()

    def values(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def _update(self, change: Any = None) -> None:
        self.figure = self._draw(**self.values())
        self.output.clear_output(wait=True)
        with self.output:
            display(self.figure)
