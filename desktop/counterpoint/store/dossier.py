"""The rows a dossier export reads, the writes a merge makes, and the identity a merge matches on: a
statement by speaker, text and date; a source by its SHA-256; a comparison by its statements; an
annotation by its UUID or its spans. Also the small clean-ups undo needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from counterpoint.store.annotations import Annotations
from counterpoint.store.base import _iso
from counterpoint.store.model import Comparison

# Tables whose next free id a merge may ask for.
_ID_TABLES = ("annotations", "annotation_targets")
_DOSSIER_TABLES = ("statements", "speakers", "sources", "comparisons", "tags", "annotations")


class Dossier(Annotations):
    """Reading a project whole, writing another's records into it, and matching what is already there."""

    # -- reading for an export -------------------------------------------------------------------------

    def info_items(self, *, leave_out: Iterable[str] = ()) -> dict[str, str]:
        skip = set(leave_out)
        rows = self._execute("SELECT key, value FROM project_info ORDER BY key")
        return {key: value for key, value in rows if key not in skip}

    def comparison_times(self) -> dict[int, tuple[str, str]]:
        return {
            row[0]: (row[1], row[2]) for row in self._execute("SELECT id, created, updated FROM comparisons")
        }

    def statement_records(self) -> list[dict[str, Any]]:
        """Every statement as stored (speaker by id, with its own role and timestamps), by id."""
        cursor = self._execute(
            "SELECT id, speaker_id, role, said_on, occasion, text, source_id, source_start, source_end, "
            "language, created, updated FROM statements ORDER BY id"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def source_records(self) -> list[dict[str, Any]]:
        """Every source with its frozen text and hash, by id."""
        cursor = self._execute(
            "SELECT id, title, publisher, url, published, retrieved, content, sha256 FROM sources ORDER BY id"
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def is_empty(self) -> bool:
        return all(self._execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in _DOSSIER_TABLES)

    def count_annotations(self) -> int:
        return int(self._execute("SELECT count(*) FROM annotations").fetchone()[0])

    def count_targets_on(self, statement_id: int) -> int:
        """How many annotated spans lie on a statement."""
        row = self._execute("SELECT count(*) FROM annotation_targets WHERE statement_id = ?", [statement_id])
        return int(row.fetchone()[0])

    def comparison_summaries(self) -> list[tuple[Comparison, list[str], int]]:
        """Each comparison with its speakers (in column order, once each) and its number of annotations."""
        speakers_of: dict[int, list[str]] = {}
        for comparison_id, name in self._execute(
            "SELECT cs.comparison_id, sp.name FROM comparison_statements cs "
            "JOIN statements st ON st.id = cs.statement_id JOIN speakers sp ON sp.id = st.speaker_id "
            "ORDER BY cs.comparison_id, cs.position"
        ):
            speakers_of.setdefault(comparison_id, []).append(name)
        counts = dict(
            self._execute("SELECT comparison_id, count(*) FROM annotations GROUP BY comparison_id").fetchall()
        )
        return [
            (c, list(dict.fromkeys(speakers_of.get(c.id, []))), int(counts.get(c.id, 0)))
            for c in self.comparisons()
        ]

    # -- writing what a merge brings ------------------------------------------------------------------

    def insert_speaker(self, id: int, name: str, role: str = "", organisation: str = "") -> int:
        self._execute(
            "INSERT INTO speakers (id, name, role, organisation) VALUES (?, ?, ?, ?)",
            [id, name, role, organisation],
        )
        return id

    def insert_tag(self, id: int, name: str, colour: str, description: str = "") -> int:
        self._execute(
            "INSERT INTO tags (id, name, colour, description) VALUES (?, ?, ?, ?)",
            [id, name, colour, description],
        )
        return id

    def set_source_hash(self, source_id: int, sha256: str | None) -> None:
        """The hash recorded when the source was frozen, kept as it was even if its content was edited."""
        self._execute("UPDATE sources SET sha256 = ? WHERE id = ?", [sha256, source_id])

    def set_statement_origin(
        self, statement_id: int, speaker_id: int, created: str | None, updated: str | None
    ) -> None:
        self._execute(
            "UPDATE statements SET speaker_id = ?, created = coalesce(?, created), updated = coalesce(?, updated) "
            "WHERE id = ?",
            [speaker_id, created, updated, statement_id],
        )

    def set_comparison_times(self, comparison_id: int, created: str | None, updated: str | None) -> None:
        self._execute(
            "UPDATE comparisons SET created = coalesce(?, created), updated = coalesce(?, updated) WHERE id = ?",
            [created, updated, comparison_id],
        )

    def next_id(self, table: str) -> int:
        if table not in _ID_TABLES:
            raise ValueError(f"no ids are handed out for {table}")
        return int(self._execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    # -- identity: what is already there --------------------------------------------------------------

    def find_statement(self, speaker: str, text: str, said_on: Any) -> int | None:
        """The statement by this speaker with exactly this text, said on this date (or both undated)."""
        row = self._execute(
            "SELECT st.id FROM statements st JOIN speakers sp ON sp.id = st.speaker_id "
            "WHERE sp.name = ? AND st.text = ? AND st.said_on IS ? ORDER BY st.id LIMIT 1",
            [" ".join(speaker.split()), text, _iso(said_on)],
        ).fetchone()
        return int(row[0]) if row else None

    def find_source(self, sha256: str | None, title: str = "", url: str = "") -> int | None:
        """The source holding the same frozen text (by SHA-256); without a hash, the same title and address."""
        if sha256:
            row = self._execute(
                "SELECT id FROM sources WHERE sha256 = ? ORDER BY id LIMIT 1", [sha256]
            ).fetchone()
        else:
            row = self._execute(
                "SELECT id FROM sources WHERE sha256 IS NULL AND title = ? AND url = ? ORDER BY id LIMIT 1",
                [title.strip(), url],
            ).fetchone()
        return int(row[0]) if row else None

    def find_comparison(self, statement_ids: Sequence[int]) -> int | None:
        """The comparison of exactly these statements (in any order)."""
        wanted = sorted(statement_ids)
        for comparison in self.comparisons():
            if sorted(comparison.statement_ids) == wanted:
                return comparison.id
        return None

    def find_annotation(
        self, uuid: str | None, comparison_id: int | None, spans: Sequence[tuple[int, int, int, str]]
    ) -> int | None:
        """The annotation with this UUID, or else on these spans (statement, start, end, exact) in order."""
        if uuid:
            row = self._execute("SELECT id FROM annotations WHERE uuid = ?", [uuid]).fetchone()
            if row:
                return int(row[0])
        candidates = self._execute(
            "SELECT id FROM annotations WHERE comparison_id IS ? ORDER BY id", [comparison_id]
        ).fetchall()
        for (annotation_id,) in candidates:
            rows = self._execute(
                'SELECT statement_id, start, "end", exact FROM annotation_targets WHERE annotation_id = ? '
                "ORDER BY position",
                [annotation_id],
            ).fetchall()
            if [tuple(r) for r in rows] == [tuple(s) for s in spans]:
                return int(annotation_id)
        return None

    # -- clean-ups undo needs -------------------------------------------------------------------------

    def drop_unused_speakers(self, names: Iterable[str]) -> None:
        """Speakers an undone edit brought in and nothing uses now: they would linger in the speaker filter."""
        for name in set(names):
            self._execute(
                "DELETE FROM speakers WHERE name = ? AND NOT EXISTS "
                "(SELECT 1 FROM statements WHERE statements.speaker_id = speakers.id)",
                [name],
            )

    def tag_ids(self) -> set[int]:
        return {int(row[0]) for row in self._execute("SELECT id FROM tags")}

    def drop_unused_tags(self, tag_ids: Iterable[int]) -> None:
        """Tags an undone edit made and nothing uses now (a tag another annotation took up since stays)."""
        for tag_id in tag_ids:
            self._execute(
                "DELETE FROM tags WHERE id = ? AND NOT EXISTS "
                "(SELECT 1 FROM annotation_tags WHERE annotation_tags.tag_id = tags.id)",
                [tag_id],
            )

    def target_positions(self, statement_id: int) -> dict[int, tuple[Any, ...]]:
        """The exact selectors of every span on a statement, so an undone correction puts each back."""
        rows = self._execute(
            'SELECT id, start, "end", exact, prefix, suffix, anchored FROM annotation_targets '
            "WHERE statement_id = ?",
            [statement_id],
        )
        return {row[0]: tuple(row[1:]) for row in rows}

    def put_target_positions(self, positions: dict[int, tuple[Any, ...]]) -> None:
        for target_id, values in positions.items():
            self._execute(
                'UPDATE annotation_targets SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
                "anchored = ? WHERE id = ?",
                [*values, target_id],
            )
