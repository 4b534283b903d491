"""Checking a project file, rebuilding its search index, and rescuing what can still be read from a damaged
one into a new project file (`counterpoint check`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from counterpoint.store import locking
from counterpoint.store.errors import ProjectError
from counterpoint.store.project import Project, connect, connect_read_only

# In the order a copy must insert them (a row's references come before it).
TABLES = (
    "speakers",
    "sources",
    "statements",
    "comparisons",
    "comparison_statements",
    "tags",
    "annotations",
    "annotation_targets",
    "annotation_tags",
    "project_info",
)
SEARCH_INDEXES = ("statements_fts", "speakers_fts", "annotations_fts")


@dataclass
class CheckReport:
    """What `check` found: damaged tables (SQLite's integrity check, table by table) and broken search
    indexes (FTS5's own integrity check against the tables they index)."""

    damaged_tables: dict[str, str] = field(default_factory=dict)
    broken_indexes: list[str] = field(default_factory=list)
    index_unchecked: str = ""  # why the search index could not be checked (a read-only folder)
    rebuilt: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.damaged_tables and not self.broken_indexes


def _first_problem(conn: sqlite3.Connection, table: str) -> str:
    try:
        rows = conn.execute(f"PRAGMA integrity_check([{table}])").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    problems = [row[0] for row in rows if row[0] != "ok"]
    if not problems:
        try:  # the check walks the b-tree's structure; reading every row also finds broken records
            for _ in conn.execute(f"SELECT * FROM [{table}]"):
                pass
        except sqlite3.DatabaseError as exc:
            return str(exc)
    return problems[0] if problems else ""


def _index_broken(conn: sqlite3.Connection, index: str) -> bool:
    try:
        conn.execute(f"INSERT INTO [{index}] ([{index}], rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise
        return True
    return False


def check_project(path: Path, *, repair: bool = True) -> CheckReport:
    """Check every table and search index; when only the search index is broken (it is derived from the
    tables) and `repair`, rebuild it. Takes the project's lock, since a rebuild writes."""
    report = CheckReport()
    reader = connect_read_only(path)
    try:
        for table in TABLES:
            problem = _first_problem(reader, table)
            if problem:
                report.damaged_tables[table] = problem
    finally:
        reader.close()
    if report.damaged_tables:
        return report  # an FTS check or rebuild would read (and write) damaged pages
    key = locking.acquire(path)
    try:
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            report.index_unchecked = str(exc)
            return report
        try:
            try:
                report.broken_indexes = [i for i in SEARCH_INDEXES if _index_broken(conn, i)]
            except sqlite3.DatabaseError as exc:
                report.index_unchecked = str(exc)
                return report
            if report.broken_indexes and repair:
                conn.execute("BEGIN IMMEDIATE")
                for index in report.broken_indexes:
                    conn.execute(f"INSERT INTO [{index}] ([{index}]) VALUES ('rebuild')")
                conn.execute("COMMIT")
                report.rebuilt = list(report.broken_indexes)
                report.broken_indexes = [i for i in SEARCH_INDEXES if _index_broken(conn, i)]
        finally:
            conn.close()
    finally:
        locking.release(key)
    return report


@dataclass
class RescueReport:
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # tables where some rows could not be read
    dropped: dict[str, int] = field(default_factory=dict)  # rows whose references were lost


def _partial(conn: sqlite3.Connection, sql: str, found: set[int]) -> bool:
    """Add the rowids `sql` yields until it meets damage; False when it met some."""
    try:
        for (rowid,) in conn.execute(sql):
            found.add(int(rowid))
    except sqlite3.DatabaseError:
        return False
    return True


def _rows(conn: sqlite3.Connection, table: str, columns: list[str], unreadable: list[str]) -> Iterator[tuple]:
    """Every row that can be read. The rowids come from the table and from each of its indexes (an index
    lives in other pages, so it still names the rows of a damaged leaf and those after it); each row is then
    read by its rowid, a search that touches only the pages on its path."""
    rowids: set[int] = set()
    whole = _partial(conn, f"SELECT rowid FROM [{table}] NOT INDEXED", rowids)
    try:
        indexes = [row[1] for row in conn.execute(f"PRAGMA index_list([{table}])")]
    except sqlite3.DatabaseError:
        indexes = []
    for index in indexes:
        _partial(conn, f"SELECT rowid FROM [{table}] INDEXED BY [{index}]", rowids)
    if not whole and table not in unreadable:
        unreadable.append(table)
    names = ", ".join(f"[{c}]" for c in columns)
    one = f"SELECT {names} FROM [{table}] WHERE rowid = ?"
    for rowid in sorted(rowids):
        try:
            row = conn.execute(one, [rowid]).fetchone()
        except sqlite3.DatabaseError:
            if table not in unreadable:
                unreadable.append(table)
            continue
        if row is not None:
            yield row


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


def rescue(path: Path, target: Path) -> RescueReport:
    """Copy what can be read from the project at `path` into a new project at `target`, ids kept. Rows
    that refer to a lost row are dropped, except statements, whose lost speaker gets a stand-in name."""
    if target.exists():
        raise ProjectError(f"{target} already exists; name a new file for the rescued copy")
    report = RescueReport()
    source = connect_read_only(path)
    try:
        new = Project.open(target, create=True)
        try:
            conn = new.conn
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM project_info")
            for table in TABLES:
                try:
                    wanted = set(_columns(new.conn, table))
                    columns = [c for c in _columns(source, table) if c in wanted]
                except sqlite3.DatabaseError:
                    report.unreadable.append(table)
                    continue
                insert = (
                    f"INSERT OR IGNORE INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})"
                )
                count = 0
                for row in _rows(source, table, columns, report.unreadable):
                    count += conn.execute(insert, row).rowcount
                report.copied[table] = count
            conn.execute(
                "INSERT OR REPLACE INTO project_info (key, value) VALUES ('application', 'counterpoint')"
            )
            conn.execute(
                "INSERT OR IGNORE INTO speakers (id, name) SELECT DISTINCT speaker_id, "
                "'(speaker lost in the damage, ' || speaker_id || ')' FROM statements "
                "WHERE speaker_id NOT IN (SELECT id FROM speakers)"
            )
            _drop_orphans(conn, report)
            for index in SEARCH_INDEXES:
                conn.execute(f"INSERT INTO [{index}] ([{index}]) VALUES ('rebuild')")
            conn.execute("COMMIT")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            new.close()
            for leftover in (target, *(target.with_name(target.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            raise
        new.close()
    finally:
        source.close()
    return report


def _drop_orphans(conn: sqlite3.Connection, report: RescueReport) -> None:
    """Delete rows whose references were lost, until none is left (dropping one may orphan another)."""
    while True:
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not orphans:
            return
        for table, rowid, _parent, _fk in orphans:
            if table == "statements":  # only a source is lost: keep the statement without it
                conn.execute("UPDATE statements SET source_id = NULL WHERE rowid = ?", [rowid])
                continue
            conn.execute(f"DELETE FROM [{table}] WHERE rowid = ?", [rowid])
            report.dropped[table] = report.dropped.get(table, 0) + 1
