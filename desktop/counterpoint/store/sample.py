"""The bundled sample dossier (resources/sample/dossier.json), written into a project."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from counterpoint.errors import UserError
from counterpoint.store.model import TargetSpec
from counterpoint.store.project import Project


def sample_dossier() -> dict[str, Any]:
    text = (resources.files("counterpoint.resources") / "sample" / "dossier.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def write_sample(project: Project) -> None:
    """Add the sample's statements, comparisons and annotations to a project, in one transaction.

    Annotated spans are given in the data as quotations, so the data stays readable; each is
    looked up in its statement's text here.
    """
    if project.count_statements():
        raise UserError(f"{project.path} already has statements; write the sample into a new project file")
    data = sample_dossier()
    with project.transaction():
        project.set_info("title", data["title"])
        project.set_info("author", data["author"])
        sources = {
            s["key"]: project.add_source(
                s["title"], publisher=s["publisher"], url=s["url"], published=s["published"]
            )
            for s in data["sources"]
        }
        statements: dict[str, int] = {}
        texts: dict[str, str] = {}
        for s in data["statements"]:
            statements[s["key"]] = project.add_statement(
                s["speaker"],
                s["text"],
                role=s["role"],
                said_on=s["said_on"],
                occasion=s["occasion"],
                source_id=sources[s["source"]],
            )
            texts[s["key"]] = s["text"]
        for tag in data["tags"]:
            project.ensure_tag(tag["name"], tag["colour"], tag["description"])
        for c in data["comparisons"]:
            comparison_id = project.add_comparison(c["title"], [statements[k] for k in c["statements"]])
            for a in c["annotations"]:
                targets = []
                for key, quote in a["targets"]:
                    start = texts[key].find(quote)
                    if start < 0:
                        raise ValueError(f"sample data: {quote!r} is not in statement {key!r}")
                    targets.append(TargetSpec(statements[key], start, start + len(quote)))
                project.add_annotation(
                    targets,
                    comparison_id=comparison_id,
                    relation=a["relation"],
                    verdict=a["verdict"],
                    note=a["note"],
                    tags=a["tags"],
                )
