"""Generate learner notebooks, solution notebooks and autograders from the single sources.

``exercises/source/NN-slug.ipynb`` holds the questions, solutions and tests (otter-grader's
assign format). ``otter assign`` turns it into:

* ``exercises/NN-slug.ipynb``: the learner copy, checked in (solutions removed, tests kept
  in its metadata so ``grader.check("q1")`` works offline);
* ``exercises/solutions/NN-slug.ipynb``: the solution copy, checked in, for instructors;
* ``exercises/autograder/NN-slug-autograder.zip``: for ``otter run`` (not checked in: it
  embeds a timestamp, so it would differ at every generation).

Run with ``make exercises`` (all), or ``python -m belonging.exercises.generate 04`` (one chapter); ``tests/test_exercises.py`` fails if a checked-in learner copy
differs from a fresh generation.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = ROOT / "exercises"
SOURCES = EXERCISES / "source"


def otter_assign(source: Path, out: Path) -> tuple[Path, Path, Path]:
    """Run ``otter assign`` and return (learner notebook, solution notebook, autograder zip)."""
    otter = Path(sys.executable).with_name("otter")
    result = subprocess.run([str(otter), "assign", source.name, str(out)], cwd=source.parent,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"otter assign failed for {source.name}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    (zip_path,) = (out / "autograder").glob("*.zip")
    return out / "student" / source.name, out / "autograder" / source.name, zip_path


def normalised(path: Path) -> dict:
    """A notebook without the fields that change at every generation (cell ids)."""
    nb = json.loads(path.read_text("utf-8"))
    for cell in nb["cells"]:
        cell.pop("id", None)
    return nb


def generate(source: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        learner, solution, zip_path = otter_assign(source, Path(tmp) / "dist")
        shutil.copyfile(learner, EXERCISES / source.name)
        (EXERCISES / "solutions").mkdir(exist_ok=True)
        shutil.copyfile(solution, EXERCISES / "solutions" / source.name)
        (EXERCISES / "autograder").mkdir(exist_ok=True)
        shutil.copyfile(zip_path, EXERCISES / "autograder" / f"{source.stem}-autograder.zip")
    print(f"generated {source.stem}: learner copy, solutions, autograder")


def main(names: list[str]) -> None:
    """Generate every source, or only those named (``04`` or ``04-when-the-need-goes-unmet``)."""
    sources = sorted(SOURCES.glob("[0-9][0-9]-*.ipynb"))
    if names:
        sources = [s for s in sources if any(s.stem == n or s.stem[:2] == n for n in names)]
    if not sources:
        sys.exit(f"no exercise sources in {SOURCES} matching {names or 'NN-*.ipynb'}")
    for source in sources:
        generate(source)


if __name__ == "__main__":
    main(sys.argv[1:])
