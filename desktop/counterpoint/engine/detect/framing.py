"""Framing: a loaded word against a neutral one for the same referent."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _cue_text, phrase

SLANT = {-1: "pejorative", 0: "neutral", 1: "favourable"}


def framing(a: Side, b: Side) -> Iterator[Candidate]:
    """Loaded and neutral words for the same referent."""
    for x in a.f.framing:
        for y in b.f.framing:
            if x.value != y.value or x.polarity == y.polarity:
                continue
            if a.doc.lemmas[x.lo] == b.doc.lemmas[y.lo]:
                continue
            # a side that also uses a word of the other's slant for this referent frames it the same way
            if any(z.value == x.value and z.polarity == x.polarity for z in b.f.framing) or any(
                z.value == y.value and z.polarity == y.polarity for z in a.f.framing
            ):
                continue
            pa, pb = phrase(a.doc, x.lo, x.hi, 1), phrase(b.doc, y.lo, y.hi, 1)
            reason = (
                f"'{_cue_text(a.doc, x)}' ({SLANT[x.polarity]}) against '{_cue_text(b.doc, y)}' "
                f"({SLANT[y.polarity]}) for {x.value}"
            )
            yield Candidate(pa, pb, "framing", 0.6, reason, (x.lo, x.hi), (y.lo, y.hi), linked=True)
