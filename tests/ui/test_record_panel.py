"""View › Speaker record… (issue 14 part 2): one speaker's statements as a timeline in date order, the pairs
tagged between them drawn as arcs, two clicks open two statements side by side; the engine runs off the GUI
thread; project data shows as plain text. Uses the sample dossier's Trump and Sessions statements."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from counterpoint.app import find as finding
from counterpoint.export.html import VERDICT_COLOURS
from counterpoint.store import TargetSpec, Verdict
from counterpoint.ui.main_window import MainWindow
from counterpoint.ui.record_panel import GUTTER, RecordDialog


@pytest.fixture
def window(sample_window: MainWindow) -> Iterator[MainWindow]:
    yield sample_window
    for dialog in sample_window.findChildren(RecordDialog):
        dialog.panel.runner.cancel()
        dialog.panel.runner.wait()
        dialog.close()


def ids_of(window: MainWindow, speaker: str) -> list[int]:
    return [s.id for s in window.project.statements() if s.speaker == speaker]


def open_and_wait(qtbot: Any, window: MainWindow, speaker: str) -> RecordDialog:
    qtbot.waitUntil(lambda: not window.library.busy and window.library.model.rowCount() > 0, timeout=10_000)
    window.library.select_statements(ids_of(window, speaker)[:1])
    assert window.library.selected_statement_ids() == ids_of(window, speaker)[:1]
    window.action("speaker_record").trigger()
    dialog = window.findChild(RecordDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.panel.timeline.record is not None, timeout=20_000)
    return dialog


def test_sessions_record_in_date_order_and_two_clicks_compare(qtbot: Any, window: MainWindow) -> None:
    dialog = open_and_wait(qtbot, window, "Jeff Sessions")
    panel = dialog.panel
    assert panel.speaker_box.currentData() == "Jeff Sessions"  # the library's selection
    sessions = ids_of(window, "Jeff Sessions")
    timeline = panel.timeline
    assert timeline.statement_ids() == sessions  # same day: by id
    before = len(window.project.comparisons())
    for statement_id in sessions:
        centre = timeline.row_rect(statement_id).center().toPoint()
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre)
    comparisons = window.project.comparisons()
    assert len(comparisons) == before + 1
    assert comparisons[-1].statement_ids == tuple(sessions)
    assert window.current_comparison_id == comparisons[-1].id
    assert timeline.selected == []


def test_a_tagged_pair_is_marked_on_the_timeline(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    first, second = ids_of(window, "Jeff Sessions")
    a, b = (window.project.statement(i).text for i in (first, second))
    window.project.add_annotation(
        [TargetSpec(second, 0, b.index(" ")), TargetSpec(first, 0, a.index(" "))],
        relation="contradicts",
        verdict="contradiction",
    )
    dialog = open_and_wait(qtbot, window, "Jeff Sessions")
    timeline = dialog.panel.timeline
    assert timeline.record is not None and len(timeline.record.marks) == 1
    assert "↔ 2 Contradiction (tagged: contradicts)" in timeline.row_text(first)
    assert "↔ 1 Contradiction (tagged: contradicts)" in timeline.row_text(second)
    image = timeline.grab().toImage()
    image.save(str(tmp_path / "record.png"))
    red = QColor(VERDICT_COLOURS[Verdict.CONTRADICTION])
    top, bottom = (int(timeline.row_rect(i).top()) + 12 for i in (first, second))
    arc = [image.pixelColor(x, y) for x in range(0, int(GUTTER) - 8) for y in range(top, bottom)]
    assert any(
        abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 60 for c in arc
    )
    assert "1 tagged pair" in dialog.panel.status.text()


def test_the_engine_runs_off_the_gui_thread(qtbot: Any, window: MainWindow) -> None:
    dialog = open_and_wait(qtbot, window, "Donald Trump")
    panel = dialog.panel
    scored_on: list[bool] = []
    real = finding.engine.analyse

    def on_which_thread(texts, **kwargs):  # type: ignore[no-untyped-def]
        scored_on.append(threading.current_thread() is threading.main_thread())
        return real(texts, **kwargs)

    finding.engine.analyse = on_which_thread
    try:
        with qtbot.waitSignal(panel.record_ready, timeout=30_000) as ready:
            panel.set_speaker("Jeff Sessions")
            panel.set_find("consecutive")
    finally:
        finding.engine.analyse = real
    assert ready.args[0].found == "consecutive"
    assert scored_on and not any(scored_on)


def test_project_data_is_plain_text(qtbot: Any, window: MainWindow) -> None:
    hostile = '<img src="/dev/zero"><b>Bold</b>'
    window.project.add_statement(hostile, "<i>not italic</i> words", said_on="2017-08-02")
    window.project.add_statement(hostile, "Undated words")
    dialog = open_and_wait(qtbot, window, "Donald Trump")
    panel = dialog.panel
    with qtbot.waitSignal(panel.record_ready, timeout=20_000):
        panel.set_speaker(hostile)
    assert panel.speaker_box.currentText() == hostile
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    timeline = panel.timeline
    ids = timeline.statement_ids()
    assert timeline.row_text(ids[0]).endswith("<i>not italic</i> words")
    assert timeline.row_text(ids[1]).startswith("undated")
    assert "undated, last" in panel.status.text()


def test_the_keyboard_picks_two_statements_too(qtbot: Any, window: MainWindow) -> None:
    dialog = open_and_wait(qtbot, window, "Jeff Sessions")
    timeline = dialog.panel.timeline
    first, second = timeline.statement_ids()
    timeline.setFocus()
    before = len(window.project.comparisons())
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Space)
    assert timeline.selected == [second]
    assert "Statement 2 selected" in dialog.panel.status.text()
    qtbot.keyClick(timeline, Qt.Key.Key_Up)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    comparisons = window.project.comparisons()
    assert len(comparisons) == before + 1 and comparisons[-1].statement_ids == (second, first)
