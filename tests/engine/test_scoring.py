"""The scoring rule of DESIGN.md ("How it is scored"), on hand-made items."""

from __future__ import annotations

from typing import Any

import pytest

from counterpoint.engine.scoring import evaluate, span_hits

A = "The minister said the plan works."
B = "The minister never said that."
ITEMS: list[dict[str, Any]] = [
    {"id": "c", "relation": "contradiction", "a": {"text": A}, "b": {"text": B},
     "gold_spans": [{"a": "said the plan works", "b": "never said", "type": "negation"}]},
    {"id": "q", "relation": "agreement", "a": {"text": A}, "b": {"text": A}, "gold_spans": []},
]  # fmt: skip


def test_a_span_hits_when_it_overlaps_and_is_not_too_long() -> None:
    gold = (10, 15)  # 5 characters: up to max(15, 45) = 45 allowed
    assert span_hits((12, 20), gold)
    assert span_hits((0, 45), gold)
    assert not span_hits((0, 46), gold)
    assert not span_hits((15, 20), gold), "touching is not overlapping"
    long_gold = (0, 100)  # 300 allowed
    assert span_hits((50, 350), long_gold) and not span_hits((50, 351), long_gold)


def test_precision_recall_and_balanced_accuracy() -> None:
    def predict(a: str, b: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        if a == b:
            return [((0, 3), (0, 3))]  # a false pair on the agreeing item
        return [((13, 17), (13, 23)), ((0, 3), (0, 3))]  # one hit, one miss

    scores = evaluate(ITEMS, predict)
    assert scores.predictions == 3 and scores.hits == 1
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == 1.0
    assert scores.f1 == pytest.approx(0.5)
    assert scores.balanced_accuracy == pytest.approx(0.5)  # contrast flagged (1), agreement not quiet (0)
    assert scores.false_pairs_per_agreeing_pair == 1.0
    assert scores.recall_per_kind == {"negation": 1.0}


def test_a_gold_span_missing_from_its_text_is_an_error() -> None:
    bad = [{**ITEMS[0], "gold_spans": [{"a": "nowhere", "b": "never", "type": "negation"}]}]
    with pytest.raises(ValueError, match="not found"):
        evaluate(bad, lambda a, b: [])
