"""The `counterpoint` command line: one parser, each group of subcommands in counterpoint.commands."""

from __future__ import annotations

import argparse
import difflib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from counterpoint import __version__
from counterpoint.app.projects import explain_database_error
from counterpoint.commands import (
    check,
    comparisons,
    contrast,
    export,
    find,
    ingest,
    project,
    record,
    screenshot,
)
from counterpoint.errors import UserError

# Each module exposes register(subparsers); a subcommand sets `func` to a callable(args) -> int.
COMMAND_MODULES = (project, comparisons, find, record, contrast, ingest, export, screenshot, check)


class Parser(argparse.ArgumentParser):
    """argparse with a user's mistake as one line and exit status 1, like every other mistake."""

    def error(self, message: str) -> NoReturn:
        raise UserError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="counterpoint",
        description="Compare public statements side by side, tag contradictions, export reports. "
        "With no subcommand, opens the desktop app (on PROJECT if given).",
    )
    parser.add_argument("--version", action="version", version=f"counterpoint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _open_app(argv: Sequence[str]) -> int:
    parser = Parser(prog="counterpoint", description="Open the Counterpoint desktop app.")
    parser.add_argument(
        "project", nargs="?", help="project file to open (default: the last one, or the sample)"
    )
    args = parser.parse_args(argv)
    if (
        sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        raise UserError(
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "the subcommands (see --help) work without one"
        )
    from counterpoint.ui.app import run_app

    return run_app(args.project)


def _check_project_word(word: str, subcommands: set[str]) -> None:
    """The app opens an existing file or a new one named like a file ('new.counterpoint', 'work/x'); a bare
    word that is neither is a mistyped subcommand, and creates nothing."""
    path = Path(word)
    if path.exists() or path.suffix or os.sep in word:
        return
    nearest = difflib.get_close_matches(word, sorted(subcommands), n=1)
    hint = f"; did you mean '{nearest[0]}'?" if nearest else ""
    raise UserError(
        f"'{word}' is not a command{hint} (commands: {', '.join(sorted(subcommands))}); "
        "to open a new project, give a file name such as work.counterpoint"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    subcommands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    for arg in argv:  # bytes that are not UTF-8 arrive as lone surrogates: say so, before any use
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            print(f"counterpoint: error: an argument is not valid UTF-8 text: {shown!r}", file=sys.stderr)
            return 1
    project_path: Path | None = None
    try:
        if not argv or (argv[0] not in subcommands and not argv[0].startswith("-")):
            if argv:
                _check_project_word(argv[0], subcommands)
            return _open_app(argv)
        args = parser.parse_args(argv)
        project_path = getattr(args, "project", None)
        if not getattr(args, "func", None):
            parser.print_help()
            return 1
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"counterpoint: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # met outside a transaction: said as what it means to the user
        error = explain_database_error(exc, project_path if isinstance(project_path, Path) else None)
        print(f"counterpoint: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("counterpoint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
