"""Realistic statements for the benchmarks: real sentences from the labelled contrast sets
(tests/engine/data/*.json and the shared dev and training sets), recombined into 1-3 sentence statements
and 300-word speeches, with the speakers, roles and dates those sets name.

Every call with a new seed gives new combinations, so a benchmark can time fresh texts (the engine's word
caches cold) beside the same texts repeated (warm).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted((ROOT / "tests" / "engine" / "data").glob("*.json"))
SHARED = ROOT.parent / "shared" / "data"
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’)])\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Voice:
    speaker: str
    role: str


@dataclass(frozen=True)
class Pool:
    sentences: tuple[str, ...]
    voices: tuple[Voice, ...]
    dates: tuple[str, ...]


def _files() -> list[Path]:
    shared = sorted(SHARED.glob("*.json")) if SHARED.is_dir() else []
    return [*SETS, *shared]


@cache
def pool() -> Pool:
    """Every distinct sentence, speaker and date of the labelled sets."""
    sentences: dict[str, None] = {}
    voices: dict[Voice, None] = {}
    dates: dict[str, None] = {}
    for path in _files():
        pairs = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(pairs, list):
            continue  # not a labelled set (the engine tests' fixed texts and digests)
        for pair in pairs:
            for side in (pair["a"], pair["b"]):
                for sentence in _SENTENCE_END.split(" ".join(side["text"].split())):
                    if len(sentence.split()) >= 3:
                        sentences[sentence] = None
                if side.get("speaker"):
                    voices[Voice(side["speaker"], side.get("role") or "")] = None
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", side.get("date") or ""):
                    dates[side["date"]] = None
    if not sentences:
        raise SystemExit("no labelled sets found under tests/engine/data")
    return Pool(tuple(sentences), tuple(voices), tuple(sorted(dates)))


def statement(rng: random.Random) -> str:
    """One to three real sentences, as a quotation in the news reads."""
    return " ".join(rng.sample(pool().sentences, rng.randint(1, 3)))


def speech(rng: random.Random, words: int = 300) -> str:
    """Real sentences, one after another, until about `words` words: a short speech or a press release."""
    chosen: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(pool().sentences)
        chosen.append(sentence)
        count += len(sentence.split())
    return " ".join(chosen)


def spliced(rng: random.Random) -> str:
    """A new sentence from two real ones: the opening of one and the close of another, each cut at a
    word in its middle third. The pool holds about 24,000 words, so documents longer than that made of
    whole pool sentences would repeat them, and two of them would share most sentences (twice 40,000
    words drew nearly every pool sentence on both sides: the engine took them for two versions of one
    document). Spliced sentences keep the words, cues and sentence lengths of the pool without copies."""
    first, last = (s.split() for s in rng.sample(pool().sentences, 2))
    cut_first = rng.randint(len(first) // 3, max(len(first) // 3, 2 * len(first) // 3))
    cut_last = rng.randint(len(last) // 3, max(len(last) // 3, 2 * len(last) // 3))
    return " ".join(first[: max(1, cut_first)] + last[max(1, cut_last) :])


def document(rng: random.Random, words: int) -> str:
    """A long document of spliced real sentences (see spliced), in paragraphs of about 120 words."""
    paragraphs = []
    count = 0
    while count < words:
        chosen: list[str] = []
        length = 0
        while length < 120:
            sentence = spliced(rng)
            chosen.append(sentence)
            length += len(sentence.split())
        paragraphs.append(" ".join(chosen))
        count += length
    return "\n\n".join(paragraphs)


def statement_rows(rng: random.Random, count: int) -> list[tuple[str, str, str, str | None, str]]:
    """(speaker, role, text, date or None, occasion) for `count` library statements; one in twenty undated,
    dates spread over 2010-2025 around the sets' own."""
    voices = pool().voices
    occasions = ("Interview", "Speech", "Press briefing", "Hearing", "Statement", "Post")
    rows = []
    for _ in range(count):
        voice = rng.choice(voices)
        undated = rng.random() < 0.05
        when = (
            None
            if undated
            else f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        )
        rows.append((voice.speaker, voice.role, statement(rng), when, rng.choice(occasions)))
    return rows


def typed_queries(rng: random.Random, count: int) -> list[str]:
    """What a user types in the library's search box: one to three words of a real sentence, the last one
    often still being typed."""
    queries = []
    for _ in range(count):
        words = [w.strip('.,;:!?"“”‘’()') for w in rng.choice(pool().sentences).split()]
        words = [w for w in words if w]
        start = rng.randrange(len(words))
        phrase = words[start : start + rng.randint(1, 3)]
        last = phrase[-1]
        if len(last) > 3 and rng.random() < 0.5:
            phrase[-1] = last[: rng.randint(2, len(last) - 1)]
        queries.append(" ".join(phrase))
    return queries
