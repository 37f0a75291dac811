"""The package's import graph, read with ``ast``: no module imports, even lazily inside a
function, a module that imports it back, and no floor below the UI names Qt.

Imports under ``if TYPE_CHECKING:`` are left out: they never run (ORM type hints)."""

from __future__ import annotations

import ast
from pathlib import Path

import coachdesk

PACKAGE_DIR = Path(coachdesk.__file__).resolve().parent
QT_FREE_FOLDERS = ("models", "services", "checks", "export", "formats", "library")
QT_FREE_MODULES = ("db", "paths", "vocab", "files", "errors", "housekeeping", "limits",
                   "movement", "merge", "progression", "dates", "opening", "cli")


def module_name(path: Path) -> str:
    parts = ["coachdesk", *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))
            if "migrations" not in p.relative_to(PACKAGE_DIR).parts}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names imported from it) for every import that can run."""
    found: list[tuple[str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def raw_imports(path: Path) -> list[tuple[str, list[str]]]:
    return _imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for target, names in raw_imports(path):
            if not target.startswith("coachdesk"):
                continue
            for candidate in [f"{target}.{n}" for n in names] or [target]:
                if candidate in known:  # ``from coachdesk.models import client``
                    graph[name].add(candidate)
                elif target in known:
                    graph[name].add(target)
            if target in known and not names:
                graph[name].add(target)
        graph[name].discard(name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def _edges_within(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    members = set(component)
    return [f"{a} -> {b}" for a in component for b in sorted(graph[a]) if b in members]


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(
        "  " + "; ".join(_edges_within(graph, c)) for c in found)


def test_the_cycle_finder_sees_a_cycle_and_ignores_type_checking_imports() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    source = ("from typing import TYPE_CHECKING\n"
              "if TYPE_CHECKING:\n    from coachdesk.db import Database\n"
              "def f():\n    from coachdesk.models import Exercise\n")
    assert _imports(ast.parse(source)) == [("typing", ["TYPE_CHECKING"]),
                                           ("coachdesk.models", ["Exercise"])]


def test_no_floor_below_the_ui_imports_qt() -> None:
    offenders = []
    for name, path in modules().items():
        parts = name.split(".")
        below_ui = (len(parts) > 2 and parts[1] in QT_FREE_FOLDERS) or (
            len(parts) == 2 and parts[1] in QT_FREE_MODULES)
        if not below_ui:
            continue
        offenders += [f"{name} imports {target}" for target, _ in raw_imports(path)
                      if target.split(".")[0] in ("PySide6", "shiboken6")]
    assert not offenders, "\n".join(offenders)


# floor → packages it must never import (not even lazily)
FORBIDDEN_UPWARD = {
    "coachdesk.db": ("coachdesk.library", "coachdesk.services", "coachdesk.ui"),
    "coachdesk.models": ("coachdesk.services", "coachdesk.library", "coachdesk.ui"),
    "coachdesk.library": ("coachdesk.services", "coachdesk.ui"),
    "coachdesk.services": ("coachdesk.ui", "coachdesk.commands"),
}
UPWARD_SHIMS: set[str] = set()  # none left


def test_no_floor_imports_a_floor_above_it() -> None:
    graph = import_graph()
    offenders = [
        f"{name} -> {target}"
        for name, targets in graph.items() if name not in UPWARD_SHIMS
        for floor, above in FORBIDDEN_UPWARD.items()
        if name == floor or name.startswith(floor + ".")
        for target in sorted(targets) if target.startswith(above)
    ]
    assert not offenders, "\n".join(offenders)
