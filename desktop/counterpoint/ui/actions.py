"""The main window's actions as data: one row per action (name, text, shortcut, icon, handler, when it can
be used, where it goes in the menus), made into QActions and menus by `ActionTable`.

Each group of rows lives with its handlers in a module of its own (actions_project.py, actions_statements.py,
...). Adding an action is adding a row to a group's ACTIONS; its menu entry, its shortcut, its place in
Help › Keyboard shortcuts and its enabled state follow from the row. For example, a view of one speaker's
statements opened from the library's selection would be, in StatementActions.ACTIONS:

    ActionSpec("speaker_record", "Speaker &record…", lambda g: g.window.speaker_record.show_selected(),
               "Ctrl+Shift+P", "Everything the selected statement's speaker said",
               enabled_when=lambda s: len(s.selected) == 1, menu="Edit", section="statement"),

(docs/keyboard.md lists every menu command; a test holds the two together.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from counterpoint.ui.icons import themed_icon

Key = str | QKeySequence.StandardKey
MENU_ORDER = ("File", "Edit", "Comparison", "View", "Help")


@dataclass(frozen=True)
class ActionState:
    """What decides which actions can be used now, gathered once per change (plain data: testable alone)."""

    selected: tuple[int, ...] = ()  # statements selected in the library
    comparison_open: bool = False
    members: frozenset[int] = frozenset()  # the open comparison's statements
    max_columns: int = 4

    @property
    def can_add_selected(self) -> bool:
        chosen = set(self.selected)
        return (
            self.comparison_open
            and bool(chosen - self.members)
            and len(self.members | chosen) <= self.max_columns
        )


@dataclass(frozen=True)
class ActionSpec:
    """One row of an action table.

    `handler` is called with the group that owns the row. `adopt` takes an action made elsewhere (the undo
    stack's, the workspace's, a dock's toggle, a submenu's) instead of making one; its text and shortcut
    are then the adopted action's unless the row gives them.
    """

    name: str  # window.action(name)
    text: str = ""
    handler: Callable[[Any], object] | None = None
    shortcut: Key | tuple[Key, ...] = ()
    tip: str = ""
    icon: str = ""  # resources/icons/NAME-light.svg and NAME-dark.svg
    enabled_when: Callable[[ActionState], bool] | None = None
    menu: str = ""  # the menu bar's menu it is listed in ("" for none)
    section: str = ""  # a separator goes between rows of one menu whose sections differ
    adopt: Callable[[Any], QAction] | None = None
    context: Qt.ShortcutContext | None = None  # None: in the whole window (an adopted action's: its own)

    @property
    def shortcuts(self) -> tuple[Key, ...]:
        return (
            self.shortcut if isinstance(self.shortcut, tuple) else (self.shortcut,) if self.shortcut else ()
        )


class ActionGroup(QObject):
    """A group of the window's actions and the handlers they call. Subclasses set TITLE and ACTIONS."""

    TITLE: ClassVar[str] = ""
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = ()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

    def built(self, actions: dict[str, QAction]) -> None:
        """Called once the group's actions exist (for what a row cannot say)."""


class ActionTable:
    """Makes the rows of every group into QActions on the window, lays out the menus, keeps the enabled
    states, and lists the shortcuts."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.rows: list[tuple[ActionGroup, ActionSpec]] = []

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def add_group(self, group: ActionGroup) -> None:
        made: dict[str, QAction] = {}
        for spec in group.ACTIONS:
            if spec.name in self.actions:
                raise ValueError(f"two actions are called {spec.name!r}")
            made[spec.name] = self.actions[spec.name] = self._make(group, spec)
            self.rows.append((group, spec))
        group.built(made)

    def _make(self, group: ActionGroup, spec: ActionSpec) -> QAction:
        action = spec.adopt(group) if spec.adopt is not None else QAction(spec.text, self.window)
        if spec.shortcuts:
            sequences = [QKeySequence(key) for key in spec.shortcuts]
            # a standard key can be empty on a platform, or the same as another: keep each once
            action.setShortcuts(list({k.toString(): k for k in sequences if not k.isEmpty()}.values()))
        if spec.context is not None:
            action.setShortcutContext(spec.context)
        elif spec.adopt is None:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setShortcutVisibleInContextMenu(True)
        if spec.icon:
            action.setIcon(themed_icon(spec.icon, dark=False))
            action.setIconVisibleInMenu(False)  # drawn for the dark toolbar, not for a menu's light ground
        if spec.tip:
            action.setStatusTip(spec.tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{spec.tip} ({keys})" if keys else spec.tip)
        if spec.handler is not None:
            handler = spec.handler
            action.triggered.connect(lambda _checked=False: handler(group))
        window_wide = action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        if window_wide and action.menu() is None and not action.associatedObjects():
            self.window.addAction(action)  # its shortcut works wherever the focus is in the window
        return action

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        """The menu bar, from the rows' `menu` and `section`, in MENU_ORDER (other menus after them)."""
        names = [m for m in MENU_ORDER if any(s.menu == m for _g, s in self.rows)]
        names += list(dict.fromkeys(s.menu for _g, s in self.rows if s.menu and s.menu not in MENU_ORDER))
        menus: dict[str, QMenu] = {}
        for name in names:
            menu = bar.addMenu(f"&{name}")
            menus[name] = menu
            section: str | None = None
            for _group, spec in self.rows:
                if spec.menu != name:
                    continue
                if section is not None and spec.section != section:
                    menu.addSeparator()
                section = spec.section
                menu.addAction(self.actions[spec.name])
        return menus

    def update(self, state: ActionState) -> None:
        for _group, spec in self.rows:
            if spec.enabled_when is not None:
                self.actions[spec.name].setEnabled(spec.enabled_when(state))

    def set_dark(self, dark: bool) -> None:
        """Icons drawn for the theme in force (dark strokes on a light toolbar would vanish, and back)."""
        for _group, spec in self.rows:
            if spec.icon:
                self.actions[spec.name].setIcon(themed_icon(spec.icon, dark=dark))

    def shortcuts(self, extra: Iterable[QAction] = ()) -> list[tuple[str, list[tuple[str, str]]]]:
        """(group title, [(what it does, its keys)]) for every row with a shortcut, read from the actions
        themselves, so the list says what the keys do now; `extra` are actions other modules added."""
        listed: dict[str, list[tuple[str, str]]] = {}
        seen: set[int] = set()
        for group, spec in self.rows:
            action = self.actions[spec.name]
            seen.add(id(action))
            keys = _keys(action.shortcuts())
            if keys:
                listed.setdefault(group.TITLE, []).append((_plain(spec.text or action.text()), keys))
        for action in extra:
            keys = _keys(action.shortcuts())
            if keys and id(action) not in seen:
                seen.add(id(action))
                listed.setdefault("More", []).append((_plain(action.text()), keys))
        return list(listed.items())


def _keys(shortcuts: Sequence[QKeySequence]) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in shortcuts if not k.isEmpty())


def _plain(text: str) -> str:
    """A menu text as a sentence: no mnemonic ampersand (&& stays one &), no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()
