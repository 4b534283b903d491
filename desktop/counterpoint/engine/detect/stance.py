"""Stance: opposite poles of one axis of the policy register ("rough" / "careful", "support" / "oppose")."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine import lexicons
from counterpoint.engine.detect.base import (
    AXIS_KIND,
    TOPICAL_AXES,
    Candidate,
    Side,
    _beyond,
    _both_poles,
    _level_and_change,
    _share_topic,
    phrase,
    text_of,
)


def stance(a: Side, b: Side) -> Iterator[Candidate]:
    """Register axes (force/restraint, legal/illegal, rise/fall, ...) at opposite poles."""
    both_a = _both_poles(a.f.stance)
    both_b = _both_poles(b.f.stance)
    for x in a.f.stance:
        for y in b.f.stance:
            if x.value != y.value or x.polarity != -y.polarity:
                continue
            if x.value in both_a and x.value in both_b:
                continue  # each sentence weighs both sides of this axis
            if (x.negated and _beyond(a, x.hi - 1)) or (y.negated and _beyond(b, y.hi - 1)):
                continue
            if x.value in TOPICAL_AXES and not _share_topic(a, b, {a.doc.lemmas[x.lo], b.doc.lemmas[y.lo]}):
                continue  # "prices rose" and "wages fell" are about different things
            if x.value == "change" and _level_and_change(a, b, x, y):
                continue
            # the same word, or words of the same pole, asserted on one side and denied on the other
            same_word = a.doc.lemmas[x.lo] == b.doc.lemmas[y.lo]
            opposites = lexicons.load().antonyms.get(a.doc.lemmas[x.lo], frozenset())
            if same_word or x.label == y.label:
                kind = "negation"
            elif b.doc.lemmas[y.lo] in opposites and x.negated == y.negated:
                kind = "antonym"
            else:
                kind = AXIS_KIND.get(x.value, "antonym")
            lx = x.label + (", negated" if x.negated else "")
            ly = y.label + (", negated" if y.negated else "")
            pa, pb = phrase(a.doc, x.lo, x.hi), phrase(b.doc, y.lo, y.hi)
            if same_word:
                denied, asserted = (pa, pb) if x.negated else (pb, pa)
                denied_doc, asserted_doc = (a.doc, b.doc) if x.negated else (b.doc, a.doc)
                reason = (
                    f"'{text_of(denied_doc, denied)}' denies what '{text_of(asserted_doc, asserted)}' asserts"
                )
            else:
                reason = f"'{text_of(a.doc, pa)}' ({lx}) against '{text_of(b.doc, pb)}' ({ly})"
            yield Candidate(pa, pb, kind, 0.75, reason, (x.lo, x.hi), (y.lo, y.hi), linked=True)
