"""Run one submitted notebook where it can do no harm, and let only its answers out.

The grader (:mod:`belonging.exercises.grade`) copies each submission into a folder of its own,
with a copy of the ``belonging`` package beside it and nothing else: no tests, no answer keys.
It then runs this module there, as a separate process, to execute the notebook in a fresh
kernel and write ``result.json``: the answer variables as plain JSON values (numbers, strings,
lists, ``null``), and which cell stopped with an error. Everything in that file comes from the
student's side and is treated as untrusted data by the judge (:mod:`belonging.exercises.judge`).

How far the student's code is held in depends on the machine (see :func:`isolation`):

* ``bwrap`` (Linux with Debian's ``bubblewrap``): no network, its own process tree (everything
  it started ends with it), a read-only view of the system and of Python, nothing of the home
  folders, the course repository or the autograder; it can write only its own folder and a
  private ``/tmp`` that is thrown away.
* ``unshare`` (Linux without bubblewrap): no network and its own process tree, but it can read
  and write whatever the instructor can.
* ``none`` (macOS, Windows, or Linux without either): an ordinary process of the instructor's;
  only the process group it started in is ended afterwards.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: Where the sandbox sees its own folder and the package copy (bwrap only).
INSIDE_WORK = "/sandbox/work"
INSIDE_PACKAGE = "/sandbox/package"
#: Printed before the answers in the extraction cell's output.
MARK = "BELONGING-ANSWERS "
#: The largest result.json the grader reads (a notebook could write anything there).
MAX_RESULT = 2_000_000

#: Appended to the notebook and run last: the answers as JSON, each value reduced to plain data.
EXTRACT = '''
def _belonging_answers(names):
    import json, math, numbers
    def plain(value, depth=0):
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            number = float(value)
            return number if math.isfinite(number) else None
        if isinstance(value, str):
            return str(value)[:10000]
        if isinstance(value, (list, tuple)) and depth < 3:
            return [plain(item, depth + 1) for item in list(value)[:1000]]
        return None
    found = {}
    for name in names:
        if name in globals():
            try:
                found[name] = plain(globals()[name])
            except Exception:
                found[name] = None
    print(%r + json.dumps(found))
_belonging_answers(%r)
'''


@dataclass(frozen=True)
class Isolation:
    name: str
    note: str


ISOLATIONS = {
    "bwrap": Isolation("bwrap", "bwrap: no network, own processes, writes only its own folder"),
    "unshare": Isolation("unshare", "unshare: no network, own processes; NOT kept from the instructor's files "
                                    "(install bubblewrap)"),
    "none": Isolation("none", "none: runs as the instructor, with network and the instructor's files"),
}


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@functools.cache
def isolation(wanted: str = "auto") -> Isolation:
    """The strongest isolation this machine offers (or ``wanted``, if it works here)."""
    import tempfile

    order = ["bwrap", "unshare", "none"] if wanted == "auto" else [wanted]
    for name in order:
        if name == "none":
            return ISOLATIONS[name]
        with tempfile.TemporaryDirectory() as tmp:
            if sys.platform.startswith("linux") and _works(
                    [*_prefix(name, Path(tmp), Path(tmp)), sys.executable, "-c", "import json"]):
                return ISOLATIONS[name]
    raise SystemExit(f"isolation {wanted!r} does not work on this machine")


def _python_roots() -> list[Path]:
    """Folders the sandboxed Python needs to read: its installation, the venv, user packages."""
    import site
    roots = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix),
             Path(os.path.realpath(sys.executable)).parent.parent}
    user = Path(site.getusersitepackages())
    if user.is_dir():
        roots.add(user)
    return sorted(root.resolve() for root in roots if root.exists())


def _system_binds() -> list[str]:
    binds = ["--ro-bind", "/usr", "/usr", "--ro-bind-try", "/etc", "/etc"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(name):
            binds += ["--symlink", os.readlink(name), name]
        elif os.path.isdir(name):
            binds += ["--ro-bind", name, name]
    return binds


def _prefix(name: str, work: Path, package: Path) -> list[str]:
    if name == "bwrap":
        # The empty /tmp comes first: bwrap mounts in order, so a Python installed under /tmp
        # (a clone or a venv there) is bound on top of it instead of hidden under it.
        command = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", *_system_binds(),
                   "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        for root in _python_roots():
            command += ["--ro-bind", str(root), str(root)]
        return command + ["--ro-bind", str(package), INSIDE_PACKAGE, "--bind", str(work), INSIDE_WORK,
                          "--chdir", INSIDE_WORK]
    if name == "unshare":
        user = ["--user", "--map-root-user"] if os.geteuid() != 0 else []
        return ["unshare", *user, "--net", "--pid", "--fork", "--kill-child", "--mount-proc"]
    return []


def command(name: str, work: Path, package: Path, notebook: str, questions: list[str],
            timeout: float, kernel: str) -> tuple[list[str], dict, Path]:
    """(argv, environment, working folder) that run :func:`run` on ``notebook`` in ``work``."""
    inside_work, inside_package = (INSIDE_WORK, INSIDE_PACKAGE) if name == "bwrap" else (str(work), str(package))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "HOME": inside_work, "PYTHONPATH": inside_package, "PYTHONDONTWRITEBYTECODE": "1",
           "JUPYTER_PLATFORM_DIRS": "1", "MPLBACKEND": "Agg",
           "BELONGING_SANDBOX": str(work)}  # lets the grader find what it started (no namespaces)
    if name == "bwrap":
        env.update(JUPYTER_RUNTIME_DIR="/tmp/jupyter", IPYTHONDIR="/tmp/ipython")
    for key in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows needs these to start Python at all
        if key in os.environ and name == "none":
            env[key] = os.environ[key]
    argv = [*_prefix(name, work, package), sys.executable, "-m", "belonging.exercises.sandbox",
            f"{inside_work}/{notebook}", str(timeout), kernel, *questions]
    return argv, env, work


def first_error(cells) -> str:
    """Which code cell stopped with an error, in one line (no traceback)."""
    for number, cell in enumerate([c for c in cells if c.cell_type == "code"], start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                value = str(output.get("evalue", "")).strip().splitlines()
                first_line = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
                return (f"code cell {number} ({first_line!r}) stopped with {output.get('ename', 'an error')}"
                        + (f": {value[0][:120]}" if value else "") + "; later answers may be missing")
    return ""


def answers_printed(cell) -> dict:
    text = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")
    lines = [line for line in text.splitlines() if line.startswith(MARK)]
    try:
        found = json.loads(lines[-1][len(MARK):]) if lines else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def execute(notebook: Path, timeout: float, kernel: str, questions: list[str]) -> dict:
    """Run the notebook in a fresh kernel; its answers, and what went wrong (in the sandbox)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception as error:  # noqa: BLE001 - anything unreadable is reported, not raised
        return {"reason": f"not a readable notebook ({type(error).__name__})"}
    # Live panels are skipped, as otter does: widget messages can stall an unattended kernel.
    cells = [c for c in nb.cells if "otter_ignore" not in c.get("metadata", {}).get("tags", [])]
    extract = nbformat.v4.new_code_cell(EXTRACT % (MARK, questions))
    nb.cells = [*cells, extract]
    from traitlets.config import Config

    # Unix sockets in its folder rather than TCP: a sandbox without a network has no loopback to use.
    config = Config({"KernelManager": {"transport": "ipc"}}) if sys.platform.startswith("linux") else Config()
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=True, config=config,
                            resources={"metadata": {"path": str(notebook.parent)}})
    started, reason = False, ""
    try:
        with client.setup_kernel():
            started, deadline = True, time.monotonic() + timeout
            for index, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    # The limit is for the whole notebook: each cell gets what is left of it.
                    client.timeout = max(1, int(deadline - time.monotonic()))
                    client.execute_cell(cell, index)
    except CellTimeoutError:
        reason = f"did not finish in {timeout:g} s (a cell that never ends?)"
    except DeadKernelError:
        reason = "the kernel died while the notebook ran"
    except Exception as error:  # noqa: BLE001
        if not started:
            return {"environment": f"the Jupyter kernel {kernel!r} could not start: "
                                   f"{type(error).__name__}: {error}"[:300]}
        reason = f"could not be run: {type(error).__name__}: {error}"[:300]
    # What stopped the run comes first; the first cell with an error says where.
    return {"answers": answers_printed(extract), "reason": "; ".join(filter(None, [reason, first_error(cells)]))}


def run(argv: list[str]) -> None:
    """``python -m belonging.exercises.sandbox NOTEBOOK TIMEOUT KERNEL q1 q2 ...`` (in the sandbox)."""
    notebook, timeout, kernel, questions = Path(argv[0]), float(argv[1]), argv[2], argv[3:]
    result = execute(notebook, timeout, kernel, questions)
    notebook.with_name("result.json").write_text(json.dumps(result), "utf-8")


def read_result(work: Path) -> dict | None:
    """The sandbox's result.json as data (None if missing or unreadable): trusted for nothing."""
    path = work / "result.json"
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_RESULT:
            return None
        result = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return result if isinstance(result, dict) else None


def end_leftovers(work: Path) -> None:
    """Kill any process still carrying this sandbox's marker (Linux /proc; other systems: none)."""
    marker = f"BELONGING_SANDBOX={work}".encode()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                os.kill(int(entry.name), 9)
        except (OSError, ValueError):
            continue


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    run(sys.argv[1:])
