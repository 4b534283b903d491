"""Adding many statements at once indexes them for search in one pass, with the same result as the
per-row trigger, and leaves the trigger in place for the next statement (or as it was after a failure)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counterpoint.errors import UserError
from counterpoint.store import NewStatement, Project
from counterpoint.store.library import BULK_INDEX


def rows(count: int, start: int = 0) -> list[NewStatement]:
    return [
        NewStatement(f"Speaker {n % 5}", f"Statement {n} on budget{n % 97} cuts.")
        for n in range(start, start + count)
    ]


def trigger(project: Project) -> str | None:
    row = project.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'statements_ai'").fetchone()
    return row[0] if row else None


def fts_ok(project: Project) -> None:
    project.conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)")


def test_a_bulk_add_is_searchable_like_one_by_one(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.counterpoint", create=True) as p:
        before = trigger(p)
        assert p.add_statements(rows(10)) == 10  # the trigger's path
        assert p.add_statements(rows(3 * BULK_INDEX, start=10)) == 3 * BULK_INDEX  # the bulk path
        assert trigger(p) == before
        fts_ok(p)
        assert len(p.statement_ids(search="budget5 statement")) == len(
            [n for n in range(10 + 3 * BULK_INDEX) if n % 97 == 5]
        )
        assert len(p.statement_ids(search="cuts")) == 10 + 3 * BULK_INDEX
        # the trigger indexes the next statement on its own again
        new = p.add_statement("Speaker 1", "A lone sentence about zeppelins.")
        assert p.statement_ids(search="zeppelins") == [new]
        fts_ok(p)


def test_a_failed_bulk_add_leaves_nothing_and_the_trigger(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.counterpoint", create=True) as p:
        before = trigger(p)
        broken = [*rows(2 * BULK_INDEX), NewStatement("X", "   ")]
        with pytest.raises(UserError):
            p.add_statements(broken)
        assert p.count_statements() == 0 and trigger(p) == before
        new = p.add_statement("Speaker 1", "Zeppelins again.")
        assert p.statement_ids(search="zeppelins") == [new]
        fts_ok(p)


def test_a_changed_trigger_is_left_to_do_its_work(tmp_path: Path) -> None:
    """A project whose trigger is not the one this version knows keeps it, and still gets every row indexed."""
    with Project.open(tmp_path / "p.counterpoint", create=True) as p:
        with p.transaction():
            p.conn.execute("DROP TRIGGER statements_ai")
            p.conn.execute(
                "CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN "
                "INSERT INTO statements_fts (rowid, text) VALUES (new.rowid, new.text); END"
            )
        changed = trigger(p)
        p.add_statements(rows(BULK_INDEX))
        assert trigger(p) == changed
        assert len(p.statement_ids(search="cuts")) == BULK_INDEX
        fts_ok(p)


def test_integrity_check_sees_a_broken_index(tmp_path: Path) -> None:
    """fts_ok can fail: a row missing from the index is found."""
    with Project.open(tmp_path / "p.counterpoint", create=True) as p:
        p.add_statements(rows(5))
        with p.transaction():
            p.conn.execute(
                "INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', 1, ?)",
                [p.statement(1).text],
            )
        with pytest.raises(sqlite3.DatabaseError):
            fts_ok(p)
