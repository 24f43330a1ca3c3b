"""A keyboard reader who tabs through a chapter meets each figure's slider (issue 18).

The figures are drawn only when they near the screen. The trial's keyboard reader, tabbing fast
from the top of chapter 1 without scrolling, went from the text before a figure to the text after
it: its slider did not exist yet. Here Tab is pressed from the top of the page, with no pause and
no scrolling first, until the focus reaches a slider or something after the first figure with a
slider; the slider must come first, and be that figure's. How fast plotly.js arrives must not
matter, so here it never does (its request is held): a slow network or a fast reader.
"""
from __future__ import annotations

import pytest

from conftest import DESKTOP, HTML, PHONE, guarded_context

PATH = "chapters/01-what-belonging-is.html"

#: Where the focus is now: a slider (which one), after the first figure with a slider, or before it.
WHERE = """() => {
  const figure = Array.from(document.querySelectorAll('figure.belonging-explorable'))
    .find(f => f.querySelector('.belonging-plot[data-slider-label]'));
  const el = document.activeElement;
  if (!figure) return {state: 'no figure with a slider'};
  if (el && el.getAttribute('role') === 'slider') {
    return {state: 'slider', mine: figure.contains(el), id: el.id};
  }
  const after = el && el !== document.body && !figure.contains(el)
    && (figure.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {state: after ? 'after' : 'before', id: el ? (el.id || el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40)) : ''};
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tabbing_from_the_top_reaches_the_first_slider_before_the_text_after_its_figure(browser, site_url, viewport):
    if HTML.is_dir() and not (HTML / PATH).is_file():
        pytest.skip(f"{PATH} is not in this build")
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=viewport)
    held = []
    page.route("**/plotly-*.js", lambda route: held.append(route))  # never answered while the reader tabs
    try:
        page.goto(f"{site_url}/{PATH}", wait_until="domcontentloaded")
        page.wait_for_function("() => document.readyState !== 'loading'")
        where = {}
        for _ in range(400):
            page.keyboard.press("Tab")
            where = page.evaluate(WHERE)
            if where["state"] != "before":
                break
        assert where["state"] == "slider", f"Tab went past the first figure without a slider: {where}"
        assert where["mine"], f"the first slider reached is not the first figure's: {where}"
    finally:
        context.close()
    assert not problems, problems
