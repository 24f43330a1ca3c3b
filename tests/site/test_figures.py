"""Every figure on the built site has a caption and a text summary a reader can use instead.

Explorables are drawn by plotly.js from data in the page; a screen reader, a reader with
scripts off or a printed page gets the figure's title and its "What the figure shows" summary
instead. Pure Python over the built HTML: <figure> elements, the plot containers, and images.
"""
from __future__ import annotations

from html.parser import HTMLParser

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
