"""A myst-nb mime renderer plugin (entry point ``myst_nb.mime_renderers``).

Explorables carry two representations: plotly's own mime type for JupyterLab, and
``text/html`` for the static site. myst-nb cannot render the plotly one and would warn
about it on every figure (and warnings fail the build), so this plugin tells it to drop
that representation silently. Only plotly's mime type is touched.
"""
from __future__ import annotations

PLOTLY_MIME = "application/vnd.plotly.v1+json"


class PlotlyMimeDroppedOnSite:
    mime_priority_overrides: list = []

    @staticmethod
    def handle_mime(renderer, data, inline):
        return [] if data.mime_type == PLOTLY_MIME else None
