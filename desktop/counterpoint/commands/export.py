"""The `export` subcommand: a report or a data export of some or all comparisons, with no display needed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterpoint.app.exporting import export_file
from counterpoint.app.record import speaker_record
from counterpoint.export import FORMATS, format_for
from counterpoint.export.atomic import check_output_path
from counterpoint.store import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a report (pdf, html, md) or data (csv, json, webanno, claimreview)",
        description="Export comparisons as a PDF report for readers or as data for other tools. "
        "The format comes from --format or from the output file's extension.",
    )
    parser.add_argument("project", type=Path, help="project file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write, e.g. report.pdf")
    parser.add_argument(
        "--comparison",
        type=int,
        action="append",
        metavar="ID",
        help="export only this comparison (repeatable)",
    )
    parser.add_argument(
        "--format",
        metavar="{" + ",".join(FORMATS) + "}",
        help="; ".join(f"{name}: {desc}" for name, (desc, _) in FORMATS.items()),
    )
    parser.add_argument(
        "--review-url",
        metavar="URL",
        default="",
        help="claimreview: the address the reviews are published at; each review's url is URL#annotation-UUID "
        "(default: the output file)",
    )
    parser.add_argument(
        "--record",
        action="append",
        metavar="SPEAKER",
        help="pdf, html: add a speaker's record (their statements in date order, contradictions marked) "
        "after the comparisons (repeatable)",
    )
    parser.add_argument("--record-tag", metavar="T", help="the records: only statements with this tag")
    parser.add_argument(
        "--record-search", metavar="WORDS", help="the records: only statements matching these"
    )
    parser.add_argument(
        "--record-find",
        choices=("consecutive", "any"),
        help="the records: also mark what the contrast engine finds between consecutive statements or any two",
    )
    parser.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    check_output_path(args.output)
    fmt = format_for(args.output, args.format)
    with Project.open(args.project, lock=False) as project:  # reading beside an open app is fine
        records = [
            speaker_record(
                project, name, tag=args.record_tag, search=args.record_search, find=args.record_find or ""
            )
            for name in args.record or ()
        ]
        written = export_file(
            project, args.output, fmt, args.comparison, review_url=args.review_url, records=records
        )
    print(f"wrote {written}")
    return 0
