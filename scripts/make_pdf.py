"""Print the whole course as one PDF: dist/the-need-to-belong.pdf (`make pdf`).

The built site (`make build`) is gathered into one print document, every page in the order of
book/_toc.yml, and printed once by Debian's Chromium through the project's pinned Playwright: one
document gives one contents list, continuous page numbers and links that work inside the PDF.
Nothing is downloaded.

In the print document
* every page starts on a new sheet, under its part's heading; links between pages become links
  inside the PDF, and links to files that are not in it (notebook downloads) become plain text;
* each explorable is drawn at its default step (the page is as wide as the paper, so nothing is
  clipped) with its text summary; predict-first prompts are printed with their reveal;
* each quiz is printed as its questions, and the answers with every option's feedback go to an
  appendix built from the public banks in book/quizzes (never book/exams);
* the contents list has page numbers: the document is printed twice from the same tab, and the
  page on which each entry starts is read back from the first print's named destinations (pypdf)
  and written into the contents list before the second.

Usage: .venv/bin/python scripts/make_pdf.py [--site book/_build/html] [--out dist/the-need-to-belong.pdf]
"""
from __future__ import annotations

import argparse
import html
import json
import posixpath
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ is not a package
import book_toc  # noqa: E402  (the reading order bench-site and the site tests use too)
import chromium  # noqa: E402  (Debian's Chromium, launched as the site tests launch it)

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
PRINT_FILE = "print-the-need-to-belong.html"
TITLE = "The Need to Belong"
#: A4 less the side margins below, in CSS pixels: pages are laid out (and plotly figures
#: drawn) at the width they will have on paper.
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
PAPER_WIDTH_PX = round((210 - 32) / 25.4 * 96)
#: Tools that work on the reader's own answers on screen and have nothing to print: the review
#: page asks the quiz questions again (on paper they are in the appendix) and the progress page
#: lists what this browser remembers.
SCREEN_ONLY = {"review.html", "progress.html"}
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")


@dataclass
class Page:
    """One page of the table of contents, as it goes into the print document."""

    path: str            # built path, e.g. chapters/01-what-belonging-is.html
    part: str | None     # the caption of its part in _toc.yml (None for the welcome page)
    title: str = ""

    @property
    def anchor(self) -> str:
        return "page-" + self.path[: -len(".html")].replace("/", "-")

    @property
    def slug(self) -> str:
        return Path(self.path).stem


def toc_pages(book: Path = BOOK, only: set[str] | None = None) -> list[Page]:
    """Every page in book/_toc.yml to print, in reading order, with the caption of its part
    (`only`: just these built paths, for a quick print in the tests)."""
    pages = [Page(path, caption) for path, caption in book_toc.pages(book)]
    return [p for p in pages if p.path not in SCREEN_ONLY and (only is None or p.path in only)]


def quiz_banks(pages: list[Page], book: Path = BOOK) -> list[tuple[Page | None, Path]]:
    """The public quiz banks (book/quizzes/*.json), each with its chapter page, in toc order;
    a bank whose chapter is in the toc but not among `pages` is left out. Exam banks
    (book/exams) are never read here: they are for marks, not for print."""
    by_slug = {p.slug: p for p in pages if p.path.startswith("chapters/")}
    left_out = {p.slug for p in toc_pages(book) if p.path.startswith("chapters/")} - set(by_slug)
    banks = sorted(b for b in (book / "quizzes").glob("*.json") if b.stem not in left_out)
    order = {p.slug: i for i, p in enumerate(pages)}
    banks.sort(key=lambda b: (order.get(b.stem, len(order)), b.name))
    return [(by_slug.get(b.stem), b) for b in banks]


# ----- one page into the print document ---------------------------------------------------------

class Linker:
    """Rewrites a page's ids and links so that pages can share one document: ids get the page's
    prefix (every chapter has a "key-terms" section), links to pages in the document become
    links inside it, and links to anything else that is not on the web become plain text."""

    def __init__(self, pages: list[Page]):
        self.anchors = {p.path: p.anchor for p in pages}

    def target(self, page: Page, url: str) -> str | None:
        """Where a link on `page` points in the print document (None: nowhere in it)."""
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            return url
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(parts.path))) \
            if parts.path else page.path
        anchor = self.anchors.get(path)
        if anchor is None:
            return None
        return f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}"

    def rewrite(self, page: Page, root: Tag) -> None:
        prefix = page.anchor + "--"
        for element in root.find_all(True):
            if "print-keep" in element.get("class", []):  # made for print, already document-wide
                continue
            if element.get("id"):
                element["id"] = prefix + element["id"]
            for attribute in ID_REFS:
                if element.get(attribute):
                    value = element[attribute]
                    ids = value if isinstance(value, list) else value.split()
                    element[attribute] = " ".join(prefix + i for i in ids)
            if element.name == "a" and element.get("href") is not None:
                target = self.target(page, element["href"])
                if target is None:
                    element.unwrap()
                else:
                    element["href"] = target
            for attribute in ("src", "data-src"):
                if element.get(attribute) and not urlsplit(element[attribute]).scheme:
                    element[attribute] = posixpath.normpath(
                        posixpath.join(posixpath.dirname(page.path), element[attribute]))


def _quiz_cell(article: Tag) -> Tag | None:
    quiz = article.find(id=re.compile(r"^quiz[a-z0-9]+$"))
    if quiz is None:
        return None
    return quiz.find_parent("div", class_="cell") or quiz


def _kind(question: dict) -> str:
    return "Choose one." if question["type"] == "multiple_choice" else "Choose all that apply."


def quiz_questions_html(bank: dict, slug: str) -> str:
    """The quiz as printed in its chapter: questions and options, answers in the appendix."""
    items = []
    for q in bank["questions"]:
        options = "".join(f"<li>{html.escape(a['answer'])}</li>" for a in q["answers"])
        items.append(f'<li><p>{html.escape(q["question"])} <em>({_kind(q)})</em></p>'
                     f'<ol type="A">{options}</ol></li>')
    return (f'<div class="print-quiz print-keep" id="quiz-questions-{slug}"><p class="print-quiz-note">The answers, with feedback on every '
            f'option, are in the appendix: <a class="print-keep" href="#quiz-answers-{slug}">Quiz answers</a>.</p>'
            f'<ol class="print-quiz-questions">{"".join(items)}</ol></div>')


def _print_predict(soup: BeautifulSoup, article: Tag) -> None:
    """A predict-first prompt on paper: the question, its options, then the reveal."""
    for box in article.select(".belonging-predict"):
        template = box.find("template")
        reveal = soup.new_tag("div", attrs={"class": "belonging-predict-print"})
        reveal.append(BeautifulSoup("<p><strong>Reveal</strong> (predict first, then read on):</p>", "html.parser"))
        if template is not None:
            for child in list(template.contents):
                reveal.append(child)
            template.decompose()
        for dead in box.select("button, .belonging-predict-result"):
            dead.decompose()
        box.append(reveal)


def page_body(site: Path, page: Page, linker: Linker, banks: dict[str, dict]) -> str:
    """One built page's article, ready for the print document."""
    soup = BeautifulSoup((site / page.path).read_text("utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise SystemExit(f"make_pdf: {page.path} has no <article class='bd-article'>; was the theme changed?")
    h1 = article.find("h1")
    for link in article.select("a.headerlink"):
        link.decompose()
    page.title = " ".join(h1.get_text(" ", strip=True).split()) if h1 else page.slug
    cell = _quiz_cell(article)
    if cell is not None:
        if page.slug not in banks:
            raise SystemExit(f"make_pdf: {page.path} shows a quiz but book/quizzes/{page.slug}.json is missing")
        cell.replace_with(BeautifulSoup(quiz_questions_html(banks[page.slug], page.slug), "html.parser"))
    _print_predict(soup, article)
    # Scripts: only the explorables' figure data stays (the loader draws it); quizzes, prompts
    # and games are printed from their markup, and the game's controls mean nothing on paper.
    for script in article.find_all("script"):
        if script.get("type") != "application/json" or not (script.get("id") or "").startswith("explorable-"):
            script.decompose()
    for details in article.find_all("details"):
        if "hide" in (details.get("class") or []):
            details.decompose()   # code hidden on the site stays hidden on paper
        else:
            details["open"] = "open"
    if page.part is not None:  # a page sits under its part's heading: one level down
        for heading in article.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + 1)}"
    linker.rewrite(page, article)
    return (f'<section class="print-page" id="{page.anchor}" data-path="{page.path}">'
            f"{article.decode_contents()}</section>")


# ----- the parts that exist only in print ---------------------------------------------------------

def appendix_html(entries: list[tuple[Page | None, Path]], banks: dict[str, dict]) -> str:
    """Every public quiz question with its answers marked and every option's feedback."""
    sections = []
    for page, path in entries:
        bank = banks[path.stem]
        title = page.title if page else bank.get("chapter", path.stem)
        questions = []
        for n, q in enumerate(bank["questions"], start=1):
            options = []
            for letter, a in zip("ABCDEFGHIJ", q["answers"]):
                verdict = "Correct" if a["correct"] else "Not correct"
                options.append(
                    f'<li class="print-answer {"is-correct" if a["correct"] else "is-wrong"}">'
                    f'<p><strong>{letter}. {html.escape(a["answer"])}</strong> '
                    f'<span class="print-verdict">{verdict}.</span></p>'
                    f'<p class="print-feedback">{html.escape(a.get("feedback", ""))}</p></li>')
            correct = ", ".join(l for l, a in zip("ABCDEFGHIJ", q["answers"]) if a["correct"])
            questions.append(
                f'<li class="print-quiz-question"><p>{html.escape(q["question"])} <em>({_kind(q)})</em></p>'
                f'<p class="print-key">Answer: {correct}</p><ul class="print-answers">{"".join(options)}</ul></li>')
        back = f' <a class="print-back" href="#quiz-questions-{path.stem}">Back to the questions</a>' if page else ""
        sections.append(f'<section class="print-quiz-answers" id="quiz-answers-{path.stem}" data-bank="{path.stem}">'
                        f"<h2>{html.escape(title)}</h2><p>{back}</p><ol>{''.join(questions)}</ol></section>")
    return ('<section class="print-page print-appendix" id="appendix-quiz-answers">'
            "<h1>Appendix: quiz answers</h1><p>Each chapter's self-check quiz with its answers and the "
            "feedback for every option, correct or not.</p>" + "".join(sections) + "</section>")


def contents_html(pages: list[Page], appendix: list[tuple[Page | None, Path]]) -> str:
    """The contents list, its page numbers left blank: each is a hidden placeholder of fixed
    width, filled in after the first print, so the list takes the same space in both prints."""
    def entry(anchor: str, title: str, level: int) -> str:
        return (f'<li class="toc-level-{level}"><a href="#{anchor}"><span class="toc-title">{html.escape(title)}</span>'
                f'<span class="toc-number" style="visibility:hidden">000</span></a></li>')

    items, part = [], object()
    for page in pages:
        if page.part != part and page.part is not None:
            items.append(entry(part_anchor(page.part), page.part, 1))
        part = page.part
        items.append(entry(page.anchor, page.title, 2 if page.part else 1))
    items.append(entry("appendix-quiz-answers", "Appendix: quiz answers", 1))
    for page, path in appendix:
        items.append(entry(f"quiz-answers-{path.stem}", page.title if page else path.stem, 2))
    return ('<nav class="print-contents" aria-labelledby="print-contents-title">'
            '<h1 id="print-contents-title">Contents</h1><ol>' + "".join(items) + "</ol></nav>")


def part_anchor(caption: str) -> str:
    return "part-" + re.sub(r"[^a-z0-9]+", "-", caption.lower()).strip("-")


def stylesheets(site: Path) -> list[str]:
    """The site's own stylesheets, in the order a page loads them (print rules included)."""
    soup = BeautifulSoup((site / "intro.html").read_text("utf-8"), "html.parser")
    links = [link["href"] for link in soup.find_all("link", href=True) if "stylesheet" in link.get("rel", [])]
    if not any("belonging-print.css" in href for href in links):
        links.append("_static/belonging-print.css")
    return links


def plotly_loader(site: Path) -> str:
    vendor = site / "_static" / "vendor"
    found = sorted(vendor.glob("plotly-*.min.js"))
    if not found or not (vendor / "belonging-explorable.js").is_file():
        raise SystemExit(f"make_pdf: no plotly.js or explorable loader in {vendor}; run make build first")
    return (f'<script defer src="_static/vendor/belonging-explorable.js" '
            f'data-plotly="_static/vendor/{found[-1].name}"></script>')


def assemble(site: Path, book: Path = BOOK, only: set[str] | None = None) -> tuple[str, list[Page]]:
    """The print document for the built site in `site`, and its pages in order."""
    pages = toc_pages(book, only)
    missing = [p.path for p in pages if not (site / p.path).is_file()]
    if missing:
        raise SystemExit(f"make_pdf: {site} lacks {', '.join(missing)}; run make build first")
    entries = quiz_banks(pages, book)
    banks = {path.stem: json.loads(path.read_text("utf-8")) for _, path in entries}
    linker = Linker(pages)
    bodies, part = [], object()
    for page in pages:
        body = page_body(site, page, linker, banks)
        if page.part != part and page.part is not None:
            bodies.append(f'<h1 class="print-part" id="{part_anchor(page.part)}">{html.escape(page.part)}</h1>')
        part = page.part
        bodies.append(body)
    css = "".join(f'<link rel="stylesheet" href="{href}">' for href in stylesheets(site))
    document = f"""<!DOCTYPE html>
<html lang="en" data-theme="light" data-mode="light"><head><meta charset="utf-8">
<title>{TITLE}</title>
{css}
{plotly_loader(site)}
</head><body class="print-book">
<div class="print-title-page"><p class="print-book-title">{TITLE}</p>
<p class="print-book-subtitle">An open, interactive course on the psychology of belonging</p>
<p class="print-book-note">The printed edition of the course site. Figures are shown at their starting
setting, each with a description; the online course lets you move their sliders, answer the quizzes
and play the games. Text CC BY 4.0, code MIT.</p></div>
{contents_html(pages, entries)}
<main class="bd-article print-main">{"".join(bodies)}{appendix_html(entries, banks)}</main>
</body></html>"""
    return document, pages


# ----- printing -----------------------------------------------------------------------------------

FOOTER = ('<div style="width:100%;font-size:8pt;color:#333;padding:0 16mm;display:flex;'
          'justify-content:space-between;font-family:sans-serif"><span>' + TITLE + '</span>'
          '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')


def open_document(browser, document: Path):
    """The print document in a tab as wide as the paper, every figure drawn."""
    page = browser.new_page(viewport={"width": PAPER_WIDTH_PX, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(document.as_uri())
    page.wait_for_load_state("load")
    # plotly.js is fetched when the first figure nears the viewport: visit each one and wait.
    for plot in page.query_selector_all(".belonging-plot"):
        plot.scroll_into_view_if_needed()
        page.wait_for_function("el => ['rendered', 'failed'].includes(el.getAttribute('data-state'))",
                               arg=plot, timeout=60_000)
        if plot.get_attribute("data-state") != "rendered":
            raise SystemExit(f"make_pdf: figure {plot.get_attribute('id')} could not be drawn")
    # The figures' pictures are loading="lazy" (a screen never shows them): load every one now
    # and wait, or one arriving between the two prints would move the pages the contents name.
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=60_000)
    page.evaluate("document.fonts.ready")
    if errors:
        raise SystemExit("make_pdf: the print document raised errors:\n" + "\n".join(errors))
    return page


def print_pdf(page, out: Path) -> None:
    page.pdf(path=str(out), format="A4", margin=MARGIN, print_background=True,
             display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
             outline=True, tagged=True)


FILL_NUMBERS = """numbers => {
  for (const link of document.querySelectorAll(".print-contents a")) {
    const number = link.querySelector(".toc-number");
    number.textContent = String(numbers[link.getAttribute("href").slice(1)]);
    number.style.visibility = "visible";
  }
}"""


def start_pages(pdf: Path) -> dict[str, int]:
    """Page number (from 1) on which each named destination of the PDF lies."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def outline_titles(pdf: Path) -> list[str]:
    """The PDF's bookmarks, in order, every level."""
    from pypdf import PdfReader

    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [item.title]

    return list(walk(PdfReader(str(pdf)).outline))


def _squeeze(text: str) -> str:
    # Chromium drops the space at each line break of a wrapped heading in the outline.
    return re.sub(r"\s+", "", text)


def check_pdf(pdf: Path, pages: list[Page]) -> list[str]:
    """What is wrong with the printed PDF (empty when nothing is): every page is bookmarked, in
    order, and the footers number the pages."""
    from pypdf import PdfReader

    problems, titles = [], [_squeeze(t) for t in outline_titles(pdf)]
    position = 0
    for page in pages:
        try:
            position = titles.index(_squeeze(page.title), position) + 1
        except ValueError:
            problems.append(f"no bookmark for {page.path} ({page.title}) after the one before it")
    reader = PdfReader(str(pdf))
    total = len(reader.pages)
    for number in sorted({1, total}):
        if f"Page {number} of {total}" not in reader.pages[number - 1].extract_text():
            problems.append(f"page {number} has no footer 'Page {number} of {total}'")
    return problems


def toc_anchors(pages: list[Page], appendix_banks: list[str]) -> list[str]:
    parts = {part_anchor(p.part) for p in pages if p.part}
    return ([p.anchor for p in pages] + sorted(parts) + ["appendix-quiz-answers"]
            + [f"quiz-answers-{b}" for b in appendix_banks])


def make_pdf(site: Path, out: Path, book: Path = BOOK, only: set[str] | None = None) -> dict[str, int]:
    """Print the course to `out`; return the page on which each contents entry starts."""
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="make-pdf-") as scratch:
        folder = Path(scratch)
        for entry in site.iterdir():  # the print document sits beside the site's own files
            (folder / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
        document = folder / PRINT_FILE
        draft = folder / "draft.pdf"
        with sync_playwright() as p:
            browser = chromium.launch(p)
            text, pages = assemble(site, book=book, only=only)
            document.write_text(text, "utf-8")
            tab = open_document(browser, document)
            print_pdf(tab, draft)
            banks = [b.stem for _, b in quiz_banks(pages, book)]
            wanted = toc_anchors(pages, banks)
            numbers = start_pages(draft)
            lost = [a for a in wanted if a not in numbers]
            if lost:
                raise SystemExit(f"make_pdf: no page found for {', '.join(lost)}")
            # The same tab, figures already drawn: only the contents numbers change.
            tab.evaluate(FILL_NUMBERS, {a: numbers[a] for a in wanted})
            print_pdf(tab, out)
            browser.close()
        final = start_pages(out)
        moved = [a for a in wanted if final.get(a) != numbers[a]]
        if moved:  # the numbers were read from the first print; they must still hold
            raise SystemExit(f"make_pdf: contents numbers moved in the second print: {', '.join(moved)}")
        problems = check_pdf(out, pages)
        if problems:
            raise SystemExit("make_pdf: the PDF is not right:\n- " + "\n- ".join(problems))
    return {a: numbers[a] for a in wanted}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "the-need-to-belong.pdf")
    parser.add_argument("--book", type=Path, default=BOOK,
                        help="the book source the site was built from (its _toc.yml and quizzes/)")
    parser.add_argument("--html", type=Path, help="also write the print document here (to inspect it)")
    args = parser.parse_args()
    started = time.monotonic()
    if args.html:
        args.html.write_text(assemble(args.site, args.book)[0], "utf-8")
    numbers = make_pdf(args.site.resolve(), args.out.resolve(), args.book.resolve())
    from pypdf import PdfReader

    count = len(PdfReader(str(args.out)).pages)
    print(f"make_pdf: {args.out} ({count} pages, {args.out.stat().st_size / 1e6:.1f} MB, "
          f"{len(numbers)} contents entries) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
