"""Plain records read from a project file; the GUI, the CLI and the exports all see these shapes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counterpoint.engine.model import Span  # one Span type across packages: code points, end exclusive


class Relation(StrEnum):
    """How the second span of an annotation stands to the first."""

    CONTRADICTS = "contradicts"
    WALKS_BACK = "walks_back"
    CLARIFIES = "clarifies"
    CONSISTENT_WITH = "consistent_with"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Verdict(StrEnum):
    """The fixed verdict scale, from agreeing to contradicting, plus 'unverifiable'."""

    CONSISTENT = "consistent"
    PARTLY_INCONSISTENT = "partly_inconsistent"
    CONTRADICTION = "contradiction"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Speaker:
    id: int
    name: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Source:
    id: int
    title: str
    publisher: str = ""
    url: str = ""
    published: date | None = None
    retrieved: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Statement:
    id: int
    speaker_id: int
    speaker: str
    text: str
    role: str = ""
    said_on: date | None = None
    occasion: str = ""
    source_id: int | None = None
    source_title: str = ""
    source_start: int | None = None
    source_end: int | None = None
    language: str = "en"

    @property
    def first_words(self) -> str:
        words = self.text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


@dataclass(frozen=True)
class NewStatement:
    """A statement to add in bulk (Library.add_statements): what add_statement takes, without a source."""

    speaker: str
    text: str
    role: str = ""
    said_on: date | str | None = None
    occasion: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Comparison:
    id: int
    title: str
    statement_ids: tuple[int, ...]


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    colour: str = "#7f8c8d"
    description: str = ""


@dataclass(frozen=True)
class TargetSpec:
    """A span the user selected: a statement and code-point offsets into its text."""

    statement_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """One annotated span with its W3C TextQuoteSelector and TextPositionSelector."""

    id: int
    statement_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    anchored: bool = True

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class Annotation:
    id: int
    comparison_id: int | None
    targets: tuple[Target, ...]
    relation: Relation | None = None
    verdict: Verdict | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    origin: str = "user"
    kind: str | None = None
    created: str = ""
    updated: str = ""
    uuid: str = ""  # kept for ever: exports name the annotation urn:uuid:<this>, merges match on it


@dataclass(frozen=True)
class SearchHit:
    """A statement found by a full-text query, and why (its text, its speaker, or a note on it)."""

    statement_id: int
    field: str
    snippet: str
