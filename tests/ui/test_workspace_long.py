"""A long comparison opens without freezing the window (issue 16 point 1): two texts of 20,000 words,
analysed by the app's analysis runner (in a process of its own), laid out off the GUI thread, the first
screen painted before the rest is filled in. An event-loop watchdog records the longest time the GUI thread went without turning
its loop; the test fails only far past the 50 ms target (benchmarks/bench_gui.py reports the figure)."""

from __future__ import annotations

import time
from typing import Any

from long_texts import document_and_report
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow
from render_workspace import hand_built_analysis

from counterpoint.store.model import Statement
from counterpoint.ui.workers import AnalysisRunner
from counterpoint.ui.workspace import ComparisonWorkspace

FAR_PAST_TARGET = 1.0  # seconds; the target is 0.05


class Watchdog(QObject):
    """A 1 ms timer on the GUI thread: the longest gap between its ticks is the longest block."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(1)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now


class FirstPaint(QObject):
    """Notes, at the first paint of a column after the analysis landed, how far the filling had got."""

    def __init__(self, workspace: ComparisonWorkspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.armed = False
        self.seen: tuple[int, int, bool] | None = None  # rows in the document, rows in all, all filled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and self.seen is None and event.type() == QEvent.Type.Paint:
            views = self.workspace.column_views()
            if views and watched is views[0].viewport() and views[0].loaded_rows:
                self.seen = (views[0].loaded_rows, len(views[0].rows), self.workspace.is_filled())
        return False


def test_two_long_texts_open_without_freezing_the_window(qtbot: Any, sample_project: Any) -> None:
    first, second = document_and_report(20_000)
    assert len(first.split()) >= 20_000 and len(second.split()) >= 14_000
    statements = [
        Statement(id=1, speaker_id=1, speaker="Hearing", text=first, role="Witness", occasion="Hearing"),
        Statement(id=2, speaker_id=2, speaker="Report", text=second, role="Committee", occasion="Report"),
    ]
    window = QMainWindow()
    workspace = ComparisonWorkspace()
    window.setCentralWidget(workspace)
    window.resize(1600, 1000)
    qtbot.addWidget(window)
    # A comparison opened before, as in the app (the first widgets of a process pay Qt's own set-up).
    small = [sample_project.statement(i) for i in sample_project.comparison(1).statement_ids]
    workspace.set_comparison(small, hand_built_analysis([s.text for s in small]))
    window.show()
    qtbot.waitExposed(window)
    painted = FirstPaint(workspace)
    runner = AnalysisRunner()
    watchdog = Watchdog()
    watchdog.start()
    started = time.perf_counter()
    workspace.set_comparison(statements, None)  # the window shows the plain texts while the engine runs
    landed: list[Any] = []
    runner.finished.connect(lambda _generation, analysis: landed.append(analysis))
    runner.failed.connect(lambda _generation, message: landed.append(message))
    runner.analyse([first, second])
    qtbot.waitUntil(lambda: bool(landed), timeout=120_000)
    assert not isinstance(landed[0], str), landed[0]
    while_analysing, watchdog.longest = watchdog.longest, 0.0
    for view in workspace.column_views():
        view.viewport().installEventFilter(painted)
    painted.armed = True
    workspace.set_comparison(statements, landed[0])
    # The views just asked for are replaced when the layout lands: watch the new ones as they come.
    workspace.rebuilt.connect(
        lambda: [v.viewport().installEventFilter(painted) for v in workspace.column_views()]
    )
    qtbot.waitUntil(workspace.is_filled, timeout=120_000)
    opened = time.perf_counter() - started
    watchdog.timer.stop()
    laying_out = watchdog.longest
    print(
        f"\n2 x 20,000 words opened, analysed and filled in {opened:.2f} s; longest GUI block "
        f"{while_analysing * 1000:.0f} ms while the engine ran (in its own process) and the plain text "
        f"was laid out, {laying_out * 1000:.0f} ms while laying out with the analysis (target 50 ms)"
    )
    longest = max(while_analysing, laying_out)
    assert longest < FAR_PAST_TARGET, f"the window froze for {longest:.2f} s"
    # The first screen was painted before the rest was filled in.
    assert painted.seen is not None
    loaded, total, filled = painted.seen
    assert 0 < loaded < total and not filled
    views = workspace.column_views()
    assert all(v.is_complete() for v in views)
    assert views[0].document().blockCount() == len(views[0].rows) > 500
    runner.close()
