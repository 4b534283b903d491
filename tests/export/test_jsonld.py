"""The JSON-LD exports pass a standards reader: pyld expands them offline, against the contexts shipped in
resources/jsonld (a loader that refuses the network), and every key of the export is a term of its context."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from counterpoint.errors import UserError
from counterpoint.export import export
from counterpoint.export.jsonld import SCHEMA_ORG, WEB_ANNOTATION, XSD_DATETIME, context, offline_loader
from counterpoint.store import Project

XSD = "http://www.w3.org/2001/XMLSchema#"


def _keys(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "@context":
                found.add(key)
                found |= _keys(value)
    elif isinstance(node, list):
        for item in node:
            found |= _keys(item)
    return found


def _expand(doc: dict[str, Any]) -> list[Any]:
    return jsonld.expand(doc, {"documentLoader": offline_loader})  # type: ignore[no-any-return]


def _typed(expanded: Any, datatype: str) -> list[str]:
    found = []
    if isinstance(expanded, dict):
        if expanded.get("@type") == datatype and "@value" in expanded:
            found.append(expanded["@value"])
        for value in expanded.values():
            found += _typed(value, datatype)
    elif isinstance(expanded, list):
        for item in expanded:
            found += _typed(item, datatype)
    return found


def test_the_loader_refuses_the_network() -> None:
    with pytest.raises(UserError, match="does not fetch"):
        offline_loader("https://example.org/context.jsonld")
    with pytest.raises(jsonld.JsonLdError):
        _expand({"@context": "https://example.org/context.jsonld", "name": "x"})


@pytest.mark.parametrize(("fmt", "url"), [("webanno", WEB_ANNOTATION), ("claimreview", SCHEMA_ORG)])
def test_every_key_is_a_term_and_expands(rich_project: Project, tmp_path: Path, fmt: str, url: str) -> None:
    doc = json.loads(export(rich_project, tmp_path / "x.jsonld", fmt).read_text("utf-8"))
    assert doc["@context"] == url
    terms = set(context(url)["@context"])
    unmapped = {k for k in _keys(doc) if not k.startswith("@") and k not in terms}
    assert unmapped == set()
    expanded = _expand(doc)
    assert expanded  # something came out; a key without a term would have been dropped silently
    text = json.dumps(expanded)
    if fmt == "webanno":
        assert "http://www.w3.org/ns/oa#hasTarget" in text and "http://www.w3.org/ns/oa#exact" in text
        times = _typed(expanded, XSD + "dateTime")
        assert times and all(XSD_DATETIME.fullmatch(t) for t in times)
        ids = [item["id"] for item in doc["first"]["items"]]
        assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    else:
        assert "https://schema.org/claimReviewed" in text and "https://schema.org/Organization" in text


def test_webanno_ids_are_kept_across_exports(rich_project: Project, tmp_path: Path) -> None:
    first = json.loads(export(rich_project, tmp_path / "a.jsonld", "webanno").read_text("utf-8"))
    again = json.loads(export(rich_project, tmp_path / "b.jsonld", "webanno").read_text("utf-8"))
    assert [i["id"] for i in first["first"]["items"]] == [i["id"] for i in again["first"]["items"]]
    created = {i["created"] for i in first["first"]["items"]}
    said_on = {s.said_on.isoformat() for s in rich_project.statements() if s.said_on}
    assert not created & said_on  # the annotation's own time, not a statement's date
