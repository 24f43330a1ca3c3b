"""The whole course as one IMS Common Cartridge 1.1 (``lms/the-need-to-belong.imscc``).

An instructor imports one file and gets one module per chapter, in the order of
``book/_toc.yml``, each holding:

1. a **web link** to the chapter's page on the course site, ``<base URL>chapters/NN-slug.html``;
2. the chapter's **self-check quiz** (``book/quizzes/NN-slug.json``) as a QTI assessment;
3. the chapter's **exam bank** (``book/exams/NN-slug.json``) as a QTI assessment marked for
   instructors only (resource metadata ``intendedEndUserRole`` = Instructor): Canvas imports
   such an item unpublished and Moodle hidden, so students do not see it until the instructor
   decides. (Common Cartridge allows at most one question bank per cartridge, and no module
   may point at it, so each exam is an assessment rather than a question bank.);
4. the chapter's **learner notebook** (``exercises/NN-slug.ipynb``) as a file, byte for byte.

The base URL is where the course site is hosted. It comes from the ``BASE_URL`` environment
variable (``make lms BASE_URL=https://example.edu/belonging/``); without it the links point at
``DEFAULT_BASE_URL``, the address ``make serve`` uses, which only works on the instructor's own
machine. Anything but an absolute http(s) URL is refused with a ValueError naming BASE_URL.

Why version 1.1 and not 1.3: Moodle's importer recognises a cartridge only by the CC 1.0 or
1.1 manifest namespace, and it validates the manifest against the CC 1.1 schemas. Canvas,
Blackboard Learn and Brightspace (D2L) import 1.1 as well.

The QTI follows the Common Cartridge profile of QTI 1.2.1 (``cc.exam.v0p1``), which is stricter
than the QTI 1.2 files ``lms`` writes for direct import: ``setvar`` may only ``Set`` (no
``Add``), and a condition may only use ``varequal``, ``and``, and ``not`` inside ``and``.
So the scoring rules of :mod:`belonging.lms.formats` are written this way:

* **single answer** (``cc.multiple_choice.v0p1``): one condition per option, which shows that
  option's feedback and sets SCORE: 100 for the correct option, 0 for any other. Only the
  correct option's condition gives marks.
* **select all that apply** (``cc.multiple_response.v0p1``): the same rule as everywhere else
  (each correct option chosen earns an equal share; any wrong option chosen scores zero),
  written as one condition per possible set of correct options, each naming exactly which
  options are chosen and which are not (``and`` of ``varequal`` and ``not``), and setting that
  set's share. The full set sets 100, which is how Moodle's importer finds the correct options.
  Choosing a wrong option sets SCORE to 0 and ends processing. Every option's feedback sits in
  a condition that names that option first and does not continue (see ``_select_all_scoring``),
  so Moodle's general feedback, shown to every student after an attempt, stays empty.

Every ``render_choice`` asks the LMS to shuffle the options (``shuffle="Yes"``). Only the exam
says ``qmd_assessmenttype`` (Examination): Canvas turns an assessment that says it into a graded
quiz, and the self-check quizzes are practice. Canvas imports every quiz of a cartridge
unpublished (its Common Cartridge route never marks a quiz available), so the instructor
publishes the self-check quizzes there; the guide says so.

The archive is deterministic: files in a fixed order, every entry dated 1980-01-01 00:00 with
the same permissions, so two runs give the same bytes and an instructor can diff two versions.
"""
from __future__ import annotations

import io
import itertools
import os
import zipfile
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import yaml

from . import formats
from ..pages.quiz import QuizError, load_quiz

#: Where the links point when BASE_URL is not set: the address ``make serve`` serves the site at.
DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
CARTRIDGE_NAME = "the-need-to-belong.imscc"

CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_MANIFEST_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
LOM_RESOURCE_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
WEBLINK_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1/"
#: Each namespace of the cartridge with the CC 1.1 schema that defines it.
SCHEMAS = {
    CC_NS: _PROFILE + "ccv1p1_imscp_v1p2_v1p0.xsd",
    LOM_MANIFEST_NS: _PROFILE + "LOM/ccv1p1_lommanifest_v1p0.xsd",
    LOM_RESOURCE_NS: _PROFILE + "LOM/ccv1p1_lomresource_v1p0.xsd",
    WEBLINK_NS: _PROFILE + "ccv1p1_imswl_v1p1.xsd",
    QTI_NS: _PROFILE + "ccv1p1_qtiasiv1p2p1_v1p0.xsd",
}
#: Resource types of CC 1.1 used here.
WEBLINK = "imswl_xmlv1p1"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
WEBCONTENT = "webcontent"
#: Every zip entry gets this date, so the archive does not change with the clock.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def base_url(value: str | None = None) -> str:
    """The site's base URL, checked and ending in ``/``: ``value``, else the BASE_URL
    environment variable, else ``DEFAULT_BASE_URL``."""
    if value is None:
        value = os.environ.get("BASE_URL") or DEFAULT_BASE_URL
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(
            f"BASE_URL must be an absolute http:// or https:// address of the course site "
            f"without ?query or #fragment, such as https://example.edu/belonging/; got {value!r}")
    return value.strip().rstrip("/") + "/"


def toc_chapters(toc: Path) -> list[str]:
    """The chapter slugs (``NN-slug``) in table-of-contents order: every ``chapters/`` entry."""
    found = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if str(node.get("file", "")).startswith("chapters/"):
                found.append(node["file"].split("/", 1)[1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(toc.read_text("utf-8")))
    return found


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _schema_location(*namespaces: str) -> str:
    return " ".join(f"{ns} {SCHEMAS[ns]}" for ns in namespaces)


# --- QTI (the Common Cartridge profile) ---------------------------------------------------------

def _material(parent: ET.Element, text: str) -> None:
    _text(ET.SubElement(parent, "material"), "mattext", text, texttype="text/plain")


def _metadata(parent: ET.Element, fields: dict[str, str]) -> None:
    qtimetadata = ET.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ET.SubElement(qtimetadata, "qtimetadatafield")
        _text(field, "fieldlabel", label)
        _text(field, "fieldentry", entry)


def _condition(processing: ET.Element, go_on: bool) -> tuple[ET.Element, ET.Element]:
    condition = ET.SubElement(processing, "respcondition", {"continue": "Yes" if go_on else "No"})
    return condition, ET.SubElement(condition, "conditionvar")


def _chosen(parent: ET.Element, answer_id: str) -> None:
    _text(parent, "varequal", answer_id, respident="response1", case="Yes")


def _single_answer_scoring(processing: ET.Element, idents: list[str], answers: list[dict]) -> None:
    """One condition per option: its feedback, and 100 if it is the correct option, else 0."""
    for answer_id, answer in zip(idents, answers):
        condition, test = _condition(processing, go_on=False)
        _chosen(test, answer_id)
        _text(condition, "setvar", "100" if answer["correct"] else "0", action="Set", varname="SCORE")
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}-fb")


def _select_all_scoring(processing: ET.Element, idents: list[str], answers: list[dict]) -> None:
    """The select-all rule, with every option's feedback, and no condition that both shows
    feedback and says ``continue="Yes"``: Moodle's importer joins the feedback of all such
    conditions into the question's general feedback, which every student reads after an attempt.

    1. each wrong option: choosing it sets SCORE to 0, shows its feedback and ends processing;
    2. one exact condition per non-empty set of correct options (``and`` of ``varequal`` and
       ``not``) sets that set's share; they exclude one another, so they may all continue;
    3. each correct option: its feedback, ending processing. An engine that runs the conditions
       shows the first correct option chosen; importers (Moodle, Canvas) read each option's
       feedback from the condition that names it first.
    """
    correct = [i for i, a in zip(idents, answers) if a["correct"]]
    for answer_id in (i for i in idents if i not in correct):
        condition, test = _condition(processing, go_on=False)
        _chosen(test, answer_id)
        _text(condition, "setvar", "0", action="Set", varname="SCORE")
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}-fb")
    share = formats.many_choice_shares(len(correct))
    for size in range(len(correct), 0, -1):
        # full marks written as "100": Moodle's importer finds the correct options by it
        value = "100" if size == len(correct) else str(sum(share[:size]))
        for subset in itertools.combinations(correct, size):
            condition, test = _condition(processing, go_on=True)
            both = ET.SubElement(test, "and")
            for answer_id in idents:
                _chosen(both if answer_id in subset else ET.SubElement(both, "not"), answer_id)
            _text(condition, "setvar", value, action="Set", varname="SCORE")
    for answer_id in correct:
        condition, test = _condition(processing, go_on=False)
        _chosen(test, answer_id)
        ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{answer_id}-fb")


def _item(section: ET.Element, label: str, number: int, q: dict) -> None:
    ident = formats.xml_id("q", label, f"q{number}")
    item = ET.SubElement(section, "item", ident=ident, title=f"{label} Q{number} ({q['objective']})")
    single = q["type"] == "multiple_choice"
    profile = "cc.multiple_choice.v0p1" if single else "cc.multiple_response.v0p1"
    _metadata(ET.SubElement(item, "itemmetadata"), {"cc_profile": profile})
    presentation = ET.SubElement(item, "presentation")
    _material(presentation, q["question"])
    response = ET.SubElement(presentation, "response_lid", ident="response1",
                             rcardinality="Single" if single else "Multiple")
    choices = ET.SubElement(response, "render_choice", shuffle="Yes")  # the LMS shows each student its own order
    idents = [f"{ident}-a{i}" for i in range(len(q["answers"]))]
    for answer_id, answer in zip(idents, q["answers"]):
        _material(ET.SubElement(choices, "response_label", ident=answer_id), answer["answer"])
    processing = ET.SubElement(item, "resprocessing")
    ET.SubElement(ET.SubElement(processing, "outcomes"), "decvar", varname="SCORE", vartype="Decimal",
                  minvalue="0", maxvalue="100")
    scoring = _single_answer_scoring if single else _select_all_scoring
    scoring(processing, idents, q["answers"])
    for answer_id, answer in zip(idents, q["answers"]):
        feedback = ET.SubElement(item, "itemfeedback", ident=f"{answer_id}-fb")
        _material(ET.SubElement(feedback, "flow_mat"), answer["feedback"])


def assessment_metadata(kind: str) -> dict[str, str]:
    """The assessment's settings. A quiz is practice (any number of attempts); an exam is sat once
    unless the instructor says otherwise. Only the exam says ``qmd_assessmenttype`` Examination
    (the one value the profile allows): Canvas makes any assessment that says it a graded quiz
    with a gradebook column, and the self-check quizzes are not graded."""
    fields = {"cc_profile": "cc.exam.v0p1", "qmd_assessmenttype": "Examination",
              "qmd_scoretype": "Percentage", "qmd_feedbackpermitted": "Yes",
              "cc_maxattempts": "unlimited" if kind == "quiz" else "1"}
    if kind == "quiz":
        del fields["qmd_assessmenttype"]
    return fields


def assessment_xml(bank: dict, kind: str, title: str) -> bytes:
    """A bank as one CC QTI assessment (``cc.exam.v0p1``) titled ``title``."""
    label = formats._label(bank, kind)
    root = ET.Element("questestinterop", {"xmlns": QTI_NS, "xmlns:xsi": XSI_NS,
                                          "xsi:schemaLocation": _schema_location(QTI_NS)})
    assessment = ET.SubElement(root, "assessment", ident=formats.xml_id("assessment", bank["chapter"], kind),
                               title=title)
    _metadata(assessment, assessment_metadata(kind))
    section = ET.SubElement(assessment, "section", ident=formats.xml_id("section", bank["chapter"], kind))
    for number, q in enumerate(bank["questions"], start=1):
        _item(section, label, number, q)
    return _xml(root)


def weblink_xml(title: str, url: str) -> bytes:
    root = ET.Element("webLink", {"xmlns": WEBLINK_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": _schema_location(WEBLINK_NS)})
    _text(root, "title", title)
    ET.SubElement(root, "url", href=url, target="_blank")
    return _xml(root)


# --- the manifest and the archive -------------------------------------------------------------

def _chapter_files(root: Path, chapter: str) -> dict[str, Path]:
    files = {"quiz": root / "book" / "quizzes" / f"{chapter}.json",
             "exam": root / "book" / "exams" / f"{chapter}.json",
             "notebook": root / "exercises" / f"{chapter}.ipynb"}
    missing = [str(p.relative_to(root)) for p in files.values() if not p.is_file()]
    if missing:
        raise QuizError(f"chapter {chapter} is in book/_toc.yml but has no {', '.join(missing)}: "
                        "every chapter needs a quiz bank, an exam bank and a learner notebook")
    return files


def _resource(resources: ET.Element, ident: str, kind: str, path: str, instructors_only: bool = False) -> None:
    """A resource of one file. Links and assessments must not have an ``href`` (CC 1.1 rules
    2c and 3c); web content referred to by an item must."""
    attrs = {"identifier": ident, "type": kind}
    if kind == WEBCONTENT:
        attrs["href"] = path
    resource = ET.SubElement(resources, "resource", attrs)
    if instructors_only:
        lom = ET.SubElement(ET.SubElement(resource, "metadata"), "lom:lom")
        role = ET.SubElement(ET.SubElement(lom, "lom:educational"), "lom:intendedEndUserRole")
        _text(role, "lom:source", "IMSGLC_CC_Rolesv1p1")
        _text(role, "lom:value", "Instructor")
    ET.SubElement(resource, "file", href=path)


def build(root: Path, url: str) -> dict[str, bytes]:
    """Every file of the cartridge, by its path in the archive, ``imsmanifest.xml`` first."""
    url = base_url(url)
    chapters = toc_chapters(root / "book" / "_toc.yml")
    if not chapters:
        raise QuizError("book/_toc.yml lists no chapters/ pages")
    manifest = ET.Element("manifest", {
        "identifier": formats.xml_id("cartridge", "the-need-to-belong"),
        # Moodle recognises a CC 1.1 cartridge by this declaration in the first 1024 bytes.
        "xmlns": CC_NS, "xmlns:lomimscc": LOM_MANIFEST_NS, "xmlns:lom": LOM_RESOURCE_NS,
        "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": _schema_location(CC_NS, LOM_MANIFEST_NS, LOM_RESOURCE_NS)})
    metadata = ET.SubElement(manifest, "metadata")
    _text(metadata, "schema", "IMS Common Cartridge")
    _text(metadata, "schemaversion", "1.1.0")
    general = ET.SubElement(ET.SubElement(metadata, "lomimscc:lom"), "lomimscc:general")
    _text(ET.SubElement(general, "lomimscc:title"), "lomimscc:string", formats.COURSE, language="en")
    organization = ET.SubElement(ET.SubElement(manifest, "organizations"), "organization",
                                 identifier="organization", structure="rooted-hierarchy")
    top = ET.SubElement(organization, "item", identifier="LearningModules")
    resources = ET.SubElement(manifest, "resources")
    files: dict[str, bytes] = {}
    for chapter in chapters:
        paths = _chapter_files(root, chapter)
        title = formats.chapter_title(chapter, root)
        number = chapter.split("-", 1)[0]
        module = ET.SubElement(top, "item", identifier=formats.xml_id("module", chapter))
        _text(module, "title", f"{number}. {title}")
        banks = {"quiz": load_quiz(chapter, start=root), "exam": formats.load_exam(paths["exam"])}
        contents = [
            ("reading", f"Read the chapter: {title}", WEBLINK, f"{chapter}/weblink.xml",
             weblink_xml(f"{number}. {title}", f"{url}chapters/{chapter}.html")),
            ("quiz", f"Self-check quiz: {title}", ASSESSMENT, f"{chapter}/quiz.xml",
             assessment_xml(banks["quiz"], "quiz", f"{number}. {title}: self-check quiz")),
            ("exam", f"Exam bank, instructors only: {title}", ASSESSMENT, f"{chapter}/exam.xml",
             assessment_xml(banks["exam"], "exam", f"{number}. {title}: exam (instructors only)")),
            ("notebook", f"Exercise notebook (Jupyter): {title}", WEBCONTENT,
             f"web_resources/exercises/{chapter}.ipynb", paths["notebook"].read_bytes()),
        ]
        for part, item_title, kind, path, data in contents:
            resource_id = formats.xml_id("resource", chapter, part)
            item = ET.SubElement(module, "item", identifier=formats.xml_id("item", chapter, part),
                                 identifierref=resource_id)
            _text(item, "title", item_title)
            _resource(resources, resource_id, kind, path, instructors_only=part == "exam")
            files[path] = data
    return {"imsmanifest.xml": _xml(manifest), **files}


def to_imscc(files: dict[str, bytes]) -> bytes:
    """The files as a zip with fixed dates and permissions: the same bytes on every run."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system writes it
            archive.writestr(info, data)
    return buffer.getvalue()


def write(root: Path, out: Path, url: str | None = None) -> Path:
    """Write ``out/the-need-to-belong.imscc`` for the course in ``root``; return its path."""
    data = to_imscc(build(root, base_url(url)))
    out.mkdir(parents=True, exist_ok=True)
    path = out / CARTRIDGE_NAME
    path.write_bytes(data)
    return path
