"""Lays a long comparison out off the GUI thread (segments, shared rows, highlights, offset maps): the
workspace hands it the texts and the analysis and gets a ComparisonPlan back through a queued signal.
Only the answer to the latest request is delivered."""

from __future__ import annotations

import traceback
from collections.abc import Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from counterpoint.ui.workspace_model import AnalysisLike, ComparisonPlan, plan_comparison


class _Signals(QObject):
    done = Signal(int, object)  # generation, ComparisonPlan or None when it failed


class _PlanTask(QRunnable):
    def __init__(self, generation: int, texts: tuple[str, ...], analysis: AnalysisLike | None) -> None:
        super().__init__()
        self.generation = generation
        self.texts = texts
        self.analysis = analysis
        self.signals = _Signals()

    def run(self) -> None:
        try:
            plan: ComparisonPlan | None = plan_comparison(self.texts, self.analysis)
        except Exception:  # a worker must report, not die silently
            traceback.print_exc()
            plan = None
        self.signals.done.emit(self.generation, plan)


class Planner(QObject):
    planned = Signal(object)  # ComparisonPlan
    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self._live: dict[int, _PlanTask] = {}

    def plan(self, texts: Sequence[str], analysis: AnalysisLike | None) -> None:
        self.generation += 1
        task = _PlanTask(self.generation, tuple(texts), analysis)
        task.setAutoDelete(False)
        self._live[task.generation] = task  # its signals must live until it has reported
        task.signals.done.connect(self._done)
        self.pool.start(task)

    def cancel(self) -> None:
        """Whatever is being planned now reports to nobody."""
        self.generation += 1

    def busy(self) -> bool:
        return bool(self._live)

    def _done(self, generation: int, plan: ComparisonPlan | None) -> None:
        self._live.pop(generation, None)
        if generation != self.generation:
            return
        if plan is None:
            self.failed.emit()
        else:
            self.planned.emit(plan)
