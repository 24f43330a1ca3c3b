"""The GIFT files of `make lms`, exam variants included, read by gift-pegjs (an independent GIFT
parser from npm, test tooling only: tools/gift/) and compared with the banks: every question,
option, key and feedback, no general feedback (Moodle shows it to everyone after an attempt),
and a category per file."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from belonging.lms import formats, variants

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "gift"


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    """{file name: gift-pegjs's items} for every GIFT file make lms writes, with variants of seed 4."""
    assert shutil.which("node") and shutil.which("npm"), "these tests need Node.js and npm"
    if not (TOOLS / "node_modules" / "gift-pegjs").is_dir():  # the pinned version, as make bench-site does
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=TOOLS, check=True,
                       capture_output=True, timeout=300)
    out = tmp_path_factory.mktemp("lms")
    files = [p for p in formats.export_all(ROOT / "book" / "quizzes", out, ROOT / "book" / "exams")
             + variants.write(ROOT, out / "variants", 4) if p.name.endswith(".gift.txt")]
    run = subprocess.run(["node", str(TOOLS / "parse.js"), *map(str, files)], capture_output=True,
                         text=True, check=True, timeout=120)
    return {Path(name).name: items for name, items in json.loads(run.stdout).items()}


def source(name):
    """The bank a GIFT file was written from, as make lms would order it."""
    stem = name.removesuffix(".gift.txt")
    chapter = stem.split("-exam")[0]
    if "-seed" in stem:
        return variants.variant(formats.load_exam(ROOT / "book" / "exams" / f"{chapter}.json"), int(stem.rsplit("seed", 1)[1]))
    folder = "exams" if stem.endswith("-exam") else "quizzes"
    return json.loads((ROOT / "book" / folder / f"{chapter}.json").read_text("utf-8"))


def test_every_file_is_read(parsed):
    assert len(parsed) == 12 * 3  # quizzes, exams, one variant of each exam


def test_every_question_option_key_and_feedback_is_read_as_written(parsed):
    for name, items in parsed.items():
        categories = [i for i in items if i["type"] == "Category"]
        questions = [i for i in items if i["type"] != "Category"]
        bank = source(name)
        assert len(categories) == 1 and categories[0]["title"].startswith("The Need to Belong/"), name
        # a variant files its questions apart from the bank's own export
        assert ("(variant, seed" in categories[0]["title"]) == ("seed" in bank), name
        if "seed" in bank:
            assert categories[0]["title"].endswith(f"(variant, seed {bank['seed']})"), name
        assert [q["stem"]["text"] for q in questions] == [q["question"] for q in bank["questions"]], name
        for read, q in zip(questions, bank["questions"]):
            assert read["type"] == "MC" and read["globalFeedback"] is None, (name, q["question"])
            assert [c["text"]["text"] for c in read["choices"]] == [a["answer"] for a in q["answers"]]
            assert [c["feedback"]["text"] for c in read["choices"]] == [a["feedback"] for a in q["answers"]]
            right = [c["isCorrect"] or (c["weight"] or 0) > 0 for c in read["choices"]]
            assert right == [a["correct"] for a in q["answers"]], (name, q["question"])
