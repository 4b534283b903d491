"""Tagging a pair that already has an annotation offers to edit it instead (issue 10, point 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from counterpoint.app.comparisons import existing_annotation
from counterpoint.store import Project, TargetSpec
from counterpoint.store.sample import write_sample
from counterpoint.ui import duplicates
from counterpoint.ui.main_window import MainWindow


def _window(qtbot: Any, tmp_path: Path) -> MainWindow:
    path = tmp_path / "dossier.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    window = MainWindow(Project.open(path), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _first_pair(window: MainWindow) -> tuple[int, list[TargetSpec]]:
    annotation = window.project.annotations(1)[0]
    return annotation.id, [TargetSpec(t.statement_id, t.start, t.end) for t in annotation.targets]


def test_existing_annotation_is_found_by_its_spans(sample_project: Project) -> None:
    annotation = sample_project.annotations(1)[0]
    specs = [TargetSpec(t.statement_id, t.start, t.end) for t in annotation.targets]
    assert existing_annotation(sample_project, 1, specs) == annotation.id
    moved = [TargetSpec(specs[0].statement_id, specs[0].start, specs[0].end - 1), specs[1]]
    assert existing_annotation(sample_project, 1, moved) is None


def test_tagging_an_annotated_pair_offers_the_annotation_instead(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    offered: list[int] = []
    monkeypatch.setattr(duplicates.QMessageBox, "exec", lambda box: offered.append(1) or 0)
    monkeypatch.setattr(duplicates.QMessageBox, "clickedButton", lambda box: box.buttons()[0])
    window = _window(qtbot, tmp_path)
    annotation_id, specs = _first_pair(window)
    before = len(window.project.annotations(1))
    editor = window.annotation_actions.tag_selection(specs)
    assert editor is None and offered == [1]
    opened = window.active_editor
    assert opened is not None and opened.isVisible(), "the existing annotation is opened for editing"
    assert opened.values()["relation"] == window.project.annotation(annotation_id).relation
    opened.accept()
    assert len(window.project.annotations(1)) == before, "no second, identical annotation"
    window.close()


def test_cancelling_the_offer_adds_nothing(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(duplicates.QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(duplicates.QMessageBox, "clickedButton", lambda box: None)
    window = _window(qtbot, tmp_path)
    _annotation_id, specs = _first_pair(window)
    before = len(window.project.annotations(1))
    assert window.annotation_actions.tag_selection(specs) is None and window.active_editor is None
    assert len(window.project.annotations(1)) == before
    window.close()
