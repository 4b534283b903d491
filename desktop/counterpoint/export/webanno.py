"""Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD), for annotation tools and archives.

A tagged pair of spans is one annotation with two targets. Each target names its statement (with the
statement's text embedded as rdf:value, so a reader can check the selectors) and carries a
TextQuoteSelector and a TextPositionSelector in code points. Annotations are named by the UUID each keeps
for ever (urn:uuid:), so a re-export names them the same; `created` and `modified` are the annotation's own
times as xsd:dateTime. Every key is a term of the W3C context (checked offline against resources/jsonld).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counterpoint.export.atomic import write_text
from counterpoint.export.jsonld import WEB_ANNOTATION, date_time
from counterpoint.export.report import select_comparisons
from counterpoint.store import Annotation, Project, Statement

CONTEXT = WEB_ANNOTATION


def dossier_iri(project: Project) -> str:
    """A stable identifier for the dossier: the same title gives the same IRI on every export."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'counterpoint:' + project.title)}"


def derived_iri(base: str, what: str) -> str:
    """A urn:uuid for a part of the dossier (a statement, the collection), stable across exports."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, base + ':' + what)}"


def annotation_iri(a: Annotation, base: str) -> str:
    return f"urn:uuid:{a.uuid}" if a.uuid else derived_iri(base, f"annotation:{a.id}")


def _bodies(a: Annotation) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if a.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain"}
        )
    if a.relation:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": a.relation.label})
    if a.verdict:
        bodies.append({"type": "TextualBody", "purpose": "assessing", "value": a.verdict.label})
    bodies.extend({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags)
    return bodies


def _motivation(a: Annotation) -> str:
    if a.verdict:
        return "assessing"
    if a.relation or len(a.targets) > 1:
        return "linking"
    if a.note:
        return "commenting"
    return "tagging" if a.tags else "highlighting"


def annotation_document(
    a: Annotation, statements: dict[int, Statement], base: str, author: str = ""
) -> dict[str, Any]:
    targets = []
    for t in a.targets:
        s = statements[t.statement_id]
        source: dict[str, Any] = {
            "id": derived_iri(base, f"statement:{s.id}"),
            "type": "Text",
            "format": "text/plain",
            "language": s.language,
            "creator": {"type": "Person", "name": s.speaker},
            "value": s.text,
        }
        targets.append(
            {
                "type": "SpecificResource",
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix},
                    {"type": "TextPositionSelector", "start": t.start, "end": t.end},
                ],
            }
        )
    document: dict[str, Any] = {
        "id": annotation_iri(a, base),
        "type": "Annotation",
        "motivation": _motivation(a),
        "target": targets,
    }
    bodies = _bodies(a)
    if bodies:
        document["body"] = bodies
    if date_time(a.created):
        document["created"] = date_time(a.created)
    if date_time(a.updated):
        document["modified"] = date_time(a.updated)
    if author:
        document["creator"] = {"type": "Person", "name": author}
    if a.origin == "engine":
        document["generator"] = {"type": "Software", "name": "Counterpoint comparison engine"}
    return document


def collection(project: Project, comparison_ids: Sequence[int] | None = None) -> dict[str, Any]:
    base = dossier_iri(project)
    if comparison_ids:
        annotations = [
            a for c in select_comparisons(project, comparison_ids) for a in project.annotations(c.id)
        ]
    else:
        annotations = project.annotations()
    statements = {s.id: s for s in project.statements()}
    author = project.info("author")
    items = [annotation_document(a, statements, base, author) for a in annotations]
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": derived_iri(base, "annotations"),
        "type": "AnnotationCollection",
        "label": project.title,
        "total": len(items),
        "generator": {"type": "Software", "name": "Counterpoint"},
    }
    if author:
        result["creator"] = {"type": "Person", "name": author}
    if items:
        result["first"] = {
            "id": derived_iri(base, "annotations:page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return result


def export_webanno(project: Project, path: Path, comparison_ids: Sequence[int] | None = None) -> Path:
    text = json.dumps(collection(project, comparison_ids), ensure_ascii=False, indent=2) + "\n"
    return write_text(path, text)
