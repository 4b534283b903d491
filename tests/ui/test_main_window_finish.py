"""The finish of the main window (issue 10, point 6): a Help menu with About and the keyboard shortcuts,
toolbar icons drawn for each theme, combo boxes as flat as the fields, an empty annotations panel that does
not repeat its title."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QToolButton

import counterpoint
from counterpoint.store import Project
from counterpoint.store.sample import write_sample
from counterpoint.ui.about import AboutDialog, credits
from counterpoint.ui.actions_help import HelpActions
from counterpoint.ui.annotations_panel import AnnotationsPanel
from counterpoint.ui.icons import icon_path, themed_icon
from counterpoint.ui.theme import ThemeChoice, apply_theme, load_theme


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    return path


def _menu(window: Any, title: str) -> Any:
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title)


def test_help_menu_has_about_and_the_keyboard_shortcuts(open_window: Any, sample_path: Path) -> None:
    window = open_window(sample_path)
    help_menu = _menu(window, "Help")
    assert [a.text().replace("&", "") for a in help_menu.actions()] == [
        "Keyboard shortcuts",
        "About Counterpoint",
    ]


def test_about_names_the_version_the_licence_and_the_shipped_lexicons(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Counterpoint {counterpoint.__version__}" in said
    assert "GPL-3.0-or-later" in said
    listed = [dialog.credit_list.item(row).text() for row in range(dialog.credit_list.count())]
    assert any(t.startswith("WordNet 3.0") for t in listed) and any(t.startswith("VADER") for t in listed)
    for credit in credits():  # every licence named is shipped
        assert (resources.files("counterpoint.resources") / credit.file).is_file(), credit.file
    dialog.credit_list.setCurrentRow(0)
    assert "Princeton University" in dialog.licence_text.toPlainText()  # WordNet's licence, in full
    vader = next(row for row, t in enumerate(listed) if t.startswith("VADER"))
    dialog.credit_list.setCurrentRow(vader)
    assert "MIT License" in dialog.licence_text.toPlainText() and "Hutto" in dialog.licence_text.toPlainText()


def test_the_shortcut_list_holds_every_key_of_the_menus(
    qtbot: Any, open_window: Any, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = window.help_actions.shortcuts()
    qtbot.addWidget(dialog)
    listed = {(text, keys) for _group, text, keys in dialog.rows()}
    in_menus = set()
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys and not action.isSeparator():
                in_menus.add((action.text().replace("&", "").removesuffix("…"), keys))
    assert in_menus <= listed, f"missing from the list: {in_menus - listed}"
    assert ("Merge dossier or project", "Ctrl+Shift+M") in listed  # an action another module added
    assert isinstance(window.help_actions, HelpActions)
    dialog.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_toolbar_buttons_show_the_icons_drawn_for_the_theme(
    qtbot: Any, open_window: Any, sample_path: Path, theme: str
) -> None:
    window = open_window(sample_path)
    window.set_theme(ThemeChoice(theme))
    try:
        dark = theme == "dark"
        buttons = [b for b in window.toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
        named = {b.defaultAction().iconText().replace("&", ""): b for b in buttons}
        for text, icon in (("New statement", "new-statement"), ("Import", "import"), ("Export", "export")):
            button = named[text]
            assert not button.icon().isNull(), f"{text} has no icon"
            assert button.icon().cacheKey() == themed_icon(icon, dark=dark).cacheKey()
        undo = named["Undo"]
        assert undo.icon().cacheKey() == themed_icon("undo", dark=dark).cacheKey()
        assert (
            Path(icon_path("undo", dark=True)).read_text() != Path(icon_path("undo", dark=False)).read_text()
        )
    finally:
        apply_theme(QApplication.instance(), ThemeChoice.LIGHT)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_combo_boxes_are_flat_like_the_fields(qtbot: Any, theme: str) -> None:
    app = QApplication.instance()
    apply_theme(app, ThemeChoice(theme))
    try:
        combo = QComboBox()
        combo.addItems(["All speakers", "Donald Trump"])
        qtbot.addWidget(combo)
        combo.resize(180, 30)
        combo.show()
        qtbot.waitExposed(combo)
        image = combo.grab().toImage()
        base = QColor(load_theme(theme).colours["base"]).name()
        w, h = image.width(), image.height()
        # just inside the frame, along the drop-down's right and bottom edges: the field's own colour, not
        # the light and dark edges of a raised button
        edges = [QColor(image.pixel(w - 2, y)).name() for y in range(6, h - 6)]
        edges += [QColor(image.pixel(x, h - 2)).name() for x in range(w - 20, w - 6)]
        assert set(edges) == {base}
    finally:
        apply_theme(app, ThemeChoice.LIGHT)


def test_the_empty_annotations_panel_does_not_repeat_its_title(qtbot: Any) -> None:
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    qtbot.waitExposed(panel)
    shown = [label.text() for label in panel.findChildren(QLabel) if label.isVisible() and label.text()]
    assert not any(text.strip() == "Annotations" for text in shown), shown
    assert any("No annotations yet" in text for text in shown)
