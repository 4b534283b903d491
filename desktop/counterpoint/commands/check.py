"""The `check` subcommand: is a project file sound; rebuild its search index; rescue a damaged one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterpoint.app.projects import check, rescue_into


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a project file; rebuild its search index; --rescue copies what can be read",
        description="Check every table of a project file (SQLite's integrity check) and its search "
        "index (FTS5's own check). A search index that is the only broken part is rebuilt from the "
        "tables. When tables are damaged, --rescue NEW copies every row that can still be read into "
        "a new project file, ids kept; the damaged file is left as it is.",
    )
    parser.add_argument("project", type=Path)
    parser.add_argument(
        "--rescue", type=Path, metavar="NEW", help="copy what can be read into this new project file"
    )
    parser.add_argument(
        "--no-repair", action="store_true", help="only report; do not rebuild a broken search index"
    )
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    if args.rescue:
        rescued = rescue_into(args.project, args.rescue)
        copied = ", ".join(f"{n} {table}" for table, n in rescued.copied.items() if n)
        print(f"rescued into {args.rescue}: {copied or 'nothing'}")
        if rescued.unreadable:
            print(f"some rows could not be read in: {', '.join(rescued.unreadable)}")
        for table, n in rescued.dropped.items():
            print(f"{n} {table} dropped: what they refer to was lost")
        return 0
    report = check(args.project, repair=not args.no_repair)
    for table, problem in report.damaged_tables.items():
        print(f"damaged: {table} ({problem})")
    if report.damaged_tables:
        print(
            f"{args.project} is damaged; to copy what can be read into a new file: "
            f"counterpoint check {args.project} --rescue NEW.counterpoint"
        )
        return 1
    if report.rebuilt and not report.broken_indexes:
        print(
            f"the search index was broken ({', '.join(report.rebuilt)}) and has been rebuilt; the tables are sound"
        )
        return 0
    if report.broken_indexes:
        print(f"the search index is broken: {', '.join(report.broken_indexes)}")
        if args.no_repair:
            print(f"the tables are sound; run `counterpoint check {args.project}` to rebuild it")
        return 1
    if report.index_unchecked:
        print(f"the tables are sound; the search index could not be checked ({report.index_unchecked})")
        return 0
    print(f"{args.project} is sound: every table and the search index passed their checks")
    return 0
