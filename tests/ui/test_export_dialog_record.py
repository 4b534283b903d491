"""The export dialog's speaker record (issue 14 part 2): chosen, it adds a page to the preview and a Record
section, with its bookmark, to the PDF; the data formats have none."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from counterpoint.store import Project
from counterpoint.ui.export_dialog import ExportDialog


def test_a_speakers_record_goes_into_the_report(
    qtbot: QtBot, sample_project: Project, tmp_path: Path
) -> None:
    dialog = ExportDialog(sample_project, 1)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as without:
        pass
    assert dialog.record_speaker == "" and not dialog.record_tag_box.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as with_record:
        dialog.record_box.setCurrentIndex(dialog.record_box.findData("Jeff Sessions"))
    assert with_record.args[0] == without.args[0] + 1  # the record starts a page of its own
    assert dialog.record_tag_box.isEnabled()

    target = tmp_path / "report.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000):
        dialog.export_button.click()
    reader = PdfReader(target)
    titles = [item.title for item in reader.outline]
    assert titles[-2:] == ["Record: Jeff Sessions", "Sources"]
    page = reader.get_destination_page_number(reader.outline[-2])
    text = " ".join(reader.pages[page].extract_text().split())
    assert "2 statements · 0 tagged pairs" in text and "1 August 2017" in text

    dialog.set_format("csv")
    assert dialog.record_speaker == "" and not dialog.record_box.isEnabled()
