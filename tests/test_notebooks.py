"""The model playground runs top to bottom under nbval (lax mode: cells run without error;
plotly and widget ids are random), and every exercise has its three copies.

The exercise notebooks themselves are run in tests/test_exercises.py, from a fresh generation
that must equal the checked-in copies byte for byte: the learner copy cell by cell in a kernel
(every cell must run, then every wrong answer must get feedback), the solution copy by
`otter run --debug` (every cell must run and every point be earned). Running them here too
would run each a second time and check nothing more.
Chapters are not run here: the book build (tests/site) executes every chapter with
`nb_execution_raise_on_error`, so a chapter cell that fails already fails the build.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
NOTEBOOKS = [EXERCISES / "model-playground.ipynb"]  # every model's live panel


def test_every_exercise_has_a_learner_and_a_solution_copy():
    learners = {p.name for p in EXERCISES.glob("[0-9][0-9]-*.ipynb")}
    solutions = {p.name for p in (EXERCISES / "solutions").glob("[0-9][0-9]-*.ipynb")}
    sources = {p.name for p in (EXERCISES / "source").glob("[0-9][0-9]-*.ipynb")}
    assert learners and learners == solutions == sources
    assert (EXERCISES / "model-playground.ipynb").is_file()


@pytest.mark.notebook
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_notebook_runs_under_nbval(notebook, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(notebook)],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    last = result.stdout.strip().splitlines()[-1]
    assert " passed" in last and "failed" not in last and "error" not in last, last
