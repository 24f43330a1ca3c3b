"""Page weight: each page loads only the styles and scripts it uses (issue 10).

Measured with Lighthouse (``make bench-site``) on a phone profile, every stylesheet in the head
blocks the first paint and every deferred script runs before the page settles. Sphinx and its
extensions add theirs to every page; this extension drops them where the page has nothing for
them to work on, and shortens the theme's chain of requests:

* ``NEEDS``: a file is kept only on pages whose body contains one of its markers (copy buttons
  need a code block, toggle buttons a toggle or dropdown, sphinx-design's files its ``sd-``
  classes, and so on).
* Sphinx's search code and index are loaded by the theme on every page for "search as you type",
  which is off: only search.html needs them, and it loads them itself.
* The theme's ``styles/theme.css`` is a one-line ``@import`` of ``basic.css``: a second round trip
  before the first paint, so the page links ``basic.css`` directly.
* The screen stylesheets a page links (the theme's, Sphinx's, the extensions' and the course's,
  nine on a text page) become one file, ``_static/belonging-bundle-<hash>.css``: the same rules in
  the same order, one request instead of nine before the first paint (each request costs the
  phone profile a round trip). Each page's own list of files names its bundle, so pages that
  need fewer files still load fewer bytes.
* Font Awesome's 2,000 glyph rules and its webfont declarations leave the theme's stylesheet
  (the icons are masks, see ``belonging_icons``): 17 KB less compressed CSS before the first paint.

And for the build: a rebuild with nothing changed reads and executes nothing (Sphinx keeps its
environment), which is fast, but Sphinx only looks at the book's own files, so a changed model
would leave every chapter showing figures from the old one. ``_chapters_of_changed_models``
marks every executable page outdated whenever the models (the ``belonging`` package the kernel
imports) or the quiz banks change, and ``execute_notebooks: force`` runs them again.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import belonging

from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

#: File → markers; the file stays on a page whose body contains any marker.
NEEDS = {
    "copybutton.js": ('class="highlight',),
    "clipboard.min.js": ('class="highlight',),
    "copybutton.css": ('class="highlight',),
    "pygments.css": ('class="highlight',),
    "togglebutton.js": ("toggle", "dropdown"),
    "togglebutton.css": ("toggle", "dropdown"),
    "design-tabs.js": ("sd-tab",),
    "sphinx-design.min.css": ("sd-",),
    "exercise.css": ("exercise", "solution"),
    "belonging-quiz.js": ('class="belonging-quiz"',),
    "belonging-quiz.css": ('class="belonging-quiz"',),
    "belonging-review.js": ('id="belonging-review"',),
    "belonging-review.css": ('id="belonging-review"',),
    "belonging-evidence.css": ("belonging-evidence",),
}

#: Stylesheets that only matter on paper: linked with media="print", so they never hold up the
#: first paint on screen (the browser still fetches them, at low priority, for printing).
PRINT_ONLY = {"belonging-print.css"}


def needed(filename: str, body: str) -> bool:
    markers = NEEDS.get(Path(filename.split("?")[0]).name)
    return markers is None or any(marker in body for marker in markers)


def _drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    for key, kind in (("script_files", _JavaScript), ("css_files", _CascadingStyleSheet)):
        files = context.get(key)
        if isinstance(files, list):
            context[key] = [f for f in files
                            if not (isinstance(f, kind) and f.filename and not needed(f.filename, body))]
    context["css_files"] = [_print_only(f) for f in context.get("css_files") or []]


def _print_only(css):
    if not isinstance(css, _CascadingStyleSheet) or Path(str(css.filename)).name not in PRINT_ONLY:
        return css
    attributes = {**dict(css.attributes), "media": "print"}
    return _CascadingStyleSheet(css.filename, priority=css.priority, **attributes)


#: Sphinx's search code and the whole search index (see the module docstring).
SEARCH_SCRIPTS = ("_static/searchtools.js", "_static/language_data.js", "searchindex.js")


def without_search_scripts(head: str) -> str:
    names = "|".join(re.escape(name) for name in SEARCH_SCRIPTS)
    return re.sub(rf'\s*<script[^>]*src="(?:\.\./)*(?:{names})"[^>]*>\s*</script>', "", str(head))


def without_css_import(head: str) -> str:
    """The theme's ``_static/styles/theme.css`` link pointed straight at the ``basic.css`` it imports."""
    return re.sub(r'href="((?:\.\./)*)_static/styles/theme\.css(?:\?[^"]*)?"', r'href="\1_static/basic.css"', str(head))


_GLYPH_RULE = re.compile(r'(?<=[{}/])(?:\.fa-[\w-]+(?::{1,2}before)?,)*\.fa-[\w-]+:{1,2}before\{content:"[^"]*"\}')
_FA_FONT_FACE = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")


def without_fontawesome_glyphs(css: str) -> str:
    return _FA_FONT_FACE.sub("", _GLYPH_RULE.sub("", css))


#: A screen stylesheet of the site's own: in _static, with its version query, not media="print".
_LOCAL_STYLESHEET = re.compile(
    r'<link(?![^>]*media="print")(?=[^>]*rel="stylesheet")[^>]*'
    r'href="(?P<prefix>(?:\.\./)*)_static/(?P<path>[^"?]+\.css)(?P<query>\?[^"]*)?"[^>]*/?>\s*')


def bundle_name(members: list[str]) -> str:
    """Named by its members, version queries included: a changed file gives a new name."""
    digest = hashlib.sha256("\n".join(members).encode()).hexdigest()[:16]
    return f"belonging-bundle-{digest}.css"


def bundled_stylesheets(head: str, bundles: dict[str, list[str]]) -> str:
    """The page's screen stylesheets replaced by one link to their bundle, recorded in `bundles`
    (name → members as paths under _static with their queries), at the first one's place."""
    head = str(head)
    links = list(_LOCAL_STYLESHEET.finditer(head))
    if len(links) < 2:
        return head
    members = [m["path"] + (m["query"] or "") for m in links]
    name = bundle_name(members)
    bundles[name] = members
    link = f'<link rel="stylesheet" href="{links[0]["prefix"]}_static/{name}" />\n'
    out, end = [], 0
    for i, match in enumerate(links):
        out += [head[end:match.start()], link if i == 0 else ""]
        end = match.end()
    return "".join(out) + head[end:]


_CSS_URL = re.compile(r'url\((["\']?)(?!data:|[a-z]+://|/|#)([^"\')]+)\1\)')


def bundle_text(static: Path, members: list[str]) -> str:
    """The members' rules in order, as one file in _static: each member's own @charset dropped
    (one at the top), relative url()s rebased from the member's folder."""
    parts = ['@charset "UTF-8";']
    for member in members:
        path = member.split("?")[0]
        css = (static / path).read_text("utf-8").replace('@charset "UTF-8";', "")
        if "@import" in css:
            raise RuntimeError(f"{path} @imports another stylesheet; a bundle cannot hold it")
        folder = Path(path).parent.as_posix()
        if folder != ".":
            css = _CSS_URL.sub(lambda m: f"url({m[1]}{folder}/{m[2]}{m[1]})", css)
        parts.append(f"/* {path} */\n{css}")
    return "\n".join(parts) + "\n"


def _register_filters(app) -> None:
    if app.builder.format != "html":
        return
    filters = app.builder.templates.environment.filters
    filters["without_search_scripts"] = without_search_scripts
    filters["without_css_import"] = without_css_import
    app.belonging_bundles = {}
    filters["bundled_stylesheets"] = lambda head: bundled_stylesheets(head, app.belonging_bundles)


def _write_bundles(app, exception) -> None:
    """Every bundle a page of this build or an earlier one links (a rebuild rewrites only changed
    pages; the others keep linking their bundle, which gets today's files)."""
    if exception is not None or app.builder.format != "html":
        return
    record = Path(app.doctreedir) / "belonging-bundles.json"
    bundles = json.loads(record.read_text("utf-8")) if record.is_file() else {}
    bundles.update(app.belonging_bundles)
    static = Path(app.outdir) / "_static"
    for name, members in sorted(bundles.items()):
        if all((static / m.split("?")[0]).is_file() for m in members):
            (static / name).write_text(bundle_text(static, members), "utf-8")
    record.write_text(json.dumps(bundles, indent=1, sort_keys=True), "utf-8")


def _trim_theme_css(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    css = Path(app.outdir) / "_static" / "styles" / "pydata-sphinx-theme.css"
    if css.is_file():
        css.write_text(without_fontawesome_glyphs(css.read_text("utf-8")), "utf-8")
        css.with_name(css.name + ".map").unlink(missing_ok=True)  # would map into rules that are gone


def inputs_fingerprint(package: Path, quizzes: Path) -> str:
    """A hash of everything a chapter's code reads besides the chapter itself: the ``belonging``
    package (models, presentation, static files) and the quiz banks."""
    digest = hashlib.sha256()
    for folder, pattern in ((package, "**/*"), (quizzes, "*.json")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def executable(source: Path) -> bool:
    """A page with code to run: a MyST notebook (jupytext front matter) or an .ipynb."""
    if source.suffix == ".ipynb":
        return True
    return source.suffix == ".md" and "kernelspec:" in source.read_text("utf-8")[:2000]


def _chapters_of_changed_models(app, env, added, changed, removed):
    fingerprint = inputs_fingerprint(Path(belonging.__file__).parent, Path(app.srcdir) / "quizzes")
    before = getattr(env, "belonging_inputs_fingerprint", None)
    env.belonging_inputs_fingerprint = fingerprint
    if before == fingerprint:
        return []
    # Pages already being read (all of them in a fresh environment) need not be named.
    return sorted(name for name in env.found_docs
                  if name not in added and name not in changed and executable(Path(env.doc2path(name))))


def setup(app):
    app.connect("env-get-outdated", _chapters_of_changed_models)
    app.connect("builder-inited", _register_filters)
    app.connect("html-page-context", _drop_unused_assets, priority=950)  # after every extension adds its own
    app.connect("build-finished", _trim_theme_css)
    app.connect("build-finished", _write_bundles, priority=600)  # after the trim (500): bundles hold the trimmed theme
    return {"parallel_read_safe": True, "parallel_write_safe": True}
