"""Opening a project for a use case that writes: created when missing, and removed again when the use
case fails before it wrote anything, so a mistake leaves no empty project file behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from counterpoint.store import Project
from counterpoint.store.errors import ProjectDamaged
from counterpoint.store.errors import explain as explain_database_error
from counterpoint.store.integrity import CheckReport, RescueReport, check_project, rescue
from counterpoint.store.project import check_project_file as _check_project_file

__all__ = ["CheckReport", "RescueReport", "check", "explain_database_error", "rescue_into", "writing"]


def check_project_file(path: Path) -> None:
    with suppress(ProjectDamaged):  # damaged is what check and rescue are for
        _check_project_file(path)


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


def check(path: Path | str, *, repair: bool = True) -> CheckReport:
    """`counterpoint check`: the file's tables and search indexes; a broken search index is rebuilt."""
    path = Path(path).expanduser()
    check_project_file(path)  # a project at all (not a forged or foreign file), damaged or not
    return check_project(path, repair=repair)


def rescue_into(path: Path | str, target: Path | str) -> RescueReport:
    """Copy what can be read from a damaged project into a new project file."""
    path = Path(path).expanduser()
    check_project_file(path)
    return rescue(path, Path(target).expanduser())
