"""Every chapter and exercise notebook runs top to bottom (nbval, lax mode).

Chapters are MyST Markdown; nbval collects only .ipynb, so jupytext converts them first.
Lax mode checks that cells run without error; outputs (plotly and widget ids) are random.
"""
import subprocess
import sys
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]


def test_chapters_and_exercises_run_under_nbval(tmp_path):
    notebooks = []
    for chapter in sorted((ROOT / "book" / "chapters").glob("[0-9][0-9]-*.md")):
        target = tmp_path / chapter.with_suffix(".ipynb").name
        jupytext.write(jupytext.read(chapter), target)
        notebooks.append(target)
    exercises = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb"))
    solutions = sorted((ROOT / "exercises" / "solutions").glob("[0-9][0-9]-*.ipynb"))
    playground = [ROOT / "exercises" / "model-playground.ipynb"]  # every model's live panel
    assert notebooks and exercises and solutions and playground[0].is_file()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-q", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), *map(str, notebooks + exercises + solutions + playground)],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout.splitlines()[-1]
