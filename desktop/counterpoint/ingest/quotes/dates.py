"""When and where a quotation was said: the date of the occasion or the one nearest its attribution (or in an
earlier sentence about the speaker), and the occasion the text names ("in a statement Monday", "during a press
briefing", "told reporters outside City Hall", "via Twitter").

A statement's date is when the words were said: "promised … at her March 7 address" is March 7 even when the
sentence goes on to a vote on March 13, and a dateline ("April 11, 2020 (EIRNS)—", a page's date stamp) is the
publication date, used only when the text gives no other."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from counterpoint.ingest.dates import find_dates
from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes.coreference import CoreferenceReader
from counterpoint.ingest.quotes.people import _Speaker
from counterpoint.ingest.quotes.tokens import _Sentence
from counterpoint.ingest.quotes.words import _surname

_WEEKDAY_POSSESSIVE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s"
_OCCASION_LEAD = r"\b(?i:in|during|at|on|via|through|from)\s+"
# "told reporters outside City Hall", "told reporters on Air Force One": where the words were spoken to the press
_TOLD_REPORTERS = re.compile(
    r"\b(?:told|telling)\s+(?:the\s+)?(?:reporters|journalists)"
    r"(?:\s+(?:at|in|outside|on|after|during|before|aboard)\s+(?:the\s+|a\s+|an\s+)?"
    r"[\w'’-]+(?:\s+[A-Z][\w'’-]*)*)?"
)
# "via Twitter", "via Zoom": a medium named by its proper name
_VIA_MEDIUM = re.compile(r"\bvia\s+[A-Z][\w]+(?:\s+[A-Z][\w]+)?")
# A dateline or page stamp right after a date: "April 11, 2020 (EIRNS)—", "May 31, 2017 / 7:21 PM".
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]|\s*/\s*\d|\s*\|")


@cache
def _occasion_pattern(occasions: tuple[str, ...]) -> re.Pattern[str]:
    """'In a statement Monday', 'during a press briefing', 'in his Tuesday remarks to Noble', "at Friday's
    coronavirus briefing"."""
    nouns = "|".join(re.escape(o) for o in occasions)
    return re.compile(
        rf"{_OCCASION_LEAD}(?:(?i:a|an|the|his|her|their|its)|{_WEEKDAY_POSSESSIVE})\s+(?:[\w'’-]+\s+){{0,3}}"
        rf"(?i:{nouns})s?\b(?:\s+(?:to|with|before)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    )


class OccasionReader(CoreferenceReader):
    """When and where the words were said."""

    def _dates_in(self, start: int, end: int) -> list[tuple[int, int, date, bool]]:
        """The dates in text[start:end] as (start, end, date, is_dateline), positions in the document; dates
        after the publication date are left out (a promise of what will happen is not when it was said)."""
        found: list[tuple[int, int, date, bool]] = []
        for s, e, day in find_dates(self.masked[start:end], self.published):
            if self.published is not None and day > self.published:
                continue
            s, e = s + start, e + start
            stamp = re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.masked[s:e]) is not None
            found.append((s, e, day, stamp or bool(_DATELINE_AFTER.match(self.masked, e))))
        return found

    def _date_near(self, window: Span, anchor: int, inside: Span | None = None) -> date | None:
        """The date in `window` of the occasion (a date within `inside`), else the one nearest `anchor`; a
        dateline only when there is no other."""
        key = (window[0], window[1])
        if key not in self._dates_cache:
            self._dates_cache[key] = self._dates_in(*window)
        dates = self._dates_cache[key]
        if not dates:
            return None
        if inside is not None:
            for s, e, day, _dateline in dates:  # in document order: "sent Saturday and reported Tuesday"
                if inside[0] <= s and e <= inside[1]:
                    return day
        ranked = sorted(dates, key=lambda d: (d[3], min(abs(d[0] - anchor), abs(d[1] - anchor))))
        return ranked[0][2]

    def _date_for(
        self, sentence: _Sentence, speaker: _Speaker | None, window: Span, occasion: Span | None
    ) -> date | None:
        anchor = speaker.span[0] if speaker is not None and window[0] <= speaker.span[0] < window[1] else None
        found = self._date_near(window, anchor if anchor is not None else window[0], occasion)
        if found or speaker is None:
            return found
        # The date of the occasion is often given once, in an earlier sentence about the same speaker.
        names = {speaker.name.lower(), _surname(speaker.name)}
        floor = self._paragraph_start(sentence.start, back=3)
        for earlier in self.sentences[max(0, sentence.number - 12) : sentence.number][::-1]:
            if earlier.start < floor:
                break
            named = next((t for t in earlier.tokens if t.key in names), None)
            if named is not None:
                window = (earlier.start, min(earlier.end, earlier.start + 1200))
                occasion = self._occasion_reach(self._occasion_in(window))
                found = self._date_near(window, named.start, occasion)
                if found:
                    return found
        return None

    def _occasion_in(self, window: Span) -> tuple[str, Span] | None:
        """The occasion the window names, and where: a noun of the lexicon after a preposition first ("during
        his daily news conference"), else "told reporters …", else "via <Medium>"."""
        match = _occasion_pattern(self.lex.occasions).search(self.masked, *window)
        if not match:
            match = _TOLD_REPORTERS.search(self.masked, *window) or _VIA_MEDIUM.search(self.masked, *window)
        if not match:
            return None
        phrase = " ".join(self.text[match.start() : match.end()].split())
        if phrase[:1].isupper() and phrase.split()[0].lower() in (
            "in",
            "during",
            "at",
            "on",
            "via",
            "through",
        ):
            phrase = phrase[0].lower() + phrase[1:]
        return phrase, (match.start(), match.end())

    def _occasion_reach(self, found: tuple[str, Span] | None) -> Span | None:
        """The occasion's phrase and what follows it up to the next comma or full stop ("in an agency-wide
        email sent Saturday and reported Tuesday"): the first date there is the occasion's."""
        if found is None:
            return None
        start, end = found[1]
        stop = re.compile(r"[,.;:—–]").search(self.masked, end, end + 60)
        return start, stop.start() if stop else min(len(self.masked), end + 60)
