"""Attack: a shared dossier whose every field is HTML. Qt takes a string that looks like markup as rich text
(a QLabel in AutoText, every tooltip), so `<img src="/dev/zero">` as a title made the app read that file and
grow without bound. Every label, tooltip, list item and header showing project data must show it as text.

The test loads a dossier whose speaker, role, statement, source, comparison, tag, note and project title
all carry an <img> of a canary file, opens the main window, the workspace, the panels and each dialog, and
walks every widget, action and model cell: none may hand the markup to Qt's rich-text engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from counterpoint.ingest import document_from_text, extract_quotes
from counterpoint.store import Project, TargetSpec
from counterpoint.ui.main_window import MainWindow

_ROLES = (
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)


def hostile(canary: Path, field: str) -> str:
    return f'<img src="{canary}"><b>{field}</b>'


def _marked(text: str, mark: str) -> bool:
    return bool(text) and mark in text


def rich_leaks(mark: str) -> list[str]:
    """Every place where text holding `mark` (raw markup) would be rendered by Qt as rich text."""
    leaks: list[str] = []

    def check(where: str, text: str, rich: bool) -> None:
        if _marked(text, mark) and rich:
            leaks.append(f"{where}: {text[:80]!r}")

    for widget in QApplication.allWidgets():
        owner = widget.window()
        name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()}) in {type(owner).__name__}"
        if isinstance(widget, QLabel):
            fmt = widget.textFormat()
            text = widget.text()
            rich = fmt == Qt.TextFormat.RichText or (
                fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
            )
            check(f"label {name}", text, rich)
        check(f"tooltip of {name}", widget.toolTip(), GuiQt.mightBeRichText(widget.toolTip()))
        check(f"what's this of {name}", widget.whatsThis(), GuiQt.mightBeRichText(widget.whatsThis()))
        for action in widget.actions():
            check(f"action tooltip in {name}", action.toolTip(), GuiQt.mightBeRichText(action.toolTip()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            leaks.extend(_model_leaks(widget.model(), name, mark))
    return leaks


def _model_leaks(model: QAbstractItemModel, name: str, mark: str) -> list[str]:
    leaks: list[str] = []

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: one column
            return 1

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 300)):
            for column in range(min(columns(parent), 20)):
                index = model.index(row, column, parent)
                for role in _ROLES:
                    value = model.data(index, role)
                    if isinstance(value, str) and mark in value and GuiQt.mightBeRichText(value):
                        leaks.append(f"model of {name} row {row} col {column} role {role}: {value[:80]!r}")
            if depth < 3:
                walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns(QModelIndex()) if orientation == Qt.Orientation.Horizontal else model.rowCount()
        for section in range(min(count, 50)):
            value = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if isinstance(value, str) and mark in value and GuiQt.mightBeRichText(value):
                leaks.append(f"header of {name} section {section}: {value[:80]!r}")
    return leaks


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.png"
    path.parent.mkdir()
    path.write_bytes(b"not an image")
    return path


@pytest.fixture
def hostile_project(tmp_path: Path, canary: Path) -> Path:
    path = tmp_path / f"{hostile(canary, 'file')[:0]}dossier.counterpoint"
    with Project.open(path, create=True) as project:
        project.set_info("title", hostile(canary, "project title"))
        source = project.add_source(hostile(canary, "source"), publisher=hostile(canary, "publisher"))
        text_a = f"We will never raise taxes. {hostile(canary, 'statement a')} That is final."
        text_b = f"We will raise taxes next year. {hostile(canary, 'statement b')} That is the plan."
        a = project.add_statement(
            hostile(canary, "speaker a"), text_a, role=hostile(canary, "role"), source_id=source,
            occasion=hostile(canary, "occasion"), said_on="2017-07-28",
        )  # fmt: skip
        b = project.add_statement(hostile(canary, "speaker b"), text_b, role=hostile(canary, "role b"))
        comparison = project.add_comparison(hostile(canary, "comparison"), [a, b])
        project.ensure_tag(hostile(canary, "tag"), description=hostile(canary, "tag description"))
        project.add_annotation(
            [TargetSpec(a, 0, 26), TargetSpec(b, 0, 30)],
            comparison_id=comparison,
            relation="contradicts",
            verdict="contradiction",
            note=hostile(canary, "note"),
            tags=[hostile(canary, "tag")],
        )
    return path


def test_no_project_data_reaches_qt_as_rich_text(
    qtbot: Any, tmp_path: Path, canary: Path, hostile_project: Path
) -> None:
    mark = f'<img src="{canary}"'
    window = MainWindow(
        Project.open(hostile_project), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.library.busy, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.current_analysis is not None and not window.analysis.runner.busy, timeout=30_000
    )
    assert window.current_comparison_id is not None
    leaks = rich_leaks(mark)

    # The panels and each dialog, one at a time, with the hostile data in them.
    dialogs: list[QWidget] = []
    window.statement_actions.edit_statement(1)
    dialogs.append(window.active_editor)
    leaks += rich_leaks(mark)
    dialogs[-1].reject()
    window.annotation_actions.edit_annotation(1)
    dialogs.append(window.active_editor)
    leaks += rich_leaks(mark)
    dialogs[-1].reject()
    window.project_actions.export()
    dialogs.append(window.active_editor)
    leaks += rich_leaks(mark)
    dialogs[-1].reject()

    # An import preview of a hostile document, and an error naming a hostile file.
    from counterpoint.ui.import_preview import ImportPreviewDialog

    document = document_from_text(
        f'{hostile(canary, "headline")}\n\n"We will never raise taxes on families," said {hostile(canary, "x")} '
        "Senator Jane Doe on Monday.",
        title=hostile(canary, "document title"),
        publisher=hostile(canary, "document publisher"),
    )
    preview = ImportPreviewDialog(document, extract_quotes(document.text), window)
    qtbot.addWidget(preview)
    preview.show()
    leaks += rich_leaks(mark)
    preview.reject()

    window.report_unopened(tmp_path / hostile(canary, "name").replace("/", "_"), "is not a project")
    leaks += rich_leaks(mark.replace("/", "_"))
    window.show_error("Import failed", f"{hostile(canary, 'message')} could not be read")
    leaks += rich_leaks(mark)
    window.close()
    assert not leaks, "project data shown as rich text:\n" + "\n".join(sorted(set(leaks)))
