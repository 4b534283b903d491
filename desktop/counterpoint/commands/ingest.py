"""The `import` subcommand: documents become sources, and with --quotes their attributed quotations become
statements, all in one transaction."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterpoint.app.documents import import_files
from counterpoint.app.projects import writing

_DESCRIPTION = """\
Import documents (plain text, Markdown, HTML, PDF, DOCX) into a project, which is created if missing.

Each document becomes a source: its title, publisher, date and address when the document gives them, the time
of import, and a frozen copy of its text with a SHA-256 hash.

Without --quotes, that is all: the document is kept as a source only, and the command reports how many
quotations it found, so you can review them in the app (File > Import) before any becomes a statement.
With --quotes, every quotation of three words or more that is attributed to a speaker becomes a statement
(speaker, role, date and occasion as the text gives them, and its offsets in the source); unattributed
quotations are counted and skipped.

A JSON file written by `counterpoint export --format json`, or another project file, is merged instead:
what the project already holds is not added twice (statements matched by speaker, text and date, sources
by SHA-256, comparisons by their statements, annotations by their spans, tags by name), and the command
says how many records were new and how many already present. Into an empty project, ids are kept.

A document whose text is already a source of the project (same SHA-256) is skipped. All files are read
before anything is written, and the import is one transaction: if any file cannot be read, the project is
left as it was (and a project file the command would have created is not left behind).
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
    with writing(args.project) as project:
        report = import_files(
            project,
            args.files,
            keep_quotes=args.quotes or args.transcript,
            min_confidence=args.min_confidence,
            mode="transcript" if args.transcript else "auto",
        )
    print("\n".join(report.lines))
    return 0
