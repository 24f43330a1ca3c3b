"""The assignment kit on another machine: a fresh venv built from the kit's own requirements only.

The trial's TA followed the kit's README (`pip install -r requirements.txt` in files/grading) and
got 0/4 for every notebook, the solution included ("No such kernel named python3"), with exit
status 0. Here the same steps must grade a solution, a blank and a wrong copy correctly.
Building the venv takes a few minutes, so it is made once per session.
"""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest

from belonging.exercises.generate import SOURCES

SOURCE = SOURCES / "01-what-belonging-is.ipynb"
pytestmark = pytest.mark.xdist_group("grading-kit")  # its own worker: the venv takes minutes


@pytest.fixture(scope="session")
def fresh_kit(chapter_one_kit, tmp_path_factory):
    """(the kit folder, the Python of a venv holding only what the kit's requirements install)."""
    tmp = tmp_path_factory.mktemp("fresh-kit")
    kit = shutil.copytree(chapter_one_kit, tmp / "kit")
    unpacked = tmp / "unpacked"
    with zipfile.ZipFile(kit / "autograder.zip") as zf:
        zf.extractall(unpacked)
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    # --no-compile: the same packages, without writing bytecode for every module of them up
    # front (Python writes it for what grading imports): 33 s -> 19 s of a worker here.
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", "requirements.txt"],
                             cwd=unpacked / "files" / "grading", capture_output=True, text=True, timeout=1200)
    assert install.returncode == 0, install.stderr[-3000:]
    return kit, python


def test_the_kit_requirements_pin_what_grading_needs(fresh_kit):
    kit, _ = fresh_kit
    with zipfile.ZipFile(kit / "autograder.zip") as zf:
        requirements = zf.read("files/grading/requirements.txt").decode().split()
    pinned = {re.split(r"==", line)[0].lower().replace("_", "-") for line in requirements if "==" in line}
    assert {"ipykernel", "nbclient", "nbformat", "jupyter-client", "otter-grader"} <= pinned


def _wrong_letter(line: str, options: str) -> str:
    right = re.search(r"['\"]([a-z])['\"]", line).group(1)
    return next(letter for letter in options if letter != right)


def test_the_kit_grades_right_blank_and_wrong_copies_in_a_fresh_venv(fresh_kit, tmp_path):
    kit, python = fresh_kit
    folder = tmp_path / "submissions"
    folder.mkdir()
    solution = nbformat.read(kit / "solution" / f"{SOURCE.stem}.ipynb", as_version=4)
    nbformat.write(solution, folder / "solution.ipynb")
    blank = nbformat.read(kit / f"{SOURCE.stem}.ipynb", as_version=4)
    nbformat.write(blank, folder / "blank.ipynb")
    wrong = nbformat.read(kit / "solution" / f"{SOURCE.stem}.ipynb", as_version=4)
    for cell in wrong.cells:
        if cell.cell_type == "code" and cell.source.startswith(("q1 =", "q2 =")):
            cell.source = cell.source[:2] + " = 27"
        elif cell.cell_type == "code" and cell.source.startswith(("q3 =", "q4 =")):
            options = "ab" if cell.source.startswith("q3") else "abc"
            cell.source = f"{cell.source[:2]} = {_wrong_letter(cell.source, options)!r}"
    nbformat.write(wrong, folder / "wrong.ipynb")
    out = tmp_path / "grades.csv"
    # Run from the temporary folder, with nothing of the repository on the path.
    run = subprocess.run([str(python), "-m", "belonging.exercises.grade", str(kit / "autograder.zip"),
                          str(folder), "--out", str(out)], cwd=tmp_path, capture_output=True, text=True,
                         timeout=900, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr[-3000:]
    with out.open(newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    totals = {name: (float(row["total"]), row["reason"]) for name, row in rows.items()}
    assert totals == {"solution.ipynb": (4.0, ""), "blank.ipynb": (0.0, ""), "wrong.ipynb": (0.0, "")}
