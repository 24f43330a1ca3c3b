"""Key terms link to the glossary, and their definitions show where they are used.

Every chapter page links at least three glossary terms with {term} and ends with a "Key terms"
section. On a chapter page a term link's definition (the text of its glossary entry) shows in
a tooltip on keyboard focus, on hover and on a tap at phone width; Escape hides it; the pointer
can move onto it; nothing is fetched from another host, nothing is stored, and axe finds no
WCAG 2.1 A/AA violation with the tooltip open, in light and in dark mode.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, HTML, PHONE, PREBUILT, ROOT, WCAG, guarded_context, toc_pages
from test_browser import Reader

CHAPTERS = [p for p in toc_pages() if p.startswith("chapters/") and (not PREBUILT or (HTML / p).is_file())]
PAGE = "chapters/01-what-belonging-is.html"
TERM_LINK = 'a.reference.internal[href*="glossary.html#term-"]'


class _TermLinks(HTMLParser):
    """Glossary term links ({term} renders a std-term span inside an internal reference) and
    section ids of one built page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and "glossary.html#term-" in (attrs.get("href") or ""):
            self._href = attrs["href"]
        elif tag == "span" and self._href and "std-term" in (attrs.get("class") or "").split():
            self.links.append(self._href.split("#", 1)[1])
            self._href = None

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def _definitions(built_site: Path) -> dict[str, str]:
    return json.loads((built_site / "_static" / "glossary-terms.json").read_text("utf-8"))


def test_glossary_definitions_are_published_for_the_tooltips(built_site):
    definitions = _definitions(built_site)
    source = (ROOT / "book" / "glossary.md").read_text("utf-8")
    terms = re.findall(r"^([A-Z][^\n]*)\n  \S", source, flags=re.M)
    assert len(definitions) == len(terms) >= 40, "every glossary entry needs a published definition"
    assert all(len(text) > 40 for text in definitions.values()), "a definition came out empty"
    # The text is the entry's own words, citations rendered (not the raw {cite} role).
    assert "ball-tossing game used to study ostracism" in definitions["term-Cyberball"]
    assert not any("{cite" in text for text in definitions.values())


@pytest.mark.parametrize("path", CHAPTERS)
def test_chapter_links_its_key_terms_to_the_glossary(built_site, path):
    parser = _TermLinks()
    parser.feed((built_site / path).read_text("utf-8"))
    definitions = _definitions(built_site)
    assert "key-terms" in parser.ids, f"{path} has no 'Key terms' section"
    assert len(set(parser.links)) >= 3, f"{path} links only {sorted(set(parser.links))} to the glossary"
    assert set(parser.links) <= set(definitions), "a term link points to no glossary definition"
    # Each key term listed at the end is also linked where the chapter first uses it.
    listed_twice = [t for t in set(parser.links) if parser.links.count(t) >= 2]
    assert len(listed_twice) >= 3


class TouchReader(Reader):
    """The browser tests' Reader on a touch screen (a phone: no hover, taps)."""

    def __init__(self, browser, base: str, path: str, viewport: dict):
        self.problems = []
        self.context, self.page = guarded_context(browser, base, self.problems,
                                                  viewport=viewport, has_touch=True, is_mobile=True)
        self.page.goto(f"{base}/{path}")
        self.page.wait_for_load_state("networkidle")


def _tip(page, link):
    """The tooltip a link points to with aria-describedby, checked to be one."""
    ident = link.get_attribute("aria-describedby")
    assert ident, "the term link names no description"
    tip = page.locator(f"#{ident}")
    assert tip.get_attribute("role") == "tooltip"
    return tip


def _axe(page, label):
    results = Axe().run(page, options=WCAG)
    return [f"{label}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in results.response["violations"]] + [f"  {n.get('any', [{}])[0].get('message', '')}" for v in results.response["violations"] for n in v["nodes"][:2]]


def _private_and_local(reader):
    stored = reader.page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""], f"the page stored something: {stored}"
    assert not reader.context.cookies()
    assert not reader.problems, "\n".join(reader.problems)


def test_definition_shows_on_keyboard_focus_and_hover_and_escape_hides_it(browser, site_url, built_site):
    definitions = _definitions(built_site)
    reader = Reader(browser, site_url, PAGE, DESKTOP)
    try:
        page = reader.page
        page.wait_for_selector(f"{TERM_LINK}[aria-describedby]", state="attached")
        for _ in range(400):  # Tab from the top of the page to the first term link, as a reader would
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.matches('{TERM_LINK}')"):
                break
        else:
            pytest.fail("Tab never reached a term link")
        link = page.locator(f"{TERM_LINK}:focus")
        key = link.get_attribute("href").split("#", 1)[1]
        tip = _tip(page, link)
        assert tip.is_visible(), "keyboard focus did not show the definition"
        assert tip.inner_text().strip() == definitions[key]
        page.keyboard.press("Escape")
        assert not tip.is_visible(), "Escape did not hide the definition"
        assert page.evaluate(f"document.activeElement.matches('{TERM_LINK}')"), "Escape moved the focus"

        # Hover: shows; moving onto the tooltip keeps it (hoverable); moving away hides it.
        page.keyboard.press("Tab")
        page.mouse.move(0, 0)
        other = page.locator(TERM_LINK).nth(1)
        other.scroll_into_view_if_needed()
        other.hover()
        other_tip = _tip(page, other)
        other_tip.wait_for(state="visible", timeout=2000)
        assert other_tip.inner_text().strip() == definitions[other.get_attribute("href").split("#", 1)[1]]
        box = other_tip.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
        # A check that something does not happen needs a span of time: longer than the script's
        # 300 ms hide delay (scheduleHide in belonging-glossary.js), which moving onto the tip cancels.
        page.wait_for_timeout(500)
        assert other_tip.is_visible(), "the definition vanished when the pointer moved onto it"
        assert page.locator('[role="tooltip"]:visible').count() == 1
        # Checked before axe runs: axe fetches stylesheets itself (404s of its own).
        _private_and_local(reader)

        failures = _axe(page, "light, tooltip open")
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        other.hover()
        other_tip.wait_for(state="visible", timeout=2000)
        failures += _axe(page, "dark, tooltip open")
        assert not failures, "\n".join(failures)

        page.mouse.move(0, 0)
        other_tip.wait_for(state="hidden", timeout=2000)
    finally:
        reader.close()


def test_first_tap_shows_the_definition_and_a_second_tap_follows_the_link(browser, site_url, built_site):
    definitions = _definitions(built_site)
    reader = TouchReader(browser, site_url, PAGE, PHONE)
    try:
        page = reader.page
        page.wait_for_selector(f"{TERM_LINK}[aria-describedby]", state="attached")
        link = page.locator(TERM_LINK).first
        link.scroll_into_view_if_needed()
        href = link.get_attribute("href")
        tip = _tip(page, link)
        link.tap()
        tip.wait_for(state="visible", timeout=2000)
        assert page.url.endswith(PAGE), "the first tap followed the link instead of showing the definition"
        assert tip.inner_text().strip() == definitions[href.split("#", 1)[1]]
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the definition runs off the screen"
        _private_and_local(reader)  # before axe, which fetches stylesheets itself
        failures = _axe(page, "phone, tooltip open")
        assert not failures, "\n".join(failures)
        link.tap()
        page.wait_for_url(re.compile(r"glossary\.html#term-"), timeout=5000)
    finally:
        reader.close()
