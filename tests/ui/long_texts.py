"""Long realistic texts for the GUI's scale tests and benchmarks: real sentences from the labelled sets
(tests/engine/data), recombined into a long document and a report on it (most of its paragraphs again,
some reworded, some new), as a hearing is held against a report."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "engine" / "data"
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’)])\s+(?=[\"“‘(]?[A-Z0-9])")


@cache
def _sentences() -> tuple[str, ...]:
    found: dict[str, None] = {}
    for path in sorted(DATA.glob("*.json")):
        pairs = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(pairs, list):
            continue  # not a set of pairs
        for pair in pairs:
            if not isinstance(pair, dict) or "a" not in pair or "b" not in pair:
                continue
            for side in (pair["a"], pair["b"]):
                for sentence in _SENTENCE_END.split(" ".join(side["text"].split())):
                    if len(sentence.split()) >= 3:
                        found[sentence] = None
    return tuple(found)


def document(rng: random.Random, words: int) -> str:
    """Real sentences until about `words` words, in paragraphs of about 120."""
    paragraphs, count = [], 0
    while count < words:
        chosen, size = [], 0
        while size < 120:
            sentence = rng.choice(_sentences())
            chosen.append(sentence)
            size += len(sentence.split())
        paragraphs.append(" ".join(chosen))
        count += size
    return "\n\n".join(paragraphs)


def document_and_report(words: int, seed: int = 3) -> tuple[str, str]:
    """A document of about `words` words, and a second text that takes up 60% of its paragraphs (each
    with one wording changed), adds new ones for another 20%, and leaves the rest out."""
    rng = random.Random(seed)
    first = document(rng, words)
    second = []
    for paragraph in first.split("\n\n"):
        roll = rng.random()
        if roll < 0.6:
            second.append(paragraph.replace(" will ", " will not ", 1).replace(" is ", " is not ", 1))
        elif roll < 0.8:
            second.append(document(rng, 120))
    return first, "\n\n".join(second)
