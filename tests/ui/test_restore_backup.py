"""File › Restore from backup… and the offer made when a damaged project can't be opened (issue 15,
point 7): the backups beside the project are listed, one is restored after a confirmation, and the file it
replaces is kept as a backup too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from counterpoint.app.backups import list_backups
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.store.project import backup_before_migrating
from counterpoint.store.sample import write_sample
from counterpoint.ui.restore_backup import RestoreBackupDialog


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    return path


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:16384] = b"\xff" * 12288
    path.write_bytes(bytes(data))


def _restore_through(qtbot: Any, dialog: RestoreBackupDialog) -> None:
    box = dialog.confirm()
    assert box is not None and "Replace dossier.counterpoint with the copy of" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel), "Enter must not restore"
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        box.button(QMessageBox.StandardButton.Yes).click()


def test_restoring_the_open_project_from_a_backup(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    taken = backup_before_migrating(sample_path, ["0009_test"])  # as an upgrade would have left it
    window = open_window(sample_path)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.action("restore_backup") in file_menu.actions()
    window.project.add_statement("Late Speaker", "Added after the backup was taken.")
    assert window.project.count_statements() == 7

    dialog = window.project_actions.restore_from_backup()
    assert isinstance(dialog, RestoreBackupDialog)
    assert dialog.backup_list.count() == 1 and taken.name in dialog.backup_list.item(0).text()
    _restore_through(qtbot, dialog)

    assert window.project.path == sample_path and window.project.count_statements() == 6
    kept = [b for b in list_backups(sample_path) if b.before == "restore"]
    assert len(kept) == 1, "the replaced file was not kept"
    with Project.open(kept[0].path, lock=False) as before:
        assert before.count_statements() == 7
    assert kept[0].path.name in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)
    assert window.library.model.rowCount() == 6  # the window works on the restored file


def test_cancel_restores_nothing(qtbot: Any, open_window: Any, sample_path: Path) -> None:
    backup_before_migrating(sample_path, ["0009_test"])
    window = open_window(sample_path)
    window.project.add_statement("Late Speaker", "Added after the backup was taken.")
    dialog = window.project_actions.restore_from_backup()
    box = dialog.confirm()
    with qtbot.waitSignal(box.finished, timeout=5_000):
        box.button(QMessageBox.StandardButton.Cancel).click()
    dialog.reject()
    assert window.project.count_statements() == 7 and len(list_backups(sample_path)) == 1


def test_without_backups_it_says_so(open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    assert window.project_actions.restore_from_backup() is None
    assert window.statusBar().currentMessage() == "No backups of dossier.counterpoint were found beside it"


def test_a_damaged_project_names_its_backup_and_offers_to_restore_it(
    qtbot: Any, open_window: Any, sample_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.counterpoint"
    Project.open(other, create=True).close()
    taken = backup_before_migrating(sample_path, ["0009_test"])
    _damage(sample_path)
    with pytest.raises(UserError) as refused:
        Project.open(sample_path)
    window = open_window(other)
    window.report_unopened(sample_path, str(refused.value))
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert taken.name in box.informativeText()
    offer = next(b for b in box.findChildren(QPushButton) if b.text() == "Restore from backup…")
    offer.click()
    dialog = window.active_editor
    assert isinstance(dialog, RestoreBackupDialog) and dialog.project == sample_path
    with qtbot.waitSignal(window.project_changed, timeout=10_000):
        _restore_through(qtbot, dialog)
    assert window.project.path == sample_path and window.project.count_statements() == 6
    (kept,) = [b for b in list_backups(sample_path) if b.before == "restore"]
    with pytest.raises(UserError):  # the damaged file, kept as it was
        Project.open(kept.path, lock=False)
