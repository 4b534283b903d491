"""The generated project the benchmarks share: statements with Zipf-distributed words, as in real text
(a few policy words very common, most made-up words rare, prefixes spread as in English)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from counterpoint.store import NewStatement, Project, TargetSpec

POLICY_WORDS = [
    "police",
    "officer",
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
    "housing",
    "wages",
    "trade",
    "tariffs",
    "veterans",
    "election",
    "court",
    "justice",
]
OCCASIONS = ("Interview", "Speech", "Press briefing", "Hearing", "Statement")


def made_up_words(rng: random.Random, count: int) -> list[str]:
    """Words of two to four syllables, so that prefixes spread over the vocabulary."""
    onsets = [
        "b",
        "c",
        "d",
        "f",
        "g",
        "h",
        "j",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "w",
        "br",
        "cl",
        "dr",
        "fl",
        "gr",
        "pl",
        "pr",
        "sh",
        "st",
        "th",
        "tr",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
    codas = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ng"]
    words: set[str] = set()
    while len(words) < count:
        syllables = rng.randint(2, 4)
        words.add(
            "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables))
        )
    return sorted(words, key=lambda _: rng.random())


def build_project(path: Path, statements: int, annotations: int = 0, *, seed: int = 7) -> None:
    """Write a project of `statements` statements by 500 speakers (one bulk insert) and `annotations`
    annotations on random pairs of them, each with a note and a tag."""
    rng = random.Random(seed)
    vocabulary = POLICY_WORDS + made_up_words(rng, 30_000)
    cumulative = list(itertools.accumulate(1 / (rank + 20) for rank in range(len(vocabulary))))

    def words(count: int) -> str:
        return " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=count))

    with Project.open(path, create=True) as project, project.transaction():
        speakers = [f"Speaker {i}" for i in range(500)]
        for i, name in enumerate(speakers):
            project.ensure_speaker(name, f"Role {i % 17}")
        # the store's bulk add (one pass of the search index), with the same draws as ever
        project.add_statements(
            NewStatement(
                rng.choice(speakers),
                words(rng.randint(12, 80)).capitalize() + ".",
                said_on=f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                occasion=rng.choice(OCCASIONS),
            )
            for _ in range(statements)
        )
        if not annotations:
            return
        comparison = project.add_comparison("Benchmark", [1, 2])
        for n in range(annotations):
            a, b = rng.randrange(1, statements + 1), rng.randrange(1, statements + 1)
            project.add_annotation(
                [TargetSpec(a, 0, 3), TargetSpec(b, 0, 3)],
                comparison_id=comparison if n % 5 == 0 else None,
                relation="contradicts",
                verdict="contradiction",
                note=words(12),
                tags=[f"tag {n % 40}"],
            )
