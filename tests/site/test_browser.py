"""Every built page in Chromium at phone and at desktop width, as a reader would use it.

Fails on: a console error, a failed local request, any request to another host, a plotly
figure that does not render, a slider that changes nothing, a quiz that does not answer a
click or a key press, a predict-first prompt that does not reveal, an axe-core violation
of WCAG 2.1 A/AA.
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import HTML, PREBUILT, toc_pages

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}  # the sidebar exists only on wide screens
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _page_paths():
    """Every page the table of contents lists (on a prebuilt preview, those it has)."""
    return [p for p in toc_pages() if not PREBUILT or (HTML / p).is_file()]


class Reader:
    """Opens one page and records everything that would make it fail."""

    def __init__(self, browser, base: str, path: str, viewport: dict = PHONE):
        self.problems: list[str] = []
        self.context = browser.new_context(viewport=viewport)
        host = urlparse(base).netloc
        self.context.route("**/*", lambda route: self._route(route, host))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        self.page.goto(f"{base}/{path}")
        self.page.wait_for_load_state("networkidle")

    def _route(self, route, host):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == host:
            route.continue_()
        else:
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture(params=_page_paths())
def reader(request, browser, site_url, viewport):
    r = Reader(browser, site_url, request.param, viewport)
    yield r
    r.close()


def _visible_state(page, plot_id):
    return page.evaluate(
        "id => { const d = document.getElementById(id); return JSON.stringify(d.data.map(t => [t.visible, t.y && t.y.length ? t.y[t.y.length - 1] : null])); }",
        plot_id,
    )


def test_page_works_for_a_reader(reader):
    page = reader.page
    for plot in page.query_selector_all(".belonging-plot"):
        plot.scroll_into_view_if_needed()
        page.wait_for_function(
            "el => ['rendered', 'failed'].includes(el.getAttribute('data-state'))", arg=plot, timeout=20000)
        assert plot.get_attribute("data-state") == "rendered", f"figure {plot.get_attribute('id')} did not render"
        assert plot.query_selector(".main-svg"), "plotly drew no SVG"
        slider = page.query_selector(f"#{plot.get_attribute('id')}-range")
        if slider:
            before = _visible_state(page, plot.get_attribute("id"))
            at_max = slider.evaluate("s => Number(s.value) === Number(s.max)")
            slider.focus()
            page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
            page.wait_for_timeout(150)
            assert _visible_state(page, plot.get_attribute("id")) != before, "the slider changed nothing"

    for box in page.query_selector_all(".belonging-predict"):
        box.query_selector("input[type=radio]").check()
        box.query_selector("button").click()
        result = box.query_selector(".belonging-predict-result")
        assert result.is_visible() and "You predicted" in result.inner_text()

    questions = page.query_selector_all(".Quiz")  # jupyterquiz: one .Quiz per question
    for i, question in enumerate(questions):
        feedback = question.query_selector(".Feedback")
        if i == 0:  # the first question by keyboard alone: Tab to a choice, press Space
            question.query_selector("input[type=radio]").focus()
            page.keyboard.press("Space")
        else:
            question.query_selector(".MCButton").click()
        page.wait_for_timeout(50)
        assert feedback.inner_text().strip(), f"quiz question {i + 1} gave no feedback"
    if questions:
        page.wait_for_timeout(1000)  # answered buttons animate to their final colours; check those

    # Privacy: after every control on the page has been used, nothing is stored (the reader has
    # not asked: "Remember my answers on this device" is there, and off) and no cookie is set.
    assert page.locator("#belonging-remember").count() == 1, "the page has no Remember my answers switch"
    assert not page.locator("#belonging-remember").is_checked()
    stored = page.evaluate("async () => [localStorage.length, sessionStorage.length, document.cookie, "
                           "(await indexedDB.databases()).map(d => d.name)]")
    assert stored == [0, 0, "", []], f"the page stored something without being asked: {stored}"
    assert not reader.context.cookies()

    # The page's own requests and console, checked before axe is injected: axe fetches
    # stylesheets itself and resolves their @imports against the page URL (404s of its own).
    assert not reader.problems, "\n".join(reader.problems)
    results = Axe().run(page, options=WCAG)
    violations = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                  for v in results.response["violations"]]
    assert not violations, "\n".join(violations)

    # The theme follows the reader's dark-mode preference: check the same page in dark.
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
    # The theme fades colours between modes; judge the settled colours, as a reader sees them.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.wait_for_timeout(100)
    dark = Axe().run(page, options=WCAG)
    violations = [f"dark mode: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                  for v in dark.response["violations"]]
    assert not violations, "\n".join(violations)


def test_theme_switch_still_remembers_a_choice_the_reader_makes(browser, site_url):
    """First visits store nothing; pressing the theme switch is asking, so the choice is kept."""
    r = Reader(browser, site_url, "intro.html", DESKTOP)
    try:
        page = r.page
        assert page.evaluate("localStorage.length") == 0
        before = page.evaluate("document.documentElement.dataset.mode")
        page.click(".theme-switch-button")
        after = page.evaluate("document.documentElement.dataset.mode")
        assert after != before
        assert page.evaluate("localStorage.getItem('mode')") == after
        page.reload()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.dataset.mode") == after
        assert not r.problems, "\n".join(r.problems)
    finally:
        r.close()
