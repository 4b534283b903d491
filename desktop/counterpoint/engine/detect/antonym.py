"""Antonyms: a word in one sentence whose WordNet direct antonym is in the other."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _level_and_change, phrase
from counterpoint.engine.features import Cue


def antonym(a: Side, b: Side) -> Iterator[Candidate]:
    """WordNet direct antonyms, both asserted or both denied."""
    seen: set[tuple[int, int]] = set()
    for word, kb in b.f.words.items():
        for ka in a.f.opposites.get(word, ()):
            if (ka, kb) in seen or a.doc.negated[ka] != b.doc.negated[kb]:
                continue
            if word in a.doc.index or any(w in b.doc.index for w in (a.doc.norms[ka], a.doc.lemmas[ka])):
                continue  # one text uses both words ("employment" and "unemployment"): no opposition
            if _level_and_change(a, b, Cue(ka, ka + 1, ""), Cue(kb, kb + 1, "")):
                continue  # "fell to 4.1%" and "rose by 4.1%" can both be true of one figure
            seen.add((ka, kb))
            pa, pb = phrase(a.doc, ka, ka + 1), phrase(b.doc, kb, kb + 1)
            reason = f"'{a.doc.tokens[ka].norm}' is the opposite of '{b.doc.tokens[kb].norm}'"
            yield Candidate(pa, pb, "antonym", 0.7, reason, (ka, ka + 1), (kb, kb + 1), linked=True)
