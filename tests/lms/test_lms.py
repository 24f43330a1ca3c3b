"""LMS exports: the GIFT and QTI files say exactly what the quiz or exam bank says, and score
it by the rules in lms's docstring (computed here from the bank JSON, never hard-coded)."""
import copy
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from belonging.lms import formats
from scoring import choices, qti_score, rule_score  # tests/lms/scoring.py, shared with test_cartridge

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
    """Just enough GIFT to read back what formats.to_gift writes."""
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
    parsed = parse_gift(formats.to_gift(bank, kind))
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


def _qti_items(bank, kind):
    archive = zipfile.ZipFile(io.BytesIO(formats.to_qti_zip(bank, kind)))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    return ET.fromstring(archive.read(manifest.find(".//{*}resource").get("href"))).findall(".//q:item", NS)


def test_qti_items_match_the_bank(bank, kind):
    archive = zipfile.ZipFile(io.BytesIO(formats.to_qti_zip(bank, kind)))
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
        ids = [l.get("ident") for l in labels]
        assert len(set(ids)) == len(ids)
        feedback = {f.get("ident"): f.find(".//q:mattext", NS).text for f in item.findall("q:itemfeedback", NS)}
        assert [feedback[f"{i}-fb"] for i in ids] == [a["feedback"] for a in q["answers"]]
        shown = {c.find("q:conditionvar/q:varequal", NS).text: c.find("q:displayfeedback", NS).get("linkrefid")
                 for c in item.findall("q:resprocessing/q:respcondition", NS)
                 if c.find("q:displayfeedback", NS) is not None}
        assert shown == {i: f"{i}-fb" for i in ids}  # choosing an option shows its own feedback


def _scoring_conditions(item):
    return [c for c in item.findall("q:resprocessing/q:respcondition", NS) if c.find("q:setvar", NS) is not None]


def test_qti_single_answer_scores_only_the_correct_option(bank, kind):
    """One condition gives the marks and it names the correct option alone (Canvas takes the
    first option a scoring condition names as the answer); no wrong option ever scores."""
    singles = [(item, q) for item, q in zip(_qti_items(bank, kind), bank["questions"])
               if q["type"] == "multiple_choice"]
    for item, q in singles:
        ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
        right = ids[[a["correct"] for a in q["answers"]].index(True)]
        maximum = item.find(".//q:decvar", NS).get("maxvalue")
        scoring = _scoring_conditions(item)
        full = [c for c in scoring if c.find("q:setvar", NS).text == maximum]
        assert len(full) == 1
        assert [v.text for v in full[0].iter(f"{{{NS['q']}}}varequal")] == [right]
        assert full[0].find("q:conditionvar/q:varequal", NS) is not None  # not inside and/not/or
        for condition in scoring:  # nothing else awards anything
            if condition is not full[0]:
                assert float(condition.find("q:setvar", NS).text) == 0
        for wrong in set(ids) - {right}:
            assert qti_score(item, {wrong}) == 0
        assert qti_score(item, {right}) == 100


@pytest.mark.parametrize("path", BANKS + EXAMS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_the_correct_option_is_not_always_first_in_the_exports(path):
    """The site shuffles the options; the exports keep the bank's order, so it must vary."""
    bank = json.loads(path.read_text("utf-8"))
    kind = "exam" if path.parent.name == "exams" else "quiz"
    positions = set()
    for item, q in zip(_qti_items(bank, kind), bank["questions"]):
        if q["type"] == "multiple_choice":
            ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
            full = _scoring_conditions(item)[0]
            positions.add(ids.index(full.find("q:conditionvar/q:varequal", NS).text))
    gift = parse_gift(formats.to_gift(bank, kind))
    gift_positions = {[a["mark"] for a in g["answers"]].index("=")
                      for g, q in zip(gift, bank["questions"]) if q["type"] == "multiple_choice"}
    assert len(positions) > 1 and len(gift_positions) > 1


# --- the select-all rule (written out once, in scoring.py), both formats checked against it ---

def gift_score(answers, chosen):
    """Moodle's multiple-choice grading: the weights of the chosen options added, from 0 to 100."""
    if any(a["mark"] == "=" for a in answers):
        return 100.0 if len(chosen) == 1 and answers[min(chosen)]["mark"] == "=" else 0.0
    return min(100.0, max(0.0, sum(float(answers[i]["weight"]) for i in chosen)))


def test_every_choice_scores_by_the_one_rule_in_both_formats(bank, kind):
    """Every possible answer (every option; every subset for select-all) scores the same in QTI,
    in GIFT and by the rule in lms's docstring."""
    items, gift = _qti_items(bank, kind), parse_gift(formats.to_gift(bank, kind))
    for item, g, q in zip(items, gift, bank["questions"]):
        ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
        for chosen in choices(q):
            expected = rule_score(q, chosen)
            # shares are five-decimal numbers; full marks (the whole correct set) must be exact
            tolerance = 0 if expected in (0, 100) else 1e-4
            assert qti_score(item, {ids[i] for i in chosen}) == pytest.approx(expected, abs=tolerance), (q["question"], chosen)
            assert gift_score(g["answers"], chosen) == pytest.approx(expected, abs=1e-3), (q["question"], chosen)


def test_select_all_full_marks_only_for_exactly_the_correct_set():
    """The rule on a made-up question: all of the right ones, some of them, one wrong extra, all."""
    q = {"question": "q", "type": "many_choice", "objective": "LO1",
         "answers": [{"answer": f"o{i}", "correct": i in (0, 2, 3), "feedback": "f"} for i in range(5)]}
    bank = {"chapter": "99-test", "objectives": {"LO1": "o"}, "questions": [q]}
    item = _qti_items(bank, "quiz")[0]
    answers = parse_gift(formats.to_gift(bank, "quiz", title="Test"))[0]["answers"]
    ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
    for chosen, expected in [({0, 2, 3}, 100), ({0, 2}, 200 / 3), ({3}, 100 / 3), ({0, 2, 3, 4}, 0),
                             (set(range(5)), 0), ({1}, 0), (set(), 0)]:
        assert qti_score(item, {ids[i] for i in chosen}) == pytest.approx(expected, abs=1e-4)
        assert gift_score(answers, chosen) == pytest.approx(expected, abs=1e-3)
    shares = [float(s.text) for s in item.iter(f"{{{NS['q']}}}setvar") if s.get("action") == "Add"]
    assert sum(shares) == 100  # exactly: full marks are full


# --- identifiers ------------------------------------------------------------------------------

NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def test_every_qti_identifier_is_a_valid_xml_id(bank, kind):
    """xs:ID (an NCName): a letter or _ first, then letters, digits, _ - . only; unique per file."""
    archive = zipfile.ZipFile(io.BytesIO(formats.to_qti_zip(bank, kind)))
    for name in archive.namelist():
        root = ET.fromstring(archive.read(name))
        idents = [value for element in root.iter() for attr, value in element.attrib.items()
                  if attr in ("ident", "identifier")]
        assert idents, name
        bad = [i for i in idents if not NCNAME.fullmatch(i)]
        assert not bad, f"{name}: {bad}"
        unique = [value for element in root.iter() for attr, value in element.attrib.items()
                  if attr == "ident" and element.tag.split("}")[1] != "response_lid"]
        assert len(unique) == len(set(unique)), name


def test_xml_id_refuses_what_cannot_be_made_valid():
    assert formats.xml_id("q", "01-a b") == "q_01-a_b"
    with pytest.raises(ValueError):
        formats.xml_id("1q", "x")


# --- GIFT ---------------------------------------------------------------------------------------

def test_gift_files_each_chapter_in_its_own_category(bank, kind):
    text = formats.to_gift(bank, kind)
    number = bank["chapter"].split("-")[0]
    chapter = (ROOT / "book" / "chapters" / f"{bank['chapter']}.md").read_text("utf-8")
    title = re.search(r"^# (.+)$", chapter, flags=re.M).group(1).strip()
    categories = re.findall(r"^\$CATEGORY: (.*)$", text, flags=re.M)
    suffix = " (exam)" if kind == "exam" else ""
    assert categories == [f"The Need to Belong/{number} {title}{suffix}"]
    first_question = text.index("\n::")
    assert text.index("$CATEGORY:") < first_question  # before any question, so it applies to all


def test_gift_marks_the_correct_answer_text(bank, kind):
    """The '=' sits on the correct option's text (compared by text, not by position)."""
    for q, got in zip(bank["questions"], parse_gift(formats.to_gift(bank, kind))):
        if q["type"] == "multiple_choice":
            right = next(a["answer"] for a in q["answers"] if a["correct"])
            assert [a["answer"] for a in got["answers"] if a["mark"] == "="] == [right]


def test_export_all_writes_both_files_per_chapter(tmp_path):
    written = formats.export_all(ROOT / "book" / "quizzes", tmp_path)
    assert sorted(p.name for p in written) == sorted(
        name for b in BANKS for name in (f"{b.stem}.gift.txt", f"{b.stem}-qti.zip"))


def test_export_all_writes_the_exam_banks_beside_the_quizzes(tmp_path):
    """`make lms` exports each exam bank as NN-slug-exam.gift.txt and NN-slug-exam-qti.zip."""
    written = formats.export_all(ROOT / "book" / "quizzes", tmp_path, ROOT / "book" / "exams")
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
    assert not _qti_idents(formats.to_qti_zip(bank, "quiz")) & _qti_idents(formats.to_qti_zip(bank, "exam"))
    quiz_titles = {q["title"] for q in parse_gift(formats.to_gift(bank, "quiz"))}
    exam_gift = formats.to_gift(bank, "exam")
    assert not quiz_titles & {q["title"] for q in parse_gift(exam_gift)}
    assert "exam for chapter" in exam_gift and "book/exams" in exam_gift


def test_an_unknown_kind_of_bank_is_refused():
    bank = json.loads(BANKS[0].read_text("utf-8"))
    with pytest.raises(ValueError, match="kind"):
        formats.to_gift(bank, "homework")
    with pytest.raises(ValueError, match="kind"):
        formats.to_qti_zip(bank, "homework")


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
    with pytest.raises(formats.QuizError, match=expected):
        formats.export_all(ROOT / "book" / "quizzes", tmp_path / "out", exams)


def test_every_qti_question_asks_the_lms_to_shuffle_its_options(bank, kind):
    choices = [item.find(".//q:render_choice", NS) for item in _qti_items(bank, kind)]
    assert choices and all(c is not None and c.get("shuffle") == "Yes" for c in choices)


def test_the_plain_qti_package_does_not_claim_to_be_a_common_cartridge(bank, kind):
    """Moodle takes a package whose manifest declares the CC 1.1 namespace for a cartridge."""
    with zipfile.ZipFile(io.BytesIO(formats.to_qti_zip(bank, kind))) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    assert "imsccv1p1" not in manifest and 'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"' in manifest
