"""Benchmark a speaker's record (issue 14 part 2): one speaker's 300 statements among 5,000 others' (real
sentences recombined, benchmarks/sentences.py), gathered alone, with the engine asked about consecutive
pairs, and about any two sharing words (app/record.py: RECORD_POOL candidates each).

Run alone: `python benchmarks/bench_record.py [--statements N]`. Reports seconds, pairs scored and the time
per pair (the engine's share), measured in this process.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentences import statement

from counterpoint.app import record as recording
from counterpoint.store import NewStatement, Project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--others", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(3)
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.open(Path(folder) / "b.counterpoint", create=True) as project,
    ):
        rows = [
            NewStatement(
                "Speaker One",
                statement(rng),
                said_on=f"20{10 + i % 14:02d}-0{1 + i % 9}-1{i % 9}" if i % 10 else None,
            )
            for i in range(args.statements)
        ]
        rows += [
            NewStatement(f"Other {i % 50}", statement(rng), said_on="2020-01-01") for i in range(args.others)
        ]
        project.add_statements(rows)
        for find in ("", "consecutive", "any"):
            scored: list[int] = []
            start = time.perf_counter()
            record = recording.speaker_record(
                project,
                "Speaker One",
                find=find,
                progress=lambda _done, total, seen=scored: seen.append(total),
            )
            elapsed = time.perf_counter() - start
            pairs = scored[-1] if scored else 0
            per_pair = f", {1000 * elapsed / pairs:.1f} ms a pair" if pairs else ""
            print(
                f"record, engine {find or 'not asked':11s}: {len(record.statements)} statements, "
                f"{pairs} pairs scored, {len(record.marks)} marks, {elapsed:.2f} s{per_pair}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
