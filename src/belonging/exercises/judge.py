"""Mark answers against the autograder's tests, in a process that never ran student code.

    python judge.py AUTOGRADER_FOLDER ANSWERS.json SCORES.json

``AUTOGRADER_FOLDER`` is the unzipped ``autograder.zip``; the grader runs this file with that
folder's ``files/grading`` first on ``PYTHONPATH`` and ``files/`` as the working folder, which is
where the hidden tests look for their copy of the package. ``ANSWERS.json`` maps each
submission to its answers as plain JSON values, the only thing that came out of its sandbox.
Each test file's cases that carry points (the hidden tests) are run as doctests with those
answers as their globals, so the expected values, and the multiple-choice keys, are computed
here, from the model, and never reach the notebook.
"""
from __future__ import annotations

import ast
import doctest
import json
import math
import re
import sys
from pathlib import Path
from typing import Any


def tests(folder: Path) -> dict[str, dict]:
    """Question name -> its otter test (``tests/qN.py``), read as data, not run."""
    found = {}
    for path in sorted(folder.glob("tests/*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        test = next(ast.literal_eval(node.value) for node in tree.body
                    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "test")
        found[test["name"]] = test
    return found


def clean(value: Any, depth: int = 0) -> Any:
    """Only plain data: numbers, strings, booleans, None and short lists of them."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list) and depth < 3:
        return [clean(item, depth + 1) for item in value[:1000]]
    return None


def passes(code: str, answers: dict) -> bool:
    """Whether one doctest case passes with ``answers`` as its globals."""
    globs = {"__name__": "__judge__", **answers}
    test = doctest.DocTestParser().get_doctest(code, globs, "hidden", None, 0)
    runner = doctest.DocTestRunner(verbose=False)
    runner.run(test, out=lambda text: None, clear_globs=False)
    return runner.failures == 0 and runner.tries > 0


def score(test: dict, answers: dict) -> float:
    """Points for one question: the points of each case with points that passes."""
    cases = [case for suite in test["suites"] for case in suite["cases"] if case.get("points")]
    earned = sum(float(case["points"]) for case in cases if passes(case["code"], answers))
    return min(earned, float(test["points"]))


def judge(folder: Path, submissions: dict) -> dict:
    """Submission -> question -> points."""
    found = tests(folder)
    marks = {}
    for name, answers in submissions.items():
        plain = {q: clean(v) for q, v in (answers or {}).items()
                 if isinstance(q, str) and re.fullmatch(r"q\d+", q) and q in found}
        marks[name] = {q: score(test, plain) for q, test in found.items()}
    return marks


def main(argv: list[str]) -> None:
    folder, answers, out = Path(argv[0]), Path(argv[1]), Path(argv[2])
    out.write_text(json.dumps(judge(folder, json.loads(answers.read_text("utf-8")))), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
