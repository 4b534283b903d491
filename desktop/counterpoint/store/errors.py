"""What SQLite's errors mean to a user: a full disk, a read-only folder, a damaged file or a refused value
are different troubles with different remedies, and only a damaged file is called damaged."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from counterpoint.errors import UserError


class ProjectError(UserError):
    """The file can't be used as a Counterpoint project (missing, not a project, corrupt, newer)."""


class ProjectDamaged(ProjectError):
    """The project file is corrupt: SQLite found pages or records it cannot read."""


# SQLite's extended error names (sqlite3.Error.sqlite_errorname, Python 3.11+), by their primary code.
_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_FULL = ("SQLITE_FULL",)
_READ_ONLY = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")

# The CHECK constraints of db/*.sql, in the words of someone who made the value.
_CHECKS = {
    "relation": "a relation must be one of contradicts, walks-back, clarifies, consistent-with",
    "verdict": "a verdict must be one of contradiction, partly-inconsistent, consistent, unverifiable",
    "origin": "an annotation's origin must be 'user' or 'engine'",
    "start": "a quoted span must start at character 0 or later",
    '"end"': "a quoted span must end after it starts",
    "anchored": "a span's 'anchored' flag must be 0 or 1",
}


def _kind(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name
    text = str(exc).lower()  # an older Python, or an error raised without a code
    if "malformed" in text or "not a database" in text:
        return "SQLITE_CORRUPT"
    if "full" in text:
        return "SQLITE_FULL"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "SQLITE_READONLY"
    if "constraint failed" in text:
        return "SQLITE_CONSTRAINT"
    return ""


def is_damage(exc: sqlite3.Error) -> bool:
    return _kind(exc).startswith(_DAMAGED)


def is_about_the_file(exc: sqlite3.Error) -> bool:
    """A full disk, a read-only folder, a damaged file, an I/O error: troubles of the file and where it is,
    not of the program (a failing migration is a bug, and stays an SQLite error with its traceback)."""
    kind = _kind(exc)
    return kind.startswith((*_DAMAGED, *_FULL, *_READ_ONLY, "SQLITE_IOERR", "SQLITE_BUSY"))


def is_read_only(exc: sqlite3.Error) -> bool:
    """The file or its folder can't be written (or SQLite can't make its -wal and -shm files there)."""
    return _kind(exc).startswith(_READ_ONLY)


def backups_of(path: Path) -> list[Path]:
    """The copies taken before migrations (NAME.before-MIGRATION-STAMP.bak), newest first."""
    try:
        found = list(path.parent.glob(f"{_glob_escape(path.name)}.before-*.bak"))
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name.rsplit("-", 1)[-1], reverse=True)


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def damaged_message(path: Path, detail: str) -> str:
    """Say what is wrong, which backup exists, and how to check and rescue the file."""
    backups = backups_of(path)
    if backups:
        backup = f"a copy taken before its last upgrade is {backups[0]}"
    else:
        backup = "no backup of it was found beside it"
    return (
        f"{path} is damaged ({detail}); nothing was written to it; {backup}; "
        f"run `counterpoint check {path}` to check it and rescue what can be read"
    )


def _constraint_message(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "CHECK constraint failed" in text:
        expression = text.split(":", 1)[-1].strip()
        column = expression.split()[0] if expression else ""
        why = _CHECKS.get(column, f"a value broke the rule '{expression}'")
        return f"a value was refused: {why}; nothing was saved"
    if "NOT NULL constraint failed" in text:
        column = text.split(":", 1)[-1].strip()
        return f"a required value is missing ({column}); nothing was saved"
    if "UNIQUE constraint failed" in text:
        column = text.split(":", 1)[-1].strip()
        return f"a value that must be unique is already in the project ({column}); nothing was saved"
    if "FOREIGN KEY constraint failed" in text:
        return "a record refers to another that is not in the project; nothing was saved"
    return f"a value was refused ({text}); nothing was saved"


def explain(exc: sqlite3.Error, path: Path | None = None) -> UserError:
    """The UserError to show for an SQLite error met while using the project at `path`."""
    where = f"{path}" if path is not None else "the project"
    kind = _kind(exc)
    if kind.startswith(_FULL):
        return ProjectError(
            f"the disk is full: {where} was not changed (its last saved state is intact); "
            "free some space and try again"
        )
    if kind.startswith(_READ_ONLY):
        folder = path.parent if path is not None else "its folder"
        return ProjectError(
            f"{where} can't be written: the file or its folder {folder} is read-only ({exc}); "
            "`list` and `export` can still read it"
        )
    if kind.startswith("SQLITE_CONSTRAINT"):
        return UserError(_constraint_message(exc))
    if kind.startswith(_DAMAGED) and path is not None:
        return ProjectDamaged(damaged_message(path, str(exc)))
    if kind.startswith(_DAMAGED):
        return ProjectDamaged(f"the project file is damaged ({exc}); run `counterpoint check` on it")
    if kind.startswith("SQLITE_BUSY") or kind.startswith("SQLITE_LOCKED"):
        return ProjectError(f"{where} is busy in another program; try again in a moment")
    if kind.startswith("SQLITE_IOERR"):
        return ProjectError(f"{where} could not be read or written (a disk or file system error: {exc})")
    return ProjectError(f"{where} can't be used: {exc}")
