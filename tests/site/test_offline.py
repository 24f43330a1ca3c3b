"""`make offline` (scripts/make_offline.py): the zip of the site, unzipped to a folder and opened
straight from disk (file://, no server) in Chromium, works: a figure renders and its slider changes
it, a predict-first prompt reveals, a quiz answers a click, a glossary tooltip shows its definition,
search finds a page, every page loads without a console error, and nothing is requested from
outside the folder.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, toc_pages
from waiting import until


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_offline = _script("make_offline")


@pytest.fixture(scope="module")
def folder(built_site, tmp_path_factory) -> Path:
    """The offline zip, made from the built site and unzipped."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / "offline.zip"
    make_offline.make_offline(built_site, archive)
    with zipfile.ZipFile(archive) as z:
        assert all(n.startswith(make_offline.FOLDER + "/") for n in z.namelist()), "the zip must unpack into one folder"
        z.extractall(work / "unzipped")
    return work / "unzipped" / make_offline.FOLDER


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def test_every_local_link_and_file_resolves_to_a_file_in_the_folder(folder):
    """From disk a link to a folder shows a directory listing, not its index.html, and a missing
    file is an error: every local href and src of every page must name a file that is there."""
    # (_static holds the theme's template fragments, *macros.html, which are not pages.)
    pages = sorted(p for p in folder.rglob("*.html") if "_static" not in p.relative_to(folder).parts)
    assert len(pages) >= len(toc_pages()) - 2  # a preview build (BELONGING_SITE) may lack a few
    missing = []
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                missing.append(f"{page.relative_to(folder)} -> {url}")
    assert not missing, "\n".join(sorted(set(missing))[:20])


def test_the_offline_copy_answers_fetch_from_its_own_data(folder, built_site):
    """Every page loads the shim before any other script, and the shim holds every data file."""
    shim = (folder / make_offline.SHIM).read_text("utf-8")
    for path in sorted((built_site / "_static").glob("*.json")):
        assert json.dumps(json.loads(path.read_text("utf-8")), ensure_ascii=False, sort_keys=True)[1:-1] in shim, path.name
    for path in toc_pages():
        if (folder / path).is_file():
            head = (folder / path).read_text("utf-8").split("</head>", 1)[0]
            first = re.search(r"<script[^>]*>", head)
            assert first and make_offline.SHIM in first.group(0), f"{path}: the shim is not its first script"
    assert make_offline.SUMMARY_OFF in (folder / make_offline.OPTIONS).read_text("utf-8")
    assert make_offline.SUMMARY_ON in (built_site / make_offline.OPTIONS).read_text("utf-8"), \
        "the site itself keeps its search summaries"
    assert "belonging-offline" not in (built_site / "intro.html").read_text("utf-8"), "the site itself is unchanged"


class DiskReader:
    """A tab that may read only the unzipped folder; records console errors and any other request."""

    def __init__(self, browser, folder: Path):
        self.problems: list[str] = []
        self.root = folder.resolve().as_uri() + "/"
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        # A request cut short by the next page opening (the favicon, say) is not a failure.
        self.page.on("requestfailed", lambda r: r.failure == "net::ERR_ABORTED"
                     or self.problems.append(f"request failed: {r.url} ({r.failure})"))
        self.page.on("request", lambda r: self._inside(r.url) or self.problems.append(f"request outside the folder: {r.url}"))

    def _inside(self, url: str) -> bool:
        return url.startswith(self.root) or url.split(":", 1)[0] in ("data", "blob")

    def _route(self, route):  # and a request to the network is never sent
        if self._inside(route.request.url):
            route.continue_()
        else:
            route.abort()

    def open(self, path: str):
        self.page.goto(self.root + path)
        # Deferred scripts and the glossary's data file: wait until nothing more is loading.
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def reader(browser, folder):
    r = DiskReader(browser, folder)
    yield r
    r.context.close()


def _chapter(folder: Path) -> str:
    """A chapter with a slider figure, a prediction, a quiz and a glossary term."""
    for path in sorted(folder.glob("chapters/*.html")):
        text = path.read_text("utf-8")
        if all(s in text for s in ('class="belonging-plot"', "data-slider-label=\"", 'class="belonging-predict"',
                                   'id="quiz', 'glossary.html#term-')):
            return path.relative_to(folder).as_posix()
    pytest.skip("no built chapter has a slider figure, a prediction, a quiz and a glossary term")


def _visible(page, plot_id):
    return page.evaluate("id => JSON.stringify(document.getElementById(id).data.map(t => t.visible))", plot_id)


def test_a_chapter_works_from_disk(reader, folder):
    page = reader.open(_chapter(folder))
    plot = page.locator(".belonging-plot").first
    plot.scroll_into_view_if_needed()
    page.wait_for_function("el => ['rendered', 'failed'].includes(el.getAttribute('data-state'))",
                           arg=plot.element_handle(), timeout=30000)
    assert plot.get_attribute("data-state") == "rendered", "the figure was not drawn from disk"
    plot_id = plot.get_attribute("id")
    slider = page.locator(f"#{plot_id}-range")
    before = _visible(page, plot_id)
    at_max = slider.evaluate("s => Number(s.value) === Number(s.max)")
    slider.focus()
    page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
    until(page, lambda: _visible(page, plot_id) != before)
    assert _visible(page, plot_id) != before, "the slider changed nothing"

    box = page.locator(".belonging-predict").first
    box.locator("input[type=radio]").first.check()
    box.locator("button").click()
    result = box.locator(".belonging-predict-result")
    assert result.is_visible() and len(result.inner_text()) > 40

    question = page.locator(".belonging-quiz-question[data-type=multiple_choice]").first
    question.scroll_into_view_if_needed()
    question.locator("label").first.click()
    until(page, lambda: question.locator(".belonging-quiz-feedback").inner_text().strip())
    assert question.locator(".belonging-quiz-feedback").inner_text().strip(), "the quiz gave no feedback"

    definitions = json.loads((folder / "_static" / "glossary-terms.json").read_text("utf-8"))
    term = page.locator('a.reference.internal[href*="glossary.html#term-"]').first
    term.focus()
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    tip.wait_for(state="visible", timeout=3000)
    assert tip.inner_text().strip() == definitions[term.get_attribute("href").split("#", 1)[1]]
    assert not reader.problems, "\n".join(reader.problems)


def test_search_finds_a_page_from_disk(reader, folder):
    chapter = _chapter(folder)
    title = reader.open(chapter).locator("article h1").first.inner_text().strip("#").strip()
    word = max(re.findall(r"[A-Za-z]+", title), key=len).lower()
    page = reader.open(f"search.html?q={word}")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=20000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any(h.split("#")[0] == chapter for h in hrefs), f"searching '{word}' did not find {chapter}: {hrefs}"
    page.locator(f'#search-results a[href^="{chapter}"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith(chapter), "a search result did not open its page from disk"
    assert not reader.problems, "\n".join(reader.problems)


def test_every_page_opens_from_disk_without_errors(reader, folder):
    page = reader.open("index.html")
    page.wait_for_url(re.compile(r"intro\.html$"), timeout=5000)
    for path in toc_pages():
        if (folder / path).is_file():
            reader.open(path)
    assert not reader.problems, "\n".join(reader.problems)
