"""`make slides` (scripts/make_slides.py): every chapter's deck, written from the built site, read
back with python-pptx and opened in LibreOffice Impress.

Here, beside the site tests, because a deck's figures are the pictures the build draws: the decks
are made once for this module from the same build the browser tests use (`built_site`), so no
test runs on a deck without its pictures, and no second build is paid for.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import belonging_figures  # noqa: E402
import make_slides  # noqa: E402

CHAPTERS = sorted(p.stem for p in (ROOT / "book" / "chapters").glob("[0-9][0-9]-*.md"))


def words(text: str) -> int:
    return len([w for w in text.split() if re.search(r"\w", w)])


def kind(slide) -> str:
    return slide.name.split()[0]


def body_text(slide) -> str:
    """Everything a slide shows but its title."""
    return "\n".join(s.text_frame.text for s in slide.shapes
                     if s.has_text_frame and s.shape_id != slide.shapes.title.shape_id)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


@pytest.fixture(scope="module")
def decks(built_site, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("slides")
    assert make_slides.main(["--site", str(built_site), "--out", str(out)]) == 0
    return {p.stem: p for p in sorted(out.glob("*.pptx"))}


@pytest.fixture(scope="module")
def read(decks) -> dict[str, Presentation]:
    return {slug: Presentation(str(path)) for slug, path in decks.items()}


def test_every_figure_has_a_png_beside_its_svg(built_site):
    """python-pptx cannot show SVG: the build writes each figure's picture as PNG too, at twice
    the SVG's width."""
    from PIL import Image

    keys = {f["key"] for page in (built_site / "chapters").glob("*.html")
            for f in belonging_figures.figures_in(page.read_text("utf-8"))}
    assert keys
    for key in sorted(keys):
        png = built_site / "_static" / "figures" / f"{key}.png"
        assert png.is_file(), f"no {png.name} beside {key}.svg"
        with Image.open(png) as image:
            assert image.format == "PNG" and image.width == 2 * belonging_figures.WIDTH


def test_one_deck_per_chapter_with_every_part(read, built_site):
    assert sorted(read) == CHAPTERS
    for slug, prs in read.items():
        kinds = [kind(s) for s in prs.slides]
        source = (ROOT / "book" / "chapters" / f"{slug}.md").read_text("utf-8")
        assert 15 <= len(kinds) <= 45, f"{slug}: {len(kinds)} slides"
        assert kinds[0] == "title" and kinds[-1] == "references", slug
        for part in ("objectives", "hook", "key-idea", "quiz", "takeaways"):
            assert part in kinds, f"{slug}: no {part} slide"
        assert kinds.count("key-idea") >= len(re.findall(r"^## ", source, re.M)) - len(make_slides.NOT_KEY_IDEAS), slug
        assert 2 <= kinds.count("quiz") <= 3, slug
        # every predict() prompt is a predict slide followed by its show slide
        assert kinds.count("predict") >= len(re.findall(r"^predict\(", source, re.M)) >= 1, slug
        for i, k in enumerate(kinds):
            if k == "predict":
                assert kinds[i + 1] == "show", f"{slug}: slide {i + 1} predicts but nothing shows"
        assert kinds.count("evidence") == source.count("```{evidence}"), slug
        # every figure on the chapter's page is in its deck as a picture
        page = (built_site / "chapters" / f"{slug}.html").read_text("utf-8")
        on_page = [f["title"] for f in belonging_figures.figures_in(page)]
        pictures = [s.shapes.title.text.removeprefix("Show: ") for s in prs.slides
                    if any(p.shape_type == MSO_SHAPE_TYPE.PICTURE for p in s.shapes)]
        assert pictures == on_page, slug


def test_every_picture_has_its_figures_alternative_text(read, built_site):
    described = {" ".join(p.read_text("utf-8").split())
                 for p in (built_site / "_static" / "figures").glob("*.txt")}
    count = 0
    for slug, prs in read.items():
        for slide in prs.slides:
            for shape in slide.shapes:
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                    count += 1
                    descr = shape._element.nvPicPr.cNvPr.get("descr", "")
                    assert " ".join(descr.split()) in described, f"{slug} {slide.name}: alt text {descr[:60]!r}"
    assert count >= len(CHAPTERS)


def test_no_slide_over_its_word_limit(read):
    """Key ideas, the hook, evidence and the rest at most 40 words; a question with its options
    or a list of objectives more (make_slides.LIMITS); references are not counted."""
    assert make_slides.WORD_LIMIT == 40
    assert make_slides.LIMITS["key-idea"] == make_slides.LIMITS["hook"] == make_slides.WORD_LIMIT
    for slug, prs in read.items():
        for slide in prs.slides:
            limit = make_slides.LIMITS[kind(slide)]
            if limit is not None:
                assert words(body_text(slide)) <= limit, f"{slug} {slide.name}: {body_text(slide)[:80]}"
            if kind(slide) == "key-idea":
                assert words(body_text(slide)) >= 3, f"{slug} {slide.name} is empty"


def test_speaker_notes_on_every_slide(read):
    for slug, prs in read.items():
        plan = (ROOT / "book" / "instructors" / f"{slug}.md").read_text("utf-8")
        hook_row = re.search(r"\*\*Hook\.\*\* ([^|]*?)\s*\|", plan)[1]
        for slide in prs.slides:
            assert words(notes(slide)) >= 10, f"{slug} {slide.name} has no speaker notes"
            if kind(slide) == "hook":
                assert make_slides.plain(hook_row) in notes(slide), slug
            if kind(slide) == "title":
                assert "sensitivity" in notes(slide), slug


def test_in_class_questions_keep_answers_and_feedback_in_the_notes(read):
    for slug, prs in read.items():
        bank = json.loads((ROOT / "book" / "quizzes" / f"{slug}.json").read_text("utf-8"))
        questions = {make_slides.plain(q["question"]): q for q in bank["questions"]}
        for slide in (s for s in prs.slides if kind(s) == "quiz"):
            shown = body_text(slide)
            question = questions[shown.split("\n")[0]]
            letters = []
            for i, answer in enumerate(question["answers"]):
                assert f"{chr(65 + i)}. {make_slides.plain(answer['answer'])}" in shown
                assert make_slides.plain(answer["feedback"]) not in shown, f"{slug}: feedback on the slide"
                assert make_slides.plain(answer["feedback"]) in notes(slide)
                letters += [chr(65 + i)] if answer["correct"] else []
            assert "Answer" not in shown and "correct" not in shown.lower()
            assert f"Answer: {', '.join(letters)}." in notes(slide), f"{slug} {slide.name}"
            assert "Answer key (instructor notes, quiz question" in notes(slide), f"{slug} {slide.name}"
            assert not any(r.font.bold for p in slide.placeholders[1].text_frame.paragraphs[1:] for r in p.runs), \
                "an option stands out"


def test_every_deck_opens_in_libreoffice_impress_one_page_per_slide(decks, read, tmp_path):
    """Debian's libreoffice-impress converts each deck to PDF without error (.ci/run installs it)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is not installed: apt-get install libreoffice-impress (.ci/run does)")
    # its own profile, so a LibreOffice already open on this machine cannot take the job
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), *map(str, decks.values())],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    for slug, prs in read.items():
        pdf = (tmp_path / f"{slug}.pdf").read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert pages == len(prs.slides), f"{slug}: {pages} PDF pages for {len(prs.slides)} slides"
