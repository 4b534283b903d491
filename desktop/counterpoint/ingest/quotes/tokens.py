"""Tokens and sentences of the reporter's own words: quotations are masked so the splitter and the rules see
only what the reporter wrote."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.lexicon import Lexicon
from counterpoint.ingest.quotemarks import OPEN_DOUBLE, OPEN_SINGLE, QuotedSpan, Span

if TYPE_CHECKING:
    from counterpoint.ingest.quotes.people import _Mention, _Person, _Speaker
from counterpoint.ingest.quotes.words import _PARTY_LABEL, abbreviation_end, token_pattern


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # as written
    key: str  # lower case, possessive removed

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    tokens: list[_Token] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indexes into the extractor's quoted list
    number: int = 0  # position in the extractor's sentence list
    _starts: list[int] | None = None

    def token_starts(self) -> list[int]:
        if self._starts is None or len(self._starts) != len(self.tokens):
            self._starts = [token.start for token in self.tokens]
        return self._starts


class SentenceReader:
    """Pass 2: mask the quotations, split the reporter's words into sentences and tokens.

    The readers of the later passes extend it (verbs, people, attribution, coreference, dates); the state they
    share is declared here and set by the pipeline's extractor.
    """

    text: str
    published: date | None
    lex: Lexicon
    _phrases_by_first: dict[str, tuple[tuple[str, ...], ...]]
    blank_lines: bool
    _wrapped: bool
    paragraphs: list[Span]
    _paragraph_starts: list[int]
    quoted: list[QuotedSpan]
    _quote_slot: dict[int, int]
    masked: str
    sentences: list[_Sentence]
    people: dict[str, _Person]
    by_last_name: dict[str, _Person]
    mentions: list[_Mention]
    _last_speaker: _Speaker | None
    _floor_speaker: _Speaker | None
    _mention_positions: list[int]
    _dates_cache: dict[Span, list[tuple[int, int, date, bool]]]
    _unnamed_attribution: bool
    _lower_words: set[str] | None
    _said_right_after: bool
    _part_starts: list[int]
    _part_ends: dict[int, int]
    _mark_positions: list[int]
    _stop_run: tuple[int, int, str]  # the last run of stops read by _terminates: (start, end, what follows)

    def _mask(self) -> str:
        chars = list(self.text)
        # "Sen. Mike Lee (R-Utah) said": the party-and-state label is read as if it were not there
        for match in _PARTY_LABEL.finditer(self.text):
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
        for quoted in self.quoted:
            for start, end in quoted.parts:
                for i in range(start, end):
                    if chars[i] != "\n":
                        chars[i] = "x"
        return "".join(chars)

    # sentences ---------------------------------------------------------------------------------------

    def _sentences(self) -> list[_Sentence]:
        close_ends: dict[int, int] = {}  # close-mark position -> quoted index
        for index, quoted in enumerate(self.quoted):
            for _open, close in quoted.marks:
                close_ends[close] = index
        sentences: list[_Sentence] = []
        self._stop_run = (0, 0, "")
        # Sorted positions make the lookups below logarithmic: a long report has thousands of quotations.
        self._part_starts = sorted(s for q in self.quoted for s, _e in q.parts)
        self._part_ends = {s: e for q in self.quoted for s, e in q.parts}
        # Where paragraphs are set off by blank lines and lines are not hard-wrapped, a line of its own inside
        # a paragraph is a heading or a caption: it ends where the line does ("Hands off\nCllr Ames said")
        lines_end = self.blank_lines and not self._wrapped
        for number, (p_start, p_end) in enumerate(self.paragraphs):
            check_time()
            start = p_start
            i = p_start
            while i < p_end:
                ch = self.masked[i]
                boundary = False
                if ch in ".!?" and i in close_ends:
                    pass
                elif ch in ".!?…" and self._terminates(i, p_end):
                    boundary = True
                elif i in close_ends:
                    boundary = self._quote_terminates(close_ends[i], i, p_end)
                elif ch == "\n" and lines_end and i > start and not self._inside_quote(i):
                    boundary = self.masked[start:i].rstrip()[-1:] not in ",;:–—-(" and (
                        self.text[i + 1 : i + 2].isupper() or self.text[i + 1 : i + 2] in "“\"‘'"
                    )
                if boundary:
                    sentences.append(_Sentence(start, i + 1, number))
                    start = i + 1
                    while start < p_end and self.text[start].isspace():
                        start += 1
                    i = start
                    continue
                i += 1
            if start < p_end:
                sentences.append(_Sentence(start, p_end, number))
        self._mark_positions = sorted({p for q in self.quoted for p in (q.marks[0][0], q.marks[-1][1])})
        for number, sentence in enumerate(sentences):
            check_time()
            sentence.number = number
            for match in token_pattern().finditer(self.masked, sentence.start, sentence.end):
                if self._inside_quote(match.start()):
                    continue
                word = match.group()
                key = re.sub(r"['’]s$", "", word.lower())
                sentence.tokens.append(_Token(match.start(), match.end(), word, key))
        starts = [sentence.start for sentence in sentences]
        for index, quoted in enumerate(self.quoted):
            first = quoted.marks[0][0]
            at = bisect_right(starts, first) - 1
            if at >= 0 and sentences[at].start <= first < sentences[at].end:
                self._quote_slot[index] = len(sentences[at].quotes)
                sentences[at].quotes.append(index)
        return sentences

    def _inside_quote(self, position: int) -> bool:
        at = bisect_right(self._part_starts, position) - 1
        return at >= 0 and position < self._part_ends[self._part_starts[at]]

    def _terminates(self, i: int, p_end: int) -> bool:
        # What follows a run of stops ("...", "?!)") is the same for every mark of the run: it is read once
        # per run, not once per mark (a run of 20,000 full stops was read 20,000 times: quadratic).
        run_start, run_end, after = self._stop_run
        if not run_start <= i < run_end:
            j = i + 1
            while j < p_end and self.masked[j] in ".!?…)":
                j += 1
            run_start, run_end, after = self._stop_run = (i, j, self._after_stops(j, p_end))
        if after != "check":
            return after == "end"
        return not (self.masked[i] == "." and abbreviation_end().search(self.masked[max(0, i - 12) : i + 1]))

    def _after_stops(self, j: int, p_end: int) -> str:
        """After a run of stops ending at j: "end" (the paragraph ends), "no" (the sentence goes on), or
        "check" (a capital follows: a boundary unless the stop ends an abbreviation)."""
        if j >= p_end:
            return "end"
        if not self.masked[j].isspace():
            return "no"
        while j < p_end and self.masked[j].isspace():
            j += 1
        if j >= p_end:
            return "end"
        following = self.masked[j]
        if following in "{[<•*#|":
            return "check"  # markup or a bullet left in the text opens the next sentence: '… (D-Calif.).\n{ad}Sen.'
        if not (following.isupper() or following.isdigit() or following in OPEN_DOUBLE + OPEN_SINGLE + "\"'"):
            return "no"
        return "check"

    def _quote_terminates(self, index: int, close: int, p_end: int) -> bool:
        content = self.text[self.quoted[index].parts[-1][0] : close].rstrip()
        if not content or content[-1] not in ".!?…":
            return False
        # What follows the mark, spaces skipped: its first 80 characters are all the rules read (slicing to the
        # paragraph's end copied the paragraph once per quotation: quadratic in a long one).
        after = close + 1
        while after < p_end and self.text[after].isspace():
            after += 1
        rest = self.text[after : min(p_end, after + 80)]
        if not rest:
            return True
        # "Why now?" she asked. -- the sentence goes on when a lower-case word follows,
        # and when a name and a speech verb follow: "Is this the end?" Smith asked.
        if rest[0].islower() or rest[0] in ",;:—–-":
            return False
        if content[-1] == ".":
            return True  # news ends a quotation with a comma before its attribution, never a full stop
        words = [w.rstrip(".") for w in re.findall(r"[\w.'’-]+", rest[:80])[:6]]
        for n, word in enumerate(words):
            if word.lower() in self.lex.speech_verbs and n > 0:
                return not all(w[:1].isupper() or w.lower() in self.lex.titles for w in words[:n])
            if not (word[:1].isupper() or word.lower() in self.lex.titles):
                break
        return True

    def _phrase(self, words: list[_Token]) -> str:
        text = self.text[words[0].start : words[-1].end]
        return re.sub(r"['’]s$", "", re.sub(r"\s+", " ", text))

    def _adjacent(self, tokens: list[_Token], a: int, b: int) -> bool:
        gap = self.masked[tokens[a].end : tokens[b].start].strip()
        return not gap or (gap == "&" and tokens[a].capitalised and tokens[b].capitalised)


def _title_case(tokens: list[_Token]) -> bool:
    """A headline in title case: most words capitalised, including the ones prose leaves in lower case."""
    words = [t for t in tokens if t.word[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(t.capitalised for t in words) >= 0.7 * len(words)
