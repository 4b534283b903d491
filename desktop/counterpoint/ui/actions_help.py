"""The Help menu: About, and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from counterpoint.ui.about import AboutDialog, ShortcutsDialog
from counterpoint.ui.actions import ActionGroup, ActionSpec


class HelpActions(ActionGroup):
    TITLE = "Help"

    def about(self) -> AboutDialog:
        dialog = AboutDialog(self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def shortcuts(self) -> ShortcutsDialog:
        window = self.window
        dialog = ShortcutsDialog(window.table.shortcuts(extra=window.actions()), window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    ACTIONS = (
        ActionSpec("shortcuts", "&Keyboard shortcuts", lambda g: g.shortcuts(), QKeySequence.StandardKey.HelpContents,
                   "Every keyboard shortcut, by what it does", menu="Help"),
        ActionSpec("about", "&About Counterpoint", lambda g: g.about(), menu="Help"),
    )  # fmt: skip
