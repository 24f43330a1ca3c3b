"""The private reflection on the built chapter 12 page, used as a reader would.

Checks: every text area has a label the accessibility tree exposes; the reader can type in
each box and reach the download button by keyboard alone; the download is a plain-text file
made in the browser that holds the prompts and exactly what was typed; a polite status says
what happened (also when every box is empty, when nothing is downloaded); nothing is written
to localStorage, sessionStorage or cookies, and no request leaves the site; the card fits a
phone's width; axe finds no WCAG A/AA violation at phone and desktop widths, in light and dark.
The writing is never stored, so while a box holds text the page asks before it is left (a link,
a glossary term's second tap, a reload or close), and the file's date has the month in words.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import DESKTOP, HTML, PHONE, WCAG, PageSession

PAGE = "chapters/12-a-lifelong-pursuit.html"
BOX = "#reflection-ch12"

# Records every message of the polite status region, and each object URL released.
INIT = """
window.__said = [];
window.__revoked = 0;
(function () {
  var revoke = URL.revokeObjectURL.bind(URL);
  URL.revokeObjectURL = function (url) { window.__revoked += 1; return revoke(url); };
})();
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll('.belonging-reflection [role="status"]').forEach(function (region) {
    new MutationObserver(function () { window.__said.push(region.textContent); })
      .observe(region, { childList: true, characterData: true, subtree: true });
  });
});
"""

pytestmark = pytest.mark.skipif(
    HTML.is_dir() and not (HTML / PAGE).is_file(), reason="chapter 12 is not in this build")


class Session(PageSession):
    def __init__(self, browser, base: str, viewport: dict, **options):
        super().__init__(browser, base, PAGE, INIT, viewport=viewport, accept_downloads=True, **options)
        self.box = self.page.locator(BOX)
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture
def session(browser, site_url):
    s = Session(browser, site_url, PHONE)
    yield s
    s.close()


def test_reflection_is_on_the_page_says_it_is_not_a_test_and_labels_every_box(session):
    page, box = session.page, session.box
    text = " ".join(box.inner_text().split())
    assert "This is not a test of anything." in text
    assert "not items from any validated questionnaire" in text
    assert "it is never stored or sent anywhere" in text
    areas = box.locator("textarea")
    assert areas.count() >= 3
    for i in range(areas.count()):
        area = areas.nth(i)
        label = page.locator(f"label[for='{area.get_attribute('id')}']").inner_text()
        assert label.startswith(f"{i + 1}. ") and len(label) > 20
        # The accessible name comes from the label, so a screen reader announces the prompt.
        assert page.get_by_role("textbox", name=label).count() == 1
    assert box.locator("a[href*='intro']").count() == 1, "the reflection points to help"
    assert not session.problems, session.problems


def test_typed_answers_download_as_a_text_file_by_keyboard_with_nothing_stored_or_sent(session):
    s, page, box = session, session.page, session.box
    before = s.storage()
    answers = ["Walk to the park with my neighbour on Saturday.",
               "We call on Sundays.\nA visit in spring would help.",
               "",  # a box left empty
               "Maybe they were busy, not cold.",
               "Contact is not the same as belonging — ünïcode too."]
    areas = box.locator("textarea")
    assert areas.count() == len(answers)
    areas.nth(0).focus()
    for i, answer in enumerate(answers):
        assert page.evaluate("document.activeElement.id") == areas.nth(i).get_attribute("id")
        if answer:
            page.keyboard.insert_text(answer)
        page.keyboard.press("Tab")
    # The next stop after the last box is the download button.
    assert page.evaluate("document.activeElement.dataset.action") == "download"
    s.requests.clear()
    page.evaluate("() => { window.__said = []; }")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "my-reflection.txt"
    assert download.url.startswith("blob:"), download.url
    content = open(download.path(), encoding="utf-8").read()
    config = json.loads(page.locator(f"{BOX}-data").text_content())
    # The date with its month in words, never the browser's numeric short date ("12/6/2026").
    assert re.search(r"^Written on \d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) \d{4}\.$", content, re.M), content[:300]
    for i, (prompt, answer) in enumerate(zip(config["prompts"], answers), start=1):
        assert f"{i}. {prompt}" in content
        assert (answer or "(no answer)") in content
    assert "not a test" in content
    status = box.locator("[role='status']")
    assert status.get_attribute("aria-live") == "polite"
    expect(status).to_contain_text("my-reflection.txt")
    assert "Nothing was sent" in status.inner_text()
    assert any("my-reflection.txt" in m for m in page.evaluate("window.__said"))
    # The answers stay in the page, untouched.
    assert areas.nth(0).input_value() == answers[0]
    page.wait_for_function("() => window.__revoked >= 1")  # the object URL is released
    assert s.storage() == before, "the reflection wrote to storage or cookies"
    assert before[2] == "" and before[3] == 0
    assert not s.outside, f"requests left the site: {s.outside}"
    assert all(urlparse(u).scheme in ("blob", "data") for u in s.requests), s.requests
    assert not s.problems, "\n".join(s.problems)


def test_empty_boxes_download_nothing_and_say_so(session):
    page, box = session.page, session.box
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    box.locator("textarea").nth(1).fill("   ")
    box.locator("button[data-action='download']").click()
    # The message and the refusal come from the same click: once it shows, no download is coming.
    expect(box.locator("[role='status']")).to_contain_text("nothing to download yet")
    assert not downloads


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_violations_and_the_card_fits_the_width(browser, site_url, viewport):
    s = Session(browser, site_url, viewport)
    try:
        found = []
        for scheme in ("light", "dark"):
            s.page.emulate_media(color_scheme=scheme)
            if scheme == "dark":
                s.page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
            s.box.locator("textarea").first.fill("An answer.")
            with s.page.expect_download():
                s.box.locator("button[data-action='download']").click()
            result = Axe().run(s.page, context=BOX, options=WCAG)
            found += [f"{scheme}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                      for v in result.response["violations"]]
        assert not found, "\n".join(found)
        width = s.page.evaluate(f"document.querySelector('{BOX}').getBoundingClientRect().right")
        assert width <= viewport["width"], "the card is wider than the screen"
        overflow = s.page.evaluate(
            f"Array.from(document.querySelectorAll('{BOX} textarea, {BOX} button'))"
            ".some(el => el.getBoundingClientRect().right > window.innerWidth)")
        assert not overflow
        assert not s.outside
    finally:
        s.close()


def _dialogs(page, accept: bool) -> list[str]:
    """Answer every dialog the page opens (yes or no) and note its type."""
    seen: list[str] = []

    def answer(dialog):
        seen.append(dialog.type)
        dialog.accept() if accept else dialog.dismiss()
    page.on("dialog", answer)
    return seen


def test_a_link_asks_before_leaving_written_text_and_staying_keeps_it(session):
    page, box = session.page, session.box
    here = page.url
    seen = _dialogs(page, accept=False)
    box.locator("textarea").first.focus()
    page.keyboard.insert_text("A walk with my neighbour.")
    box.locator("a[href*='intro']").click()
    assert seen == ["confirm"], "leaving with written text did not ask"
    assert page.url == here and box.locator("textarea").first.input_value() == "A walk with my neighbour."


def test_a_link_leaves_at_once_when_nothing_is_written_and_after_a_yes(browser, site_url):
    for written in ("", "Something."):
        s = Session(browser, site_url, PHONE)
        try:
            seen = _dialogs(s.page, accept=True)
            if written:
                s.box.locator("textarea").first.fill(written)
            with s.page.expect_navigation():
                s.box.locator("a[href*='intro']").click()
            assert s.page.url.split("#")[0].endswith("/intro.html")
            assert seen == (["confirm"] if written else []), seen  # one question, not two
        finally:
            s.close()


def test_closing_or_reloading_with_written_text_asks_first(session):
    page, box = session.page, session.box
    box.locator("textarea").nth(1).focus()
    page.keyboard.insert_text("Some private thoughts.")
    with page.expect_event("dialog", timeout=5000) as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload", "closing the page with written text did not ask"
    asked.value.dismiss()  # stay
    assert not page.is_closed() and box.locator("textarea").nth(1).input_value() == "Some private thoughts."


def test_a_glossary_terms_second_tap_asks_before_leaving_written_text(browser, site_url):
    s = Session(browser, site_url, PHONE, has_touch=True, is_mobile=True)
    try:
        page = s.page
        term = page.locator("a.belonging-term").first
        if not term.count():
            pytest.skip("no glossary term on the page")
        seen = _dialogs(page, accept=False)
        s.box.locator("textarea").first.fill("Something I wrote.")
        here = page.url
        term.scroll_into_view_if_needed()
        term.tap()  # the first tap shows the definition and stays
        assert seen == [] and page.url == here
        term.tap()  # the second follows the link: ask first
        assert seen == ["confirm"] and page.url == here
        assert s.box.locator("textarea").first.input_value() == "Something I wrote."
    finally:
        s.close()
