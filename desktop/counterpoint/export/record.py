"""A speaker's record: one speaker's statements in date order (undated last), with the contradictions tagged
between them and, when asked, those the engine found; its shape, and its CSV.

The record is gathered by counterpoint.app.record (which runs the engine when asked); html.py lays it out
as a section of the report.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from counterpoint.export.atomic import write_text
from counterpoint.export.cells import spreadsheet_cell
from counterpoint.export.kinds import kind_label
from counterpoint.store import Relation, Statement, Verdict


@dataclass(frozen=True)
class RecordMark:
    """A contradiction between two statements of the record: tagged by the user, or found by the engine.

    `first` and `second` are statement ids, in the order the pair was tagged (for the engine's: record
    order); `first_text` and `second_text` the spans quoted from each.
    """

    first: int
    second: int
    origin: str  # "tagged" or "found"
    first_text: str
    second_text: str
    relation: Relation | None = None
    verdict: Verdict | None = None
    note: str = ""
    annotation_id: int | None = None
    comparison_id: int | None = None
    kind: str = ""  # the engine's contrast kind
    score: float = 0.0
    reason: str = ""

    @property
    def tagged(self) -> bool:
        return self.origin == "tagged"

    def label(self) -> str:
        """'Contradiction (tagged: contradicts)', 'found: negation 0.62'."""
        if self.tagged:
            verdict = self.verdict.label if self.verdict else "No verdict"
            relation = self.relation.label if self.relation else "linked"
            return f"{verdict} (tagged: {relation})"
        return f"found: {kind_label(self.kind)} {self.score:.2f}"


@dataclass(frozen=True)
class SpeakerRecord:
    speaker: str
    statements: tuple[Statement, ...]  # dated by date, then undated (by id)
    marks: tuple[RecordMark, ...]
    tag: str = ""
    search: str = ""
    found: str = ""  # "", "consecutive" or "any": which pairs the engine was asked about

    @property
    def undated(self) -> int:
        return sum(1 for s in self.statements if s.said_on is None)

    @property
    def title(self) -> str:
        topic = [f"tag “{self.tag}”"] if self.tag else []
        topic += [f"“{self.search}”"] if self.search else []
        return self.speaker + (f" on {', '.join(topic)}" if topic else "")

    def number(self, statement_id: int) -> int:
        """The statement's number in the record, from 1."""
        return next(i for i, s in enumerate(self.statements, 1) if s.id == statement_id)

    def marks_of(self, statement_id: int) -> list[tuple[int, RecordMark]]:
        """The marks touching one statement, each with the number of the statement at its other end."""
        found = []
        for mark in self.marks:
            if statement_id in (mark.first, mark.second):
                other = mark.second if mark.first == statement_id else mark.first
                found.append((self.number(other), mark))
        return sorted(found, key=lambda pair: (not pair[1].tagged, pair[0]))


# -- CSV ---------------------------------------------------------------------------------------------------

COLUMNS = (
    "number",
    "statement_id",
    "speaker",
    "role",
    "said_on",
    "occasion",
    "source",
    "text",
    "tagged",
    "found",
)


def _marks_cell(record: SpeakerRecord, statement_id: int, tagged: bool) -> str:
    return "; ".join(
        f"{number}: {mark.label()}" for number, mark in record.marks_of(statement_id) if mark.tagged == tagged
    )


def record_csv(record: SpeakerRecord) -> str:
    """One row per statement, in the record's order; `tagged` and `found` name the other statements by
    their number in the record. Cells a spreadsheet would run as a formula get a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for number, s in enumerate(record.statements, 1):
        row: list[object] = [
            number,
            s.id,
            s.speaker,
            s.role,
            s.said_on.isoformat() if s.said_on else "undated",
            s.occasion,
            s.source_title,
            s.text,
            _marks_cell(record, s.id, True),
            _marks_cell(record, s.id, False),
        ]
        writer.writerow([spreadsheet_cell(v) for v in row])
    return out.getvalue()


def export_record_csv(record: SpeakerRecord, path: Path) -> Path:
    return write_text(path, record_csv(record))
