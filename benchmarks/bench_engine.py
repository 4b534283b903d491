"""Benchmark the contrast engine against word alignment by difflib, cydifflib and rapidfuzz (where
installed) on the same texts, in the same process.

First analyse() (the app's path) on real sentences recombined (benchmarks/sentences.py): 1-3 sentence
statements and 300-word speeches, fresh texts every run (cold word caches) beside the same texts again
(warm), and pairs of 1,250 / 5,000 / 20,000 / 40,000-word documents (spliced real sentences, fresh) with
the growth exponent; `--quick` stops there (1,250 and 5,000 words).

Run by `make bench` (benchmarks/run.py). Prints one table: the engine's time, the baseline's time, and
their ratio, for two 300-word statements, two 20,000-word documents (contrast mode), two 50,000-word
versions of one document (versions mode), and the import time of counterpoint.engine.
"""

from __future__ import annotations

import difflib
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources

import report

TARGETS = {
    "300-word statements": 0.005,
    "20,000-word documents, contrast": 1.0,
    "50,000-word versions, versions mode": 1.0,
    "import counterpoint.engine": 0.3,
}


def vocabulary() -> list[str]:
    """Real English words (from the WordNet antonym list the engine ships), plus function words."""
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", "wordnet30-antonyms.tsv")
    words = sorted(
        {w for line in path.read_text().splitlines() for w in line.split("\t")[1:3] if w.isalpha()}
    )
    return words


FUNCTION = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "that",
    "is",
    "was",
    "will",
    "not",
    "may",
    "must",
    "could",
    "it",
    "we",
    "they",
    "said",
    "but",
    "for",
    "on",
    "with",
    "as",
]
CUES = [
    "rough",
    "careful",
    "lawful",
    "crime",
    "rose",
    "fell",
    "never",
    "increase",
    "cut",
    "thugs",
    "suspects",
    "joke",
    "false",
    "every",
    "some",
]


def sentence(rng: random.Random, vocab: list[str]) -> str:
    n = rng.randint(8, 24)
    words = [rng.choice(FUNCTION) if rng.random() < 0.45 else rng.choice(vocab) for _ in range(n)]
    if rng.random() < 0.3:
        words[rng.randrange(n)] = rng.choice(CUES)
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def document(rng: random.Random, vocab: list[str], n_words: int) -> str:
    out: list[str] = []
    count = 0
    while count < n_words:
        s = sentence(rng, vocab)
        out.append(s)
        count += s.count(" ") + 1
    return " ".join(out)


def edited(rng: random.Random, text: str, vocab: list[str]) -> str:
    """A revision: a few hundred word edits, some sentences dropped and added, one passage moved."""
    words = text.split(" ")
    for _ in range(300):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    for _ in range(100):
        del words[rng.randrange(len(words))]
    for _ in range(100):
        words.insert(rng.randrange(len(words)), rng.choice(vocab))
    start = len(words) // 5
    passage = words[start : start + 200]
    del words[start : start + 200]
    at = len(words) * 3 // 4
    words[at:at] = passage
    return " ".join(words)


def median_time(fn: Callable[[], object], repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def import_time() -> tuple[float, float]:
    """(engine, bare interpreter) start-up seconds, each the median of five fresh processes."""

    def run(code: str) -> float:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    return run("import counterpoint.engine"), run("import difflib")


def first_call_time() -> float:
    """A fresh process's import plus first contrast() (lexicons and the lemma dictionary load once)."""
    code = (
        "import time; t = time.perf_counter(); import counterpoint.engine as e; "
        "e.contrast('Crime rose.', 'Crime fell.'); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(out)


def anchors(a: str, b: str) -> dict[str, Callable[[], object]]:
    """Word alignments of the same two texts by difflib and, where installed, cydifflib and rapidfuzz."""
    wa, wb = a.split(), b.split()
    found: dict[str, Callable[[], object]] = {
        "difflib": lambda: difflib.SequenceMatcher(None, wa, wb).get_opcodes()
    }
    try:
        import cydifflib

        found["cydifflib"] = lambda: cydifflib.SequenceMatcher(None, wa, wb).get_opcodes()
    except ImportError:
        pass
    try:
        from rapidfuzz.distance import Indel

        found["rapidfuzz"] = lambda: Indel.opcodes(wa, wb)
    except ImportError:
        pass
    return found


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def realistic_rows(quick: bool) -> list[tuple[str, float, dict[str, float]]]:
    """analyse() on real sentences recombined: fresh texts each run (word caches cold) and the same texts
    again (warm), beside the alignment anchors on the same texts; then long documents by size."""
    from sentences import document as real_document
    from sentences import speech as real_speech
    from sentences import statement as real_statement

    from counterpoint.engine import analyse

    rng = random.Random(16)
    rows: list[tuple[str, float, dict[str, float]]] = []
    cases: list[tuple[str, Callable[[], str], int]] = [
        ("statements (1-3 sentences)", lambda: real_statement(rng), 30 if quick else 100),
        ("300-word speeches", lambda: real_speech(rng, 300), 10 if quick else 30),
    ]
    for name, make, runs in cases:
        pairs = [(make(), make()) for _ in range(runs)]
        fresh = statistics.median(timed(lambda a=a, b=b: analyse([a, b])) for a, b in pairs)
        a, b = pairs[0]
        warm = median_time(lambda a=a, b=b: analyse([a, b]), repeat=runs)
        anchor = {k: median_time(fn, repeat=runs) for k, fn in anchors(a, b).items()}
        rows.append((f"{name}, fresh", fresh, anchor))
        rows.append((f"{name}, warm", warm, anchor))
    sizes = (1_250, 5_000) if quick else (1_250, 5_000, 20_000, 40_000)
    for words in sizes:
        a, b = real_document(rng, words), real_document(rng, words)
        took = timed(lambda a=a, b=b: analyse([a, b]))  # fresh texts, once: the way a user opens them
        anchor = {k: median_time(fn, repeat=1, warmup=0) for k, fn in anchors(a, b).items()}
        rows.append((f"2 x {words:,}-word documents, fresh", took, anchor))
    return rows


def exponent(sizes: list[int], values: list[float]) -> float:
    import math

    xs = [math.log(s) for s in sizes]
    ys = [math.log(v) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    import os

    from counterpoint.engine import analyse, contrast
    from counterpoint.engine.versions import diff_versions

    quick = "--quick" in sys.argv or os.environ.get("COUNTERPOINT_BENCH_QUICK") == "1"
    realistic = realistic_rows(quick)
    print(f"{'analyse() on real sentences':<40} {'engine':>10}   anchors (ratio = engine / anchor)")
    for name, took, anchor in realistic:
        shown = "  ".join(f"{k} {v * 1000:.2f}ms ({took / v:,.0f}x)" for k, v in anchor.items())
        print(f"{name:<40} {took * 1000:>8.1f}ms   {shown}")
        size = int(name.split()[2].replace(",", "").split("-")[0]) if "documents" in name else None
        case = "analyse(), 2 documents, fresh" if size else f"analyse(), {name}"
        target = 1.0 if size == 20_000 else 0.005 if name.startswith("300-word") else None
        for anchor_name, seconds in anchor.items():  # the same engine time against each anchor
            shown_target = target if anchor_name == "difflib" else None
            report.record(
                "engine",
                f"{case} vs {anchor_name}",
                size,
                took,
                seconds,
                floor_name=anchor_name,
                target=shown_target,
            )
    docs = [
        (int(n.split()[2].replace(",", "").split("-")[0]), t) for n, t, _ in realistic if "documents" in n
    ]
    print(
        f"growth exponent of analyse() over {docs[0][0]:,}-{docs[-1][0]:,} words per text: "
        f"{exponent([n for n, _ in docs], [t for _, t in docs]):.2f} (target <= 1.15)\n"
    )
    first = first_call_time()
    report.record("engine", "import + first contrast(), fresh process", None, first, target=0.2)
    if quick:
        print(f"first contrast() in a fresh process: {first:.2f} s (target 0.2 s)")
        return 0

    rng = random.Random(2017)
    vocab = vocabulary()
    rows: list[tuple[str, float, float]] = []

    a300, b300 = document(rng, vocab, 300), document(rng, vocab, 300)
    engine = median_time(lambda: contrast(a300, b300), repeat=30)
    base = median_time(
        lambda: difflib.SequenceMatcher(None, a300.split(), b300.split()).get_opcodes(), repeat=30
    )
    rows.append(("300-word statements", engine, base))

    a20, b20 = document(rng, vocab, 20_000), document(rng, vocab, 20_000)
    engine = median_time(lambda: analyse([a20, b20]), repeat=2, warmup=1)
    base = median_time(
        lambda: difflib.SequenceMatcher(None, a20.split(), b20.split()).get_opcodes(), repeat=3, warmup=1
    )
    rows.append(("20,000-word documents, contrast", engine, base))

    v1 = document(rng, vocab, 50_000)
    v2 = edited(rng, v1, vocab)
    engine = median_time(lambda: diff_versions(v1, v2), repeat=2, warmup=1)
    base = median_time(
        lambda: difflib.SequenceMatcher(None, v1.split(), v2.split()).get_opcodes(), repeat=3, warmup=1
    )
    rows.append(("50,000-word versions, versions mode", engine, base))
    full = median_time(lambda: analyse([v1, v2]), repeat=1, warmup=0)

    engine_import, bare = import_time()
    rows.append(("import counterpoint.engine", engine_import, bare))

    print("the earlier cases (random antonym words; warm, repeated texts):")
    print(f"{'case':<38} {'engine':>10} {'baseline':>10} {'ratio':>7} {'target':>8}")
    for name, eng, bl in rows:
        target = TARGETS[name]
        report.record("engine", f"random words: {name}", None, eng, bl, floor_name="difflib", target=target)
        flag = "" if eng <= target else "  (over target)"
        print(
            f"{name:<38} {eng * 1000:>8.1f}ms {bl * 1000:>8.1f}ms {eng / bl:>7.2f} {target * 1000:>6.0f}ms{flag}"
        )
    print("baselines: difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes() on the same texts;")
    print("           for the import, a fresh interpreter that imports difflib.")
    print(f"first contrast() in a fresh process, lexicons loading: {first:.2f} s (target 0.2 s)")
    print(f"full analyse() of the two 50,000-word versions (the app's path): {full:.2f} s")
    report.record("engine", "random words: analyse() of 50,000-word versions", None, full, floor_name="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
