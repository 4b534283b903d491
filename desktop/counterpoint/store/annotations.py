"""Comparisons, tags, annotations (with their W3C selectors) and full-text search of a project."""

from __future__ import annotations

import sqlite3
import uuid as uuids
from collections.abc import Sequence
from typing import Any

from counterpoint.errors import UserError
from counterpoint.store.anchoring import make_selector
from counterpoint.store.base import TAG_PALETTE, _now, quote_fts
from counterpoint.store.library import Library
from counterpoint.store.model import (
    Annotation,
    Comparison,
    Relation,
    SearchHit,
    Tag,
    Target,
    TargetSpec,
    Verdict,
)


class Annotations(Library):
    """What the user builds on the statements: comparisons, tags and annotations."""

    # -- comparisons ---------------------------------------------------------------------------

    def add_comparison(self, title: str, statement_ids: Sequence[int], *, id: int | None = None) -> int:
        if not title.strip():
            raise UserError("a comparison needs a title")
        with self.transaction():
            cursor = self._execute("INSERT INTO comparisons (id, title) VALUES (?, ?)", [id, title.strip()])
            comparison_id = int(cursor.lastrowid or 0)
            self._set_members(comparison_id, statement_ids)
        return comparison_id

    def _set_members(self, comparison_id: int, statement_ids: Sequence[int]) -> None:
        if len(set(statement_ids)) != len(statement_ids):
            raise UserError("a statement can be in a comparison only once")
        self._execute("DELETE FROM comparison_statements WHERE comparison_id = ?", [comparison_id])
        for position, statement_id in enumerate(statement_ids):
            try:
                self._execute(
                    "INSERT INTO comparison_statements (comparison_id, statement_id, position) VALUES (?, ?, ?)",
                    [comparison_id, statement_id, position],
                )
            except sqlite3.IntegrityError:
                raise UserError(f"there is no statement {statement_id}") from None

    def set_comparison_statements(self, comparison_id: int, statement_ids: Sequence[int]) -> None:
        self.comparison(comparison_id)
        with self.transaction():
            self._set_members(comparison_id, statement_ids)
            self._execute("UPDATE comparisons SET updated = ? WHERE id = ?", [_now(), comparison_id])

    def rename_comparison(self, comparison_id: int, title: str) -> None:
        if not title.strip():
            raise UserError("a comparison needs a title")
        self.comparison(comparison_id)
        self._execute(
            "UPDATE comparisons SET title = ?, updated = ? WHERE id = ?",
            [title.strip(), _now(), comparison_id],
        )

    def delete_comparison(self, comparison_id: int) -> None:
        self.comparison(comparison_id)
        self._execute("DELETE FROM comparisons WHERE id = ?", [comparison_id])

    def comparisons(self) -> list[Comparison]:
        members: dict[int, list[int]] = {}
        for comparison_id, statement_id in self._execute(
            "SELECT comparison_id, statement_id FROM comparison_statements ORDER BY comparison_id, position"
        ):
            members.setdefault(comparison_id, []).append(statement_id)
        return [
            Comparison(cid, title, tuple(members.get(cid, ())))
            for cid, title in self._execute("SELECT id, title FROM comparisons ORDER BY id")
        ]

    def comparison(self, comparison_id: int) -> Comparison:
        for comparison in self.comparisons():
            if comparison.id == comparison_id:
                return comparison
        raise UserError(f"there is no comparison {comparison_id}")

    # -- tags ----------------------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        rows = self._execute("SELECT id, name, colour, description FROM tags ORDER BY name COLLATE NOCASE")
        return [Tag(*row) for row in rows]

    def ensure_tag(self, name: str, colour: str | None = None, description: str = "") -> int:
        name = " ".join(name.split())
        if not name:
            raise UserError("a tag needs a name")
        row = self._execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE", [name]).fetchone()
        if row:
            if colour:
                self._execute("UPDATE tags SET colour = ? WHERE id = ?", [colour, row[0]])
            return int(row[0])
        if colour is None:
            count = self._execute("SELECT count(*) FROM tags").fetchone()[0]
            colour = TAG_PALETTE[count % len(TAG_PALETTE)]
        cursor = self._execute(
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
            cursor = self._execute(
                "INSERT INTO annotations (id, comparison_id, relation, verdict, note, origin, kind, uuid) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [id, comparison_id, relation_value, verdict_value, note, origin, kind, str(uuids.uuid4())],
            )
            annotation_id = int(cursor.lastrowid or 0)
            for position, spec in enumerate(targets):
                text = self.statement(spec.statement_id).text
                try:
                    selector = make_selector(text, spec.start, spec.end)
                except ValueError as exc:
                    raise UserError(f"statement {spec.statement_id}: {exc}") from None
                self._execute(
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
        self._execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for name in dict.fromkeys(t for t in tags if t.strip()):
            tag_id = self.ensure_tag(name)
            self._execute(
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
            self._execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?", [*sets.values(), annotation_id]
            )
            if "tags" in fields:
                self._set_tags(annotation_id, fields["tags"])

    def delete_annotation(self, annotation_id: int) -> None:
        self.annotation(annotation_id)
        self._execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def restore_annotation(self, annotation: Annotation) -> int:
        """Put back an annotation exactly as it was (same id, spans and times): undo of a delete."""
        with self.transaction():
            self._execute(
                "INSERT INTO annotations (id, comparison_id, relation, verdict, note, origin, kind, created, "
                "updated, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    annotation.uuid or str(uuids.uuid4()),
                ],
            )
            for position, t in enumerate(annotation.targets):
                self._execute(
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
        rows = self._execute(
            "SELECT a.id, a.comparison_id, a.relation, a.verdict, a.note, a.origin, a.kind, a.created, "
            f"a.updated, a.uuid FROM annotations a WHERE {where} ORDER BY a.id",
            params,
        ).fetchall()
        if not rows:
            return []
        # the targets and tags of the same annotations: the same filter again as a subquery, so that no
        # statement carries one variable per annotation (SQLite refuses past its variable limit)
        chosen = f"SELECT a.id FROM annotations a WHERE {where}"
        targets: dict[int, list[Target]] = {}
        for r in self._execute(
            'SELECT annotation_id, id, statement_id, start, "end", exact, prefix, suffix, anchored '
            f"FROM annotation_targets WHERE annotation_id IN ({chosen}) ORDER BY annotation_id, position",
            params,
        ):
            targets.setdefault(r[0], []).append(Target(r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8])))
        tags: dict[int, list[str]] = {}
        for annotation_id, name in self._execute(
            "SELECT at.annotation_id, g.name FROM annotation_tags at JOIN tags g ON g.id = at.tag_id "
            f"WHERE at.annotation_id IN ({chosen}) ORDER BY g.name COLLATE NOCASE",
            params,
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
                uuid=r[9] or "",
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
            for statement_id, snippet in self._execute(sql, [match, limit]):
                hits.setdefault(statement_id, SearchHit(statement_id, field, snippet))
        return list(hits.values())[:limit]
