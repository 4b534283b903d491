"""Import at scale (issue 15 point 2): reading a document and finding its statements, against the stage time
limit, on news copy (the invented articles of tests/ingest/news, repeated) up to MAX_TEXT_CHARS, and on the
adversarial inputs that were once quadratic, at two sizes four times apart (the growth exponent should stay
near 1). Floor, same process: one pass of a regular expression over the same text (str scanning in C).

Printed, not asserted: the time limit (ingest.deadline.STAGE_TIME_LIMIT) is the target of each stage.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import report

HERE = Path(__file__).resolve().parent
QUICK = "--quick" in sys.argv or os.environ.get("COUNTERPOINT_BENCH_QUICK") == "1"
NEWS = HERE.parent / "tests" / "ingest" / "news"


def best_of(runs: int, job: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    from counterpoint.ingest import MAX_TEXT_CHARS, document_from_bytes
    from counterpoint.ingest.deadline import STAGE_TIME_LIMIT
    from counterpoint.ingest.proposals import propose_statements

    base = "\n\n".join(p.read_text("utf-8") for p in sorted(NEWS.glob("*.txt")))
    sizes = [300_000, 1_000_000] if QUICK else [300_000, 1_000_000, MAX_TEXT_CHARS]
    print(f"stage time limit {STAGE_TIME_LIMIT:g} s; news copy repeated to each size")
    print(f"{'case':44} {'chars':>10} {'read s':>8} {'search s':>9} {'floor s':>8}")
    word = re.compile(r"\w+")
    for size in sizes:
        text = ((base + "\n\n") * (size // len(base) + 1))[:size]
        data = text.encode("utf-8")
        read = best_of(1, lambda d=data: document_from_bytes(d, "news.txt"))
        document = document_from_bytes(data, "news.txt")
        search = best_of(1, lambda doc=document: propose_statements(doc))
        floor = best_of(3, lambda t=text: sum(1 for _ in word.finditer(t)))
        print(f"{'news copy':44} {size:10,} {read:8.2f} {search:9.2f} {floor:8.3f}")
        report.record("import", "news copy: read + search", size, read + search, floor,
                      floor_name="regex pass", target=STAGE_TIME_LIMIT)  # fmt: skip
    adversarial = {
        "nested unclosed <article> (html)": ("a.html", "<html><body>", "<article>a"),
        "full stops (text)": ("s.txt", "Words.\n", "."),
        "run-on sentence of names (text)": ("n.txt", "", "Aa Bb said "),
        "'\"a ' (text)": ("q.txt", "", '"a '),
        "curly and straight quotes mixed (text)": ("m.txt", "", "“a\" \"a” ‘a' 'a’ "),
        "speaker labels (transcript)": ("t.txt", "", "MR. A: a. B: b  C: c\n"),
    }
    small = 50_000 if QUICK else 100_000
    for case, (name, prefix, unit) in adversarial.items():
        timings = []
        for size in (small, 4 * small):
            data = (prefix + unit * (size // len(unit))).encode("utf-8")

            def both(d: bytes = data, n: str = name) -> object:
                return propose_statements(document_from_bytes(d, n))

            seconds = best_of(1 if QUICK else 2, both)
            timings.append(seconds)
            report.record("import", case, size, seconds, target=STAGE_TIME_LIMIT)
        growth = report.exponent([small, 4 * small], timings)
        print(f"{case:44} {small:>10,} {timings[0]:8.2f}  x4 {timings[1]:6.2f}  growth exponent {growth:.2f}")


if __name__ == "__main__":
    main()
