"""The whole dossier as JSON, and back: `dump` writes everything a project holds, `restore` puts it into
a project (into an empty one, with the same ids, so a round trip loses nothing).

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
from counterpoint.store import Annotation, Project, Relation, Target, Verdict

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
    comparison_rows = {
        row[0]: row[1:] for row in project.execute("SELECT id, created, updated FROM comparisons")
    }
    annotations = [a for c in comparisons for a in project.annotations(c.id)]
    if whole:
        annotations += [a for a in project.annotations() if a.comparison_id is None]
        annotations.sort(key=lambda a: a.id)
    statement_ids: set[int] = set()
    for c in comparisons:
        statement_ids.update(c.statement_ids)
    for a in annotations:
        statement_ids.update(t.statement_id for t in a.targets)
    statement_rows = project.execute(
        "SELECT id, speaker_id, role, said_on, occasion, text, source_id, source_start, source_end, language, "
        "created, updated FROM statements ORDER BY id"
    ).fetchall()
    statements = [r for r in statement_rows if whole or r[0] in statement_ids]
    speaker_ids = {r[1] for r in statements}
    source_ids = {r[6] for r in statements if r[6] is not None}
    sources = [
        r
        for r in project.execute(
            "SELECT id, title, publisher, url, published, retrieved, content, sha256 FROM sources ORDER BY id"
        )
        if whole or r[0] in source_ids
    ]
    tag_names = {name.casefold() for a in annotations for name in a.tags}
    info = {
        key: value
        for key, value in project.execute("SELECT key, value FROM project_info ORDER BY key")
        if key not in FILE_KEYS
    }
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
        "sources": [
            {
                "id": r[0],
                "title": r[1],
                "publisher": r[2],
                "url": r[3],
                "published": r[4],
                "retrieved": r[5],
                "content": r[6],
                "sha256": r[7],
            }
            for r in sources
        ],
        "statements": [
            {
                "id": r[0],
                "speaker_id": r[1],
                "role": r[2],
                "said_on": r[3],
                "occasion": r[4],
                "text": r[5],
                "source_id": r[6],
                "source_start": r[7],
                "source_end": r[8],
                "language": r[9],
                "created": r[10],
                "updated": r[11],
            }
            for r in statements
        ],
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


def _is_empty(project: Project) -> bool:
    tables = ("statements", "speakers", "sources", "comparisons", "tags", "annotations")
    return all(project.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in tables)


def restore(project: Project, data: dict[str, Any]) -> dict[str, int]:
    """Put a dumped dossier into `project`, in one transaction; returns how many of each were added.

    Into an empty project everything keeps its id, timestamps and order. Into a project that already
    has data, the dossier is added beside it: new ids, speakers and tags matched by name.
    """
    if not is_dossier_export(data):
        raise UserError("this JSON file is not a Counterpoint dossier export")
    if data["version"] > VERSION:
        raise UserError(
            f"this dossier was exported by a newer Counterpoint (format version {data['version']}); update to import it"
        )
    try:
        with project.transaction():
            return _restore(project, data, keep_ids=_is_empty(project))
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"the dossier file is damaged or incomplete ({type(exc).__name__}: {exc})") from None


def _restore(project: Project, data: dict[str, Any], *, keep_ids: bool) -> dict[str, int]:
    # Beside existing data, the project keeps its own title, author and tag colours.
    for key, value in data.get("info", {}).items():
        if key not in FILE_KEYS and (keep_ids or not project.info(str(key))):
            project.set_info(str(key), str(value))

    speakers: dict[int, int] = {}
    for s in data.get("speakers", []):
        if keep_ids:
            project.execute(
                "INSERT INTO speakers (id, name, role, organisation) VALUES (?, ?, ?, ?)",
                [s["id"], s["name"], s.get("role", ""), s.get("organisation", "")],
            )
            speakers[s["id"]] = s["id"]
        else:
            speakers[s["id"]] = project.ensure_speaker(
                s["name"], s.get("role", ""), s.get("organisation", "")
            )

    sources: dict[int, int] = {}
    existing = {
        (row[1], row[2], row[3]): row[0]
        for row in project.execute("SELECT id, title, url, sha256 FROM sources")
    }
    for s in data.get("sources", []):
        same = existing.get((s["title"], s.get("url", ""), s.get("sha256")))
        if not keep_ids and same is not None:
            sources[s["id"]] = same  # the same document, imported before
            continue
        new_id = project.add_source(
            s["title"],
            publisher=s.get("publisher", ""),
            url=s.get("url", ""),
            published=s.get("published"),
            content=s.get("content"),
            retrieved=s.get("retrieved"),
            id=s["id"] if keep_ids else None,
        )
        # The recorded hash is what was frozen at import; keep it as it was, even if content was edited.
        project.execute("UPDATE sources SET sha256 = ? WHERE id = ?", [s.get("sha256"), new_id])
        sources[s["id"]] = new_id

    names = {s["id"]: s["name"] for s in data.get("speakers", [])}
    statements: dict[int, int] = {}
    for s in data.get("statements", []):
        new_id = project.add_statement(
            names[s["speaker_id"]],
            s["text"],
            role=s.get("role", ""),
            said_on=s.get("said_on"),
            occasion=s.get("occasion", ""),
            source_id=sources.get(s["source_id"]) if s.get("source_id") is not None else None,
            source_start=s.get("source_start"),
            source_end=s.get("source_end"),
            language=s.get("language", "en"),
            id=s["id"] if keep_ids else None,
        )
        # add_statement keeps the speaker's first role on the speaker; the statement keeps its own.
        project.execute(
            "UPDATE statements SET speaker_id = ?, created = coalesce(?, created), updated = coalesce(?, updated) "
            "WHERE id = ?",
            [speakers[s["speaker_id"]], s.get("created"), s.get("updated"), new_id],
        )
        statements[s["id"]] = new_id

    for t in data.get("tags", []):
        if keep_ids:
            project.execute(
                "INSERT INTO tags (id, name, colour, description) VALUES (?, ?, ?, ?)",
                [t["id"], t["name"], t["colour"], t.get("description", "")],
            )
        elif t["name"].casefold() not in {tag.name.casefold() for tag in project.tags()}:
            project.ensure_tag(t["name"], t["colour"], t.get("description", ""))

    comparisons: dict[int, int] = {}
    for c in data.get("comparisons", []):
        new_id = project.add_comparison(
            c["title"], [statements[sid] for sid in c["statement_ids"]], id=c["id"] if keep_ids else None
        )
        project.execute(
            "UPDATE comparisons SET created = coalesce(?, created), updated = coalesce(?, updated) WHERE id = ?",
            [c.get("created"), c.get("updated"), new_id],
        )
        comparisons[c["id"]] = new_id

    for a in data.get("annotations", []):
        annotation = Annotation(
            id=a["id"] if keep_ids else _next_id(project, "annotations"),
            comparison_id=comparisons.get(a["comparison_id"]) if a.get("comparison_id") is not None else None,
            relation=Relation(a["relation"]) if a.get("relation") else None,
            verdict=Verdict(a["verdict"]) if a.get("verdict") else None,
            note=a.get("note", ""),
            tags=tuple(a.get("tags", ())),
            origin=a.get("origin", "user"),
            kind=a.get("kind"),
            created=a.get("created", ""),
            updated=a.get("updated", ""),
            targets=tuple(
                Target(
                    id=t["id"] if keep_ids else _next_id(project, "annotation_targets") + i,
                    statement_id=statements[t["statement_id"]],
                    start=t["start"],
                    end=t["end"],
                    exact=t["exact"],
                    prefix=t.get("prefix", ""),
                    suffix=t.get("suffix", ""),
                    anchored=bool(t.get("anchored", True)),
                )
                for i, t in enumerate(a["targets"])
            ),
        )
        project.restore_annotation(annotation)
    return {
        "speakers": len(speakers),
        "sources": len(sources),
        "statements": len(statements),
        "tags": len(data.get("tags", [])),
        "comparisons": len(comparisons),
        "annotations": len(data.get("annotations", [])),
    }


def _next_id(project: Project, table: str) -> int:
    return int(project.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


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
