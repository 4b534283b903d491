"""The comparison engine in a process of its own, so a long analysis never holds the window's GIL.

The engine is pure Python: on a thread of the app's process it holds the interpreter lock for 5 ms at
a time, and the window's own work (laying the plain text out while the engine runs) crawls and stalls (up
to 990 ms without a turn of its event loop on a 2 x 20,000-word comparison; 69 ms with this module). One
process, started the first time it is asked and kept for the owner's lifetime, takes texts and gives back
the Analysis (plain dataclasses, pickled). One request at a time; a caller waits on a worker thread.

Cancelling: the engine checks its cancelled() hook only between texts and between pairs of texts, so a
cancel the process does not acknowledge within GRACE_SECONDS ends the process; the next request starts
another. Where the platform has it the processes are forked from a forkserver (a clean process started
with exec, never the app's own threads) that has loaded the engine and its lexicons once
(counterpoint.app.engine_preload), so a restart is warm and cheap; elsewhere they are spawned.

A process ends with its parent (it watches the parent's sentinel pipe, which the kernel closes when the
parent dies, even by SIGKILL), and when asked to by close().
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from counterpoint.engine.model import Analysis, AnalysisCancelled, InputTooLarge

GRACE_SECONDS = 0.1  # after a cancel, the process may still finish (a short analysis) before it is ended
POLL_SECONDS = 0.02  # how often a waiting caller looks at its cancelled() hook
PRELOAD = "counterpoint.app.engine_preload"  # the engine and its lexicons, loaded once by the forkserver
# Each new process runs the app's main script again (that is how multiprocessing starts a child); for the
# `counterpoint` launcher that script imports counterpoint.cli: 0.8 s of imports per process, unless the
# forkserver holds them already. (`python -m counterpoint` is a package's __main__, which is not rerun.)
MAIN_SCRIPT_IMPORTS = "counterpoint.cli"


class EngineDied(RuntimeError):
    """The analysis process ended without answering (killed, out of memory, a crash in C)."""


class EngineFailed(RuntimeError):
    """The engine raised an exception in its process; the message names it (its traceback is on stderr)."""


def _context() -> Any:  # a ForkServerContext or a SpawnContext
    # Never "fork": the app's process runs Qt's threads, and a forked copy of them can deadlock.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_preload())  # takes effect when the server starts (once per app)
        return context
    return multiprocessing.get_context("spawn")


def _preload() -> list[str]:
    main = sys.modules.get("__main__")
    rerun = getattr(getattr(main, "__spec__", None), "name", None) is None and hasattr(main, "__file__")
    return [MAIN_SCRIPT_IMPORTS, PRELOAD] if rerun and MAIN_SCRIPT_IMPORTS in sys.modules else [PRELOAD]


class EngineProcess:
    """One analysis process: `analyse(texts)` from any thread but the GUI's; `close()` ends it."""

    def __init__(self, grace: float = GRACE_SECONDS) -> None:
        self.grace = grace
        self._lock = threading.Lock()  # one request at a time
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._request = 0
        self.starts = 0  # processes started so far (a restart after a cancel or a death counts)

    @property
    def pid(self) -> int | None:
        process = self._process
        try:
            return process.pid if process is not None and process.is_alive() else None
        except ValueError:  # closed meanwhile by the thread that waits for it
            return None

    def analyse(
        self,
        texts: Sequence[str],
        *,
        progress: Callable[[int, int], object] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Analysis:
        """The engine's analysis of `texts`. Raises AnalysisCancelled once cancelled() turns true (promptly:
        the process is ended if it does not stop by itself), InputTooLarge as the engine does, EngineFailed
        when the engine raised, EngineDied when the process ended without an answer."""
        texts = tuple(texts)
        while not self._lock.acquire(timeout=POLL_SECONDS):
            if cancelled is not None and cancelled():
                raise AnalysisCancelled("the analysis was cancelled before it started")
        try:
            if cancelled is not None and cancelled():
                raise AnalysisCancelled("the analysis was cancelled before it started")
            conn = self._started()
            self._request += 1
            request = self._request
            try:
                conn.send(("analyse", request, texts))
            except (OSError, ValueError):
                raise self._died() from None
            return self._answer(conn, request, progress, cancelled)
        finally:
            self._lock.release()

    def close(self, timeout: float = 2.0) -> None:
        """End the process (it finishes nothing it was doing); the next request would start another.
        A request still running (not cancelled) has its process killed; its caller gets EngineDied."""
        if self._lock.acquire(timeout=timeout):
            try:
                self._end(timeout)
            finally:
                self._lock.release()
            return
        process = self._process
        with contextlib.suppress(ValueError, AttributeError):  # ended meanwhile by its caller
            if process is not None:
                process.kill()

    # -- the app's side ------------------------------------------------------------------------------

    def _started(self) -> Connection:
        if self._process is not None and self._conn is not None and self._process.is_alive():
            return self._conn
        self._end(0)
        context = _context()
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs,), name="counterpoint-engine", daemon=True)
        process.start()  # blocks this (worker) thread while a forkserver starts; never the GUI's
        theirs.close()
        self._process, self._conn = process, ours
        self.starts += 1
        return ours

    def _answer(
        self,
        conn: Connection,
        request: int,
        progress: Callable[[int, int], object] | None,
        cancelled: Callable[[], bool] | None,
    ) -> Analysis:
        asked_to_stop: float | None = None
        while True:
            if conn.poll(POLL_SECONDS):
                try:
                    message = _received(conn)
                except (EOFError, OSError):
                    raise self._died() from None
                kind, about, *rest = message
                if about != request:
                    continue  # the late word of a request given up on
                if kind == "progress":
                    if progress is not None and asked_to_stop is None:
                        progress(*rest)
                    continue
                if kind == "done":
                    if asked_to_stop is not None:
                        raise AnalysisCancelled("the analysis was cancelled")
                    analysis: Analysis = rest[0]
                    return analysis
                if kind == "cancelled":
                    raise AnalysisCancelled("the analysis was cancelled")
                if kind == "too large":
                    raise InputTooLarge(rest[0])
                raise EngineFailed(rest[0])
            process = self._process
            if process is None or not process.is_alive():
                raise self._died()
            if asked_to_stop is None:
                if cancelled is not None and cancelled():
                    try:
                        conn.send(("cancel", request))
                    except (OSError, ValueError):
                        raise self._died() from None
                    asked_to_stop = time.monotonic()
            elif time.monotonic() - asked_to_stop > self.grace:
                self._end(0)  # still busy: a long analysis stops now, the next request starts afresh
                raise AnalysisCancelled("the analysis was cancelled")

    def _died(self) -> EngineDied:
        process = self._process
        code = None
        if process is not None:
            process.join(1.0)
            code = process.exitcode
        self._end(0)
        if code is not None and code < 0:
            try:
                how = f"was stopped by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was stopped by signal {-code}"
        elif code is not None:
            how = f"ended with exit code {code}"
        else:
            how = "stopped answering"
        return EngineDied(
            f"the analysis process {how} before it finished; the next analysis starts a new one"
        )

    def _end(self, timeout: float) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            if timeout > 0 and process is not None and process.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    conn.send(("quit", 0))
            conn.close()
        if process is None:
            return
        if timeout > 0:
            process.join(timeout)
        if process.is_alive():
            process.kill()
        process.join(5.0)
        process.close()


def _received(conn: Connection) -> tuple[Any, ...]:
    # An analysis unpickles into tens of thousands of objects: enough to set off a full collection that
    # walks everything the app holds, on whichever thread is unlucky. They hold no cycles; no collection.
    enabled = gc.isenabled()
    gc.disable()
    try:
        message: tuple[Any, ...] = conn.recv()
    finally:
        if enabled:
            gc.enable()
    return message


# -- the analysis process ---------------------------------------------------------------------------


def _serve(conn: Connection) -> None:
    """The process's loop: one request at a time until asked to quit or the parent is gone."""
    _exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is for the app, which ends us
    from counterpoint.engine import analyse  # loaded already where a forkserver preloaded it

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "quit":
            return
        if message[0] == "analyse":
            _, request, texts = message
            if not _answer_one(conn, analyse, request, texts):
                return


def _answer_one(conn: Connection, analyse: Callable[..., Analysis], request: int, texts: Any) -> bool:
    """Run one request and send its answer; False when told to quit meanwhile."""
    stop: list[str] = []

    def cancelled() -> bool:
        while not stop and conn.poll():
            kind, about = conn.recv()[:2]
            if kind == "quit" or (kind == "cancel" and about == request):
                stop.append(kind)
        return bool(stop)

    def progress(done: int, total: int) -> None:
        conn.send(("progress", request, done, total))

    try:
        analysis = analyse(texts, progress=progress, cancelled=cancelled)
        answer: tuple[Any, ...] = ("done", request, analysis)
    except AnalysisCancelled:
        answer = ("cancelled", request)
    except InputTooLarge as exc:
        answer = ("too large", request, str(exc))
    except Exception as exc:  # the app reports it; the traceback goes to stderr for whoever debugs
        traceback.print_exc()
        answer = ("error", request, f"{type(exc).__name__}: {exc}")
    try:
        conn.send(answer)
    except (OSError, ValueError):
        return False
    except Exception as exc:  # an answer that cannot be pickled
        traceback.print_exc()
        conn.send(("error", request, f"the answer could not be sent back ({type(exc).__name__}: {exc})"))
    return "quit" not in stop


def _exit_with_parent() -> None:
    """End this process when the one that started it ends, however it ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # waits on the parent's sentinel: readable once the parent has gone
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()
