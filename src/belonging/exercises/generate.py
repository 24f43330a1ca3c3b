"""Generate learner notebooks, solution notebooks and autograders from the single sources.

``exercises/source/NN-slug.ipynb`` holds the questions, solutions and tests (otter-grader's
assign format). Each question has a public test (worth 0 points: feedback for the learner) and a
hidden test (worth the points). ``otter assign`` turns the source into:

* ``exercises/NN-slug.ipynb``: the learner copy, checked in (solutions and hidden tests
  removed; the public tests stay in its metadata so ``grader.check("q1")`` works offline);
* ``exercises/solutions/NN-slug.ipynb``: the solution copy, checked in, for instructors;
* ``exercises/autograder/NN-slug-autograder.zip``: for ``otter run`` (not checked in: a zip
  records when its files were written).

The autograder is self-contained: it carries a copy of the ``belonging`` package, which the
hidden tests load afresh (see :mod:`belonging.exercises.hidden`), a wheel of it, and a
requirements list that installs the wheel and the pinned dependencies, so Gradescope or
``otter grade`` can build the grading environment from the zip alone.

Cell ids are derived from the source, so generating twice gives the same bytes.

Run with ``make exercises`` (all), ``python -m belonging.exercises.generate 04`` (one chapter),
or ``--dist dist/assignments`` to also write an assignment folder per chapter
(``make assignments``).
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[3]
EXERCISES = ROOT / "exercises"
SOURCES = EXERCISES / "source"
PACKAGE = ROOT / "src" / "belonging"
#: Where Gradescope and ``otter grade`` unpack the autograder's support files.
GRADER_FILES = "/autograder/source/files/grading"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def _record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def build_wheel(folder: Path) -> Path:
    """A pure-Python wheel of ``belonging`` written with fixed timestamps (no build tool needed)."""
    project = _project()
    name, version = project["name"], project["version"]
    info = f"{name}-{version}.dist-info"
    files = {f"{name}/{p.relative_to(PACKAGE).as_posix()}": p.read_bytes() for p in _package_files()}
    files[f"{info}/METADATA"] = "".join(
        [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
         f"Summary: {project['description']}\nRequires-Python: {project['requires-python']}\n",
         *(f"Requires-Dist: {d}\n" for d in project["dependencies"])]).encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: belonging.exercises.generate\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    record = "".join(f"{path},{_record_hash(data)},{len(data)}\n" for path, data in files.items())
    files[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in files.items():
            zf.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return wheel


#: What grading needs besides the package's own dependencies: otter for the notebook's
#: ``grader.check`` cells, and a Jupyter kernel (ipykernel) and nbclient to run the notebook at
#: all. Without ipykernel every notebook failed with "No such kernel named python3".
GRADING_PACKAGES = ["otter-grader", "ipykernel", "nbclient", "nbformat", "jupyter_client"]


def pinned_dependencies() -> list[str]:
    """The package's dependencies and what grading needs, at the versions requirements.txt pins."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            pin_name, pin_version = line.split("==", 1)
            pins[re.sub(r"[-_.]+", "-", pin_name.strip().lower())] = pin_version.strip()
    wanted = [*_project()["dependencies"], *GRADING_PACKAGES]
    return [f"{d}=={pins[re.sub(r'[-_.]+', '-', d.lower())]}" for d in wanted]


def stage(source: Path, folder: Path) -> Path:
    """Copy the source with everything its autograder bundles; return the staged notebook."""
    grading = folder / "grading"
    for path in _package_files():
        target = grading / "belonging" / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    wheel = build_wheel(grading)
    pins = pinned_dependencies()
    # For an instructor's own machine: `cd files/grading && pip install -r requirements.txt`.
    (grading / "requirements.txt").write_text("\n".join([*pins, f"./{wheel.name}"]) + "\n", "utf-8")
    # For Gradescope and `otter grade`, which build their environment from the zip's files.
    (folder / "requirements.txt").write_text(
        "\n".join([p for p in pins if not p.startswith("otter-grader")] + [f"{GRADER_FILES}/{wheel.name}"]) + "\n",
        "utf-8")
    nb = json.loads(source.read_text("utf-8"))
    config = nb["cells"][0]
    assert "".join(config["source"]).startswith("# ASSIGNMENT CONFIG"), f"{source.name}: config cell first"
    config["source"] = "".join(config["source"]).rstrip("\n") + (
        "\nrequirements: requirements.txt\nautograder_files:\n- grading\n")
    staged = folder / source.name
    staged.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return staged


def otter_assign(source: Path, out: Path, *, run_tests: bool = True) -> tuple[Path, Path, Path]:
    """Run ``otter assign`` and return (learner notebook, solution notebook, autograder zip).

    ``otter assign`` then grades the solution copy and fails unless it earns every point. The
    tests skip that run (``run_tests=False``): they grade each solution themselves, in a test
    that can say which chapter failed, and the files written are the same either way.
    """
    staged = stage(source, Path(tempfile.mkdtemp(prefix="stage-", dir=out.parent)))
    otter = Path(sys.executable).with_name("otter")
    command = [str(otter), "assign", staged.name, str(out)] + ([] if run_tests else ["--no-run-tests"])
    result = subprocess.run(command, cwd=staged.parent,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"otter assign failed for {source.name}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    (zip_path,) = (out / "autograder").glob("*.zip")
    learner, solution = out / "student" / source.name, out / "autograder" / source.name
    for notebook in (learner, solution):
        stabilise_ids(notebook, source)
    return learner, solution, zip_path


def stabilise_ids(notebook: Path, source: Path) -> None:
    """Keep each cell's id from the source; give cells otter adds an id derived from their content."""
    known = {cell.get("id") for cell in json.loads(source.read_text("utf-8"))["cells"]}
    nb = nbformat.read(notebook, as_version=4)
    used: set[str] = set()
    for index, cell in enumerate(nb.cells):
        if cell.get("id") not in known or cell.id in used:
            seed = f"{source.stem}/{index}/{cell.cell_type}/{cell.source}"
            cell.id = hashlib.sha256(seed.encode()).hexdigest()[:8]
        used.add(cell.id)
    nbformat.write(nb, notebook)


def hidden_tests(chapter: str) -> dict[str, dict]:
    """Chapter NN's hidden tests from its source: question -> {"code", "failure_message", "key"}.

    ``key`` is the right letter of a multiple-choice question whose key is written in the test
    (None where the test computes it from the model, or for other questions).
    """
    (source,) = SOURCES.glob(f"{chapter}-*.ipynb")
    found, question = {}, None
    for cell in json.loads(source.read_text("utf-8"))["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "raw" and text.startswith("# BEGIN QUESTION"):
            question = re.search(r"^name:\s*(\S+)", text, re.M).group(1)
        config = re.match(r'""" # BEGIN TEST CONFIG\n(.*?)""" # END TEST CONFIG\n', text, re.S)
        if cell["cell_type"] == "code" and config and re.search(r"^hidden: true$", config.group(1), re.M):
            message = re.search(r"^failure_message: (.*)$", config.group(1), re.M)
            key = re.search(r'\["choice"\]\(globals\(\), "q\d+", "[a-z]+", "([a-z])"\)', text)
            found[question] = {"code": text[config.end():], "key": key and key.group(1),
                               "failure_message": json.loads(message.group(1)) if message else None}
    return found


def normalised(path: Path) -> dict:
    """A notebook without its cell ids (to compare content when ids are not the question)."""
    nb = json.loads(path.read_text("utf-8"))
    for cell in nb["cells"]:
        cell.pop("id", None)
    return nb


def generate(source: Path, dist: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        learner, solution, zip_path = otter_assign(source, Path(tmp) / "dist")
        shutil.copyfile(learner, EXERCISES / source.name)
        (EXERCISES / "solutions").mkdir(exist_ok=True)
        shutil.copyfile(solution, EXERCISES / "solutions" / source.name)
        (EXERCISES / "autograder").mkdir(exist_ok=True)
        shutil.copyfile(zip_path, EXERCISES / "autograder" / f"{source.stem}-autograder.zip")
        if dist is not None:
            write_assignment(source, dist / source.stem, learner, solution, zip_path)
    print(f"generated {source.stem}: learner copy, solutions, autograder" + (f", {dist / source.stem}" if dist else ""))


def questions(notebook: Path) -> dict[str, float]:
    """Question name -> points, from a generated notebook's test metadata (natural order)."""
    tests = json.loads(notebook.read_text("utf-8"))["metadata"]["otter"]["tests"]
    points = {name: float(test.get("points") or 0) for name, test in tests.items()}
    return dict(sorted(points.items(), key=lambda item: int(re.sub(r"\D", "", item[0]) or 0)))


def write_assignment(source: Path, folder: Path, learner: Path, solution: Path, zip_path: Path) -> None:
    """``dist/assignments/NN-slug/``: what an instructor hands out, keeps, and grades with."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "solution").mkdir(parents=True)
    shutil.copyfile(learner, folder / source.name)
    shutil.copyfile(solution, folder / "solution" / source.name)
    shutil.copyfile(zip_path, folder / "autograder.zip")
    heading = next(c.source for c in nbformat.read(learner, as_version=4).cells if c.cell_type == "markdown")
    title = heading.splitlines()[0].lstrip("# ")
    (folder / "README.md").write_text(readme(source.stem, title, questions(solution)), "utf-8")


def readme(stem: str, title: str, points: dict[str, float]) -> str:
    marks = ", ".join(f"{q} ({p:g})" for q, p in points.items())
    return f"""# Assignment kit: {title}

| file | what it is | who gets it |
| --- | --- | --- |
| `{stem}.ipynb` | the student notebook | students |
| `solution/{stem}.ipynb` | worked solutions, with the hidden tests | you only |
| `autograder.zip` | the grader: hidden tests, a copy of the `belonging` package, requirements | you only |

Questions and points: {marks}; {sum(points.values()):g} in all.

## Hand out

Give students `{stem}.ipynb` (upload it to your LMS or JupyterHub). They need Python 3.11+ with
the course package installed (`pip install -r requirements.txt` from the course repository),
or the course's JupyterLab (`make lab`). Each answer has a `grader.check("q1")` cell: it gives
feedback straight away, but it is **not the grade**. Grading uses hidden tests that are only in
`autograder.zip`; multiple-choice answers are marked only there. Keep the `solution/` folder and
the zip away from students.

## Collect

Ask each student to save the notebook and upload it under its own file name (for example
`{stem}-ana.ipynb`). Put all the submissions in one folder, say `submissions/`. Do not change the
notebook's name inside its metadata: the grader checks it is this assignment.

## Grade

From the course repository:

```bash
make grade CHAPTER={stem[:2]} SUBMISSIONS=submissions/            # writes grades-{stem[:2]}.csv
make grade CHAPTER={stem[:2]} SUBMISSIONS=submissions/ TIMEOUT=60 JOBS=2   # 60 s per notebook, two at once
```

or, anywhere the grading requirements are installed:

```bash
python -m belonging.exercises.grade autograder.zip submissions/ --out grades.csv [--timeout 120] [--jobs 2]
```

The CSV has one row per file in the folder: a column per question, the total, the points possible,
a `reason` that says why a file could not be graded (not a notebook, a cell that stopped with an
error, a notebook that did not finish within the time limit, 120 s unless you set one), and the
`isolation` it ran under. The command prints each notebook's score and time as it goes. If
notebooks could not be graded because of the machine (no Jupyter kernel, say), their reason starts
`NOT GRADED (this machine)` and the command exits with status 2: fix the machine and grade again;
those are not the students' zeros.

**How submissions are kept from the marks.** Each notebook runs in a fresh kernel in a throwaway
folder that holds no tests and no answer keys; only its answers come out, as plain values, and a
separate process that never ran student code marks them against values computed from the model. On
Linux with bubblewrap (`sudo apt-get install bubblewrap`), the notebook also has no network and can
write only its own folder (`isolation` says `bwrap`). Without it (`unshare`, or `none` on macOS and
Windows) a notebook runs with your rights: grade on Linux with bubblewrap, or in a throwaway
virtual machine or container.

**On a machine without the course repository:** unzip `autograder.zip`, then
`cd files/grading && python -m venv .venv && .venv/bin/pip install -r requirements.txt` (the
requirements pin the packages the notebook needs, the Jupyter kernel that runs it, and install the
copy of `belonging` in the zip), then run the `python -m belonging.exercises.grade` command above
with that `.venv/bin/python`. **On Gradescope** or with `otter grade` (Docker), upload or pass
`autograder.zip` as it is: it installs what it needs from its own files, but otter runs the hidden
tests inside the student's kernel, where a determined student can tamper with them; use
`make grade` for marks that count.
"""


def main(args: list[str]) -> None:
    """Generate every source, or only those named (``04`` or ``04-when-the-need-goes-unmet``)."""
    dist = None
    if "--dist" in args:
        at = args.index("--dist")
        dist, args = Path(args[at + 1]), args[:at] + args[at + 2:]
    sources = sorted(SOURCES.glob("[0-9][0-9]-*.ipynb"))
    if args:
        sources = [s for s in sources if any(s.stem == n or s.stem[:2] == n for n in args)]
    if not sources:
        sys.exit(f"no exercise sources in {SOURCES} matching {args or 'NN-*.ipynb'}")
    for source in sources:
        generate(source, dist)


if __name__ == "__main__":
    main(sys.argv[1:])
