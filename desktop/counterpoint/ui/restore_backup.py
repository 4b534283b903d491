"""File › Restore from backup…: the copies of a project kept beside it (before an upgrade, before a restore),
and putting one back after the user confirms; the file it replaces is kept as a backup too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.backups import Backup
from counterpoint.ui.plain import message_box


def describe(backup: Backup) -> str:
    """When a backup was taken (local time) and why, for a list or a sentence."""
    when = backup.taken.astimezone().strftime("%-d %b %Y, %H:%M") if backup.taken else "an unknown date"
    return f"{when}: {backup.reason}"


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, size // 1024)} KB"


class RestoreBackupDialog(QDialog):
    """The backups of one project file, newest first; Restore asks before it replaces the file."""

    def __init__(self, project: Path, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = Path(project)
        self.setWindowTitle("Restore from backup")
        intro = QLabel(
            f"Copies of {self.project.name} kept beside it, newest first. Restoring one replaces the "
            "file; the file as it is now is kept as a backup, so this can be undone the same way."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the user's (or a dossier's)
        intro.setWordWrap(True)
        self.backup_list = QListWidget()
        self.backup_list.setAccessibleName("Backups")
        for backup in backups:
            item = QListWidgetItem(f"{describe(backup)}\n{backup.path.name} · {_size(backup.size)}")
            item.setData(Qt.ItemDataRole.UserRole, backup)
            item.setToolTip(str(backup.path))
            self.backup_list.addItem(item)
        self.backup_list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.setDefault(True)  # it only asks: the confirmation has Cancel as its default
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        self.backup_list.itemDoubleClicked.connect(lambda _item: self.confirm())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(buttons)
        self.resize(560, 340)
        self.confirmation: QMessageBox | None = None

    def chosen(self) -> Backup | None:
        item = self.backup_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def confirm(self) -> QMessageBox | None:
        """Ask before replacing the file; Yes accepts the dialog with the chosen backup."""
        backup = self.chosen()
        if backup is None:
            return None
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            "Restore from backup",
            f"Replace {self.project.name} with the copy of {describe(backup)}?",
            "What was added since that copy is not in it. The file as it is now is kept beside it as a "
            "backup (“before a restore”), and can be restored the same way.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Yes).setText("Restore")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._answered(result))
        self.confirmation = box
        box.open()
        return box

    def _answered(self, result: int) -> None:
        self.confirmation = None
        if result == QMessageBox.StandardButton.Yes:
            self.accept()
