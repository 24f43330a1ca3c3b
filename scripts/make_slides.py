"""Write one editable PowerPoint deck per chapter, dist/slides/NN-slug.pptx, from the course's sources.

Python is the single source of truth: every word on a slide comes from the course text.

- title, time, learning objectives and content note: the chapter (book/chapters/NN-slug.md), with
  the attribution book/reuse.md asks for on a deck's first slide;
- the hook: the opening story's first sentence and the question the class plan puts to the room
  (else the story's own first question);
- one slide per key idea: the chapters have no marked key-idea sections, so each section and
  subsection (## and ###) gives one, its heading and its first sentences cut to WORD_LIMIT words
  (whole sentences where they fit; a list or table the section opens with, as its items' lead-ins);
  the fuller text goes in the speaker notes;
- each figure as a picture with its alternative text (the PNG and .txt that
  book/_ext/belonging_figures.py writes into the built site's _static/figures/);
- each predict-first prompt (the `predict()` component, or a "Predict first" paragraph right before
  a figure) as a "predict" slide and a "show" slide with the figure and the option it bears out;
- the "How sure are we?" boxes ({evidence} directive, labels from book/_ext/belonging_evidence.py);
- two or three quiz questions (book/quizzes/, through belonging.pages.quiz) asked in class, with
  the answer and each option's feedback only in the speaker notes;
- the key takeaways, and the references the chapter cites (book/references.bib).

Speaker notes come from the instructor notes (book/instructors/NN-slug.md): the row of the class
plan that best matches each slide, the note on sensitivity, the discussion prompts, the
misconceptions to watch for and the quiz answer key. The text sits in the slide master's
placeholders and takes its font and colours from the master, so restyling the master restyles
every slide.

Usage:  .venv/bin/python scripts/make_slides.py [NN-slug ...] [--site book/_build/html] [--out dist/slides]
The pictures come from a built site (`make build`); without one the script stops and says so.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
sys.path.insert(0, str(BOOK / "_ext"))
import belonging_evidence  # noqa: E402  (the evidence labels, as the site shows them)
import belonging_figures  # noqa: E402  (finds each figure on a built page, with its picture's key)

COURSE = "The Need to Belong"
#: At most this many words in the body of a slide that presents prose (key idea, hook, evidence,
#: takeaways, content note, the answer under a figure).
WORD_LIMIT = 40
#: Slides that list items the course words exactly and that cannot be cut (the objectives, the
#: key takeaways, the title slide's attribution) may hold more, in smaller type; and a question
#: asked with its options, read out to the room word for word, more again.
LIST_LIMIT = 80
QUESTION_LIMIT = 110
#: Slide kinds (each slide's name starts with its kind) and the word limit of their body;
#: references are a list of sources, set small, with no limit.
LIMITS = {"title": LIST_LIMIT, "objectives": LIST_LIMIT, "content-note": WORD_LIMIT, "hook": WORD_LIMIT,
          "key-idea": WORD_LIMIT, "predict": QUESTION_LIMIT, "show": WORD_LIMIT, "figure": WORD_LIMIT,
          "evidence": WORD_LIMIT, "quiz": QUESTION_LIMIT, "takeaways": LIST_LIMIT, "references": None}
QUIZ_QUESTIONS = 3
#: Sections that are not key ideas: they become their own slides or stay on the site.
NOT_KEY_IDEAS = {"Exercise", "Check your understanding", "Try it in Jupyter", "Key terms", "Key takeaways",
                 "Further reading", "Where to go from here"}

# A clean, high-contrast look: near-black on white, titles in a dark blue (11:1 on white).
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x44, 0x44, 0x44)
WIDE, HIGH = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FONT = "Arial"  # on every system PowerPoint, Keynote, Google Slides and LibreOffice run on


# ---------------------------------------------------------------------------------------------
# Reading the chapter
# ---------------------------------------------------------------------------------------------

@dataclass
class Block:
    kind: str  # heading, paragraph, list, fence, label
    text: str
    level: int = 0  # heading level
    info: str = ""  # a fence's info string, e.g. "{evidence} few"


@dataclass
class Chapter:
    slug: str
    title: str
    time: str
    objectives: list[str]
    blocks: list[Block]
    cited: list[str] = field(default_factory=list)


FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")


def blocks_of(text: str) -> list[Block]:
    """The chapter body as headings, paragraphs, lists, fenced blocks and labels, in order."""
    lines = text.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            close = fence[1]
            body, i = [], i + 1
            while i < len(lines) and lines[i].rstrip() != close:
                body.append(lines[i])
                i += 1
            blocks.append(Block("fence", "\n".join(body), info=fence[2].strip()))
            i += 1
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Block("heading", line[level:].strip(), level=level))
            i += 1
        elif re.fullmatch(r"\([\w-]+\)=", line.strip()):
            blocks.append(Block("label", line.strip()[1:-2]))
            i += 1
        elif line.strip():
            para = []
            while i < len(lines) and lines[i].strip() and not FENCE.match(lines[i]) and not lines[i].startswith("#"):
                para.append(lines[i])
                i += 1
            kind = "list" if re.match(r"\s*(?:[-*]|\d+\.)\s|\|", para[0]) else "paragraph"
            blocks.append(Block(kind, "\n".join(para)))
        else:
            i += 1
    return blocks


def list_items(text: str) -> list[str]:
    """The items of a Markdown list (continuation lines joined to their item), or of a table:
    the first cell of each row after the header."""
    if text.startswith("|"):
        rows = [line.strip().strip("|").split("|") for line in text.split("\n")[2:]]
        return [row[0].strip() for row in rows if row and row[0].strip()]
    items: list[str] = []
    for line in text.split("\n"):
        start = re.match(r"\s*(?:[-*]|\d+\.)\s+(.*)", line)
        if start:
            items.append(start[1])
        elif items:
            items[-1] += " " + line.strip()
    return items


def read_chapter(path: Path) -> Chapter:
    text = path.read_text("utf-8")
    text = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    blocks = blocks_of(text)
    title = next(b.text for b in blocks if b.kind == "heading" and b.level == 1)
    time_line = next((b.text for b in blocks if b.kind == "paragraph" and b.text.startswith("**Time:**")), "")
    objectives_box = next(b for b in blocks if b.kind == "fence" and "Learning objectives" in b.info)
    objectives = [plain(o) for o in list_items("\n".join(
        line for line in objectives_box.text.split("\n") if re.match(r"\s*\d+\.", line)))]
    cited = []
    for keys in re.findall(r"\{cite:[tp]\}`([^`]*)`", text):
        for key in split_keys(keys):
            if key not in cited:
                cited.append(key)
    return Chapter(path.stem, plain(title), plain(time_line.replace("**Time:**", "")).strip(),
                   objectives, blocks, cited)


# ---------------------------------------------------------------------------------------------
# MyST inline markup to plain text
# ---------------------------------------------------------------------------------------------

def cite_parts(keys: str) -> list[tuple[str, str]]:
    """(key, page) for each key of a citation role: `a2020x{p. 4},b2021y` (a page may hold commas)."""
    return [(m[1], m[2] or "") for m in re.finditer(r"\s*([^,{\s]+)(?:\{([^}]*)\})?\s*(?:,|$)", keys) if m[1]]


def split_keys(keys: str) -> list[str]:
    return [key for key, _ in cite_parts(keys)]


_BIB: dict | None = None


def bibliography():
    global _BIB
    if _BIB is None:
        from pybtex.database import parse_file

        _BIB = parse_file(str(BOOK / "references.bib")).entries
    return _BIB


def _surname(person) -> str:
    return " ".join(person.prelast_names + person.last_names).replace("{", "").replace("}", "")


def authors_short(key: str) -> tuple[str, str]:
    """("Baumeister and Leary", "1995"), as the site's author-year citations read."""
    entry = bibliography()[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p) for p in people]
    who = (names[0] if len(names) == 1 else f"{names[0]} and {names[1]}" if len(names) == 2
           else f"{names[0]} et al.")
    return who, entry.fields.get("year", "n.d.")


def _cite(kind: str, keys: str) -> str:
    parts = []
    for key, page in cite_parts(keys):
        who, year = authors_short(key)
        year += f", {page}" if page else ""
        parts.append(f"{who} ({year})" if kind == "t" else f"{who}, {year}")
    return " and ".join(parts) if kind == "t" else "(" + "; ".join(parts) + ")"


def plain(text: str) -> str:
    """MyST inline markup as the reader sees it: roles resolved, emphasis and code marks dropped."""
    text = re.sub(r"\{cite:([tp])\}`([^`]*)`", lambda m: _cite(m[1], m[2]), text)
    text = re.sub(r"\{(?:term|doc|download|ref)\}`([^`<]*?)\s*<[^`]*>`", r"\1", text)
    text = re.sub(r"\{doc\}`(?:[^`]*/)?([^`/]*)`", r"\1", text)
    text = re.sub(r"\{(?:term|download|ref)\}`([^`]*)`", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return " ".join(text.split())


ABBREVIATION = re.compile(r"(?:^|[\s(])(?:et al|e\.g|i\.e|cf|vs|p|pp|ch|Dr|St)\.$")


def sentences(text: str) -> list[str]:
    """A sentence ends at . ? ! (or one closing a quotation) before a capital or a quote, but not
    at an abbreviation such as "et al."."""
    found: list[str] = []
    parts = re.split(r"(?<=[.?!])([\"”’)]?)\s+(?=[A-Z\"“(])", text) + [""]
    for piece in (parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)):
        if found and ABBREVIATION.search(found[-1]):
            found[-1] += " " + piece
        elif piece:
            found.append(piece)
    return found


def words(text: str) -> int:
    """Words as a reader counts them: a bullet or a dash alone is not one."""
    return len([w for w in text.split() if re.search(r"\w", w)])


def trim(text: str, limit: int = WORD_LIMIT) -> str:
    """Whole sentences from the start of `text` up to `limit` words. When they come to less than a
    third of the limit (a first sentence too long, or a short one before a long one), the next
    sentence is cut at the last comma, semicolon or colon that fits, and marked with an ellipsis."""
    kept: list[str] = []
    rest = sentences(text)
    while rest and words(" ".join(kept + rest[:1])) <= limit:
        kept.append(rest.pop(0))
    if not rest or words(" ".join(kept)) >= limit // 3:
        return " ".join(kept)
    room = limit - words(" ".join(kept)) - 1
    head = " ".join(rest[0].split()[:room])
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    return " ".join(kept + [(head[:cut] if cut > len(head) // 2 else head).rstrip(",;: ") + " …"])


# ---------------------------------------------------------------------------------------------
# The instructor notes
# ---------------------------------------------------------------------------------------------

STOP = set("""a about above after again all also an and any are as at be because been before being
between both but by can could did do does doing each few for from further had has have having here
how if in into is it its itself just more most no nor not of on once only or other our out over own
same should so some such than that the their them then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
ask asks students class minutes chapter""".split())


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in STOP}


def sections_of(markdown: str) -> dict[str, str]:
    """The instructor notes' ## sections by heading."""
    found, heading = {}, ""
    for line in markdown.split("\n"):
        if line.startswith("## "):
            heading = line[3:].strip()
            found[heading] = ""
        elif heading:
            found[heading] += line + "\n"
    return found


@dataclass
class Notes:
    intro: str
    plan: list[tuple[str, str]]  # (minutes, activity)
    sections: dict[str, str]

    def best_row(self, text: str, only: str = "") -> str:
        """The class-plan row that shares most content words with `text` (at least two); `only`:
        among the rows that mention this word."""
        wanted = content_words(text)
        scored = [(len(wanted & content_words(activity)), minutes, activity) for minutes, activity in self.plan
                  if only.lower() in activity.lower()]
        score, minutes, activity = max(scored, key=lambda s: s[0], default=(0, "", ""))
        return f"Class plan, minutes {minutes}: {activity}" if score >= 2 else ""

    def row_starting(self, label: str) -> str:
        for minutes, activity in self.plan:
            if activity.lower().startswith(label.lower()):
                return f"Class plan, minutes {minutes}: {activity}"
        return ""

    def section(self, heading_start: str) -> str:
        for heading, body in self.sections.items():
            if heading.startswith(heading_start):
                return body.strip()
        return ""


def read_notes(path: Path) -> Notes:
    markdown = path.read_text("utf-8")
    sections = sections_of(markdown)
    intro = markdown.split("\n## ", 1)[0].split("\n", 1)[1]
    plan = []
    for line in sections.get("Timing plan for a 50-minute class", "").split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and re.match(r"\d", cells[0]):
            plan.append((cells[0], plain(cells[1])))
    return Notes(plain(intro), plan, {h: plain_lines(b) for h, b in sections.items()})


def plain_lines(body: str) -> str:
    """A notes section as plain text, one paragraph or list item a line."""
    out = []
    for block in blocks_of(body):
        if block.kind == "list":
            out += [f"{i}. {plain(item)}" for i, item in enumerate(list_items(block.text), start=1)]
        elif block.kind == "paragraph":
            out.append(plain(block.text))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# What goes on the slides, in the chapter's order
# ---------------------------------------------------------------------------------------------

@dataclass
class Slide:
    kind: str
    title: str
    body: list[str] = field(default_factory=list)  # paragraphs (or list items)
    notes: str = ""
    picture: Path | None = None
    alt: str = ""
    size: int = 28


def figure_cell(code: str, modules: set[str]) -> bool:
    """A code cell that shows a figure: it calls a function of a belonging.figures module."""
    return any(re.match(rf"{m}\.\w+\(", line.strip()) for m in modules for line in code.split("\n"))


def predict_call(code: str) -> dict | None:
    """The arguments of a predict(...) call in a code cell, read without running it."""
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "predict":
            names = ["key", "question", "options", "reveal"]
            found = {names[i]: ast.literal_eval(arg) for i, arg in enumerate(node.args)}
            found.update({k.arg: ast.literal_eval(k.value) for k in node.keywords})
            return found
    return None


@dataclass
class Figure:
    title: str
    alt: str
    png: Path


def built_figures(slug: str, site: Path) -> list[Figure]:
    """The chapter's figures as the built page shows them, in order, with their pictures."""
    page = site / "chapters" / f"{slug}.html"
    if not page.is_file():
        raise SystemExit(f"make_slides: no built page {page}: build the site first (make build)")
    figures = []
    for found in belonging_figures.figures_in(page.read_text("utf-8")):
        folder = site / "_static" / belonging_figures.FOLDER
        png, txt = folder / f"{found['key']}.png", folder / f"{found['key']}.txt"
        if not png.is_file() or not txt.is_file():
            raise SystemExit(f"make_slides: {slug}: the picture of '{found['title']}' is missing ({png}): "
                             "the build draws them with Debian's chromium; rebuild with it installed")
        figures.append(Figure(found["title"], txt.read_text("utf-8").strip(), png))
    return figures


def section_notes(paragraphs: list[str], notes: Notes) -> str:
    full = " ".join(paragraphs)
    return "\n\n".join(filter(None, [f"From the chapter: {full}", notes.best_row(full)]))


def lead(item: str) -> str:
    """A list item's bold lead-in ("**Contact** (or *affiliation*) is ..." gives "Contact"), else
    its first sentence."""
    bold = re.match(r"(?:an?\s+|the\s+)?\*\*(.+?)\*\*", item, re.I)
    return plain(bold[1]).rstrip(".:") if bold else sentences(plain(item))[0]


def key_idea(heading: str, blocks: list[Block], notes: Notes) -> Slide:
    """The section's first sentences; a list that opens the section, or follows a short opening,
    as its items' lead-ins, as many as fit."""
    body, following = [], blocks
    if blocks[0].kind == "paragraph":
        body, following = [trim(plain(blocks[0].text))], blocks[1:]
    introduces = not body or body[0].endswith(":") or words(body[0]) < WORD_LIMIT // 2
    if following and following[0].kind == "list" and introduces:
        leads = ["• " + lead(item) for item in list_items(following[0].text)]
        if body and words(" ".join(body + leads)) > WORD_LIMIT:
            body = [sentences(body[0])[-1]]  # the sentence that introduces the list
        for item in leads:
            if words(" ".join(body + [item])) > WORD_LIMIT - 1:
                body.append("• …")  # more in the notes
                break
            body.append(item)
    if not body:
        body = [trim("; ".join(plain(i) for i in list_items(blocks[0].text)))]
    texts = [plain(b.text) if b.kind == "paragraph" else "; ".join(plain(i) for i in list_items(b.text))
             for b in blocks[:2]]
    return Slide("key-idea", heading, body, section_notes(texts, notes))


def figure_slide(figure: Figure, notes: Notes) -> Slide:
    return Slide("figure", figure.title, [], "\n\n".join(filter(None, [
        f"The figure at its starting setting. What it shows: {figure.alt.removeprefix(figure.title).strip()}",
        notes.best_row(figure.alt)])), picture=figure.png, alt=figure.alt)


def predict_pair(question: str, options: list[str], reveal: str, expected, figure: Figure | None,
                 notes: Notes) -> list[Slide]:
    plan = notes.best_row(question, only="predict") or notes.best_row(question)
    body = [plain(question)] + [f"{chr(65 + i)}. {plain(o)}" for i, o in enumerate(options)]
    size = words(" ".join(body))
    ask = Slide("predict", "Predict first", body, "\n\n".join(filter(None, [
        "Ask for a show of hands (or a poll) before showing anything; collect the predictions "
        "without judging them.", plan])), size=28 if size <= WORD_LIMIT else 24 if size <= 70 else 20)
    indices = [] if expected is None else [expected] if isinstance(expected, int) else list(expected)
    matched = " / ".join(f"{chr(65 + i)}" for i in indices)
    # The reveal often describes other settings of the figure's slider than the picture shows, so
    # the slide gives the option that matches what the figure shows, and the notes the reveal.
    show_text = [trim(f"What the figure shows: {body[1 + indices[0]]}")] if len(indices) == 1 else []
    show = Slide("show", f"Show: {figure.title}" if figure else "Show", show_text,
                 "\n\n".join(filter(None, [
                     f"The prediction that matches what the figure shows: {matched}." if matched else "",
                     f"From the chapter's reveal: {plain(reveal)}" if reveal else "",
                     f"What the figure shows: {figure.alt.removeprefix(figure.title).strip()}" if figure else ""])),
                 picture=figure.png if figure else None, alt=figure.alt if figure else "", size=20)
    return [ask, show]


def evidence_slide(info: str, text: str, notes: Notes) -> Slide:
    label = info.split()[1]
    finding = re.search(r"^:finding:\s*(.*)$", text, re.M)[1]
    why = plain(" ".join(line for line in text.split("\n") if not line.startswith(":")))
    return Slide("evidence", belonging_evidence.TITLE,
                 [plain(finding), f"Evidence: {belonging_evidence.LABELS[label]}"],
                 "\n\n".join(filter(None, [f"Why this label: {why}", notes.best_row(finding + " " + why)])))


class BodyWalk:
    """Walks a chapter's sections in order, making key-idea, figure, predict-then-show and
    evidence slides; each figure cell takes the next figure of the built page."""

    def __init__(self, chapter: Chapter, figures: list[Figure], notes: Notes):
        self.slug, self.notes, self.figures = chapter.slug, notes, list(figures)
        self.slides: list[Slide] = []
        self.modules: set[str] = set()  # names imported from belonging.figures
        self.heading, self.blocks, self.done, self.skipping = "", [], True, False
        self.prompt = ""  # a "Predict first" paragraph waiting for its figure
        self.call: dict | None = None  # a predict() call waiting for its figure

    def key_idea(self) -> None:
        """The section so far becomes its key-idea slide (once, and only if it has prose)."""
        if self.heading and not self.done and self.blocks:
            self.slides.append(key_idea(self.heading, self.blocks, self.notes))
        self.done = True

    def on_heading(self, block: Block) -> None:
        self.key_idea()
        if block.level == 2:
            self.skipping = block.text in NOT_KEY_IDEAS
        self.heading, self.blocks, self.done = plain(block.text), [], self.skipping

    def on_code(self, block: Block) -> None:
        code = "\n".join(line for line in block.text.split("\n") if not line.startswith(":"))
        for names in re.findall(r"from belonging\.figures import ([\w, ]+)", code):
            self.modules |= {n.strip() for n in names.split(",")}
        call = predict_call(code) if "predict(" in code else None
        if call or figure_cell(code, self.modules):
            self.key_idea()
        if call:
            self.call = call
        elif figure_cell(code, self.modules):
            self.on_figure()
        self.prompt = ""

    def on_figure(self) -> None:
        if not self.figures:
            raise SystemExit(f"make_slides: {self.slug}: more figure cells than figures on the built page")
        figure = self.figures.pop(0)
        if self.call is not None:
            c = self.call
            self.slides += predict_pair(c["question"], c["options"], c["reveal"], c.get("expected"), figure, self.notes)
            self.call = None
        elif self.prompt:
            self.slides += predict_pair(self.prompt, [], "", None, figure, self.notes)
            self.slides[-1].notes = "\n\n".join(filter(None, [
                f"What the figure shows: {figure.alt.removeprefix(figure.title).strip()}",
                self.notes.best_row(figure.alt)]))
        else:
            self.slides.append(figure_slide(figure, self.notes))

    def on_text(self, block: Block) -> None:
        text = plain(block.text)
        # a prompt in the prose ("Predict first: ...", "predict ..., then ...") asks about the next figure;
        # a bare "Predict first." only leads in to the predict() prompt that follows it
        asks = re.search(r"\bPredict first\b|\bpredict\b.*\bthen\b", text) and words(text) <= LIST_LIMIT
        self.prompt = text if asks and not text.endswith("Predict first.") else ""
        if not block.text.startswith("**What the model shows") and not self.done:
            self.blocks.append(block)

    def walk(self, blocks: list[Block]) -> list[Slide]:
        for block in blocks:
            if block.kind == "heading":
                self.on_heading(block)
            elif self.skipping:
                continue
            elif block.kind == "fence" and block.info.startswith("{code-cell}"):
                self.on_code(block)
            elif block.kind == "fence" and block.info.startswith("{evidence}"):
                self.key_idea()
                self.slides.append(evidence_slide(block.info, block.text, self.notes))
            elif block.kind in ("paragraph", "list"):
                self.on_text(block)
        self.key_idea()
        if self.call is not None:  # a prompt about something the page shows without a figure
            c = self.call
            self.slides += predict_pair(c["question"], c["options"], c["reveal"], c.get("expected"), None, self.notes)
        if self.figures:
            raise SystemExit(f"make_slides: {self.slug}: {len(self.figures)} figure(s) on the built page "
                             "matched no cell")
        return self.slides


def body_slides(chapter: Chapter, figures: list[Figure], notes: Notes) -> list[Slide]:
    """Key ideas, figures, predict-first pairs and evidence boxes, in the chapter's order."""
    first = next(i for i, b in enumerate(chapter.blocks) if b.kind == "heading" and b.level == 2)
    return BodyWalk(chapter, figures, notes).walk(chapter.blocks[first:])


def hook_slides(chapter: Chapter, notes: Notes) -> list[Slide]:
    first_section = next(i for i, b in enumerate(chapter.blocks) if b.kind == "heading" and b.level == 2)
    slides = []
    for block in chapter.blocks[:first_section]:
        if block.kind == "fence" and "Content note" in block.info:
            text = plain("\n".join(line for line in block.text.split("\n") if not line.startswith(":")))
            slides.append(Slide("content-note", "Content note", [trim(text)],
                                "\n\n".join(filter(None, [f"The chapter's content note: {text}",
                                                          notes.section("A note on sensitivity")]))))
    story = [plain(b.text) for b in chapter.blocks[:first_section]
             if b.kind == "paragraph" and not b.text.startswith("**Time:**")]
    question = room_question(notes.row_starting("Hook"), story)
    setup = sentences(story[0])[0]
    body = [setup, question] if words(setup + " " + question) <= WORD_LIMIT else [question]
    slides.append(Slide("hook", "A question for the room", body, "\n\n".join(filter(None, [
        "The chapter's opening, to retell: " + " ".join(story), notes.row_starting("Hook")]))))
    return slides


def room_question(hook_row: str, story: list[str]) -> str:
    """The question the class plan puts to the room ("Ask: ...", "Show of hands: ..."), else the
    last of the chapter's own opening questions."""
    quoted = re.findall(r"[\"“]([^\"”]*\?)[\"”]", hook_row)
    if quoted:
        return trim(quoted[0])
    asked = re.findall(r"(?:Ask|Show of hands|Quick vote|Vote):\s*([^.?\"“]*\?)", hook_row)
    if asked:
        return asked[0][0].upper() + asked[0][1:]
    questions = [s for p in story for s in sentences(p) if s.endswith("?")]
    return trim(questions[0] if questions else story[-1])


def quiz_slides(chapter: Chapter, notes: Notes) -> list[Slide]:
    """Up to QUIZ_QUESTIONS questions, each checking a different objective where the bank allows,
    short enough to read from the back of the room."""
    from belonging.pages.quiz import load_quiz

    bank = load_quiz(chapter.slug, BOOK)
    key = notes.section("Answer key: quiz").split("\n")  # one numbered line per question
    chosen, objectives = [], set()
    for number, question in enumerate(bank["questions"], start=1):
        size = words(question["question"]) + sum(words(a["answer"]) + 1 for a in question["answers"])
        if size <= LIST_LIMIT and question["objective"] not in objectives and len(chosen) < QUIZ_QUESTIONS:
            chosen.append((number, question))
            objectives.add(question["objective"])
    slides = []
    for n, (number, question) in enumerate(chosen, start=1):
        options = [f"{chr(65 + i)}. {plain(a['answer'])}" for i, a in enumerate(question["answers"])]
        right = [chr(65 + i) for i, a in enumerate(question["answers"]) if a["correct"]]
        feedback = [f"{chr(65 + i)} ({'correct' if a['correct'] else 'not quite'}): {plain(a['feedback'])}"
                    for i, a in enumerate(question["answers"])]
        answer_key = next((line for line in key if line.startswith(f"{number}. ")), "")
        slides.append(Slide("quiz", f"In-class question {n} of {len(chosen)}",
                            [plain(question["question"])] + options, "\n".join(filter(None, [
                                f"Answer: {', '.join(right)}.", "Feedback on each option:", *feedback,
                                f"Answer key (instructor notes, quiz question {number}): "
                                f"{answer_key.split('. ', 1)[-1]}" if answer_key else "",
                                "Ask for a show of hands on each option before revealing the answer."])),
                            size=24 if size <= 70 else 22))
    return slides


def in_chunks(items: list[str], limit: int) -> list[list[str]]:
    """The items over as few slides as the word limit allows, as evenly as it allows."""
    greedy: list[list[str]] = [[]]
    for item in items:
        if greedy[-1] and words(" ".join(greedy[-1] + [item])) > limit:
            greedy.append([])
        greedy[-1].append(item)
    per = -(-len(items) // len(greedy))
    even = [items[i:i + per] for i in range(0, len(items), per)]
    fits = len(even) == len(greedy) and all(words(" ".join(c)) <= limit for c in even)
    return even if fits else greedy


def takeaway_slides(chapter: Chapter, notes: Notes) -> list[Slide]:
    blocks = chapter.blocks
    at = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text == "Key takeaways")
    items = [plain(i) for i in list_items(blocks[at + 1].text)]
    items = [i if words(i) <= WORD_LIMIT else trim(i) for i in items]
    chunks = in_chunks(items, LIST_LIMIT)
    prompts = notes.section("Discussion prompts")
    misconceptions = notes.section("Common misconceptions").split("\n")

    def watch_for(chunk: list[str]) -> str:
        """The misconceptions these takeaways correct (all of them if none matches)."""
        wanted = content_words(" ".join(chunk))
        matched = [m for m in misconceptions if len(wanted & content_words(m)) >= 2] or misconceptions
        return "Misconceptions to watch for:\n" + "\n".join(matched)

    return [Slide("takeaways", "Key takeaways" + (f" ({i} of {len(chunks)})" if len(chunks) > 1 else ""),
                  chunk, "\n\n".join(filter(None, [
                      f"Discussion prompts from the instructor notes:\n{prompts}" if i == 1 else "",
                      watch_for(chunk), notes.best_row(" ".join(chunk))])), size=24)
            for i, chunk in enumerate(chunks, start=1)]


def reference(key: str) -> str:
    entry = bibliography()[key]
    people = entry.persons.get("author") or []
    names = []
    for p in people:
        initials = " ".join(f"{n[0]}." for n in p.first_names + p.middle_names if n and n[0].isalpha())
        names.append(f"{_surname(p)}, {initials}".rstrip(", "))
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1] if names else ""
    fields = entry.fields
    where = fields.get("journal") or fields.get("publisher") or fields.get("howpublished") or ""
    title = fields.get("title", "").replace("{", "").replace("}", "")
    title += "" if title.endswith(("?", "!", ".")) else "."
    return " ".join(f"{who} ({fields.get('year', 'n.d.')}). {title} {where}".split()).rstrip(". ") + "."


def reference_slides(chapter: Chapter) -> list[Slide]:
    refs = sorted((reference(k) for k in chapter.cited), key=str.lower)
    per = 5
    chunks = [refs[i:i + per] for i in range(0, len(refs), per)]
    return [Slide("references", "References" + (f" ({i} of {len(chunks)})" if len(chunks) > 1 else ""),
                  chunk, "The works this chapter cites, from the course's book/references.bib. The chapter's "
                  "'Further reading' section suggests where students could start.", size=16)
            for i, chunk in enumerate(chunks, start=1)]


def attribution() -> str:
    """The attribution the "Reuse and adapt" page asks for on the first slide of a deck."""
    reuse = (BOOK / "reuse.md").read_text("utf-8")
    box = next(b for b in blocks_of(reuse) if b.kind == "fence" and b.info.endswith("Attribution to copy"))
    text = " ".join(line for line in box.text.split("\n") if not line.startswith(":"))
    return plain(text.replace("<wbr>", ""))


def deck_plan(chapter: Chapter, notes: Notes, figures: list[Figure]) -> list[Slide]:
    number = int(chapter.slug[:2])
    title = Slide("title", chapter.title, [f"{COURSE} · Chapter {number}", f"Time: {chapter.time}", attribution()],
                  "\n\n".join(filter(None, [
                      notes.intro, "A note on sensitivity: " + notes.section("A note on sensitivity"),
                      "The last line is the attribution the course's Reuse and adapt page asks for on the first "
                      "slide of a deck: put the address you share the course from in the brackets."])))
    chunks = in_chunks(chapter.objectives, LIST_LIMIT)
    objectives = [Slide("objectives", "Learning objectives" + (f" ({i} of {len(chunks)})" if len(chunks) > 1 else ""),
                        chunk, notes.section("Learning objectives") + "\n\nThe quiz bank tags each question with "
                        "the objective it checks; the in-class questions later in this deck are drawn from it.",
                        size=22)
                  for i, chunk in enumerate(chunks, start=1)]
    return ([title, *objectives] + hook_slides(chapter, notes) + body_slides(chapter, figures, notes)
            + quiz_slides(chapter, notes) + takeaway_slides(chapter, notes) + reference_slides(chapter))


# ---------------------------------------------------------------------------------------------
# Writing the deck
# ---------------------------------------------------------------------------------------------

def _style_master(prs: Presentation) -> None:
    """Widen the default template to 16:9 and restyle its master: large dark type on white,
    titles left-aligned in the accent colour, Arial throughout."""
    scale = WIDE / prs.slide_width
    prs.slide_width, prs.slide_height = WIDE, HIGH
    master = prs.slide_master
    for shape in [*master.placeholders, *(p for layout in prs.slide_layouts for p in layout.placeholders)]:
        if shape.left is not None:
            shape.left, shape.width = Emu(int(shape.left * scale)), Emu(int(shape.width * scale))
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
          "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
    styles = master._element.find("p:txStyles", ns)
    for path, size, colour in (("p:titleStyle/a:lvl1pPr", 36, ACCENT), ("p:bodyStyle/a:lvl1pPr", 28, INK),
                               ("p:bodyStyle/a:lvl2pPr", 24, INK)):
        level = styles.find(path, ns)
        props = level.find("a:defRPr", ns)
        props.set("sz", str(size * 100))
        for old in props.findall("a:solidFill", ns):
            props.remove(old)
        fill = props.makeelement(f"{{{ns['a']}}}solidFill", {})
        fill.append(fill.makeelement(f"{{{ns['a']}}}srgbClr", {"val": str(colour)}))
        props.insert(0, fill)
    styles.find("p:titleStyle/a:lvl1pPr", ns).set("algn", "l")
    # the theme's fonts, which every placeholder's text uses unless a slide says otherwise
    theme = master.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'<a:latin typeface="Calibri"/>', f'<a:latin typeface="{FONT}"/>'.encode())


def _fill(frame, paragraphs: list[str], size: int, colour: RGBColor | None = None, bullets: bool = False) -> None:
    """Text in a shape, at `size`. In a placeholder, font and colour come from the slide master
    (restyle it and every slide follows); a plain text box is given them (`colour`)."""
    frame.word_wrap = True
    frame.clear()
    for i, text in enumerate(paragraphs):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = ("• " + text) if bullets else text
        run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb, run.font.name = colour, FONT
        para.space_after = Pt(size * 0.45)


def _no_bullets(frame) -> None:
    """Body placeholders bullet every paragraph; these slides set their own marks (or none)."""
    for para in frame.paragraphs:
        props = para._p.get_or_add_pPr()
        props.set("marL", "0")
        props.set("indent", "0")
        if props.find("{http://schemas.openxmlformats.org/drawingml/2006/main}buNone") is None:
            props.insert(0, props.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}buNone", {}))


def _title(slide, text: str, size: int = 36) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.35), WIDE - 2 * MARGIN, Inches(1.1)
    _fill(title.text_frame, [text], size)
    title.text_frame.paragraphs[0].runs[0].font.bold = True


def _picture(slide, item: Slide, top) -> None:
    """The figure, as large as fits below the title, centred, with its alternative text."""
    from PIL import Image

    with Image.open(item.picture) as image:
        ratio = image.width / image.height
    caption = Inches(0.5 + 0.4 * min(2, words(" ".join(item.body)) // 15)) if item.body else 0
    room_w, room_h = WIDE - 2 * MARGIN, HIGH - top - Inches(0.15) - caption
    width = min(room_w, int(room_h * ratio))
    height = int(width / ratio)
    pic = slide.shapes.add_picture(str(item.picture), int((WIDE - width) / 2), top, width, height)
    pic._element.nvPicPr.cNvPr.set("descr", item.alt)
    pic.name = "Figure: " + item.alt.split("\n")[0][:60]
    if item.body:
        box = slide.shapes.add_textbox(MARGIN, top + height + Inches(0.05), WIDE - 2 * MARGIN, caption)
        _fill(box.text_frame, item.body, item.size, INK)


def add_slide(prs: Presentation, item: Slide, index: int) -> None:
    layouts = {"title": 0, "figure": 5, "show": 5}
    slide = prs.slides.add_slide(prs.slide_layouts[layouts.get(item.kind, 1)])
    slide._element.cSld.set("name", f"{item.kind} {index}")
    if item.kind == "title":
        slide.shapes.title.left, slide.shapes.title.width = MARGIN, WIDE - 2 * MARGIN
        slide.shapes.title.top, slide.shapes.title.height = Inches(2.0), Inches(1.8)
        _fill(slide.shapes.title.text_frame, [item.title], 44)
        slide.shapes.title.text_frame.paragraphs[0].runs[0].font.bold = True
        sub = slide.placeholders[1]
        sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(4.0), WIDE - 2 * MARGIN, Inches(1.6)
        _fill(sub.text_frame, item.body[:2], 26, MUTED)
        credit = slide.shapes.add_textbox(MARGIN, HIGH - Inches(1.3), WIDE - 2 * MARGIN, Inches(0.9))
        _fill(credit.text_frame, item.body[2:], 16, MUTED)
        for para in [*sub.text_frame.paragraphs, *slide.shapes.title.text_frame.paragraphs]:
            para.alignment = PP_ALIGN.LEFT
    else:
        _title(slide, item.title, 32 if len(item.title) > 55 else 36)
        top = Inches(1.55)
        if item.picture is not None:
            _picture(slide, item, top)
        elif item.kind in ("figure", "show"):  # a figure the site draws with no picture to show
            box = slide.shapes.add_textbox(MARGIN, top, WIDE - 2 * MARGIN, HIGH - top - Inches(0.5))
            _fill(box.text_frame, item.body, item.size, INK)
        else:
            body = slide.placeholders[1]
            body.left, body.top, body.width, body.height = MARGIN, top, WIDE - 2 * MARGIN, HIGH - top - Inches(0.5)
            lists = item.kind in ("objectives", "takeaways", "references")
            _fill(body.text_frame, item.body, item.size, bullets=lists)
            _no_bullets(body.text_frame)
            if item.kind in ("quiz", "predict"):  # the question stands apart from its options
                body.text_frame.paragraphs[0].runs[0].font.bold = True
    slide.notes_slide.notes_text_frame.text = item.notes.strip()


def write_deck(chapter: Chapter, slides: list[Slide], out: Path) -> Path:
    prs = Presentation()
    _style_master(prs)
    prs.core_properties.title = f"{COURSE}, chapter {int(chapter.slug[:2])}: {chapter.title}"
    prs.core_properties.subject = "Lecture slides, generated from the course's sources by scripts/make_slides.py"
    prs.core_properties.language = "en-GB"
    for index, item in enumerate(slides, start=1):
        add_slide(prs, item, index)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{chapter.slug}.pptx"
    prs.save(path)
    return path


def chapter_slugs() -> list[str]:
    return sorted(p.stem for p in (BOOK / "chapters").glob("[0-9][0-9]-*.md"))


def make_deck(slug: str, site: Path, out: Path) -> Path:
    chapter = read_chapter(BOOK / "chapters" / f"{slug}.md")
    notes = read_notes(BOOK / "instructors" / f"{slug}.md")
    return write_deck(chapter, deck_plan(chapter, notes, built_figures(slug, site)), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slugs", nargs="*", help="chapters (default: all), e.g. 01-what-belonging-is")
    parser.add_argument("--site", type=Path, default=BOOK / "_build" / "html", help="the built site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "slides")
    args = parser.parse_args(argv)
    start = time.monotonic()
    slugs = args.slugs or chapter_slugs()
    unknown = sorted(set(slugs) - set(chapter_slugs()))
    if unknown:
        parser.error(f"no chapter named {', '.join(unknown)}")
    for slug in slugs:
        path = make_deck(slug, args.site, args.out)
        print(f"slides: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    print(f"make slides: {len(slugs)} deck(s) in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
