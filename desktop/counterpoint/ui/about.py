"""Help › About (the version, the licence, what Counterpoint ships from others and under which licence)
and Help › Keyboard shortcuts (listed from the window's action table, so the list cannot go stale)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import counterpoint

LICENCE_FALLBACK = "GPL-3.0-or-later"  # pyproject.toml's, for a run from a source tree without metadata


@dataclass(frozen=True)
class Credit:
    name: str
    by: str
    used: str
    licence: str
    file: str  # under counterpoint.resources

    def licence_text(self) -> str:
        data = (resources.files("counterpoint.resources") / self.file).read_bytes()
        return data.decode("utf-8", errors="replace")


@cache
def credits() -> tuple[Credit, ...]:
    raw = (resources.files("counterpoint.resources") / "ui" / "credits.toml").read_text("utf-8")
    return tuple(Credit(**entry) for entry in tomllib.loads(raw)["credit"])


def licence() -> str:
    try:
        meta = metadata.metadata("counterpoint")
    except metadata.PackageNotFoundError:
        return LICENCE_FALLBACK
    return str(meta["License-Expression"] or meta["License"] or LICENCE_FALLBACK)


class AboutDialog(QDialog):
    """What the program is, its version and licence, and the data and fonts it ships with their licences
    (the WordNet licence asks to travel with any copy of its data)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Counterpoint")
        self.setObjectName("aboutDialog")
        title = QLabel(f"Counterpoint {counterpoint.__version__}")
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        what = QLabel(
            "Compare public statements side by side, tag contradictions with a verdict and a note, and "
            "export the comparison as a report. Works offline; nothing is sent anywhere."
        )
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        self.licence_label = QLabel(f"Licence: {licence()}")
        self.licence_label.setTextFormat(Qt.TextFormat.PlainText)
        shipped = QLabel("Counterpoint ships with (pick one to read its licence):")
        shipped.setObjectName("sectionTitle")
        self.credit_list = QListWidget()
        self.credit_list.setAccessibleName("Data and fonts shipped with Counterpoint")
        for credit in credits():
            item = QListWidgetItem(f"{credit.name} — {credit.by}\n{credit.used}; {credit.licence}")
            item.setData(Qt.ItemDataRole.UserRole, credit)
            self.credit_list.addItem(item)
        self.credit_list.setMaximumHeight(4 * self.credit_list.sizeHintForRow(0) + 8)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setAccessibleName("Licence text")
        self.credit_list.currentItemChanged.connect(self._show_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        for widget in (title, what, self.licence_label, shipped, self.credit_list):
            layout.addWidget(widget)
        layout.addWidget(self.licence_text, 1)
        layout.addWidget(buttons)
        self.credit_list.setCurrentRow(0)
        self.resize(620, 560)

    def _show_licence(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.licence_text.setPlainText(item.data(Qt.ItemDataRole.UserRole).licence_text())


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, by group: what it does, and its keys."""

    def __init__(
        self, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for title, rows in groups:
            heading = QTreeWidgetItem([title])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFirstColumnSpanned(False)
            self.tree.addTopLevelItem(heading)
            for text, keys in rows:
                heading.addChild(QTreeWidgetItem([text, keys]))
            heading.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(480, 600)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) as listed."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(i)
            children = [heading.child(j) for j in range(heading.childCount())] if heading else []
            found += [(heading.text(0), c.text(0), c.text(1)) for c in children if heading and c]
        return found
