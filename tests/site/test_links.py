"""Every link and asset reference between the built pages resolves, anchors included.

A crawl of the built HTML in pure Python (no browser, no server): every local href/src on every
page names a file that exists in the build, and every #fragment names an id (or an <a name>) in
the page it points to. Sphinx's own checks (-n) cover cross-references written with roles; this
also covers raw HTML, templates, downloads, the theme's own links and the components' markup.
"""
from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

#: The attributes that make a browser fetch or navigate to another URL.
URL_ATTRIBUTES = {"href", "src", "poster", "data"}
#: Made from the built site (`make pdf`, `make epub`, `make offline`) and published beside it by
#: .github/workflows/pages.yml (checked in tests/test_publish_workflow.py), so a local build does not have them.
PUBLISHED_BESIDE = {"downloads/the-need-to-belong.pdf", "downloads/the-need-to-belong.epub",
                    "downloads/the-need-to-belong-offline.zip"}


class _Page(HTMLParser):
    """The ids (anchors) a page offers and the URLs it references."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES and tag != "template":
                self.urls.append((tag, value))
            elif name == "srcset":
                self.urls.extend((tag, part.split()[0]) for part in value.split(",") if part.strip())


@lru_cache(maxsize=None)
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(site).parts))


def broken_links(site: Path, page: Path) -> list[str]:
    """Every local reference on `page` that names a missing file or a missing anchor."""
    site = site.resolve()
    found = []
    for tag, url in _parse(page).urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("mailto:", "javascript:", "data:")):
            continue  # another host is test_build.py's concern (and the browser tests')
        target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if site not in target.parents and target != site:
            found.append(f"<{tag}> {url}: points outside the site")
            continue
        if not target.is_file() and target.relative_to(site).as_posix() not in PUBLISHED_BESIDE:
            found.append(f"<{tag}> {url}: no such file")
            continue
        fragment = unquote(parts.fragment)
        # A bare "#" is the theme's "stay here" link (buttons styled as links), not an anchor.
        if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
            found.append(f"<{tag}> {url}: no id {fragment!r} in {target.relative_to(site)}")
    return found


def test_the_crawl_finds_a_missing_file_and_a_missing_anchor(tmp_path):
    """The check itself can fail: a page with a dead link and a dead anchor is reported."""
    (tmp_path / "a.html").write_text('<p id="here">x</p><a href="#here">ok</a><a href="b.html#gone">x</a>'
                                     '<img src="_static/missing.png" alt=""><a href="#">top</a>', "utf-8")
    (tmp_path / "b.html").write_text('<h1 id="there">b</h1><a href="a.html#here">back</a>', "utf-8")
    assert broken_links(tmp_path, tmp_path / "b.html") == []
    assert broken_links(tmp_path, tmp_path / "a.html") == [
        "<a> b.html#gone: no id 'gone' in b.html",
        "<img> _static/missing.png: no such file",
    ]


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 25, "the crawl found too few pages to mean anything"
    broken = {str(p.relative_to(built_site)): b for p in pages if (b := broken_links(built_site, p))}
    assert not broken, "\n".join(f"{page}: {b}" for page, found in broken.items() for b in found)


@pytest.mark.parametrize("page", ["intro.html", "chapters/01-what-belonging-is.html"])
def test_the_crawl_sees_the_pages_links(built_site, page):
    """Guards the crawl against silently parsing nothing: a page's many links are seen."""
    urls = [u for _, u in _parse(built_site / page).urls]
    assert sum("#" in u for u in urls) >= 5 and sum(u.endswith(".css") for u in urls) >= 1


def test_every_page_links_the_accessibility_statement_in_its_footer(built_site):
    """The statement is one click from anywhere (its link resolves: see the crawl above)."""
    missing = [str(p.relative_to(built_site)) for p in html_pages(built_site)
               if p.name not in ("index.html", "accessibility.html")  # a redirect; the statement itself
               and not any(u.split("#")[0].endswith("accessibility.html") for _, u in _parse(p).urls)]
    assert (built_site / "accessibility.html").is_file() and not missing, missing
    assert "Text CC BY 4.0" in (built_site / "intro.html").read_text("utf-8"), "the footer text is missing"
