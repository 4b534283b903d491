"""The base of the Project class: the connection, transactions and the project's own settings; only
store/ speaks SQL, so `_execute` is private to this package."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from counterpoint.errors import UserError
from counterpoint.store.errors import explain

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
TAG_PALETTE = ("#c0392b", "#2471a3", "#b9770e", "#1e8449", "#7d3c98", "#117a65", "#a04000", "#5d6d7e")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _iso(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return parse_date(value).isoformat()


def parse_date(value: str) -> date:
    """A date as users type it: 2017-08-01 (also 2017-8-1). Anything else is a UserError."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
    if not match:
        raise UserError(f"'{value}' is not a date; use YYYY-MM-DD, for example 2017-08-01")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise UserError(f"'{value}' is not a valid date: {exc}") from None


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def quote_fts(query: str, *, prefix_last: bool = True) -> str:
    """Turn what a user typed into a safe FTS5 query: every word is a quoted phrase, all must match.

    Quotes, operators (AND, OR, NOT, NEAR), '-', '*', ':' and parentheses are searched as text.
    The last word also matches as a prefix, so the list narrows as the user types.
    """
    words = [w for w in re.split(r"[\s\"()*:^+\-{}\[\],;.!?/\\]+", query) if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix_last and len(words[-1]) >= 2:  # one letter would match half the vocabulary
        quoted[-1] += "*"
    return " ".join(quoted)


def check_web_address(url: str | None) -> str:
    """A source's address as stored: empty, or an http(s) URL with a host; anything else is refused.

    A shared dossier is someone else's data: a javascript:, file: or data: address would become a link in
    every report made from it.
    """
    url = (url or "").strip()
    if not url:
        return ""
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in ("http", "https") or not rest.startswith("//") or len(rest) < 3:
        raise UserError(f"a source's address must be an http:// or https:// web address, not {url[:80]!r}")
    if any(ch.isspace() or ord(ch) < 32 or ch in '<>"' for ch in url):
        raise UserError(f"a source's address can't hold spaces, quotes or angle brackets: {url[:80]!r}")
    return url


class ProjectBase:
    """An open connection to a project file; the Library, Annotations and Dossier layers build on it."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)

    @contextmanager
    def transaction(self) -> Iterator[ProjectBase]:
        """All edits inside commit together or not at all; nested blocks become savepoints."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself on some errors (a full disk, an I/O error): a ROLLBACK
                # then fails with "no transaction is active" and would hide the error that matters.
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from exc

    def _execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    @contextmanager
    def read_snapshot(self) -> Iterator[None]:
        """Read from one moment of the project: the app may save edits while a report is built on a worker
        thread, and a report must not mix the state before an edit with the state after. (A read
        transaction in WAL mode does not block the writer.)"""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    # -- project metadata --------------------------------------------------------------------

    def info(self, key: str, default: str = "") -> str:
        row = self._execute("SELECT value FROM project_info WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_info(self, key: str, value: str) -> None:
        self._execute(
            "INSERT INTO project_info (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def title(self) -> str:
        return self.info("title") or self.path.stem
