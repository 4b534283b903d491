"""The `record` subcommand: one speaker's statements in date order, with the contradictions between them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from counterpoint.app.record import export_record, record_data, speaker_record
from counterpoint.export.atomic import check_output_path
from counterpoint.export.record import SpeakerRecord
from counterpoint.store import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "record",
        help="a speaker's record: their statements in date order, contradictions marked",
        description="List one speaker's statements in date order (undated ones last, said so), optionally "
        "only those with a tag or matching search words, with the contradictions tagged between them in any "
        "comparison and, with --find, those the contrast engine finds between them.",
    )
    parser.add_argument("project", type=Path, help="project file")
    parser.add_argument("speaker", help="the speaker's name, or a part of it that names one speaker")
    parser.add_argument("--tag", metavar="T", help="only statements with a span annotated with this tag")
    parser.add_argument("--search", metavar="WORDS", help="only statements matching these words")
    parser.add_argument(
        "--find",
        nargs="?",
        const="consecutive",
        choices=("consecutive", "any"),
        help="also ask the contrast engine: about consecutive statements (the default), or any two on "
        "the same topic",
    )
    parser.add_argument("--csv", type=Path, metavar="OUT", help="write the record as CSV to OUT")
    parser.add_argument("--json", action="store_true", help="print the record as JSON")
    parser.set_defaults(func=run_record)


def run_record(args: argparse.Namespace) -> int:
    if args.csv is not None:
        check_output_path(args.csv)
    with Project.open(args.project, lock=False) as project:  # reads only: fine beside the open app
        record = speaker_record(project, args.speaker, tag=args.tag, search=args.search, find=args.find or "")
    if args.csv is not None:
        print(f"wrote {export_record(record, args.csv)}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        json.dump(record_data(record), sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.csv is None:
        print_record(record)
    return 0


def print_record(record: SpeakerRecord) -> None:
    print(record.title)
    if not record.statements:
        print("no statement of this speaker matches")
        return
    undated_shown = False
    for number, s in enumerate(record.statements, 1):
        if s.said_on is None and not undated_shown:
            print("-- undated (their order is not known) --")
            undated_shown = True
        when = s.said_on.isoformat() if s.said_on else "undated   "
        occasion = f"  [{s.occasion}]" if s.occasion else ""
        print(f"{number:>4}. {when}  #{s.id}  {s.first_words}{occasion}")
        for other, mark in record.marks_of(s.id):
            sign = "!!" if mark.tagged else "~~"
            print(f"        {sign} {other}: {mark.label()}")
