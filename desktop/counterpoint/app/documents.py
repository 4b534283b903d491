"""Importing documents: a document becomes a source (its frozen text and hash), and the quotations the
user keeps become statements pointing into it; a Counterpoint dossier or project file is merged instead."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterpoint.app.merge import MergeReport, merge_dossier, merge_project
from counterpoint.app.review import ALREADY, review_quotes
from counterpoint.errors import UserError
from counterpoint.export.dossier import is_dossier_export
from counterpoint.ingest import MAX_BYTES, Document, IngestError, Quote, load_document
from counterpoint.ingest.files import read_regular_file
from counterpoint.ingest.proposals import ReadingMode, propose_statements
from counterpoint.store import Project
from counterpoint.store.base import SQLITE_MAGIC


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 source', '2 sources', '1 quotation'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def read_dossier_export(path: Path) -> dict[str, Any] | None:
    """The parsed dossier when `path` is a JSON export of Counterpoint; None for any other document."""
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(read_regular_file(path, MAX_BYTES).decode("utf-8"))
    except IngestError as exc:
        raise UserError(str(exc)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path} is not valid JSON ({exc})") from None
    except RecursionError:
        raise UserError(f"{path} nests its JSON too deeply to be a Counterpoint dossier") from None
    except ValueError as exc:  # a number of thousands of digits
        raise UserError(f"{path} is not a JSON file we can read ({exc})") from None
    if not is_dossier_export(data):
        raise UserError(
            f"{path} is JSON but not a Counterpoint dossier export; import it as text with a .txt name"
        )
    return dict(data)


def is_project_file(path: Path) -> bool:
    """True for an SQLite file (another Counterpoint project, to be merged rather than read as text)."""
    try:
        if not path.is_file():  # never open a FIFO or a device to look: the read would hang
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def imported_before(project: Project, document: Document) -> int | None:
    """The id of a source holding exactly this text already (the same file imported twice), if any."""
    return project.find_source(document.sha256)


def add_document(project: Project, document: Document, quotes: Sequence[Quote]) -> tuple[int, list[int]]:
    """Store a document as a source and each quotation with a speaker as a statement pointing into it,
    in one transaction; returns the source id and the new statement ids."""
    with project.transaction():
        source_id = project.add_source(
            title=document.title,
            publisher=document.publisher or "",
            url=document.url or "",
            published=document.published,
            content=document.text,
            retrieved=document.retrieved,
        )
        statement_ids = _add_quotes(project, source_id, quotes)
    return source_id, statement_ids


def add_statements(project: Project, source_id: int, quotes: Sequence[Quote]) -> list[int]:
    """Each quotation with a speaker as a statement pointing into an existing source; the new ids."""
    with project.transaction():
        return _add_quotes(project, source_id, quotes)


def _add_quotes(project: Project, source_id: int, quotes: Sequence[Quote]) -> list[int]:
    return [
        project.add_statement(
            speaker=quote.speaker,
            text=quote.text,
            role=quote.role or "",
            said_on=quote.said_on,
            occasion=quote.occasion or "",
            source_id=source_id,
            source_start=quote.start,
            source_end=quote.end,
        )
        for quote in quotes
        if quote.speaker
    ]


@dataclass
class ImportReport:
    """What an import did, one line per file, and the statements it added."""

    lines: list[str] = field(default_factory=list)
    statement_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Read:
    path: Path
    document: Document | None = None
    quotes: tuple[Quote, ...] = ()
    dossier: dict[str, Any] | None = None
    project_file: bool = False


def read_files(paths: Sequence[Path], mode: ReadingMode = "auto") -> list[_Read]:
    """Read every file before anything is written: one that can't be read stops the import whole."""
    found = []
    for path in paths:
        if is_project_file(path):
            found.append(_Read(path, project_file=True))
            continue
        dossier = read_dossier_export(path)
        if dossier is not None:
            found.append(_Read(path, dossier=dossier))
            continue
        try:
            # two stages, each under its time limit: reading the file, then finding its statements
            document = load_document(path)
            quotes = tuple(propose_statements(document, mode, name=path.name))
        except IngestError as exc:
            raise UserError(str(exc)) from None
        found.append(_Read(path, document, quotes))
    return found


def import_files(
    project: Project,
    paths: Sequence[Path],
    *,
    keep_quotes: bool = False,
    min_confidence: float = 0.0,
    mode: ReadingMode = "auto",
) -> ImportReport:
    """Import documents (and merge dossiers and project files) into `project`, in one transaction.

    With `keep_quotes`, each quotation attributed to a speaker (with at least `min_confidence`) becomes a
    statement; without, the document is kept as a source and its quotations are only counted.
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise UserError("--min-confidence must be between 0 and 1")
    files = read_files(paths, mode)
    report = ImportReport()
    with project.transaction():
        for item in files:
            if item.project_file or item.dossier is not None:
                if item.project_file and item.path.resolve() == project.path.resolve():
                    raise UserError(f"{item.path} is this project itself")
                merged: MergeReport = (
                    merge_project(project, item.path)
                    if item.project_file
                    else merge_dossier(project, item.dossier or {})
                )
                what = "a Counterpoint project" if item.project_file else "a Counterpoint dossier"
                report.lines.append(f"{item.path.name}: merged {what}: {merged.summary()}")
                report.statement_ids.extend(merged.statement_ids)
                continue
            document = item.document
            assert document is not None
            earlier = imported_before(project, document)
            proposals = review_quotes(project, item.quotes, min_confidence=min_confidence)
            attributed = [p.quote for p in proposals if p.checked]
            if earlier is not None:
                if not keep_quotes or any(s.source_id == earlier for s in project.statements()):
                    report.lines.append(
                        f"{item.path.name}: already in the project as source {earlier}; skipped"
                    )
                    continue
                # imported before without its quotations: keep them now, pointing into that source
                ids = add_statements(project, earlier, attributed)
                source_id = earlier
            else:
                source_id, ids = add_document(project, document, attributed if keep_quotes else [])
            report.statement_ids.extend(ids)
            if keep_quotes:
                title = f"source {source_id}" + (" (already in the project)" if earlier is not None else "")
                line = f"{item.path.name}: {title} ({document.title!r}), {plural(len(ids), 'statement')}"
                already = sum(ALREADY in p.flags for p in proposals)
                skipped = len(item.quotes) - len(attributed) - already
                if already:
                    line += f", {plural(already, 'quotation')} already in the project"
                if skipped:
                    line += f", {plural(skipped, 'quotation')} skipped (no speaker or below --min-confidence)"
            else:
                line = (
                    f"{item.path.name}: source {source_id} ({document.title!r}); "
                    f"{plural(len(item.quotes), 'quotation')} found ({len(attributed)} attributed), not kept: "
                    "use --quotes or review them in the app"
                )
            report.lines.extend([line, *(f"{item.path.name}: note: {note}" for note in document.notes)])
    return report
