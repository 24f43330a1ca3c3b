"""LMS exports: the GIFT and QTI files say exactly what the quiz or exam bank says."""
import copy
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from belonging.present import lms

ROOT = Path(__file__).resolve().parents[2]
BANKS = sorted((ROOT / "book" / "quizzes").glob("*.json"))
EXAMS = sorted((ROOT / "book" / "exams").glob("*.json"))
# Every bank with the kind it is exported as: the public quizzes and the instructors' exams.
ALL_BANKS = [(path, "quiz") for path in BANKS] + [(path, "exam") for path in EXAMS]
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}


def _split_unescaped(text, mark):
    """Split on `mark` where it is not escaped by a backslash."""
    return re.split(r"(?<!\\)" + re.escape(mark), text, maxsplit=1)


def _unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(text):
    """Just enough GIFT to read back what lms.to_gift writes."""
    questions = []
    for block in re.findall(r"^::(.*?)(?<!\\)::(.*?) \{\n(.*?)\n\}$", text, flags=re.S | re.M):
        title, question, body = block
        answers = []
        for line in body.splitlines():
            line = line.strip()
            match = re.match(r"^(=|~%(-?[\d.]+)%|~)(.*)$", line)
            answer, feedback = _split_unescaped(match.group(3), "#")
            answers.append(dict(mark=match.group(1)[0], weight=match.group(2),
                                answer=_unescape(answer), feedback=_unescape(feedback)))
        questions.append(dict(title=_unescape(title), question=_unescape(question), answers=answers))
    return questions


@pytest.fixture(params=ALL_BANKS, ids=lambda pk: f"{pk[1]}-{pk[0].stem}")
def bank_and_kind(request):
    path, kind = request.param
    return json.loads(path.read_text("utf-8")), kind


@pytest.fixture
def bank(bank_and_kind):
    return bank_and_kind[0]


@pytest.fixture
def kind(bank_and_kind):
    return bank_and_kind[1]


def tricky(bank):
    """The same bank with every character GIFT treats as syntax in its texts."""
    odd = copy.deepcopy(bank)
    q = odd["questions"][0]
    q["question"] = "Is {this} = that? A: #1 ~ maybe \\ not"
    q["answers"][0]["answer"] = "x = {y} # z"
    q["answers"][0]["feedback"] = "Because: a ~ b {c} = d #e"
    return odd


@pytest.mark.parametrize("variant", [lambda b: b, tricky], ids=["as-is", "special-characters"])
def test_gift_round_trips_every_question_answer_and_feedback(bank, kind, variant):
    bank = variant(bank)
    parsed = parse_gift(lms.to_gift(bank, kind))
    assert len(parsed) == len(bank["questions"])
    for q, got in zip(bank["questions"], parsed):
        assert got["question"] == q["question"]
        assert f"({q['objective']})" in got["title"]
        assert [a["answer"] for a in got["answers"]] == [a["answer"] for a in q["answers"]]
        assert [a["feedback"] for a in got["answers"]] == [a["feedback"] for a in q["answers"]]
        if q["type"] == "multiple_choice":
            assert [a["mark"] == "=" for a in got["answers"]] == [a["correct"] for a in q["answers"]]
        else:
            weights = [float(a["weight"]) for a in got["answers"]]
            assert sum(w for w in weights if w > 0) == pytest.approx(100)
            assert [w > 0 for w in weights] == [a["correct"] for a in q["answers"]]


def test_qti_items_match_the_bank(bank, kind):
    archive = zipfile.ZipFile(io.BytesIO(lms.to_qti_zip(bank, kind)))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    href = manifest.find(".//{*}resource").get("href")
    assert manifest.find(".//{*}resource").get("type") == "imsqti_xmlv1p2"
    items = ET.fromstring(archive.read(href)).findall(".//q:item", NS)
    assert len(items) == len(bank["questions"])
    for item, q in zip(items, bank["questions"]):
        kind = item.find(".//q:fieldentry", NS).text
        assert kind == {"multiple_choice": "multiple_choice_question",
                        "many_choice": "multiple_answers_question"}[q["type"]]
        assert item.find("q:presentation/q:material/q:mattext", NS).text == q["question"]
        labels = item.findall(".//q:response_label", NS)
        assert [l.find(".//q:mattext", NS).text for l in labels] == [a["answer"] for a in q["answers"]]
        scoring = item.find("q:resprocessing/q:respcondition[@continue='No']", NS)
        required = {v.text for v in scoring.findall("q:conditionvar/q:and/q:varequal", NS)}
        excluded = {v.text for v in scoring.findall("q:conditionvar/q:and/q:not/q:varequal", NS)}
        ids = [l.get("ident") for l in labels]
        assert required == {i for i, a in zip(ids, q["answers"]) if a["correct"]}
        assert excluded == {i for i, a in zip(ids, q["answers"]) if not a["correct"]}
        feedback = {f.get("ident"): f.find(".//q:mattext", NS).text for f in item.findall("q:itemfeedback", NS)}
        assert [feedback[f"{i}-fb"] for i in ids] == [a["feedback"] for a in q["answers"]]


def test_export_all_writes_both_files_per_chapter(tmp_path):
    written = lms.export_all(ROOT / "book" / "quizzes", tmp_path)
    assert sorted(p.name for p in written) == sorted(
        name for b in BANKS for name in (f"{b.stem}.gift.txt", f"{b.stem}-qti.zip"))


def test_export_all_writes_the_exam_banks_beside_the_quizzes(tmp_path):
    """`make lms` exports each exam bank as NN-slug-exam.gift.txt and NN-slug-exam-qti.zip."""
    written = lms.export_all(ROOT / "book" / "quizzes", tmp_path, ROOT / "book" / "exams")
    expected = [name for b in BANKS for name in (f"{b.stem}.gift.txt", f"{b.stem}-qti.zip")]
    expected += [name for e in EXAMS for name in (f"{e.stem}-exam.gift.txt", f"{e.stem}-exam-qti.zip")]
    assert sorted(p.name for p in written) == sorted(expected)
    for exam in EXAMS:  # the exam file holds the exam's questions, not the quiz's
        bank = json.loads(exam.read_text("utf-8"))
        parsed = parse_gift((tmp_path / f"{exam.stem}-exam.gift.txt").read_text("utf-8"))
        assert [q["question"] for q in parsed] == [q["question"] for q in bank["questions"]]


def _qti_idents(data: bytes) -> set[str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    resource = manifest.find(".//{*}resource")
    items = ET.fromstring(archive.read(resource.get("href"))).findall(".//q:item", NS)
    return {resource.get("identifier")} | {item.get("ident") for item in items}


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.stem)
def test_an_exam_and_a_quiz_of_one_chapter_can_share_an_lms(path):
    """The same chapter's quiz and exam must not collide on identifiers or titles when both
    are imported into one course, and the exam export must say it is an exam."""
    bank = json.loads(path.read_text("utf-8"))
    assert not _qti_idents(lms.to_qti_zip(bank, "quiz")) & _qti_idents(lms.to_qti_zip(bank, "exam"))
    quiz_titles = {q["title"] for q in parse_gift(lms.to_gift(bank, "quiz"))}
    exam_gift = lms.to_gift(bank, "exam")
    assert not quiz_titles & {q["title"] for q in parse_gift(exam_gift)}
    assert "exam for chapter" in exam_gift and "book/exams" in exam_gift


def test_an_unknown_kind_of_bank_is_refused():
    bank = json.loads(BANKS[0].read_text("utf-8"))
    with pytest.raises(ValueError, match="kind"):
        lms.to_gift(bank, "homework")
    with pytest.raises(ValueError, match="kind"):
        lms.to_qti_zip(bank, "homework")


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (lambda b: b["questions"][0]["answers"][0].update(feedback=""), "feedback"),
        (lambda b: b.update(chapter="99-elsewhere"), "file is named"),
    ],
)
def test_export_refuses_a_broken_exam_bank(tmp_path, break_it, expected):
    bank = json.loads(BANKS[0].read_text("utf-8"))
    break_it(bank)
    exams = tmp_path / "exams"
    exams.mkdir()
    (exams / f"{BANKS[0].stem}.json").write_text(json.dumps(bank), encoding="utf-8")
    with pytest.raises(lms.QuizError, match=expected):
        lms.export_all(ROOT / "book" / "quizzes", tmp_path / "out", exams)
