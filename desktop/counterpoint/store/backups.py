"""The copies of a project kept beside it (NAME.before-WHAT-STAMP.bak: taken before a migration, or before
a restore), and putting one of them back in the project's place.

A restore never loses the file it replaces: the current file is first copied aside as
NAME.before-restore-STAMP.bak (which is then itself a backup that can be restored).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from counterpoint.errors import UserError
from counterpoint.store import locking
from counterpoint.store.base import SQLITE_MAGIC
from counterpoint.store.errors import backups_of

STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class Backup:
    """A copy of a project beside it: when it was taken (UTC, from its name), and before what."""

    path: Path
    taken: datetime | None
    before: str  # "restore", or the migration it was taken before ("0003_...")
    size: int

    @property
    def reason(self) -> str:
        if self.before == "restore":
            return "the file as it was before a restore"
        return f"the file as it was before an upgrade ({self.before})"


def backups(project: Path) -> list[Backup]:
    """The backups of a project file, newest first."""
    found: list[tuple[str, int, Backup]] = []
    for path in backups_of(Path(project)):
        middle = path.name[len(Path(project).name) + len(".before-") : -len(".bak")]
        before, _sep, stamp = middle.rpartition("-")
        try:
            taken: datetime | None = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
        except ValueError:
            taken, before = None, middle
        with suppress(OSError):
            info = path.stat()
            found.append((stamp, info.st_mtime_ns, Backup(path, taken, before, info.st_size)))
    # newest first: by the stamp in the name, then (two taken within one second) by the file's time
    return [backup for _stamp, _mtime, backup in sorted(found, key=lambda f: f[:2], reverse=True)]


def restore(project: Path, backup: Path) -> Path:
    """Put `backup` in the place of `project` (which must not be open for writing); returns the path of the
    copy of the file it replaced. The project's lock is held throughout, so no other process writes to it
    meanwhile; a backup that is not a readable SQLite file is refused before anything changes."""
    project, backup = Path(project), Path(backup)
    if backup not in backups_of(project):
        raise UserError(f"{backup.name} is not a backup of {project.name}")
    key = locking.acquire(project)
    try:
        staged = project.with_name(f".{project.name}.restoring")
        _copy_database(backup, staged)  # a consistent single file, checked before the project is touched
        kept = _unused(
            project.with_name(f"{project.name}.before-restore-{datetime.now(UTC).strftime(STAMP)}.bak")
        )
        if project.exists():
            _keep(project, kept)
        # The old file's journal must not be replayed over the restored one.
        for suffix in ("-wal", "-shm"):
            with suppress(FileNotFoundError):
                project.with_name(project.name + suffix).unlink()
        os.replace(staged, project)
        return kept
    finally:
        with suppress(OSError):
            project.with_name(f".{project.name}.restoring").unlink()
        locking.release(key)


def _unused(path: Path) -> Path:
    """`path`, or the same name with a second added to its stamp while one of that name exists (two
    restores within a second must not overwrite the first one's copy)."""
    stem = path.name[: -len(".bak")]
    head, _sep, stamp = stem.rpartition("-")
    moment = datetime.strptime(stamp, STAMP)
    while path.exists():
        moment += timedelta(seconds=1)
        path = path.with_name(f"{head}-{moment.strftime(STAMP)}.bak")
    return path


def _copy_database(source: Path, target: Path) -> None:
    with open(source, "rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise UserError(f"{source.name} is not a project file")
    with suppress(FileNotFoundError):
        target.unlink()
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if reader.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise UserError(f"{source.name} is damaged too; it was not restored")
            writer = sqlite3.connect(str(target))
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode = DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
    except sqlite3.Error as exc:
        with suppress(FileNotFoundError):
            target.unlink()
        raise UserError(f"{source.name} can't be read ({exc}); it was not restored") from None
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def _keep(project: Path, kept: Path) -> None:
    """Copy the current file aside: through SQLite when it can read it (what the journal holds included),
    byte for byte with its journal when it cannot (a damaged file is kept as it is)."""
    try:
        _copy_database(project, kept)
        return
    except UserError:
        pass
    shutil.copy2(project, kept)
    journal = project.with_name(project.name + "-wal")
    if journal.exists():
        shutil.copy2(journal, kept.with_name(kept.name + "-wal"))
