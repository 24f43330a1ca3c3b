"""Sphinx extension: a static picture of every explorable, made at build time, for paper.

An explorable is drawn by plotly.js only when it nears the screen, so a page printed from the
browser would lose every figure the reader had not scrolled to. Each figure therefore also gets
an SVG picture of its default setting, exported by plotly.js itself (``Plotly.toImage``) in
Debian's Chromium, with no network: ``_static/figures/<key>.svg``, and beside it
``<key>.txt``, the figure's alternative text (its title and its "What the figure shows"
description), so slides and e-books can reuse both; and ``<key>.png``, the same drawing as a
picture at twice the size, for formats that cannot show SVG (PowerPoint slides through
python-pptx, `make slides`). The page carries the picture as a hidden
``<img>`` after the plot; ``belonging-print.css`` shows it on paper instead of the plot and its
slider.

Pictures are named by a hash of the figure's data (and of the export settings below), and kept
in ``_build/figure-cache`` between builds: a rebuild exports only figures that changed, and a
no-change rebuild exports none.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

FOLDER = "figures"
#: Part of every picture's key: change it when the export below changes, so old pictures go.
EXPORT = "svg-v1 width=680"
#: Paper width in CSS pixels (A4 less 16 mm margins is 673 px): the picture prints at its size.
WIDTH = 680
#: The PNG is drawn at this multiple of WIDTH, sharp on a projector (1360 px wide).
PNG_SCALE = 2
FIGURE = re.compile(
    r'<figure class="belonging-explorable" id="(?P<id>explorable-[0-9a-f]+)-figure".*?'
    r'<p class="belonging-explorable-title" id="(?P=id)-title"><strong>(?P<title>.*?)</strong></p>.*?'
    r'<div class="belonging-plot" id="(?P=id)"[^>]*></div>\n?'
    r'(?:<img class="belonging-print-figure"[^>]*?/(?P<key>[0-9a-f]{16})\.svg"[^>]*>\n?)?'
    r'<script type="application/json" id="(?P=id)-data">(?P<data>.*?)</script>.*?'
    r'<figcaption class="belonging-explorable-summary">(?P<summary>.*?)</figcaption>', re.S)


@functools.lru_cache(maxsize=None)
def _loader() -> str:
    return resources.files("belonging.figures").joinpath("static", "belonging-explorable.js").read_text("utf-8")


def picture_key(data: str) -> str:
    """The name of a figure's picture: its data as shipped in the page, the export settings and
    the loader that fits the figure to its width (a change to either makes new pictures)."""
    return hashlib.sha256((EXPORT + "\n" + hashlib.sha256(_loader().encode("utf-8")).hexdigest() + "\n" + data).encode("utf-8")).hexdigest()[:16]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def figures_in(page: str) -> list[dict]:
    """Every explorable on a built page: its key, data, and alternative text."""
    found = []
    for match in FIGURE.finditer(page):
        data = match["data"]
        # The key the page links (made when the page was written), else the key it would get.
        key = match["key"] or picture_key(data)
        found.append({"id": match["id"], "key": key, "data": data.replace("<\\/", "</"),
                      "title": _text(match["title"]),
                      "summary": _text(match["summary"]).removeprefix("What the figure shows:").strip()})
    return found


def with_pictures(body: str, prefix: str) -> str:
    """The page body with a hidden picture after each explorable's plot (`prefix`: the path from
    the page to the site's root)."""
    def add(match: re.Match) -> str:
        if match["key"]:
            return match.group(0)
        key = picture_key(match["data"])
        title = html.escape(_text(match["title"]))
        # Lazy: a screen never shows the picture, so it never downloads it. Printing from the
        # browser asks for it first (belonging-explorable.js); Chromium's PDF print (make pdf)
        # loads lazy pictures itself.
        picture = (f'<img class="belonging-print-figure" hidden src="{prefix}_static/{FOLDER}/{key}.svg" '
                   f'alt="{title}. A text description follows the figure." width="{WIDTH}" loading="lazy">\n')
        block = match.group(0)
        plot_end = block.index("</div>", block.index('class="belonging-plot"')) + len("</div>")
        return block[:plot_end] + "\n" + picture + block[plot_end:].lstrip("\n")

    return FIGURE.sub(add, body)


def print_layout(figure: dict) -> dict:
    """The figure as the page first shows it, for paper: no plotly slider (the page has its own,
    and paper has none), no title inside the plot (the page prints it above), a fixed width."""
    layout = dict(figure.get("layout") or {})
    had_slider = bool(layout.pop("sliders", None))
    layout.pop("updatemenus", None)
    layout["title"] = {"text": ""}
    if had_slider:
        layout["margin"] = {**(layout.get("margin") or {}), "b": 60}
    layout["width"] = WIDTH
    layout["height"] = layout.get("height") or 420
    return {"data": figure.get("data") or [], "layout": layout}


#: Drawn as the page draws it (belonging-explorable.js fits labels and titles to the width),
#: then exported by plotly.js.
EXPORT_JS = """async ([data, layout]) => {
  const div = document.createElement('div');
  div.style.width = layout.width + 'px';
  document.body.appendChild(div);
  BelongingFigures.fit(layout, data, layout.width);
  await Plotly.newPlot(div, data, layout, {staticPlot: true});
  await BelongingFigures.settle(div, Plotly, 3);
  const size = {width: layout.width, height: layout.height};
  const url = await Plotly.toImage(div, {format: 'svg', ...size});
  const png = await Plotly.toImage(div, {format: 'png', scale: PNG_SCALE, ...size});
  Plotly.purge(div);
  div.remove();
  return [decodeURIComponent(url.slice(url.indexOf(',') + 1)), png.slice(png.indexOf(',') + 1)];
}"""


def _steady(svg: str, key: str) -> str:
    """plotly names its clip paths with a random id per plot; the key instead, so the same figure
    always gives the same file."""
    ids = set(re.findall(r'id="clip([0-9a-f]{6})', svg))
    for i, uid in enumerate(sorted(ids)):
        svg = svg.replace(uid, f"{key[:6]}{i}")
    return svg


def _launch(playwright):
    """Debian's Chromium as the tests and `make pdf` launch it (scripts/chromium.py)."""
    import belonging

    scripts = Path(belonging.__file__).resolve().parents[2] / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        import chromium
    finally:
        sys.path.remove(str(scripts))
    return chromium.launch(playwright)


def _cached(cache: Path, key: str) -> bool:
    return all((cache / f"{key}.{kind}").is_file() for kind in ("svg", "png"))


def export_svgs(figures: list[dict], cache: Path) -> int:
    """Export each figure not yet in `cache` to `<key>.svg` and `<key>.png`; return how many
    were exported."""
    missing = {f["key"]: f for f in figures if not _cached(cache, f["key"])}
    if not missing:
        return 0
    from playwright.sync_api import sync_playwright

    cache.mkdir(parents=True, exist_ok=True)
    plotly_js = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    loader = resources.files("belonging.figures").joinpath("static", "belonging-explorable.js")
    with sync_playwright() as playwright, resources.as_file(plotly_js) as script, \
            resources.as_file(loader) as fitting, tempfile.TemporaryDirectory() as scratch:
        # A file page loading the two scripts from disk (much faster than injecting 4 MB of text).
        start = Path(scratch) / "export.html"
        start.write_text(f'<!DOCTYPE html><html><body><script src="{Path(script).as_uri()}"></script>'
                         f'<script src="{Path(fitting).as_uri()}"></script></body></html>', "utf-8")
        browser = _launch(playwright)
        try:
            page = browser.new_page()
            # nothing leaves the machine
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            page.goto(start.as_uri())
            for key, figure in sorted(missing.items()):
                svg, png = page.evaluate(EXPORT_JS.replace("PNG_SCALE", str(PNG_SCALE)),
                                         list(print_layout(json.loads(figure["data"])).values()))
                (cache / f"{key}.svg").write_text(_steady(svg, key), "utf-8")
                (cache / f"{key}.png").write_bytes(base64.b64decode(png))
        finally:
            browser.close()
    return len(missing)


def _alt_text(figure: dict) -> str:
    return f"{figure['title']}\n\n{figure['summary']}\n"


def _add_pictures(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "belonging-plot" in body:
        context["body"] = with_pictures(body, "../" * pagename.count("/"))


def _write_pictures(app, exception) -> None:
    """Every figure on every built page gets its picture and alternative text in _static."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    figures = [f for page in sorted(out.rglob("*.html")) if "_static" not in page.parts
               for f in figures_in(page.read_text("utf-8"))]
    from sphinx.util import logging

    log = logging.getLogger(__name__)
    cache = Path(app.doctreedir).parent / "figure-cache"
    try:
        made = export_svgs(figures, cache)
    except Exception as error:  # noqa: BLE001  (no browser here: the site still builds and works)
        # Not a warning, which would fail the -W build of a reader with no Chromium: on paper a
        # figure without its picture keeps its title and description.
        log.info(f"figure pictures: not made, no browser could draw them ({error})")
        made = 0
    target = out / "_static" / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for figure in figures:
        for kind in ("svg", "png"):
            if (cache / f"{figure['key']}.{kind}").is_file():
                shutil.copyfile(cache / f"{figure['key']}.{kind}", target / f"{figure['key']}.{kind}")
        (target / f"{figure['key']}.txt").write_text(_alt_text(figure), "utf-8")
    log.info(f"figure pictures: {len({f['key'] for f in figures})}, exported {made}")


def setup(app):
    app.connect("html-page-context", _add_pictures)
    app.connect("build-finished", _write_pictures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
