"""Schema migrations: from an empty file, atomic failure, backups, and refusing files that are not projects."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from counterpoint.store import Project, ProjectError
from counterpoint.store.migrations import split_statements

DB_DIR = Path(__file__).resolve().parents[2] / "db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_migrates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new.counterpoint"
    path.touch()
    with Project.open(path, create=True) as project:
        tables = set(project.db.table_names())
        applied = [row[0] for row in project.conn.execute("SELECT name FROM _sqlite_migrations")]
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert project.db["statements"].detect_fts() == "statements_fts"
    assert {"speakers", "sources", "statements", "comparisons", "annotations", "annotation_targets"} <= tables
    assert applied == ["0001_initial", "0002_annotation_uuid"]


def test_reopening_applies_nothing_and_makes_no_backup(project_path: Path) -> None:
    Project.open(project_path, create=True).close()
    with Project.open(project_path) as project:
        assert project.backup_path is None
    assert not list(project_path.parent.glob("*.bak"))


def test_failing_migration_rolls_back_and_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "p.counterpoint"
    with Project.open(path, create=True) as project:
        project.add_statement("Jeff Sessions", "We need to get even better at it.")
    before = _dump(path)
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    shutil.copy(DB_DIR / "0001_initial.sql", sql_dir)
    (sql_dir / "0002_broken.sql").write_text(
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\n"
        "UPDATE statements SET text = 'overwritten';\n"
        "INSERT INTO no_such_table VALUES (1);\n"
    )
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        Project.open(path, sql_dir=sql_dir)
    assert _dump(path) == before
    backups = list(tmp_path.glob("p.counterpoint.before-0002_broken-*.bak"))
    assert len(backups) == 1, "the file is copied aside before pending migrations run"
    with Project.open(backups[0]) as backup:
        assert backup.statements()[0].text == "We need to get even better at it."


def test_a_new_migration_applies_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "p.counterpoint"
    Project.open(path, create=True).close()
    sql_dir = tmp_path / "sql"
    sql_dir.mkdir()
    shutil.copy(DB_DIR / "0001_initial.sql", sql_dir)
    (sql_dir / "0002_colour.sql").write_text("ALTER TABLE speakers ADD COLUMN colour TEXT;\n")
    with Project.open(path, sql_dir=sql_dir) as project:
        assert "colour" in project.db["speakers"].columns_dict
        assert project.backup_path is not None and project.backup_path.exists()
    # The default build does not know 0002: the file is from a newer Counterpoint.
    with pytest.raises(ProjectError, match="newer Counterpoint"):
        Project.open(path)


def test_split_statements_keeps_triggers_whole() -> None:
    script = (DB_DIR / "0001_initial.sql").read_text()
    statements = split_statements(script)
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 9
    assert all(s.rstrip().endswith("END;") for s in triggers)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is a zip file, not a database", "not an SQLite database"),
        (b"Just some notes.\n", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "damaged|can't be opened"),
    ],
)
def test_refuses_files_that_are_not_projects_and_writes_nothing(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.counterpoint"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path, create=True)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.counterpoint"]


def test_refuses_an_sqlite_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ProjectError, match="not a Counterpoint project"):
        Project.open(path, create=True)
    assert _digest(path) == before


def test_truncated_project_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "p.counterpoint"
    with Project.open(path, create=True) as project:
        for i in range(200):
            project.add_statement("Speaker", f"statement number {i} " * 20)
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ProjectError), Project.open(path) as project:
        project.statements()
        raise AssertionError("a truncated file should not open cleanly")


def test_missing_file_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        Project.open(tmp_path / "absent.counterpoint")
    with pytest.raises(ProjectError, match=r"folder .* does not exist"):
        Project.open(tmp_path / "no" / "such" / "p.counterpoint", create=True)
