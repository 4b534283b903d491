"""Subcommands that put statements side by side and tag what contradicts: compare, annotate, comparisons."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from counterpoint.app.comparisons import Quote, annotate, compare, comparison_summaries
from counterpoint.app.projects import writing
from counterpoint.errors import UserError
from counterpoint.store import Project, Relation, Verdict

RELATIONS = [r.value.replace("_", "-") for r in Relation]
VERDICTS = [v.value.replace("_", "-") for v in Verdict]


def register(subparsers: Any) -> None:
    cmp = subparsers.add_parser(
        "compare",
        help="put statements side by side in a new comparison; prints its id",
        description="Make a new comparison of two or more statements (ids from `counterpoint list`), in "
        "the order given; prints the new comparison's id.",
    )
    cmp.add_argument("project", type=Path, help="project file")
    cmp.add_argument(
        "statements", type=int, nargs="+", metavar="STATEMENT_ID", help="two or more statement ids"
    )
    cmp.add_argument("--title", help="the comparison's title (default: the speakers' names, 'A vs B')")
    cmp.set_defaults(func=run_compare)

    ann = subparsers.add_parser(
        "annotate",
        help="tag a pair of spans in a comparison; prints the annotation's id",
        description="Annotate spans of a comparison's statements, each named by its exact words: "
        '--quote STATEMENT_ID "exact text" (twice for a pair). Prints the new annotation\'s id. A text '
        "that does not occur in the statement, or occurs more than once without --occurrence, is an "
        "error; the same spans annotated twice are refused with the existing annotation's id.",
    )
    ann.add_argument("project", type=Path, help="project file")
    ann.add_argument(
        "comparison", type=int, metavar="COMPARISON_ID", help="the comparison (see `comparisons`)"
    )
    ann.add_argument(
        "--quote",
        nargs=2,
        action="append",
        required=True,
        metavar=("STATEMENT_ID", "TEXT"),
        help="a span: the statement's id and the exact words (repeat for the other side)",
    )
    ann.add_argument(
        "--occurrence",
        type=int,
        action="append",
        metavar="N",
        help="which occurrence of each quote's words (1 = first), one per --quote in order, when they repeat",
    )
    ann.add_argument(
        "--relation", metavar="R", help=f"how the second span stands to the first: {', '.join(RELATIONS)}"
    )
    ann.add_argument("--verdict", metavar="V", help=f"the verdict: {', '.join(VERDICTS)}")
    ann.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag (repeatable; made if new)"
    )
    ann.add_argument("--note", default="", metavar="N", help="a note on the annotation")
    ann.set_defaults(func=run_annotate)

    lst = subparsers.add_parser(
        "comparisons",
        help="list comparisons with their statements and annotation counts",
        description="List a project's comparisons: id, title, statements (id and speaker), annotations.",
    )
    lst.add_argument("project", type=Path, help="project file")
    lst.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    lst.set_defaults(func=run_comparisons)


def run_compare(args: argparse.Namespace) -> int:
    if not Path(args.project).exists():
        raise UserError(f"{args.project} does not exist")
    with writing(args.project) as project:
        comparison_id = compare(project, args.statements, title=args.title)
    print(comparison_id)
    return 0


def _statement_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise UserError(f"--quote takes a statement id and the exact text; {value!r} is not an id") from None


def run_annotate(args: argparse.Namespace) -> int:
    if not Path(args.project).exists():
        raise UserError(f"{args.project} does not exist")
    occurrences = args.occurrence or []
    if len(occurrences) > len(args.quote):
        raise UserError("give at most one --occurrence per --quote")
    quotes = [
        Quote(_statement_id(sid), text, occurrences[i] if i < len(occurrences) else None)
        for i, (sid, text) in enumerate(args.quote)
    ]
    with writing(args.project) as project:
        annotation_id = annotate(
            project,
            args.comparison,
            quotes,
            relation=args.relation,
            verdict=args.verdict,
            tags=args.tag,
            note=args.note,
        )
    print(annotation_id)
    return 0


def run_comparisons(args: argparse.Namespace) -> int:
    with Project.open(args.project, lock=False) as project:  # reading beside an open app is fine
        summaries = comparison_summaries(project)
    if args.json:
        rows = [
            {
                "id": s.comparison.id,
                "title": s.comparison.title,
                "statements": [{"id": st.id, "speaker": st.speaker} for st in s.statements],
                "annotations": s.annotations,
            }
            for s in summaries
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for s in summaries:
        members = ", ".join(f"{st.id} {st.speaker}" for st in s.statements)
        count = f"{s.annotations} annotation{'s' if s.annotations != 1 else ''}"
        print(f"{s.comparison.id:>5}  {s.comparison.title}  [{members}]  {count}")
    if not summaries:
        print("the project has no comparisons", file=sys.stderr)
    return 0
