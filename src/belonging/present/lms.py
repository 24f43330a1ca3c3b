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
(in its title), so the LMS copy teaches the same way the course does.
Run ``make lms``; the files go to ``lms/`` (not checked in: regenerate them from the banks).
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from .quiz import QuizError, load_quiz, problems

#: The two kinds of bank: where each lives under ``book/`` and how its exports are named.
KINDS = {"quiz": "quizzes", "exam": "exams"}
GIFT_SPECIAL = "~=#{}:\\"


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
    return bank["chapter"] if kind == "quiz" else f"{bank['chapter']}-exam"


def to_gift(bank: dict, kind: str = "quiz") -> str:
    label = _label(bank, kind)
    lines = [f"// The Need to Belong, {kind} for chapter {bank['chapter']}.",
             f"// Generated from book/{KINDS[kind]} by `make lms`; edit the bank, not this file.", ""]
    if kind == "exam":
        lines.insert(1, "// Exam bank: not on the course website; keep it out of students' hands.")
    for number, q in enumerate(bank["questions"], start=1):
        objective = bank["objectives"][q["objective"]]
        lines.append(f"// {q['objective']}: {objective}")
        title = gift_escape(f"{label} Q{number} ({q['objective']})")
        lines.append(f"::{title}::{gift_escape(q['question'])} {{")
        n_correct = sum(a["correct"] for a in q["answers"])
        for a in q["answers"]:
            text, feedback = gift_escape(a["answer"]), gift_escape(a["feedback"])
            if q["type"] == "multiple_choice":
                mark = "=" if a["correct"] else "~"
            else:  # many_choice: correct options share 100%; each wrong one cancels it
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


def _qti_item(section: ET.Element, label: str, number: int, q: dict) -> None:
    ident = f"{label}-q{number}"
    item = ET.SubElement(section, "item", ident=ident, title=f"Q{number} ({q['objective']})")
    fields = ET.SubElement(ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata"), "qtimetadatafield")
    _text(fields, "fieldlabel", "question_type")
    kind = "multiple_choice_question" if q["type"] == "multiple_choice" else "multiple_answers_question"
    _text(fields, "fieldentry", kind)
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, q["question"])
    cardinality = "Single" if q["type"] == "multiple_choice" else "Multiple"
    choices = ET.SubElement(ET.SubElement(presentation, "response_lid", ident="response1",
                                          rcardinality=cardinality), "render_choice")
    idents = [f"{ident}-a{i}" for i in range(len(q["answers"]))]
    for answer_id, a in zip(idents, q["answers"]):
        _material(ET.SubElement(choices, "response_label", ident=answer_id), a["answer"])
    processing = ET.SubElement(item, "resprocessing")
    _text(ET.SubElement(processing, "outcomes"), "decvar", "", maxvalue="100", minvalue="0",
          varname="SCORE", vartype="Decimal")
    for answer_id in idents:  # feedback for whichever option the learner picks
        condition = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
        _text(ET.SubElement(condition, "conditionvar"), "varequal", answer_id, respident="response1")
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}-fb")
    scoring = ET.SubElement(processing, "respcondition", {"continue": "No"})
    wanted = ET.SubElement(ET.SubElement(scoring, "conditionvar"), "and")
    for answer_id, a in zip(idents, q["answers"]):
        if a["correct"]:
            _text(wanted, "varequal", answer_id, respident="response1")
        else:
            _text(ET.SubElement(wanted, "not"), "varequal", answer_id, respident="response1")
    _text(scoring, "setvar", "100", action="Set", varname="SCORE")
    for answer_id, a in zip(idents, q["answers"]):
        feedback = ET.SubElement(item, "itemfeedback", ident=f"{answer_id}-fb")
        _material(ET.SubElement(feedback, "flow_mat"), a["feedback"])


def to_qti_xml(bank: dict, kind: str = "quiz") -> bytes:
    label = _label(bank, kind)
    root = ET.Element("questestinterop", xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2")
    assessment = ET.SubElement(root, "assessment", ident=f"{bank['chapter']}-{kind}",
                               title=f"The Need to Belong: chapter {bank['chapter']} {kind}")
    section = ET.SubElement(assessment, "section", ident="root_section")
    for number, q in enumerate(bank["questions"], start=1):
        _qti_item(section, label, number, q)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_qti_zip(bank: dict, kind: str = "quiz") -> bytes:
    _check_kind(kind)
    ident = f"{bank['chapter']}-{kind}"
    manifest = ET.Element("manifest", identifier=f"{ident}-manifest",
                          xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1")
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(ET.SubElement(manifest, "resources"), "resource", identifier=ident,
                             type="imsqti_xmlv1p2", href=f"{ident}/{ident}.xml")
    ET.SubElement(resource, "file", href=f"{ident}/{ident}.xml")
    ET.indent(manifest)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", ET.tostring(manifest, encoding="utf-8", xml_declaration=True))
        archive.writestr(f"{ident}/{ident}.xml", to_qti_xml(bank, kind))
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


def _write(bank: dict, kind: str, out: Path) -> list[Path]:
    label = _label(bank, kind)
    gift, qti = out / f"{label}.gift.txt", out / f"{label}-qti.zip"
    gift.write_text(to_gift(bank, kind), encoding="utf-8")
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
        written += _write(bank, kind, out)
    return written


def main() -> None:
    root = Path.cwd()
    written = export_all(root / "book" / "quizzes", root / "lms", root / "book" / "exams")
    if not written:
        sys.exit("no quiz banks found in book/quizzes")
    for path in written:
        print(f"wrote {path.relative_to(root)}")


if __name__ == "__main__":
    main()
