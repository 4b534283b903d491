"""'Find contradictions': what in the library contrasts with a statement (or a selected passage of it).

The search runs on a worker thread with its own connection (app.find: topic candidates from the full-text
index, each scored by the contrast engine); results stream into the list as they are scored, best first,
with a progress bar and a Cancel button. Double-click (or Enter, or "Compare") opens a result beside the
statement as a new comparison. Everything shown is project data, so items are plain text and tooltips go
through ui.plain.tip.
"""

from __future__ import annotations

import bisect
import gc
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpoint.app.engine_process import EngineProcess
from counterpoint.app.find import CANDIDATES, FindResult, Question, find_iter, question
from counterpoint.engine.model import Span
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.store.project import connect
from counterpoint.ui.plain import plain_label, tip

# The engine is pure Python on the worker thread; the GUI thread takes the GIL back each time Qt calls into
# Python, waiting up to the interpreter's switch interval (5 ms) each time: a result's dozen calls added up
# to 50-200 ms pauses. At 0.5 ms the longest pause measured was under 30 ms (benchmarks/bench_find.py).
SWITCH_INTERVAL = 0.0005
# Results reach the GUI thread in batches, at most one every BATCH_SECONDS (and at the end): one slot call
# per candidate (120 of them in two seconds) each waited for the GIL and updated the list and progress bar.
BATCH_SECONDS = 0.04
_frozen = False

SCOPE_LABELS = {"all": "everyone", "same": "the same speaker", "others": "other speakers"}


class _Signals(QObject):
    started = Signal(int, int)  # generation, candidates
    scored = Signal(int, int, int, object)  # generation, done, total, list[FindResult] (new since the last)
    finished = Signal(int, bool)  # generation, cancelled
    failed = Signal(int, str)


class _FindTask(QRunnable):
    def __init__(
        self, path: Path, asked: Question, generation: int, pool: int, engine: EngineProcess | None
    ) -> None:
        super().__init__()
        self.path, self.asked, self.generation, self.pool = path, asked, generation, pool
        self.engine = engine
        self.signals = _Signals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        global _frozen
        g = self.generation
        try:
            conn = connect(self.path)
            try:
                project = Project(self.path, conn)
                batch: list[FindResult] = []
                sent = time.monotonic()
                with project.read_snapshot():
                    analyse = self.engine.analyse if self.engine is not None else None
                    for step in find_iter(
                        project, self.asked, pool=self.pool, cancelled=self.cancelled.is_set, analyse=analyse
                    ):
                        if step.done == 0:
                            self.signals.started.emit(g, step.total)
                            continue
                        if step.result is not None:
                            batch.append(step.result)
                        now = time.monotonic()
                        if step.done == step.total or now - sent >= BATCH_SECONDS:
                            self.signals.scored.emit(g, step.done, step.total, batch)
                            batch, sent = [], now
                        if step.done == 1 and not _frozen:
                            # The engine's lexicons are loaded now and live as long as the app: a full
                            # garbage collection walking them held the GIL for 100-180 ms.
                            gc.freeze()
                            _frozen = True
            finally:
                conn.close()
        except UserError as exc:
            self.signals.failed.emit(g, str(exc))
        except Exception as exc:  # a worker must report, not die silently
            traceback.print_exc()
            self.signals.failed.emit(g, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(g, self.cancelled.is_set())


class FindRunner(QObject):
    """Runs one search at a time off the GUI thread; a new search or cancel() silences the previous one."""

    started = Signal(int)  # candidates
    scored = Signal(int, int, object)  # done, total, list[FindResult] scored since the last signal
    finished = Signal(bool)  # cancelled
    failed = Signal(str)

    def __init__(
        self, path: Path, parent: QObject | None = None, engine: EngineProcess | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        # The engine runs in the app's analysis process when one is given (it never holds the window's GIL:
        # on a thread of this process the longest GUI pause during a search measured 50-200 ms); else here.
        self.engine = engine
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._live: dict[int, _FindTask] = {}
        self.busy = False

    def start(self, asked: Question, candidates: int = CANDIDATES) -> None:
        self.cancel()
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        self.generation += 1
        task = _FindTask(self.path, asked, self.generation, candidates, self.engine)
        task.setAutoDelete(False)
        self._live[task.generation] = task
        s = task.signals
        s.started.connect(lambda g, n: self._relay(g, self.started, n))
        s.scored.connect(lambda g, d, t, r: self._relay(g, self.scored, d, t, r))
        s.finished.connect(self._finished)
        s.failed.connect(self._failed)
        self.busy = True
        self.pool.start(task)

    def _relay(self, generation: int, signal: Any, *args: Any) -> None:
        if generation == self.generation:
            signal.emit(*args)

    def _finished(self, generation: int, cancelled: bool) -> None:
        self._live.pop(generation, None)
        if generation == self.generation:
            self.busy = False
            self.finished.emit(cancelled)

    def _failed(self, generation: int, message: str) -> None:
        self._live.pop(generation, None)
        if generation == self.generation:
            self.busy = False
            self.failed.emit(message)

    def cancel(self) -> None:
        for task in self._live.values():
            task.cancelled.set()
        if self.busy:
            self.busy = False
            self.generation += 1  # what is still running reports to nobody
            self.finished.emit(True)

    def wait(self, msecs: int = 10_000) -> bool:
        return bool(self.pool.waitForDone(msecs))


def _result_item(result: FindResult) -> QTreeWidgetItem:
    s = result.statement
    when = s.said_on.isoformat() if s.said_on else "undated"
    if result.flagged:
        best = result.phrases[0]
        score = f"{result.score:.2f}"
        detail = f"{best.kind}: “{best.asked_text}” / “{best.found_text}”"
    else:
        score, detail = "–", "same topic, no contrast found"
    item = QTreeWidgetItem([score, s.speaker, when, detail])
    lines = [f"{s.speaker}, {when}", s.text, ""]
    lines += [
        f"{p.kind} ({p.score:.2f}): “{p.asked_text}” / “{p.found_text}”: {p.reason}" for p in result.phrases
    ]
    item.setToolTip(3, tip("\n".join(lines).strip()))
    item.setToolTip(1, tip(s.role or s.speaker))
    item.setData(0, Qt.ItemDataRole.UserRole, s.id)
    return item


class FindPanel(QWidget):
    """The results of one search, as they come; emits compare_requested(asked id, found id)."""

    compare_requested = Signal(int, int)

    def __init__(
        self, path: Path, parent: QWidget | None = None, engine: EngineProcess | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findPanel")
        self.runner = FindRunner(path, self, engine)
        self.asked: Question | None = None
        self.results: list[FindResult] = []
        self._keys: list[tuple[float, int]] = []

        self.title = plain_label("Select a statement and choose Find contradictions (Ctrl+Shift+F)")
        self.title.setWordWrap(True)
        self.status = plain_label("")
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.compare_button = QPushButton("Compare")
        self.compare_button.setToolTip("Open the selected result beside the statement as a new comparison")
        self.compare_button.clicked.connect(self.compare_selected)
        self.compare_button.setEnabled(False)
        self.view = QTreeWidget()
        self.view.setAccessibleName("Contradiction results")
        self.view.setHeaderLabels(["Score", "Speaker", "Date", "Contrast"])
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.itemActivated.connect(lambda _item, _col: self.compare_selected())
        self.view.itemSelectionChanged.connect(
            lambda: self.compare_button.setEnabled(bool(self.view.selectedItems()))
        )
        for column, width in ((0, 48), (1, 140), (2, 84)):
            self.view.setColumnWidth(column, width)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.runner.started.connect(self._started)
        self.runner.scored.connect(self._scored)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)

    # -- searching ------------------------------------------------------------------------------------

    def search(
        self, project: Project, statement_id: int, passage: Span | None = None, scope: str = "all"
    ) -> None:
        asked = question(project, statement_id, passage=passage, scope=scope)
        self.asked = asked
        self.results, self._keys = [], []
        self.view.clear()
        what = f"the passage “{asked.text}”" if passage else "the statement"
        self.title.setText(
            f"What contrasts with {what} of {asked.statement.speaker} "
            f"({asked.statement.first_words}), among {SCOPE_LABELS[asked.scope]}"
        )
        self.status.setText("Looking for statements on the same topic…")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.runner.start(asked)

    def cancel(self) -> None:
        self.runner.cancel()

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _started(self, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.setFormat(f"%v of {total} compared")
        if not total:
            self.status.setText("No statement in the library shares this statement's topic")

    def _scored(self, done: int, total: int, batch: list[FindResult]) -> None:
        self.progress.setValue(done)
        if not batch:
            return
        for result in batch:
            key = result.sort_key()
            at = bisect.bisect_right(self._keys, key)
            self._keys.insert(at, key)
            self.results.insert(at, result)
            self.view.insertTopLevelItem(at, _result_item(result))
        flagged = sum(r.flagged for r in self.results)
        self.status.setText(
            f"{flagged} with contrasting phrasing, {len(self.results) - flagged} on the same topic"
        )

    def _finished(self, cancelled: bool) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        if cancelled:
            self.status.setText(f"Cancelled: {self.status.text()}")

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(False)
        self.status.setText(f"The search failed: {message}")

    # -- opening ----------------------------------------------------------------------------------------

    def selected_result(self) -> FindResult | None:
        items = self.view.selectedItems()
        if not items:
            return None
        return self.results[self.view.indexOfTopLevelItem(items[0])]

    def compare_selected(self) -> None:
        result = self.selected_result()
        if result is not None and self.asked is not None:
            self.compare_requested.emit(self.asked.statement.id, result.statement.id)


class FindContradictions(QObject):
    """Wires the panel into the main window: a dock, and the Find contradictions action (in the Edit menu
    and the library's menu) that asks about the passage selected in a column, or else the statement
    selected in the library."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panel = FindPanel(window.project.path, engine=window.analysis.runner.engine)
        self.panel.compare_requested.connect(self.compare)
        self.dock = QDockWidget("Find contradictions", window)
        self.dock.setObjectName("findDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = QAction("Find &contradictions", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.action.setShortcutVisibleInContextMenu(True)
        self.action.setStatusTip(
            "Find what in the library contrasts with the selected statement or passage (Ctrl+Shift+F)"
        )
        self.action.triggered.connect(lambda _checked=False: self.find_selected())
        window.addAction(self.action)
        for menu_action in window.menuBar().actions():
            if menu_action.text().replace("&", "") == "Edit" and menu_action.menu() is not None:
                menu_action.menu().addAction(self.action)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.panel.cancel()  # a search still running stops at its next candidate
        return False

    def find_selected(self, scope: str = "all") -> bool:
        """Ask about the passage selected in the workspace, else the library's selected statement."""
        window = self.window
        passage: Span | None = None
        statement_id: int | None = None
        selection = (
            window.workspace.selection() if window.centre_stack.currentWidget() is window.workspace else []
        )
        if len(selection) == 1:
            statement_id, passage = selection[0].statement_id, (selection[0].start, selection[0].end)
        else:
            picked = window.library.selected_statement_ids()
            if len(picked) == 1:
                statement_id = picked[0]
        if statement_id is None:
            window.say(
                "Select one statement in the library, or a passage in a column, to find what contrasts"
            )
            return False
        return self.find(statement_id, passage, scope)

    def find(self, statement_id: int, passage: Span | None = None, scope: str = "all") -> bool:
        # The panel's worker reads the project file through its own connection.
        if self.panel.runner.path != self.window.project.path:
            self.panel.runner.path = self.window.project.path
        try:
            self.panel.search(self.window.project, statement_id, passage, scope)
        except UserError as exc:
            self.window.say(str(exc))
            return False
        self.dock.show()
        self.dock.raise_()
        return True

    def compare(self, asked_id: int, found_id: int) -> None:
        project = self.window.project
        a, b = project.statement(asked_id), project.statement(found_id)
        title = " vs ".join(dict.fromkeys(s.speaker.split()[-1] for s in (a, b)))
        self.window.comparison_actions.new_comparison([asked_id, found_id], title)
