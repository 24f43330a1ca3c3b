"""Guard for `make mutation`: a test mutmut runs may read only files mutmut copies.

mutmut runs its selected tests (``pytest_add_cli_args_test_selection`` in pyproject.toml) in a
folder holding only src/, tests/, pyproject.toml and ``also_copy``. A selected test that reads any
other file of the repository (README.md, once) passes here and fails there, and then
`make mutation` stops at its first run (issue 21). This plugin watches the files each selected
test opens or lists, through Python's audit hooks, and fails the test that reads outside the copy.
"""
from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_MUTMUT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
#: What mutmut 3 copies besides also_copy (mutmut/configuration.py) and the source it mutates.
ALWAYS_COPIED = ["src", "tests", "pyproject.toml", "setup.cfg"]
COPIED = [ROOT / p for p in ALWAYS_COPIED + list(_MUTMUT.get("also_copy", []))]
SELECTED = [p.rstrip("/") for p in _MUTMUT["pytest_add_cli_args_test_selection"]]
#: Not source: the environment, git, the build output (a test that walks book/ skips _build,
#: but walking it lists the folders inside it) and Hypothesis's own cache, which it writes and
#: reads wherever it runs, mutmut's folder included.
_IGNORED = [ROOT / ".venv", ROOT / ".git", ROOT / "book" / "_build", ROOT / ".hypothesis"]

_reads: set[Path] | None = None


def _audit(event: str, args: tuple) -> None:
    if _reads is None or event not in ("open", "os.listdir", "os.scandir", "subprocess.Popen"):
        return
    if event == "open" and len(args) > 1 and isinstance(args[1], str) and any(c in args[1] for c in "wax"):
        return  # writing is not reading a repository file
    if event == "subprocess.Popen":
        # A program a test starts reads the folder it runs in and the files it is given
        # (node running tools/gift/parse.js, once).
        program_args = args[1] if len(args) > 1 and isinstance(args[1], (list, tuple)) else []
        targets = [args[2] if len(args) > 2 else None,
                   *[a for a in program_args if isinstance(a, (str, os.PathLike)) and os.path.isabs(a)]]
    elif event in ("os.listdir", "os.scandir") and args and _on_import_path(args[0]):
        # The import system lists every folder on sys.path whenever anything is imported (a test
        # that put scripts/ there makes every later import list it); a module it then loads
        # from there is still seen, as an "open".
        return
    else:
        targets = [args[0] if args else None]
    for target in targets:
        if isinstance(target, (str, bytes, os.PathLike)):
            try:
                _reads.add(Path(os.fsdecode(target)).resolve())
            except (OSError, ValueError):
                pass


def _on_import_path(folder) -> bool:
    try:
        return os.path.abspath(os.fsdecode(folder)) in {os.path.abspath(p) for p in sys.path if p}
    except (TypeError, ValueError):
        return False


def outside_copy(paths: set[Path]) -> list[str]:
    """Repository files among ``paths`` that mutmut's folder would not hold."""
    found = []
    for path in paths:
        if path == ROOT or not path.is_relative_to(ROOT):
            continue
        if any(path.is_relative_to(p) for p in _IGNORED + COPIED):
            continue
        if any(p.is_relative_to(path) for p in COPIED):
            continue  # a folder that holds copied files: listing it there shows those
        found.append(str(path.relative_to(ROOT)))
    return sorted(found)


def is_selected(nodeid: str) -> bool:
    path = nodeid.split("::")[0]
    return any(path == s or path.startswith(s + "/") for s in SELECTED)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Start watching before the fixtures run: a fixture's read counts as its test's."""
    global _reads
    _reads = set() if is_selected(item.nodeid) else None
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    global _reads
    try:
        result = yield
    finally:
        reads, _reads = _reads, None
    outside = outside_copy(reads or set())
    if outside:
        pytest.fail(f"{item.nodeid} reads {', '.join(outside)}, which `make mutation` does not copy: "
                    "add it to [tool.mutmut] also_copy in pyproject.toml", pytrace=False)
    return result


sys.addaudithook(_audit)
