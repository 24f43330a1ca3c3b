"""Sphinx extension for the course site: self-hosted, per-page assets.

* plotly.js is copied from the installed plotly wheel into ``_static/vendor/`` (so learners
  need no Node.js and no page calls a CDN) and referenced only from pages that contain an
  explorable, through a small loader that fetches it lazily.
* Pages without explorables load neither.
* Glossary tooltips: ``_static/belonging-glossary.js`` and ``.css`` (Jupyter Book adds every
  file in ``book/_static`` to every page; ``_defer_scripts`` defers the script) show a {term}
  link's definition. The definitions are read from the built glossary page into
  ``_static/glossary-terms.json``, which the script fetches from the site itself.
* The review page's questions (every public chapter quiz) go into
  ``_static/review-questions.json``, fetched by ``_static/belonging-review.js``.
"""
from __future__ import annotations

import html
import json
import os
import shutil
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import plotly
from sphinx.builders.html._assets import _JavaScript

VENDOR = "vendor"
LOADER = "belonging-explorable.js"


def _plotly_name() -> str:
    return f"plotly-{plotly.__version__}.min.js"


def _fix_bibliography_roles(context: dict) -> None:
    """sphinxcontrib-bibtex marks entries with the deprecated ``doc-biblioentry`` role inside
    a ``role="list"`` container; screen readers then find a list with no items. Entries are
    list items, so say so (fixes axe's aria-required-children and aria-deprecated-role)."""
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def _in_aside(node) -> bool:
    from docutils import nodes

    while node is not None:
        if isinstance(node, (nodes.Admonition, nodes.admonition, nodes.topic, nodes.sidebar, nodes.table)):
            return True
        node = node.parent
    return False


def _description(doctree) -> str:
    """The page's first paragraph of prose (not a note or a table), cut at a word boundary to
    fit a search-result snippet."""
    from docutils import nodes

    for paragraph in doctree.findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if len(text) >= 40 and not _in_aside(paragraph):
            if len(text) > 155:
                text = text[:152].rsplit(" ", 1)[0].rstrip(",;:")
                text += "" if text.endswith((".", "?", "!")) else "..."
            return text
    return ""


#: For pages Sphinx writes itself (search, index), which have no prose of their own.
SITE_DESCRIPTION = ("A free, open course on the psychology of belonging: why people need to belong, "
                    "what happens when the need goes unmet, and what helps.")


def _add_meta_description(context, doctree) -> None:
    """Every page gets a meta description (search results and link previews show it); a page
    can set its own in its front matter (``html_meta: description: ...``)."""
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    text = (_description(doctree) if doctree is not None else "") or SITE_DESCRIPTION
    context["metatags"] = metatags + f'\n<meta name="description" content="{html.escape(text)}" />'


def _add_page_assets(app, pagename, templatename, context, doctree) -> None:
    _fix_bibliography_roles(context)
    _add_meta_description(context, doctree)
    body = context.get("body", "")
    if "belonging-plot" in body:
        app.add_js_file(
            f"{VENDOR}/{LOADER}",
            defer="defer",
            **{"data-plotly": f"{context.get('pathto')('_static/' + VENDOR + '/' + _plotly_name(), 1)}"},
        )


#: Inline scripts on every page read DOCUMENTATION_OPTIONS as soon as they run, so this one
#: file must stay blocking; every other script can wait until the text has been parsed.
KEEP_BLOCKING = {"_static/documentation_options.js"}


def _defer_scripts(app, pagename, templatename, context, doctree) -> None:
    """Let the text show first: Sphinx and its extensions put ten scripts in the head that
    block rendering (about 4.9 s of a phone's first paint, measured with Lighthouse).
    ``defer`` keeps their order and still runs them before DOMContentLoaded."""
    files = context.get("script_files")
    if not isinstance(files, list):
        return  # (the search page defers its search scripts too: book/_templates/search.html)
    for i, js in enumerate(files):
        if not isinstance(js, _JavaScript) or not js.filename or js.filename in KEEP_BLOCKING:
            continue
        attributes = dict(js.attributes)
        if "://" in js.filename or "async" in attributes or "defer" in attributes:
            continue
        attributes["defer"] = "defer"
        files[i] = _JavaScript(js.filename, priority=js.priority, **attributes)


def _copy_vendor(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / VENDOR
    target.mkdir(parents=True, exist_ok=True)
    plotly_js = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    with resources.as_file(plotly_js) as source:
        shutil.copyfile(source, target / _plotly_name())
    loader = resources.files("belonging.figures").joinpath("static", LOADER)
    with resources.as_file(loader) as source:
        shutil.copyfile(source, target / LOADER)


def refresh_static(srcdir: Path, outdir: Path) -> list[Path]:
    """Copy each of the book's own static files over its built copy where the two differ.

    Sphinx 7.4 does not overwrite a static file already in the output folder, and copies none
    when no page is out of date: after an edit to a stylesheet or script in book/_static, an
    incremental build (`make serve`, `make build`) kept serving the old copy (seen with
    belonging-print.css). Returns the copies it wrote.
    """
    written = []
    source = Path(srcdir) / "_static"
    for path in sorted(source.rglob("*")):
        copy = Path(outdir) / "_static" / path.relative_to(source)
        if path.is_file() and (not copy.is_file() or copy.read_bytes() != path.read_bytes()):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            written.append(copy)
    return written


def _refresh_static(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        refresh_static(Path(app.srcdir), Path(app.outdir))


GLOSSARY_JSON = "glossary-terms.json"


class _GlossaryDefinitions(HTMLParser):
    """Collects ``{"term-Id": "definition text"}`` from a built glossary page: each ``<dt id>``
    names a term, and the text of the ``<dd>`` that follows (citations included as rendered)
    is its definition."""

    def __init__(self):
        super().__init__()
        self.definitions: dict[str, str] = {}
        self._term: str | None = None
        self._depth = 0  # nesting depth inside the current <dd>
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self._depth:
            self._depth += tag == "dd"
            return
        if tag == "dt":
            ident = dict(attrs).get("id") or ""
            self._term = ident if ident.startswith("term-") else None
        elif tag == "dd" and self._term:
            self._depth, self._text = 1, []

    def handle_endtag(self, tag):
        if self._depth and tag == "dd":
            self._depth -= 1
            if not self._depth:
                self.definitions[self._term] = " ".join("".join(self._text).split())
                self._term = None

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)


def glossary_definitions(page: str) -> dict[str, str]:
    parser = _GlossaryDefinitions()
    parser.feed(page)
    return parser.definitions


def _write_glossary_json(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    page = Path(app.outdir) / "glossary.html"
    definitions = glossary_definitions(page.read_text("utf-8")) if page.is_file() else {}
    target = Path(app.outdir) / "_static" / GLOSSARY_JSON
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(definitions, ensure_ascii=False, sort_keys=True), "utf-8")


def _write_review_questions(app, exception) -> None:
    """The review page's questions: every public chapter quiz (never book/exams) in one file
    in ``_static``, written by ``belonging.pages.review`` so Python stays the source."""
    if exception is not None or app.builder.format != "html":
        return
    from belonging.pages.review import write_review_bank

    titles = {name: title.astext() for name, title in app.env.titles.items()}
    write_review_bank(Path(app.srcdir) / "quizzes", Path(app.outdir) / "_static", titles)


def setup(app):
    # The kernels that run the chapters inherit this: show_quiz then writes the site's own quiz
    # (belonging.pages.quiz.quiz_html) instead of jupyterquiz's.
    os.environ["BELONGING_SITE_BUILD"] = "1"
    app.setup_extension("belonging_icons")  # the theme's icons without Font Awesome's 540 KB script
    app.setup_extension("belonging_speed")  # each page loads only the styles and scripts it uses
    app.setup_extension("belonging_evidence")  # the "How sure are we?" boxes
    app.connect("build-finished", _refresh_static)
    app.connect("build-finished", _write_glossary_json)
    app.connect("build-finished", _write_review_questions)
    app.connect("html-page-context", _add_page_assets)
    app.connect("html-page-context", _defer_scripts, priority=900)  # after the theme adds its own
    app.connect("build-finished", _copy_vendor)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
