"""Project-file benchmark (issue 16): libraries of 1k, 10k, 100k and 500k realistic statements (real sentences
recombined, benchmarks/sentences.py), each timed on the app's own paths beside its real floor, in this process:

- open: Project.open (checks, migrations, lock) against a bare sqlite3 connect and one query;
- search: what the library panel runs on its worker (store's statement_ids for what a user types, then
  count_statements) against a direct FTS5 query of the same words in the same order; p50 and p95 of each
  query's median over runs interleaved with the floor's;
- first page: statements(search=..., limit=200) against the direct FTS5 query of the same columns and LIMIT;
- add a statement / commit an annotation: the store's add_statement and add_annotation against a bare
  INSERT + COMMIT into the same file with synchronous=FULL (the triggers that keep the index fire too);
- list: `counterpoint list PROJECT` in a fresh process, output to /dev/null, against a fresh Python process
  that reads the same rows in the same order with sqlite3 and prints them; with each one's peak memory.

`--quick` (or COUNTERPOINT_BENCH_QUICK=1): 1k and 10k only. Prints one table per measure and the growth
exponent of each (the slope of log time against log size: 1.0 is linear).
"""

from __future__ import annotations

import math
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import report
from sentences import statement, statement_rows, typed_queries

from counterpoint.store import NewStatement, Project, TargetSpec, quote_fts

QUICK = "--quick" in sys.argv or os.environ.get("COUNTERPOINT_BENCH_QUICK") == "1"
SIZES = (1_000, 10_000) if QUICK else (1_000, 10_000, 100_000, 500_000)
SEARCHES = 40 if QUICK else 60
RUNS = 3
ORDER = " ORDER BY st.said_on IS NULL, st.said_on, st.id"
DIRECT = "SELECT st.id FROM statements st WHERE st.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)"
PAGE_FLOOR = (
    "SELECT st.id, st.speaker_id, sp.name, st.text, st.role, st.said_on, st.occasion, st.source_id, "
    "coalesce(so.title, ''), st.source_start, st.source_end, st.language "
    "FROM statements st JOIN speakers sp ON sp.id = st.speaker_id LEFT JOIN sources so ON so.id = st.source_id "
    "WHERE st.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)" + ORDER + " LIMIT 200"
)
# Each child reports its own peak memory (VmHWM) on stderr: a forked child's rusage starts from ours.
PEAK = "import atexit, sys; atexit.register(lambda: sys.stderr.write([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]))\n"
CLI_LIST = PEAK + "from counterpoint.cli import main; sys.exit(main(['list', sys.argv[1]]))\n"
FLOOR_LIST = (
    PEAK
    + r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
out = sys.stdout
for row in conn.execute(
    "SELECT st.id, st.said_on, sp.name, st.text FROM statements st JOIN speakers sp ON sp.id = st.speaker_id"
    " ORDER BY st.said_on IS NULL, st.said_on, st.id"
):
    out.write(f"{row[0]:>5}  {row[1] or 'undated'}  {row[2]}: {' '.join(row[3].split()[:12])}\n")
"""
)


FLOOR_NAMES = {
    "open the project": "sqlite3 connect + 1 query",
    "search (GUI path)": "direct FTS5, same order",
    "first 200 of a search": "direct FTS5 page, LIMIT 200",
    "add a statement": "INSERT+COMMIT, sync=FULL",
    "commit an annotation": "INSERT+COMMIT, sync=FULL",
    "counterpoint list (fresh process)": "sqlite3 rows, fresh python",
    "counterpoint list": "sqlite3 rows, fresh python",
}


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def percentile(samples: list[float], q: float) -> float:
    return sorted(samples)[min(len(samples) - 1, round(q * (len(samples) - 1)))]


def grow(path: Path, have: int, size: int, rng: random.Random) -> float:
    """Add statements to the library at `path` until it holds `size` (it holds `have`), and tagged
    contradictions with notes (size / 50 of them, at most 2,000); one library grows through every size."""
    started = time.perf_counter()
    with Project.open(path, create=have == 0) as project:
        project.add_statements(
            NewStatement(speaker, text, role=role, said_on=when, occasion=occasion)
            for speaker, role, text, when, occasion in statement_rows(rng, size - have)
        )
        with project.transaction():
            comparison = project.add_comparison("Benchmark", [1, 2])
            for n in range(min(have // 50, 2_000), min(size // 50, 2_000)):  # searched too
                a, b = rng.randrange(1, size + 1), rng.randrange(1, size + 1)
                if a == b:
                    continue
                project.add_annotation(
                    [TargetSpec(a, 0, 3), TargetSpec(b, 0, 3)],
                    comparison_id=comparison if n % 5 == 0 else None,
                    relation="contradicts",
                    verdict="contradiction",
                    note=statement(rng),
                    tags=[f"tag {n % 40}"],
                )
    return time.perf_counter() - started


def run_child(argv: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of a fresh process, its output thrown away."""
    started = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        done = subprocess.run(argv, stdout=devnull, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    peak = [line for line in done.stderr.splitlines() if line.startswith("VmHWM")]
    if done.returncode or not peak:
        raise SystemExit(f"{argv[:4]} failed: {done.stderr[-2000:]}")
    return elapsed, int(peak[-1].split()[1]) / 1024


def measure(path: Path, size: int, rng: random.Random) -> dict[str, tuple[float, float]]:
    """Each measure's (result, floor) in seconds (MB for memory)."""
    results: dict[str, tuple[float, float]] = {}
    opens = [timed(lambda: Project.open(path, lock=False).close()) for _ in range(7)]
    bare = [
        timed(lambda: sqlite3.connect(path).execute("SELECT count(*) FROM speakers").fetchone())
        for _ in range(7)
    ]
    results["open the project"] = (statistics.median(opens), statistics.median(bare))

    project = Project.open(path, lock=False)
    # fewer searches and runs on the big libraries, so that make bench stays under 10 minutes
    searches = SEARCHES if size < 100_000 else 30 if size < 100_001 else 20
    repeats = RUNS if size < 100_000 else 2
    queries = [q for q in typed_queries(rng, searches * 2) if quote_fts(q)][:searches]
    gui, floor, page, page_floor = [], [], [], []
    for query in queries:
        match = quote_fts(query)
        runs: dict[str, list[float]] = {"gui": [], "floor": [], "page": [], "page_floor": []}
        for _ in range(repeats):  # interleaved, so a neighbour's load hits both sides alike
            runs["gui"].append(
                timed(lambda q=query: (project.statement_ids(search=q), project.count_statements()))
            )
            runs["floor"].append(timed(lambda m=match: project.conn.execute(DIRECT + ORDER, [m]).fetchall()))
            runs["page"].append(timed(lambda q=query: project.statements(search=q, limit=200)))
            runs["page_floor"].append(timed(lambda m=match: project.conn.execute(PAGE_FLOOR, [m]).fetchall()))
        gui.append(statistics.median(runs["gui"]))
        floor.append(statistics.median(runs["floor"]))
        page.append(statistics.median(runs["page"]))
        page_floor.append(statistics.median(runs["page_floor"]))
    results["search (GUI path), p50"] = (statistics.median(gui), statistics.median(floor))
    results["search (GUI path), p95"] = (percentile(gui, 0.95), percentile(floor, 0.95))
    results["first 200 of a search, p50"] = (statistics.median(page), statistics.median(page_floor))
    results["first 200 of a search, p95"] = (percentile(page, 0.95), percentile(page_floor, 0.95))
    project.close()

    writer = Project.open(path)
    speaker_id = writer.ensure_speaker("Benchmark Speaker")
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA journal_mode = WAL")

    def insert_commit() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO statements (speaker_id, text) VALUES (?, ?)", [speaker_id, statement(rng)])
        raw.execute("COMMIT")

    adds, notes, floors = [], [], []
    for _ in range(20):  # interleaved, so a WAL checkpoint or a neighbour's load falls on both sides alike
        adds.append(timed(lambda: writer.add_statement("Benchmark Speaker", statement(rng))))
        floors.append(timed(insert_commit))
        notes.append(
            timed(
                lambda: writer.add_annotation([TargetSpec(1, 0, 3), TargetSpec(2, 0, 3)], note=statement(rng))
            )
        )
        floors.append(timed(insert_commit))
    raw.close()
    writer.close()
    results["add a statement, median"] = (statistics.median(adds), statistics.median(floors))
    results["commit an annotation, median"] = (statistics.median(notes), statistics.median(floors))

    children = 2 if size < 100_000 else 1
    lists = [run_child([sys.executable, "-c", CLI_LIST, str(path)]) for _ in range(children)]
    list_floor = [run_child([sys.executable, "-c", FLOOR_LIST, str(path)]) for _ in range(children)]
    results["counterpoint list (fresh process)"] = (
        min(t for t, _ in lists),
        min(t for t, _ in list_floor),
    )
    results["counterpoint list, peak MB"] = (
        max(m for _, m in lists),
        max(m for _, m in list_floor),
    )
    return results


def exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(v, 1e-9)) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    rng = random.Random(16)
    table: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.counterpoint"
        have = 0
        for size in SIZES:
            took = grow(path, have, size, rng)
            print(
                f"grew the library to {size:,} statements (bulk add_statements, annotations one by one) "
                f"in {took:.1f} s",
                flush=True,
            )
            have = size
            table[size] = measure(path, size, rng)

    def shown(name: str, value: float) -> str:
        return f"{value:.0f} MB" if "MB" in name else f"{value * 1000:.1f} ms"

    names = list(next(iter(table.values())))
    for name in names:
        for size in SIZES:
            value, floor = table[size][name]
            report.record(
                "store",
                name + (" [<= 1.5x]" if name.startswith("search") else ""),
                size,
                value,
                floor,
                unit="MB" if "MB" in name else "s",
                floor_name=FLOOR_NAMES.get(name.split(",")[0], ""),
            )
    print(f"\n{'measure':<36}{'size':>9}{'result':>12}{'floor':>12}{'ratio':>8}")
    for name in names:
        for size in SIZES:
            value, floor = table[size][name]
            print(
                f"{name:<36}{size:>9,}{shown(name, value):>12}{shown(name, floor):>12}{value / floor:>8.2f}"
            )
    print(f"\n{'growth exponent (1.0 = linear)':<36}{'result':>12}{'floor':>12}")
    for name in names:
        if "MB" in name:
            continue
        sizes = list(SIZES)
        print(
            f"{name:<36}{exponent(sizes, [table[s][name][0] for s in sizes]):>12.2f}"
            f"{exponent(sizes, [table[s][name][1] for s in sizes]):>12.2f}"
        )
    print("targets: search on the GUI path within 1.5x of direct FTS5 (p50 and p95) at 10k, 100k and 500k.")
    print(
        "searches: 1-3 words of a real sentence, the last one often half typed (60 of them; 30 at 100k, 20 at "
        "500k); each the median of 3 runs (2 from 100k)."
    )


if __name__ == "__main__":
    main()
