"""The View menu: show or hide each panel, put the panels back, pick the theme."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from counterpoint.ui.actions import ActionGroup, ActionSpec
from counterpoint.ui.record_panel import open_speaker_record
from counterpoint.ui.theme import ThemeChoice


class ViewActions(ActionGroup):
    TITLE = "View"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.theme_menu = QMenu("&Theme", window)
        self.theme_actions = QActionGroup(self)
        for choice in ThemeChoice:
            action = QAction(choice.label, window, checkable=True)
            action.setChecked(choice == window.theme_choice)
            action.triggered.connect(lambda _checked=False, c=choice: window.set_theme(c))
            self.theme_actions.addAction(action)
            self.theme_menu.addAction(action)

    ACTIONS = (
        ActionSpec("show_comparisons", shortcut="Ctrl+1", menu="View", section="panels",
                   adopt=lambda g: g.window.comparisons_dock.toggleViewAction()),
        ActionSpec("show_library", shortcut="Ctrl+2", menu="View", section="panels",
                   adopt=lambda g: g.window.library_dock.toggleViewAction()),
        ActionSpec("show_annotations", shortcut="Ctrl+3", menu="View", section="panels",
                   adopt=lambda g: g.window.annotations_dock.toggleViewAction()),
        ActionSpec("reset_layout", "&Reset layout", lambda g: g.window.reset_layout(), "Ctrl+0",
                   "Show every panel at its first-run size", menu="View", section="panels"),
        ActionSpec("speaker_record", "Spea&ker record…", lambda g: open_speaker_record(g.window),
                   "Ctrl+Shift+K", tip="One speaker's statements in date order, with the contradictions between them",
                   menu="View", section="record"),
        ActionSpec("theme", adopt=lambda g: g.theme_menu.menuAction(), menu="View", section="theme"),
    )  # fmt: skip
