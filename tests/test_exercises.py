"""Exercise notebooks: single source, honest autograding, feedback instead of tracebacks."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, strategies as st

from belonging.exercises import CORRECT, RECORDED, ch01
from belonging.exercises.generate import EXERCISES, SOURCES, hidden_tests

SOURCE_FILES = sorted(SOURCES.glob("[0-9][0-9]-*.ipynb"))


def _check_module(stem: str):
    """Chapter NN's checks live in belonging.exercises.chNN (None if there is no such module)."""
    try:
        return importlib.import_module(f"belonging.exercises.ch{stem[:2]}")
    except ModuleNotFoundError:
        return None


CHECKS = {s.stem: _check_module(s.stem) for s in SOURCE_FILES}


# One chapter's tests share one generation (tests/conftest.py), so under pytest-xdist they run on one worker.
@pytest.fixture(scope="module", params=[pytest.param(s.stem, marks=pytest.mark.xdist_group(s.stem), id=s.stem)
                                        for s in SOURCE_FILES])
def generated(request, generation):
    return generation(request.param)


def otter_score(zip_path: Path, notebook: Path, out: Path, *, debug: bool = False) -> dict:
    """Grade a notebook as `otter run` does (its own function, in this process: a new otter
    process for each of 24 notebooks cost seconds each in start-up alone); with `debug`, any
    error in any cell fails the grading. Returns what `otter run` writes to results.json."""
    from otter.run import main as otter_run

    out.mkdir(parents=True, exist_ok=True)
    otter_run(str(notebook), autograder=str(zip_path), output_dir=str(out), no_logo=True, debug=debug)
    return json.loads((out / "results.json").read_text())


def total(results: dict) -> tuple[float, float]:
    scored = [t for t in results["tests"] if "max_score" in t]  # skip otter's "Public Tests" summary row
    return sum(float(t["score"]) for t in scored), sum(float(t["max_score"]) for t in scored)


def test_every_source_has_a_checked_in_learner_copy_and_check_module():
    assert SOURCE_FILES, "no exercise sources"
    for source in SOURCE_FILES:
        assert (EXERCISES / source.name).is_file()
        assert (EXERCISES / "solutions" / source.name).is_file()
        assert CHECKS[source.stem] is not None, f"no belonging.exercises.ch{source.stem[:2]} module"


def test_checked_in_copies_are_byte_for_byte_a_fresh_generation(generated):
    """The committed copies came from an earlier generation: equal bytes mean regeneration is
    stable (cell ids included), so `make exercises` leaves an unchanged chapter untouched."""
    source, learner, solution, _ = generated
    assert (EXERCISES / source.name).read_bytes() == learner.read_bytes(), "run `make exercises` and commit"
    assert (EXERCISES / "solutions" / source.name).read_bytes() == solution.read_bytes()


def test_learner_copy_has_no_solutions_hidden_tests_or_answer_keys(generated):
    source, learner, solution, _ = generated
    text = learner.read_text("utf-8")
    assert "# SOLUTION" not in text and "BEGIN SOLUTION" not in text
    assert "= ..." in text
    hidden = hidden_tests(source.stem[:2])
    tests = json.loads(solution.read_text("utf-8"))["metadata"]["otter"]["tests"]
    assert set(hidden) == set(tests), "every question needs a hidden test"
    learner_tests = json.loads(text)["metadata"]["otter"]["tests"]
    for name, test in tests.items():
        cases = test["suites"][0]["cases"]
        assert [c["points"] for c in cases if not c["hidden"]] == [0], f"{name}: the public check is not the grade"
        for case in (c for c in cases if c["hidden"]):
            assert case["points"] > 0
            assert case["code"] not in text and "run_path" not in text and '"hidden": true' not in text
            assert not case.get("failure_message") or case["failure_message"] not in text
        assert all(not c["hidden"] for c in learner_tests[name]["suites"][0]["cases"])
        key = hidden[name]["key"]
        if key:  # the letter as the hidden test passes it, and its explanation, nowhere a student sees
            checks = (Path(CHECKS[source.stem].__file__)).read_text("utf-8")
            for shown in (text, checks):
                assert f'"{name}", "abc", "{key}"' not in shown and hidden[name]["failure_message"] not in shown


def test_solution_runs_without_an_error_and_earns_every_point(generated, tmp_path):
    """The solution copy, graded as a student's would be, but with otter's --debug: a cell that
    raises anywhere (a figure, a panel) fails the run, not only a wrong answer."""
    _, _, solution, zip_path = generated
    got, possible = total(otter_score(zip_path, solution, tmp_path / "solution", debug=True))
    assert possible > 0 and got == possible


#: Appended to a blank learner copy: every public check of the chapter, and the model functions
#: it calls, are made to say "Correct!", as a student who read the package might.
OVERRIDE = """
import importlib
from belonging.exercises import CORRECT as _C, RECORDED as _R
_checks = importlib.import_module("belonging.exercises.ch{nn}")
for _name in dir(_checks):
    if _name.startswith("check_"):
        _pass = _R if getattr(_checks, _name)("a") == _R else _C  # what its public test expects
        setattr(_checks, _name, lambda answer, _p=_pass: _p)
        globals()[_name] = getattr(_checks, _name)
"""


def test_blank_copy_that_overrides_the_checks_passes_them_but_scores_zero(generated, tmp_path):
    """One run covers both: a blank notebook grades to zero without crashing, and overriding
    the public checks (which it does: they all pass) earns nothing on the hidden tests."""
    source, learner, _, zip_path = generated
    nb = nbformat.read(learner, as_version=4)
    # Right after otter's first cell: each question is graded when its grader.check cell runs.
    nb.cells.insert(1, nbformat.v4.new_code_cell(OVERRIDE.format(nn=source.stem[:2])))
    cheat = tmp_path / source.name
    nbformat.write(nb, cheat)
    results = otter_score(zip_path, cheat, tmp_path / "cheat")
    got, possible = total(results)
    assert possible > 0 and got == 0
    public = next(t for t in results["tests"] if t.get("name") == "Public Tests")["output"]
    questions = [t for t in results["tests"] if "max_score" in t]
    assert public.count("All test cases passed") == len(questions), public[:1500]


#: Wrong answers of every kind a learner might type.
WRONG = ['"a lot"', "[0.5]", "None", "True", "float('nan')", "-3", "{'q': 1}", '"z"']


class Kernel:
    """A kernel driven the way JupyterLab drives one: run a cell's source, collect what it shows.

    It uses jupyter_client's blocking client: nbclient's asyncio polling sometimes missed the
    reply to a cell that opened widgets while other kernels were busy, and then waited out its
    whole 300 s timeout before finding it (seen on 5 of 12 chapters in one CI run), so one test
    took 300 s instead of 5."""

    def __init__(self, folder: Path):
        from jupyter_client.manager import start_new_kernel
        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(folder))

    def run(self, source: str) -> list[dict]:
        shown = []

        def keep(msg):
            if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
                shown.append(msg["content"])

        reply = self.client.execute_interactive(source, output_hook=keep, timeout=300)
        assert reply["content"]["status"] == "ok", (source[:200], shown)
        return shown

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def _shown(outputs: list[dict]) -> str:
    return json.dumps(outputs)


def test_learner_copy_runs_and_answers_every_wrong_value_with_feedback(generated):
    """One kernel per chapter: the blank copy top to bottom, then each kind of wrong answer
    typed into every question and its check run again, as a learner would in JupyterLab."""
    _, learner, _, _ = generated
    nb = nbformat.read(learner, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    answers = [c for c in code if c.lstrip().startswith("q") and "= ..." in c]
    checks = [c for c in code if "grader.check(" in c]
    assert answers and checks
    kernel = Kernel(learner.parent)
    try:
        blank = "".join(_shown(kernel.run(source)) for source in code)  # fails on any error
        assert "Traceback" not in blank
        assert "haven't answered yet" in blank  # grader.check shows our message for a blank answer
        for wrong in WRONG:
            for original in answers:
                kernel.run(original.replace("= ...", f"= {wrong}"))
            for check in checks:
                shown = _shown(kernel.run(check))
                assert "Traceback" not in shown and "Error" not in shown, (wrong, shown[:800])
                # A wrong answer must fail the check, and the learner must see our feedback after "Got:".
                assert "Test case failed" in shown and "All test cases passed" not in shown, (wrong, shown[:800])
                got = json.loads(shown)[0]["data"]["text/plain"].split("Got:", 1)[1].strip()
                assert got and got != "Correct!", (wrong, shown[:800])
    finally:
        kernel.close()


ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                      st.text(max_size=20), st.lists(st.integers(), max_size=3), st.just(...),
                      st.just(10**400), st.just(-(10**400)), st.just(""), st.just("  "),
                      st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@given(ANY_VALUE)
def test_checks_never_raise_and_always_answer(value):
    for module in CHECKS.values():
        for name in dir(module):
            if name.startswith("check_"):
                message = getattr(module, name)(value)
                assert isinstance(message, str) and message


@pytest.mark.parametrize("value", [10**400, -(10**400), float("inf"), "", "   ", b"0.5", 1j, object()],
                         ids=["huge-int", "huge-negative-int", "inf", "empty", "spaces", "bytes", "complex", "object"])
def test_checks_answer_extreme_values_with_feedback(value):
    """Values a random search rarely draws: an int too large for a float once crashed every check."""
    for module in CHECKS.values():
        for name in dir(module):
            if name.startswith("check_"):
                message = getattr(module, name)(value)
                assert isinstance(message, str) and message and message != CORRECT, (module.__name__, name)


def test_chapter_one_checks_accept_the_right_answers_computed_from_the_model():
    from belonging import homeostat
    assert ch01.check_q1(homeostat.steady_state(3, 0.9)) == CORRECT
    assert ch01.check_q1(homeostat.steady_state(3, 0.0)) != CORRECT
    fewest = min(c for c in range(29) if homeostat.steady_state(c, 0.0) >= 0.6)
    assert ch01.check_q2(fewest) == CORRECT and ch01.check_q2(fewest + 1) != CORRECT
    assert ch01.check_q2(fewest - 1) != CORRECT
    # Multiple choice: the package only checks the form; the key is the hidden tests'.
    assert ch01.check_q3(" (A) ") == RECORDED == ch01.check_q3("b") and ch01.check_q3("z") != RECORDED
    assert ch01.check_q4("B") == RECORDED and hidden_tests("01")["q4"]["key"] == "b"


def test_live_panels_are_left_out_of_grading():
    """The autograder runs notebooks unattended: a live panel there only sends widget messages
    nobody reads (a notebook with a seven-slider panel hung otter run under load), so every
    panel cell carries otter's `otter_ignore` tag, in the source and in the learner copy."""
    for source in SOURCE_FILES:
        for copy in (source, EXERCISES / source.name):
            nb = nbformat.read(copy, as_version=4)
            panels = [c for c in nb.cells if c.cell_type == "code" and ".panel()" in c.source]
            assert panels, f"{copy.name}: no live panel"
            untagged = [c.source for c in panels if "otter_ignore" not in c.metadata.get("tags", [])]
            assert not untagged, f"{copy}: {untagged}"
