"""Work that must not freeze the window: library searches, analysis of a comparison, opening a project.

Each runs on a worker thread with its own SQLite connection (connections belong to one thread) and reports
back through queued signals; the analysis itself runs in a process of its own (app.engine_process), the
worker thread only waits for it. A request carries a generation number; results of a superseded request are
dropped, so the user only ever sees the answer to the last thing asked.
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from counterpoint.app.engine_process import EngineDied, EngineFailed, EngineProcess
from counterpoint.engine.model import AnalysisCancelled, InputTooLarge
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.store.project import connect
from counterpoint.ui.library_model import LibraryFilter, statement_ids


class _Signals(QObject):
    """Signals for one QRunnable: QRunnable is not a QObject."""

    done = Signal(int, object)
    failed = Signal(int, str)
    progress = Signal(int, int, int)  # generation, done, total


class _Task(QRunnable):
    def __init__(self, generation: int, job: Callable[[_Task], Any]) -> None:
        super().__init__()
        self.generation = generation
        self.job = job
        self.signals = _Signals()
        self.cancelled = threading.Event()

    def run(self) -> None:
        try:
            result = self.job(self)
        except UserError as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except Exception as exc:  # a worker must report, not die silently
            traceback.print_exc()
            self.signals.failed.emit(self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(self.generation, result)


class _Runner(QObject):
    """Runs tasks on a private pool; keeps each task's signals alive until it has reported."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.generation = 0
        self._live: dict[int, _Task] = {}

    def _submit(
        self,
        job: Callable[[_Task], Any],
        on_done: Callable[[int, Any], None],
        on_failed: Callable[[int, str], None],
        on_progress: Callable[[int, int, int], None] | None = None,
    ) -> _Task:
        self.generation += 1
        task = _Task(self.generation, job)
        task.setAutoDelete(False)
        self._live[task.generation] = task
        task.signals.done.connect(on_done)
        task.signals.failed.connect(on_failed)
        if on_progress:
            task.signals.progress.connect(on_progress)
        task.signals.done.connect(lambda g, _r: self._live.pop(g, None))
        task.signals.failed.connect(lambda g, _m: self._live.pop(g, None))
        self.pool.start(task)
        return task

    def cancel_all(self) -> None:
        for task in self._live.values():
            task.cancelled.set()

    def wait(self, msecs: int = 10_000) -> bool:
        return bool(self.pool.waitForDone(msecs))


# -- library search ----------------------------------------------------------------------------------


class LibrarySearcher(_Runner):
    """Finds the statement ids a library filter selects, off the GUI thread; emits only the latest answer."""

    results = Signal(object, list, int)  # the LibraryFilter, the ids, how many statements there are in all
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent, threads=1)
        self.path = path
        self._conn_lock = threading.Lock()
        self._running: sqlite3.Connection | None = None

    def search(self, library_filter: LibraryFilter) -> int:
        self.cancel_all()
        with self._conn_lock:
            if self._running is not None:
                self._running.interrupt()  # a superseded query stops now instead of finishing
        path = self.path

        def job(task: _Task) -> tuple[LibraryFilter, list[int], int] | None:
            if task.cancelled.is_set():
                return None
            conn = connect(path)
            with self._conn_lock:
                self._running = conn
            try:
                project = Project(path, conn)
                ids = statement_ids(project, library_filter)
                total = len(ids) if library_filter.is_empty else project.count_statements()
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    return None
                raise
            finally:
                with self._conn_lock:
                    self._running = None
                conn.close()
            return library_filter, ids, total

        return self._submit(job, self._done, self._failed).generation

    def _done(self, generation: int, result: Any) -> None:
        if result is None or generation != self.generation:
            return
        self.results.emit(*result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.failed.emit(message)


# -- analysis ------------------------------------------------------------------------------------------


def run_analysis(texts: Sequence[str], task: _Task | None, engine: EngineProcess) -> Any:
    """The engine's analysis of `texts`, made in the analysis process `engine`, with the task's progress
    and cancel; None once the task is cancelled."""
    progress = None
    cancelled = None
    if task is not None:
        progress = lambda done, total: task.signals.progress.emit(task.generation, done, total)  # noqa: E731
        cancelled = task.cancelled.is_set
    try:
        return engine.analyse(texts, progress=progress, cancelled=cancelled)
    except AnalysisCancelled:
        return None  # the user moved on; nobody waits for this result
    except (InputTooLarge, EngineDied) as exc:
        raise UserError(str(exc)) from None
    except EngineFailed as exc:
        raise UserError(f"the engine failed ({exc})") from None


class AnalysisRunner(_Runner):
    """Analyses a comparison's texts in an analysis process of its own (started on the first request, kept
    until close()), waited on from a worker thread: the engine never holds the window's interpreter lock.
    `cancel()` drops the running analysis (and ends the process if it does not stop at once)."""

    started = Signal(int)  # generation
    progress = Signal(int, int)  # done, total
    finished = Signal(int, object)  # generation, Analysis
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None, engine: EngineProcess | None = None) -> None:
        super().__init__(parent, threads=2)  # two: a new request waits while the old one is being ended
        self.engine = engine if engine is not None else EngineProcess()
        self.busy = False

    def analyse(self, texts: Sequence[str]) -> int:
        self.cancel_all()
        frozen = tuple(texts)
        engine = self.engine

        def job(task: _Task) -> Any:
            if task.cancelled.is_set():
                return None
            return run_analysis(frozen, task, engine)

        task = self._submit(job, self._done, self._failed, self._progress)
        self.busy = True
        self.started.emit(task.generation)
        return task.generation

    def cancel(self) -> None:
        if self.busy:
            self.cancel_all()
            self.busy = False
            self.generation += 1  # whatever is running now reports to nobody
            self.cancelled.emit(self.generation)

    def close(self) -> None:
        """Cancel what runs and end the analysis process (a later request would start another)."""
        self.cancel()
        self.cancel_all()  # also a task whose result was already given up on
        self.wait()
        self.engine.close()

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    def _done(self, generation: int, result: Any) -> None:
        if generation != self.generation or result is None:
            return
        self.busy = False
        self.finished.emit(generation, result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.busy = False
            self.failed.emit(generation, message)


# -- opening a project ---------------------------------------------------------------------------------


class ProjectOpener(_Runner):
    """Checks and migrates a project file on a worker thread; the window then opens it (quickly) itself."""

    opened = Signal(object)  # Path
    failed = Signal(object, str)  # Path, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, threads=1)
        self._paths: dict[int, Path] = {}

    def open(self, path: Path, *, create: bool = False) -> None:
        def job(task: _Task) -> Path:
            # Opening runs the checks and any pending migration (with its backup copy) here.
            Project.open(path, create=create).close()
            return path

        task = self._submit(job, self._done, self._failed)
        self._paths[task.generation] = path

    def _done(self, generation: int, result: Any) -> None:
        self._paths.pop(generation, None)
        self.opened.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        self.failed.emit(self._paths.pop(generation, Path()), message)
