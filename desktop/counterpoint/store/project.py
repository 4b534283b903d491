"""The project file: one SQLite database per dossier, and the typed API the GUI and the CLI call."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from counterpoint.errors import UserError
from counterpoint.store import locking
from counterpoint.store.anchoring import Selector, make_selector, reanchor
from counterpoint.store.migrations import MIGRATION_SET, migrations, pending_names
from counterpoint.store.model import (
    Annotation,
    Comparison,
    Relation,
    SearchHit,
    Source,
    Speaker,
    Statement,
    Tag,
    Target,
    TargetSpec,
    Verdict,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
DENSE_SEARCH = 3000  # hits above which a search walks the order index (see statement_ids)
TAG_PALETTE = ("#c0392b", "#2471a3", "#b9770e", "#1e8449", "#7d3c98", "#117a65", "#a04000", "#5d6d7e")


class ProjectError(UserError):
    """The file can't be used as a Counterpoint project (missing, not a project, corrupt, newer)."""


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


def check_project_file(path: Path) -> None:
    """Raise ProjectError unless `path` is a Counterpoint project; opens it read-only, writes nothing.

    SQLite may create the -wal and -shm files of a read-only connection; when the file turns out not to
    be a project, those are removed again, so a refused file is left exactly as it was found.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        _check_project_file(path)
    except ProjectError:
        for sidecar, was_there in zip(sidecars, existed, strict=True):
            if not was_there:
                with suppress(OSError):
                    sidecar.unlink()
        raise


def _check_project_file(path: Path) -> None:
    # A FIFO or a device as the project would hang the first read (or never end): regular files only.
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG  # the open below says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise ProjectError(f"{path} is not a regular file (a pipe or a device), so not a project file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise ProjectError(f"{path} is a folder, not a project file") from None
    except PermissionError:
        raise ProjectError(f"{path} can't be read: permission denied") from None
    if head != SQLITE_MAGIC:
        raise ProjectError(f"{path} is not a Counterpoint project (it is not an SQLite database)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path} can't be opened: {exc}") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        marker = None
        if "project_info" in tables:
            row = conn.execute("SELECT value FROM project_info WHERE key = 'application'").fetchone()
            marker = row[0] if row else None
        if marker != "counterpoint":
            raise ProjectError(f"{path} is an SQLite database but not a Counterpoint project")
        known = {m.name for m in migrations()._migrations}
        if "_sqlite_migrations" in tables:
            applied = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            }
            newer = applied - known
            if newer:
                raise ProjectError(
                    f"{path} was written by a newer Counterpoint (schema {max(newer)}); update to open it"
                )
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path} is damaged and can't be opened as a project ({exc})") from None
    finally:
        conn.close()


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection set up the way every connection to a project must be."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def backup_before_migrating(path: Path, names: Sequence[str]) -> Path:
    """Copy the project aside (a consistent SQLite backup) before its schema changes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.before-{names[0]}-{stamp}.bak")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


class Project:
    """An open project file. One per thread: SQLite connections are not shared across threads."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.backup_path: Path | None = None
        self._lock_key: str | None = None

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        sql_dir: Path | None = None,
        lock: bool = True,
    ) -> Project:
        """Open a project file, creating it if `create` and it does not exist, migrating it if needed.

        With `lock` (the default, for anything that writes) a second process opening the same project
        is refused with ProjectLocked; pass lock=False to read alongside the process that has it open.
        """
        path = Path(path).expanduser()
        new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
        if new and not create:
            raise ProjectError(f"{path} does not exist")
        if new:
            if not path.parent.is_dir():
                raise ProjectError(f"can't create {path}: the folder {path.parent} does not exist")
        else:
            check_project_file(path)
        lock_key = locking.acquire(path) if lock else None
        try:
            backup = None
            if not new:
                pending = pending_names(path, sql_dir)
                if pending:
                    backup = backup_before_migrating(path, pending)
            try:
                conn = connect(path)
            except sqlite3.Error as exc:
                raise ProjectError(f"can't open {path}: {exc}") from None
            project = cls(path, conn)
            project.backup_path = backup
            project._lock_key = lock_key
            try:
                migrations(sql_dir).apply(project.db)
            except Exception:
                conn.close()
                if new:
                    with suppress(OSError):
                        path.unlink()
                raise
        except BaseException:
            locking.release(lock_key)
            raise
        return project

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        key, self._lock_key = self._lock_key, None
        locking.release(key)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Project]:
        """All edits inside commit together or not at all; nested blocks become savepoints."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    # -- project metadata --------------------------------------------------------------------

    def info(self, key: str, default: str = "") -> str:
        row = self.execute("SELECT value FROM project_info WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_info(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO project_info (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def title(self) -> str:
        return self.info("title") or self.path.stem

    # -- speakers ------------------------------------------------------------------------------

    def speakers(self) -> list[Speaker]:
        rows = self.execute("SELECT id, name, role, organisation FROM speakers ORDER BY name COLLATE NOCASE")
        return [Speaker(*row) for row in rows]

    def speaker_names(self) -> list[str]:
        return [s.name for s in self.speakers()]

    def ensure_speaker(self, name: str, role: str = "", organisation: str = "") -> int:
        name = " ".join(name.split())
        if not name:
            raise UserError("a statement needs a speaker")
        row = self.execute("SELECT id, role FROM speakers WHERE name = ?", [name]).fetchone()
        if row:
            if role and not row[1]:
                self.execute("UPDATE speakers SET role = ? WHERE id = ?", [role, row[0]])
            return int(row[0])
        cursor = self.execute(
            "INSERT INTO speakers (name, role, organisation) VALUES (?, ?, ?)", [name, role, organisation]
        )
        return int(cursor.lastrowid or 0)

    # -- sources -------------------------------------------------------------------------------

    def add_source(
        self,
        title: str,
        *,
        publisher: str = "",
        url: str = "",
        published: date | str | None = None,
        content: str | None = None,
        retrieved: datetime | str | None = None,
        id: int | None = None,
    ) -> int:
        if not title.strip():
            raise UserError("a source needs a title")
        url = check_web_address(url)
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest() if content is not None else None
        if isinstance(retrieved, datetime):
            retrieved = retrieved.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        cursor = self.execute(
            "INSERT INTO sources (id, title, publisher, url, published, retrieved, content, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [id, title.strip(), publisher, url, _iso(published), retrieved, content, digest],
        )
        return int(cursor.lastrowid or 0)

    def ensure_source(self, title: str, **fields: Any) -> int:
        row = self.execute("SELECT id FROM sources WHERE title = ?", [title.strip()]).fetchone()
        return int(row[0]) if row else self.add_source(title, **fields)

    def sources(self) -> list[Source]:
        rows = self.execute(
            "SELECT id, title, publisher, url, published, retrieved, sha256 FROM sources ORDER BY id"
        )
        return [Source(r[0], r[1], r[2], r[3], _date_or_none(r[4]), r[5], r[6]) for r in rows]

    def source(self, source_id: int) -> Source:
        for source in self.sources():
            if source.id == source_id:
                return source
        raise UserError(f"there is no source {source_id}")

    def source_content(self, source_id: int) -> str | None:
        row = self.execute("SELECT content FROM sources WHERE id = ?", [source_id]).fetchone()
        return row[0] if row else None

    # -- statements ----------------------------------------------------------------------------

    _STATEMENT_SQL = (
        "SELECT st.id, st.speaker_id, sp.name, st.text, st.role, st.said_on, st.occasion, st.source_id, "
        "coalesce(so.title, ''), st.source_start, st.source_end, st.language "
        "FROM statements st JOIN speakers sp ON sp.id = st.speaker_id "
        "LEFT JOIN sources so ON so.id = st.source_id"
    )

    @staticmethod
    def _statement(row: Sequence[Any]) -> Statement:
        return Statement(
            id=row[0],
            speaker_id=row[1],
            speaker=row[2],
            text=row[3],
            role=row[4],
            said_on=_date_or_none(row[5]),
            occasion=row[6],
            source_id=row[7],
            source_title=row[8],
            source_start=row[9],
            source_end=row[10],
            language=row[11],
        )

    def add_statement(
        self,
        speaker: str,
        text: str,
        *,
        role: str = "",
        said_on: date | str | None = None,
        occasion: str = "",
        source_id: int | None = None,
        source_start: int | None = None,
        source_end: int | None = None,
        language: str = "en",
        id: int | None = None,
    ) -> int:
        if not text.strip():
            raise UserError("a statement needs some text")
        if "\x00" in text:
            raise UserError("the statement's text contains NUL bytes; is it a binary file?")
        with self.transaction():
            speaker_id = self.ensure_speaker(speaker, role)
            cursor = self.execute(
                "INSERT INTO statements (id, speaker_id, role, said_on, occasion, text, source_id, "
                "source_start, source_end, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    id,
                    speaker_id,
                    role,
                    _iso(said_on),
                    occasion,
                    text,
                    source_id,
                    source_start,
                    source_end,
                    language,
                ],
            )
        return int(cursor.lastrowid or 0)

    def statement(self, statement_id: int) -> Statement:
        row = self.execute(self._STATEMENT_SQL + " WHERE st.id = ?", [statement_id]).fetchone()
        if row is None:
            raise UserError(f"there is no statement {statement_id}")
        return self._statement(row)

    def statements(self, *, limit: int | None = None, **filters: Any) -> list[Statement]:
        """Statements passing the filters (see statement_ids), in the library's order."""
        ids = self.statement_ids(limit=limit, **filters)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {row[0]: row for row in self.execute(self._STATEMENT_SQL + f" WHERE st.id IN ({marks})", ids)}
        return [self._statement(rows[i]) for i in ids if i in rows]

    def statement_ids(
        self,
        *,
        search: str | None = None,
        speaker: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        tag: str | None = None,
        ids: Iterable[int] | None = None,
        limit: int | None = None,
    ) -> list[int]:
        """Ids of the statements passing every filter given, dated first by date, then undated, by id.

        `search` is what the user typed, matched against statement text, speaker names and roles, and
        annotation notes (every word must match; the last one also as a prefix).
        """
        where: list[str] = []
        params: list[Any] = []
        dense = False
        if search and search.strip():
            match = quote_fts(search)
            if not match:
                return []
            where.append(f"st.id IN ({self._search_ids_sql()})")
            params += [match, match, match]
            hits = self.execute(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?", [match]
            ).fetchone()[0]
            dense = hits > DENSE_SEARCH
        if speaker:
            where.append("st.speaker_id IN (SELECT id FROM speakers WHERE name = ? COLLATE NOCASE)")
            params.append(speaker)
        if date_from:
            where.append("st.said_on >= ?")
            params.append(_iso(date_from))
        if date_to:
            where.append("st.said_on <= ?")
            params.append(_iso(date_to))
        if tag:
            where.append(
                "st.id IN (SELECT t.statement_id FROM annotation_targets t "
                "JOIN annotation_tags at ON at.annotation_id = t.annotation_id "
                "JOIN tags g ON g.id = at.tag_id WHERE g.name = ? COLLATE NOCASE)"
            )
            params.append(tag)
        if ids is not None:
            id_list = list(ids)
            where.append(f"st.id IN ({','.join('?' * len(id_list)) or 'NULL'})")
            params += id_list
        # With many hits, walking the library's order and stopping at `limit` beats sorting them all;
        # with few, SQLite's own plan (look the hits up, sort them) is the faster one.
        sql = "SELECT st.id FROM statements st" + (" INDEXED BY statements_order" if dense else "")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY st.said_on IS NULL, st.said_on, st.id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in self.execute(sql, params)]

    @staticmethod
    def _search_ids_sql() -> str:
        return (
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
            "UNION SELECT s.id FROM statements s WHERE s.speaker_id IN "
            "(SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?) "
            "UNION SELECT t.statement_id FROM annotation_targets t WHERE t.annotation_id IN "
            "(SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)"
        )

    def count_statements(self) -> int:
        return int(self.execute("SELECT count(*) FROM statements").fetchone()[0])

    def update_statement(self, statement_id: int, **fields: Any) -> list[int]:
        """Change a statement's fields. When the text changes, its annotations are re-anchored through
        their quote selectors; the ids of targets that no longer match are returned (and flagged)."""
        old = self.statement(statement_id)
        allowed = {"speaker", "text", "role", "said_on", "occasion", "source_id", "language"}
        unknown = set(fields) - allowed
        if unknown:
            raise TypeError(f"unknown statement fields: {', '.join(sorted(unknown))}")
        lost: list[int] = []
        with self.transaction():
            sets: dict[str, Any] = {}
            if "speaker" in fields:
                sets["speaker_id"] = self.ensure_speaker(fields["speaker"], fields.get("role", ""))
            if "text" in fields:
                if not str(fields["text"]).strip():
                    raise UserError("a statement needs some text")
                sets["text"] = fields["text"]
            for key in ("role", "occasion", "source_id", "language"):
                if key in fields:
                    sets[key] = fields[key]
            if "said_on" in fields:
                sets["said_on"] = _iso(fields["said_on"])
            if sets:
                sets["updated"] = _now()
                assignments = ", ".join(f"{key} = ?" for key in sets)
                self.execute(
                    f"UPDATE statements SET {assignments} WHERE id = ?", [*sets.values(), statement_id]
                )
            if "text" in fields and fields["text"] != old.text:
                lost = self._reanchor_targets(statement_id, fields["text"])
        return lost

    def _reanchor_targets(self, statement_id: int, text: str) -> list[int]:
        lost = []
        rows = self.execute(
            'SELECT id, exact, prefix, suffix, start, "end" FROM annotation_targets WHERE statement_id = ?',
            [statement_id],
        ).fetchall()
        for target_id, exact, prefix, suffix, start, end in rows:
            span = reanchor(text, Selector(exact, prefix, suffix, start, end))
            if span is None:
                lost.append(target_id)
                self.execute("UPDATE annotation_targets SET anchored = 0 WHERE id = ?", [target_id])
                continue
            selector = make_selector(text, *span)
            self.execute(
                'UPDATE annotation_targets SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
                "anchored = 1 WHERE id = ?",
                [selector.start, selector.end, selector.exact, selector.prefix, selector.suffix, target_id],
            )
        return lost

    def delete_statement(self, statement_id: int) -> None:
        self.statement(statement_id)
        with self.transaction():
            # An annotation on the statement goes with it: half of a contradiction means nothing.
            self.execute(
                "DELETE FROM annotations WHERE id IN "
                "(SELECT annotation_id FROM annotation_targets WHERE statement_id = ?)",
                [statement_id],
            )
            self.execute("DELETE FROM statements WHERE id = ?", [statement_id])

    # -- comparisons ---------------------------------------------------------------------------

    def add_comparison(self, title: str, statement_ids: Sequence[int], *, id: int | None = None) -> int:
        if not title.strip():
            raise UserError("a comparison needs a title")
        with self.transaction():
            cursor = self.execute("INSERT INTO comparisons (id, title) VALUES (?, ?)", [id, title.strip()])
            comparison_id = int(cursor.lastrowid or 0)
            self._set_members(comparison_id, statement_ids)
        return comparison_id

    def _set_members(self, comparison_id: int, statement_ids: Sequence[int]) -> None:
        if len(set(statement_ids)) != len(statement_ids):
            raise UserError("a statement can be in a comparison only once")
        self.execute("DELETE FROM comparison_statements WHERE comparison_id = ?", [comparison_id])
        for position, statement_id in enumerate(statement_ids):
            try:
                self.execute(
                    "INSERT INTO comparison_statements (comparison_id, statement_id, position) VALUES (?, ?, ?)",
                    [comparison_id, statement_id, position],
                )
            except sqlite3.IntegrityError:
                raise UserError(f"there is no statement {statement_id}") from None

    def set_comparison_statements(self, comparison_id: int, statement_ids: Sequence[int]) -> None:
        self.comparison(comparison_id)
        with self.transaction():
            self._set_members(comparison_id, statement_ids)
            self.execute("UPDATE comparisons SET updated = ? WHERE id = ?", [_now(), comparison_id])

    def rename_comparison(self, comparison_id: int, title: str) -> None:
        if not title.strip():
            raise UserError("a comparison needs a title")
        self.comparison(comparison_id)
        self.execute(
            "UPDATE comparisons SET title = ?, updated = ? WHERE id = ?",
            [title.strip(), _now(), comparison_id],
        )

    def delete_comparison(self, comparison_id: int) -> None:
        self.comparison(comparison_id)
        self.execute("DELETE FROM comparisons WHERE id = ?", [comparison_id])

    def comparisons(self) -> list[Comparison]:
        members: dict[int, list[int]] = {}
        for comparison_id, statement_id in self.execute(
            "SELECT comparison_id, statement_id FROM comparison_statements ORDER BY comparison_id, position"
        ):
            members.setdefault(comparison_id, []).append(statement_id)
        return [
            Comparison(cid, title, tuple(members.get(cid, ())))
            for cid, title in self.execute("SELECT id, title FROM comparisons ORDER BY id")
        ]

    def comparison(self, comparison_id: int) -> Comparison:
        for comparison in self.comparisons():
            if comparison.id == comparison_id:
                return comparison
        raise UserError(f"there is no comparison {comparison_id}")

    # -- tags ----------------------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        rows = self.execute("SELECT id, name, colour, description FROM tags ORDER BY name COLLATE NOCASE")
        return [Tag(*row) for row in rows]

    def ensure_tag(self, name: str, colour: str | None = None, description: str = "") -> int:
        name = " ".join(name.split())
        if not name:
            raise UserError("a tag needs a name")
        row = self.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE", [name]).fetchone()
        if row:
            if colour:
                self.execute("UPDATE tags SET colour = ? WHERE id = ?", [colour, row[0]])
            return int(row[0])
        if colour is None:
            count = self.execute("SELECT count(*) FROM tags").fetchone()[0]
            colour = TAG_PALETTE[count % len(TAG_PALETTE)]
        cursor = self.execute(
            "INSERT INTO tags (name, colour, description) VALUES (?, ?, ?)", [name, colour, description]
        )
        return int(cursor.lastrowid or 0)

    # -- annotations ---------------------------------------------------------------------------

    def add_annotation(
        self,
        targets: Sequence[TargetSpec],
        *,
        comparison_id: int | None = None,
        relation: Relation | str | None = None,
        verdict: Verdict | str | None = None,
        note: str = "",
        tags: Sequence[str] = (),
        origin: str = "user",
        kind: str | None = None,
        id: int | None = None,
    ) -> int:
        """Annotate one span (a note, tags) or a pair of spans (a relation and a verdict too)."""
        if not targets:
            raise UserError("an annotation needs at least one span")
        relation_value = Relation(relation).value if relation else None
        verdict_value = Verdict(verdict).value if verdict else None
        with self.transaction():
            cursor = self.execute(
                "INSERT INTO annotations (id, comparison_id, relation, verdict, note, origin, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [id, comparison_id, relation_value, verdict_value, note, origin, kind],
            )
            annotation_id = int(cursor.lastrowid or 0)
            for position, spec in enumerate(targets):
                text = self.statement(spec.statement_id).text
                try:
                    selector = make_selector(text, spec.start, spec.end)
                except ValueError as exc:
                    raise UserError(f"statement {spec.statement_id}: {exc}") from None
                self.execute(
                    "INSERT INTO annotation_targets (annotation_id, statement_id, position, exact, prefix, "
                    'suffix, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                    [
                        annotation_id,
                        spec.statement_id,
                        position,
                        selector.exact,
                        selector.prefix,
                        selector.suffix,
                        selector.start,
                        selector.end,
                    ],
                )
            self._set_tags(annotation_id, tags)
        return annotation_id

    def _set_tags(self, annotation_id: int, tags: Sequence[str]) -> None:
        self.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for name in dict.fromkeys(t for t in tags if t.strip()):
            tag_id = self.ensure_tag(name)
            self.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [annotation_id, tag_id],
            )

    def update_annotation(self, annotation_id: int, **fields: Any) -> None:
        """Change relation, verdict, note or tags of an annotation."""
        self.annotation(annotation_id)
        unknown = set(fields) - {"relation", "verdict", "note", "tags"}
        if unknown:
            raise TypeError(f"unknown annotation fields: {', '.join(sorted(unknown))}")
        with self.transaction():
            sets: dict[str, Any] = {"updated": _now()}
            if "relation" in fields:
                sets["relation"] = Relation(fields["relation"]).value if fields["relation"] else None
            if "verdict" in fields:
                sets["verdict"] = Verdict(fields["verdict"]).value if fields["verdict"] else None
            if "note" in fields:
                sets["note"] = fields["note"]
            assignments = ", ".join(f"{key} = ?" for key in sets)
            self.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?", [*sets.values(), annotation_id]
            )
            if "tags" in fields:
                self._set_tags(annotation_id, fields["tags"])

    def delete_annotation(self, annotation_id: int) -> None:
        self.annotation(annotation_id)
        self.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def restore_annotation(self, annotation: Annotation) -> int:
        """Put back an annotation exactly as it was (same id, spans and times): undo of a delete."""
        with self.transaction():
            self.execute(
                "INSERT INTO annotations (id, comparison_id, relation, verdict, note, origin, kind, created, "
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    annotation.id,
                    annotation.comparison_id,
                    annotation.relation.value if annotation.relation else None,
                    annotation.verdict.value if annotation.verdict else None,
                    annotation.note,
                    annotation.origin,
                    annotation.kind,
                    annotation.created or _now(),
                    annotation.updated or _now(),
                ],
            )
            for position, t in enumerate(annotation.targets):
                self.execute(
                    "INSERT INTO annotation_targets (id, annotation_id, statement_id, position, exact, prefix, "
                    'suffix, start, "end", anchored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                    [
                        t.id,
                        annotation.id,
                        t.statement_id,
                        position,
                        t.exact,
                        t.prefix,
                        t.suffix,
                        t.start,
                        t.end,
                        int(t.anchored),
                    ],
                )
            self._set_tags(annotation.id, annotation.tags)
        return annotation.id

    def annotation(self, annotation_id: int) -> Annotation:
        found = self._annotations("a.id = ?", [annotation_id])
        if not found:
            raise UserError(f"there is no annotation {annotation_id}")
        return found[0]

    def annotations(self, comparison_id: int | None = None) -> list[Annotation]:
        if comparison_id is None:
            return self._annotations("1", [])
        return self._annotations("a.comparison_id = ?", [comparison_id])

    def _annotations(self, where: str, params: Sequence[Any]) -> list[Annotation]:
        rows = self.execute(
            "SELECT a.id, a.comparison_id, a.relation, a.verdict, a.note, a.origin, a.kind, a.created, "
            f"a.updated FROM annotations a WHERE {where} ORDER BY a.id",
            params,
        ).fetchall()
        if not rows:
            return []
        ids = [row[0] for row in rows]
        marks = ",".join("?" * len(ids))
        targets: dict[int, list[Target]] = {}
        for r in self.execute(
            'SELECT annotation_id, id, statement_id, start, "end", exact, prefix, suffix, anchored '
            f"FROM annotation_targets WHERE annotation_id IN ({marks}) ORDER BY annotation_id, position",
            ids,
        ):
            targets.setdefault(r[0], []).append(Target(r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])))
        tags: dict[int, list[str]] = {}
        for annotation_id, name in self.execute(
            "SELECT at.annotation_id, g.name FROM annotation_tags at JOIN tags g ON g.id = at.tag_id "
            f"WHERE at.annotation_id IN ({marks}) ORDER BY g.name COLLATE NOCASE",
            ids,
        ):
            tags.setdefault(annotation_id, []).append(name)
        return [
            Annotation(
                id=r[0],
                comparison_id=r[1],
                relation=Relation(r[2]) if r[2] else None,
                verdict=Verdict(r[3]) if r[3] else None,
                note=r[4],
                origin=r[5],
                kind=r[6],
                created=r[7],
                updated=r[8],
                targets=tuple(targets.get(r[0], ())),
                tags=tuple(tags.get(r[0], ())),
            )
            for r in rows
        ]

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Statements matching a user's query, with a highlighted snippet of where it matched."""
        match = quote_fts(query)
        if not match:
            return []
        hits: dict[int, SearchHit] = {}
        queries = (
            (
                "text",
                "SELECT rowid, snippet(statements_fts, 0, '[', ']', '…', 12) FROM statements_fts "
                "WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?",
            ),
            (
                "speaker",
                "SELECT s.id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
                "WHERE s.speaker_id IN (SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?) "
                "ORDER BY s.id LIMIT ?",
            ),
            (
                "note",
                "SELECT t.statement_id, snippet(annotations_fts, 0, '[', ']', '…', 12) FROM annotations_fts f "
                "JOIN annotation_targets t ON t.annotation_id = f.rowid WHERE annotations_fts MATCH ? "
                "ORDER BY rank LIMIT ?",
            ),
        )
        for field, sql in queries:
            for statement_id, snippet in self.execute(sql, [match, limit]):
                hits.setdefault(statement_id, SearchHit(statement_id, field, snippet))
        return list(hits.values())[:limit]
