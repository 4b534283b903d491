"""Schema migrations: the numbered SQL files of counterpoint.db, applied by sqlite-utils' Migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "counterpoint"
FIRST_MIGRATION = "0001_initial"  # writes the project marker and the tables every project has


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements (triggers included) so each runs inside the migration's
    transaction; sqlite3's executescript would commit first."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:60]}")
    return statements


def _sql_files(sql_dir: Path | None) -> list[tuple[str, str]]:
    if sql_dir is None:
        folder = resources.files("counterpoint.db")
        files = [
            (entry.name, entry.read_text("utf-8"))
            for entry in folder.iterdir()
            if entry.name.endswith(".sql")
        ]
    else:
        files = [(p.name, p.read_text("utf-8")) for p in sql_dir.glob("*.sql")]
    return sorted(files)


def _runner(script: str) -> Callable[[sqlite_utils.Database], None]:
    statements = split_statements(script)

    def run(db: sqlite_utils.Database) -> None:
        for statement in statements:
            db.conn.execute(statement)

    return run


def migrations(sql_dir: Path | None = None) -> Migrations:
    """The migration set, one migration per file (0001_initial.sql → '0001_initial'), in file order."""
    migration_set = Migrations(MIGRATION_SET)
    for filename, script in _sql_files(sql_dir):
        migration_set(name=filename.removesuffix(".sql"))(_runner(script))
    return migration_set


def pending_names(path: Path, sql_dir: Path | None = None) -> list[str]:
    """Migrations the file at `path` still needs; reads it without writing."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [m.name for m in migrations(sql_dir).pending(sqlite_utils.Database(conn))]
    finally:
        conn.close()
