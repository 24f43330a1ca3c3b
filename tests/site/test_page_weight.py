"""Page weight of the built site, from the built files (fast; Lighthouse is `make bench-site`).

What a reader's browser fetches before touching a page: the HTML, its stylesheets (with their
@imports and the fonts they declare), its scripts and eager images, each counted compressed as
`make serve` and static hosts send it (gzip). plotly.js is not counted: the explorable loader
fetches it only when a figure nears the viewport. Budgets from issue 10: 250 KB on text pages,
500 KB on chapter pages. The other tests keep the measured wins: no Font Awesome script or font,
no search index outside the search page, and Sphinx's optional files only where they are used.
"""
from __future__ import annotations

import gzip
import re
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, toc_pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import belonging_icons  # noqa: E402
import belonging_speed  # noqa: E402

PAGES = toc_pages()
KB_MAX = {"text": 250, "chapter": 500}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")  # as scripts/serve.py


class _Head(HTMLParser):
    """The URLs a page makes the browser fetch as it loads."""

    def __init__(self):
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.styles.append(a["href"])
        elif tag == "link" and (a.get("rel") or "") in ("icon", "preload") and a.get("href"):
            self.images.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "img" and a.get("src") and a.get("loading") != "lazy":
            self.images.append(a["src"])


def parse(page: Path) -> _Head:
    head = _Head()
    head.feed(page.read_text("utf-8"))
    return head


def local(site: Path, page: str, url: str) -> Path | None:
    """The built file a page-relative URL points at, or None for data: URLs."""
    if url.startswith("data:"):
        return None
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"{page} fetches {url} from another host"
    return (site / urljoin(page, parts.path)).resolve()


@lru_cache(maxsize=None)
def sent_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6)) if path.suffix in COMPRESSED else len(data)


def css_fetches(site: Path, css: Path, seen: set[Path]) -> set[Path]:
    """A stylesheet, the stylesheets it @imports and the font files its @font-face rules name."""
    if css in seen or not css.is_file():
        return set()
    seen.add(css)
    found = {css}
    text = css.read_text("utf-8")
    for url in re.findall(r'@import\s+(?:url\()?["\']?([^"\')\s;]+)', text):
        found |= css_fetches(site, (css.parent / url).resolve(), seen)
    for face in re.findall(r"@font-face\s*\{[^}]*\}", text):
        for url in re.findall(r'url\(["\']?([^"\')]+)', face):
            if not url.startswith("data:"):
                found.add((css.parent / url.split("?")[0]).resolve())
    return found


def initial_fetches(site: Path, page: str) -> set[Path]:
    head = parse(site / page)
    files = {site / page}
    seen: set[Path] = set()
    for url in head.styles:
        if path := local(site, page, url):
            files |= css_fetches(site, path, seen)
    for url in head.scripts + head.images:
        if path := local(site, page, url):
            files.add(path)
    return files


def kind(page: str) -> str:
    return "chapter" if page.startswith("chapters/") else "text"


@pytest.mark.parametrize("page", PAGES)
def test_page_weight_within_budget(built_site, page):
    files = initial_fetches(built_site, page)
    missing = sorted(str(f.relative_to(built_site)) for f in files if not f.is_file())
    assert not missing, f"{page} asks for files that are not built: {missing}"
    total = sum(sent_bytes(f) for f in files) / 1000
    largest = sorted(files, key=sent_bytes, reverse=True)[:3]
    assert total <= KB_MAX[kind(page)], (
        f"{page}: {total:.0f} KB compressed before the first interaction, budget {KB_MAX[kind(page)]} KB; "
        f"largest: {[(str(f.relative_to(built_site)), sent_bytes(f)) for f in largest]}")


def test_no_page_loads_font_awesome_or_the_search_index_it_does_not_need(built_site):
    problems = []
    for page in PAGES:
        names = {f.name for f in initial_fetches(built_site, page)}
        if "fontawesome.js" in names or any(n.startswith("fa-") for n in names):
            problems.append(f"{page} loads Font Awesome's script or font")
        if page != "search.html" and names & {"searchindex.js", "searchtools.js", "language_data.js"}:
            problems.append(f"{page} loads the search index or code")
    assert not problems, problems
    assert "searchindex.js" in {f.name for f in initial_fetches(built_site, "search.html")}, \
        "the search page itself must still load the index"
    assert not (built_site / "_static" / "scripts" / "fontawesome.js").exists()


def _article(page: Path) -> str:
    """The page's own content (the part Sphinx passes to the template as the body)."""
    text = page.read_text("utf-8")
    for opening, closing in (('<article class="bd-article">', "</article>"), ('<div class="bd-search-container">', "</main>")):
        start = text.find(opening)
        end = text.find(closing, start)
        if start >= 0 and end > start:
            return text[start:end]
    raise AssertionError(f"no article or search results in {page}")


def bundled(site: Path, page: str, url: str) -> list[str]:
    """The stylesheets a bundle holds (book/_ext/belonging_speed.py), read from the bundle's own
    /* path */ headers; nothing for any other stylesheet."""
    path = local(site, page, url)
    if path is None or not path.name.startswith("belonging-bundle-"):
        return []
    return re.findall(r"^/\* (\S+\.css) \*/$", path.read_text("utf-8"), flags=re.M)


def test_a_page_links_one_screen_stylesheet_holding_what_it_needs(built_site):
    """One request before the first paint instead of nine (the bundle), with the theme's rules
    first and the course's last, as the separate links had them."""
    for page in PAGES:
        screen = [url for url in parse(built_site / page).styles if "belonging-print" not in url]
        assert len(screen) == 1, f"{page} links {screen}"
        members = bundled(built_site, page, screen[0])
        assert members[:2] == ["basic.css", "styles/pydata-sphinx-theme.css"], (page, members)
        assert members[-1] == "belonging.css" and "belonging-icons.css" in members, (page, members)


@pytest.mark.parametrize("page", PAGES)
def test_optional_files_exactly_where_used(built_site, page):
    """Copy buttons, toggles, tabs and sphinx-design's styles load on the pages that use them
    and on no other."""
    head = parse(built_site / page)
    linked = {Path(urlsplit(url).path).name for url in head.scripts + head.styles}
    linked |= {Path(member).name for url in head.styles for member in bundled(built_site, page, url)}
    article = _article(built_site / page)
    for name, markers in belonging_speed.NEEDS.items():
        used = any(marker in article for marker in markers)
        if name in linked:
            assert used, f"{page} loads {name} but has nothing for it ({markers})"
        elif used and (built_site / "_static" / name).is_file():
            pytest.fail(f"{page} uses {markers} but does not load {name}")


def test_every_icon_on_every_page_is_drawn(built_site):
    css = (built_site / "_static" / belonging_icons.ICON_CSS).read_text("utf-8")
    known = set(re.findall(r"\.fa-([\w-]+)::before\{width", css))
    assert {"sun", "moon", "magnifying-glass", "bars", "expand", "download"} <= known
    unknown = {page: belonging_icons.unknown_icons((built_site / page).read_text("utf-8"), known)
               for page in PAGES}
    assert not any(unknown.values()), {p: sorted(u) for p, u in unknown.items() if u}
    theme_css = (built_site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text("utf-8")
    assert "Font Awesome" not in "".join(re.findall(r"@font-face\{[^}]*\}", theme_css))
    assert not re.search(r'\.fa-sun:{1,2}before\{content:"', theme_css), "Font Awesome's glyph rules are back"


@pytest.mark.parametrize("width", [390, 1280])
def test_header_controls_show_their_icons_and_have_names(browser, site_url, width):
    """The icons that replaced Font Awesome's script are drawn (a non-empty mask on a box with
    size), in light and dark, and every icon control has a name for screen readers; nothing
    asks for Font Awesome's files."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(f"{site_url}/chapters/01-what-belonging-is.html")
        for mode in ("light", "dark"):
            page.evaluate("mode => document.documentElement.dataset.theme = mode", mode)
            controls = page.evaluate("""() => [...document.querySelectorAll('button, a.btn, label.sidebar-toggle')]
              .filter(el => el.querySelector(':is(i, span)[class*="fa-"]') && el.getBoundingClientRect().width > 0)
              .map(el => {
                const icons = [...el.querySelectorAll(':is(i, span)[class*="fa-"]')]
                  .filter(i => i.getBoundingClientRect().width > 0);
                const before = icons.map(i => getComputedStyle(i, '::before'));
                return {
                  html: el.outerHTML.slice(0, 120),
                  name: (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent).trim(),
                  drawn: before.length > 0 && before.every(s => /data:image\\/svg/.test(s.maskImage || s.webkitMaskImage)
                           && parseFloat(s.width) > 0 && parseFloat(s.height) > 0
                           && s.backgroundColor !== 'rgba(0, 0, 0, 0)'),
                };
              })""")
            assert len(controls) >= 4, f"expected the header's icon buttons at {width} px: {controls}"
            for control in controls:
                assert control["name"], f"icon control without a name at {width} px ({mode}): {control['html']}"
                assert control["drawn"], f"icon not drawn at {width} px ({mode}): {control['html']}"
    finally:
        page.close()
    assert not [url for url in requested if "fontawesome" in url or "/webfonts/" in url], requested


def test_the_print_stylesheet_never_holds_up_the_screen(built_site):
    """belonging-print.css matters only on paper: linked media="print" on every page (a plain
    link would block every first paint for rules that never apply on screen)."""
    for page in PAGES:
        links = re.findall(r"<link[^>]*belonging-print\.css[^>]*>", (built_site / page).read_text("utf-8"))
        assert links, f"{page} does not link the print stylesheet"
        assert all('media="print"' in link for link in links), f"{page}: {links}"
