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
from counterpoint.ingest.lexicon import word_class
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
# "told Sky News", "telling CNN that", "told The Daily Ledger Thursday": a capitalised run after the verb, an
# outlet when a word of it is an acronym or a media word (checked in _told_outlet)
_TOLD_OUTLET = re.compile(
    r"\b(?:told|tells|telling)\s+((?:[Tt]he\s+)?[A-Z][\w&-]*(?:['’]s?)?(?:\s+[A-Z][\w&-]*(?:['’]s?)?){0,4})"
)
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


@cache
def _occasion_verb_pattern(verbs: frozenset[str], occasions: tuple[str, ...]) -> re.Pattern[str]:
    """'held a press conference', 'told a news conference', 'took to the Senate floor': a verb that places the
    speaker at the occasion named after it (lexicons/attribution/occasion-verbs.tsv)."""
    verb_alternatives = "|".join(
        sorted((r"\s+".join(map(re.escape, v.split())) for v in verbs), key=len, reverse=True)
    )
    nouns = "|".join(r"\s+".join(map(re.escape, o.split())) for o in occasions)
    return re.compile(
        rf"\b(?i:{verb_alternatives})\s+(?i:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?i:{nouns})s?\b"
    )


@cache
def _text_reads_pattern(occasions: tuple[str, ...]) -> re.Pattern[str]:
    """'Evers' full statement reads:', 'The letter said': the occasion is the text that is quoted (group 1)."""
    nouns = "|".join(r"\s+".join(map(re.escape, o.split())) for o in occasions)
    return re.compile(
        rf"\b((?:(?i:full|written|prepared|joint|entire)\s+)?(?i:{nouns}))\s+"
        rf"(?i:reads|read|said|says|stated|states)\b"
    )


@cache
def _gathering_pattern(gatherings: frozenset[str]) -> re.Pattern[str]:
    """'Sitting with the premier for a White House summit': 'for' before a gathering (group 2), and the word
    before it (group 1: a request, 'called for a hearing', is no occasion)."""
    nouns = "|".join(
        r"\s+".join(map(re.escape, g.split())) for g in sorted(gatherings, key=len, reverse=True)
    )
    return re.compile(
        rf"(?:([\w'’-]+)\s+)?\b((?i:for)\s+(?i:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?i:{nouns})s?\b)"
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
        # The first of the phrases built on an occasion noun: 'held a press conference Monday at the town hall'
        # is the press conference.
        verbs = word_class("occasion-verbs")
        after_preposition = _occasion_pattern(self.lex.occasions).search(self.masked, *window)
        after_verb = _occasion_verb_pattern(verbs, self.lex.occasions).search(self.masked, *window)
        reads = _text_reads_pattern(self.lex.occasions).search(self.masked, *window)
        named = [m.span() for m in (after_preposition, after_verb) if m] + ([reads.span(1)] if reads else [])
        span: Span | None = min(named) if named else None
        if span is None:
            for gathering in _gathering_pattern(word_class("gatherings")).finditer(self.masked, *window):
                if (gathering[1] or "").lower() not in word_class("requests"):
                    span = gathering.span(2)
                    break
        if span is None:
            match = _TOLD_REPORTERS.search(self.masked, *window)
            span = (match.start(), match.end()) if match else self._told_outlet(window)
        if span is None:
            match = _VIA_MEDIUM.search(self.masked, *window)
            span = (match.start(), match.end()) if match else None
        if span is None:
            return None
        phrase = " ".join(self.text[span[0] : span[1]].split())
        if phrase[:1].isupper() and phrase.split()[0].lower() in (
            "in",
            "during",
            "at",
            "on",
            "via",
            "through",
        ):
            phrase = phrase[0].lower() + phrase[1:]
        return phrase, span

    def _told_outlet(self, window: Span) -> Span | None:
        """'told Sky News', 'telling CNN that': the verb and an outlet named by an acronym or a media word."""
        for match in _TOLD_OUTLET.finditer(self.masked, *window):
            words = list(re.finditer(r"\S+", self.masked[match.start(1) : match.end(1)]))
            while words and words[-1][0].lower() in self.lex.not_names:
                words.pop()  # 'told The Daily Ledger Thursday': the weekday is not the outlet's
            bare = [w[0].removesuffix("'s").removesuffix("’s").rstrip("'’") for w in words]
            acronym = any(len(w) >= 2 and w.isalpha() and w.isupper() for w in bare)
            media = any(w.lower() in word_class("media-words") for w in bare[1:] or bare)
            if words and (acronym or media):
                return match.start(), match.start(1) + words[-1].end()
        return None

    def _occasion_reach(self, found: tuple[str, Span] | None) -> Span | None:
        """The occasion's phrase and what follows it up to the next comma or full stop ("in an agency-wide
        email sent Saturday and reported Tuesday"): the first date there is the occasion's."""
        if found is None:
            return None
        start, end = found[1]
        stop = re.compile(r"[,.;:—–]").search(self.masked, end, end + 60)
        return start, stop.start() if stop else min(len(self.masked), end + 60)
