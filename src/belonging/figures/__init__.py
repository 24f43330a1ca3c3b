"""Figures: one module per model (its explorables for the site and its live ipywidgets panel for
notebooks), the machinery they share (``explorable``, ``panel``, ``palette``), the notebook-to-site
renderer (``mystnb``) and the explorables' browser loader (``static/belonging-explorable.js``).

Nothing in :mod:`belonging`'s model modules imports from here; data flows one way,
model → sweep → figure.
"""
from .explorable import Explorable, slider_figure, static_figure
from .palette import COLOURS

__all__ = ["Explorable", "slider_figure", "static_figure", "COLOURS"]
