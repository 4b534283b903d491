"""Polarity: opposite evaluations (VADER valence) of the same thing."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _share_topic, phrase, text_of
from counterpoint.engine.features import MIN_VALENCE, Cue


def _evaluations(cues: list[Cue]) -> list[Cue]:
    """A sentence's evaluative words: what it says its subject is, if it says so, else every strong
    word. A mild word counts only as a predicate ("were very fine people")."""
    predicates = [c for c in cues if c.label == "predicate"]
    if predicates:
        return predicates
    return [c for c in cues if (c.number or 0.0) >= MIN_VALENCE]


def polarity(a: Side, b: Side) -> Iterator[Candidate]:
    """Strongly positive wording on one side against strongly negative wording on the other (VADER)."""
    cues_a, cues_b = _evaluations(a.f.valence), _evaluations(b.f.valence)
    if not cues_a or not cues_b:
        return
    tones_a = {x.polarity for x in cues_a}
    tones_b = {y.polarity for y in cues_b}
    if len(tones_a) == 2 and len(tones_b) == 2:
        return  # each sentence carries both tones: no side is the positive or the negative one
    for x in cues_a:
        for y in cues_b:
            if x.polarity == y.polarity:
                continue
            predicates = x.label == y.label == "predicate"
            if predicates and not _share_topic(a, b, {a.doc.lemmas[x.lo], b.doc.lemmas[y.lo]}):
                continue  # "the plan is good" and "the weather is bad" are about different things
            weakest = min(x.number or 0.0, y.number or 0.0)
            # two predicates on one topic say opposite things of the same subject: a clearer contrast
            strength = min(0.65, 0.5 + 0.06 * weakest) if predicates else min(0.6, 0.3 + 0.08 * weakest)
            pa, pb = phrase(a.doc, x.lo, x.hi), phrase(b.doc, y.lo, y.hi)
            tone = {1: "positive", -1: "negative"}
            reason = f"'{text_of(a.doc, pa)}' ({tone[x.polarity]}) against '{text_of(b.doc, pb)}' ({tone[y.polarity]})"
            yield Candidate(pa, pb, "polarity", strength, reason, (x.lo, x.hi), (y.lo, y.hi), predicates)
