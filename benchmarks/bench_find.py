"""`find` at scale (issue 14): a generated project of 100,000 statements.

For a dozen statements drawn from the project: the time to the first ten results and to all results (the
topic search plus the engine on every candidate), through app.find's stream, as the CLI and the app use it.
Baseline, same process: a brute-force scan, the engine on the statement against every statement of the
project. It takes minutes per question, so it runs on a random sample of statements and is scaled to the
whole project (printed as such); the ratio is brute force / find.

Then the app: the main window on the same project, Find contradictions run from it, with a 5 ms timer on
the GUI thread recording the longest gap between its ticks (how long the GUI thread was blocked) and the
process's resident memory sampled on each tick, against the window's own memory before the search.

Targets (issue 14): first ten within 1 s, all within 3 s, GUI thread never blocked over 50 ms, memory
within 300 MB above the app's baseline. They are printed beside the results, not asserted.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import report

HERE = Path(__file__).resolve().parent
# --quick (COUNTERPOINT_BENCH_QUICK=1): 10,000 statements, fewer questions, for development
QUICK = "--quick" in sys.argv or os.environ.get("COUNTERPOINT_BENCH_QUICK") == "1"
STATEMENTS = 10_000 if QUICK else 100_000
QUESTIONS = 6 if QUICK else 8
BRUTE_SAMPLE = 500 if QUICK else 700  # statements the brute-force baseline really compares, per question
BRUTE_QUESTIONS = 1 if QUICK else 2


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def build(path: Path) -> None:
    # In a child process: the generator's memory must not count in the app's baseline.
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); from corpus import build_project; "
        "build_project(Path(sys.argv[2]), int(sys.argv[3]))"
    )
    subprocess.run([sys.executable, "-c", code, str(HERE), str(path), str(STATEMENTS)], check=True)


def time_find(path: Path, ids: list[int]) -> tuple[list[float], list[float], list[int]]:
    from counterpoint.app.find import find_iter, question
    from counterpoint.store import Project

    firsts, alls, counts = [], [], []
    with Project.open(path, lock=False) as project:
        for statement_id in ids:
            started = time.perf_counter()
            first = None
            results = 0
            asked = question(project, statement_id)
            for step in find_iter(project, asked):
                if step.result is not None:
                    results += 1
                    if results == 10:
                        first = time.perf_counter() - started
            total = time.perf_counter() - started
            firsts.append(first if first is not None else total)
            alls.append(total)
            counts.append(results)
    return firsts, alls, counts


def time_brute_force(path: Path, ids: list[int]) -> float:
    """Seconds per question for the engine against all STATEMENTS statements (scaled from a sample)."""
    from counterpoint import engine
    from counterpoint.store import Project

    rng = random.Random(5)
    per_question = []
    with Project.open(path, lock=False) as project:
        for statement_id in ids:
            text = project.statement(statement_id).text
            sample = project.statements(ids=rng.sample(range(1, STATEMENTS + 1), BRUTE_SAMPLE))
            started = time.perf_counter()
            for other in sample:
                if other.id != statement_id:
                    engine.analyse([text, other.text])
            per_question.append((time.perf_counter() - started) * STATEMENTS / len(sample))
    return statistics.median(per_question)


def gui_run(path: Path, ids: list[int]) -> tuple[float, float, float, list[float]]:
    """The longest GUI-thread gap (ms), the memory before and at most during the searches (MB), each
    search's wall time in the app (s)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from counterpoint.store import Project
    from counterpoint.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Project.open(path), settings)
    window.show()
    deadline = time.perf_counter() + 20
    while window.library.busy and time.perf_counter() < deadline:
        app.processEvents()
    for _ in range(50):
        app.processEvents()
    baseline = rss_mb()
    peak = baseline
    longest = 0.0
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        nonlocal longest, peak
        now = clock.elapsed()
        longest = max(longest, now - last[0])
        last[0] = now
        peak = max(peak, rss_mb())

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    finder = window.find_contradictions
    loop = QEventLoop()
    finder.panel.runner.finished.connect(lambda _cancelled: loop.quit())
    finder.panel.runner.failed.connect(lambda _message: loop.quit())
    walls = []
    for statement_id in ids:
        finder.find(statement_id)
        last[0] = clock.elapsed()
        longest_before = longest
        timer.start()
        started = time.perf_counter()
        if finder.panel.busy:
            loop.exec()  # the app's own event loop, as a user has it, until the search ends
        walls.append(time.perf_counter() - started)
        timer.stop()
        assert longest >= longest_before
    window.close()
    return longest, baseline, peak, walls


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.counterpoint"
        started = time.perf_counter()
        build(path)
        print(f"generated {STATEMENTS:,} statements in {time.perf_counter() - started:.1f} s")
        ids = random.Random(3).sample(range(1, STATEMENTS + 1), QUESTIONS)

        from counterpoint.engine import analyse

        analyse(["warm the lexicons up.", "and the ranker."])
        firsts, alls, counts = time_find(path, ids)
        brute = time_brute_force(path, ids[:BRUTE_QUESTIONS])
        longest, baseline, peak, walls = gui_run(path, ids[:4])

    def s(value: float) -> str:
        return f"{value:.2f} s"

    p95 = sorted(alls)[min(len(alls) - 1, round(0.95 * (len(alls) - 1)))]
    print(f"{QUESTIONS} questions; results each (median): {statistics.median(counts):.0f}")
    print(f"{'measure':<40}{'result':>11}{'baseline':>12}{'ratio':>9}{'target':>9}")
    print(f"{'first ten results, median':<40}{s(statistics.median(firsts)):>11}{'':>12}{'':>9}{'1 s':>9}")
    print(f"{'first ten results, worst':<40}{s(max(firsts)):>11}{'':>12}{'':>9}{'1 s':>9}")
    print(
        f"{'all results, median':<40}{s(statistics.median(alls)):>11}{s(brute):>12}"
        f"{brute / statistics.median(alls):>8.0f}x{'3 s':>9}"
    )
    print(f"{'all results, p95':<40}{s(p95):>11}{'':>12}{'':>9}{'3 s':>9}")
    print(f"{'all results in the app, worst':<40}{s(max(walls)):>11}{'':>12}{'':>9}{'3 s':>9}")
    print(f"{'GUI thread blocked, longest':<40}{longest:>8.0f} ms{'':>12}{'':>9}{'50 ms':>9}")
    print(
        f"{'memory above the app before the search':<40}{peak - baseline:>8.0f} MB{baseline:>9.0f} MB"
        f"{'':>9}{'300 MB':>9}"
    )
    print(
        f"baseline for 'all results': the engine on the statement against every one of the {STATEMENTS:,} "
        f"statements, timed on {BRUTE_SAMPLE:,} random ones and scaled (median of {BRUTE_QUESTIONS} questions)."
    )
    print("memory baseline: the main window's resident memory with the project open, before any search.")
    record = report.record
    record("find", "first ten results, median", STATEMENTS, statistics.median(firsts), target=1.0)
    record("find", "first ten results, worst", STATEMENTS, max(firsts), target=1.0)
    record(
        "find",
        "all results, median",
        STATEMENTS,
        statistics.median(alls),
        brute,
        floor_name="brute force",
        target=3.0,
    )
    record("find", "all results, p95", STATEMENTS, p95, target=3.0)
    record("find", "all results in the app, worst", STATEMENTS, max(walls), target=3.0)
    record("find", "GUI thread blocked, longest", STATEMENTS, longest / 1000, target=0.05)
    record("find", "memory above the app before", STATEMENTS, peak - baseline, unit="MB", target=300)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
