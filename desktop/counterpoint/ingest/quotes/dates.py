"""When and where a quotation was said: the date its sentence (or an earlier one about the speaker) gives,
and the occasion the text names ("in a statement Monday", "during a press briefing")."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from counterpoint.ingest.dates import find_dates
from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes.coreference import CoreferenceReader
from counterpoint.ingest.quotes.people import _Speaker
from counterpoint.ingest.quotes.tokens import _Sentence
from counterpoint.ingest.quotes.words import (
    _surname,
)


@cache
def _occasion_pattern(occasions: tuple[str, ...]) -> re.Pattern[str]:
    """'In a statement Monday', 'during a press briefing', 'in his Tuesday remarks to Noble'."""
    nouns = "|".join(re.escape(o) for o in occasions)
    return re.compile(
        r"\b(?i:in|during|at|on|via|through)\s+(?i:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
        rf"(?i:{nouns})s?\b(?:\s+(?:to|with|before)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    )


class OccasionReader(CoreferenceReader):
    """When and where the words were said."""

    def _date_in(self, start: int, end: int) -> date | None:
        key = (start, end)
        if key not in self._dates:
            found = find_dates(self.masked[start:end], self.published)
            dates = [d for _s, _e, d in found if self.published is None or d <= self.published]
            self._dates[key] = dates[0] if dates else None
        return self._dates[key]

    def _date_for(self, sentence: _Sentence, speaker: _Speaker | None, window: Span) -> date | None:
        found = self._date_in(*window)
        if found or speaker is None:
            return found
        # The date of the occasion is often given once, in an earlier sentence about the same speaker.
        names = {speaker.name.lower(), _surname(speaker.name)}
        floor = self._paragraph_start(sentence.start, back=3)
        for earlier in self.sentences[max(0, sentence.number - 12) : sentence.number][::-1]:
            if earlier.start < floor:
                break
            words = {t.key for t in earlier.tokens}
            if names & words or any(n in words for n in names):
                found = self._date_in(earlier.start, earlier.end)
                if found:
                    return found
        return None

    def _occasion_in(self, window: Span) -> str | None:
        pattern = _occasion_pattern(self.lex.occasions)
        match = pattern.search(self.masked, *window)
        if not match:
            return None
        phrase = match.group()
        return phrase[0].lower() + phrase[1:] if phrase[:1].isupper() and phrase.split()[0].lower() in (
            "in", "during", "at", "on", "via", "through"
        ) else phrase  # fmt: skip
