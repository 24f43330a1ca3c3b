"""Every figure on the built site has a caption and a text summary a reader can use instead.

Explorables are drawn by plotly.js from data in the page; a screen reader, a reader with
scripts off or a printed page gets the figure's title and its "What the figure shows" summary
instead. Pure Python over the built HTML: <figure> elements, the plot containers, images, and
the colours each figure's data is drawn in.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from belonging.figures.palette import contrast_on_white
from test_links import html_pages

SUMMARY_START = "What the figure shows:"


class _Figures(HTMLParser):
    """Collects, for each <figure>, its caption text and the plots inside it; and every image."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.figures: list[dict] = []
        self.loose_plots: list[str] = []  # plots outside any <figure>
        self.images: list[dict] = []
        self._open: list[dict] = []
        self._caption_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self._open.append({"id": attrs.get("id"), "caption": "", "plots": [], "labelled": attrs.get("aria-labelledby")})
        elif tag == "figcaption" and self._open:
            self._caption_depth += 1
        elif tag == "img":
            self.images.append(attrs)
        if "belonging-plot" in (attrs.get("class") or "").split():
            plot = {"id": attrs.get("id"), "role": attrs.get("role"), "label": attrs.get("aria-label") or ""}
            (self._open[-1]["plots"] if self._open else self.loose_plots).append(plot)

    def handle_endtag(self, tag):
        if tag == "figure" and self._open:
            self.figures.append(self._open.pop())
        elif tag == "figcaption" and self._caption_depth:
            self._caption_depth -= 1

    def handle_data(self, data):
        if self._caption_depth and self._open:
            self._open[-1]["caption"] += data


def _figures(path):
    parser = _Figures()
    parser.feed(path.read_text("utf-8"))
    return parser


def problems(parser: _Figures) -> list[str]:
    found = [f"plot {p['id']} is not inside a <figure> with a caption" for p in parser.loose_plots]
    for figure in parser.figures:
        caption = " ".join(figure["caption"].split())
        if len(caption) < 40:
            found.append(f"figure {figure['id']}: no caption of substance ({caption!r})")
        for plot in figure["plots"]:
            if not caption.startswith(SUMMARY_START) or len(caption) < len(SUMMARY_START) + 80:
                found.append(f"figure {figure['id']}: its plot has no text summary ({caption[:80]!r})")
            if plot["role"] != "img" or len(plot["label"]) < 10:
                found.append(f"plot {plot['id']}: no role=img with a label for screen readers")
    for image in parser.images:
        if "alt" not in image or (not image["alt"].strip() and image.get("role") != "presentation"
                                  and "logo" not in (image.get("class") or "")):
            found.append(f"image {image.get('src')}: no alternative text")
    return found


def test_a_figure_without_a_summary_is_reported():
    parser = _Figures()
    parser.feed('<figure id="f"><div class="belonging-plot" id="p" role="img" aria-label="A plot of x"></div>'
                '<figcaption>Short</figcaption></figure><div class="belonging-plot" id="q"></div><img src="a.png">')
    assert problems(parser) == [
        "plot q is not inside a <figure> with a caption",
        "figure f: no caption of substance ('Short')",
        "figure f: its plot has no text summary ('Short')",
        "image a.png: no alternative text",
    ]


def test_every_figure_has_a_caption_and_a_text_summary(built_site):
    found, plots = {}, 0
    for page in html_pages(built_site):
        parser = _figures(page)
        plots += sum(len(f["plots"]) for f in parser.figures)
        if problems(parser):
            found[str(page.relative_to(built_site))] = problems(parser)
    assert not found, found
    chapters = [p for p in html_pages(built_site) if p.parent.name == "chapters"]
    executed = [p for p in chapters if 'class="belonging-plot"' in p.read_text("utf-8")]
    assert plots >= len(executed), "fewer figures than executed chapters: the parser found none"


FIGURE_DATA = re.compile(r'<script type="application/json" id="(explorable-[^"]+)-data">(.*?)</script>', re.S)


def trace_colours(figure: dict) -> set[str]:
    """The colours that draw a figure's data: its lines, markers and bars."""
    found = set()
    for trace in figure.get("data", []):
        for part in ("line", "marker"):
            colour = (trace.get(part) or {}).get("color")
            if isinstance(colour, str) and colour.startswith("#") and len(colour) == 7:
                found.add(colour.upper())
    return found


def test_every_line_marker_and_bar_stands_out_from_the_white_figure(built_site):
    """WCAG 1.4.11: the graphics a reader needs (the data) have at least 3:1 contrast against
    the figure's white background. Axe cannot see inside plotly's drawing, so this reads the
    figures' data as the page ships it."""
    weak, seen = {}, set()
    for page in html_pages(built_site):
        for figure_id, data in FIGURE_DATA.findall(page.read_text("utf-8")):
            colours = trace_colours(json.loads(data.replace("<\\/", "</")))
            seen |= colours
            faint = sorted(c for c in colours if contrast_on_white(c) < 3)
            if faint:
                weak[f"{page.relative_to(built_site)} {figure_id}"] = faint
    assert not weak, weak
    assert len(seen) >= 3, "the figures' colours were not found"
