"""Submissions that try to raise their own marks, or to reach past their folder, graded as a class would be.

Each tampering notebook is the learner copy with some answers filled in honestly and an attack
in the cell after the imports. Each must score what its honest answers deserve, and leave
nothing outside its own folder. The multiple-choice answers come from the solution copy, never
from a letter written here, so the tests stay right when the keys move.
"""
from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from belonging.exercises.generate import SOURCES

SOURCE = SOURCES / "01-what-belonging-is.ipynb"
pytestmark = pytest.mark.xdist_group("assignments")
QUESTIONS = ("q1", "q2", "q3", "q4")
RIGHT_NUMBERS = {"q1": "q1 = homeostat.steady_state(3, 0.9)",
                 "q2": "q2 = next(c for c in range(29) if homeostat.steady_state(c, 0.0) >= 0.6)"}
WRONG_NUMBERS = {"q1": "q1 = 0.123", "q2": "q2 = 27"}
#: Replaced by the solution copy's answer line.
HONEST_CHOICES = {"q3": "solution", "q4": "solution"}

STUB = "def mark(*a, **k):\n    return True\ndef choice(*a, **k):\n    return True\ndef model(name):\n    raise SystemExit\n"
FAKE_TEST = ('OK_FORMAT = True\ntest = {"name": "%s", "points": 1, "suites": [{"cases": [{"code": ">>> True\\nTrue", '
             '"hidden": True, "points": 1}], "scored": True, "setup": "", "teardown": "", "type": "doctest"}]}\n')

ATTACKS = {
    # The trial's (b2): a patched abs made `abs(value - expected) < 0.005` true for any number.
    "abs": ("import builtins\nbuiltins.abs = lambda x: 0", {**WRONG_NUMBERS, **HONEST_CHOICES}),
    # Other patched builtins and modules the checks might lean on.
    "builtins": ("import builtins, math, numpy, operator\n"
                 "builtins.round = lambda *a, **k: 0\n"
                 "math.isclose = numpy.isclose = numpy.allclose = lambda *a, **k: True\n"
                 "operator.eq = lambda *a: True", {**WRONG_NUMBERS, **HONEST_CHOICES}),
    # (b3): the hidden tests' run_path wrapped so mark and choice always pass.
    "runpy": ("import runpy\n_real = runpy.run_path\n"
              "def _fake(path, *a, **k):\n    ns = _real(path, *a, **k)\n"
              "    ns['mark'] = ns['choice'] = lambda *a, **k: True\n    return ns\n"
              "runpy.run_path = _fake\nimport sys\nsys.modules['runpy'].run_path = _fake", {}),
    # (c): every hidden.py within reach replaced by one that passes everything, and test files
    # written where a judge could look (the folder, its parent, a judge/ folder beside it).
    "overwrite": ("from pathlib import Path\nfrom importlib.util import find_spec\n"
                  f"STUB = {STUB!r}\nFAKE = {FAKE_TEST!r}\n"
                  "here = Path.cwd()\n"
                  # Never a machine-wide folder: the trial's first try overwrote other people's files in /tmp.
                  "near = here.parent not in (Path('/'), Path('/tmp'), Path.home())\n"
                  "targets = [here / 'grading/belonging/exercises/hidden.py',\n"
                  "           Path(find_spec('belonging').origin).parent / 'exercises' / 'hidden.py',\n"
                  "           *(here.parent.rglob('hidden.py') if near else [])]\n"
                  "for t in targets:\n    try:\n        t.parent.mkdir(parents=True, exist_ok=True); t.write_text(STUB)\n"
                  "    except OSError:\n        pass\n"
                  "for folder in (here, *((here.parent, here.parent / 'judge', *here.parent.glob('*')) if near else ())):\n"
                  "    for q in ('q1', 'q2', 'q3', 'q4'):\n        try:\n"
                  "            (folder / 'tests').mkdir(parents=True, exist_ok=True)\n"
                  "            (folder / 'tests' / f'{q}.py').write_text(FAKE % q)\n"
                  "            (folder / 'tests' / f'zz{q}.py').write_text(FAKE % q)\n"
                  "        except OSError:\n            pass", {}),
    # (d): the multiple-choice keys read from any test file, zip or exercise source on disk.
    "read-keys": ("import itertools, json, re, sys, zipfile\nfrom pathlib import Path\n_keys = {}\n"
                  "roots = {Path.cwd(), Path.cwd().parent, Path.home(), Path(sys.prefix).parent, Path('/work'),\n"
                  "         Path('/root'), Path('/tmp'), *Path(sys.prefix).parents}\n"
                  "pattern = re.compile(r\"choice.\\]\\(globals\\(\\), .(q[34]). ?, .[a-z]+. ?, .([a-z]).\\)\")\n"
                  "def look(text):\n    for q, key in pattern.findall(text):\n        _keys[q] = key\n"
                  "for root in roots:\n    try:\n        files = [p for p in itertools.islice(root.rglob('*'), 100000)\n"
                  "                 if p.suffix in ('.py', '.ipynb', '.zip')\n"
                  "                 and ('01-what-belonging' in str(p) or p.parent.name == 'tests')]\n"
                  "    except OSError:\n        continue\n"
                  "    for p in files:\n        try:\n"
                  "            if p.suffix == '.zip':\n"
                  "                with zipfile.ZipFile(p) as z:\n"
                  "                    for n in z.namelist():\n"
                  "                        if n.startswith('tests/'):\n                            look(z.read(n).decode())\n"
                  "            elif p.suffix == '.ipynb':\n"
                  "                look(''.join(''.join(c['source']) for c in json.loads(p.read_text())['cells']))\n"
                  "            elif 'q' in p.name:\n                look(p.read_text())\n"
                  "        except Exception:\n            pass",
                  {**RIGHT_NUMBERS, "q3": "q3 = _keys.get('q3')", "q4": "q4 = _keys.get('q4')"}),
    # Answers that pretend: subclasses whose comparisons always succeed.
    "liars": ("class L(float):\n    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = lambda s, o: True\n"
              "    __sub__ = __rsub__ = lambda s, o: L(0)\n    __abs__ = lambda s: L(0)\n"
              "class S(str):\n    __eq__ = lambda s, o: True\n    def strip(self, *a): return self\n"
              "    def lower(self): return self",
              {"q1": "q1 = L(0.5)", "q2": "q2 = L(3)", "q3": "q3 = S('z')", "q4": "q4 = S('z')"}),
}


@pytest.fixture(scope="module")
def kit(chapter_one_kit, tmp_path_factory):
    return shutil.copytree(chapter_one_kit, tmp_path_factory.mktemp("tamper-kit") / SOURCE.stem)


def _answer_lines(kit) -> dict[str, str]:
    """Each question's answer line in the solution copy ("q3 = ..."): the key is never written here."""
    solution = nbformat.read(kit / "solution" / f"{SOURCE.stem}.ipynb", as_version=4)
    return {q: next(c.source.splitlines()[0] for c in solution.cells
                    if c.cell_type == "code" and c.source.startswith(f"{q} =")) for q in QUESTIONS}


def _notebook(kit, answers: dict[str, str], attack: str = ""):
    nb = nbformat.read(kit / f"{SOURCE.stem}.ipynb", as_version=4)
    for cell in nb.cells:
        for q, line in answers.items():
            if cell.cell_type == "code" and cell.source.startswith(f"{q} ="):
                cell.source = line
    if attack:
        imports = next(i for i, c in enumerate(nb.cells) if "from belonging import homeostat" in c.source)
        nb.cells.insert(imports + 1, nbformat.v4.new_code_cell(attack))
    return nb


def _grade(kit, folder, *options, timeout=900):
    out = folder.parent / f"{folder.name}.csv"
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "belonging.exercises.grade", str(kit / "autograder.zip"),
                          str(folder), "--out", str(out), *options], capture_output=True, text=True, timeout=timeout)
    with out.open(newline="", encoding="utf-8") as f:
        rows = {row["submission"]: row for row in csv.DictReader(f)}
    return run, rows, time.monotonic() - start


def _scores(row) -> list[float]:
    return [float(row[q]) for q in QUESTIONS]


def _listen():
    """A TCP server on the instructor's loopback that records whether anyone connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    reached, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                reached.append(server.accept())
            except OSError:
                continue
    threading.Thread(target=accept, daemon=True).start()
    return server, reached, stop


def _left_behind(token: str) -> list[str]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                    if token.encode() in f.read():
                        found.append(entry.name)
            except OSError:
                continue
    return found


def test_linux_grading_runs_notebooks_in_bubblewrap():
    # The guarantees below are bubblewrap's: CI installs it (.ci/run), as should a Linux instructor.
    from belonging.exercises import sandbox

    assert sandbox.isolation().name == "bwrap", "install bubblewrap (apt-get install bubblewrap)"


def test_tampering_scores_only_what_honest_answers_deserve(kit, tmp_path):
    lines = _answer_lines(kit)
    choices = {q: lines[q] for q in ("q3", "q4")}
    folder = tmp_path / "submissions"
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("the instructor's file")
    token = f"leftover-{uuid.uuid4().hex}"
    server, reached, stop = _listen()
    expected = {}
    for name, (attack, given) in ATTACKS.items():
        answers = {q: choices[q] if line == "solution" else line for q, line in given.items()}
        nbformat.write(_notebook(kit, answers, attack), folder / f"{name}.ipynb")
        right = {**RIGHT_NUMBERS, **choices}
        expected[f"{name}.ipynb"] = [1.0 if q in answers and answers[q] == right[q] else 0.0 for q in QUESTIONS]
    # Reaching past its folder: the instructor's files, another submission, the network, and
    # processes left running after the kernel ends (one in a new session, one double-forked).
    reach = (f"import os, socket, subprocess, sys\nfrom pathlib import Path\n"
             f"for step in (lambda: Path({str(outside / 'marker.txt')!r}).write_text('written by a graded notebook'),\n"
             f"             lambda: os.remove({str(victim)!r}),\n"
             f"             lambda: Path({str(folder / 'zz-blank.ipynb')!r}).write_text('overwritten'),\n"
             f"             lambda: socket.create_connection(('127.0.0.1', {server.getsockname()[1]}), 3).sendall(b'hi')):\n"
             f"    try:\n        step()\n    except OSError:\n        pass\n"
             f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(900)', {token!r}],"
             f" start_new_session=True, env={{}})\n"
             f"if os.fork() == 0:\n    os.setsid()\n    os.execv(sys.executable, [sys.executable, '-c',"
             f" 'import time; time.sleep(900)', {token!r}])")
    nbformat.write(_notebook(kit, {**RIGHT_NUMBERS, **choices}, reach), folder / "reach.ipynb")
    expected["reach.ipynb"] = [1.0] * 4
    nbformat.write(_notebook(kit, {}), folder / "zz-blank.ipynb")
    expected["zz-blank.ipynb"] = [0.0] * 4
    nbformat.write(_notebook(kit, {**RIGHT_NUMBERS, **choices}), folder / "zz-solution.ipynb")
    expected["zz-solution.ipynb"] = [1.0] * 4
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    try:
        run, rows, _ = _grade(kit, folder)
    finally:
        stop.set()
        server.close()
        left = _left_behind(token)
        for pid in left:  # so a failing run leaves nothing either
            os.kill(int(pid), 9)
    assert run.returncode == 0, run.stderr[-3000:]
    assert {name: _scores(row) for name, row in rows.items()} == expected
    assert {row["isolation"] for row in rows.values()} == {"bwrap"}
    assert victim.read_text() == "the instructor's file" and not (outside / "marker.txt").exists()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no submission changed or added
    assert reached == [], "a graded notebook reached the instructor's network"
    assert left == [], "a graded notebook left processes running"


def test_a_notebook_that_never_ends_is_stopped_at_the_timeout(kit, tmp_path):
    lines = _answer_lines(kit)
    folder = tmp_path / "loop"
    folder.mkdir()
    nbformat.write(_notebook(kit, {**RIGHT_NUMBERS, "q3": lines["q3"]}, "while True:\n    pass"),
                   folder / "loop.ipynb")
    (folder / "essay.txt").write_text("I wrote my answers here instead")
    run, rows, seconds = _grade(kit, folder, "--timeout", "10")
    assert run.returncode == 0, run.stderr[-3000:]
    assert seconds < 90
    assert "did not finish in 10 s" in rows["loop.ipynb"]["reason"]
    assert "not a .ipynb notebook" in rows["essay.txt"]["reason"] and rows["essay.txt"]["total"] == "0.0"


def test_a_machine_that_cannot_run_notebooks_is_not_a_students_zero(kit, tmp_path):
    folder = tmp_path / "env"
    folder.mkdir()
    nbformat.write(_notebook(kit, RIGHT_NUMBERS), folder / "ana.ipynb")
    run, rows, _ = _grade(kit, folder, "--kernel", "no-such-kernel")
    assert run.returncode == 2
    assert rows["ana.ipynb"]["reason"].startswith("NOT GRADED (this machine)")
    assert "no-such-kernel" in rows["ana.ipynb"]["reason"] and "NOT graded" in run.stderr


def test_bubblewrap_works_for_a_python_that_lives_under_tmp(tmp_path):
    """The sandbox gives the grader its own empty /tmp; a Python installed under /tmp (a clone or a
    venv there) must still be visible inside, or grading silently falls back to weaker isolation."""
    assert str(tmp_path).startswith("/tmp/")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    probe = "from belonging.exercises import sandbox; print(sandbox.isolation().name)"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    found = subprocess.run([str(venv / "bin" / "python"), "-c", probe], env=env, capture_output=True,
                           text=True, timeout=120)
    assert found.stdout.strip() == "bwrap", found.stderr
