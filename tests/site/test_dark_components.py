"""The course's own cards in the dark theme (issue 18, item 5), measured in the browser.

The trial found every figure, prediction and the Cyberball game drawn as white cards inside
myst-nb's light output box on a black page, and the prediction radios, in the browser's dark
scheme on a light card, drawn as filled discs before any choice. Here, with the page in dark
mode at phone and desktop widths: each card's computed background is dark, its text keeps at
least 4.5:1 on it, no light box surrounds it, and a prediction's radio, photographed, is empty
(the card's colour at its centre) until it is chosen.
"""
from __future__ import annotations

import base64
import re

import pytest

from conftest import DESKTOP, HTML, PHONE, guarded_context

PAGES = {
    "chapters/04-when-the-need-goes-unmet.html": [".belonging-predict", ".belonging-predict-figure",
                                                  ".belonging-explorable", ".belonging-cyberball",
                                                  ".belonging-quiz-question"],
    "chapters/12-a-lifelong-pursuit.html": [".belonging-reflection"],
}

#: For each card: its background and text colours, and the backgrounds of the boxes around it up
#: to the notebook cell (the light frame the trial saw was myst-nb's output box).
COLOURS = """sel => { const card = document.querySelector(sel);
  if (!card) return null;
  const frames = [];
  for (let el = card.parentElement; el && !el.classList.contains('cell_output'); el = el.parentElement)
    frames.push(getComputedStyle(el).backgroundColor);
  const own = getComputedStyle(card);
  return { bg: own.backgroundColor, text: own.color, frames: frames }; }"""


def _rgba(css: str) -> tuple[float, ...]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return tuple(parts[:3]) + ((parts[3],) if len(parts) > 3 else (1.0,))


def _luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _dark_page(browser, site_url, path, viewport, problems):
    context, page = guarded_context(browser, site_url, problems, viewport=viewport, color_scheme="dark")
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
    return context, page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", sorted(PAGES))
def test_cards_are_dark_with_readable_text_and_no_light_frame(browser, site_url, path, viewport):
    if HTML.is_dir() and not (HTML / path).is_file():
        pytest.skip(f"{path} is not in this build")
    problems: list[str] = []
    context, page = _dark_page(browser, site_url, path, viewport, problems)
    try:
        found = []
        for selector in PAGES[path]:
            colours = page.evaluate(COLOURS, selector)
            assert colours, f"{selector} is not on {path}"
            bg, text = _rgba(colours["bg"]), _rgba(colours["text"])
            if bg[3] < 1 or _luminance(bg) > 0.05:
                found.append(f"{selector}: background {colours['bg']} is not a dark card")
            if _contrast(bg, text) < 4.5:
                found.append(f"{selector}: text {colours['text']} on {colours['bg']} is {_contrast(bg, text):.1f}:1")
            for frame in colours["frames"]:
                rgba = _rgba(frame)
                if rgba[3] > 0 and _luminance(rgba) > 0.05:
                    found.append(f"{selector}: sits in a light box ({frame})")
        assert not found, "\n".join(found)
        assert not problems, problems
    finally:
        context.close()


def _centre_pixel(page, locator) -> tuple[int, int, int]:
    """The colour the screen shows at the middle of an element (a screenshot, read in a canvas)."""
    png = base64.b64encode(locator.screenshot(animations="disabled")).decode()
    return tuple(page.evaluate("""async data => {
        const img = new Image(); img.src = 'data:image/png;base64,' + data; await img.decode();
        const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
        return Array.from(ctx.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data.slice(0, 3)); }""",
        png))


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_prediction_radios_are_empty_until_chosen(browser, site_url, scheme):
    path = "chapters/04-when-the-need-goes-unmet.html"
    if HTML.is_dir() and not (HTML / path).is_file():
        pytest.skip(f"{path} is not in this build")
    problems: list[str] = []
    context, page = _dark_page(browser, site_url, path, DESKTOP, problems) if scheme == "dark" else (None, None)
    if context is None:
        context, page = guarded_context(browser, site_url, problems, viewport=DESKTOP, color_scheme="light")
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
    try:
        box = page.locator(".belonging-predict").first
        box.scroll_into_view_if_needed()
        card = _rgba(box.evaluate("el => getComputedStyle(el).backgroundColor"))
        radios = box.locator("input[type=radio]")
        for i in range(radios.count()):
            centre = _centre_pixel(page, radios.nth(i))
            gap = max(abs(a - b) for a, b in zip(centre, card))
            assert gap <= 24, f"option {i} looks filled before any choice: {centre} on a card of {card[:3]}"
        radios.nth(0).check()
        chosen = _centre_pixel(page, radios.nth(0))
        assert max(abs(a - b) for a, b in zip(chosen, card)) > 100, "the chosen option looks empty"
        assert _centre_pixel(page, radios.nth(1)) != chosen
        assert not problems, problems
    finally:
        context.close()
