"""Reach: the people, institutions and paragraphs a reference back can reach from a position ("he" reaches the
nearest person named as a subject within four paragraphs of prose, "it" the institution named last; web-page
furniture does not count)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from itertools import takewhile

from counterpoint.ingest.quotes.attribution import AttributionReader
from counterpoint.ingest.quotes.people import _Mention, _Person
from counterpoint.ingest.quotes.tokens import _Sentence, _Token
from counterpoint.ingest.quotes.words import _CORPORATE, _WIRES


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

    def _previous_subject(self, sentence: _Sentence) -> str | None:
        """'Harlan Chemical said it had complied. "…," the company said': the name that opened the sentence
        before, when it is not a person the article has named."""
        for number in range(sentence.number - 1, max(-1, sentence.number - 3), -1):
            tokens = self.sentences[number].tokens
            start = self._after_dateline(tokens)
            start += 1 if start < len(tokens) and tokens[start].key == "the" else 0
            if (
                start >= len(tokens)
                or not tokens[start].capitalised
                or tokens[start].key in self.lex.not_names
            ):
                continue
            end = start
            while (
                end + 1 < len(tokens) and self._adjacent(tokens, end, end + 1) and tokens[end + 1].capitalised
            ):
                end += 1
            words = tokens[start : end + 1]
            dated = self._after_dateline(tokens) > 0
            if (
                (end + 1 < len(tokens) and self._verb_at(tokens, end + 1))
                or any(self._word_class(w) == "org" for w in words)
                # "LONDON (Reuters) - AstraZeneca appeared to …": a wire lede's subject after its dateline
                or (dated and end + 1 < len(tokens) and not tokens[end + 1].capitalised and len(words) <= 3)
            ):
                name = self._phrase(words)
                person = self.people.get(name)
                if person is None or not person.roles:
                    return name
        return None

    def _after_dateline(self, tokens: list[_Token]) -> int:
        """Index of the first token after a wire dateline ('LONDON (Reuters) -', 'TOKYO -', 'VINELAND, N.J.
        (AP) —'), or 0 when the sentence does not open with one."""
        i = 0
        while i < len(tokens) and i < 6 and (tokens[i].word.isupper() or tokens[i].word.endswith(".")):
            i += 1
        if i == 0 or i >= len(tokens):
            return 0
        gap = self.masked[tokens[i - 1].end : tokens[i].start]
        if i + 1 < len(tokens) and gap.strip() == "(" and tokens[i].key in _WIRES:
            gap = self.masked[tokens[i].end : tokens[i + 1].start]
            i += 1
        if not re.fullmatch(r"\)?\s*[-–—]+\s*", gap):
            return 0
        return i

    def _recent_institution(self, sentence: _Sentence, before: int, named_only: bool = False) -> str | None:
        """'The ministry did not back down. "…," it said': the last institution named as a subject."""
        for number in range(sentence.number, max(-1, sentence.number - 6), -1):
            candidate = self.sentences[number]
            tokens = candidate.tokens[:before] if candidate is sentence else candidate.tokens
            for i in range(len(tokens) - 1, -1, -1):
                after_the = i > 0 and tokens[i - 1].key == "the" and self._adjacent(tokens, i - 1, i)
                if not after_the:
                    # "sued Orbit Inc. on Wednesday": a company named without an article
                    if named_only and tokens[i].capitalised and tokens[i].key in _CORPORATE:
                        start = i
                        while (
                            start > 0
                            and tokens[start - 1].capitalised
                            and self._adjacent(tokens, start - 1, start)
                        ):
                            start -= 1
                        if start < i:
                            return self._phrase(tokens[start : i + 1])
                    continue
                end = i
                while end + 1 < len(tokens) and self._adjacent(tokens, end, end + 1):
                    following = tokens[end + 1]
                    if following.capitalised and following.key not in self.lex.not_names:
                        end += 1
                    elif (
                        following.key in ("of", "and", "for")
                        and end + 2 < len(tokens)
                        and tokens[end + 2].capitalised
                        and self._adjacent(tokens, end + 1, end + 2)
                    ):
                        end += 2  # "the Food and Drug Administration", "the Bank of England"
                    else:
                        break
                words = tokens[i : end + 1]
                if named_only and not words[0].capitalised:
                    continue
                if any(self._word_class(w) == "org" for w in words):
                    return self._phrase(words) if words[0].capitalised else "the " + self._phrase(words)
        return None
