"""Subcommands that read and write a project's statements: sample, add, list."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from counterpoint.app.projects import writing
from counterpoint.app.statements import add_statement
from counterpoint.errors import UserError
from counterpoint.ingest.document import IngestError
from counterpoint.ingest.files import read_regular_file
from counterpoint.store import Project, parse_date

MAX_STATEMENT_BYTES = 2_000_000


def register(subparsers: Any) -> None:
    sample = subparsers.add_parser("sample", help="write the sample dossier into a new project file")
    sample.add_argument("project", type=Path, help="project file to create (it must not hold statements)")
    sample.set_defaults(func=run_sample)

    add = subparsers.add_parser("add", help="add a statement to a project (created if missing)")
    add.add_argument("project", type=Path)
    add.add_argument("--speaker", required=True, help="who said it, e.g. 'Jeff Sessions'")
    add.add_argument("--role", default="", help="the speaker's role when speaking")
    add.add_argument("--date", help="when it was said, YYYY-MM-DD")
    add.add_argument("--occasion", default="", help="where or how it was said")
    add.add_argument("--source", default="", help="title of the source it comes from")
    add.add_argument("--url", default="", help="address of the source")
    text = add.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the statement's words")
    text.add_argument(
        "--file", type=Path, help="read the statement's words from a UTF-8 text file ('-': stdin)"
    )
    add.set_defaults(func=run_add)

    listing = subparsers.add_parser("list", help="list a project's statements")
    listing.add_argument("project", type=Path)
    listing.add_argument("--search", help="full-text query over text, speakers and notes (typed as text)")
    listing.add_argument(
        "--speaker", help="only statements by speakers whose name holds this (any case): 'sessions'"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    listing.set_defaults(func=run_list)


def run_sample(args: argparse.Namespace) -> int:
    from counterpoint.store.sample import write_sample

    with writing(args.project) as project:
        write_sample(project)
        counts = (project.count_statements(), len(project.comparisons()), len(project.annotations()))
    print(
        f"wrote the sample dossier to {args.project}: {counts[0]} statements, "
        f"{counts[1]} comparisons, {counts[2]} annotations"
    )
    return 0


def _read_text_file(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        data = read_regular_file(
            path, MAX_STATEMENT_BYTES, what="statement"
        )  # never /dev/zero or a FIFO: size first
    except IngestError as exc:
        raise UserError(str(exc)) from None
    if b"\x00" in data:
        raise UserError(f"{path} looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path} is not UTF-8 text (bad byte at offset {exc.start}); "
            "use `counterpoint import`, which detects encodings"
        ) from None


def run_add(args: argparse.Namespace) -> int:
    text = args.text if args.text is not None else _read_text_file(args.file)
    said_on = parse_date(args.date) if args.date else None
    with writing(args.project) as project:
        statement_id = add_statement(
            project,
            args.speaker,
            text,
            role=args.role,
            said_on=said_on,
            occasion=args.occasion,
            source=args.source,
            url=args.url,
        )
    print(statement_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print the statements as they are read (one query, one row at a time), so a library of any size
    starts printing at once and never sits in memory whole."""
    out = sys.stdout
    count = 0
    with Project.open(args.project, lock=False) as project:  # reading beside an open app is fine
        statements = project.iter_statements(search=args.search, speaker_part=args.speaker)
        if args.json:
            # The layout json.dump(rows, indent=2) writes, one statement at a time.
            for s in statements:
                row = {
                    "id": s.id,
                    "speaker": s.speaker,
                    "role": s.role,
                    "date": s.said_on.isoformat() if s.said_on else None,
                    "occasion": s.occasion,
                    "source": s.source_title,
                    "text": s.text,
                }
                item = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                out.write(("[\n  " if count == 0 else ",\n  ") + item)
                count += 1
            out.write("\n]\n" if count else "[]\n")
            return 0
        for s in statements:
            when = s.said_on.isoformat() if s.said_on else "undated"
            out.write(f"{s.id:>5}  {when}  {s.speaker}: {s.first_words}\n")
            count += 1
    if not count:
        print(
            "no statements match" if (args.search or args.speaker) else "the project has no statements",
            file=sys.stderr,
        )
    return 0
