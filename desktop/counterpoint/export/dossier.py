"""The whole dossier as JSON: `dump` writes everything a project holds (counterpoint.app.merge reads it
back into a project, adding only what is new).

The JSON is plain and documented by its keys, so scripts can read it too; `format` and `version` say
what it is, so `counterpoint import` can recognise it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from counterpoint import __version__
from counterpoint.errors import UserError
from counterpoint.export.atomic import write_text
from counterpoint.export.report import select_comparisons
from counterpoint.store import Annotation, Project

FORMAT = "counterpoint-dossier"
VERSION = 1
# project_info keys that belong to the file itself, not to the dossier.
FILE_KEYS = {"application"}


def is_dossier_export(data: Any) -> bool:
    """True when `data` (parsed JSON) is a dossier written by `dump`."""
    return isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("version"), int)


def dump(project: Project, comparison_ids: Sequence[int] | None = None) -> dict[str, Any]:
    """Everything in the project (or in the named comparisons and what they use) as JSON-ready data."""
    comparisons = select_comparisons(project, comparison_ids) if comparison_ids else project.comparisons()
    whole = not comparison_ids
    comparison_rows = project.comparison_times()
    annotations = [a for c in comparisons for a in project.annotations(c.id)]
    if whole:
        annotations += [a for a in project.annotations() if a.comparison_id is None]
        annotations.sort(key=lambda a: a.id)
    statement_ids: set[int] = set()
    for c in comparisons:
        statement_ids.update(c.statement_ids)
    for a in annotations:
        statement_ids.update(t.statement_id for t in a.targets)
    statements = [r for r in project.statement_records() if whole or r["id"] in statement_ids]
    speaker_ids = {r["speaker_id"] for r in statements}
    source_ids = {r["source_id"] for r in statements if r["source_id"] is not None}
    sources = [r for r in project.source_records() if whole or r["id"] in source_ids]
    tag_names = {name.casefold() for a in annotations for name in a.tags}
    info = project.info_items(leave_out=FILE_KEYS)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": f"Counterpoint {__version__}",
        "info": info,
        "speakers": [
            {"id": s.id, "name": s.name, "role": s.role, "organisation": s.organisation}
            for s in sorted(project.speakers(), key=lambda s: s.id)
            if whole or s.id in speaker_ids
        ],
        "sources": sources,
        "statements": statements,
        "tags": [
            {"id": t.id, "name": t.name, "colour": t.colour, "description": t.description}
            for t in sorted(project.tags(), key=lambda t: t.id)
            if whole or t.name.casefold() in tag_names
        ],
        "comparisons": [
            {
                "id": c.id,
                "title": c.title,
                "statement_ids": list(c.statement_ids),
                "created": comparison_rows[c.id][0],
                "updated": comparison_rows[c.id][1],
            }
            for c in comparisons
        ],
        "annotations": [_annotation_data(a) for a in annotations],
    }


def _annotation_data(a: Annotation) -> dict[str, Any]:
    return {
        "id": a.id,
        "uuid": a.uuid,
        "comparison_id": a.comparison_id,
        "relation": a.relation.value if a.relation else None,
        "verdict": a.verdict.value if a.verdict else None,
        "note": a.note,
        "tags": list(a.tags),
        "origin": a.origin,
        "kind": a.kind,
        "created": a.created,
        "updated": a.updated,
        "targets": [
            {
                "id": t.id,
                "statement_id": t.statement_id,
                "start": t.start,
                "end": t.end,
                "exact": t.exact,
                "prefix": t.prefix,
                "suffix": t.suffix,
                "anchored": t.anchored,
            }
            for t in a.targets
        ],
    }


def dossier_json(project: Project, comparison_ids: Sequence[int] | None = None) -> str:
    return json.dumps(dump(project, comparison_ids), ensure_ascii=False, indent=2) + "\n"


def export_json(project: Project, path: Path, comparison_ids: Sequence[int] | None = None) -> Path:
    return write_text(path, dossier_json(project, comparison_ids))


def read_dossier(path: Path) -> dict[str, Any]:
    """Load a dossier export from a file, with one-line errors for what a user can get wrong."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path} does not exist") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is not a JSON file ({exc})") from None
    if not is_dossier_export(data):
        raise UserError(f"{path} is not a Counterpoint dossier export")
    result: dict[str, Any] = data
    return result
