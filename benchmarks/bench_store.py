"""Project-file benchmark (issue 2): a generated project of 100,000 statements and 20,000 annotations.

Measures the time to open it, the median and p95 of 100 full-text searches (words a user would type,
drawn from the statements themselves, one to three words, the last one still being typed), and the
median time to commit one annotation. Baselines, run on the same file in the same process: a bare
sqlite3 connect + one query (for opening), a LIKE scan for the same first word (for searching), and a
single-row read (for committing).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import build_project

from counterpoint.store import Project, TargetSpec

STATEMENTS = 100_000
ANNOTATIONS = 20_000
SEARCHES = 100


def queries(path: Path) -> list[str]:
    rng = random.Random(11)
    conn = sqlite3.connect(path)
    texts = [row[0] for row in conn.execute("SELECT text FROM statements ORDER BY random() LIMIT 200")]
    conn.close()
    chosen = []
    for _ in range(SEARCHES):
        words = rng.choice(texts).split()
        start = rng.randrange(len(words))
        phrase = words[start : start + rng.randint(1, 3)]
        phrase[-1] = phrase[-1][: max(2, rng.randint(2, len(phrase[-1])))]  # still typing the last word
        chosen.append(" ".join(phrase))
    return chosen


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def percentile(samples: list[float], q: float) -> float:
    return sorted(samples)[min(len(samples) - 1, round(q * (len(samples) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.counterpoint"
        started = time.perf_counter()
        build_project(path, STATEMENTS, ANNOTATIONS)
        print(
            f"generated {STATEMENTS:,} statements and {ANNOTATIONS:,} annotations in {time.perf_counter() - started:.1f} s"
        )

        opens = []
        for _ in range(7):
            opens.append(timed(lambda: Project.open(path).close()))
        bare = statistics.median(
            timed(lambda: sqlite3.connect(path).execute("SELECT count(*) FROM speakers").fetchone())
            for _ in range(7)
        )
        project = Project.open(path)
        typed = queries(path)
        searches = [timed(lambda q=q: project.statements(search=q, limit=200)) for q in typed]
        likes = [
            timed(
                lambda q=q: project.execute(
                    "SELECT id FROM statements WHERE text LIKE ? ORDER BY said_on LIMIT 200",
                    [f"%{q.split()[0]}%"],
                ).fetchall()
            )
            for q in typed
        ]
        a, b = 10, 20
        commits = [
            timed(lambda: project.add_annotation([TargetSpec(a, 0, 5), TargetSpec(b, 0, 5)], note="n"))
            for _ in range(100)
        ]
        reads = [timed(lambda: project.statement(a)) for _ in range(100)]
        project.close()

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    open_median = statistics.median(opens)
    search_median, search_p95 = statistics.median(searches), percentile(searches, 0.95)
    commit_median = statistics.median(commits)
    print(f"{'measure':<34}{'result':>11}{'baseline':>11}{'ratio':>8}{'target':>10}")
    print(
        f"{'open the project':<34}{ms(open_median):>11}{ms(bare):>11}{open_median / bare:>8.1f}{'300 ms':>10}"
    )
    print(
        f"{'search, median':<34}{ms(search_median):>11}{ms(statistics.median(likes)):>11}"
        f"{search_median / statistics.median(likes):>8.2f}"
    )
    print(
        f"{'search, p95':<34}{ms(search_p95):>11}{ms(percentile(likes, 0.95)):>11}"
        f"{search_p95 / percentile(likes, 0.95):>8.2f}{'20 ms':>10}"
    )
    print(
        f"{'commit one annotation, median':<34}{ms(commit_median):>11}{ms(statistics.median(reads)):>11}"
        f"{commit_median / statistics.median(reads):>8.1f}{'5 ms':>10}"
    )
    print("baselines: bare sqlite3 connect + one query; LIKE scan for the first word, same order and limit;")
    print("           a single-row read. Searches: 1-3 words from the statements, the last one half typed.")


if __name__ == "__main__":
    main()
