"""A project's backups: listed newest first, and restored in the project's place with the replaced file kept
as a backup of its own (issue 15, point 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.app.backups import list_backups, restore_backup
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.store.project import backup_before_migrating


def _project(path: Path, speakers: list[str]) -> Path:
    with Project.open(path, create=True) as project:
        for name in speakers:
            project.add_statement(name, f"Words of {name}.")
    return path


def _speakers(path: Path) -> list[str]:
    with Project.open(path) as project:
        return [s.speaker for s in project.statements()]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # the pages after the first: tables and indexes
    path.write_bytes(bytes(data))


def test_a_backup_is_restored_and_the_replaced_file_kept(tmp_path: Path) -> None:
    path = _project(tmp_path / "work.counterpoint", ["Ann Early"])
    taken = backup_before_migrating(path, ["0009_test"])
    with Project.open(path) as project:
        project.add_statement("Bob Later", "Added after the backup.")
    (backup,) = list_backups(path)
    assert backup.path == taken and backup.before == "0009_test" and backup.taken is not None
    assert "before an upgrade" in backup.reason

    kept = restore_backup(path, backup.path)
    assert _speakers(path) == ["Ann Early"]
    assert _speakers(kept) == ["Ann Early", "Bob Later"], "the replaced file is not kept"
    assert [b.path for b in list_backups(path)] == [kept, taken]  # newest first; the copy is a backup too
    assert list_backups(path)[0].reason == "the file as it was before a restore"

    again = restore_backup(path, kept)  # and back: nothing was lost either way
    assert _speakers(path) == ["Ann Early", "Bob Later"] and again != kept and kept.exists()


def test_a_damaged_project_is_kept_as_it_was(tmp_path: Path) -> None:
    path = _project(tmp_path / "work.counterpoint", ["Ann Early"])
    taken = backup_before_migrating(path, ["0009_test"])
    _damage(path)
    damaged = path.read_bytes()
    kept = restore_backup(path, taken)
    assert _speakers(path) == ["Ann Early"]
    assert kept.read_bytes() == damaged


def test_only_a_sound_backup_of_this_project_is_restored(tmp_path: Path) -> None:
    path = _project(tmp_path / "work.counterpoint", ["Ann Early"])
    other = _project(tmp_path / "other.counterpoint", ["Zed"])
    before = path.read_bytes()
    with pytest.raises(UserError, match=r"not a backup of work\.counterpoint"):
        restore_backup(path, other)
    taken = backup_before_migrating(path, ["0009_test"])
    _damage(taken)
    with pytest.raises(UserError, match="not restored"):
        restore_backup(path, taken)
    assert path.read_bytes() == before
    assert list_backups(path) == [b for b in list_backups(path) if b.path == taken]  # no copy was left


def test_no_backups(tmp_path: Path) -> None:
    assert list_backups(_project(tmp_path / "work.counterpoint", [])) == []
