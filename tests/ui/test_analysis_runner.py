"""The window's analysis runner with the engine in a process of its own (issue 16 point 1): results, a
cancel or a newer request that ends a long analysis at once, a dead process reported in words and
replaced, and no process left once the window has closed."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from long_texts import document_and_report

from counterpoint.engine import analyse
from counterpoint.store import Project
from counterpoint.store.sample import write_sample
from counterpoint.ui.workers import AnalysisRunner

SHORT = ["We will raise taxes on the rich. It is fair.", "We will not raise taxes. It is unfair."]


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped (Linux: /proc; elsewhere: a signal 0)."""
    status = Path(f"/proc/{pid}/status")
    if Path("/proc/self/status").exists():
        return status.exists() and "\nState:\tZ" not in status.read_text()
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


@pytest.fixture
def runner(qtbot: Any) -> Iterator[AnalysisRunner]:
    made = AnalysisRunner()
    yield made
    made.close()


def analysed(qtbot: Any, runner: AnalysisRunner, texts: list[str]) -> Any:
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        runner.analyse(texts)
    return blocker.args[1]


def long_analysis_under_way(qtbot: Any, runner: AnalysisRunner) -> tuple[int, list[Any]]:
    """After a short analysis (so the process exists), a long one that has read its first text: the process's pid
    and the list every later result is appended to."""
    analysed(qtbot, runner, SHORT)
    busy = runner.engine.pid
    assert busy is not None
    finished: list[Any] = []
    runner.finished.connect(lambda _g, analysis: finished.append(analysis))
    with qtbot.waitSignal(runner.progress, timeout=30_000, check_params_cb=lambda done, _total: done == 1):
        runner.analyse(list(document_and_report(20_000)))
    return busy, finished


def test_the_analysis_is_made_in_another_process(qtbot: Any, runner: AnalysisRunner) -> None:
    assert analysed(qtbot, runner, SHORT) == analyse(SHORT)
    assert runner.engine.pid not in (None, os.getpid())
    assert not runner.busy


def test_cancel_ends_a_long_analysis_and_the_next_one_runs(qtbot: Any, runner: AnalysisRunner) -> None:
    busy, finished = long_analysis_under_way(qtbot, runner)
    with qtbot.waitSignal(runner.cancelled):
        runner.cancel()
    assert runner.wait(10_000)  # the worker thread is free again: it did not wait out the engine
    assert finished == []
    # Either the process stopped at one of the engine's checkpoints within the grace and stays for the next
    # request, or it did not and was ended; which one depends on the machine's speed, never a result.
    kept = running(busy)
    assert runner.engine.pid == (busy if kept else None)
    assert analysed(qtbot, runner, SHORT) == analyse(SHORT)
    assert runner.engine.starts == (1 if kept else 2)


def test_a_newer_request_replaces_a_long_one(qtbot: Any, runner: AnalysisRunner) -> None:
    busy, finished = long_analysis_under_way(qtbot, runner)
    assert analysed(qtbot, runner, SHORT[::-1]) == analyse(SHORT[::-1])
    assert runner.wait(10_000)
    assert [a.texts for a in finished] == [tuple(SHORT[::-1])]  # the long one never reported
    # the long one's process stopped at a checkpoint and answered the new request, or it was ended
    if running(busy):
        assert runner.engine.pid == busy
    else:
        assert runner.engine.pid not in (None, busy)


def test_a_process_that_dies_is_reported_in_words_and_replaced(qtbot: Any, runner: AnalysisRunner) -> None:
    analysed(qtbot, runner, SHORT)
    victim = runner.engine.pid
    assert victim is not None
    with qtbot.waitSignal(runner.progress, timeout=30_000, check_params_cb=lambda done, _total: done == 1):
        runner.analyse(list(document_and_report(20_000)))
    with qtbot.waitSignal(runner.failed, timeout=10_000) as blocker:
        os.kill(victim, signal.SIGKILL)
    assert blocker.args[1] == (
        "the analysis process was stopped by SIGKILL before it finished; the next analysis starts a new one"
    )
    assert not runner.busy
    assert analysed(qtbot, runner, SHORT) == analyse(SHORT)
    assert runner.engine.pid not in (None, victim)


def test_closing_the_window_ends_its_analysis_process(qtbot: Any, open_window: Any, tmp_path: Path) -> None:
    path = tmp_path / "sample.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    window = open_window(path)
    qtbot.waitUntil(lambda: window.analysis.runner.engine.pid is not None, timeout=30_000)
    pid = window.analysis.runner.engine.pid
    qtbot.waitUntil(lambda: not window.analysis.pending, timeout=30_000)
    window.close()
    assert not running(pid)
