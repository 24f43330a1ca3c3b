"""Exam variants (`make lms SEED=n`), read back as Canvas reads QTI (the key is the first
varequal of the condition that gives full marks) and compared with the exam banks' JSON."""
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from belonging import friendship, homeostat, mortality, survival
from belonging.lms import formats, model_questions, variants

ROOT = Path(__file__).resolve().parents[2]
EXAMS = sorted((ROOT / "book" / "exams").glob("*.json"))
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}


def bank(path):
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    out = tmp_path_factory.mktemp("variants")
    return variants.write(ROOT, out, 7), out / "seed-7"


def qti_items(folder, chapter):
    (path,) = folder.glob(f"{chapter}-exam-seed*-qti.zip")
    with zipfile.ZipFile(path) as archive:
        (name,) = [n for n in archive.namelist() if n != "imsmanifest.xml"]
        return ET.fromstring(archive.read(name)).findall(".//q:item", NS)


def canvas_reading(item):
    """(stem, option texts in order, texts Canvas keys as correct). Single answer: the first
    varequal of the condition that sets the maximum; select all: every option whose condition
    Adds a share."""
    stem = item.find("q:presentation/q:material/q:mattext", NS).text
    labels = {l.get("ident"): l.find(".//q:mattext", NS).text for l in item.iter(f"{{{NS['q']}}}response_label")}
    scoring = [c for c in item.findall("q:resprocessing/q:respcondition", NS) if c.find("q:setvar", NS) is not None]
    full = [c for c in scoring if c.find("q:setvar", NS).text == "100" and c.find("q:setvar", NS).get("action") == "Set"]
    if full:
        right = {labels[full[0].find(".//q:varequal", NS).text]}
    else:
        right = {labels[c.find(".//q:varequal", NS).text] for c in scoring if c.find("q:setvar", NS).get("action") == "Add"}
    return stem, list(labels.values()), right


def as_read(items):
    return {stem: (options, right) for stem, options, right in map(canvas_reading, items)}


@pytest.mark.parametrize("path", EXAMS, ids=lambda p: p.stem)
def test_a_variant_holds_every_question_and_option_of_the_bank_keyed_as_the_bank(seven, path):
    _, folder = seven
    source = bank(path)
    read = as_read(qti_items(folder, source["chapter"]))
    bank_stems = {q["question"] for q in source["questions"]}
    assert bank_stems <= set(read)
    assert len(set(read) - bank_stems) == len(model_questions.QUESTIONS.get(source["chapter"], []))
    for q in source["questions"]:
        options, right = read[q["question"]]
        assert sorted(options) == sorted(a["answer"] for a in q["answers"])
        assert right == {a["answer"] for a in q["answers"] if a["correct"]}


def test_the_same_seed_gives_the_same_files(seven, tmp_path):
    written, _ = seven
    again = variants.write(ROOT, tmp_path, 7)
    assert [p.name for p in again] == [p.name for p in written]
    for first, second in zip(written, again):
        assert first.read_bytes() == second.read_bytes(), first.name


def orders(seed):
    """Per chapter: the questions' order and each question's option order, as bank indices."""
    found = {}
    for path in EXAMS:
        source = bank(path)
        stems = [q["question"] for q in source["questions"]]
        shuffled = [q for q in variants.variant(source, seed)["questions"] if q["question"] in stems]
        found[path.stem] = [(stems.index(q["question"]), tuple(a["answer"] for a in q["answers"])) for q in shuffled]
    return found


def test_seeds_give_different_orders_and_options_move():
    one, two = orders(1), orders(2)
    assert all(one[c] != two[c] for c in one)
    for path in EXAMS:  # not only the questions: options leave their bank places too
        source = bank(path)
        varied = {q["question"]: q for q in variants.variant(source, 1)["questions"]}
        moved = [[a["answer"] for a in q["answers"]] != [a["answer"] for a in varied[q["question"]]["answers"]]
                 for q in source["questions"]]
        assert any(moved)


def letters(questions):
    return "".join("".join(variants.LETTERS[i] for i, a in enumerate(q["answers"]) if a["correct"]) + " "
                   for q in questions)


def test_the_shared_letter_sequence_of_the_banks_is_broken():
    """Exam banks 1-5 shared one key sequence; a variant's five sequences all differ."""
    sequences = [letters(variants.variant(bank(path), 3)["questions"]) for path in EXAMS[:5]]
    assert len(set(sequences)) == 5


def test_the_key_file_agrees_with_the_qti(seven):
    _, folder = seven
    text = (folder / "key.md").read_text("utf-8")
    for path in EXAMS:
        chapter = bank(path)["chapter"]
        section = text.split(f"## {chapter}\n", 1)[1].split("\n## ", 1)[0]
        rows = re.findall(r"^\| (\d+) \| ([a-j, ]+) \|", section, flags=re.M)
        items = qti_items(folder, chapter)
        assert len(rows) == len(items)
        for (number, key), item in zip(rows, items):
            _, options, right = canvas_reading(item)
            assert {options[variants.LETTERS.index(x.strip())] for x in key.split(",")} == right, (chapter, number)


def test_variant_identifiers_differ_from_the_banks_own_export():
    source = bank(EXAMS[0])
    plain = formats.to_qti_xml(source, "exam").decode()
    varied = formats.to_qti_xml(variants.variant(source, 5), "exam").decode()
    ids = lambda xml: set(re.findall(r'ident="([^"]+)"', xml)) - {"response1", "root_section"}
    assert not ids(plain) & ids(varied)


@pytest.mark.parametrize("bad", ["-1", "abc", "1.5", "", str(10**9 + 1)])
def test_a_bad_seed_is_refused_naming_seed(bad):
    with pytest.raises(ValueError, match="SEED"):
        variants.check_seed(bad)


def test_make_lms_reports_a_bad_seed_without_a_traceback(tmp_path):
    env = {**os.environ, "SEED": "abc", "BASE_URL": ""}
    run = subprocess.run([sys.executable, "-m", "belonging.lms"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "SEED" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "lms").exists()


def test_letters_of_the_options_spread_over_the_positions():
    """Across all twelve variant exams of one seed, single answers sit at every letter."""
    counts = Counter()
    for path in EXAMS:
        for q in variants.variant(bank(path), 11)["questions"]:
            if q["type"] == "multiple_choice":
                counts[[a["correct"] for a in q["answers"]].index(True)] += 1
    assert set(counts) == set(range(max(counts) + 1)) and min(counts.values()) >= 10


# --- questions drawn from the models -----------------------------------------------------------

def _numbers(text):
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]


def model_key(chapter, stem):
    """The right option's text, computed here from the model with the settings the stem states."""
    n = _numbers(stem)
    if chapter.startswith("01"):
        return f"About {homeostat.steady_state(n[0], n[1]):.2f}"
    if chapter.startswith("02"):
        return f"About {round(100 * survival.survival_probability(n[0], int(n[1])))}%"
    if chapter.startswith("04"):
        return f"About {100 * mortality.probability_after_odds_ratio(n[0] / 100, n[1]):.1f}%"
    return f"About {friendship.weeks_to_stage('casual friend', n[0], n[1]):.1f} weeks"


@pytest.mark.parametrize("chapter", sorted(model_questions.QUESTIONS))
def test_model_questions_are_keyed_by_the_model_and_drawn_from_the_seed(seven, chapter):
    _, folder = seven
    stems = {q["question"] for q in bank(ROOT / "book" / "exams" / f"{chapter}.json")["questions"]}
    drawn = {stem: value for stem, value in as_read(qti_items(folder, chapter)).items() if stem not in stems}
    assert len(drawn) == 1
    ((stem, (options, right)),) = drawn.items()
    assert right == {model_key(chapter, stem)} and len(set(options)) == len(options) >= 3
    settings = set()
    for seed in range(12):  # the settings change with the seed
        for q in variants.variant(bank(ROOT / "book" / "exams" / f"{chapter}.json"), seed)["questions"]:
            if q["question"] not in stems:
                settings.add(tuple(_numbers(q["question"])))
                assert [a["answer"] for a in q["answers"] if a["correct"]] == [model_key(chapter, q["question"])]
    assert len(settings) >= 3
