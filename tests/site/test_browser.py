"""Every built page in Chromium at phone and at desktop width, as a reader would use it.

Fails on: a console error, a failed local request, any request to another host, a plotly
figure that does not render, a slider that changes nothing, a quiz that does not answer a
click or a key press, a predict-first prompt that does not reveal, a Content-Security-Policy
refusal. axe-core runs on every page at three widths in both themes in test_accessibility.py.
"""
from __future__ import annotations

import pytest

from conftest import DESKTOP, HTML, PHONE, PREBUILT, guarded_context, toc_pages
from waiting import until



def _page_paths():
    """Every page the table of contents lists (on a prebuilt preview, those it has)."""
    return [p for p in toc_pages() if not PREBUILT or (HTML / p).is_file()]


class Reader:
    """Opens one page and records everything that would make it fail."""

    def __init__(self, browser, base: str, path: str, viewport: dict = PHONE):
        self.problems: list[str] = []
        self.context, self.page = guarded_context(browser, base, self.problems, viewport=viewport)
        self.page.goto(f"{base}/{path}")
        self.page.wait_for_load_state("networkidle")

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
            until(page, lambda: _visible_state(page, plot.get_attribute("id")) != before)
            assert _visible_state(page, plot.get_attribute("id")) != before, "the slider changed nothing"

    for box in page.query_selector_all(".belonging-predict"):
        box.query_selector("input[type=radio]").check()
        box.query_selector("button").click()
        result = box.query_selector(".belonging-predict-result")
        assert result.is_visible() and "You predicted" in result.inner_text()

    questions = page.query_selector_all(".belonging-quiz-question")  # quiz.quiz_html: one per question
    for i, question in enumerate(questions):
        feedback = question.query_selector(".belonging-quiz-feedback")
        choice = question.query_selector("input")
        if i == 0:  # the first question by keyboard alone: Tab to a choice, press Space
            choice.focus()
            page.keyboard.press("Space")
        else:
            question.query_selector("label").click()
        if choice.get_attribute("type") == "checkbox":  # select-all answers on Check
            question.query_selector(".belonging-quiz-check").click()
        until(page, lambda: feedback.inner_text().strip())
        assert feedback.inner_text().strip(), f"quiz question {i + 1} gave no feedback"

    # Privacy: after every control on the page has been used, nothing is stored (the reader has
    # not asked: "Remember my answers on this device" is there, and off) and no cookie is set.
    assert page.locator("#belonging-remember").count() == 1, "the page has no Remember my answers switch"
    assert not page.locator("#belonging-remember").is_checked()
    stored = page.evaluate("async () => [localStorage.length, sessionStorage.length, document.cookie, "
                           "(await indexedDB.databases()).map(d => d.name)]")
    assert stored == [0, 0, "", []], f"the page stored something without being asked: {stored}"
    assert not reader.context.cookies()

    # The page's own requests and console (a Content-Security-Policy refusal is a console error).
    assert not reader.problems, "\n".join(reader.problems)


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
