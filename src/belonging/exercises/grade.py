"""Grade a folder of submitted notebooks with a chapter's autograder into one CSV.

    python -m belonging.exercises.grade dist/assignments/01-what-belonging-is/autograder.zip \\
        submissions/ --out grades.csv [--timeout 120] [--jobs 2]

One row per file in the folder: a column per question, the total, the points possible, a reason
when something went wrong, and the isolation the notebook ran under. Grading is in two steps
that never meet:

1. **Run** (:mod:`belonging.exercises.sandbox`): each notebook is copied into a throwaway folder
   holding only a copy of the ``belonging`` package (no tests, no answer keys) and run there in a
   fresh kernel, with a time limit, in a sandbox where Linux allows one. Only its answer
   variables come out, as plain JSON values.
2. **Judge** (:mod:`belonging.exercises.judge`): a separate process, which never ran student
   code, marks those values with the hidden tests, computing the expected values and the
   multiple-choice keys there from the model in the zip. The zip is read into memory before any
   notebook runs and unpacked for the judge only after every notebook has ended.

A notebook that crashes, loops, or is not a notebook gets a row with zero and a reason. If a
notebook cannot be graded for a reason of this machine (no Jupyter kernel, for instance), the
command says so and exits with status 2: that is not the student's zero.
"""
from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from belonging.exercises import sandbox

#: Seconds one notebook may take; the course notebooks take about 10-20 s each.
TIMEOUT = 120
#: Notebooks graded at once.
JOBS = 2
#: The exit status when the machine, not a student, stopped notebooks being graded.
ENVIRONMENT_FAILED = 2


def _natural(name: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def questions(autograder: zipfile.ZipFile | Path) -> dict[str, float]:
    """Question name -> points, read from the test files in the zip (q1, q2, ... q10 in order)."""
    zf = autograder if isinstance(autograder, zipfile.ZipFile) else zipfile.ZipFile(autograder)
    points = {}
    for name in zf.namelist():
        if re.fullmatch(r"tests/[^/]+\.py", name):
            tree = ast.parse(zf.read(name).decode("utf-8"))
            test = next(ast.literal_eval(node.value) for node in tree.body
                        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "test")
            points[test["name"]] = float(test["points"])
    return dict(sorted(points.items(), key=lambda item: _natural(item[0])))


def assignment_name(zf: zipfile.ZipFile) -> str:
    return json.loads(zf.read("otter_config.json"))["assignment_name"]


def unpack_package(zf: zipfile.ZipFile, folder: Path) -> Path:
    """Only the ``belonging`` package from the zip's grading files: what a notebook imports."""
    prefix = "files/grading/"
    for name in zf.namelist():
        if name.startswith(prefix + "belonging/") and not name.endswith("/"):
            target = folder / name[len(prefix):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(name))
    # The runner is this grader's own, whatever version of it the zip was built with.
    runner = folder / "belonging" / "exercises" / "sandbox.py"
    runner.parent.mkdir(parents=True, exist_ok=True)
    runner.write_bytes(Path(sandbox.__file__).read_bytes())
    return folder


def run_notebook(text: bytes, name: str, package: Path, tmp: Path,
                 points: dict, timeout: float, kernel: str, isolation: str) -> dict:
    """Run one notebook in its own sandbox folder; its answers and reasons (untrusted data)."""
    work = Path(tempfile.mkdtemp(prefix="work-", dir=tmp))
    (work / f"{name}.ipynb").write_bytes(text)
    argv, env, cwd = sandbox.command(isolation, work, package, f"{name}.ipynb", list(points), timeout, kernel)
    # Messages go to a file, not a pipe: a process the notebook left behind could hold a pipe open.
    log = work.with_suffix(".log")
    with log.open("wb") as messages:
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=messages, start_new_session=True)
    try:
        # Kernel start-up and imports come on top of the notebook's own time.
        process.wait(timeout=timeout + 30)
    except subprocess.TimeoutExpired:
        result = {"reason": f"did not finish in {timeout:g} s (a cell that never ends?)"}
    else:
        result = sandbox.read_result(work)
    finally:
        _end(process, work)
    if result is None:
        stderr = log.read_bytes()[-20000:]
        last = (stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        # The sandbox or the grading packages failing is this machine's fault, not the student's.
        machine = last.startswith(("bwrap:", "unshare:")) or "No module named" in last
        result = {"environment" if machine else "reason": f"could not be graded: {last[:200]}"}
    sandbox.clear(work)
    log.unlink()
    return result


def _end(process: subprocess.Popen, work: Path) -> None:
    """End the sandbox and everything it started, however it finished."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        process.kill()
    process.wait()
    if sys.platform.startswith("linux"):
        sandbox.end_leftovers(work)


def judge(zip_bytes: bytes, tmp: Path, answers: dict) -> dict:
    """Marks for every submission's answers, from a fresh process and a fresh copy of the zip."""
    folder = tmp / "judge"
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
        zf.extractall(folder)
    (tmp / "answers.json").write_text(json.dumps(answers), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder / "files" / "grading")}
    # The file, not `-m`: the zip's copy of the package comes first on PYTHONPATH.
    run = subprocess.run([sys.executable, str(Path(__file__).with_name("judge.py")), str(folder),
                          str(tmp / "answers.json"), str(tmp / "marks.json")], cwd=folder / "files", env=env,
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"the judge failed (the autograder zip is not one this grader can read?):\n"
                         f"{run.stderr[-2000:]}")
    return json.loads((tmp / "marks.json").read_text("utf-8"))


def _clean(text: object) -> str:
    return " ".join(str(text or "").split())[:300]


def grade_folder(autograder: Path, submissions: Path, out: Path, timeout: float = TIMEOUT, jobs: int = JOBS,
                 kernel: str = "python3", isolation: str = "auto") -> list[dict]:
    """Grade every file in ``submissions`` and write the CSV; return its rows.

    A row's ``environment`` is True when the machine, not the notebook, stopped it being graded.
    """
    zip_bytes = autograder.read_bytes()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
        points, name = questions(zf), assignment_name(zf)
        files = sorted(submissions.iterdir(), key=lambda p: p.name)
        if not files:
            raise SystemExit(f"no files in {submissions}")
        chosen = sandbox.isolation(isolation)
        print(f"isolation: {chosen.note}", file=sys.stderr)
        if chosen.name != "bwrap" and sys.platform.startswith("linux"):
            print("WARNING: submitted notebooks are not kept from your files: install bubblewrap "
                  "(sudo apt-get install bubblewrap) and grade again", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="belonging-grade-") as tmp_name:
            tmp = Path(tmp_name)
            package = unpack_package(zf, tmp / "package")

            def one(path: Path) -> dict:
                start = time.monotonic()
                if not path.is_file() or path.suffix != ".ipynb":
                    kind = "a folder" if path.is_dir() else "not a .ipynb notebook"
                    return {"reason": f"{kind}: not graded", "seconds": 0}
                result = run_notebook(path.read_bytes(), name, package, tmp, points, timeout, kernel,
                                      chosen.name)
                return {**result, "seconds": time.monotonic() - start}

            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                results = dict(zip([p.name for p in files], pool.map(one, files)))
            marks = judge(zip_bytes, tmp, {f: r.get("answers") or {} for f, r in results.items()
                                           if "environment" not in r})
    rows = [_row(f, results[f], marks.get(f, {}), points, chosen) for f in results]
    _write(out, rows, points)
    return rows


def _row(submission: str, result: dict, marks: dict, points: dict, chosen: sandbox.Isolation) -> dict:
    environment = "environment" in result
    reason = f"NOT GRADED (this machine): {_clean(result['environment'])}" if environment else _clean(
        result.get("reason"))
    row = {"submission": submission, **{q: float(marks.get(q, 0.0)) for q in points}}
    row.update(total=sum(row[q] for q in points), possible=sum(points.values()), reason=reason,
               isolation=chosen.name)
    print(f"{submission}: {row['total']:g}/{row['possible']:g} in {result.get('seconds', 0):.0f} s "
          f"{reason}".rstrip(), file=sys.stderr)
    return {**row, "environment": environment}


def _write(out: Path, rows: list[dict], points: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["submission", *points, "total", "possible", "reason", "isolation"],
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m belonging.exercises.grade", description=__doc__.split("\n\n")[0])
    parser.add_argument("autograder", type=Path, help="a chapter's autograder.zip")
    parser.add_argument("submissions", type=Path, help="a folder of submitted .ipynb files")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"), help="the CSV to write (grades.csv)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds per notebook ({TIMEOUT})")
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"notebooks graded at once ({JOBS})")
    parser.add_argument("--kernel", default="python3", help="the Jupyter kernel to run notebooks in (python3)")
    parser.add_argument("--isolation", default="auto", choices=["auto", *sandbox.ISOLATIONS],
                        help="how notebooks are held in (auto: the strongest this machine offers)")
    args = parser.parse_args(argv)
    if not args.autograder.is_file():
        parser.error(f"no autograder zip at {args.autograder}: run `make assignments` first")
    if not args.submissions.is_dir():
        parser.error(f"{args.submissions} is not a folder")
    if args.timeout <= 0 or args.jobs < 1:
        parser.error("--timeout must be above 0 and --jobs at least 1")
    rows = grade_folder(args.autograder, args.submissions, args.out, args.timeout, args.jobs, args.kernel,
                        args.isolation)
    print(f"graded {len(rows)} files into {args.out}")
    failed = [row["submission"] for row in rows if row["environment"]]
    if failed:
        print(f"{len(failed)} notebooks were NOT graded because of this machine, not the students "
              f"(see the reason column): fix it and grade again", file=sys.stderr)
        raise SystemExit(ENVIRONMENT_FAILED)


if __name__ == "__main__":
    main()
