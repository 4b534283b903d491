"""Reach: the people and paragraphs a reference back can reach from a position ("he" reaches the nearest
person named as a subject within four paragraphs of prose; web-page furniture does not count)."""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from itertools import takewhile

from counterpoint.ingest.quotes.attribution import AttributionReader
from counterpoint.ingest.quotes.people import _Mention, _Person


class ReachReader(AttributionReader):
    """Who and what lies within reach of a reference back."""

    def _recent_person(self, position: int, gender: str) -> _Person | None:
        floor = self._prose_paragraph_start(position, back=4)
        reach = takewhile(lambda m: m.position >= floor, self._mentions_before(position))
        candidates = [m for m in reach if m.position < position and m.subject_like]
        for n, mention in enumerate(candidates):
            if gender and mention.person.gender and mention.person.gender != gender:
                # "Okonkwo laughs when she hears this": of mother and son, the surname is the one "she" fits
                fitting = [p for p in mention.others if p.gender in (gender, "")]
                if len(fitting) == 1:
                    return fitting[0]
                continue
            if gender and not mention.person.gender:
                # "she" when the nearest name's sex is unknown and one of the same sentence is known to be a
                # woman ("Ms Ruiz said the three independents - Bob Katz and Tony Wren - had…")
                opening = self._sentence_starts[bisect_right(self._sentence_starts, mention.position) - 1]
                known = next(
                    (m for m in candidates[n + 1 :] if m.position >= opening and m.person.gender == gender),
                    None,
                )
                if known is not None:
                    return known.person
            return mention.person
        # nobody named as a subject within reach: the one person the text has named at all, in any position
        # ("In the view of the council chairperson Wycliffe Oparo, counties are not equipped. '…,' he said")
        if not candidates and self._mentions_before(position):
            everyone = {id(m.person): m.person for m in self._mentions_before(position)}
            if len(everyone) == 1:
                only = next(iter(everyone.values()))
                if not gender or not only.gender or only.gender == gender:
                    return only
        return None

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @functools.cached_property
    def _prose_paragraphs(self) -> list[bool]:
        """Whether each paragraph is prose (eight words or more), worked out once per document."""
        return [self.text.count(" ", s, e) >= 7 for s, e in self.paragraphs]

    def _prose_paragraph_start(self, position: int, back: int) -> int:
        """Like _paragraph_start, counting only paragraphs of prose: a web page's furniture between two
        paragraphs ("Join EUobserver today", "... or subscribe as a group") does not put a name out of reach."""
        if not self.paragraphs:
            return 0
        prose = self._prose_paragraphs
        number = max(0, bisect_right(self._paragraph_starts, position) - 1)
        if number >= len(self.paragraphs):
            return len(self.text)
        k, counted = number, 0
        while k > 0 and counted < back and number - k < 3 * back:
            k -= 1
            counted += prose[k]
        return self.paragraphs[k][0]

    def _paragraph_start(self, position: int, back: int) -> int:
        """Where the paragraph `back` paragraphs before the one holding `position` starts."""
        number = max(0, bisect_right(self._paragraph_starts, position) - 1)
        if not self.paragraphs:
            return 0
        if number - back >= len(self.paragraphs):
            return len(self.text)
        return self.paragraphs[max(0, number - back)][0]

    def _mentions_before(self, position: int) -> list[_Mention]:
        """Mentions before `position`, nearest first (the list is sorted by position)."""
        at = bisect_left(self._mention_positions, position)
        return self.mentions[at - 1 : max(0, at - 300) - 1 if at > 300 else None : -1] if at else []
