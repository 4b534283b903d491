"""The analysis process (issue 16 point 1): the engine runs outside the app's process, gives the same
analysis, passes progress on, stops promptly when cancelled, says so when its process dies and starts
another, and never outlives the process that started it (nor does anything it started)."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counterpoint.app.engine_process import EngineDied, EngineFailed, EngineProcess
from counterpoint.engine import MAX_CHARS, AnalysisCancelled, InputTooLarge, analyse
from counterpoint.store import Project
from counterpoint.store.sample import write_sample

TESTS = Path(__file__).resolve().parents[1]
SHORT = ["We will raise taxes on the rich. It is fair.", "We will not raise taxes. It is unfair."]
linux_only = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")


# Long enough that reading one text takes the engine well over a second on a fast machine (20,000 words took
# 0.7 s on one, and the process finished before the test could cancel or close it).
LONG_WORDS = 100_000


def long_pair(words: int) -> list[str]:
    """A long document and a report on it, from real sentences (tests/ui/long_texts.py)."""
    spec = importlib.util.spec_from_file_location("long_texts", TESTS / "ui" / "long_texts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.document_and_report(words, 7))


@pytest.fixture
def engine() -> Iterator[EngineProcess]:
    process = EngineProcess()
    yield process
    process.close()


def running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return "\nState:\tZ" not in status


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = next(x for x in (entry / "status").read_text().splitlines() if x.startswith("PPid:"))
            except (OSError, StopIteration):
                continue
            parents[int(entry.name)] = int(line.split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_the_analysis_comes_from_another_process_and_equals_the_engines(engine: EngineProcess) -> None:
    assert engine.pid is None  # started lazily, by the first request
    seen: list[tuple[int, int]] = []
    result = engine.analyse(SHORT, progress=lambda done, total: seen.append((done, total)))
    assert result == analyse(SHORT)
    assert engine.pid is not None and engine.pid != os.getpid()
    assert seen[-1] == (3, 3) and seen[0] == (0, 3)  # two texts read, one pair compared
    first = engine.pid
    assert engine.analyse(SHORT[::-1]) == analyse(SHORT[::-1])
    assert engine.pid == first and engine.starts == 1  # kept for the next request


def test_a_text_over_the_limit_is_refused_as_the_engine_refuses_it(engine: EngineProcess) -> None:
    with pytest.raises(InputTooLarge):
        engine.analyse(["x" * (MAX_CHARS + 1), "y"])
    assert engine.analyse(SHORT).texts == tuple(SHORT)


def test_an_exception_in_the_engine_is_named_and_the_process_goes_on(engine: EngineProcess) -> None:
    with pytest.raises(EngineFailed, match=r"^TypeError: text 0 is NoneType, not str$"):
        engine.analyse([None, "x"])  # type: ignore[list-item]
    first = engine.pid
    assert engine.analyse(SHORT) == analyse(SHORT) and engine.pid == first


def test_a_cancel_during_a_long_analysis_ends_it_at_once_and_the_next_starts_afresh(
    engine: EngineProcess,
) -> None:
    engine.analyse(SHORT)
    busy = engine.pid
    assert busy is not None
    texts = long_pair(LONG_WORDS)
    stop = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:  # the first text is read; the engine has the second and the pair still to do
            stop.set()

    with pytest.raises(AnalysisCancelled):
        engine.analyse(texts, progress=progress, cancelled=stop.is_set)
    # The engine looks at its cancel hook only between texts: the process doing it was ended, not waited for.
    assert not running(busy)
    assert (3, 3) not in seen
    assert engine.analyse(SHORT) == analyse(SHORT)
    assert engine.starts == 2 and engine.pid != busy


def test_a_cancel_before_the_start_sends_nothing(engine: EngineProcess) -> None:
    with pytest.raises(AnalysisCancelled):
        engine.analyse(SHORT, cancelled=lambda: True)
    assert engine.pid is None and engine.starts == 0


@linux_only
def test_a_process_that_dies_is_reported_and_replaced(engine: EngineProcess) -> None:
    texts = long_pair(LONG_WORDS)
    engine.analyse(SHORT)
    victim = engine.pid
    assert victim is not None
    threading.Timer(0.3, os.kill, (victim, signal.SIGKILL)).start()
    with pytest.raises(EngineDied, match="the analysis process was stopped by SIGKILL before it finished"):
        engine.analyse(texts)
    assert engine.analyse(SHORT) == analyse(SHORT)
    assert engine.pid not in (None, victim)


def test_close_ends_the_process(engine: EngineProcess) -> None:
    engine.analyse(SHORT)
    pid = engine.pid
    assert pid is not None
    engine.close()
    assert engine.pid is None
    if Path("/proc").exists():
        assert not running(pid)


def test_close_during_a_request_ends_it_and_its_caller_is_told(engine: EngineProcess) -> None:
    texts = long_pair(LONG_WORDS)
    engine.analyse(SHORT)
    busy = engine.pid
    assert busy is not None
    outcome: list[Exception] = []
    reading = threading.Event()

    def progress(done: int, _total: int) -> None:
        if done == 1:
            reading.set()

    def ask() -> None:
        try:
            engine.analyse(texts, progress=progress)
        except Exception as exc:  # the test looks at what the caller got
            outcome.append(exc)

    caller = threading.Thread(target=ask)
    caller.start()
    assert reading.wait(30)
    engine.close(timeout=0.5)  # the request is not cancelled: the process is killed under it
    caller.join(10)
    assert not caller.is_alive() and not running(busy)
    assert len(outcome) == 1 and isinstance(outcome[0], EngineDied)


PARENT = textwrap.dedent("""
    import importlib.util, sys
    from counterpoint.app.engine_process import EngineProcess

    if __name__ == "__main__":
        spec = importlib.util.spec_from_file_location("long_texts", sys.argv[1])
        long_texts = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(long_texts)
        texts = long_texts.document_and_report(100_000)  # the engine needs far longer than the test waits
        engine = EngineProcess()
        engine.analyse(["We will.", "We will not."])
        print(engine.pid, flush=True)
        # Killed while the pair is compared, the longest stretch with no progress to send (a send to a
        # dead parent would end the process anyway).
        engine.analyse(texts, progress=lambda done, total: done == 2 and print("comparing", flush=True))
""")


@linux_only
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_nothing_outlives_a_parent_that_is_killed(tmp_path: Path, how: signal.Signals) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    parent = subprocess.Popen(
        [sys.executable, str(script), str(TESTS / "ui" / "long_texts.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        engine_pid = int(parent.stdout.readline())
        assert parent.stdout.readline() == "comparing\n"
        started = descendants(parent.pid)
        assert engine_pid in started
        parent.send_signal(how)
        parent.wait(10)
        # At once, not when the comparison is done: without its watch on the parent, the process went on
        # for another 8 s here before a send to the dead parent failed.
        assert wait_for(lambda: not any(running(pid) for pid in started), 3), [
            Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ") for pid in started if running(pid)
        ]
    finally:
        parent.kill()
        parent.wait()


@linux_only
def test_the_app_leaves_no_process_behind_when_terminated(tmp_path: Path) -> None:
    """`counterpoint PROJECT` analyses the comparison it opens in a process of its own; SIGTERM to the app
    ends that process, its forkserver and the resource tracker too."""
    path = tmp_path / "sample.counterpoint"
    with Project.open(path, create=True) as project:
        write_sample(project)
    app = subprocess.Popen(
        [sys.executable, "-m", "counterpoint", str(path)],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The analysis process is a grandchild (the forkserver's child) once the first analysis has run.
        def analysing() -> bool:
            found = descendants(app.pid)
            return any(descendants(pid) for pid in found)

        assert wait_for(analysing, 60), "the app never started its analysis process"
        started = descendants(app.pid)
        app.terminate()
        app.wait(10)
        assert wait_for(lambda: not any(running(pid) for pid in started), 10)
    finally:
        app.kill()
        app.wait()
