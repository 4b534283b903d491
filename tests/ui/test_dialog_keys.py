"""Dialogs do what Enter and Escape say (issue 10, point 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from counterpoint.store.model import Tag
from counterpoint.ui import dialog_keys
from counterpoint.ui.annotation_editor import AnnotationEditor, Quote
from counterpoint.ui.dialog_keys import TitleDialog
from counterpoint.ui.export_dialog import ExportDialog
from counterpoint.ui.statement_editor import StatementEditor

PAIR = [
    Quote("Donald Trump", "Please don't be too nice", "A"),
    Quote("Jeff Sessions", "in a lawful way", "B"),
]


def test_enter_in_the_new_tag_field_adds_the_tag_and_keeps_the_dialog_open(qtbot: Any) -> None:
    dialog = AnnotationEditor(PAIR, [Tag(1, "use of force", "#c0392b")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.new_tag_edit.setFocus()
    qtbot.keyClicks(dialog.new_tag_edit, "police conduct")
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0, "Enter added a tag; it did not save and close"
    assert "police conduct" in dialog.values()["tags"]
    assert dialog.new_tag_edit.text() == ""
    qtbot.keyClick(dialog.new_tag_edit, Qt.Key.Key_Enter)  # the keypad's Enter, on an empty field
    assert dialog.isVisible()
    dialog.reject()


def test_enter_in_the_export_dialog_exports(
    qtbot: Any, sample_project: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    chooser: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: chooser.append(a) or ("", ""))
    dialog = ExportDialog(sample_project, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = tmp_path / "report.pdf"
    dialog.path_edit.setText(str(target))
    dialog.path_edit.setFocus()
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert chooser == [], "Enter opened the file chooser"
    assert target.is_file()
    assert not dialog.browse_button.isDefault() and not dialog.browse_button.autoDefault()


def _statement_editor(qtbot: Any) -> StatementEditor:
    editor = StatementEditor({"Jeff Sessions": "Attorney General"}, [])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_escape_on_a_half_filled_new_statement_asks_first(qtbot: Any, monkeypatch: Any) -> None:
    asked: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Discard

    monkeypatch.setattr(dialog_keys.QMessageBox, "question", answer)
    editor = _statement_editor(qtbot)
    editor.speaker.setText("Jeff Sessions")
    editor.text.setPlainText("We will hold any officer responsible")
    qtbot.keyClick(editor.speaker, Qt.Key.Key_Escape)
    assert asked == ["Discard the statement?"] and editor.isVisible(), "Cancel in the question keeps it"
    qtbot.keyClick(editor.speaker, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not editor.isVisible(), "Discard closes it"


def test_escape_on_an_empty_new_statement_closes_without_asking(qtbot: Any, monkeypatch: Any) -> None:
    asked: list[object] = []
    monkeypatch.setattr(dialog_keys.QMessageBox, "question", lambda *a, **k: asked.append(a))
    editor = _statement_editor(qtbot)
    qtbot.keyClick(editor.speaker, Qt.Key.Key_Escape)
    assert asked == [] and not editor.isVisible()


def test_the_title_dialog_fits_the_title_and_its_own_name(qtbot: Any) -> None:
    title = "Trump vs Sanders vs Rosenberg: a joke or a directive? What the White House said after"
    dialog = TitleDialog(None, "Rename comparison", "Title:", title)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.edit.fontMetrics()
    assert dialog.edit.width() >= metrics.horizontalAdvance(title), "the whole title shows in the field"
    assert dialog.width() >= metrics.horizontalAdvance("Rename comparison") + 120, "its name is not cut"
    assert dialog.edit.selectedText() == title


def test_rename_from_the_window_uses_the_title_dialog(
    qtbot: Any, sample_project: Any, monkeypatch: Any
) -> None:
    """F2 opens the fitting dialog; Enter in it renames."""
    from PySide6.QtCore import QSettings

    from counterpoint.store import Project
    from counterpoint.ui.main_window import MainWindow

    path = sample_project.path
    sample_project.close()
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Project.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: list[int] = []

    def type_and_enter() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TitleDialog):
            if dialog is not None:
                dialog.close()  # another dialog: closed, so the test fails instead of waiting on it
            return
        seen.append(dialog.width())
        dialog.edit.setText("Trump and Sessions on force")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    QTimer.singleShot(100, type_and_enter)
    window.comparison_actions.rename_comparison()
    assert seen and seen[0] >= 420
    assert window.project.comparison(1).title == "Trump and Sessions on force"
    window.close()
