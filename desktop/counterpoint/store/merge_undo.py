"""What a merge added to a project, row by row, so one Undo takes exactly that away and Redo puts it back
with the same ids (later edits on the undo stack name those ids).

The merge (counterpoint.app.merge) reports the ids of the rows it added and the project settings and
speaker roles it changed; `capture_merge` reads those rows whole, with the rows that hang off them
(a new comparison's members, a new annotation's spans and tag links).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from counterpoint.store.project import Project

# Parents before children: the order rows are put back in (and the reverse of the order they go).
OWN_TABLES = ("speakers", "sources", "statements", "tags", "comparisons", "annotations")
CHILD_TABLES = {
    "comparison_statements": ("comparison_id", "comparisons"),
    "annotation_targets": ("annotation_id", "annotations"),
    "annotation_tags": ("annotation_id", "annotations"),
}
RESTORE_ORDER = (
    "speakers",
    "sources",
    "statements",
    "tags",
    "comparisons",
    "comparison_statements",
    "annotations",
    "annotation_targets",
    "annotation_tags",
)


@dataclass(frozen=True)
class MergedRows:
    """Every row a merge added (table -> column names and rows), and what it changed in place."""

    rows: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]
    info_before: dict[str, str | None] = field(default_factory=dict)  # None: the key was not there
    info_after: dict[str, str] = field(default_factory=dict)
    roles_before: dict[int, str] = field(default_factory=dict)  # speaker id -> role the merge filled in
    roles_after: dict[int, str] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ((), []))[1])


def _select(project: Project, table: str, column: str, ids: list[int]) -> tuple[tuple[str, ...], list[tuple]]:
    rows: list[tuple[Any, ...]] = []
    columns: tuple[str, ...] = ()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        cursor = project._execute(
            f'SELECT * FROM "{table}" WHERE "{column}" IN ({", ".join("?" * len(chunk))}) ORDER BY rowid',
            chunk,
        )
        columns = tuple(d[0] for d in cursor.description)
        rows.extend(tuple(row) for row in cursor)
    if not columns:
        columns = tuple(d[0] for d in project._execute(f'SELECT * FROM "{table}" LIMIT 0').description)
    return columns, rows


def capture_merge(
    project: Project,
    added: Mapping[str, Iterable[int]],
    *,
    info_before: Mapping[str, str | None] = {},
    roles_before: Mapping[int, str] = {},
) -> MergedRows:
    """Read the rows a merge has just added (ids per table, as the merge reported them)."""
    ids = {table: sorted(set(added.get(table, ()))) for table in OWN_TABLES}
    rows = {table: _select(project, table, "id", ids[table]) for table in OWN_TABLES}
    for child, (column, parent) in CHILD_TABLES.items():
        rows[child] = _select(project, child, column, ids[parent])
    roles_after = {
        speaker_id: str(row[0])
        for speaker_id in roles_before
        if (row := project._execute("SELECT role FROM speakers WHERE id = ?", [speaker_id]).fetchone())
    }
    return MergedRows(
        rows=rows,
        info_before=dict(info_before),
        info_after={key: project.info(key) for key in info_before},
        roles_before=dict(roles_before),
        roles_after=roles_after,
    )


def remove_merge(project: Project, merged: MergedRows) -> None:
    """Take away exactly what the merge added (children go with their parents), in one transaction."""
    with project.transaction():
        for table in reversed(OWN_TABLES):
            columns, rows = merged.rows[table]
            at = columns.index("id")
            for row in rows:
                project._execute(f'DELETE FROM "{table}" WHERE id = ?', [row[at]])
        for speaker_id, role in merged.roles_before.items():
            project._execute("UPDATE speakers SET role = ? WHERE id = ?", [role, speaker_id])
        for key, value in merged.info_before.items():
            if value is None:
                project._execute("DELETE FROM project_info WHERE key = ?", [key])
            else:
                project.set_info(key, value)


def restore_merge(project: Project, merged: MergedRows) -> None:
    """Put back every row the merge added, ids and times as they were, in one transaction."""
    with project.transaction():
        for table in RESTORE_ORDER:
            columns, rows = merged.rows[table]
            if not rows:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            project.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        for speaker_id, role in merged.roles_after.items():
            project._execute("UPDATE speakers SET role = ? WHERE id = ?", [role, speaker_id])
        for key, value in merged.info_after.items():
            project.set_info(key, value)


def info_value(project: Project, key: str) -> str | None:
    """A project setting as stored, or None when the key is not there at all."""
    row = project._execute("SELECT value FROM project_info WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])
