"""Menus draw what cannot be used now in the theme's disabled colour (issue 10, point 5)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QMenu

from counterpoint.ui.theme import ThemeChoice, apply_theme, load_theme


def _ink(image: Any, top: int, bottom: int) -> set[int]:
    """The darkest (light theme) or lightest (dark theme) colours drawn in a band of rows: the text."""
    return {image.pixel(x, y) for x in range(image.width()) for y in range(top, bottom)}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_disabled_menu_item_is_drawn_in_the_disabled_colour(qtbot: Any, theme: str) -> None:
    app = QApplication.instance()
    apply_theme(app, ThemeChoice(theme))
    try:
        menu = QMenu()
        qtbot.addWidget(menu)
        enabled = QAction("Rename comparison", menu)
        disabled = QAction("Rename comparison", menu)
        disabled.setEnabled(False)
        menu.addAction(enabled)
        menu.addAction(disabled)
        menu.show()
        qtbot.waitExposed(menu)
        image = menu.grab().toImage()
        first, second = menu.actionGeometry(enabled), menu.actionGeometry(disabled)
        ink_enabled = _ink(image, first.top(), first.bottom())
        ink_disabled = _ink(image, second.top(), second.bottom())
        assert ink_enabled != ink_disabled, "the two items look alike"
        wanted = QColor(load_theme(theme).colours["disabled"]).rgb()
        assert wanted in ink_disabled and wanted not in ink_enabled
    finally:
        apply_theme(app, ThemeChoice.LIGHT)
