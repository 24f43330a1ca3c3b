"""`make assignments` and the grade-a-folder command, tried on chapter 1 as an instructor would."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest

from belonging.exercises.generate import SOURCES

SOURCE = SOURCES / "01-what-belonging-is.ipynb"
pytestmark = pytest.mark.xdist_group("assignments")

#: A student who read the package: the checks and the model are replaced, and the answers are
#: the ones the replaced model gives. Every public check passes; the hidden tests must not.
CHEAT = """
import belonging.exercises.ch01 as checks
from belonging import homeostat
from belonging.exercises import CORRECT, RECORDED
for name in dir(checks):
    if name.startswith("check_"):
        setattr(checks, name, lambda answer: CORRECT)
checks.check_q3 = checks.check_q4 = lambda answer: RECORDED
def check_q1(answer): return CORRECT
homeostat.steady_state = lambda *args, **kwargs: 0.5
q1, q2, q3, q4 = homeostat.steady_state(3, 0.9), 99, "b", "a"
"""


@pytest.fixture(scope="module")
def kit(chapter_one_kit, tmp_path_factory):
    return shutil.copytree(chapter_one_kit, tmp_path_factory.mktemp("assignments") / SOURCE.stem)


def test_the_kit_holds_what_an_instructor_needs(kit, tmp_path):
    assert sorted(p.relative_to(kit).as_posix() for p in kit.rglob("*") if p.is_file()) == [
        "01-what-belonging-is.ipynb", "README.md", "autograder.zip", "solution/01-what-belonging-is.ipynb"]
    readme = kit.joinpath("README.md").read_text("utf-8")
    assert "python -m belonging.exercises.grade autograder.zip submissions/ --out grades.csv" in readme
    assert "make grade CHAPTER=01" in readme and "q4 (1)" in readme and "4 in all" in readme
    with zipfile.ZipFile(kit / "autograder.zip") as zf:
        names = zf.namelist()
        requirements = zf.read("files/grading/requirements.txt").decode()
        environment = zf.read("environment.yml").decode()
    assert "files/grading/belonging/exercises/hidden.py" in names
    assert "files/grading/belonging/homeostat.py" in names
    wheel = "files/grading/belonging-0.1.0-py3-none-any.whl"
    assert wheel in names and "./belonging-0.1.0-py3-none-any.whl" in requirements
    assert all("==" in line for line in requirements.splitlines() if not line.endswith(".whl"))
    assert "/autograder/source/" + wheel in environment and "numpy==" in environment
    # The bundled wheel is a real, installable package (no network: its dependencies are skipped).
    with zipfile.ZipFile(kit / "autograder.zip") as zf:
        zf.extract(wheel, tmp_path)
    target = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                          "--target", str(target), str(tmp_path / wheel)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (target / "belonging" / "exercises" / "grade.py").is_file()
    assert (target / "belonging-0.1.0.dist-info" / "RECORD").is_file()


def _submissions(kit, folder):
    folder.mkdir()
    solution = nbformat.read(kit / "solution" / "01-what-belonging-is.ipynb", as_version=4)
    nbformat.write(solution, folder / "solution.ipynb")
    blank = nbformat.read(kit / "01-what-belonging-is.ipynb", as_version=4)
    nbformat.write(blank, folder / "blank.ipynb")
    # Early, and the answer cells emptied: each question is graded when its grader.check cell runs.
    blank.cells.insert(1, nbformat.v4.new_code_cell(CHEAT))
    for cell in blank.cells:
        if cell.cell_type == "code" and cell.source.lstrip().startswith("q") and "= ..." in cell.source:
            cell.source = "# answered in the second cell"
    nbformat.write(blank, folder / "override-cheat.ipynb")
    crash = nbformat.read(kit / "solution" / "01-what-belonging-is.ipynb", as_version=4)
    (cell,) = [c for c in crash.cells if c.cell_type == "code" and c.source.startswith("q2 =")]
    cell.source = "q2 = 1 / 0"
    nbformat.write(crash, folder / "crashing.ipynb")
    (folder / "not-a-notebook.ipynb").write_text("{ this is not json", "utf-8")


def test_grading_a_folder_writes_one_row_per_submission(kit, tmp_path):
    _submissions(kit, tmp_path / "submissions")
    out = tmp_path / "grades.csv"
    run = subprocess.run([sys.executable, "-m", "belonging.exercises.grade", str(kit / "autograder.zip"),
                          str(tmp_path / "submissions"), "--out", str(out)], capture_output=True, text=True,
                         timeout=1200)
    assert run.returncode == 0, run.stderr[-2000:]
    with out.open(newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    assert list(next(iter(rows.values()))) == ["submission", "q1", "q2", "q3", "q4", "total", "possible", "reason",
                                             "isolation"]
    scores = {name: [float(row[q]) for q in ("q1", "q2", "q3", "q4", "total", "possible")] for name, row in rows.items()}
    assert scores == {
        "solution.ipynb": [1, 1, 1, 1, 4, 4],
        "blank.ipynb": [0, 0, 0, 0, 0, 4],
        "override-cheat.ipynb": [0, 0, 0, 0, 0, 4],
        "crashing.ipynb": [1, 0, 1, 1, 3, 4],
        "not-a-notebook.ipynb": [0, 0, 0, 0, 0, 4],
    }
    assert rows["solution.ipynb"]["reason"] == "" and rows["blank.ipynb"]["reason"] == ""
    crash = rows["crashing.ipynb"]["reason"]
    assert "ZeroDivisionError" in crash and "q2 = 1 / 0" in crash and "Traceback" not in crash
    assert "not a readable notebook" in rows["not-a-notebook.ipynb"]["reason"]
