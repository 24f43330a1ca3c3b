"""The Common Cartridge `make lms` writes, read back as an LMS would read it and checked against
the sources: the table of contents, the quiz and exam banks, and the learner notebooks.

Expected values come from book/_toc.yml, the bank JSON and the notebook files, never from the
cartridge module. The structural rules are the CC 1.1 schema and its Schematron rules as
Moodle ships them (backup/cc/schemas11), and what Moodle's and Canvas's importers look for.
"""
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from belonging.lms import cartridge
from scoring import choices, holds, qti_score, rule_score  # tests/lms/scoring.py, shared with test_lms

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://courses.example.edu/belonging/"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOMR = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
WL = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = {"cp": CP, "lom": LOMR, "wl": WL, "q": QTI}
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def toc_chapters():
    """Chapter slugs in the order book/_toc.yml lists them (read here, independently)."""
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text("utf-8"))
    return [entry["file"].split("/", 1)[1] for part in toc["parts"] for entry in part["chapters"]
            if entry["file"].startswith("chapters/")]


CHAPTERS = toc_chapters()


def bank(kind, chapter):
    folder = {"quiz": "quizzes", "exam": "exams"}[kind]
    return json.loads((ROOT / "book" / folder / f"{chapter}.json").read_text("utf-8"))


def heading(chapter):
    text = (ROOT / "book" / "chapters" / f"{chapter}.md").read_text("utf-8")
    return re.search(r"^# (.+)$", text, flags=re.M).group(1).strip()


@pytest.fixture(scope="module")
def imscc(tmp_path_factory):
    path = cartridge.write(ROOT, tmp_path_factory.mktemp("lms"), BASE)
    return path.read_bytes()


@pytest.fixture(scope="module")
def archive(imscc):
    return zipfile.ZipFile(io.BytesIO(imscc))


@pytest.fixture(scope="module")
def manifest(archive):
    return ET.fromstring(archive.read("imsmanifest.xml"))


def modules(manifest):
    return manifest.findall("cp:organizations/cp:organization/cp:item/cp:item", NS)


def resource(manifest, ident):
    found = manifest.findall(f"cp:resources/cp:resource[@identifier='{ident}']", NS)
    assert len(found) == 1, ident
    return found[0]


def module_resources(manifest, module):
    """The resources a module's items point at, as (item title, resource element)."""
    return [(item.find("cp:title", NS).text, resource(manifest, item.get("identifierref")))
            for item in module.findall("cp:item", NS)]


def by_type(manifest, module, kind):
    return [r for _, r in module_resources(manifest, module) if r.get("type") == kind]


# --- the package ------------------------------------------------------------------------------

def test_the_manifest_is_common_cartridge_1_1(archive, manifest):
    assert archive.namelist()[0] == "imsmanifest.xml"
    assert manifest.tag == f"{{{CP}}}manifest"
    assert manifest.find("cp:metadata/cp:schema", NS).text == "IMS Common Cartridge"
    assert manifest.find("cp:metadata/cp:schemaversion", NS).text == "1.1.0"
    locations = manifest.get(f"{{{XSI}}}schemaLocation").split()
    pairs = dict(zip(locations[::2], locations[1::2]))
    assert pairs[CP] == "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd"
    assert pairs[LOMR] == "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd"
    # The schema's order: metadata, organizations, resources; a single rooted organization.
    assert [c.tag.split("}")[1] for c in manifest] == ["metadata", "organizations", "resources"]
    organizations = manifest.findall("cp:organizations/cp:organization", NS)
    assert len(organizations) == 1 and organizations[0].get("structure") == "rooted-hierarchy"
    assert organizations[0].find("cp:item/cp:title", NS) is None  # the root item has no title


def test_moodle_recognises_the_cartridge(archive):
    """Moodle's imscc11 converter reads the first 500 bytes of the manifest, drops whitespace
    and quotes, and looks for the CC 1.1 namespace declaration (backup/converter/imscc11)."""
    head = archive.read("imsmanifest.xml")[:500].decode("utf-8").lower()
    head = re.sub(r"\s", "", head).replace('"', "").replace("'", "")
    assert "xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" in head


def test_one_module_per_chapter_in_table_of_contents_order(manifest):
    found = modules(manifest)
    assert [m.find("cp:title", NS).text for m in found] == [
        f"{c.split('-')[0]}. {heading(c)}" for c in CHAPTERS]
    for module in found:  # a reading, a quiz, an exam and a notebook in each
        kinds = [r.get("type") for _, r in module_resources(manifest, module)]
        assert kinds == [cartridge.WEBLINK, cartridge.ASSESSMENT, cartridge.ASSESSMENT, cartridge.WEBCONTENT]


@pytest.mark.parametrize("index", range(len(CHAPTERS)), ids=CHAPTERS)
def test_each_module_links_to_its_chapter_page(archive, manifest, index):
    chapter = CHAPTERS[index]
    (link,) = by_type(manifest, modules(manifest)[index], "imswl_xmlv1p1")
    weblink = ET.fromstring(archive.read(link.find("cp:file", NS).get("href")))
    assert weblink.tag == f"{{{WL}}}webLink"
    assert weblink.find("wl:url", NS).get("href") == f"{BASE}chapters/{chapter}.html"
    assert heading(chapter) in weblink.find("wl:title", NS).text


# --- the quiz and the exam ------------------------------------------------------------------

def feedback_shown(item, chosen):
    """The feedback texts a learner sees for the options chosen."""
    texts = {f.get("ident"): f.find(".//q:mattext", NS).text for f in item.findall("q:itemfeedback", NS)}
    shown = []
    for condition in item.findall("q:resprocessing/q:respcondition", NS):
        if holds(condition.find("q:conditionvar", NS), chosen):
            shown += [texts[d.get("linkrefid")] for d in condition.findall("q:displayfeedback", NS)]
            if condition.get("continue", "No") == "No":
                break
    return shown


def assessment(archive, res):
    files = res.findall("cp:file", NS)
    assert len(files) == 1 and res.get("href") is None  # CC 1.1 rules 3a-3c
    return ET.fromstring(archive.read(files[0].get("href")))


@pytest.mark.parametrize("kind, position", [("quiz", 0), ("exam", 1)])
@pytest.mark.parametrize("index", range(len(CHAPTERS)), ids=CHAPTERS)
def test_quiz_and_exam_hold_every_question_scored_by_the_rule_with_feedback(archive, manifest, index, kind, position):
    source = bank(kind, CHAPTERS[index])
    res = by_type(manifest, modules(manifest)[index], cartridge.ASSESSMENT)[position]
    items = assessment(archive, res).findall("q:assessment/q:section/q:item", NS)
    assert len(items) == len(source["questions"])
    for item, q in zip(items, source["questions"]):
        assert item.find("q:presentation/q:material/q:mattext", NS).text == q["question"]
        labels = item.findall(".//q:response_label", NS)
        assert [l.find(".//q:mattext", NS).text for l in labels] == [a["answer"] for a in q["answers"]]
        ids = [l.get("ident") for l in labels]
        for i, answer in enumerate(q["answers"]):  # choosing an option alone shows its feedback
            assert answer["feedback"] in feedback_shown(item, {ids[i]})
        for chosen in choices(q):  # every possible answer scores by the rule
            expected = rule_score(q, chosen)
            tolerance = 0 if expected in (0, 100) else 1e-4
            got = qti_score(item, {ids[i] for i in chosen})
            assert got == pytest.approx(expected, abs=tolerance), (q["question"], chosen)


def test_moodle_finds_the_correct_options(archive, manifest):
    """Moodle's importer (entity11.quiz) marks as correct a select-all option named, case="Yes"
    and not inside <not>, in the condition that sets SCORE to 100; a single-answer option is
    correct when the condition that names it first sets a non-zero score."""
    for index, chapter in enumerate(CHAPTERS):
        for kind, res in zip(("quiz", "exam"), by_type(manifest, modules(manifest)[index], cartridge.ASSESSMENT)):
            items = assessment(archive, res).findall(".//q:item", NS)
            for item, q in zip(items, bank(kind, chapter)["questions"]):
                ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
                right = {i for i, a in zip(ids, q["answers"]) if a["correct"]}
                conditions = item.findall("q:resprocessing/q:respcondition", NS)
                if q["type"] == "many_choice":
                    full = [c for c in conditions if c.findtext("q:setvar", namespaces=NS) == "100"]
                    assert len(full) == 1
                    named = {v.text for v in full[0].findall("q:conditionvar/q:and/q:varequal[@case='Yes']", NS)}
                else:
                    named = {c.find("q:conditionvar/q:varequal", NS).text for c in conditions
                             if float(c.findtext("q:setvar", "0", NS)) > 0}
                assert named == right


def test_the_exam_is_for_instructors_and_the_rest_for_everyone(manifest):
    """Canvas imports an item whose resource's intendedEndUserRole is Instructor unpublished,
    and Moodle hides it; no other item may carry the role."""
    for index, chapter in enumerate(CHAPTERS):
        for title, res in module_resources(manifest, modules(manifest)[index]):
            roles = [v.text for v in res.findall("cp:metadata/lom:lom/lom:educational/lom:intendedEndUserRole/lom:value", NS)]
            is_exam = res.find("cp:file", NS).get("href") == f"{chapter}/exam.xml"
            assert roles == (["Instructor"] if is_exam else []), title
            assert ("instructors only" in title.lower()) == is_exam


def test_the_qti_keeps_to_the_common_cartridge_profile(archive, manifest):
    """The CC 1.1 profile of QTI 1.2.1: setvar may only Set, conditions use varequal and and
    (with not only inside and), one SCORE variable without a default, cc_profile metadata on
    the assessment and every item, at least three options for single answer, and every
    itemfeedback with a displayfeedback that shows it (and the other way round)."""
    for res in manifest.findall(f"cp:resources/cp:resource[@type='{cartridge.ASSESSMENT}']", NS):
        root = assessment(archive, res)
        fields = {f.findtext("q:fieldlabel", namespaces=NS): f.findtext("q:fieldentry", namespaces=NS)
                  for f in root.findall("q:assessment/q:qtimetadata/q:qtimetadatafield", NS)}
        assert fields["cc_profile"] == "cc.exam.v0p1"
        # the one value the profile allows, or none (see test_canvas_grades_only_the_exams)
        assert fields.get("qmd_assessmenttype", "Examination") == "Examination"
        assert fields["cc_maxattempts"] in {"1", "2", "3", "4", "5", "unlimited"}
        assert len(root.findall("q:assessment/q:section", NS)) == 1
        for item in root.iter(f"{{{QTI}}}item"):
            labels = [f.findtext("q:fieldlabel", namespaces=NS) for f in item.findall(".//q:qtimetadatafield", NS)]
            assert labels == ["cc_profile"]
            profile = item.findtext(".//q:fieldentry", namespaces=NS)
            cardinality = item.find(".//q:response_lid", NS).get("rcardinality")
            n = len(item.findall(".//q:response_label", NS))
            assert (profile, cardinality) in {("cc.multiple_choice.v0p1", "Single"),
                                              ("cc.multiple_response.v0p1", "Multiple")}
            assert n >= (3 if cardinality == "Single" else 2)
            decvars = item.findall("q:resprocessing/q:outcomes/q:decvar", NS)
            assert len(decvars) == 1 and decvars[0].get("varname") == "SCORE" and decvars[0].get("defaultval") is None
            for setvar in item.iter(f"{{{QTI}}}setvar"):
                assert setvar.get("action") == "Set"
            for test in item.iter(f"{{{QTI}}}conditionvar"):
                assert {c.tag.split("}")[1] for c in test} <= {"varequal", "and"}
            for both in item.iter(f"{{{QTI}}}and"):
                assert {c.tag.split("}")[1] for c in both} <= {"varequal", "not"}
            for negation in item.iter(f"{{{QTI}}}not"):
                assert [c.tag.split("}")[1] for c in negation] == ["varequal"]
            for choice in item.iter(f"{{{QTI}}}render_choice"):  # render_choiceType in the profile's XSD
                assert set(choice.attrib) <= {"shuffle", "minnumber", "maxnumber"}
                assert choice.get("shuffle", "No") in {"Yes", "No"}
            shown = {d.get("linkrefid") for d in item.iter(f"{{{QTI}}}displayfeedback")}
            assert shown == {f.get("ident") for f in item.findall("q:itemfeedback", NS)}
            assert {d.get("feedbacktype") for d in item.iter(f"{{{QTI}}}displayfeedback")} == {"Response"}


# --- what each LMS's importer does with it ----------------------------------------------------

def assessments_by_kind(archive, manifest):
    """(chapter, "quiz" or "exam", parsed assessment) for every assessment of the cartridge."""
    for index, chapter in enumerate(CHAPTERS):
        for kind, res in zip(("quiz", "exam"), by_type(manifest, modules(manifest)[index], cartridge.ASSESSMENT)):
            yield chapter, kind, assessment(archive, res)


def canvas_quiz_type(root):
    """Canvas's CC route: QTIMigrationTool copies qmd_assessmenttype into quiz_type, then
    assessment_test_converter.rb sets quiz_type "assignment" (a graded quiz with a gradebook
    column) if it matches /examination|test|quiz/i; otherwise the quiz stays "practice_quiz"."""
    for field in root.findall("q:assessment/q:qtimetadata/q:qtimetadatafield", NS):
        if field.findtext("q:fieldlabel", namespaces=NS) == "qmd_assessmenttype":
            if re.search(r"examination|test|quiz", field.findtext("q:fieldentry", "", NS), re.I):
                return "assignment"
    return "practice_quiz"


def test_canvas_grades_only_the_exams(archive, manifest):
    kinds = {(chapter, kind): canvas_quiz_type(root) for chapter, kind, root in assessments_by_kind(archive, manifest)}
    assert len(kinds) == 2 * len(CHAPTERS)
    for (chapter, kind), quiz_type in kinds.items():
        assert quiz_type == ("assignment" if kind == "exam" else "practice_quiz"), (chapter, kind)


def moodle_general_feedback(item):
    """entity11.quiz.class.php get_general_feedback(): the feedback of every respcondition with
    continue="yes" (any case) that has a displayfeedback, joined. Moodle's default review options
    show it to every student after an attempt."""
    texts = {f.get("ident"): f.findtext(".//q:mattext", "", NS) for f in item.findall("q:itemfeedback", NS)}
    shown = []
    for condition in item.findall("q:resprocessing/q:respcondition", NS):
        if (condition.get("continue") or "").lower() == "yes":
            shown += [texts[d.get("linkrefid")] for d in condition.findall("q:displayfeedback", NS)]
    return " ".join(shown)


def moodle_option_feedback(item, answer_id):
    """entity11 get_feedback(): every condition whose first varequal directly under conditionvar
    names the option gives it its displayfeedback texts."""
    texts = {f.get("ident"): f.findtext(".//q:mattext", "", NS) for f in item.findall("q:itemfeedback", NS)}
    found = []
    for condition in item.findall("q:resprocessing/q:respcondition", NS):
        first = condition.find("q:conditionvar/q:varequal", NS)
        if first is not None and first.text.lower() == answer_id.lower():
            found += [texts[d.get("linkrefid")] for d in condition.findall("q:displayfeedback", NS)]
    return found


def test_moodle_shows_no_key_in_general_feedback_and_each_option_its_own(archive, manifest):
    checked = 0
    for chapter, kind, root in assessments_by_kind(archive, manifest):
        for item, q in zip(root.findall(".//q:item", NS), bank(kind, chapter)["questions"]):
            assert moodle_general_feedback(item) == "", (chapter, kind, q["question"])
            ids = [l.get("ident") for l in item.findall(".//q:response_label", NS)]
            for answer_id, answer in zip(ids, q["answers"]):
                assert moodle_option_feedback(item, answer_id) == [answer["feedback"]]
            checked += q["type"] == "many_choice"
    assert checked > 0  # select-all questions were among them


def test_every_question_asks_the_lms_to_shuffle_its_options(archive, manifest):
    for chapter, kind, root in assessments_by_kind(archive, manifest):
        choices = list(root.iter(f"{{{QTI}}}render_choice"))
        assert choices and all(c.get("shuffle") == "Yes" for c in choices), (chapter, kind)


# --- the notebooks, references and identifiers -----------------------------------------------

@pytest.mark.parametrize("index", range(len(CHAPTERS)), ids=CHAPTERS)
def test_the_notebook_is_the_learner_copy_byte_for_byte(archive, manifest, index):
    chapter = CHAPTERS[index]
    (notebook,) = by_type(manifest, modules(manifest)[index], "webcontent")
    href = notebook.get("href")
    assert href.endswith(f"/{chapter}.ipynb") and notebook.find("cp:file", NS).get("href") == href
    assert archive.read(href) == (ROOT / "exercises" / f"{chapter}.ipynb").read_bytes()


def test_every_reference_resolves(archive, manifest):
    names = set(archive.namelist())
    resources = {r.get("identifier"): r for r in manifest.findall("cp:resources/cp:resource", NS)}
    for ident, res in resources.items():
        files = [f.get("href") for f in res.findall("cp:file", NS)]
        assert files and set(files) <= names, ident
        assert len(files) == len(set(files))
        if res.get("href") is not None:  # CC 1.1 rule 10b
            assert res.get("href") in files
        for dependency in res.findall("cp:dependency", NS):
            assert dependency.get("identifierref") in resources
    refs = [i.get("identifierref") for i in manifest.iter(f"{{{CP}}}item") if i.get("identifierref")]
    assert refs and set(refs) <= set(resources)
    assert set(refs) == set(resources)  # nothing packed that no module uses
    assert names == {"imsmanifest.xml"} | {f.get("href") for f in manifest.iter(f"{{{CP}}}file")}


def test_identifiers_are_unique_xml_ids(archive, manifest):
    """xs:ID: an NCName, unique in the manifest (items, organization and resources share it);
    QTI idents likewise valid and unique within each file."""
    idents = [e.get("identifier") for e in manifest.iter() if e.get("identifier") is not None]
    assert len(idents) == len(set(idents))
    assert all(NCNAME.fullmatch(i) for i in idents), [i for i in idents if not NCNAME.fullmatch(i)]
    for res in manifest.findall(f"cp:resources/cp:resource[@type='{cartridge.ASSESSMENT}']", NS):
        root = assessment(archive, res)
        ids = [e.get("ident") for e in root.iter() if e.get("ident") and e.tag != f"{{{QTI}}}response_lid"]
        assert len(ids) == len(set(ids)) and all(NCNAME.fullmatch(i) for i in ids)


def test_the_archive_is_the_same_bytes_every_time(imscc, archive, tmp_path):
    again = cartridge.write(ROOT, tmp_path, BASE).read_bytes()
    assert again == imscc
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- the base URL ------------------------------------------------------------------------------

@pytest.mark.parametrize("given, expected", [
    ("https://example.edu/belonging", "https://example.edu/belonging/"),
    ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
    ("  https://example.edu/  ", "https://example.edu/"),
])
def test_base_url_is_normalised(given, expected):
    assert cartridge.base_url(given) == expected


@pytest.mark.parametrize("bad", ["", "example.edu/belonging", "ftp://example.edu/", "https://",
                                 "javascript:alert(1)", "https://example.edu/?page=1", "/belonging/"])
def test_a_base_url_that_is_not_http_is_refused(bad):
    with pytest.raises(ValueError, match="BASE_URL"):
        cartridge.base_url(bad)


def test_base_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("BASE_URL", "https://env.example.edu/c")
    assert cartridge.base_url() == "https://env.example.edu/c/"
    monkeypatch.delenv("BASE_URL")
    assert cartridge.base_url() == cartridge.DEFAULT_BASE_URL


def test_make_lms_reports_a_bad_base_url_without_a_traceback(tmp_path):
    """Checked before anything is written: run in an empty folder, it fails on the URL alone."""
    env = {**os.environ, "BASE_URL": "ftp://example.edu/"}
    run = subprocess.run([sys.executable, "-m", "belonging.lms"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "BASE_URL" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "lms").exists()


def test_a_chapter_without_its_notebook_is_refused(tmp_path):
    (tmp_path / "book").symlink_to(ROOT / "book")
    (tmp_path / "exercises").mkdir()
    for chapter in CHAPTERS[1:]:
        (tmp_path / "exercises" / f"{chapter}.ipynb").symlink_to(ROOT / "exercises" / f"{chapter}.ipynb")
    with pytest.raises(ValueError, match=f"exercises/{CHAPTERS[0]}.ipynb"):
        cartridge.build(tmp_path, BASE)
