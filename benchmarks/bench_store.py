"""Project-file benchmark: full-text search over 100,000 statements, against a LIKE scan baseline
(same order and limit)
run on the same file, and the cost of one committed edit (the app commits every edit)."""

from __future__ import annotations

import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from counterpoint.store import Project, TargetSpec

WORDS = [
    "police",
    "officers",
    "law",
    "lawful",
    "force",
    "careful",
    "community",
    "policing",
    "crime",
    "suspects",
    "custody",
    "rights",
    "directive",
    "joke",
    "misconduct",
    "responsible",
    "violate",
    "defend",
    "prosecute",
    "nice",
    "rough",
    "wagon",
    "thugs",
    "gang",
    "budget",
    "tax",
    "jobs",
    "growth",
    "border",
    "security",
    "health",
    "care",
    "climate",
    "energy",
    "schools",
]
QUERIES = ["lawful", "police misconduct", "rough wag", "directive joke", 'NEAR( "custody', "tax"]


def build(path: Path, count: int) -> Project:
    project = Project.open(path, create=True)
    rng = random.Random(7)
    # A Zipf-like vocabulary: the policy words above, then 20,000 rarer ones, as in real text.
    vocabulary = WORDS + [f"w{i}" for i in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 5) for rank in range(len(vocabulary))))
    speakers = [project.ensure_speaker(f"Speaker {i}") for i in range(200)]
    rows = (
        (
            rng.choice(speakers),
            " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(12, 60))),
            f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        )
        for _ in range(count)
    )
    with project.transaction():
        project.conn.executemany("INSERT INTO statements (speaker_id, text, said_on) VALUES (?, ?, ?)", rows)
    return project


def timed(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        project = build(Path(folder) / "bench.counterpoint", 100_000)
        print(f"built 100,000 statements in {time.perf_counter() - started:.1f} s")
        print(f"{'query':<22} {'FTS (ms)':>9} {'LIKE scan (ms)':>15} {'ratio':>7}")
        for query in QUERIES:
            fts = timed(lambda q=query: project.statements(search=q, limit=500))
            word = query.split()[0].strip('"(')
            like = timed(
                lambda w=word: project.execute(
                    "SELECT id FROM statements WHERE text LIKE ? ORDER BY said_on LIMIT 500", [f"%{w}%"]
                ).fetchall()
            )
            print(f"{query:<22} {fts * 1000:>9.1f} {like * 1000:>15.1f} {fts / like:>7.2f}")
        a, b = (s.id for s in project.statements(limit=2))
        edit = timed(
            lambda: project.add_annotation([TargetSpec(a, 0, 5), TargetSpec(b, 0, 5)], note="n"), repeat=50
        )
        select = timed(lambda: project.statement(a), repeat=50)
        print(f"one committed annotation: {edit * 1000:.2f} ms ({edit / select:.0f}× a single-row read)")
        project.close()


if __name__ == "__main__":
    main()
