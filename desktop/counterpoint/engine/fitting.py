"""Fit the ranker on labelled sets, and measure it honestly: leave one whole set out.

    sets = load_sets(paths)                    # {name: items}, each a gold file (DESIGN.md's format)
    ranker = fit(sets)                         # logistic regression + thresholds, on every set
    report = cross_validate(sets)              # fit on all sets but one, score the one left out, pooled

A candidate is labelled a hit when it hits a gold span pair by the scoring rule of DESIGN.md; every
candidate on an agreeing or neutral pair is a miss. The weights are an L2-regularised logistic
regression fitted by Newton's method (deterministic); the two thresholds are then chosen on the same
training sets to maximise span F1 plus balanced pair accuracy. Needs numpy (a development dependency);
the app itself only reads the fitted weights.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counterpoint.engine import scoring
from counterpoint.engine.candidates import FEATURES, Candidate
from counterpoint.engine.ranker import Ranker

L2 = 1.0  # on every weight but the bias
MAX_PAIRS = 1
# The thresholds keep false pairs on the training sets' agreeing pairs at or below this (issue 9 asks
# for at most 0.30 on unseen sets; held-out rates ran about the training rate). Chosen among 0.10,
# 0.15, 0.20 and none by leave-one-set-out: 0.129 / 0.140 / 0.193 / 0.275 false pairs, F1 + balanced
# accuracy 0.886 / 0.888 / 0.880 / 0.879.
FALSE_PAIRS_CAP = 0.15
PENALTY = 1.0
THRESHOLDS = tuple(round(0.05 * n, 2) for n in range(1, 20))


@dataclass
class Item:
    """One gold item read for fitting: its candidates, their labels, and what scoring needs."""

    set: str
    relation: str
    gold: list[tuple[scoring.Span, scoring.Span]]
    candidates: list[Candidate]
    labels: list[int]
    sentences: int
    raw: Mapping[str, Any]
    scored: bool = True  # False for a set that only adds training data to another set's fold


def split_name(spec: str) -> tuple[str, str]:
    """A set named "PATH@FOLD" is training data of FOLD's fold (a paraphrase of that set, say): it is
    fitted on whenever FOLD is, left out with it, and never scored. Returns (path, fold or "")."""
    path, _at, fold = str(spec).partition("@")
    return path, fold


def load_sets(paths: Sequence[Path | str]) -> dict[str, list[dict[str, Any]]]:
    """Gold files by set name: the file's stem, or "stem@FOLD" for a set that joins FOLD's fold."""
    out = {}
    for spec in paths:
        path, fold = split_name(str(spec))
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{path}: a gold file is a JSON list of items")
        out[Path(path).stem + (f"@{fold}" if fold else "")] = data
    return out


def read(sets: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Item]:
    """Every item's candidates and labels (the slow part, done once for all folds)."""
    from counterpoint.engine.core import pair_candidates

    items = []
    for name, data in sets.items():
        _stem, fold = split_name(name)
        for raw in data:
            a, b = raw["a"]["text"], raw["b"]["text"]
            gold = []
            for g in raw.get("gold_spans") or []:
                sa, sb = scoring.locate(a, g["a"]), scoring.locate(b, g["b"])
                if sa is None or sb is None:
                    raise ValueError(f"{name}: item {raw.get('id')}: gold span not found in its text")
                gold.append((sa, sb))
            cands, sentences = pair_candidates(a, b)
            quiet = raw.get("relation") in scoring.QUIET_RELATIONS
            labels = [int(not quiet and any(scoring.pair_hits((c.a, c.b), g) for g in gold)) for c in cands]
            items.append(
                Item(fold or name, raw.get("relation", ""), gold, cands, labels, sentences, raw, not fold)
            )
    return items


def _logistic(items: Sequence[Item]) -> list[float]:
    import numpy as np

    rows = [c.x for it in items for c in it.candidates]
    y = np.array([v for it in items for v in it.labels], dtype=float)
    x = np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))
    w = np.zeros(len(FEATURES))
    penalty = np.full(len(FEATURES), L2)
    penalty[FEATURES.index("bias")] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return [round(float(v), 6) for v in w]


def _predictor(ranker: Ranker, items: Sequence[Item]) -> Callable[[str, str], list]:
    # evaluate() calls predict once per item, in order: hand it each item's choice in turn
    queue = iter([ranker.choose(it.candidates, it.sentences) for it in items])

    def predict(_a: str, _b: str) -> list:
        return [(c.a, c.b) for _p, c in next(queue)]

    return predict


def score(ranker: Ranker, items: Sequence[Item]) -> scoring.Scores:
    """The scores of DESIGN.md for a ranker on read items (no re-reading of the texts)."""
    return scoring.evaluate([it.raw for it in items], _predictor(ranker, items))


def _objective(ranker: Ranker, items: Sequence[Item]) -> float:
    """Span F1 plus balanced pair accuracy, counted straight from the labels (as evaluate() would),
    less a penalty for false pairs on agreeing pairs past FALSE_PAIRS_CAP."""
    predictions = hits = contrast = flagged = quiet = silent = gold = gold_hit = quiet_predictions = 0
    for it in items:
        chosen = [c for _p, c in ranker.choose(it.candidates, it.sentences)]
        predictions += len(chosen)
        if it.relation in scoring.QUIET_RELATIONS:
            quiet += 1
            silent += not chosen
            quiet_predictions += len(chosen)
            continue
        contrast += it.relation in scoring.CONTRAST_RELATIONS
        flagged += it.relation in scoring.CONTRAST_RELATIONS and bool(chosen)
        hits += sum(any(scoring.pair_hits((c.a, c.b), g) for g in it.gold) for c in chosen)
        gold += len(it.gold)
        gold_hit += sum(any(scoring.pair_hits((c.a, c.b), g) for c in chosen) for g in it.gold)
    p = hits / predictions if predictions else 0.0
    r = gold_hit / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    parts = [flagged / contrast] if contrast else []
    parts += [silent / quiet] if quiet else []
    false_pairs = quiet_predictions / quiet if quiet else 0.0
    # a user reads a false alarm on agreeing statements as the tool not understanding them: past
    # FALSE_PAIRS_CAP per agreeing pair, every extra false pair costs as much as the whole of F1
    penalty = max(0.0, false_pairs - FALSE_PAIRS_CAP) * PENALTY
    return f1 + (sum(parts) / len(parts) if parts else 0.0) - penalty


def fit(items: Sequence[Item]) -> Ranker:
    weights = tuple(_logistic(items))
    # the thresholds only cut a ranking: score each candidate once, then try every cut
    base = Ranker(weights, 0.0, 0.0, MAX_PAIRS)
    ranked = [
        Item(it.set, it.relation, it.gold, [c for _p, c in _ranked(base, it)], [], it.sentences, it.raw)
        for it in items
        if it.scored  # the thresholds are chosen on real sets only, never on added training data
    ]
    probs = {id(c): base.probability(c.x) for it in ranked for c in it.candidates}
    best: tuple[float, Ranker] | None = None
    for first in THRESHOLDS:
        for second in THRESHOLDS:
            if second < first:
                continue
            r = Ranker(weights, first, second, MAX_PAIRS)
            pruned = [
                Item(it.set, it.relation, it.gold, [c for c in it.candidates if probs[id(c)] >= first],
                     [], it.sentences, it.raw)
                for it in ranked
            ]  # fmt: skip
            objective = _objective(r, pruned)
            if best is None or objective > best[0] + 1e-12:
                best = (objective, r)
    assert best is not None
    return best[1]


def _ranked(ranker: Ranker, it: Item) -> list[tuple[float, Candidate]]:
    return sorted(((ranker.probability(c.x), c) for c in it.candidates), key=lambda pc: -pc[0])


def cross_validate(items: Sequence[Item]) -> tuple[scoring.Scores, dict[str, scoring.Scores]]:
    """Leave one set out: fit on the others, score it; pooled over every set left out, and per set."""
    names = list(dict.fromkeys(it.set for it in items if it.scored))
    if len(names) < 2:
        raise ValueError("cross-validation leaves one set out: name at least two sets")
    per_set = {}
    pooled_items: list[Item] = []
    pooled_choices: list[list] = []
    for name in names:
        train = [it for it in items if it.set != name]
        test = [it for it in items if it.set == name and it.scored]
        ranker = fit(train)
        per_set[name] = score(ranker, test)
        pooled_items.extend(test)
        pooled_choices.extend(ranker.choose(it.candidates, it.sentences) for it in test)
    queue = iter(pooled_choices)
    pooled = scoring.evaluate(
        [it.raw for it in pooled_items], lambda _a, _b: [(c.a, c.b) for _p, c in next(queue)]
    )
    return pooled, per_set


def to_dict(ranker: Ranker, sets: Sequence[str]) -> dict[str, Any]:
    return {
        "about": "Counterpoint's contrast ranker: logistic regression over candidate features, fitted by "
        "`make fit-engine` (counterpoint.engine.fitting) on the sets named below.",
        "fitted_on": list(sets),
        "features": list(FEATURES),
        "weights": list(ranker.weights),
        "threshold": ranker.threshold,
        "second": ranker.second,
        "max_pairs": ranker.max_pairs,
    }
