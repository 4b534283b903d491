"""Use cases over a project's backups: list the copies kept beside it, and restore one (the file it replaces
is kept as a backup too). Called by File › Restore from backup… and by the window that could not open a
damaged project."""

from __future__ import annotations

from pathlib import Path

from counterpoint.store.backups import Backup, backups, restore

__all__ = ["Backup", "list_backups", "restore_backup"]


def list_backups(project: Path | str) -> list[Backup]:
    """The backups of a project file, newest first (none when there are none, or the folder can't be read)."""
    return backups(Path(project).expanduser())


def restore_backup(project: Path | str, backup: Path | str) -> Path:
    """Replace the project file with one of its backups; returns where the replaced file was kept.

    The project must be closed in this process first (the GUI closes its window's project); another
    process that has it open is refused by the project's lock, and nothing changes.
    """
    return restore(Path(project).expanduser(), Path(backup).expanduser())
