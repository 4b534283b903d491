"""The workspace's actions (they carry the shortcuts) and the toolbar above the columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QWidget


@dataclass
class WorkspaceActions:
    tag: QAction
    accept_suggestion: QAction
    next_suggestion: QAction
    previous_suggestion: QAction
    clear_selection: QAction
    copy_quote: QAction


def make_actions(
    owner: QWidget,
    *,
    tag: Callable[[], None],
    accept: Callable[[], None],
    next_: Callable[[], None],
    previous: Callable[[], None],
    clear: Callable[[], None],
    copy_quote: Callable[[], None],
) -> WorkspaceActions:
    def action(text: str, shortcut: str, slot: Callable[[], None], name: str) -> QAction:
        act = QAction(text, owner)
        act.setShortcut(QKeySequence(shortcut))
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(slot)
        act.setObjectName(name)
        act.setToolTip(f"{text.replace('…', '')} ({QKeySequence(shortcut).toString()})")
        owner.addAction(act)
        return act

    return WorkspaceActions(
        tag=action("Tag selection…", "Ctrl+T", tag, "tagSelection"),
        accept_suggestion=action("Accept suggestion", "Ctrl+Return", accept, "acceptSuggestion"),
        next_suggestion=action("Next suggestion", "F8", next_, "nextSuggestion"),
        previous_suggestion=action("Previous suggestion", "Shift+F8", previous, "previousSuggestion"),
        clear_selection=action("Clear selection", "Esc", clear, "clearSelection"),
        copy_quote=action("Copy quote with source", "Ctrl+Shift+C", copy_quote, "copyQuoteWithSource"),
    )


class WorkspaceToolbar(QToolBar):
    """The title and the actions a user needs most. A QToolBar, not a row of buttons: when the window is
    narrow (a laptop with both side panels), what does not fit goes behind its » button instead of
    widening the workspace or being clipped."""

    def __init__(self, actions: WorkspaceActions) -> None:
        super().__init__("Comparison tools")
        self.setObjectName("workspaceToolbar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # (Its margins are in the style sheet: QToolBar resets its own on every change of style.)
        self.title = QLabel()
        self.title.setObjectName("workspaceTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName("Comparison title")
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title.setMinimumWidth(120)
        # Without a title (the main window shows it above) the buttons line up on the left.
        self._title_action = self.addWidget(self.title)
        self.buttons: list[QToolButton] = []
        # What a user does most comes first: tag, then let go of the selection; the suggestions after.
        for act in (
            actions.tag,
            actions.clear_selection,
            actions.previous_suggestion,
            actions.next_suggestion,
            actions.accept_suggestion,
        ):
            self.addAction(act)
            button = self.widgetForAction(act)
            assert isinstance(button, QToolButton)
            button.setAccessibleName(act.text().replace("…", ""))
            if act is actions.tag:
                button.setObjectName("tagButton")
                button.setAutoRaise(False)
            self.buttons.append(button)
        more = self.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName("More comparison tools")
            more.setToolTip("More tools: the ones that do not fit beside these")

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self._title_action.setVisible(bool(title))
