"""Light and dark themes (resources/themes): a palette and a style sheet, following the system's colour scheme
unless the user picked one in View > Theme."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


class ThemeChoice(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Follow the system", "light": "Light", "dark": "Dark"}[self.value]


@dataclass(frozen=True)
class Theme:
    name: str
    colours: dict[str, str]
    style_sheet: str

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    def colour(self, name: str) -> QColor:
        return QColor(self.colours[name])


@cache
def load_theme(name: str) -> Theme:
    folder = resources.files("counterpoint.resources") / "themes"
    colours: dict[str, str] = tomllib.loads((folder / f"{name}.toml").read_text("utf-8"))["colours"]
    qss = (folder / "base.qss").read_text("utf-8")
    # Images named by the style sheet (the combo box's chevron) are drawn per theme in resources/icons.
    icons = Path(str(resources.files("counterpoint.resources") / "icons")).as_posix()
    qss = qss.replace("@icons", icons).replace("@theme", name)
    # Longest names first, so @accent_text is not read as @accent followed by "_text".
    for key in sorted(colours, key=len, reverse=True):
        qss = qss.replace(f"@{key}", colours[key])
    return Theme(name, colours, qss)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: ThemeChoice) -> Theme:
    if choice == ThemeChoice.SYSTEM:
        return load_theme("dark" if system_is_dark() else "light")
    return load_theme(choice.value)


def palette_for(theme: Theme) -> QPalette:
    c = theme.colour
    palette = QPalette()
    roles = QPalette.ColorRole
    palette.setColor(roles.Window, c("window"))
    palette.setColor(roles.WindowText, c("text"))
    palette.setColor(roles.Base, c("base"))
    palette.setColor(roles.AlternateBase, c("alternate"))
    palette.setColor(roles.Text, c("text"))
    palette.setColor(roles.Button, c("panel"))
    palette.setColor(roles.ButtonText, c("text"))
    palette.setColor(roles.Highlight, c("highlight"))
    palette.setColor(roles.HighlightedText, c("highlight_text"))
    palette.setColor(roles.ToolTipBase, c("base"))
    palette.setColor(roles.ToolTipText, c("text"))
    palette.setColor(roles.PlaceholderText, c("muted"))
    palette.setColor(roles.Link, c("accent"))
    palette.setColor(roles.Mid, c("border"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, c("muted"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, c("muted"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, c("disabled"))
    return palette


def apply_theme(app: QApplication, choice: ThemeChoice) -> Theme:
    """Style the whole application; returns the theme in force (the workspace reads its colours)."""
    theme = resolve(choice)
    app.setStyle("Fusion")  # the same look on every platform, and the one the style sheet is written for
    app.setPalette(palette_for(theme))
    app.setStyleSheet(theme.style_sheet)
    return theme
