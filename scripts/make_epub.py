"""Write the whole course as one EPUB 3 e-book: dist/the-need-to-belong.epub (`make epub`).

The e-book is assembled from the built site (`make build`), as `make pdf` prints it: each page's
article, in the order of book/_toc.yml, becomes one XHTML file, written with the package
document, the contents (nav.xhtml) and a short "About this e-book" page into a zip. Nothing is
downloaded, no notebook is run and no browser is needed, so it takes seconds.

Sphinx's own epub builder (`jupyter-book build book --builder custom --custom-builder epub`) was
tried first: it runs every notebook again, copies the components as they are (chapter 4 kept 9
scripts, 15 buttons and 71 inputs), leaves each figure's picture hidden and out of the book, and
EPUBCheck found 34 fatal errors and 78 errors in what it wrote (HTML entities that are not XML,
the theme's stylesheet bundles missing). Its output would need all of the clean-up below anyway.

In the e-book
* each explorable is its picture at the default setting (made by book/_ext/belonging_figures.py)
  with its title and text description; no slider, plot or script is left;
* each predict-first prompt is its question and options, then the reveal;
* each chapter's quiz is its questions (from the public bank in book/quizzes, never book/exams)
  where the chapter has it, and the answers, with feedback on every option, in a page right after
  the chapter;
* a game (Cyberball) is named and said to be played on the course site; a private reflection's
  prompts stay as a list, its boxes and buttons go;
* links to pages in the book stay links (glossary terms and citations included); links to what is
  not in it (notebooks, the review and progress tools, the instructor guide) become plain text;
  web links (DOIs, help lines) stay, and nothing in the e-book loads anything from the web;
* the instructor guide is left out on purpose: it is for running the course with the site's
  files (notebooks, autograders, LMS exports), which an e-reader cannot open, and it is on the
  site and in the PDF. The review and progress pages work on the reader's answers in the browser,
  so they are left out too, as in the PDF. The site's accessibility statement is about the site;
  the e-book's own accessibility is stated in its metadata and its "About this e-book" page.

Usage: .venv/bin/python scripts/make_epub.py [--site book/_build/html] [--out dist/the-need-to-belong.epub]
"""
from __future__ import annotations

import argparse
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup, Tag

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ is not a package
import make_pdf  # noqa: E402  (the same reading order and quiz banks as the PDF)

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CSS = Path(__file__).resolve().parent / "epub" / "book.css"
TITLE = make_pdf.TITLE
SUBTITLE = "An open, interactive course on the psychology of belonging"
AUTHOR = "The Need to Belong course authors"
#: The same book in every edition, so a reader's library knows a new one replaces the old.
IDENTIFIER = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "the-need-to-belong/course"))
EPOCH = (1980, 1, 1, 0, 0, 0)
#: Pages of the table of contents the e-book leaves out (besides make_pdf.SCREEN_ONLY); see above.
LEFT_OUT_PARTS = {"For instructors"}
LEFT_OUT = {"accessibility.html"}
#: Elements that are controls or run code: none may be left in the e-book.
DEAD = ("script", "noscript", "template", "style", "form", "input", "button", "select", "textarea",
        "iframe", "object", "embed", "canvas", "video", "audio")
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")

ACCESS_MODES = ["textual", "visual"]
ACCESS_MODES_SUFFICIENT = ["textual", "textual,visual"]
FEATURES = ["alternativeText", "longDescription", "structuralNavigation", "tableOfContents",
            "readingOrder", "displayTransformability"]
HAZARDS = ["none"]
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
SUMMARY = ("Every chapter of the course with its figures as pictures, each with a short alternative "
           "text and a full written description in its caption, so the whole book can be read as "
           "text alone. Headings, a table of contents and page order follow the course; text can be "
           "resized and recoloured by the reader. The quizzes are printed with their answers and "
           "feedback, and nothing in the book is interactive, timed, animated or makes sound. "
           "Conformance to WCAG 2.2 AA is the authors' own assessment, checked with EPUBCheck and "
           "axe-core; the book has not yet been reviewed by an independent accessibility evaluator.")


@dataclass
class Doc:
    """One XHTML file of the e-book."""

    name: str                      # file name inside text/, e.g. 01-what-belonging-is.xhtml
    title: str
    body: str = ""                 # the XHTML inside <body>
    part: str | None = None        # its part's caption in the contents
    headings: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of its h2s
    answers_of: str | None = None  # for a quiz answers page: its chapter's file name


def pages_in_book(book: Path = BOOK, only: set[str] | None = None) -> list[make_pdf.Page]:
    """The site's pages that go into the e-book, in reading order."""
    return [p for p in make_pdf.toc_pages(book, only)
            if p.part not in LEFT_OUT_PARTS and p.path not in LEFT_OUT]


def file_name(page: make_pdf.Page) -> str:
    return f"{page.slug}.xhtml"


def answers_name(slug: str) -> str:
    return f"{slug}-quiz-answers.xhtml"


def safe_id(value: str) -> str:
    """An id that is a valid XML name (Sphinx makes ids such as "chapters/04-...-solution-1");
    the same function rewrites every link's fragment, so links keep their targets."""
    value = re.sub(r"[^A-Za-z0-9_.-]", "-", value)
    return value if re.match(r"[A-Za-z_]", value) else "id-" + value


def _text(element: Tag) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


# ----- the parts of a page that change in the e-book ---------------------------------------------

def _fragment(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def figure_html(figure: Tag, site: Path, page_path: str) -> str:
    """An explorable as its picture at the default setting, with its title and description."""
    picture = figure.select_one("img.belonging-print-figure")
    title = figure.select_one(".belonging-explorable-title")
    if picture is None or title is None:
        raise SystemExit(f"make_epub: a figure on {page_path} has no picture; was it built with "
                         "book/_ext/belonging_figures.py?")
    svg = (site / posixpath.normpath(posixpath.join(posixpath.dirname(page_path), picture["src"])))
    described = svg.with_suffix(".txt")
    if not svg.is_file() or not described.is_file():
        raise SystemExit(f"make_epub: {svg.relative_to(site)} or its description is missing: the build "
                         "could not draw the figure (it needs Chromium, see scripts/chromium.py)")
    description = described.read_text("utf-8").split("\n", 1)[1].strip()
    slider = figure.select_one(".belonging-plot[data-slider-label]")
    note = ""
    if slider is not None:
        note = (f'<p class="epub-figure-note">The picture shows the starting setting; on the course site a '
                f'slider ({html.escape(slider["data-slider-label"])}) changes it.</p>')
    return (f'<figure class="epub-figure" id="{figure.get("id", "")}">'
            f'<img src="../images/{svg.name}" alt="{html.escape(picture.get("alt", ""))}"/>'
            f'<figcaption><p><strong>{html.escape(_text(title))}</strong></p>'
            f'<p>{html.escape(description)}</p>{note}</figcaption></figure>')


def predict_html(box: Tag) -> str:
    """A predict-first prompt: the question and its options, then the reveal."""
    legend = box.find("legend")
    options = "".join(f"<li>{label.decode_contents()}</li>" for label in box.select(".belonging-predict-option label"))
    template = box.find("template")
    reveal = template.decode_contents() if template is not None else ""
    return (f'<section class="epub-box epub-predict" id="{box.get("id", "")}">'
            f"<p>{legend.decode_contents() if legend else ''}</p>"
            f'<ol class="epub-options">{options}</ol>'
            f'<div class="epub-reveal"><p><em>Make your guess, then read on.</em></p>{reveal}</div></section>')


def game_html(game: Tag) -> str:
    """A game cannot be played in a book: its name, and where to play it."""
    title = game.select_one(".bcb-title")
    name = _text(title) if title else "A game"
    return (f'<aside class="epub-box" id="{game.get("id", "")}"><p><strong>{html.escape(name)}</strong></p>'
            "<p>This game is played on the course site, where this chapter has it at this point. "
            "An e-book cannot run it; the chapter goes on below.</p></aside>")


def reflection_html(box: Tag) -> str:
    """A private reflection: its note and prompts, to answer wherever the reader likes."""
    title = box.select_one(".brf-title")
    note = box.select_one(".brf-note p")
    for text in note.find_all(string=True) if note else []:  # the book has no boxes to write in
        text.replace_with(re.sub(r"[^.]*\bbox(es)?\b[^.]*\.\s*", "", str(text)))
    prompts = "".join(f"<li><p>{html.escape(re.sub(r'^[0-9]+[.] *', '', _text(label)))}</p></li>"
                      for label in box.select(".brf-item label"))
    after = "".join(str(p) for p in box.find_all("p", recursive=False)
                    if not p.find("button") and "brf-status" not in (p.get("class") or []) and p is not title)
    return (f'<section class="epub-box belonging-reflection" id="{box.get("id", "")}">'
            f"<p><strong>{html.escape(_text(title)) if title else 'A private reflection'}</strong></p>"
            f"{str(note) if note else ''}"
            "<p>Write your answers wherever you like, on paper or in a notes app: this e-book keeps nothing.</p>"
            f"<ol>{prompts}</ol>{after}</section>")


def quiz_questions_html(bank: dict, slug: str) -> str:
    """A chapter's quiz in the chapter: its questions and options; the answers follow the chapter."""
    items = []
    for q in bank["questions"]:
        options = "".join(f"<li>{html.escape(a['answer'])}</li>" for a in q["answers"])
        items.append(f'<li><p>{html.escape(q["question"])} <span class="epub-kind">({make_pdf._kind(q)})</span></p>'
                     f'<ol class="epub-options">{options}</ol></li>')
    return (f'<div class="epub-quiz-questions" id="quiz-questions"><p>Answer each question for yourself first. '
            f'The answers, with feedback on every option, are on the page after the chapter: '
            f'<a href="{answers_name(slug)}">quiz answers for this chapter</a>.</p>'
            f'<ol class="epub-quiz">{"".join(items)}</ol></div>')


def quiz_answers_body(bank: dict, slug: str, chapter_title: str) -> str:
    """Every question of a chapter's quiz with the answer marked and every option's feedback."""
    questions = []
    for q in bank["questions"]:
        letters = "ABCDEFGHIJ"
        options = []
        for a in q["answers"]:
            verdict = "Correct." if a["correct"] else "Not correct."
            options.append(f'<li class="{"epub-correct" if a["correct"] else "epub-wrong"}">'
                           f'<p><strong>{html.escape(a["answer"])}</strong> <span class="epub-verdict">{verdict}</span></p>'
                           f'<p>{html.escape(a.get("feedback", ""))}</p></li>')
        key = ", ".join(letter for letter, a in zip(letters, q["answers"]) if a["correct"])
        questions.append(f'<li><p>{html.escape(q["question"])} <span class="epub-kind">({make_pdf._kind(q)})</span></p>'
                         f'<p class="epub-answer-key">Answer: {key}</p>'
                         f'<ol class="epub-answers">{"".join(options)}</ol></li>')
    return (f'<section id="quiz-answers" aria-labelledby="quiz-answers-title">'
            f'<h1 id="quiz-answers-title">Quiz answers: {html.escape(chapter_title)}</h1>'
            f'<p><a href="{slug}.xhtml#quiz-questions">Back to the questions</a></p>'
            f'<ol class="epub-quiz">{"".join(questions)}</ol></section>')


# ----- one page of the site into one XHTML file ---------------------------------------------------

class Links:
    """Rewrites a page's links for the e-book: to another page of it, inside it, or to plain text."""

    def __init__(self, pages: list[make_pdf.Page]):
        self.names = {p.path: file_name(p) for p in pages}

    def target(self, page_path: str, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "mailto"):
            return url
        if parts.scheme or url.startswith("//"):
            return None
        fragment = f"#{safe_id(unquote(parts.fragment))}" if parts.fragment else ""
        if not parts.path:
            return fragment or None
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
        name = self.names.get(path)
        return None if name is None else name + fragment

    def rewrite(self, page_path: str, root: Tag) -> None:
        for element in root.find_all(True):
            if element.get("id"):
                element["id"] = safe_id(element["id"])
            for attribute in ID_REFS:
                if element.get(attribute):
                    value = element[attribute]
                    ids = value if isinstance(value, list) else value.split()
                    element[attribute] = " ".join(safe_id(i) for i in ids)
            if element.name == "a" and element.get("href") is not None:
                target = self.target(page_path, element["href"])
                if target is None:
                    if "_downloads/" in element["href"]:  # an exercise notebook: say where it is
                        element.insert_after(" (on the course site)")
                    element.unwrap()
                else:
                    element["href"] = target


def _replace(element: Tag, markup: str) -> None:
    element.replace_with(_fragment(markup))


def _tidy(article: Tag) -> None:
    """What the site adds for the screen and a book does without."""
    # Code the page runs (the components' scripts and data, styles for the screen): a book runs none.
    for element in article.find_all(("script", "noscript", "template", "style")):
        element.decompose()
    for details in article.find_all("details"):
        if "hide" in (details.get("class") or []):
            details.decompose()   # code hidden on the site stays hidden in the book
            continue
        summary = details.find("summary")
        if summary is not None:
            summary.name = "p"
            summary["class"] = ["admonition-title"]
        details.name = "div"
    for element in article.find_all(True):
        for attribute in [a for a in element.attrs if a.startswith("on") or a == "style" or a.startswith("data-")]:
            del element[attribute]
        if "dropdown" in (element.get("class") or []):
            element["class"] = [c for c in element["class"] if c != "dropdown"]


def page_doc(site: Path, page: make_pdf.Page, links: Links, banks: dict[str, dict]) -> Doc:
    """One built page as the body of one XHTML file."""
    soup = BeautifulSoup((site / page.path).read_text("utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise SystemExit(f"make_epub: {page.path} has no <article class='bd-article'>; was the theme changed?")
    h1 = article.find("h1")
    for link in article.select("a.headerlink"):
        link.decompose()
    title = _text(h1) if h1 else page.slug
    cell = make_pdf._quiz_cell(article)
    if cell is not None:
        if page.slug not in banks:
            raise SystemExit(f"make_epub: {page.path} shows a quiz but book/quizzes/{page.slug}.json is missing")
        _replace(cell, quiz_questions_html(banks[page.slug], page.slug))
    for figure in article.select("figure.belonging-explorable"):
        _replace(figure, figure_html(figure, site, page.path))
    for box in article.select("section.belonging-predict"):
        _replace(box, predict_html(box))
    for game in article.select("section.belonging-cyberball"):
        _replace(game, game_html(game))
    for box in article.select("section.belonging-reflection"):
        _replace(box, reflection_html(box))
    _tidy(article)
    left = sorted({e.name for e in article.find_all(DEAD)})
    if left:  # a new kind of control on the site must be given a form for the book first
        raise SystemExit(f"make_epub: {page.path} still has {', '.join(left)} after the clean-up; "
                         "add a rule for it in scripts/make_epub.py")
    links.rewrite(page.path, article)
    headings = [(h.parent["id"], _text(h)) for h in article.find_all("h2")
                if h.parent.name == "section" and h.parent.get("id")]
    return Doc(file_name(page), title, article.decode_contents(), page.part, headings)


def about_body(leaving_out: list[str]) -> str:
    return (f'<section id="about" aria-labelledby="about-title">'
            f'<p class="epub-title" id="about-title">{TITLE}</p><p class="epub-subtitle">{SUBTITLE}</p>'
            "<h1>About this e-book</h1>"
            "<p>This is the e-book edition of the online course. Every figure is a picture at its starting "
            "setting, followed by a written description of what it shows; on the course site the same "
            "figures have sliders. Each chapter's quiz is printed with its questions in the chapter and its "
            "answers, with feedback on every option, on the page after the chapter. Games and the course's "
            "review and progress tools need a web browser and are only on the site.</p>"
            f"<p>Left out on purpose: {html.escape('; '.join(leaving_out))}. The instructor guide is for "
            "teaching with the site's files (notebooks, autograders, exports for learning management "
            "systems), which an e-reader cannot open; it is on the course site and in the PDF edition.</p>"
            "<h2>Accessibility</h2>"
            f"<p>{html.escape(SUMMARY)}</p>"
            "<h2>Licence</h2>"
            f"<p>Text CC BY 4.0, code MIT. Attribute it as: {TITLE}, by {AUTHOR}, licensed under CC BY 4.0. "
            "The Reuse and adapt page at the end of the book says how to reuse and remix it.</p></section>")


def nav_body(docs: list[Doc]) -> str:
    """The contents (a nav of every page, its sections and its quiz answers) and the landmarks."""
    items, part, open_part = [], object(), False
    for doc in docs:
        if doc.answers_of or doc.name == "about.xhtml":
            continue
        if doc.part != part:
            if open_part:
                items.append("</ol></li>")
            open_part = doc.part is not None
            if open_part:
                items.append(f"<li><span>{html.escape(doc.part)}</span><ol>")
            part = doc.part
        subs = [f'<li><a href="text/{doc.name}#{i}">{html.escape(t)}</a></li>' for i, t in doc.headings]
        subs += [f'<li><a href="text/{d.name}">Quiz answers</a></li>' for d in docs if d.answers_of == doc.name]
        inner = f"<ol>{''.join(subs)}</ol>" if subs else ""
        items.append(f'<li><a href="text/{doc.name}">{html.escape(doc.title)}</a>{inner}</li>')
    if open_part:
        items.append("</ol></li>")
    first_chapter = next(d for d in docs if re.match(r"[0-9]{2}-", d.name))
    landmarks = [("toc", "nav.xhtml#toc", "Contents"), ("bodymatter", f"text/{first_chapter.name}", "Start of the course")]
    for kind, name, label in (("glossary", "glossary.xhtml", "Glossary"), ("bibliography", "references.xhtml", "References")):
        if any(d.name == name for d in docs):
            landmarks.append((kind, f"text/{name}", label))
    marks = "".join(f'<li><a epub:type="{k}" href="{h}">{html.escape(t)}</a></li>' for k, h, t in landmarks)
    return (f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">Contents</h1>'
            f'<ol><li><a href="text/about.xhtml">About this e-book</a></li>{"".join(items)}</ol></nav>'
            f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2><ol>{marks}</ol></nav>')


def xhtml(title: str, body: str, css: str, body_type: str | None = None) -> str:
    kind = f' epub:type="{body_type}"' if body_type else ""
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            'lang="en" xml:lang="en">\n'
            f'<head><meta charset="utf-8"/><title>{html.escape(title)}</title>'
            f'<link rel="stylesheet" type="text/css" href="{css}"/></head>\n'
            f"<body{kind}><main>{body}</main></body></html>\n")


def as_xml(markup: str) -> str:
    """The body as XML: bs4 already closes void elements (<br/>) and escapes text and attributes;
    an HTML boolean attribute (hidden="") is written in full (hidden="hidden")."""
    soup = _fragment(markup)
    for element in soup.find_all(True):
        for name, value in list(element.attrs.items()):
            if value == "" and name in ("hidden", "open", "checked", "disabled", "selected", "reversed"):
                element[name] = name
    return soup.decode(formatter="minimal")


# ----- the package ----------------------------------------------------------------------------------

def modified(root: Path = ROOT) -> str:
    """dcterms:modified: SOURCE_DATE_EPOCH, else the last commit's date, so a rebuild of the same
    commit writes the same file; now, outside a repository."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    if not stamp:
        try:
            stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                   text=True, timeout=30).stdout.strip()
        except OSError:
            stamp = ""
    moment = datetime.fromtimestamp(int(stamp), timezone.utc) if stamp.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def package_opf(docs: list[Doc], images: list[str]) -> str:
    metas = [("dcterms:modified", modified())]
    metas += [("schema:accessMode", m) for m in ACCESS_MODES]
    metas += [("schema:accessModeSufficient", m) for m in ACCESS_MODES_SUFFICIENT]
    metas += [("schema:accessibilityFeature", f) for f in FEATURES]
    metas += [("schema:accessibilityHazard", h) for h in HAZARDS]
    metas += [("schema:accessibilitySummary", SUMMARY), ("dcterms:conformsTo", CONFORMS_TO),
              ("a11y:certifiedBy", AUTHOR)]
    meta = "\n    ".join(f'<meta property="{p}">{html.escape(v)}</meta>' for p, v in metas)
    items = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
             '<item id="css" href="css/book.css" media-type="text/css"/>']
    items += [f'<item id="{safe_id("t-" + d.name[:-6])}" href="text/{d.name}" media-type="application/xhtml+xml"/>'
              for d in docs]
    items += [f'<item id="{safe_id("i-" + name[:-4])}" href="images/{name}" media-type="image/svg+xml"/>'
              for name in images]
    spine = [f'<itemref idref="{safe_id("t-" + docs[0].name[:-6])}"/>', '<itemref idref="nav"/>']
    spine += [f'<itemref idref="{safe_id("t-" + d.name[:-6])}"/>' for d in docs[1:]]
    newline = "\n    "
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">{IDENTIFIER}</dc:identifier>
    <dc:title>{TITLE}</dc:title>
    <dc:creator>{AUTHOR}</dc:creator>
    <dc:language>en</dc:language>
    <dc:subject>Psychology</dc:subject>
    <dc:description>{SUBTITLE}: every chapter, its figures described, its quiz with answers.</dc:description>
    <dc:rights>Text CC BY 4.0; code MIT</dc:rights>
    {meta}
  </metadata>
  <manifest>
    {newline.join(items)}
  </manifest>
  <spine>
    {newline.join(spine)}
  </spine>
</package>
"""


CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def assemble(site: Path, book: Path = BOOK, only: set[str] | None = None) -> tuple[dict[str, bytes], list[Doc]]:
    """Every file of the e-book (path inside the zip -> bytes), and its XHTML files in order."""
    pages = pages_in_book(book, only)
    missing = [p.path for p in pages if not (site / p.path).is_file()]
    if missing:
        raise SystemExit(f"make_epub: {site} lacks {', '.join(missing)}; run make build first")
    banks = {path.stem: json.loads(path.read_text("utf-8")) for _, path in make_pdf.quiz_banks(pages, book)}
    links = Links(pages)
    docs = [Doc("about.xhtml", f"About this e-book: {TITLE}")]
    left_out = ["the instructor guide", "the review and progress pages", "the site's accessibility statement",
                "the exercise notebooks (run them in Jupyter from the course repository)"]
    docs[0].body = about_body(left_out)
    for page in pages:
        doc = page_doc(site, page, links, banks)
        docs.append(doc)
        if page.slug in banks and page.path.startswith("chapters/"):
            docs.append(Doc(answers_name(page.slug), f"Quiz answers: {doc.title}",
                            quiz_answers_body(banks[page.slug], page.slug, doc.title), page.part,
                            answers_of=doc.name))
    files: dict[str, bytes] = {"mimetype": b"application/epub+zip",
                               "META-INF/container.xml": CONTAINER.encode("utf-8"),
                               "EPUB/css/book.css": CSS.read_bytes()}
    images: set[str] = set()
    for doc in docs:
        body = as_xml(doc.body)
        images.update(re.findall(r'src="\.\./images/([0-9a-f]{16}\.svg)"', body))
        files[f"EPUB/text/{doc.name}"] = xhtml(doc.title, body, "../css/book.css").encode("utf-8")
    for name in sorted(images):
        files[f"EPUB/images/{name}"] = picture(site / "_static" / "figures" / name)
    files["EPUB/nav.xhtml"] = xhtml(f"Contents: {TITLE}", nav_body(docs), "css/book.css").encode("utf-8")
    files["EPUB/package.opf"] = package_opf(docs, sorted(images)).encode("utf-8")
    problems = check_files(files)
    if problems:
        raise SystemExit("make_epub: the e-book is not right:\n- " + "\n- ".join(problems[:30]))
    return files, docs


#: plotly.js leaves an empty <path> for axis lines a figure does not draw; SVG requires its `d`.
EMPTY_PATH = re.compile(r"<path(?![^>]*\sd=)[^>]*/>")


def picture(svg: Path) -> bytes:
    """A figure's picture as the site has it, less the empty paths that draw nothing."""
    return EMPTY_PATH.sub("", svg.read_text("utf-8")).encode("utf-8")


def check_files(files: dict[str, bytes]) -> list[str]:
    """What a reading system would trip on: every XML file parses, every link inside the book
    names a file and an id that exist."""
    problems, ids, links = [], {}, []
    for name, data in files.items():
        if not name.endswith((".xhtml", ".opf", ".xml")):
            continue
        try:
            tree = ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            problems.append(f"{name} is not well-formed XML: {error}")
            continue
        seen = [e.get("id") for e in tree.iter() if e.get("id")]
        if len(seen) != len(set(seen)):
            problems.append(f"{name} repeats an id: {sorted({i for i in seen if seen.count(i) > 1})[:5]}")
        ids[name] = set(seen)
        if name.endswith(".xhtml"):
            links += [(name, e.get("href")) for e in tree.iter("{http://www.w3.org/1999/xhtml}a") if e.get("href")]
    for name, href in links:
        parts = urlsplit(href)
        if parts.scheme:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path)) if parts.path else name
        if target not in files:
            problems.append(f"{name} links {href}: no such file")
        elif parts.fragment and parts.fragment not in ids.get(target, set()):
            problems.append(f"{name} links {href}: no such id")
    return problems


def write_epub(files: dict[str, bytes], out: Path) -> None:
    """The zip: mimetype first and stored, then every other file compressed, in a fixed order and
    with a fixed date, so the same site gives the same file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in ["mimetype"] + sorted(n for n in files if n != "mimetype"):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=None if name == "mimetype" else 9)
    partial.replace(out)


def make_epub(site: Path, out: Path, book: Path = BOOK, only: set[str] | None = None) -> list[Doc]:
    """Write the e-book for the built site in `site` to `out`; return its XHTML files in order."""
    if not (site / "_static" / "figures").is_dir():
        raise SystemExit(f"make_epub: {site} has no _static/figures; run make build first")
    files, docs = assemble(site.resolve(), book, only)
    write_epub(files, out)
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "book" / "_build" / "html", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "the-need-to-belong.epub")
    parser.add_argument("--book", type=Path, default=BOOK,
                        help="the book source the site was built from (its _toc.yml and quizzes/)")
    args = parser.parse_args()
    started = time.monotonic()
    docs = make_epub(args.site, args.out, args.book.resolve())
    with zipfile.ZipFile(args.out) as archive:
        pictures = sum(1 for n in archive.namelist() if n.startswith("EPUB/images/"))
    chapters = sum(1 for d in docs if re.match(r"[0-9]{2}-", d.name) and not d.answers_of)
    print(f"make_epub: {args.out} ({chapters} chapters, {pictures} figure pictures, {len(docs) + 1} XHTML files, "
          f"{args.out.stat().st_size / 1e6:.1f} MB) in {time.monotonic() - started:.0f} s; "
          "check it with: epubcheck " + str(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
