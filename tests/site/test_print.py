"""`make pdf` (scripts/make_pdf.py): the print document it assembles from the built site, and one
chapter printed through the same path.

The whole course takes minutes to print, too long for every test run; `make pdf` checks its own
result (every page bookmarked in order, footers numbered, contents numbers unchanged between its
two prints). Here the assembly is checked on every page, and one chapter with its quiz appendix is
really printed: figures drawn, contents numbers right, answers in the appendix.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, book_of, script_module, words


make_pdf = script_module("make_pdf")


@pytest.fixture(scope="module")
def printed(built_site):
    text, pages = make_pdf.assemble(built_site, book=book_of(built_site))
    return BeautifulSoup(text, "html.parser"), pages


def _banks(book: Path, folder: str) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((book / folder).glob("*.json"))}


def test_every_page_of_the_toc_in_order_under_its_part(printed, built_site):
    soup, pages = printed
    book = book_of(built_site)
    toc = [p.path for p in make_pdf.toc_pages(book)]
    assert [s["data-path"] for s in soup.select("section.print-page[data-path]")] == toc
    chapters = sorted(f"chapters/{c.stem}.html" for c in (book / "chapters").glob("[0-9][0-9]-*.md"))
    assert [p for p in toc if p.startswith("chapters/")] == chapters, "a chapter is missing or out of order"
    assert not set(toc) & make_pdf.SCREEN_ONLY
    parts = [p.part for p in pages if p.part]
    assert [h.get_text() for h in soup.select("h1.print-part")] == list(dict.fromkeys(parts))
    for page in pages:  # each page's own title, one level below its part's
        level = "h2" if page.part else "h1"
        heading = soup.select_one(f"#{page.anchor} > section > {level}")
        assert heading is not None and heading.get_text(" ", strip=True) == page.title, page.path


def test_quiz_answers_appendix_has_every_public_question_and_no_exam_question(printed, built_site):
    soup, _ = printed
    book = book_of(built_site)
    quizzes, exams = _banks(book, "quizzes"), _banks(book, "exams")
    assert quizzes and exams
    for slug, bank in quizzes.items():
        section = soup.select_one(f'section.print-quiz-answers[data-bank="{slug}"]')
        assert section is not None, f"no answers for {slug} in the appendix"
        printed_questions = section.select("li.print-quiz-question")
        assert len(printed_questions) == len(bank["questions"]), slug
        for question, item in zip(bank["questions"], printed_questions):
            assert words(question["question"]) in words(item.get_text(" ")), f"{slug}: {question['question']}"
            options = item.select("li.print-answer")
            assert [("is-correct" in o["class"]) for o in options] == [a["correct"] for a in question["answers"]]
            for answer, option in zip(question["answers"], options):
                assert words(answer["feedback"]) in words(option.get_text(" ")), f"{slug}: feedback missing"
    everything = words(soup.get_text(" "))
    leaked = [f"{slug}: {q['question']}" for slug, bank in exams.items() for q in bank["questions"]
              if words(q["question"]) in everything]
    assert not leaked, "exam questions in the print document:\n" + "\n".join(leaked)


def test_chapter_quizzes_print_their_questions_and_point_to_the_answers(printed, built_site):
    soup, pages = printed
    quizzes = _banks(book_of(built_site), "quizzes")
    shown = [p for p in pages if (built_site / p.path).read_text("utf-8").count('id="quiz') > 0]
    for page in shown:
        block = soup.select_one(f"#quiz-questions-{page.slug}")
        assert block is not None, f"{page.path}: its quiz was not printed"
        assert len(block.select("ol.print-quiz-questions > li")) == len(quizzes[page.slug]["questions"])
        assert soup.select_one(block.select_one("a")["href"]) is not None
    assert not soup.select('[id^="quiz"][data-numquestions]'), "a jupyterquiz container was left in"


def test_only_the_figure_data_and_the_loader_are_scripts(printed):
    soup, _ = printed
    for script in soup.find_all("script"):
        if script.get("type") == "application/json":
            assert script["id"].endswith("-data") and "explorable-" in script["id"]
        else:
            assert script.get("src") == "_static/vendor/belonging-explorable.js", str(script)[:200]


def test_every_link_inside_the_document_has_a_target(printed):
    soup, _ = printed
    ids = [e["id"] for e in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "two elements share an id"
    known = set(ids)
    broken = sorted({a["href"] for a in soup.find_all("a", href=True)
                     if a["href"].startswith("#") and a["href"][1:] not in known})
    assert not broken, f"links to nothing: {broken[:10]}"
    relative = sorted({a["href"] for a in soup.find_all("a", href=True) if not re.match(r"^(#|https?:|mailto:)", a["href"])})
    assert not relative, f"links that lead nowhere on paper: {relative[:10]}"


def test_explorables_and_predictions_print_whole(printed, built_site):
    soup, pages = printed
    site_plots = sum((built_site / p.path).read_text("utf-8").count('class="belonging-plot"') for p in pages)
    plots = soup.select(".belonging-plot")
    assert len(plots) == site_plots
    for plot in plots:
        assert soup.find(id=plot["id"] + "-data") is not None, plot["id"]
        summary = plot.find_parent("figure").select_one(".belonging-explorable-summary")
        assert summary is not None and len(summary.get_text(strip=True)) > 40
    site_prompts = sum((built_site / p.path).read_text("utf-8").count('class="belonging-predict"') for p in pages)
    prompts = soup.select(".belonging-predict")
    assert len(prompts) == site_prompts
    for box in prompts:
        reveal = box.select_one(".belonging-predict-print")
        assert reveal is not None and len(reveal.get_text(strip=True)) > 60, box.get("id")
        assert not box.select("button, template, .belonging-predict-result")


def _chapter_with_everything(site: Path, pages) -> "make_pdf.Page":
    for page in pages:
        text = (site / page.path).read_text("utf-8") if page.path.startswith("chapters/") else ""
        if 'class="belonging-plot"' in text and 'class="belonging-predict"' in text and 'id="quiz' in text:
            return page
    pytest.skip("no built chapter has a figure, a prediction and a quiz")


def test_one_chapter_printed_with_contents_figures_and_answers(printed, built_site, tmp_path):
    from pypdf import PdfReader

    _, pages = printed
    book = book_of(built_site)
    chapter = _chapter_with_everything(built_site, pages)
    out = tmp_path / "chapter.pdf"
    numbers = make_pdf.make_pdf(built_site, out, book, only={chapter.path})
    reader = PdfReader(str(out))
    text = [words(p.extract_text()) for p in reader.pages]
    start = numbers[chapter.anchor]
    assert words(chapter.title) in text[start - 1], "the contents number is not where the chapter starts"
    assert f"{words(chapter.title)} {start}" in text[1], "the contents page does not give the chapter's page"
    appendix = numbers[f"quiz-answers-{chapter.slug}"]
    assert appendix > start
    bank = json.loads((book / "quizzes" / f"{chapter.slug}.json").read_text("utf-8"))
    answers = " ".join(text[appendix - 1:])
    first = bank["questions"][0]
    assert words(first["answers"][0]["feedback"])[:60] in answers
    assert words(first["question"])[:60] in " ".join(text[start - 1:appendix - 1]), "the quiz is not in the chapter"
    assert f"page {len(text)} of {len(text)}" in text[-1]
    assert make_pdf.check_pdf(out, [chapter]) == []


def test_make_pdf_loads_every_picture_before_its_first_print(printed, built_site, tmp_path):
    """The pictures are loading="lazy" and hidden on screen, so they load only when a print asks
    for them; make_pdf prints twice (the second time with the contents' page numbers), and a
    picture that arrived between the two moved the pages (seen in CI: the quiz answers'
    contents numbers moved). open_document must leave every picture loaded."""
    from playwright.sync_api import sync_playwright

    chapter = _chapter_with_everything(built_site, printed[1])
    text, _ = make_pdf.assemble(built_site, book=book_of(built_site), only={chapter.path})
    document = tmp_path / "print.html"
    for entry in built_site.iterdir():  # as make_pdf does: the document beside the site's files
        (tmp_path / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    document.write_text(text, "utf-8")
    with sync_playwright() as p:
        browser = make_pdf.chromium.launch(p)
        try:
            tab = make_pdf.open_document(browser, document)
            pictures = tab.evaluate("() => [...document.querySelectorAll('img.belonging-print-figure')]"
                                    ".map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])")
        finally:
            browser.close()
    assert pictures and all(loaded for _, loaded in pictures), [src for src, loaded in pictures if not loaded][:5]


def test_a_chapter_printed_from_the_browser_keeps_what_paper_needs(printed, built_site, site_url, tmp_path):
    """A reader presses Print on a chapter (belonging-print.css): no search box or other chrome,
    every prediction with its reveal, every figure's description, and web addresses written out."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    chapter = _chapter_with_everything(built_site, printed[1])
    soup = BeautifulSoup((built_site / chapter.path).read_text("utf-8"), "html.parser")
    with sync_playwright() as p:
        browser = make_pdf.chromium.launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{site_url}/{chapter.path}")
        page.wait_for_load_state("networkidle")
        page.pdf(path=str(tmp_path / "page.pdf"), format="A4")
        browser.close()
    text = "".join(words(p.extract_text()) for p in PdfReader(str(tmp_path / "page.pdf")).pages).replace(" ", "")

    def squeezed(fragment: str) -> str:
        return words(fragment).replace(" ", "")

    assert squeezed(chapter.title) in text
    assert squeezed("Search the course") not in text, "the search box was printed"
    for template in soup.select(".belonging-predict template"):
        assert squeezed(template.get_text(" "))[:200] in text, "a prediction was printed without its reveal"
    for summary in soup.select(".belonging-explorable-summary"):
        assert squeezed(summary.get_text(" "))[:200] in text, "a figure's description was not printed"
    external = [a["href"] for a in soup.select("article a.reference.external[href^='http']")]
    for href in external[:5]:
        assert squeezed(href) in text, f"the address of {href} was not printed"


sys.path.insert(0, str(ROOT / "book" / "_ext"))
import belonging_figures  # noqa: E402

#: In print media: each figure's picture shown and loaded, its live plot and slider not shown.
PRINTED_FIGURES = """() => Array.from(document.querySelectorAll('figure.belonging-explorable')).map(f => {
  const shown = e => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const img = f.querySelector('img.belonging-print-figure');
  const range = f.querySelector('.belonging-range');
  return {id: f.id, picture: shown(img) && img.complete && img.naturalWidth > 0,
          alt: img ? img.alt : '', plot: shown(f.querySelector('.belonging-plot')),
          label: shown(range) ? range.innerText.trim() : ''};
})"""


def _wait_for_pictures(page) -> None:
    """Give the pictures, lazy on screen, a few seconds to load once printing starts; a picture
    still not loaded then fails the check below."""
    try:
        page.wait_for_function("""() => Array.from(document.querySelectorAll('img.belonging-print-figure'))
            .every(img => img.complete && img.naturalWidth > 0)""", timeout=5000)
    except Exception:  # noqa: BLE001 - reported figure by figure below
        pass


def test_a_screen_never_downloads_the_print_pictures(browser, built_site, site_url):
    """The pictures are for paper: reading a chapter to its end on screen fetches none of them."""
    from conftest import DESKTOP, guarded_context

    pages = [p.path for p in make_pdf.toc_pages(book_of(built_site))
             if 'class="belonging-print-figure"' in (built_site / p.path).read_text("utf-8")]
    assert pages, "no page with a figure picture was built"
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=DESKTOP)
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/_static/figures/" in r.url else None)
    try:
        page.goto(f"{site_url}/{pages[0]}")
        for plot in page.query_selector_all(".belonging-plot"):
            plot.scroll_into_view_if_needed()
            page.wait_for_function("el => el.getAttribute('data-state') === 'rendered'", arg=plot)
        page.wait_for_load_state("networkidle")
        assert not fetched, f"the screen downloaded {len(fetched)} print pictures: {fetched[:3]}"
        page.emulate_media(media="print")
        _wait_for_pictures(page)
        assert fetched, "printing did not fetch the pictures"
    finally:
        context.close()
    assert not problems, problems


def test_print_shows_a_picture_of_every_figure_and_no_slider_label(browser, built_site, site_url):
    """Printed without scrolling (figures load as they near the screen, so most are not drawn):
    every figure is still there as its picture, and no slider label is left without its slider.
    One chapter is scrolled through first, so drawn figures and their sliders are checked too."""
    from conftest import DESKTOP, guarded_context

    pages = [p.path for p in make_pdf.toc_pages(book_of(built_site))
             if 'class="belonging-plot"' in (built_site / p.path).read_text("utf-8")]
    assert pages, "no page with a figure was built"
    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=DESKTOP)
    wrong, figures = [], 0
    try:
        for i, path in enumerate(pages):
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("load")
            if i == 0:  # draw every figure, so each has its slider
                for plot in page.query_selector_all(".belonging-plot"):
                    plot.scroll_into_view_if_needed()
                    page.wait_for_function("el => el.getAttribute('data-state') === 'rendered'", arg=plot)
            page.emulate_media(media="print")
            _wait_for_pictures(page)
            for figure in page.evaluate(PRINTED_FIGURES):
                figures += 1
                if not figure["picture"]:
                    wrong.append(f"{path} {figure['id']}: no picture on paper")
                if figure["plot"] or figure["label"]:
                    wrong.append(f"{path} {figure['id']}: the live plot or the slider label "
                                 f"{figure['label']!r} prints")
                if len(figure["alt"]) < 20 and figure["picture"]:
                    wrong.append(f"{path} {figure['id']}: the picture has no alternative text")
            page.emulate_media(media="screen")
    finally:
        context.close()
    assert figures >= len(pages)
    assert not wrong, "\n".join(wrong)
    assert not problems, problems


def test_each_picture_is_an_svg_file_with_its_alternative_text_beside_it(built_site):
    """Slides and e-books reuse the pictures: an SVG per figure, and its title and description."""
    checked = 0
    for path in sorted(built_site.glob("chapters/*.html")):
        for figure in belonging_figures.figures_in(path.read_text("utf-8")):
            svg = built_site / "_static" / "figures" / f"{figure['key']}.svg"
            alt = svg.with_suffix(".txt")
            assert svg.is_file() and svg.read_text("utf-8").lstrip().startswith("<svg"), svg
            assert alt.is_file() and figure["title"] in alt.read_text("utf-8"), alt
            assert figure["summary"][:60] in alt.read_text("utf-8")
            checked += 1
    assert checked, "no figure found on the built chapters"



#: Text on paper: every element with text of its own, and any element that paints a background,
#: as computed in print media. Paper is white (browsers leave backgrounds off by default).
PRINTED_COLOURS = """() => {
  const lum = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(',').map(Number);
    if (a === 0) return null;
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const found = [];
  for (const el of document.querySelectorAll('.bd-article *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.closest('svg')) continue;
    const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const text = lum(style.color), back = lum(style.backgroundColor);
    const label = el.tagName.toLowerCase() + '.' + (el.className || '') + ' "' + el.textContent.trim().slice(0, 40) + '"';
    if (own && text !== null && 1.05 / (text + 0.05) < 4.5) found.push('faint text on white: ' + label + ' ' + style.color);
    if (back !== null && back < 0.4) found.push('dark background: ' + label + ' ' + style.backgroundColor);
  }
  return found;
}"""


@pytest.mark.parametrize("path", ["chapters/04-when-the-need-goes-unmet.html", "chapters/09-subjective-interpretations.html"])
def test_a_page_printed_in_the_dark_theme_prints_dark_text_on_white(browser, site_url, path):
    """The dark theme is for the screen: a reader who prints with it on gets the same paper as in
    the light theme (the reader trial found near-white titles on white paper, and dark cards)."""
    from conftest import DESKTOP, guarded_context

    problems: list[str] = []
    context, page = guarded_context(browser, site_url, problems, viewport=DESKTOP, color_scheme="dark")
    try:
        page.goto(f"{site_url}/{path}")
        page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")
        page.emulate_media(media="print")
        found = page.evaluate(PRINTED_COLOURS)
    finally:
        context.close()
    assert not found, "\n".join(found[:25])
    assert not problems, problems
