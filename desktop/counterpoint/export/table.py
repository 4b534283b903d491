"""Annotations as CSV, one row per annotation, for spreadsheets and newsroom trackers.

The first two spans fill the a_ and b_ columns; any further spans go into `more_spans` as JSON.
Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from counterpoint.export.atomic import write_text
from counterpoint.export.cells import spreadsheet_cell
from counterpoint.export.report import select_comparisons
from counterpoint.store import Annotation, Project, Statement, Target

SPAN_FIELDS = ("statement_id", "speaker", "role", "said_on", "quote", "start", "end")
COLUMNS = (
    "dossier",
    "comparison_id",
    "comparison",
    "annotation_id",
    "relation",
    "verdict",
    "tags",
    "note",
    "origin",
    "kind",
    *(f"a_{f}" for f in SPAN_FIELDS),
    *(f"b_{f}" for f in SPAN_FIELDS),
    "more_spans",
    "created",
    "updated",
)
_cell = spreadsheet_cell


def _span(target: Target | None, statements: dict[int, Statement]) -> list[object]:
    if target is None:
        return [""] * len(SPAN_FIELDS)
    s = statements[target.statement_id]
    return [
        s.id,
        s.speaker,
        s.role,
        s.said_on.isoformat() if s.said_on else "",
        target.exact,
        target.start,
        target.end,
    ]


def annotations_csv(project: Project, comparison_ids: Sequence[int] | None = None) -> str:
    comparisons = select_comparisons(project, comparison_ids)
    statements = {s.id: s for s in project.statements()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    # The whole dossier also has notes on spans outside any comparison; they get empty comparison cells.
    groups: list[tuple[int | str, str, list[Annotation]]] = [
        (c.id, c.title, project.annotations(c.id)) for c in comparisons
    ]
    if not comparison_ids:
        groups.append(("", "", [a for a in project.annotations() if a.comparison_id is None]))
    for comparison_id, comparison_title, group in groups:
        for a in group:
            targets = list(a.targets)
            more = [
                {"statement_id": t.statement_id, "quote": t.exact, "start": t.start, "end": t.end}
                for t in targets[2:]
            ]
            row: list[object] = [
                project.title,
                comparison_id,
                comparison_title,
                a.id,
                a.relation.label if a.relation else "",
                a.verdict.label if a.verdict else "",
                "; ".join(a.tags),
                a.note,
                a.origin,
                a.kind or "",
                *_span(targets[0] if targets else None, statements),
                *_span(targets[1] if len(targets) > 1 else None, statements),
                json.dumps(more, ensure_ascii=False) if more else "",
                a.created,
                a.updated,
            ]
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def export_csv(project: Project, path: Path, comparison_ids: Sequence[int] | None = None) -> Path:
    return write_text(path, annotations_csv(project, comparison_ids))
