"""The engine's score on the gold dev set stays above the quality bar of issue 3."""

from __future__ import annotations

from typing import Any

from counterpoint.engine.scoring import engine_predictor, evaluate


def test_dev_set_meets_the_quality_bar(dev_items: list[dict[str, Any]]) -> None:
    scores = evaluate(dev_items, engine_predictor())
    assert scores.f1 >= 0.60, scores
    assert scores.balanced_accuracy >= 0.80, scores
    assert scores.false_pairs_per_agreeing_pair <= 0.5, scores
