"""Opening a project for a use case that writes: created when missing, and removed again when the use
case fails before it wrote anything, so a mistake leaves no empty project file behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from counterpoint.store import Project
from counterpoint.store.errors import explain as explain_database_error

__all__ = ["explain_database_error", "writing"]


@contextmanager
def writing(path: Path | str) -> Iterator[Project]:
    path = Path(path).expanduser()
    new = not path.exists()
    project = Project.open(path, create=True)
    try:
        yield project
    except BaseException:
        project.close()
        if new:
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                with suppress(OSError):
                    leftover.unlink()
        raise
    project.close()
