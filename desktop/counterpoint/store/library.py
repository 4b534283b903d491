"""Speakers, sources and statements of a project: adding, reading, filtering, correcting (with
re-anchoring of the annotations on a corrected text), deleting."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from counterpoint.errors import UserError
from counterpoint.store.anchoring import Selector, make_selector, reanchor
from counterpoint.store.base import (
    ProjectBase,
    _date_or_none,
    _iso,
    _now,
    check_web_address,
    quote_fts,
)
from counterpoint.store.model import NewStatement, Source, Speaker, Statement

# From this many statements on, add_statements indexes them for search in one pass (see there).
BULK_INDEX = 1_000
# The trigger that indexes each new statement (db/0001_initial.sql), with its spaces collapsed.
STATEMENTS_AI = (
    "CREATE TRIGGER [statements_ai] AFTER INSERT ON [statements] BEGIN "
    "INSERT INTO [statements_fts] (rowid, [text]) VALUES (new.rowid, new.[text]); END"
)


class Library(ProjectBase):
    """The statements a project holds, with their speakers and sources."""

    # -- speakers ------------------------------------------------------------------------------

    def speakers(self) -> list[Speaker]:
        rows = self._execute("SELECT id, name, role, organisation FROM speakers ORDER BY name COLLATE NOCASE")
        return [Speaker(*row) for row in rows]

    def speaker_names(self) -> list[str]:
        return [s.name for s in self.speakers()]

    def ensure_speaker(self, name: str, role: str = "", organisation: str = "") -> int:
        name = " ".join(name.split())
        if not name:
            raise UserError("a statement needs a speaker")
        row = self._execute("SELECT id, role FROM speakers WHERE name = ?", [name]).fetchone()
        if row:
            if role and not row[1]:
                self._execute("UPDATE speakers SET role = ? WHERE id = ?", [role, row[0]])
            return int(row[0])
        cursor = self._execute(
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
        cursor = self._execute(
            "INSERT INTO sources (id, title, publisher, url, published, retrieved, content, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [id, title.strip(), publisher, url, _iso(published), retrieved, content, digest],
        )
        return int(cursor.lastrowid or 0)

    def ensure_source(self, title: str, **fields: Any) -> int:
        row = self._execute("SELECT id FROM sources WHERE title = ?", [title.strip()]).fetchone()
        return int(row[0]) if row else self.add_source(title, **fields)

    def sources(self) -> list[Source]:
        rows = self._execute(
            "SELECT id, title, publisher, url, published, retrieved, sha256 FROM sources ORDER BY id"
        )
        return [Source(r[0], r[1], r[2], r[3], _date_or_none(r[4]), r[5], r[6]) for r in rows]

    def source(self, source_id: int) -> Source:
        for source in self.sources():
            if source.id == source_id:
                return source
        raise UserError(f"there is no source {source_id}")

    def source_content(self, source_id: int) -> str | None:
        row = self._execute("SELECT content FROM sources WHERE id = ?", [source_id]).fetchone()
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
            cursor = self._execute(
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

    def add_statements(self, rows: Iterable[NewStatement]) -> int:
        """Add many statements in one transaction (an import, a generated test library): one prepared
        INSERT run over all of them, speakers looked up once each. Returns how many were added."""
        speakers: dict[tuple[str, str], int] = {}
        added = 0

        def values() -> Iterator[tuple[Any, ...]]:
            nonlocal added
            for row in rows:
                if not row.text.strip():
                    raise UserError("a statement needs some text")
                key = (row.speaker, row.role)
                if key not in speakers:
                    speakers[key] = self.ensure_speaker(row.speaker, row.role)
                added += 1
                yield (speakers[key], row.role, _iso(row.said_on), row.occasion, row.text, row.language)

        insert = "INSERT INTO statements (speaker_id, role, said_on, occasion, text, language) VALUES (?, ?, ?, ?, ?, ?)"
        rows = iter(rows)
        head = list(itertools.islice(rows, BULK_INDEX))
        rows = itertools.chain(head, rows)
        with self.transaction():
            trigger = self._fts_insert_trigger() if len(head) == BULK_INDEX else None
            if trigger is None:
                self.conn.executemany(insert, values())
                return added
            # Many rows: the full-text index takes them in one pass after the INSERT rather than one by one
            # from its trigger (40,000 statements: 3.2 s against 11.7 s). The trigger is put back in the same
            # transaction, so a failure leaves it as it was.
            last = self._execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
            self._execute("DROP TRIGGER statements_ai")
            self.conn.executemany(insert, values())
            self._execute(
                "INSERT INTO statements_fts (rowid, text) SELECT id, text FROM statements WHERE id > ? ORDER BY id",
                [last],
            )
            self._execute(trigger)
        return added

    def _fts_insert_trigger(self) -> str | None:
        """The SQL of the trigger that indexes a new statement, when it is the one this module knows how
        to stand in for (else None, and bulk adds go through the trigger)."""
        row = self._execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statements_ai'"
        ).fetchone()
        if row is None or " ".join(row[0].split()) != STATEMENTS_AI:
            return None
        return str(row[0])

    def statement(self, statement_id: int) -> Statement:
        row = self._execute(self._STATEMENT_SQL + " WHERE st.id = ?", [statement_id]).fetchone()
        if row is None:
            raise UserError(f"there is no statement {statement_id}")
        return self._statement(row)

    def statements(self, *, limit: int | None = None, **filters: Any) -> list[Statement]:
        """Statements passing the filters (see statement_ids), in the library's order."""
        return list(self.iter_statements(limit=limit, **filters))

    def iter_statements(self, *, limit: int | None = None, **filters: Any) -> Iterator[Statement]:
        """Statements passing the filters (see statement_ids), in the library's order, read as they are
        consumed: one query, however many match, so a listing of 500,000 statements starts at once and
        holds one row at a time."""
        query = self._filtered(self._STATEMENT_SQL, limit=limit, **filters)
        if query is None:
            return
        for row in self._execute(*query):
            yield self._statement(row)

    def statement_ids(
        self,
        *,
        search: str | None = None,
        speaker: str | None = None,
        speaker_part: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        tag: str | None = None,
        ids: Iterable[int] | None = None,
        limit: int | None = None,
    ) -> list[int]:
        """Ids of the statements passing every filter given, dated first by date, then undated, by id.

        `search` is what the user typed, matched against statement text, speaker names and roles, and
        annotation notes (every word must match; the last one also as a prefix). `speaker_part` is a part
        of a speaker's name in any case; `ids` keeps only those statements (any number of them).
        """
        query = self._filtered(
            "SELECT st.id FROM statements st",
            search=search,
            speaker=speaker,
            speaker_part=speaker_part,
            date_from=date_from,
            date_to=date_to,
            tag=tag,
            ids=ids,
            limit=limit,
        )
        if query is None:
            return []
        return [row[0] for row in self._execute(*query)]

    def _filtered(
        self,
        select: str,
        *,
        search: str | None = None,
        speaker: str | None = None,
        speaker_part: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        tag: str | None = None,
        ids: Iterable[int] | None = None,
        limit: int | None = None,
    ) -> tuple[str, list[Any]] | None:
        """`select` (over `statements st`) with the filters' WHERE, the library's order and the limit, and
        its parameters; None when nothing can match. Every filter is a fixed number of variables,
        whatever the number of statements or speakers it names."""
        where: list[str] = []
        params: list[Any] = []
        if search and search.strip():
            match = quote_fts(search)
            if not match:
                return None
            # SQLite's own plan throughout: a forced walk of the order index measured 5x slower on a
            # 2,600-hit query and no faster on the rest (benchmarks/bench_library.py).
            where.append(f"st.id IN ({self._search_ids_sql()})")
            params += [match, match, match]
        if speaker:
            where.append("st.speaker_id IN (SELECT id FROM speakers WHERE name = ? COLLATE NOCASE)")
            params.append(speaker)
        if speaker_part and speaker_part.strip():
            # A part of the name, any case ('sessions'); casefolded by Python, so 'É' and 'é' match too.
            self.conn.create_function("counterpoint_casefold", 1, str.casefold, deterministic=True)
            where.append(
                "st.speaker_id IN (SELECT id FROM speakers WHERE instr(counterpoint_casefold(name), ?) > 0)"
            )
            params.append(speaker_part.strip().casefold())
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
            # One JSON array, however many ids: no statement with one variable per row.
            where.append("st.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps([int(i) for i in ids]))
        sql = select
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY st.said_on IS NULL, st.said_on, st.id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql, params

    @staticmethod
    def _search_ids_sql() -> str:
        # UNION ALL: the IN (...) that takes these ids keeps each once already; a plain UNION sorted
        # them into a second temporary b-tree first (measured: p50 1.30x a direct FTS5 query at 100k
        # statements, 1.13x without it)
        return (
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? "
            "UNION ALL SELECT s.id FROM statements s WHERE s.speaker_id IN "
            "(SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?) "
            "UNION ALL SELECT t.statement_id FROM annotation_targets t WHERE t.annotation_id IN "
            "(SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)"
        )

    def search_hits(self, search: str, ids: Iterable[int]) -> dict[int, str]:
        """Why each of these statements matches `search` as statement_ids does: "text" (its own words),
        "speaker" (its speaker's name or role) or "note" (an annotation's note only); ids that do not
        match are left out. For a page of the library's cards, not for the whole project."""
        match = quote_fts(search) if search and search.strip() else ""
        wanted = json.dumps([int(i) for i in ids])
        if not match or wanted == "[]":
            return {}
        found: dict[int, str] = {}
        chosen = "IN (SELECT value FROM json_each(?))"
        for where, sql in (
            ("text", f"SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? AND rowid {chosen}"),
            (
                "speaker",
                "SELECT s.id FROM statements s WHERE s.speaker_id IN "
                f"(SELECT rowid FROM speakers_fts WHERE speakers_fts MATCH ?) AND s.id {chosen}",
            ),
            (
                "note",
                "SELECT t.statement_id FROM annotation_targets t WHERE t.annotation_id IN "
                f"(SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?) AND t.statement_id {chosen}",
            ),
        ):
            for (statement_id,) in self._execute(sql, [match, wanted]):
                found.setdefault(statement_id, where)
        return found

    def count_statements(self) -> int:
        return int(self._execute("SELECT count(*) FROM statements").fetchone()[0])

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
                self._execute(
                    f"UPDATE statements SET {assignments} WHERE id = ?", [*sets.values(), statement_id]
                )
            if "text" in fields and fields["text"] != old.text:
                lost = self._reanchor_targets(statement_id, fields["text"])
        return lost

    def _reanchor_targets(self, statement_id: int, text: str) -> list[int]:
        lost = []
        rows = self._execute(
            'SELECT id, exact, prefix, suffix, start, "end" FROM annotation_targets WHERE statement_id = ?',
            [statement_id],
        ).fetchall()
        for target_id, exact, prefix, suffix, start, end in rows:
            span = reanchor(text, Selector(exact, prefix, suffix, start, end))
            if span is None:
                lost.append(target_id)
                self._execute("UPDATE annotation_targets SET anchored = 0 WHERE id = ?", [target_id])
                continue
            selector = make_selector(text, *span)
            self._execute(
                'UPDATE annotation_targets SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
                "anchored = 1 WHERE id = ?",
                [selector.start, selector.end, selector.exact, selector.prefix, selector.suffix, target_id],
            )
        return lost

    def delete_statement(self, statement_id: int) -> None:
        self.statement(statement_id)
        with self.transaction():
            # An annotation on the statement goes with it: half of a contradiction means nothing.
            self._execute(
                "DELETE FROM annotations WHERE id IN "
                "(SELECT annotation_id FROM annotation_targets WHERE statement_id = ?)",
                [statement_id],
            )
            self._execute("DELETE FROM statements WHERE id = ?", [statement_id])
