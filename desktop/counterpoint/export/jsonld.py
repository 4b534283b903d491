"""The JSON-LD contexts the exports name, with local copies shipped in counterpoint.resources/jsonld, and a
document loader (in the shape pyld expects) that serves those copies and refuses every other address."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from counterpoint.errors import UserError

WEB_ANNOTATION = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_ORG = "https://schema.org"
LOCAL_COPIES = {
    WEB_ANNOTATION: "anno.jsonld",
    "https://www.w3.org/ns/anno.jsonld": "anno.jsonld",
    SCHEMA_ORG: "schema.jsonld",
    "https://schema.org/": "schema.jsonld",
    "http://schema.org": "schema.jsonld",
    "http://schema.org/": "schema.jsonld",
}
XSD_DATETIME = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def context(url: str) -> dict[str, Any]:
    """The local copy of a context the exports name."""
    name = LOCAL_COPIES[url]
    data: dict[str, Any] = json.loads(
        resources.files("counterpoint.resources").joinpath("jsonld", name).read_text("utf-8")
    )
    return data


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-LD document loader that never touches the network: the shipped contexts, nothing else."""
    if url not in LOCAL_COPIES:
        raise UserError(f"no local copy of the JSON-LD document {url}; Counterpoint does not fetch documents")
    return {"contextUrl": None, "documentUrl": url, "document": context(url)}


def date_time(value: str) -> str | None:
    """A stored time as xsd:dateTime ('2017-08-01T09:30:00Z'); a bare date gets midnight UTC; else None."""
    value = (value or "").strip()
    if XSD_DATETIME.fullmatch(value):
        return value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value + "T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?", value):
        return value.replace(" ", "T") + "Z"
    return None
