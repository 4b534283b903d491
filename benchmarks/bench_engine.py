"""Benchmark the contrast engine against stdlib difflib on the same word lists, in the same process.

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


def main() -> int:
    from counterpoint.engine import analyse, contrast
    from counterpoint.engine.versions import diff_versions

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
    engine = median_time(lambda: analyse([a20, b20]), repeat=3, warmup=1)
    base = median_time(
        lambda: difflib.SequenceMatcher(None, a20.split(), b20.split()).get_opcodes(), repeat=3, warmup=1
    )
    rows.append(("20,000-word documents, contrast", engine, base))

    v1 = document(rng, vocab, 50_000)
    v2 = edited(rng, v1, vocab)
    engine = median_time(lambda: diff_versions(v1, v2), repeat=3, warmup=1)
    base = median_time(
        lambda: difflib.SequenceMatcher(None, v1.split(), v2.split()).get_opcodes(), repeat=3, warmup=1
    )
    rows.append(("50,000-word versions, versions mode", engine, base))
    full = median_time(lambda: analyse([v1, v2]), repeat=1, warmup=0)

    engine_import, bare = import_time()
    rows.append(("import counterpoint.engine", engine_import, bare))

    print(f"{'case':<38} {'engine':>10} {'baseline':>10} {'ratio':>7} {'target':>8}")
    for name, eng, bl in rows:
        target = TARGETS[name]
        flag = "" if eng <= target else "  (over target)"
        print(
            f"{name:<38} {eng * 1000:>8.1f}ms {bl * 1000:>8.1f}ms {eng / bl:>7.2f} {target * 1000:>6.0f}ms{flag}"
        )
    print("baselines: difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes() on the same texts;")
    print("           for the import, a fresh interpreter that imports difflib.")
    print(
        f"first contrast() in a fresh process, lexicons and lemma dictionary loading: {first_call_time():.2f} s"
    )
    print(f"full analyse() of the two 50,000-word versions (diff + contrast + common ground): {full:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
