"""Snapshots of what a delete removes (a statement with its memberships and annotations, a comparison with
its annotations), and their exact restoration: what undo needs beyond the Project's own methods."""

from __future__ import annotations

from dataclasses import dataclass

from counterpoint.store.model import Annotation, Comparison, Statement
from counterpoint.store.project import Project


@dataclass(frozen=True)
class StatementSnapshot:
    statement: Statement
    created: str
    updated: str
    memberships: tuple[tuple[int, int], ...]  # (comparison id, position)
    annotations: tuple[Annotation, ...]  # every annotation with a span on the statement, as it was


@dataclass(frozen=True)
class ComparisonSnapshot:
    comparison: Comparison
    created: str
    updated: str
    members: tuple[tuple[int, int], ...]  # (statement id, position), positions as stored
    annotations: tuple[Annotation, ...]


def snapshot_statement(project: Project, statement_id: int) -> StatementSnapshot:
    statement = project.statement(statement_id)
    created, updated = project._execute(
        "SELECT created, updated FROM statements WHERE id = ?", [statement_id]
    ).fetchone()
    memberships = tuple(
        (row[0], row[1])
        for row in project._execute(
            "SELECT comparison_id, position FROM comparison_statements WHERE statement_id = ?", [statement_id]
        )
    )
    annotation_ids = [
        row[0]
        for row in project._execute(
            "SELECT DISTINCT annotation_id FROM annotation_targets WHERE statement_id = ?", [statement_id]
        )
    ]
    annotations = tuple(project.annotation(a) for a in annotation_ids)
    return StatementSnapshot(statement, created, updated, memberships, annotations)


def restore_statement(project: Project, snapshot: StatementSnapshot) -> int:
    """Put a deleted statement back with its id, its places in comparisons and its annotations."""
    s = snapshot.statement
    with project.transaction():
        project.add_statement(
            s.speaker,
            s.text,
            role=s.role,
            said_on=s.said_on,
            occasion=s.occasion,
            source_id=s.source_id
            if s.source_id is not None and _exists(project, "sources", s.source_id)
            else None,
            source_start=s.source_start,
            source_end=s.source_end,
            language=s.language,
            id=s.id,
        )
        project._execute(
            "UPDATE statements SET created = ?, updated = ? WHERE id = ?",
            [snapshot.created, snapshot.updated, s.id],
        )
        for comparison_id, position in snapshot.memberships:
            if not _exists(project, "comparisons", comparison_id):
                continue
            # Its old position, as stored: deletes never renumber the others, so undoing deletes in
            # reverse order puts every statement back exactly in its place.
            project._execute(
                "INSERT INTO comparison_statements (comparison_id, statement_id, position) VALUES (?, ?, ?)",
                [comparison_id, s.id, position],
            )
        for annotation in snapshot.annotations:
            if _exists(project, "annotations", annotation.id):
                # It kept its spans on other statements; put it back whole.
                project.delete_annotation(annotation.id)
            project.restore_annotation(annotation)
    return s.id


def snapshot_comparison(project: Project, comparison_id: int) -> ComparisonSnapshot:
    comparison = project.comparison(comparison_id)
    created, updated = project._execute(
        "SELECT created, updated FROM comparisons WHERE id = ?", [comparison_id]
    ).fetchone()
    members = tuple(
        (row[0], row[1])
        for row in project._execute(
            "SELECT statement_id, position FROM comparison_statements WHERE comparison_id = ? ORDER BY position",
            [comparison_id],
        )
    )
    return ComparisonSnapshot(
        comparison, created, updated, members, tuple(project.annotations(comparison_id))
    )


def restore_comparison(project: Project, snapshot: ComparisonSnapshot) -> int:
    c = snapshot.comparison
    with project.transaction():
        project.add_comparison(c.title, [], id=c.id)
        restore_members(project, c.id, snapshot.members)
        project._execute(
            "UPDATE comparisons SET created = ?, updated = ? WHERE id = ?",
            [snapshot.created, snapshot.updated, c.id],
        )
        for annotation in snapshot.annotations:
            if all(_exists(project, "statements", t.statement_id) for t in annotation.targets):
                project.restore_annotation(annotation)
    return c.id


def comparison_members(project: Project, comparison_id: int) -> tuple[tuple[int, int], ...]:
    """A comparison's statements with their positions as stored (deletes leave gaps; that is fine)."""
    return tuple(
        (row[0], row[1])
        for row in project._execute(
            "SELECT statement_id, position FROM comparison_statements WHERE comparison_id = ? ORDER BY position",
            [comparison_id],
        )
    )


def restore_members(project: Project, comparison_id: int, members: tuple[tuple[int, int], ...]) -> None:
    """Put a comparison's statements back exactly, positions included, so later undos of deletes (which
    reinsert a statement at its stored position) find the order they left."""
    with project.transaction():
        project._execute("DELETE FROM comparison_statements WHERE comparison_id = ?", [comparison_id])
        for statement_id, position in members:
            if _exists(project, "statements", statement_id):
                project._execute(
                    "INSERT INTO comparison_statements (comparison_id, statement_id, position) VALUES (?, ?, ?)",
                    [comparison_id, statement_id, position],
                )


def _exists(project: Project, table: str, row_id: int) -> bool:
    return project._execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None
