"""The `import` subcommand: documents become sources, and with --quotes their attributed quotations become
statements, all in one transaction."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterpoint.errors import UserError
from counterpoint.ingest import MAX_BYTES, Document, IngestError, Quote, load_document
from counterpoint.ingest.files import read_regular_file
from counterpoint.ingest.proposals import propose_statements

if TYPE_CHECKING:
    from counterpoint.store import Project

_DESCRIPTION = """\
Import documents (plain text, Markdown, HTML, PDF, DOCX) into a project, which is created if missing.

Each document becomes a source: its title, publisher, date and address when the document gives them, the time
of import, and a frozen copy of its text with a SHA-256 hash.

Without --quotes, that is all: the document is kept as a source only, and the command reports how many
quotations it found, so you can review them in the app (File > Import) before any becomes a statement.
With --quotes, every quotation of three words or more that is attributed to a speaker becomes a statement
(speaker, role, date and occasion as the text gives them, and its offsets in the source); unattributed
quotations are counted and skipped.

A JSON file written by `counterpoint export --format json` is restored instead: its speakers, sources,
statements, comparisons, tags and annotations are added to the project (into an empty project, with
their ids).

A document whose text is already a source of the project (same SHA-256) is skipped. All files are read
before anything is written, and the import is one transaction: if any file cannot be read, the project is
left as it was.
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import documents as sources; --quotes keeps attributed quotations as statements",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("project", type=Path, help="project file (created if it does not exist)")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="documents to import")
    parser.add_argument(
        "--quotes", action="store_true", help="also keep each attributed quotation as a statement"
    )
    parser.add_argument(
        "--transcript",
        action="store_true",
        help="read the documents as transcripts (detected otherwise): each speaker turn with a named speaker "
        "becomes a statement",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="C",
        help="with --quotes, keep only quotations attributed with at least this confidence (0 to 1)",
    )
    parser.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    if not 0.0 <= args.min_confidence <= 1.0:
        raise UserError("--min-confidence must be between 0 and 1")
    from counterpoint.store import Project

    documents: list[tuple[Path, Document, list[Quote]]] = []
    dossiers: list[tuple[Path, dict[str, Any]]] = []
    for path in args.files:
        dossier = read_dossier_export(path)
        if dossier is not None:
            dossiers.append((path, dossier))
            continue
        try:
            document = load_document(path)
        except IngestError as exc:
            raise UserError(str(exc)) from None
        documents.append(
            (path, document, propose_statements(document, "transcript" if args.transcript else "auto"))
        )

    report: list[str] = []
    with Project.open(args.project, create=True) as project, project.transaction():
        for path, dossier in dossiers:
            from counterpoint.export.dossier import restore

            counts = restore(project, dossier)
            added = ", ".join(f"{count} {name}" for name, count in counts.items() if count)
            report.append(f"{path.name}: restored a Counterpoint dossier ({added or 'nothing new'})")
        for path, document, quotes in documents:
            earlier = imported_before(project, document)
            if earlier is not None:
                report.append(f"{path.name}: already in the project as source {earlier}; skipped")
                continue
            attributed = [q for q in quotes if q.speaker and q.confidence >= args.min_confidence]
            source_id, _ids = add_document(
                project, document, attributed if args.quotes or args.transcript else []
            )
            if args.quotes or args.transcript:
                skipped = len(quotes) - len(attributed)
                line = f"{path.name}: source {source_id} ({document.title!r}), {len(attributed)} statements"
                if skipped:
                    line += f", {skipped} quotations skipped (no speaker or below --min-confidence)"
            else:
                line = (
                    f"{path.name}: source {source_id} ({document.title!r}); {len(quotes)} quotations found "
                    f"({len(attributed)} attributed), not kept: use --quotes or review them in the app"
                )
            report.extend([line, *(f"{path.name}: note: {note}" for note in document.notes)])
    print("\n".join(report))
    return 0


def read_dossier_export(path: Path) -> dict[str, Any] | None:
    """The parsed dossier when `path` is a JSON export of Counterpoint; None for any other document."""
    if path.suffix.lower() != ".json":
        return None
    from counterpoint.export.dossier import is_dossier_export

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


def imported_before(project: Project, document: Document) -> int | None:
    """The id of a source holding exactly this text already (the same file imported twice), if any."""
    return next((s.id for s in project.sources() if s.sha256 == document.sha256), None)


def add_document(project: Project, document: Document, quotes: list[Quote]) -> tuple[int, list[int]]:
    """Store a document as a source and each quotation with a speaker as a statement pointing into it.

    Call it inside project.transaction(): a document and its statements go in together or not at all.
    Returns the source id and the new statement ids.
    """
    source_id = project.add_source(
        title=document.title,
        publisher=document.publisher or "",
        url=document.url or "",
        published=document.published,
        content=document.text,
        retrieved=document.retrieved,
    )
    statement_ids = [
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
    return source_id, statement_ids
