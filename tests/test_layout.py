"""The package's shape: imports run one way (no circle anywhere in ``src/belonging``), models never
import presentation, and CONTRIBUTING's map of the code names every module and script that exists
(and nothing that does not)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "belonging"
#: Packages of presentation code (plotly, ipywidgets, HTML, LMS files); models import none of them.
PRESENTATION = ("belonging.figures", "belonging.pages", "belonging.lms")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules ``path`` imports (``from . import x`` counts as importing ``x``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(path, node)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found - {module_name(path)}


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    return {name: imports(path, set(paths)) for name, path in paths.items()}


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as a list of modules, or [] (depth-first search, colouring nodes)."""
    state: dict[str, str] = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt):] + [node, nxt] if nxt in trail else [node, nxt]
            if nxt not in state and (circle := visit(nxt, trail + [node])):
                return circle
        state[node] = "done"
        return []

    for start in sorted(graph):
        if start not in state and (circle := visit(start, [])):
            return circle
    return []


def test_the_search_finds_a_circle_when_there_is_one():
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()})
    assert not find_circle({"a": {"b", "c"}, "b": {"c"}, "c": set()})


def test_the_graph_sees_relative_and_absolute_imports():
    graph = import_graph()
    assert "belonging.lms.formats" in graph["belonging.lms.cartridge"]
    assert "belonging.pages.quiz" in graph["belonging.lms.formats"]
    assert "belonging.figures.explorable" in graph["belonging.figures.homeostat"]


def test_no_import_circle_in_the_package():
    assert find_circle(import_graph()) == []


def test_models_import_no_presentation_package():
    models = {name: deps for name, deps in import_graph().items()
              if not name.startswith(PRESENTATION + ("belonging.exercises",))}
    leaks = {name: sorted(d for d in deps if d.startswith(PRESENTATION)) for name, deps in models.items()}
    assert not {name: deps for name, deps in leaks.items() if deps}


# --- CONTRIBUTING's map of the code ---------------------------------------------------------

def code_files() -> set[str]:
    """Every module and browser script a contributor might look for, as a path from the root."""
    kinds = ("*.py", "*.js", "*.json")
    found = {p for kind in kinds for p in PACKAGE.rglob(kind) if "__pycache__" not in p.parts}
    found |= {p for kind in ("*.js", "*.css") for p in (ROOT / "book" / "_static").glob(kind)}
    found |= set((ROOT / "book" / "_ext").glob("*.py")) | set((ROOT / "scripts").glob("*.py"))
    return {p.relative_to(ROOT).as_posix() for p in found if p.name != "__init__.py"}


def map_section() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    match = re.search(r"^## Where code lives\n(.*?)(?=^## )", text, flags=re.S | re.M)
    assert match, "CONTRIBUTING.md has no '## Where code lives' section"
    return match.group(1)


def named_in_map() -> set[str]:
    """Paths the map names: `folder/` headings followed by the files listed under them."""
    named, folder = set(), ""
    for line in map_section().splitlines():
        if heading := re.match(r"^- `([\w./-]+/)`", line):
            folder = heading.group(1)
        for name in re.findall(r"`([\w.-]+\.(?:py|js|json|css))`", line):
            named.add(folder + name if "/" not in name else name)
    return named


def test_contributing_maps_every_code_file():
    missing = sorted(code_files() - named_in_map())
    assert not missing, f"CONTRIBUTING.md, 'Where code lives', does not name: {missing}"


def test_contributing_names_no_file_that_does_not_exist():
    ghosts = sorted(p for p in named_in_map() if not (ROOT / p).is_file())
    assert not ghosts, f"CONTRIBUTING.md, 'Where code lives', names files that do not exist: {ghosts}"
