"""The fitted ranker: logistic regression over candidate features, and the choice of what to show.

Its weights are data (resources/engine/ranker.json), written by `make fit-engine` (fitting.py) from
every labelled set; a test re-fits them and checks that the shipped file matches. At run time the
score is a dot product and a logistic: no numpy, no model file beyond that JSON.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from counterpoint.engine.candidates import FEATURES, INDEX, Candidate, has_cue

# What a feature says, when it is the one that weighs most in a candidate's score.
EXPLAINED = {
    "negation_one_side": ("negation", "one side denies what the other asserts"),
    "shared_denied": ("negation", "one side denies what the other asserts"),
    "antonym_direct": ("antonym", "opposite words (WordNet antonyms)"),
    "antonym_indirect": ("antonym", "words on opposite sides of a scale (WordNet)"),
    "valence_opposed": ("polarity", "opposite evaluation of the same matter"),
    "valence_gap": ("polarity", "a much warmer or harsher evaluation on one side"),
    "stance_opposed": ("polarity", "opposite stances on the same question"),
    "modal_differs": ("modality", "different certainty or obligation"),
    "hedge_one_side": ("modality", "a hedge against a firm statement"),
    "factuality_one_side": ("factuality", "a claim against a denial or dismissal"),
    "numbers_differ": ("quantity", "different figures for the same thing"),
    "framing_opposed": ("framing", "loaded against neutral words for the same thing"),
}


# A candidate whose two phrases differ in no cue (no denial, antonym, evaluation, modal, figure, framing,
# nor any detector's proposal) is shown only from this much over the threshold: paraphrases that agree
# ("will raise taxes" / "taxes will go up") are the commonest such pairs. Leave one set out, 15 sets:
# F1 0.299 -> 0.299, balanced accuracy 0.596 -> 0.599, false pairs 0.131 -> 0.126 (14 sets: 0.324 ->
# 0.325, 0.603 -> 0.606, 0.158 -> 0.152; 0.05 over the second threshold gave the same).
CUELESS_MARGIN = 0.1


@dataclass(frozen=True)
class Ranker:
    weights: tuple[float, ...]
    threshold: float  # the best candidate of a statement pair is shown from this probability on
    second: float  # further candidates need this much
    max_pairs: int  # per sentence of the shorter text, plus one

    def probability(self, x: Sequence[float]) -> float:
        if len(x) != len(self.weights):
            raise ValueError(f"{len(x)} features for {len(self.weights)} weights")
        z = sum(map(operator.mul, self.weights, x))  # the same products, summed in the same order
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, c: Candidate) -> tuple[str, str]:
        """Kind and reason of a candidate: a detector's own, else its heaviest general feature's, in
        the words that feature saw when it has them."""
        if c.kind:
            return c.kind, c.reason
        best = ("polarity", "contrasting phrasing in aligned sentences")
        top = 0.0
        for name, (kind, reason) in EXPLAINED.items():
            part = self.weights[INDEX[name]] * c.x[INDEX[name]]
            if part > top:
                top, best = part, (kind, reason)
        for kind in EXPLAINED_KIND:
            part = self.weights[INDEX[f"detector_{kind}"]] * c.x[INDEX[f"detector_{kind}"]]
            if part > top:
                top, best = part, (kind, best[1] if best[0] == kind else EXPLAINED_KIND[kind])
        kind = best[0]
        return kind, c.evidence.get(kind, best[1])

    def choose(self, candidates: list[Candidate], sentences: int) -> list[tuple[float, Candidate]]:
        """The candidates to show: the best one if it clears the threshold, then others that clear the
        second threshold and share no text with those already chosen."""
        scored = sorted(
            ((self.probability(c.x), c) for c in candidates), key=lambda pc: (-pc[0], pc[1].a, pc[1].b)
        )
        chosen: list[tuple[float, Candidate]] = []
        cap = 1 + self.max_pairs * sentences
        for p, c in scored:
            if len(chosen) >= cap or p < (self.threshold if not chosen else self.second):
                break
            if not has_cue(c.x) and p < max(self.threshold + CUELESS_MARGIN, self.second):
                continue  # two aligned phrases that differ in no cue need more to be shown
            if any(_overlaps(c.a, d.a) or _overlaps(c.b, d.b) for _q, d in chosen):
                continue
            chosen.append((p, c))
        return chosen


EXPLAINED_KIND = {
    "negation": "one side denies what the other asserts",
    "antonym": "opposite words",
    "polarity": "opposite evaluation of the same matter",
    "modality": "different certainty or obligation",
    "factuality": "a claim against a denial or dismissal",
    "quantity": "different figures for the same thing",
    "framing": "loaded against neutral words for the same thing",
}


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def from_dict(data: dict) -> Ranker:
    names = data["features"]
    if list(names) != list(FEATURES):
        raise ValueError("the ranker's weights were fitted for other features: run `make fit-engine`")
    return Ranker(
        weights=tuple(float(w) for w in data["weights"]),
        threshold=float(data["threshold"]),
        second=float(data["second"]),
        max_pairs=int(data["max_pairs"]),
    )


@functools.cache
def load() -> Ranker:
    path = resources.files("counterpoint.resources").joinpath("engine", "ranker.json")
    return from_dict(json.loads(path.read_text(encoding="utf-8")))
