"""Presentation helpers: plotly explorables, ipywidgets panels, quizzes and page components.

Nothing in :mod:`belonging`'s model modules imports from here; data flows one way,
model → sweep → figure.
"""
from .explorable import Explorable, slider_figure, static_figure
from .palette import COLOURS

__all__ = ["Explorable", "slider_figure", "static_figure", "COLOURS"]
