"""The `counterpoint` command line: one parser, each group of subcommands in counterpoint.commands."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from counterpoint import __version__
from counterpoint.commands import contrast, export, ingest, project, screenshot
from counterpoint.errors import UserError

# Each module exposes register(subparsers); a subcommand sets `func` to a callable(args) -> int.
COMMAND_MODULES = (project, contrast, ingest, export, screenshot)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    parser = argparse.ArgumentParser(prog="counterpoint", description="Open the Counterpoint desktop app.")
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
    try:
        if not argv or (argv[0] not in subcommands and not argv[0].startswith("-")):
            return _open_app(argv)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"counterpoint: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        print(f"counterpoint: error: the project file can't be used: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("counterpoint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
