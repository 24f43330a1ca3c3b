"""Three small things the reader trial found (issue 18, item 9), checked in the browser.

The search box's magnifier covered the first letter of the query; on a phone the top bar had no
way to My progress; a revealed prediction never said whether it matched the figure.
"""
from __future__ import annotations

import pytest

from conftest import DESKTOP, HTML, PHONE, guarded_context

CHAPTER = "chapters/01-what-belonging-is.html"


def _open(browser, site_url, path, viewport, problems):
    context, page = guarded_context(browser, site_url, problems, viewport=viewport)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    return context, page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_search_icon_leaves_the_query_readable(browser, site_url, viewport):
    problems: list[str] = []
    context, page = _open(browser, site_url, "search.html?q=ostracism", viewport, problems)
    try:
        overlaps = page.evaluate("""() => Array.from(document.querySelectorAll('form.bd-search')).map(form => {
            const input = form.querySelector('input'), icon = form.querySelector('i, .fa-magnifying-glass');
            const box = input.getBoundingClientRect(), mark = icon.getBoundingClientRect();
            if (!box.width || !mark.width) return null;  // the pop-up search box, closed
            const style = getComputedStyle(input);
            const textStarts = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
            return [Math.round(mark.right), Math.round(textStarts)]; }).filter(Boolean)""")
        assert overlaps, "no search box shown on the search page"
        for icon_right, text_left in overlaps:
            assert icon_right <= text_left, f"the magnifier (to {icon_right}px) covers the query (from {text_left}px)"
        assert page.locator("form.bd-search input").first.input_value() == "ostracism"
        assert not problems, problems
    finally:
        context.close()


def test_on_a_phone_the_top_bar_leads_to_my_progress(browser, site_url):
    if HTML.is_dir() and not (HTML / CHAPTER).is_file():
        pytest.skip("chapter 1 is not in this build")
    problems: list[str] = []
    context, page = _open(browser, site_url, CHAPTER, PHONE, problems)
    try:
        link = page.locator(".bd-header-article").get_by_role("link", name="My progress")
        assert link.count() == 1 and link.is_visible(), "no My progress link in the phone's top bar"
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, "smaller than WCAG 2.2's target size"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        # It shares the bar without sitting on another control.
        others = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.bd-header-article button, .bd-header-article a, .bd-header-article input, .bd-header-article label'))
            .filter(el => !el.classList.contains('belonging-progress-link') && el.getBoundingClientRect().width > 0)
            .map(el => { const r = el.getBoundingClientRect(); return [el.className || el.tagName, r.left, r.right, r.top, r.bottom]; })""")
        for name, left, right, top, bottom in others:
            apart = right <= box["x"] or left >= box["x"] + box["width"] or bottom <= box["y"] or top >= box["y"] + box["height"]
            assert apart, f"the link overlaps {name}"
        link.click()
        page.wait_for_url("**/progress.html")
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.parametrize("choice, says", [
    (1, "Your prediction matches what the figure shows."),
    (0, "Not what the figure shows: it matches \u201cThe one with close friends ends up satisfied"),
])
def test_a_revealed_prediction_says_whether_it_matched(browser, site_url, choice, says):
    if HTML.is_dir() and not (HTML / CHAPTER).is_file():
        pytest.skip("chapter 1 is not in this build")
    problems: list[str] = []
    context, page = _open(browser, site_url, CHAPTER, DESKTOP, problems)
    try:
        box = page.locator("#predict-ch01-contact")
        box.locator("input[type=radio]").nth(choice).check()
        box.get_by_role("button", name="Reveal").click()
        result = box.locator(".belonging-predict-result")
        assert says in " ".join(result.inner_text().split())
        assert not problems, problems
    finally:
        context.close()
