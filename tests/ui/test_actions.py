"""The action table on its own: rows become actions, menus with separators between sections, enabled
states from ActionState, and the shortcut listing read back from the actions."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from counterpoint.ui.actions import ActionGroup, ActionSpec, ActionState, ActionTable


class _Group(ActionGroup):
    TITLE = "Things"

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.called: list[str] = []

    ACTIONS = (
        ActionSpec("one", "&One…", lambda g: g.called.append("one"), "Ctrl+Alt+1", "Do one", menu="File"),
        ActionSpec("two", "T&wo", lambda g: g.called.append("two"), "Ctrl+Alt+2", menu="File",
                   enabled_when=lambda s: len(s.selected) == 2),
        ActionSpec("three", "Three", lambda g: None, menu="File", section="later"),
        ActionSpec("four", "Four", lambda g: None, "Ctrl+Alt+4", menu="Speakers"),
    )  # fmt: skip


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def test_rows_become_actions_in_their_menus_with_a_separator_between_sections(window: QMainWindow) -> None:
    table = ActionTable(window)
    group = _Group(window)
    table.add_group(group)
    menus = table.build_menus(window.menuBar())
    assert list(menus) == ["File", "Speakers"]  # a menu not in MENU_ORDER comes after those
    file_menu = [a.text() or "|" for a in menus["File"].actions()]
    assert file_menu == ["&One…", "T&wo", "|", "Three"]
    table["one"].trigger()
    assert group.called == ["one"]
    assert table["one"] in window.actions(), "its key works wherever the focus is in the window"
    assert table["one"].statusTip() == "Do one" and "Ctrl+Alt+1" in table["one"].toolTip()


def test_enabled_states_follow_the_state(window: QMainWindow) -> None:
    table = ActionTable(window)
    table.add_group(_Group(window))
    table.update(ActionState(selected=(1,)))
    assert not table["two"].isEnabled() and table["one"].isEnabled()
    table.update(ActionState(selected=(1, 2)))
    assert table["two"].isEnabled()


def test_adding_to_a_comparison_needs_a_new_statement_and_room() -> None:
    assert ActionState(selected=(3,), comparison_open=True, members=frozenset({1, 2})).can_add_selected
    assert not ActionState(selected=(1,), comparison_open=True, members=frozenset({1, 2})).can_add_selected
    full = frozenset({1, 2, 3, 4})
    assert not ActionState(selected=(5,), comparison_open=True, members=full).can_add_selected
    assert not ActionState(selected=(5,), comparison_open=False).can_add_selected


def test_two_rows_of_one_name_are_refused(window: QMainWindow) -> None:
    table = ActionTable(window)
    table.add_group(_Group(window))
    with pytest.raises(ValueError, match="two actions"):
        table.add_group(_Group(window))


def test_the_shortcut_listing_reads_the_actions_and_adds_the_ones_added_elsewhere(
    window: QMainWindow,
) -> None:
    table = ActionTable(window)
    table.add_group(_Group(window))
    elsewhere = QAction("&Merge…", window)
    elsewhere.setShortcut("Ctrl+Shift+M")
    table["one"].setShortcut("Ctrl+Alt+9")  # changed after building: the listing says what is true now
    listing = dict(table.shortcuts(extra=[elsewhere, table["one"]]))
    assert listing["Things"] == [("One", "Ctrl+Alt+9"), ("Two", "Ctrl+Alt+2"), ("Four", "Ctrl+Alt+4")]
    assert listing["More"] == [("Merge", "Ctrl+Shift+M")]
