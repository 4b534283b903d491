"""The export dialog: a preview of the PDF's pages, scope, format, and an export run off the GUI thread."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from counterpoint.store import Project
from counterpoint.ui import export_dialog
from counterpoint.ui.export_dialog import ExportDialog, run_export_dialog


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(export_dialog.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def _open(qtbot: QtBot, project: Project, comparison_id: int | None) -> tuple[ExportDialog, int]:
    dialog = ExportDialog(project, comparison_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as blocker:
        pass
    return dialog, int(blocker.args[0])


def test_preview_shows_the_pages_of_the_scope(qtbot: QtBot, sample_project: Project) -> None:
    dialog, pages = _open(qtbot, sample_project, 1)
    assert dialog.this_comparison.isChecked()
    assert dialog.comparison_ids() == [1]
    assert pages == dialog.preview_page_count >= 2  # title page and the comparison
    assert "Preview of the PDF report" in dialog.preview_label.text()
    assert dialog.path_edit.text().endswith("Trump vs Sessions how police should treat suspects.pdf")

    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as blocker:
        dialog.all_comparisons.setChecked(True)
    assert dialog.comparison_ids() is None
    assert blocker.args[0] >= 3  # title page and a page for each comparison
    # The suggested name follows the scope: now the dossier's title, cleaned to a file name.
    assert Path(dialog.path_edit.text()).name.startswith("Use of force the President")


def test_export_pdf_of_this_comparison(qtbot: QtBot, sample_project: Project, tmp_path: Path) -> None:
    dialog, _ = _open(qtbot, sample_project, 1)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as blocker:
        dialog.export_button.click()
    assert blocker.args[0] == target
    assert dialog.exported == target
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Trump vs Sessions" in text and "Trump vs Sanders" not in text


def test_data_format_has_no_preview_and_changes_the_extension(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    dialog, _ = _open(qtbot, sample_project, None)
    assert not dialog.this_comparison.isEnabled() and dialog.all_comparisons.isChecked()
    dialog.set_format("csv")
    assert dialog.path_edit.text().endswith(".csv")
    assert "no pages to preview" in dialog.preview_label.text()
    dialog.path_edit.setText(str(tmp_path / "a.csv"))
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
        dialog.export_button.click()
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 2


def test_missing_folder_is_reported_and_the_dialog_stays(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, warnings: list[str]
) -> None:
    dialog, _ = _open(qtbot, sample_project, 1)
    dialog.path_edit.setText(str(tmp_path / "nowhere" / "r.pdf"))
    dialog.export_button.click()
    assert warnings and "does not exist" in warnings[0]
    assert dialog.exported is None
    assert dialog.export_button.isEnabled()


def test_run_export_dialog_returns_none_when_cancelled(
    qtbot: QtBot, sample_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 0)
    assert run_export_dialog(None, sample_project, 1) is None


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, sample_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, _ = _open(qtbot, sample_project, None)
    target = tmp_path / "r.pdf"
    dialog.path_edit.setText(str(target))
    started = export_dialog.threading.Event()
    release = export_dialog.threading.Event()
    real_export = export_dialog.export_file

    def slow_export(
        project: Project, path: Path, fmt: str, ids: object, progress: object, **options: object
    ) -> Path:
        def held(done: int, total: int) -> None:
            started.set()
            release.wait(10)
            progress(done, total)  # type: ignore[operator]

        return real_export(project, path, fmt, ids, held, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(export_dialog, "export_file", slow_export)
    with qtbot.waitSignal(dialog.finished, timeout=20_000) as closed:
        dialog.export_button.click()
        assert started.wait(10)
        dialog.reject()  # Cancel while the export runs
        assert dialog.status.text() == "Cancelling…"  # the dialog waits for the worker to stop
        release.set()
    assert closed.args[0] == 0
    assert dialog.exported is None
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_a_long_comparison_title_does_not_widen_the_dialog(qtbot: QtBot, sample_project: Project) -> None:
    title = (
        "Trump vs Sessions vs Rosenberg on police use of force in the summer of 2017, with the press "
        "secretary's reply and the DEA's all-staff email, for the Sunday explainer"
    )
    sample_project.rename_comparison(1, title)
    dialog, _pages = _open(qtbot, sample_project, 1)
    assert dialog.scope_title.text() == title and dialog.scope_title.wordWrap()
    assert dialog.this_comparison.accessibleName() == f"This comparison: {title}"
    assert dialog.minimumSizeHint().width() < 900
