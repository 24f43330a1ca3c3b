"""A reader on one built page (used by the glossary, quiz and review tests), and the theme switch.

Every page of the table of contents is used as a reader would use it (figures drawn, each
slider moved by keyboard, predictions revealed, every quiz question answered, the first by
keyboard alone, nothing stored, no console error, failed request or request to another host)
in test_accessibility.py, at three widths in both themes, where axe-core also judges it.
"""
from __future__ import annotations

from conftest import DESKTOP, PHONE, guarded_context


class Reader:
    """Opens one page and records everything that would make it fail."""

    def __init__(self, browser, base: str, path: str, viewport: dict = PHONE):
        self.problems: list[str] = []
        self.context, self.page = guarded_context(browser, base, self.problems, viewport=viewport)
        self.page.goto(f"{base}/{path}")
        self.page.wait_for_load_state("networkidle")

    def close(self):
        self.context.close()


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
