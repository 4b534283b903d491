"""The engine's scores on pair sets it was not developed on stay above their floors.

Each set was written, gold spans included, and committed before the engine was first run on it; its
blind scores are in the comments below and in tests/engine/data/README.md. Rules made afterwards were
measured on the same sets, so the "after" numbers (the `measured` column) are no longer blind. A floor is
the measured score minus a margin, so a change that loses ground on any set is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from counterpoint.engine.scoring import engine_predictor, evaluate

DATA = Path(__file__).resolve().parent / "data"


class HeldOutSet(NamedTuple):
    file: str
    pairs: range  # how many pairs the file holds
    real_sources: bool  # quoted verbatim from published pages, each with its address
    f1_floor: float
    balanced_floor: float
    false_pairs_ceiling: float


SETS = [
    # Blind at 5b12f33: F1 0.100, balanced 0.453, 0.286 false pairs. After: 0.520 / 0.846 / 0.000.
    HeldOutSet("heldout-pairs.json", range(30, 41), False, 0.45, 0.75, 0.15),
    # Blind, the old engine and the first round's rules: F1 0.000, balanced 0.400-0.500. After: 0.333 / 0.667 / 0.000.
    HeldOutSet("heldout-fresh.json", range(14, 15), False, 0.25, 0.6, 0.2),
    # Blind at 1c5861d: 0.333 / 0.600 / 0.100. After: 0.750 / 0.950 / 0.000 (0.780 before the bare "than
    # expected" stopped counting as a retraction: the hit it lost was a lucky one with a senseless reason).
    HeldOutSet("heldout-round2.json", range(30, 31), False, 0.68, 0.85, 0.1),
    # Blind: 0.235 / 0.542 / 0.167 (the same as before the round-two rules). After: 0.556 / 0.750 / 0.000.
    HeldOutSet("heldout-round3.json", range(18, 19), False, 0.45, 0.68, 0.17),
    # Blind: 0.308 / 0.438 / 0.500 (the engine before round two: 0.429 / 0.500 / 0.500). After: 0.615 / 0.812 / 0.000.
    HeldOutSet("heldout-round4.json", range(12, 13), False, 0.5, 0.7, 0.25),
    # Real quotations, blind at 917ff11: 0.357 / 0.593 / 0.182. After: 0.688 / 0.842 / 0.000.
    HeldOutSet("real-pairs.json", range(30, 31), True, 0.6, 0.75, 0.1),
    # Blind: 0.286 / 0.397 / 0.429 (the same as before the real-pairs rules: they did not carry over).
    # After: 0.500 / 0.667 / 0.000.
    HeldOutSet("real-pairs-2.json", range(16, 17), True, 0.4, 0.58, 0.15),
    # Blind: 0.308 / 0.589 / 0.250 (the same as before any real-pairs rule). After: 0.333 / 0.714 / 0.000.
    HeldOutSet("real-pairs-3.json", range(11, 12), True, 0.25, 0.6, 0.25),
]


def _items(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return items


@pytest.mark.parametrize("held_out", SETS, ids=[s.file for s in SETS])
def test_gold_spans_are_exact_substrings(held_out: HeldOutSet) -> None:
    items = _items(held_out.file)
    assert len(items) in held_out.pairs
    for item in items:
        if held_out.real_sources:
            assert item["source_url"].startswith("http"), item["id"]
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])


@pytest.mark.parametrize("held_out", SETS, ids=[s.file for s in SETS])
def test_set_scores_above_its_floor(held_out: HeldOutSet) -> None:
    scores = evaluate(_items(held_out.file), engine_predictor())
    assert scores.f1 >= held_out.f1_floor, scores
    assert scores.balanced_accuracy >= held_out.balanced_floor, scores
    assert scores.false_pairs_per_agreeing_pair <= held_out.false_pairs_ceiling, scores
