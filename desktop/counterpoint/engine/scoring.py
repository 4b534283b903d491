"""Score predicted span pairs against a gold file, by the rule in DESIGN.md ("How it is scored")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]
CONTRAST_RELATIONS = frozenset(("contradiction", "contrast"))
QUIET_RELATIONS = frozenset(("agreement", "neutral"))


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    balanced_accuracy: float
    false_pairs_per_agreeing_pair: float
    recall_per_kind: dict[str, float] = field(default_factory=dict)
    predictions: int = 0
    hits: int = 0
    gold: int = 0
    gold_hit: int = 0
    contrast_items: int = 0
    contrast_items_flagged: int = 0
    quiet_items: int = 0
    quiet_items_silent: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def locate(text: str, phrase: str) -> Span | None:
    """The first occurrence of a gold phrase in its text."""
    at = text.find(phrase)
    return None if at < 0 or not phrase else (at, at + len(phrase))


def span_hits(pred: Span, gold: Span) -> bool:
    """Overlaps the gold span and is no longer than max(3 x gold, gold + 40 characters)."""
    glen = gold[1] - gold[0]
    overlaps = pred[0] < gold[1] and gold[0] < pred[1]
    return overlaps and pred[1] - pred[0] <= max(3 * glen, glen + 40)


def pair_hits(pred: tuple[Span, Span], gold: tuple[Span, Span]) -> bool:
    return span_hits(pred[0], gold[0]) and span_hits(pred[1], gold[1])


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def evaluate(
    items: Iterable[Mapping[str, Any]],
    predict: Callable[[str, str], Sequence[tuple[Span, Span]]],
) -> Scores:
    """Run predict(a_text, b_text) on each gold item and score the predicted (a_span, b_span) pairs.

    Raises ValueError when an item is malformed (no text, or a gold span that is not in its text).
    """
    predictions = hits = gold_total = gold_hit = 0
    contrast_items = flagged = quiet_items = silent = quiet_predictions = 0
    per_kind_total: dict[str, int] = {}
    per_kind_hit: dict[str, int] = {}
    for n, item in enumerate(items):
        try:
            a_text, b_text = item["a"]["text"], item["b"]["text"]
            relation = item.get("relation", "")
            gold_specs = item.get("gold_spans") or []
        except (KeyError, TypeError) as exc:
            raise ValueError(f"item {n}: missing {exc}") from None
        gold: list[tuple[Span, Span, str]] = []
        for g in gold_specs:
            sa, sb = locate(a_text, g["a"]), locate(b_text, g["b"])
            if sa is None or sb is None:
                raise ValueError(f"item {item.get('id', n)}: gold span not found in its text")
            gold.append((sa, sb, g.get("type", "")))
        preds = list(predict(a_text, b_text))
        predictions += len(preds)
        if relation in QUIET_RELATIONS:
            quiet_items += 1
            quiet_predictions += len(preds)
            silent += not preds
            continue
        if relation in CONTRAST_RELATIONS:
            contrast_items += 1
            flagged += bool(preds)
        hits += sum(any(pair_hits(p, (g[0], g[1])) for g in gold) for p in preds)
        for ga, gb, kind in gold:
            gold_total += 1
            per_kind_total[kind] = per_kind_total.get(kind, 0) + 1
            if any(pair_hits(p, (ga, gb)) for p in preds):
                gold_hit += 1
                per_kind_hit[kind] = per_kind_hit.get(kind, 0) + 1
    precision = _ratio(hits, predictions)
    recall = _ratio(gold_hit, gold_total)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    parts = [x for x in (_ratio(flagged, contrast_items) if contrast_items else None,
                         _ratio(silent, quiet_items) if quiet_items else None) if x is not None]  # fmt: skip
    return Scores(
        precision=precision,
        recall=recall,
        f1=f1,
        balanced_accuracy=sum(parts) / len(parts) if parts else 0.0,
        false_pairs_per_agreeing_pair=_ratio(quiet_predictions, quiet_items),
        recall_per_kind={k: _ratio(per_kind_hit.get(k, 0), v) for k, v in sorted(per_kind_total.items())},
        predictions=predictions,
        hits=hits,
        gold=gold_total,
        gold_hit=gold_hit,
        contrast_items=contrast_items,
        contrast_items_flagged=flagged,
        quiet_items=quiet_items,
        quiet_items_silent=silent,
    )


def engine_predictor(threshold: float | None = None) -> Callable[[str, str], list[tuple[Span, Span]]]:
    """predict() for evaluate(), backed by the engine."""
    from counterpoint.engine.core import contrast

    def predict(a: str, b: str) -> list[tuple[Span, Span]]:
        return [(p.a, p.b) for p in contrast(a, b, threshold=threshold)]

    return predict
