"""Dialogs that do what Enter and Escape say (issue 10, point 3).

- A field whose own job Enter does (the annotation editor's "New tag — type a name and press Enter") keeps
  the key: the dialog's default button does not fire as well and close the dialog.
- A dialog with something typed in it asks before Escape (or its close button) throws that away.
- A title is asked for in a dialog as wide as the title, whose window title is not cut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterKeeper(QObject):
    def __init__(self, field: QLineEdit, action: Callable[[], None]) -> None:
        super().__init__(field)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier  # Ctrl+Enter still saves
        ):
            self.action()
            return True
        return super().eventFilter(watched, event)


def enter_does(field: QLineEdit, action: Callable[[], None]) -> None:
    """Enter in `field` runs `action` and nothing else (Ctrl+Enter still reaches the dialog's default)."""
    field.installEventFilter(_EnterKeeper(field, action))


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask whether to throw away what was typed; True to discard."""
    answer = QMessageBox.question(
        parent,
        f"Discard the {what}?",
        f"The {what} has not been saved. Discard what you typed?",
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class TitleDialog(QDialog):
    """One line of text (a comparison's title), in a dialog wide enough for it and for its own title."""

    def __init__(self, parent: QWidget | None, window_title: str, label: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.label = QLabel(label)
        self.edit = QLineEdit(text)
        self.edit.setAccessibleName(label.rstrip(":"))
        self.label.setBuddy(self.edit)
        self.edit.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        metrics = self.edit.fontMetrics()
        # The whole title in the field (up to a screen's worth), and room for the window's own title.
        wanted = max(
            420,
            min(900, metrics.horizontalAdvance(text) + 48),
            metrics.horizontalAdvance(window_title) + 160,
        )
        self.edit.setMinimumWidth(wanted)

    def text(self) -> str:
        return self.edit.text()


def ask_title(parent: QWidget | None, window_title: str, label: str, text: str) -> tuple[str, bool]:
    """Like QInputDialog.getText, in a dialog that fits the title."""
    dialog = TitleDialog(parent, window_title, label, text)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.text(), ok


__all__ = ["TitleDialog", "ask_title", "confirm_discard", "enter_does"]
