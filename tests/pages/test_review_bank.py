"""The review page's question file: every public quiz question with its feedback, no exam question.

The file is what belonging-review.js asks and explains from, and it is published on the site,
so it must hold every chapter quiz question exactly as the bank has it and nothing from the
instructors' exam banks.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from belonging.pages import review
from belonging.pages.quiz import QuizError

ROOT = Path(__file__).resolve().parents[2]
QUIZZES = ROOT / "book" / "quizzes"
BANKS = sorted(QUIZZES.glob("*.json"))
EXAMS = sorted((ROOT / "book" / "exams").glob("*.json"))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict:
    """The file as the build writes it, read back."""
    target = review.write_review_bank(QUIZZES, tmp_path_factory.mktemp("static"),
                                      {"chapters/01-what-belonging-is": "What belonging is"})
    return json.loads(target.read_text("utf-8"))


def test_every_public_quiz_question_is_there_in_chapter_order_with_its_answers(published):
    assert BANKS, "no quiz banks found"
    assert published["format"] == "belonging-review"
    assert [c["chapter"] for c in published["chapters"]] == [p.stem for p in BANKS]
    for path, chapter in zip(BANKS, published["chapters"]):
        bank = json.loads(path.read_text("utf-8"))
        assert chapter["number"] == int(path.stem[:2])
        assert chapter["url"] == f"chapters/{path.stem}.html"
        assert (ROOT / "book" / chapter["url"].replace(".html", ".md")).is_file()
        assert len(chapter["questions"]) == len(bank["questions"])
        for mine, theirs in zip(chapter["questions"], bank["questions"]):
            assert mine["question"] == theirs["question"]
            assert mine["type"] == theirs["type"]
            assert [(a["answer"], a["correct"]) for a in mine["answers"]] == \
                [(a["answer"], a["correct"]) for a in theirs["answers"]]


def test_every_option_carries_the_banks_feedback(published):
    count = 0
    for path, chapter in zip(BANKS, published["chapters"]):
        bank = json.loads(path.read_text("utf-8"))
        for mine, theirs in zip(chapter["questions"], bank["questions"]):
            for a, b in zip(mine["answers"], theirs["answers"]):
                assert a["feedback"] == b["feedback"] and len(a["feedback"]) >= 10
                count += 1
    assert count >= 5 * 2 * len(BANKS)  # at least five questions of two options per chapter


def test_both_question_types_the_schema_allows_are_served(published):
    from belonging.pages.quiz import schema

    allowed = set(schema()["properties"]["questions"]["items"]["properties"]["type"]["enum"])
    served = {q["type"] for c in published["chapters"] for q in c["questions"]}
    assert served == allowed == set(review.PAGE_TYPES)  # the page asks each (radio, checkbox)
    for c in published["chapters"]:
        for q in c["questions"]:
            assert set(q) == {"question", "type", "answers"}, "objective tags are not for readers"


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_no_exam_question_is_in_the_published_file(published):
    if not EXAMS:
        pytest.skip("no exam banks yet")
    text = "\n".join(_strings(published))  # every text in the file, unescaped
    exam_questions = [q["question"] for p in EXAMS for q in json.loads(p.read_text("utf-8"))["questions"]]
    public = {q["question"] for p in BANKS for q in json.loads(p.read_text("utf-8"))["questions"]}
    leaked = [q for q in exam_questions if q not in public and q in text]
    assert leaked == []
    # The same search finds the public questions, so it would find a leaked exam question.
    assert all(q in text for q in public)


def test_the_exam_folder_is_refused(tmp_path):
    with pytest.raises(ValueError, match="quiz_dir"):
        review.review_bank(ROOT / "book" / "exams")
    # Even a copy of the public banks is refused under another name: only "quizzes" is public.
    copy = tmp_path / "exams"
    shutil.copytree(QUIZZES, copy)
    with pytest.raises(ValueError, match="quiz_dir"):
        review.review_bank(copy)


def test_an_empty_quiz_folder_is_refused(tmp_path):
    (tmp_path / "quizzes").mkdir()
    with pytest.raises(ValueError, match="quiz_dir must hold chapter banks"):
        review.review_bank(tmp_path / "quizzes")


def test_a_bank_with_problems_stops_the_build(tmp_path):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    bank = json.loads(BANKS[0].read_text("utf-8"))
    for answer in bank["questions"][0]["answers"]:
        answer["correct"] = False
    (folder / BANKS[0].name).write_text(json.dumps(bank), "utf-8")
    with pytest.raises(QuizError, match="no answer is marked correct"):
        review.review_bank(folder)


def test_a_bank_filed_under_another_chapters_name_is_refused(tmp_path):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    shutil.copyfile(BANKS[0], folder / "13-another-chapter.json")
    with pytest.raises(QuizError, match="not its file name"):
        review.review_bank(folder)


def test_a_question_type_the_page_cannot_ask_stops_the_build(tmp_path, monkeypatch):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    shutil.copyfile(BANKS[0], folder / BANKS[0].name)
    monkeypatch.setattr(review, "PAGE_TYPES", ("multiple_choice",))
    with pytest.raises(QuizError, match="cannot ask many_choice"):
        review.review_bank(folder)


def test_chapter_titles_come_from_the_pages_and_fall_back_to_the_slug(published):
    first, second = published["chapters"][:2]
    assert first["title"] == "What belonging is"
    assert second["title"] == second["chapter"]


def test_the_file_name_is_not_mistaken_for_an_exam_bank():
    assert "exam" not in review.FILENAME.lower() and review.FILENAME.endswith(".json")
