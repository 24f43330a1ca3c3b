"""Grade a folder of submitted notebooks with a chapter's autograder into one CSV.

    python -m belonging.exercises.grade dist/assignments/01-what-belonging-is/autograder.zip \\
        submissions/ --out grades.csv

One row per notebook: a column per question, the total, the points possible and a reason when
something went wrong. Each notebook is graded by ``otter run`` in a process of its own, with a
time limit, so a notebook that crashes, loops or is not a notebook at all gets a row with zero
and a reason instead of stopping the rest. The notebook runs against the copy of ``belonging``
inside the zip (put first on ``PYTHONPATH``), so the model it is graded against is the one the
autograder was built with, not whatever version this machine has.
"""
from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

#: Seconds one notebook may take; the course notebooks take about 15 s each.
TIMEOUT = 600


def questions(autograder: Path) -> dict[str, float]:
    """Question name -> points, read from the test files in the zip (q1, q2, ... q10 in order)."""
    points = {}
    with zipfile.ZipFile(autograder) as zf:
        for name in zf.namelist():
            if re.fullmatch(r"tests/[^/]+\.py", name):
                tree = ast.parse(zf.read(name).decode("utf-8"))
                test = next(ast.literal_eval(node.value) for node in tree.body
                            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "test")
                points[test["name"]] = float(test["points"])
    return dict(sorted(points.items(), key=lambda item: [int(t) if t.isdigit() else t
                                                          for t in re.split(r"(\d+)", item[0])]))


def first_error(notebook) -> str:
    """Which cell of the executed notebook stopped with an error, in one line (no traceback)."""
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                value = str(output.get("evalue", "")).strip().splitlines()
                first_line = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
                return (f"code cell {number} ({first_line!r}) stopped with {output.get('ename', 'an error')}"
                        + (f": {value[0][:120]}" if value else "") + "; later answers may be missing")
    return ""


def grade_one(autograder: Path, notebook: Path, report: Path) -> None:
    """Grade one notebook in this process and write its scores as JSON (run by :func:`grade_folder`)."""
    import contextlib
    import io

    import nbformat

    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception as error:  # noqa: BLE001 - anything unreadable is reported, not raised
        report.write_text(json.dumps({"scores": {}, "reason": f"not a readable notebook ({type(error).__name__})"}))
        return
    from otter.run import main as otter_run

    # Graded under the name the assignment gave it: its first cell opens `otter.Notebook("NN-slug.ipynb")`,
    # which fails for a file renamed on upload (ana.ipynb) and would be reported as the student's error.
    name = nb.metadata.get("otter", {}).get("assignment_name")
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
        graded = Path(tmp) / (f"{Path(str(name)).name}.ipynb" if name else notebook.name)
        graded.write_bytes(notebook.read_bytes())
        try:
            results = otter_run(str(graded), autograder=str(autograder), output_dir=None, no_logo=True)
        except Exception as error:  # noqa: BLE001
            report.write_text(json.dumps({"scores": {}, "reason": f"could not be graded: {error}"[:300]}))
            return
    scores = {test: float(results.get_score(test)) for test in results.test_files}
    reason = str(results.catastrophic_error or "") or (first_error(results.notebook) if results.notebook else "")
    report.write_text(json.dumps({"scores": scores, "reason": reason}))


def grade_notebook(autograder: Path, notebook: Path, package: Path, timeout: float) -> dict:
    """Scores and reason for one notebook, graded in a child process with a time limit."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(package), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        try:
            # This file, not `-m belonging...`: PYTHONPATH now points at the zip's copy of the package.
            run = subprocess.run([sys.executable, __file__, "--one", str(autograder),
                                  str(notebook), str(report)], env=env, capture_output=True, text=True,
                                 timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"scores": {}, "reason": f"did not finish in {timeout:g} s (a cell that never ends?)"}
        if report.is_file():
            return json.loads(report.read_text())
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        return {"scores": {}, "reason": f"could not be graded: {last[:200]}"}


def grade_folder(autograder: Path, submissions: Path, out: Path, timeout: float = TIMEOUT) -> list[dict]:
    """Grade every ``*.ipynb`` in ``submissions`` and write the CSV; return its rows."""
    points = questions(autograder)
    notebooks = sorted(p for p in submissions.iterdir() if p.suffix == ".ipynb" and p.is_file())
    if not notebooks:
        raise SystemExit(f"no .ipynb files in {submissions}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(autograder) as zf:
            zf.extractall(tmp)
        package = Path(tmp) / "files" / "grading"
        for notebook in notebooks:
            start = time.monotonic()
            result = grade_notebook(autograder.resolve(), notebook.resolve(), package, timeout)
            row = {"submission": notebook.name}
            row.update({q: result["scores"].get(q, 0.0) for q in points})
            row.update(total=sum(row[q] for q in points), possible=sum(points.values()), reason=result["reason"])
            rows.append(row)
            print(f"{notebook.name}: {row['total']:g}/{row['possible']:g} in {time.monotonic() - start:.0f} s "
                  f"{row['reason']}".rstrip(), file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["submission", *points, "total", "possible", "reason"])
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--one"]:
        grade_one(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return
    parser = argparse.ArgumentParser(prog="python -m belonging.exercises.grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("autograder", type=Path, help="a chapter's autograder.zip")
    parser.add_argument("submissions", type=Path, help="a folder of submitted .ipynb files")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="the CSV to write (grades.csv)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds per notebook ({TIMEOUT})")
    args = parser.parse_args(argv)
    if not args.autograder.is_file():
        parser.error(f"no autograder zip at {args.autograder}: run `make assignments` first")
    if not args.submissions.is_dir():
        parser.error(f"{args.submissions} is not a folder")
    rows = grade_folder(args.autograder, args.submissions, args.out, args.timeout)
    print(f"graded {len(rows)} notebooks into {args.out}")


if __name__ == "__main__":
    main()
