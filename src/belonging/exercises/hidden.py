"""What the hidden tests in the autograder call, from the copy of the package inside the zip.

With ``make grade`` (:mod:`belonging.exercises.grade`) the hidden tests never run in the
student's kernel: the notebook runs in a sandbox that holds no tests, only its answers come out
as plain JSON values, and :mod:`belonging.exercises.judge` runs these tests on them in a process
that never ran student code. There ``namespace`` is just those answers.

On Gradescope, or with ``otter run``/``otter grade``, otter runs the same tests inside the
student's kernel, where a notebook can reach anything. The tests therefore still never use an
object the notebook could have touched: each runs this file afresh (``runpy.run_path``), which
loads the model and the checks again from the package files bundled in the zip, under a private
name, and answers are copied into plain ``int``, ``float`` or ``str`` first. That stops a
notebook redefining the checks, but not one that patches the standard library or reads the test
files: use ``make grade`` for marks that count. (Where there is no ``grading/`` folder, as when
an instructor runs ``grader.check`` in the solution copy, the tests load this file from the
installed package instead, still afresh.)
"""
from __future__ import annotations

import importlib
import importlib.util
import numbers
import sys
import uuid
from pathlib import Path
from typing import Any

#: The copy of ``belonging`` this file belongs to (``grading/belonging`` in the autograder).
PACKAGE = Path(__file__).resolve().parents[1]


def model(name: str):
    """A fresh copy of ``belonging.<name>`` (``"homeostat"``, ``"exercises.ch01"``) from the files."""
    private = f"_belonging_hidden_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(private, PACKAGE / "__init__.py",
                                                  submodule_search_locations=[str(PACKAGE)])
    package = importlib.util.module_from_spec(spec)
    sys.modules[private] = package
    try:
        spec.loader.exec_module(package)
        return importlib.import_module(f"{private}.{name}")
    finally:  # the loaded functions keep their own globals; nothing private is left behind
        for key in [k for k in sys.modules if k == private or k.startswith(private + ".")]:
            del sys.modules[key]


def plain(value: Any) -> Any:
    """The answer as a built-in value; anything else becomes None, which no check accepts."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__int__(value)  # the base method: a subclass cannot change the number
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, numbers.Integral):  # NumPy integers
        return int(value)
    if isinstance(value, numbers.Real):  # other real number types
        return float(value)
    return None


def _answer(namespace: dict, question: str) -> tuple[bool, Any]:
    if question not in namespace:
        return False, (f"{question} was never set: the cell that sets it did not run, "
                       "or a cell above it stopped with an error.")
    return True, plain(namespace[question])


def mark(namespace: dict, chapter: str, question: str) -> bool | str:
    """True if the fresh check for ``question`` accepts the answer, else the reason why not."""
    found, answer = _answer(namespace, question)
    if not found:
        return answer
    checks = model(f"exercises.{chapter}")
    message = getattr(checks, f"check_{question}")(answer)
    return True if message == checks.CORRECT else f"{question}: {message}"


def choice(namespace: dict, question: str, options: str, key: str) -> bool | str:
    """True if the answer is the option ``key``; the key lives only in the hidden test."""
    found, answer = _answer(namespace, question)
    if not found:
        return answer
    letter = model("exercises._feedback").as_choice(answer, options)
    if letter is None:
        return f"{question}: not one of the letters {', '.join(options)}."
    return True if letter == key else f"{question}: ({letter}) is not the answer."
