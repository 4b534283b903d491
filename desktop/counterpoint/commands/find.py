"""The `find` subcommand: what in the library contradicts this statement (or a passage of it)?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from counterpoint.app.find import CANDIDATES, DEFAULT_LIMIT, FindResult, find, result_record
from counterpoint.store import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "find",
        help="find statements in the library that contrast with one statement",
        description="Find what in the library contradicts a statement: statements on the same topic "
        "(full-text search over its content words) are compared with it by the contrast engine; those "
        "with contrasting phrasing come first, strongest first, with the phrases and the engine's reasons, "
        "then the others on the same topic. Open one with `counterpoint compare PROJECT ID ID`.",
    )
    parser.add_argument("project", type=Path, help="project file")
    parser.add_argument("statement", type=int, metavar="STATEMENT_ID", help="the statement asked about")
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--same-speaker", action="store_true", help="only the same speaker's statements (a flip-flop)"
    )
    who.add_argument("--other-speakers", action="store_true", help="only other speakers' statements")
    parser.add_argument(
        "--passage",
        nargs=2,
        type=int,
        metavar=("START", "END"),
        help="ask about a passage only: code-point offsets into the statement's text, end exclusive",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"results shown (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--candidates",
        type=int,
        default=CANDIDATES,
        metavar="N",
        help=f"statements on the topic the engine compares (default {CANDIDATES})",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(func=run_find)


def run_find(args: argparse.Namespace) -> int:
    scope = "same" if args.same_speaker else "others" if args.other_speakers else "all"
    passage = tuple(args.passage) if args.passage else None
    with Project.open(args.project, lock=False) as project:  # reads only: fine beside the open app
        results = find(
            project,
            args.statement,
            passage=passage,
            scope=scope,
            limit=args.limit,
            pool=max(1, args.candidates),
        )
    if args.json:
        json.dump([result_record(r) for r in results], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not results:
        print("no statement in the library shares this statement's topic")
        return 0
    for result in results:
        print(_line(result))
        for phrase in result.phrases[:3]:
            print(f"      {phrase.kind}: “{phrase.asked_text}” / “{phrase.found_text}”: {phrase.reason}")
    return 0


def _line(result: FindResult) -> str:
    s = result.statement
    when = s.said_on.isoformat() if s.said_on else "undated"
    mark = f"{result.score:.2f}" if result.flagged else "  - "
    return f"{s.id:>6}  {mark}  {when}  {s.speaker}: {s.first_words}"
