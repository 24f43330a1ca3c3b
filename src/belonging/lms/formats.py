"""Export the quiz banks and the instructors' exam banks for learning management systems.

* **GIFT** (Moodle's text format): one ``.gift.txt`` per chapter.
* **QTI 1.2** (imported by Canvas, Blackboard, D2L and others): one ``-qti.zip`` per chapter
  holding an ``imsmanifest.xml`` and the assessment.

The public self-check quizzes (``book/quizzes``) export as ``NN-slug.gift.txt`` and
``NN-slug-qti.zip``. The exam banks (``book/exams``, same schema, never on the site, so a quiz
set for marks is not the one students practised on) export beside them as
``NN-slug-exam.gift.txt`` and ``NN-slug-exam-qti.zip``, with their own question identifiers so
an LMS can hold both without clashes.

Every option keeps its feedback, and every question keeps the learning objective it checks
(in its title), so the LMS copy teaches the same way the course does. Each GIFT file starts with
``$CATEGORY: The Need to Belong/NN Chapter title`` (``... (exam)`` for an exam bank), so Moodle
files each chapter's questions in a category of their own.
Run ``make lms`` (:mod:`belonging.lms`); the files go to ``lms/`` (not checked in:
regenerate them from the banks).
It also writes the whole course as one IMS Common Cartridge, ``lms/the-need-to-belong.imscc``
(see :mod:`belonging.lms.cartridge`): a module per chapter with a link to its page on the
site (``BASE_URL``), its quiz, its exam bank (instructors only) and its learner notebook.

Scoring, the same in both formats:

* **Single answer** (``multiple_choice``): full marks for the correct option, nothing for any
  other. In QTI exactly one ``respcondition`` sets ``SCORE``, and it tests only the correct
  option's ident; each option's feedback has its own condition that sets no score. (A scoring
  condition that named every option let Canvas take the first one named as the answer.) In
  GIFT the correct option is marked ``=``.
* **Select all that apply** (``many_choice``), the one rule for every export: each correct
  option chosen earns an equal share of the marks (100/k % when k options are correct), and
  choosing any wrong option scores the whole question zero. So full marks need exactly the
  correct set; some of the correct options and no wrong one earn partial credit; ticking
  everything earns nothing. GIFT writes it as weights ``~%100/k%`` on each correct option and
  ``~%-100%`` on each wrong one (Moodle adds the weights of the chosen options and floors the
  total at zero). QTI writes it as one condition per option: each correct option ``Add``s its
  share, then each wrong option ``Set``s ``SCORE`` to 0 and stops processing; the shares are
  written as decimals that add up to exactly 100. An LMS may apply its own rule for
  multiple-answer questions after import (Canvas uses its quiz settings), so check there.

The correct option's position comes from the bank, which varies it (``quiz.answer_cues``
checks that). These exports keep the bank's order and ask the LMS to shuffle: QTI with
``shuffle="Yes"`` on every ``render_choice``. GIFT has no such marker; Moodle shuffles a
question's options when the quiz's "Shuffle within questions" is on (its default).
``make lms SEED=n`` also writes exam variants with questions and options already shuffled
(:mod:`belonging.lms.variants`).
Every identifier in the QTI files is a valid ``xs:ID`` (it starts with a letter).
"""
from __future__ import annotations

import io
import json
import re
from decimal import Decimal
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from ..pages.quiz import QuizError, load_quiz, problems

#: The two kinds of bank: where each lives under ``book/`` and how its exports are named.
KINDS = {"quiz": "quizzes", "exam": "exams"}
GIFT_SPECIAL = "~=#{}:\\"
#: The course's name: the top category of every GIFT file.
COURSE = "The Need to Belong"
#: An ``xs:ID`` (an XML NCName) as QTI and IMS content packages need it, ASCII only.
XML_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def gift_escape(text: str) -> str:
    """GIFT gives ~ = # { } : and backslash a meaning; escape them in learner-facing text."""
    return "".join("\\" + ch if ch in GIFT_SPECIAL else ch for ch in text).replace("\n", " ")


def _weight(share: float) -> str:
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}, not {kind!r}")


def _label(bank: dict, kind: str) -> str:
    """The stem the exports are named by: ``NN-slug`` for a quiz, ``NN-slug-exam`` for an exam."""
    _check_kind(kind)
    label = bank["chapter"] if kind == "quiz" else f"{bank['chapter']}-exam"
    return label + (f"-seed{bank['seed']}" if "seed" in bank else "")


def xml_id(prefix: str, *parts: str) -> str:
    """A valid ``xs:ID``: ``prefix`` (starting with a letter), ``_``, then ``parts`` joined by
    hyphens, any character an NCName does not allow replaced by ``_``.

    Chapter slugs start with a digit (``01-what-belonging-is``), which an ID may not.
    """
    ident = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{prefix}_" + "-".join(parts))
    if not XML_ID.fullmatch(ident):
        raise ValueError(f"{ident!r} is not a valid XML identifier: start the prefix with a letter")
    return ident


def chapter_title(chapter: str, root: Path | None = None) -> str:
    """The chapter's title: the first ``# `` heading of ``book/chapters/<chapter>.md``.

    Without a chapter file (a bank exported on its own) the slug stands in for it.
    """
    root = root or Path(__file__).resolve().parents[3]
    path = root / "book" / "chapters" / f"{chapter}.md"
    if path.is_file():
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    words = chapter.split("-", 1)[-1].replace("-", " ")
    return words[:1].upper() + words[1:]


def gift_category(bank: dict, kind: str = "quiz", title: str | None = None) -> str:
    """``The Need to Belong/NN Chapter title`` (``... (exam)`` for an exam bank).

    Moodle reads ``/`` as a level of categories, so a slash in a title is doubled.
    """
    _check_kind(kind)
    number = bank["chapter"].split("-", 1)[0]
    title = (title or chapter_title(bank["chapter"])).replace("/", "//")
    return f"{COURSE}/{number} {title}" + (" (exam)" if kind == "exam" else "") + _seed_title(bank)


def many_choice_shares(n_correct: int) -> list[Decimal]:
    """The share of the marks each correct option of a select-all question earns: equal, as
    five-decimal numbers, the last one taking the rounding so that they add up to exactly 100."""
    share = (Decimal(100) / n_correct).quantize(Decimal("0.00001"))
    return [share] * (n_correct - 1) + [Decimal(100) - share * (n_correct - 1)]


def to_gift(bank: dict, kind: str = "quiz", title: str | None = None) -> str:
    """The bank in GIFT; ``title`` is the chapter's (looked up from the chapter file if not given)."""
    label = _label(bank, kind)
    lines = [f"// The Need to Belong, {kind} for chapter {bank['chapter']}.",
             f"// Generated from book/{KINDS[kind]} by `make lms`; edit the bank, not this file.", ""]
    if kind == "exam":
        lines.insert(1, "// Exam bank: not on the course website; keep it out of students' hands.")
    lines[-1:-1] = [f"$CATEGORY: {gift_category(bank, kind, title)}"]
    for number, q in enumerate(bank["questions"], start=1):
        objective = bank["objectives"][q["objective"]]
        lines.append(f"// {q['objective']}: {objective}")
        title_text = gift_escape(f"{label} Q{number} ({q['objective']})")
        lines.append(f"::{title_text}::{gift_escape(q['question'])} {{")
        n_correct = sum(a["correct"] for a in q["answers"])
        for a in q["answers"]:
            text, feedback = gift_escape(a["answer"]), gift_escape(a["feedback"])
            if q["type"] == "multiple_choice":
                mark = "=" if a["correct"] else "~"
            else:  # the select-all rule in the module docstring: equal shares; a wrong choice cancels all
                mark = f"~%{_weight(100 / n_correct)}%" if a["correct"] else "~%-100%"
            lines.append(f"\t{mark}{text}#{feedback}")
        lines.extend(["}", ""])
    return "\n".join(lines)


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _material(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    _text(material, "mattext", text, texttype="text/plain")


def _feedback_condition(processing: ET.Element, answer_id: str) -> None:
    """Show an option's feedback when it is chosen; sets no score."""
    condition = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    _text(ET.SubElement(condition, "conditionvar"), "varequal", answer_id, respident="response1")
    ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}-fb")


def _score_condition(processing: ET.Element, answer_id: str, action: str, value: str, go_on: bool) -> None:
    """When ``answer_id`` is chosen, ``action`` (Set or Add) ``value`` to SCORE."""
    condition = ET.SubElement(processing, "respcondition", {"continue": "Yes" if go_on else "No"})
    _text(ET.SubElement(condition, "conditionvar"), "varequal", answer_id, respident="response1")
    _text(condition, "setvar", value, action=action, varname="SCORE")


def _qti_item(section: ET.Element, label: str, number: int, q: dict) -> None:
    ident = xml_id("q", label, f"q{number}")
    item = ET.SubElement(section, "item", ident=ident, title=f"Q{number} ({q['objective']})")
    fields = ET.SubElement(ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata"), "qtimetadatafield")
    _text(fields, "fieldlabel", "question_type")
    kind = "multiple_choice_question" if q["type"] == "multiple_choice" else "multiple_answers_question"
    _text(fields, "fieldentry", kind)
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, q["question"])
    cardinality = "Single" if q["type"] == "multiple_choice" else "Multiple"
    # shuffle="Yes": the LMS shows each student the options in an order of their own
    choices = ET.SubElement(ET.SubElement(presentation, "response_lid", ident="response1",
                                          rcardinality=cardinality), "render_choice", shuffle="Yes")
    idents = [f"{ident}-a{i}" for i in range(len(q["answers"]))]
    for answer_id, a in zip(idents, q["answers"]):
        _material(ET.SubElement(choices, "response_label", ident=answer_id), a["answer"])
    processing = ET.SubElement(item, "resprocessing")
    _text(ET.SubElement(processing, "outcomes"), "decvar", "", maxvalue="100", minvalue="0",
          varname="SCORE", vartype="Decimal")
    for answer_id in idents:  # feedback for whichever option the learner picks
        _feedback_condition(processing, answer_id)
    correct = [i for i, a in zip(idents, q["answers"]) if a["correct"]]
    wrong = [i for i, a in zip(idents, q["answers"]) if not a["correct"]]
    if q["type"] == "multiple_choice":  # one condition scores, and it names only the correct option
        _score_condition(processing, correct[0], "Set", "100", go_on=False)
    else:  # the select-all rule in the module docstring
        for answer_id, share in zip(correct, many_choice_shares(len(correct))):
            _score_condition(processing, answer_id, "Add", str(share), go_on=True)
        for answer_id in wrong:
            _score_condition(processing, answer_id, "Set", "0", go_on=False)
    for answer_id, a in zip(idents, q["answers"]):
        feedback = ET.SubElement(item, "itemfeedback", ident=f"{answer_id}-fb")
        _material(ET.SubElement(feedback, "flow_mat"), a["feedback"])


def _seed(bank: dict) -> list[str]:
    """``["seedN"]`` for an exam variant (:mod:`belonging.lms.variants`), else nothing."""
    return [f"seed{bank['seed']}"] if "seed" in bank else []


def _seed_title(bank: dict) -> str:
    return f" (variant, seed {bank['seed']})" if "seed" in bank else ""


def to_qti_xml(bank: dict, kind: str = "quiz") -> bytes:
    label = _label(bank, kind)
    root = ET.Element("questestinterop", xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2")
    assessment = ET.SubElement(root, "assessment", ident=xml_id("bank", bank["chapter"], kind, *_seed(bank)),
                               title=f"The Need to Belong: chapter {bank['chapter']} {kind}" + _seed_title(bank))
    section = ET.SubElement(assessment, "section", ident="root_section")
    for number, q in enumerate(bank["questions"], start=1):
        _qti_item(section, label, number, q)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_qti_zip(bank: dict, kind: str = "quiz") -> bytes:
    _check_kind(kind)
    name = "-".join([bank["chapter"], kind, *_seed(bank)])  # file names may start with a digit; identifiers may not
    # A plain IMS content package: the Common Cartridge namespace would make Moodle take it for
    # a cartridge, which it is not (that is lms/the-need-to-belong.imscc).
    manifest = ET.Element("manifest", identifier=xml_id("manifest", bank["chapter"], kind, *_seed(bank)),
                          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1")
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(ET.SubElement(manifest, "resources"), "resource",
                             identifier=xml_id("res", bank["chapter"], kind, *_seed(bank)),
                             type="imsqti_xmlv1p2", href=f"{name}/{name}.xml")
    ET.SubElement(resource, "file", href=f"{name}/{name}.xml")
    ET.indent(manifest)
    buffer = io.BytesIO()
    files = {"imsmanifest.xml": ET.tostring(manifest, encoding="utf-8", xml_declaration=True),
             f"{name}/{name}.xml": to_qti_xml(bank, kind)}
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():  # a fixed date: the same bank gives the same bytes
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def load_exam(path: Path) -> dict:
    """An exam bank, checked by the same rules as a quiz bank before anything is exported."""
    bank = json.loads(path.read_text("utf-8"))
    errors = problems(bank)
    if not errors and bank["chapter"] != path.stem:
        errors = [f"chapter is {bank['chapter']!r} but the file is named {path.name}"]
    if errors:
        raise QuizError(f"exam {path.stem} has problems:\n- " + "\n- ".join(errors))
    return bank


def write_bank(bank: dict, kind: str, out: Path, root: Path) -> list[Path]:
    """Write ``bank`` as GIFT and as a QTI zip into ``out``; return both paths."""
    label = _label(bank, kind)
    gift, qti = out / f"{label}.gift.txt", out / f"{label}-qti.zip"
    gift.write_text(to_gift(bank, kind, chapter_title(bank["chapter"], root)), encoding="utf-8")
    qti.write_bytes(to_qti_zip(bank, kind))
    return [gift, qti]


def export_all(quizzes: Path, out: Path, exams: Path | None = None) -> list[Path]:
    """Write every quiz bank in ``quizzes`` and, if given, every exam bank in ``exams``.

    Every bank is validated first, so a broken one stops the export before anything misleads
    learners in an LMS.
    """
    out.mkdir(parents=True, exist_ok=True)
    banks = [(load_quiz(path.stem, start=quizzes.parent.parent), "quiz")  # validated before export
             for path in sorted(quizzes.glob("*.json"))]
    if exams is not None:
        banks += [(load_exam(path), "exam") for path in sorted(exams.glob("*.json"))]
    written = []
    for bank, kind in banks:
        written += write_bank(bank, kind, out, quizzes.parent.parent)
    return written
