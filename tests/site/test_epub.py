"""`make epub` (scripts/make_epub.py): the e-book made from the built site.

EPUBCheck (Debian's `epubcheck` package, run with Java) must find no error and no warning; every
chapter and every figure's description is in the book, each quiz with its answers and feedback
after its chapter, glossary terms and citations still link; nothing in any file is loaded from
another host, and no script or control is left; the accessibility metadata is there; and the
chapters, opened in Chromium at phone width as a reader would see them, pass axe-core.

The checks that read the files are functions, and the last tests run them on a doctored copy of
the book, so each is seen to fail on the faults it is there to catch.
"""
from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, WCAG, book_of, script_module, words

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: Attributes that make a reading system load (or embed) what they name. An <a href> is the only
#: reference allowed to name another host: a plain link in the text (a DOI, a help line), which
#: the reader may follow, but which nothing loads.
LOADING = {"src", "href", XLINK_HREF, "poster", "data", "srcset", "action", "formaction", "background",
           "cite", "longdesc", "usemap", "manifest", "codebase", "archive", "profile", "xml:base",
           "{http://www.w3.org/XML/1998/namespace}base"}
CONTROLS = ("script", "noscript", "template", "form", "input", "button", "select", "textarea", "iframe",
            "object", "embed", "canvas", "video", "audio", "foreignObject")
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)


make_epub = script_module("make_epub")


@pytest.fixture(scope="module")
def epub(built_site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("epub") / "the-need-to-belong.epub"
    make_epub.make_epub(built_site, out, book=book_of(built_site))
    return out


@pytest.fixture(scope="module")
def files(epub) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@functools.lru_cache(maxsize=None)
def _soup(data: bytes) -> BeautifulSoup:
    """A page of the book, parsed once for all the tests (which only read it)."""
    return BeautifulSoup(data.decode("utf-8"), "html.parser")


@functools.lru_cache(maxsize=None)
def _site(path: Path) -> BeautifulSoup:
    """A page of the built site, parsed once for all the tests (which only read it)."""
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def spine(files: dict[str, bytes]) -> list[str]:
    """The book's files in reading order, as paths inside the zip."""
    opf = ElementTree.fromstring(files["EPUB/package.opf"])
    hrefs = {i.get("id"): i.get("href") for i in opf.iter(f"{OPF}item")}
    return [f"EPUB/{hrefs[r.get('idref')]}" for r in opf.iter(f"{OPF}itemref")]


# ----- the checks, each a function returning what is wrong ---------------------------------------

def epubcheck(path: Path) -> tuple[dict[str, int], str]:
    """EPUBCheck's counts of fatals, errors and warnings for the book, and its report."""
    found = shutil.which("epubcheck")
    if found is None or shutil.which("java") is None:
        pytest.fail("epubcheck (and Java) must be installed to test the e-book: apt-get install epubcheck "
                    "(Debian's package; .ci/run installs it)")
    program = Path(found).resolve()
    # Debian installs the jar itself as /usr/bin/epubcheck, runnable only where the kernel is set
    # up to start jars; `java -jar` works everywhere.
    command = ["java", "-jar", str(program)] if program.suffix == ".jar" else [str(program)]
    result = subprocess.run(command + [str(path)], capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", report)
    if counts is None:
        if "No errors or warnings detected" in report and result.returncode == 0:
            return {"fatals": 0, "errors": 0, "warnings": 0}, report
        pytest.fail("epubcheck gave no verdict:\n" + report[-3000:])
    fatals, errors, warnings = map(int, counts.groups())
    return {"fatals": fatals, "errors": errors, "warnings": warnings}, report


def remote_references(files: dict[str, bytes]) -> list[str]:
    """Every reference in any file of the book that names another host (or any scheme), except
    the plain http(s) links of the text (<a href> in a chapter)."""
    found = []
    for name, data in files.items():
        if name.endswith(".css"):
            found += [f"{name}: {url}" for url in CSS_URL.findall(data.decode("utf-8")) if urlsplit(url).scheme or url.startswith("//")]
            continue
        if not name.endswith((".xhtml", ".opf", ".svg", ".xml")):
            continue
        for element in ElementTree.fromstring(data).iter():
            for attribute, value in element.attrib.items():
                local = attribute.split("}")[-1] if attribute != XLINK_HREF else attribute
                urls = [u.split()[0] for u in value.split(",") if u.strip()] if local == "srcset" else [value]
                if local == "style":
                    urls = CSS_URL.findall(value)
                elif attribute not in LOADING and local not in LOADING:
                    continue
                for url in urls:
                    remote = bool(urlsplit(url.strip()).scheme) or url.strip().startswith("//")
                    plain_link = (element.tag == f"{XHTML}a" and local == "href" and name.endswith(".xhtml")
                                  and urlsplit(url).scheme in ("http", "https"))
                    if remote and not plain_link:
                        found.append(f"{name}: <{element.tag.split('}')[-1]} {local}={url}>")
            if element.tag.split("}")[-1] == "style" and element.text:
                found += [f"{name}: style {u}" for u in CSS_URL.findall(element.text) if urlsplit(u).scheme or u.startswith("//")]
    return found


def scripts_and_controls(files: dict[str, bytes]) -> list[str]:
    """Every script, event handler or form control left in any page or picture, and a manifest
    that says the book is scripted or loads remote resources."""
    found = []
    for name, data in files.items():
        if name.endswith((".xhtml", ".svg")):
            for element in ElementTree.fromstring(data).iter():
                tag = element.tag.split("}")[-1]
                if tag in CONTROLS:
                    found.append(f"{name}: <{tag}>")
                found += [f"{name}: <{tag} {a}>" for a in element.attrib if a.split("}")[-1].lower().startswith("on")]
                if any(v.strip().lower().startswith("javascript:") for v in element.attrib.values()):
                    found.append(f"{name}: javascript: URL on <{tag}>")
    opf = ElementTree.fromstring(files["EPUB/package.opf"])
    for item in opf.iter(f"{OPF}item"):
        if {"scripted", "remote-resources"} & set((item.get("properties") or "").split()):
            found.append(f"package.opf: {item.get('href')} is {item.get('properties')}")
    return found


#: EPUB Accessibility 1.1, with the values schema.org defines for each property.
A11Y_VALUES = {
    "schema:accessMode": {"textual", "visual", "auditory", "tactile", "chartOnVisual", "chemOnVisual",
                          "colorDependent", "diagramOnVisual", "mathOnVisual", "musicOnVisual", "textOnVisual"},
    "schema:accessibilityFeature": {"alternativeText", "longDescription", "structuralNavigation",
                                    "tableOfContents", "readingOrder", "displayTransformability", "index",
                                    "printPageNumbers", "pageBreakMarkers", "MathML", "describedMath",
                                    "highContrastDisplay", "largePrint", "captions", "transcript", "none"},
    "schema:accessibilityHazard": {"none", "noFlashingHazard", "noMotionSimulationHazard", "noSoundHazard",
                                   "flashing", "motionSimulation", "sound", "unknown"},
}


def accessibility_problems(files: dict[str, bytes]) -> list[str]:
    """The accessibility metadata a reading system or catalogue reads, and what it promises: every
    picture has alternative text and every page says its language."""
    opf = ElementTree.fromstring(files["EPUB/package.opf"])
    metas: dict[str, list[str]] = {}
    for meta in opf.iter(f"{OPF}meta"):
        if meta.get("property"):
            metas.setdefault(meta.get("property"), []).append((meta.text or "").strip())
    problems = []
    for prop in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                 "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo",
                 "a11y:certifiedBy"):
        if not metas.get(prop):
            problems.append(f"no {prop}")
    for prop, allowed in A11Y_VALUES.items():
        problems += [f"{prop}: unknown value {v!r}" for v in metas.get(prop, []) if v not in allowed]
    if "textual" not in metas.get("schema:accessModeSufficient", []):
        problems.append("the book does not say it can be read as text alone (accessModeSufficient textual)")
    for needed in ("alternativeText", "structuralNavigation", "tableOfContents"):
        if needed not in metas.get("schema:accessibilityFeature", []):
            problems.append(f"no accessibilityFeature {needed}")
    if any(len(s) < 100 for s in metas.get("schema:accessibilitySummary", [])):
        problems.append("the accessibility summary is too short to say anything")
    if not any(re.fullmatch(r"EPUB Accessibility 1\.1 - WCAG 2\.[0-2] Level AA", c) for c in metas.get("dcterms:conformsTo", [])):
        problems.append("no conformsTo 'EPUB Accessibility 1.1 - WCAG 2.x Level AA'")
    for name, data in files.items():
        if not name.endswith(".xhtml"):
            continue
        tree = ElementTree.fromstring(data)
        if tree.get("lang") != "en" or tree.get("{http://www.w3.org/XML/1998/namespace}lang") != "en":
            problems.append(f"{name}: no language")
        problems += [f"{name}: <img src={img.get('src')}> has no alternative text"
                     for img in tree.iter(f"{XHTML}img") if not (img.get("alt") or "").strip()]
    return problems


# ----- the tests -----------------------------------------------------------------------------------

def test_epubcheck_finds_no_error_and_no_warning(epub):
    counts, report = epubcheck(epub)
    assert counts == {"fatals": 0, "errors": 0, "warnings": 0}, report[-4000:]


def test_the_zip_starts_with_its_media_type_stored(epub):
    with zipfile.ZipFile(epub) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read(first) == b"application/epub+zip"


def test_nothing_is_loaded_from_another_host(files):
    assert not remote_references(files), "\n".join(remote_references(files)[:20])
    links = [a for name, data in files.items() if name.endswith(".xhtml")
             for a in _soup(data).find_all("a", href=re.compile(r"^https?://"))]
    assert links, "the references' DOIs should stay links"


def test_no_script_and_no_control_is_left(files):
    assert not scripts_and_controls(files), "\n".join(scripts_and_controls(files)[:20])


def test_the_accessibility_metadata_is_there_and_kept(files):
    assert not accessibility_problems(files), "\n".join(accessibility_problems(files)[:20])


def test_every_chapter_in_order_with_its_sections_and_its_quiz_answers_after_it(files, built_site):
    book = book_of(built_site)
    order = [n.removeprefix("EPUB/text/") for n in spine(files) if n.startswith("EPUB/text/")]
    chapters = sorted(c.stem for c in (book / "chapters").glob("[0-9][0-9]-*.md"))
    assert [n[:-6] for n in order if re.fullmatch(r"[0-9]{2}-[a-z0-9-]+\.xhtml", n) and "quiz-answers" not in n] == chapters
    for slug in chapters:
        assert order[order.index(f"{slug}.xhtml") + 1] == f"{slug}-quiz-answers.xhtml", slug
        site = _site(built_site / "chapters" / f"{slug}.html")
        ours = _soup(files[f"EPUB/text/{slug}.xhtml"])
        # (a link to a notebook becomes text that says where the notebook is)
        text = words(ours.get_text(" ").replace("(on the course site)", ""))
        article = site.select_one("article.bd-article")
        for heading in article.find_all(["h1", "h2", "h3"]):
            title = words(heading.get_text(" ").rstrip("#"))
            assert any(words(h.get_text(" ")) == title for h in ours.find_all(heading.name)), f"{slug}: {title}"
        # Every paragraph of the chapter's own prose is there (components are rebuilt, so their
        # paragraphs are checked by the tests below).
        for paragraph in article.find_all("p"):
            if paragraph.find_parent(class_=re.compile("belonging-|cell_output")) is None:
                assert words(paragraph.get_text(" ")) in text, f"{slug}: {paragraph.get_text()[:80]}"


def test_left_out_on_purpose_and_nothing_else(files, built_site):
    """The instructor guide, the screen-only tools and the site's accessibility statement are not
    in the book (make_epub.py says why); every other page of the table of contents is."""
    book = book_of(built_site)
    names = {n.removeprefix("EPUB/text/") for n in spine(files) if n.startswith("EPUB/text/")}
    toc = make_epub.make_pdf.toc_pages(book)
    kept = {Path(p.path).stem + ".xhtml" for p in toc
            if not p.path.startswith("instructors/") and p.path != "accessibility.html"}
    answers = {f"{c.stem}-quiz-answers.xhtml" for c in (book / "quizzes").glob("*.json")}
    assert names == kept | answers | {"about.xhtml"}
    assert not any(p.path.startswith("instructors/") for p in make_epub.pages_in_book(book))
    pages = [_soup(files[n]) for n in files if n.endswith(".xhtml")]
    assert not [a["href"] for s in pages for a in s.find_all("a", href=re.compile("instructors"))]
    # Each chapter's instructor notes have an "Answer key: quiz" section (CONTRIBUTING.md).
    assert not [h for s in pages for h in s.find_all(re.compile("^h[1-6]$")) if "Answer key" in h.get_text()]


def test_every_figure_is_its_picture_with_its_description(files, built_site):
    book = book_of(built_site)
    shown = 0
    for page in make_epub.pages_in_book(book):
        site = _site(built_site / page.path)
        ours = _soup(files[f"EPUB/text/{page.slug}.xhtml"])
        figures = {f.get("src").rsplit("/", 1)[-1]: f for f in ours.select("figure img")}
        for picture in site.select("img.belonging-print-figure"):
            key = Path(picture["src"]).name
            assert key in figures, f"{page.path}: no picture {key}"
            assert f"EPUB/images/{key}" in files
            ElementTree.fromstring(files[f"EPUB/images/{key}"])
            description = (built_site / "_static" / "figures" / key).with_suffix(".txt").read_text("utf-8")
            caption = figures[key].find_parent("figure").find("figcaption")
            assert caption is not None and words(description) in words(caption.get_text(" ")), f"{page.path}: {key}"
            shown += 1
    assert shown >= 12, "every chapter has at least one figure"


def test_each_quiz_is_in_its_chapter_and_its_answers_with_feedback_after_it(files, built_site):
    book = book_of(built_site)
    quizzes = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((book / "quizzes").glob("*.json"))}
    exams = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((book / "exams").glob("*.json"))}
    assert quizzes and exams
    for slug, bank in quizzes.items():
        chapter = _soup(files[f"EPUB/text/{slug}.xhtml"])
        answers = _soup(files[f"EPUB/text/{slug}-quiz-answers.xhtml"])
        assert len(chapter.select("ol.epub-quiz > li")) == len(bank["questions"]), slug
        items = answers.select("ol.epub-quiz > li")
        assert len(items) == len(bank["questions"]), slug
        for question, item in zip(bank["questions"], items):
            assert words(question["question"]) in words(chapter.get_text(" ")), slug
            assert words(question["question"]) in words(item.get_text(" ")), slug
            options = item.select("ol.epub-answers > li")
            assert [("epub-correct" in o["class"]) for o in options] == [a["correct"] for a in question["answers"]]
            for answer, option in zip(question["answers"], options):
                assert words(answer["feedback"]) in words(option.get_text(" ")), f"{slug}: feedback missing"
                assert ("Correct." if answer["correct"] else "Not correct.") in option.get_text(" ")
    everything = words(" ".join(_soup(d).get_text(" ") for n, d in files.items() if n.endswith(".xhtml")))
    leaked = [q["question"] for bank in exams.values() for q in bank["questions"] if words(q["question"]) in everything]
    assert not leaked, "exam questions in the e-book:\n" + "\n".join(leaked)


def test_glossary_terms_and_citations_still_link(files, built_site):
    """Each link from a page to a glossary term or a reference on the site is a link in the book to
    the same entry, and the entry is there."""
    book = book_of(built_site)
    glossary, references = _soup(files["EPUB/text/glossary.xhtml"]), _soup(files["EPUB/text/references.xhtml"])
    counted = 0
    for page in make_epub.pages_in_book(book):
        site = _site(built_site / page.path).select_one("article")
        ours = {a["href"] for a in _soup(files[f"EPUB/text/{page.slug}.xhtml"]).find_all("a", href=True)}
        for link in site.find_all("a", href=re.compile(r"(^|/)(glossary|references)\.html#")):
            name, fragment = link["href"].rsplit("/", 1)[-1].split("#")
            fragment = make_epub.safe_id(fragment)
            same_page = {f"#{fragment}"} if page.slug == name[:-5] else set()
            assert ({f"{name[:-5]}.xhtml#{fragment}"} | same_page) & ours, f"{page.path}: {link['href']} lost"
            entry = (glossary if name == "glossary.html" else references).find(id=make_epub.safe_id(fragment))
            assert entry is not None, f"{page.path}: {link['href']} has no entry"
            counted += 1
    assert counted > 100


def test_chapters_pass_axe_at_phone_width_as_a_reader_opens_them(files, browser, tmp_path):
    """Opened from disk in Chromium at 360 px, as a reading system built on a browser engine shows
    them: no axe-core violation (WCAG 2.2 A/AA and best practices), nothing wider than the screen,
    no request leaving the book."""
    from axe_playwright_python.sync_playwright import Axe

    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    outside: list[str] = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else (outside.append(r.request.url), r.abort()))
    page = context.new_page()
    problems = []
    for name in ("text/04-when-the-need-goes-unmet.xhtml",
                 "text/04-when-the-need-goes-unmet-quiz-answers.xhtml", "text/12-a-lifelong-pursuit.xhtml", "nav.xhtml"):
        page.goto((tmp_path / "EPUB" / name).as_uri())
        violations = Axe().run(page, options=WCAG).response["violations"]
        problems += [f"{name}: {v['id']} ({len(v['nodes'])}): {v['nodes'][0]['html'][:100]}" for v in violations]
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > 360:
            problems.append(f"{name}: {wide} px wide at 360 px")
    context.close()
    assert not problems and not outside, "\n".join(problems + outside)


def test_the_checks_catch_a_broken_book(files):
    """Each check above, run on a copy of the book with the fault it looks for, finds it."""
    broken = dict(files)
    chapter = "EPUB/text/01-what-belonging-is.xhtml"
    broken[chapter] = files[chapter].replace(
        b"</main>", b'<img src="https://cdn.example.org/a.png" alt="a"/><p style="background:url(//x.example/b.png)">b</p>'
                    b'<script src="../js/a.js"></script><button type="button">Reveal</button><input type="range"/>'
                    b'<img src="../images/none.svg"/></main>')
    broken["EPUB/css/book.css"] = files["EPUB/css/book.css"] + b'\n@import url("https://fonts.example.com/a.css");'
    opf = files["EPUB/package.opf"].decode("utf-8")
    broken["EPUB/package.opf"] = re.sub(r'\s*<meta property="schema:accessibilitySummary">.*?</meta>', "", opf)
    remote = remote_references(broken)
    assert any("cdn.example.org" in r for r in remote) and any("x.example" in r for r in remote)
    assert any("fonts.example.com" in r for r in remote)
    controls = scripts_and_controls(broken)
    assert {"script", "button", "input"} <= {re.search(r"<(\w+)", c).group(1) for c in controls}
    access = accessibility_problems(broken)
    assert "no schema:accessibilitySummary" in access and any("none.svg" in a for a in access)
