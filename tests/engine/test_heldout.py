"""The engine's score on the held-out pairs (tests/engine/data/heldout-pairs.json) stays above a floor.

The set was written, gold spans included, before the engine was first run on it. Blind, the engine at
commit 5b12f33 scored span F1 0.100, balanced pair accuracy 0.453 and 0.286 false pairs per agreeing
pair. The general rules added after that (see the commit log) bring it to F1 0.520, balanced accuracy
0.846, 0.000 false pairs; those numbers were measured on this same set, so they are no longer blind.
The floor is the measured score minus a margin, so that a change which loses ground here is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from counterpoint.engine.scoring import engine_predictor, evaluate

HELD_OUT = Path(__file__).resolve().parent / "data" / "heldout-pairs.json"
# 14 more pairs written after the rules; blind, both the old engine and the rules of the first
# round scored F1 0.000, balanced accuracy 0.400-0.500 on them. Now F1 0.333, balanced 0.667, 0.000.
FRESH = Path(__file__).resolve().parent / "data" / "heldout-fresh.json"

# 30 more pairs written and committed before the round-two rules (heldout-round2.json). Blind, the engine
# at 1c5861d scored F1 0.333, balanced 0.600, 0.100 false pairs; after the round-two rules (not blind)
# F1 0.780, balanced 0.950, 0.000; 0.750 once the bare "than expected" stopped counting as a retraction
# (the hit it lost was a lucky one, with a reason that made no sense).
ROUND2 = Path(__file__).resolve().parent / "data" / "heldout-round2.json"
# 18 more pairs written after the round-two rules (heldout-round3.json). Blind: F1 0.235, balanced 0.542,
# 0.167 false pairs (the same as the engine before the round-two rules). After the round-three rules
# (not blind): F1 0.556, balanced 0.750, 0.000.
ROUND3 = Path(__file__).resolve().parent / "data" / "heldout-round3.json"
# 12 more pairs written after all of the above (heldout-round4.json). Blind: F1 0.308, balanced 0.438,
# 0.500 false pairs (the engine before round two: 0.429 / 0.500 / 0.500). After (not blind): F1 0.615,
# balanced 0.812, 0.000.
ROUND4 = Path(__file__).resolve().parent / "data" / "heldout-round4.json"

F1_FLOOR = 0.45  # measured 0.520
BALANCED_FLOOR = 0.75  # measured 0.846
FALSE_PAIRS_CEILING = 0.15  # measured 0.000


def _items(path: Path = HELD_OUT) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return items


def test_held_out_gold_spans_are_exact_substrings() -> None:
    items = _items()
    assert 30 <= len(items) <= 40
    for item in items:
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])


def test_held_out_set_scores_above_its_floor() -> None:
    scores = evaluate(_items(), engine_predictor())
    assert scores.f1 >= F1_FLOOR, scores
    assert scores.balanced_accuracy >= BALANCED_FLOOR, scores
    assert scores.false_pairs_per_agreeing_pair <= FALSE_PAIRS_CEILING, scores


def test_fresh_set_scores_above_its_floor() -> None:
    scores = evaluate(_items(FRESH), engine_predictor())
    assert scores.f1 >= 0.25, scores  # measured 0.333
    assert scores.balanced_accuracy >= 0.6, scores  # measured 0.667
    assert scores.false_pairs_per_agreeing_pair <= 0.2, scores  # measured 0.000


def test_round_two_gold_spans_are_exact_substrings() -> None:
    items = _items(ROUND2)
    assert len(items) == 30
    for item in items:
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])


def test_round_two_set_scores_above_its_floor() -> None:
    scores = evaluate(_items(ROUND2), engine_predictor())
    assert scores.f1 >= 0.68, scores  # measured 0.750
    assert scores.balanced_accuracy >= 0.85, scores  # measured 0.950
    assert scores.false_pairs_per_agreeing_pair <= 0.1, scores  # measured 0.000


def test_round_three_set_scores_above_its_floor() -> None:
    items = _items(ROUND3)
    assert len(items) == 18
    for item in items:
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])
    scores = evaluate(items, engine_predictor())
    assert scores.f1 >= 0.45, scores  # measured 0.556
    assert scores.balanced_accuracy >= 0.68, scores  # measured 0.750
    assert scores.false_pairs_per_agreeing_pair <= 0.17, scores  # measured 0.000


def test_round_four_set_scores_above_its_floor() -> None:
    items = _items(ROUND4)
    assert len(items) == 12
    for item in items:
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])
    scores = evaluate(items, engine_predictor())
    assert scores.f1 >= 0.5, scores  # measured 0.615
    assert scores.balanced_accuracy >= 0.7, scores  # measured 0.812
    assert scores.false_pairs_per_agreeing_pair <= 0.25, scores  # measured 0.000


# 30 pairs quoted verbatim from published pages found by page search (real-pairs.json), committed
# before the engine was run on them. Blind, at 917ff11: F1 0.357, balanced 0.593, 0.182 false pairs.
# After the rules that followed (not blind): F1 0.688, balanced 0.842, 0.000.
REAL = Path(__file__).resolve().parent / "data" / "real-pairs.json"


def test_real_sourced_set_scores_above_its_floor() -> None:
    items = _items(REAL)
    assert len(items) == 30
    for item in items:
        assert item["source_url"].startswith("http"), item["id"]
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])
    scores = evaluate(items, engine_predictor())
    assert scores.f1 >= 0.6, scores  # measured 0.688
    assert scores.balanced_accuracy >= 0.75, scores  # measured 0.842
    assert scores.false_pairs_per_agreeing_pair <= 0.1, scores  # measured 0.000


# 16 more real-sourced pairs (real-pairs-2.json), committed after the rules for real-pairs.json and
# before the engine was run on them. Blind: F1 0.286, balanced 0.397, 0.429 false pairs (the same as
# the engine before those rules: they did not carry over). After the rules that followed (not blind):
# F1 0.500, balanced 0.667, 0.000.
REAL2 = Path(__file__).resolve().parent / "data" / "real-pairs-2.json"


def test_second_real_sourced_set_scores_above_its_floor() -> None:
    items = _items(REAL2)
    assert len(items) == 16
    for item in items:
        assert item["source_url"].startswith("http"), item["id"]
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])
    scores = evaluate(items, engine_predictor())
    assert scores.f1 >= 0.4, scores  # measured 0.500
    assert scores.balanced_accuracy >= 0.58, scores  # measured 0.667
    assert scores.false_pairs_per_agreeing_pair <= 0.15, scores  # measured 0.000


# 11 more real-sourced pairs (real-pairs-3.json), committed after the rules for real-pairs-2.json and
# before the engine was run on them. Blind: F1 0.308, balanced 0.589, 0.250 false pairs (the same as
# the engine before any real-pairs rules). After one more rule (not blind): F1 0.333, balanced 0.714, 0.000.
REAL3 = Path(__file__).resolve().parent / "data" / "real-pairs-3.json"


def test_third_real_sourced_set_scores_above_its_floor() -> None:
    items = _items(REAL3)
    assert len(items) == 11
    for item in items:
        assert item["source_url"].startswith("http"), item["id"]
        for gold in item["gold_spans"]:
            assert gold["a"] in item["a"]["text"], (item["id"], gold["a"])
            assert gold["b"] in item["b"]["text"], (item["id"], gold["b"])
    scores = evaluate(items, engine_predictor())
    assert scores.f1 >= 0.25, scores  # measured 0.333
    assert scores.balanced_accuracy >= 0.6, scores  # measured 0.714
    assert scores.false_pairs_per_agreeing_pair <= 0.25, scores  # measured 0.000
