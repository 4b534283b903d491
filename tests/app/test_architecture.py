"""The house rules of DESIGN.md, checked on the source: only store/ speaks SQL, imports point one way (down),
and the store and the exports stay in modules under ~600 lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "counterpoint"

# What each part of the house may import (besides itself and the shared counterpoint, counterpoint.errors).
ALLOWED = {
    "engine": set(),
    "ingest": set(),
    "store": {"engine"},
    "export": {"store", "engine"},
    "app": {"store", "ingest", "engine", "export"},
    "ui": {"app", "store", "ingest", "engine", "export"},
    # `counterpoint screenshot` renders the app's window: a command may drive the GUI, never the reverse.
    "commands": {"ui", "app", "store", "ingest", "engine", "export"},
    "cli": {"commands", "ui", "app", "store", "ingest", "engine", "export"},
}
SHARED = {"", "errors"}
SQL = re.compile(
    r"\b(SELECT\s+.+\s+FROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)"
    r"|BEGIN(\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?\s*$|PRAGMA\s+\w+)",
    re.DOTALL,  # SQL is written in capitals here; English prose ("select two … from") is not SQL
)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
            found.append((node.lineno, text))
    return found


def sql_outside_store() -> list[str]:
    offenders = []
    for path in _modules():
        if _part(path) == "store":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if id(node) in docstrings:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:60]!r}")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: .{node.attr}(")
    return offenders


def upward_imports() -> list[str]:
    offenders = []
    for path in _modules():
        part = _part(path)
        allowed = ALLOWED.get(part)
        if allowed is None:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [
                    f"{node.module}.{a.name}" for a in node.names if node.module == "counterpoint"
                ]
            for name in names:
                if not name.startswith("counterpoint"):
                    continue
                pieces = name.split(".")
                target = pieces[1] if len(pieces) > 1 else ""
                if (
                    target in SHARED
                    or target == part
                    or target in allowed
                    or target in ("db", "resources", "__version__")
                ):
                    continue
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {part} imports {name}")
    return offenders


def test_no_module_outside_the_store_speaks_sql() -> None:
    assert sql_outside_store() == []


def test_imports_point_only_down() -> None:
    assert upward_imports() == []


def test_the_checks_can_fail(tmp_path: Path) -> None:
    # The two checks run on a small copy of the house that breaks both rules.
    fake = tmp_path / "counterpoint"
    (fake / "export").mkdir(parents=True)
    (fake / "ui").mkdir()
    (fake / "export" / "bad.py").write_text(
        'def f(project):\n    return project.execute("DELETE FROM annotations WHERE id = ?", [1])\n', "utf-8"
    )
    (fake / "ui" / "up.py").write_text("from counterpoint.commands.ingest import add_document\n", "utf-8")
    globals()["PACKAGE"] = fake
    try:
        assert any("DELETE FROM" in o for o in sql_outside_store())
        assert any(".execute(" in o for o in sql_outside_store())
        assert upward_imports() == ["ui/up.py:1: ui imports counterpoint.commands.ingest"]
    finally:
        globals()["PACKAGE"] = PACKAGE_REAL


PACKAGE_REAL = PACKAGE


@pytest.mark.parametrize("part", ["store", "export", "app", "ingest"])
def test_modules_stay_under_about_600_lines(part: str) -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in (PACKAGE / part).rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 620
    }
    assert long == {}


def test_project_has_no_public_execute() -> None:
    from counterpoint.store import Project

    assert not hasattr(Project, "execute")
