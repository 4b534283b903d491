"""The pipeline: find the quoted spans, mask them, read sentences and people, attribute each quotation, date
and place it, and join the parts of one utterance."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from datetime import date

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.lexicon import Lexicon, is_page_noise, lexicon
from counterpoint.ingest.quotemarks import (
    QuotedSpan,
    Span,
    doubled_apostrophes_as_marks,
    find_quoted,
    paragraph_spans,
)
from counterpoint.ingest.quotes.people import _Mention, _Person, _Speaker
from counterpoint.ingest.quotes.quote import (
    _BLANK_LINE,
    MIN_QUOTE_WORDS,
    MIN_UNATTRIBUTED_WORDS,
    Quote,
    has_blank_line_paragraphs,
    join_parts,
    part_separator,
)
from counterpoint.ingest.quotes.scenes import SceneReader
from counterpoint.ingest.quotes.tokens import _Sentence, _Token
from counterpoint.ingest.quotes.words import (
    _CLAUSE_OPENERS,
    _DETERMINERS,
    _OBJECT_VERBS,
    _TITLE_SMALL_WORDS,
    _name_like,
    _phrases_by_first_word,
)

# An utterance cut by its attributions more often than this is read as several statements: joining every part
# again at each cut made a paragraph of thousands of '"…," she said.' quadratic.
_MAX_PARTS = 32


def extract_quotes(text: str, *, published: date | None = None) -> list[Quote]:
    """Every quotation in `text` of MIN_QUOTE_WORDS words or more, with speaker, role, date and confidence.

    `published` (the document's date) turns "Tuesday" or "last Friday" into dates.
    """
    text = doubled_apostrophes_as_marks(text)  # ''I will,'' (same length: offsets hold)
    quotes: list[Quote] = []
    for quote in _Extractor(text, published).run():
        quotes.append(quote)
        if len(quote.text) >= 80 and _NESTED_OPEN.search(quote.text):
            quotes.extend(_nested_quotes(text, quote, published))
    return quotes


_NESTED_OPEN = re.compile(r"(?:^|[\s(\[—–-])[‘‚‹'\"“]\w")  # an opening mark, not an apostrophe


def _nested_quotes(text: str, outer: Quote, published: date | None) -> list[Quote]:
    """Quotations inside a quotation that name their own speaker there: a report quoting what others said
    ('Ebel reports, "… \u2018But we are well aware …,\u2019 she said."') gives each inner quotation to its speaker."""
    pieces: list[tuple[int, int, int]] = []  # (start in the quotation's text, start in the document, length)
    position = 0
    previous_end: int | None = None
    for start, end in outer.parts:
        if previous_end is not None:
            position += len(part_separator(text[previous_end:start]))
        pieces.append((position, start, end - start))
        position += end - start
        previous_end = end

    def to_document(span: Span) -> Span | None:
        for at, start, length in pieces:
            if at <= span[0] and span[1] <= at + length:
                return start + span[0] - at, start + span[1] - at
        return None

    found: list[Quote] = []
    for inner in _Extractor(outer.text, published).run():
        if inner.speaker is None or inner.attribution is None or inner.speaker == outer.speaker:
            continue
        if inner.speaker.startswith("the "):
            continue  # '"The doctor told us, \u2018…\u2019"': someone the speaker met, unnamed, is the speaker's account
        parts = [to_document(part) for part in inner.parts]
        if any(part is None for part in parts):
            continue
        spans = tuple(part for part in parts if part is not None)
        found.append(
            Quote(
                start=spans[0][0], end=spans[-1][1], text=join_parts(text, spans), speaker=inner.speaker,
                role=inner.role, confidence=min(inner.confidence, outer.confidence),
                said_on=inner.said_on or outer.said_on, attribution=to_document(inner.attribution),
                occasion=inner.occasion, parts=spans,
            )
        )  # fmt: skip
    return found


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """A pull quote repeats words quoted elsewhere in the article: keep the best attributed occurrence."""
    best: dict[str, tuple[int, Quote]] = {}  # words -> (id of the occurrence kept, what is kept)
    for quote in quotes:
        key = " ".join(re.sub(r"[^\w\s]", "", quote.text.casefold()).split())
        if key not in best:
            best[key] = (id(quote), quote)
            continue
        kept_id, kept = best[key]
        better, other, better_id = (
            (quote, kept, id(quote))
            if (quote.speaker is not None, quote.confidence) > (kept.speaker is not None, kept.confidence)
            else (kept, quote, kept_id)
        )
        if better.speaker == other.speaker:
            # a headline repeating the words of the story's lede: what the story says of when and where holds
            better = dataclasses.replace(
                better, said_on=better.said_on or other.said_on, occasion=better.occasion or other.occasion
            )
        best[key] = (better_id, better)
    chosen = dict(best.values())
    return [chosen[id(q)] for q in quotes if id(q) in chosen]


def _occasions_ahead(quotes: list[Quote], paragraph_starts: list[int]) -> list[Quote]:
    """A lede sums up what a speaker said before the story names the occasion ('Trump on Saturday said he
    would use "facts and instincts"' then 'In a phone interview …, the president said: "…"'): a quotation with
    no occasion takes the one of the same speaker's next quotation in the same or the next paragraph."""
    found = list(quotes)
    following: dict[str, tuple[int, str]] = {}  # speaker -> (paragraph, occasion) of their next quotation
    for at in range(len(found) - 1, -1, -1):
        quote = found[at]
        speaker = quote.speaker
        if speaker is None:
            continue
        paragraph = bisect_right(paragraph_starts, quote.start) - 1
        ahead = following.get(speaker)
        if quote.occasion is None and ahead is not None and ahead[0] - paragraph <= 1:
            quote = dataclasses.replace(quote, occasion=ahead[1])
            found[at] = quote
        if quote.occasion is not None:
            following[speaker] = (paragraph, quote.occasion)
        elif ahead is not None and ahead[0] - paragraph > 1:
            del following[speaker]
    return found


def _utterance(text: str, parts: list[Span]) -> bool:
    """'No comment,' 'Absolutely not.': a short quotation that is a whole sentence, not a phrase in one."""
    start, end = parts[0][0], parts[-1][1]
    following = text[end : end + 1]
    return text[start].isupper() and (text[end - 1] in ".!?," or following == ",")


def _looks_like_a_name(text: str, parts: list[Span]) -> bool:
    """'the "Fresh Start Initiative"', 'the film "The Long Road Home"': a title, not something said."""
    words = " ".join(text[s:e] for s, e in parts).split()
    if (
        len(words) > 8
        or text[parts[-1][1] - 1 : parts[-1][1] + 1][:2].strip(".!?,;:")
        != text[parts[-1][1] - 1 : parts[-1][1] + 1][:2]
    ):
        return False  # punctuation inside the marks: '"No," she said' is a reply, not a title
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words) and words[0][:1].isupper()


class _Extractor(SceneReader):
    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.lex: Lexicon = lexicon()
        self._phrases_by_first = _phrases_by_first_word(self.lex.speech_phrases)
        self.blank_lines = has_blank_line_paragraphs(text)
        # Hard-wrapped text breaks lines inside sentences (and names); elsewhere a line break ends a caption.
        lines = [line for line in text.split("\n") if line.strip()]
        self._wrapped = self.blank_lines and len(lines) > 3 * max(1, len(_BLANK_LINE.findall(text)))
        self.paragraphs = paragraph_spans(text)
        self._paragraph_starts = [start for start, _end in self.paragraphs]
        self.quoted = find_quoted(text, self.paragraphs)
        self._quote_slot: dict[int, int] = {}  # quotation index -> its place in its sentence's list
        self.masked = self._mask()
        self.sentences = self._sentences()
        self.people: dict[str, _Person] = {}  # full name -> person
        self.by_last_name: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        self._last_speaker: _Speaker | None = None  # the speaker of the quotation before, while run() works
        self._floor_speaker: _Speaker | None = None
        self._mention_positions: list[int] = []
        self._dates_cache: dict[Span, list[tuple[int, int, date, bool]]] = {}
        self._scenes = None
        self._sentence_days: dict[int, frozenset[str]] = {}
        self._sentence_names: dict[int, frozenset[str]] = {}
        self._unnamed_attribution = False
        self._lower_words: set[str] | None = None
        self._said_right_after = (
            False  # the last quotation was followed at once by "X said" (a full utterance)
        )

    # the run -----------------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        self._collect_people()
        sentence_of: dict[int, _Sentence] = {}
        for sentence in self.sentences:
            for index in sentence.quotes:
                sentence_of[index] = sentence
        quotes: list[Quote] = []
        previous: tuple[int, _Speaker, date | None, str | None, list[Span]] | None = None
        for index, quoted in enumerate(self.quoted):
            check_time()
            home = sentence_of.get(index)
            if home is None:
                continue
            sentence = home
            p_start, p_end = self.paragraphs[sentence.paragraph]
            if p_end - p_start < 400 and is_page_noise(self.text[p_start:p_end]):
                continue  # page chrome is a short line of its own
            parts = self._trimmed_parts(quoted)
            if not parts:
                continue
            open_mark = quoted.marks[0][0]
            self._last_speaker = (
                previous[1] if previous is not None and sentence.paragraph - previous[0] <= 1 else None
            )
            # the speaker of a quotation a few paragraphs up, for a "he said" with no name within reach
            self._floor_speaker = (
                previous[1]
                if previous is not None
                and previous[4][-1][1] >= self._prose_paragraph_start(open_mark, back=4)
                else None
            )
            speaker = self._attribute(sentence, index)
            run_on = None if speaker is not None else self._run_on_speaker(sentence, index)
            if run_on is not None and (run_on.person is not None or run_on.name[:1].isupper()):
                speaker = run_on  # a role alone ("the former minister said") waits for a name from before
            said_right_after = speaker is not None and self._said_right_after
            unnamed = speaker is None and self._unnamed_attribution
            merged = False
            if previous is not None and not unnamed:
                prev_paragraph, prev_speaker, _date, _occasion, prev_parts = previous
                same_paragraph = prev_paragraph == sentence.paragraph
                gap_start = prev_parts[-1][1]
                between = self.masked[gap_start:open_mark]
                # the next paragraph keeps the floor when it opens with the quotation or with the sentence
                # holding it ('It's a "question I can't answer."'), and no one else is named before it
                opens = open_mark == p_start or sentence.start == p_start
                if speaker is None and (
                    same_paragraph or (opens and self._next_paragraph(prev_paragraph, sentence.paragraph))
                ):
                    intervening = [
                        m
                        for m in self._mentions_before(open_mark)
                        if m.position >= gap_start and m.subject_like
                    ]
                    if all(m.person is prev_speaker.person for m in intervening):
                        speaker = _Speaker(
                            prev_speaker.name, prev_speaker.role, min(prev_speaker.confidence, 0.75),
                            prev_speaker.span, prev_speaker.person,
                        )  # fmt: skip
                # '"…," he said. "…"' and '"…," she said, "…"': one utterance cut by its attribution
                merged = (
                    same_paragraph
                    and speaker is not None
                    and speaker.name == prev_speaker.name
                    and self.text[gap_start : gap_start + 1] == ","
                    and len(between) <= 160
                    and between.rstrip()[-1:] in (",", ".", ":")
                    and bool(quotes)
                    and quotes[-1].parts[-1] == prev_parts[-1]
                    and len(quotes[-1].parts) < _MAX_PARTS
                )
            if speaker is None and not unnamed:
                speaker = (
                    self._previous_sentence_speaker(sentence)
                    or self._subject_of(sentence, open_mark)
                    or self._previous_sentence_subject(sentence, open_mark, p_start)
                    or self._described_subject(sentence, open_mark)
                    or self._statement_owner(sentence, open_mark, p_start)
                    or run_on
                )
            words = sum(len(self.text[s:e].split()) for s, e in parts)
            if not merged and _looks_like_a_name(self.text, parts):
                continue
            if merged and previous is not None and quotes:
                last = quotes.pop()
                # '"…," she said, "…"': the comma before the attribution is the reporter's, not the speaker's;
                # the parts are joined with an ellipsis (join_parts), never with punctuation of our own.
                all_parts = (*last.parts, *parts)
                # the last part again and the new ones, added to the text joined so far
                text = join_parts(self.text, (last.parts[-1], *parts))
                text = last.text + text[last.parts[-1][1] - last.parts[-1][0] :]
                quotes.append(
                    Quote(
                        start=all_parts[0][0], end=all_parts[-1][1], text=text, speaker=last.speaker,
                        role=last.role, confidence=last.confidence, said_on=last.said_on,
                        attribution=last.attribution, occasion=last.occasion, parts=all_parts,
                    )
                )  # fmt: skip
                previous = (sentence.paragraph, previous[1], previous[2], previous[3], [all_parts[-1]])
                continue
            if words < MIN_QUOTE_WORDS and not (said_right_after and _utterance(self.text, parts)):
                continue  # a scare quote ("too nice"), unless said on its own: '"No comment," he said.'
            if speaker is None and words < MIN_UNATTRIBUTED_WORDS and not unnamed:
                continue
            # Dates and occasions are looked for near the quotation, within its sentence.
            window = (max(sentence.start, open_mark - 400), min(sentence.end, quoted.marks[-1][1] + 400))
            found_occasion = self._occasion_in(window)
            if found_occasion is None and sentence.number > 0:
                # 'At his press briefing, Trump announced a task force. "This is really …"': the sentence
                # before, in the same paragraph, set the scene
                before = self.sentences[sentence.number - 1]
                if before.paragraph == sentence.paragraph and self._sets_the_scene_for(
                    before, speaker.name if speaker else None
                ):
                    found_occasion = self._occasion_in((max(before.start, before.end - 800), before.end))
                    if found_occasion and not self._same_day_as(before, sentence):
                        found_occasion = None  # 'It was a shift from Tuesday, when X told reporters'
            occasion = found_occasion[0] if found_occasion else None
            said_on = self._date_for(sentence, speaker, window, self._occasion_reach(found_occasion))
            same_speaker = previous is not None and speaker is not None and previous[1].name == speaker.name
            if occasion is None and speaker is not None:
                after = previous[4][-1][1] if previous is not None and same_speaker else None
                occasion = self._scene_before(speaker.name, sentence, after)
            if previous is not None and same_speaker:
                said_on = said_on or previous[2]
                occasion = occasion or previous[3]
            if occasion is None and speaker is not None:
                occasion = self._scene_after(speaker.name, sentence)
            tuple_parts = tuple(parts)
            quotes.append(
                Quote(
                    start=tuple_parts[0][0],
                    end=tuple_parts[-1][1],
                    text=join_parts(self.text, tuple_parts),
                    speaker=speaker.name if speaker else None,
                    role=speaker.role if speaker else None,
                    confidence=round(speaker.confidence if speaker else 0.1, 2),
                    said_on=said_on,
                    attribution=speaker.span if speaker and speaker.span[0] != speaker.span[1] else None,
                    occasion=occasion,
                    parts=tuple_parts,
                )
            )
            if speaker is not None:
                previous = (sentence.paragraph, speaker, said_on, occasion, list(tuple_parts))
        return _without_repeats(_occasions_ahead(quotes, self._paragraph_starts))

    def _next_paragraph(self, before: int, after: int) -> bool:
        """Whether paragraph `after` follows `before` with only page chrome between (a photo caption)."""
        if after - before > 3 or after <= before:
            return False
        return all(
            e - s < 400 and is_page_noise(self.text[s:e]) for s, e in self.paragraphs[before + 1 : after]
        )

    def _trimmed_parts(self, quoted: QuotedSpan) -> list[Span]:
        parts: list[Span] = []
        for number, (start, end) in enumerate(quoted.parts):
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            last = number == len(quoted.parts) - 1
            if last:
                while end > start and self.text[end - 1] in ",;:":
                    end -= 1
            if start < end:
                parts.append((start, end))
        return parts

    def _attribute(self, sentence: _Sentence, index: int) -> _Speaker | None:
        """The speaker the sentence credits; sets _unnamed_attribution when it credits one we cannot name."""
        self._unnamed_attribution = False
        self._said_right_after = False
        quoted = self.quoted[index]
        open_mark, close_mark = quoted.marks[0][0], quoted.marks[-1][1]
        tokens = sentence.tokens
        # The sentence's quotations are in document order, so the neighbours are found by bisection.
        at = self._quote_slot[index]
        right_limit = (
            self.quoted[sentence.quotes[at + 1]].marks[0][0] if at + 1 < len(sentence.quotes) else None
        )
        # The left side reaches back over earlier quotations in the sentence: 'X said members were "…" and
        # would "…"' credits both to X (the reporter's own words never include quoted ones).
        left_limit = sentence.start
        starts = sentence.token_starts()
        first_right = bisect_right(starts, close_mark)
        last_right = bisect_left(starts, right_limit) if right_limit is not None else len(tokens)
        right = list(range(first_right, min(last_right, first_right + 14)))
        first_left = bisect_left(starts, left_limit)
        last_left = bisect_left(starts, open_mark)
        left = list(range(max(first_left, last_left - 40), last_left))
        headline = self._headline_speaker(sentence, open_mark, close_mark, right)
        if headline is not None:
            return headline
        # After the quotation: '"…," Sessions told', '"…," he added', '"…," said Jane Doe', ', according to X'
        after = self._speaker_right_of(sentence, right, open_mark, close_mark)
        if after is not None and after.person is None and not self._said_right_after:
            # 'Mr O'Byrne said that "when it suited" the opposition, the party called …': an institution credited
            # a few words after the quotation gives way to a person credited before it
            before_it = self._speaker_left_of(sentence, left, open_mark)
            if isinstance(before_it, _Speaker) and before_it.person is not None:
                return before_it
        if after is not None:
            return after
        # Before it: 'NOBLE President Perry Tarrant said, "…"', 'Rosenberg said the remarks "…"'
        before_it = self._speaker_left_of(sentence, left, open_mark)
        if before_it is False:
            return None
        if isinstance(before_it, _Speaker):
            return before_it
        # The last character before the quotation, spaces skipped: read in place, since slicing the sentence
        # up to each of its quotations copied it once per quotation (quadratic in a long sentence).
        before = open_mark
        while before > sentence.start and self.masked[before - 1].isspace():
            before -= 1
        if before > sentence.start and self.masked[before - 1] == ":":
            # 'Asked whether she would sell, she doesn't hesitate: "Not while I can stand."': a colon hands
            # the quotation to the clause before it, whose subject here is a pronoun
            for i in reversed(left):
                if tokens[i].key in ("he", "she"):
                    return self._resolve(sentence, (i, i), open_mark)
        return None

    def _speaker_left_of(
        self, sentence: _Sentence, left: list[int], open_mark: int
    ) -> _Speaker | bool | None:
        """The speaker a speech verb before the quotation names ('NOBLE President Perry Tarrant said, "…"',
        'Rosenberg said the remarks "…"'); False when the nearest names someone we cannot name (stop there)."""
        tokens = sentence.tokens
        for i in reversed(left):
            n = self._verb_at(tokens, i)
            if not n:
                continue
            if tokens[i].key == "according":
                span = self._speaker_after(tokens, i + n)
            else:
                span = self._speaker_before(tokens, i)
                if (
                    span is None
                    and tokens[i].key.endswith("ing")
                    and i > 0
                    and not self._adjacent(tokens, i - 1, i)
                ):
                    span = self._sentence_subject(tokens)  # "A judge barred lawyers …, saying the case …"
                if span is None:
                    span = self._subject_before_a_participle(tokens, i)
                if span is None and tokens[i].key not in _OBJECT_VERBS:
                    span = self._speaker_after(tokens, i + n)
                    if span is not None and tokens[span[0]].start > open_mark:
                        span = None
            if span is not None:
                speaker = self._resolve(sentence, span, open_mark)
                if speaker is not None:
                    return speaker
                if span[0] == span[1] and tokens[span[0]].key in ("he", "she"):
                    # 'he said it "can't be" that member states "…"': the nearest speaker is someone we cannot
                    # name; a verb further back ("where member states agreed") is not the attribution
                    return False
        return None

    def _speaker_right_of(
        self, sentence: _Sentence, right: list[int], open_mark: int, close_mark: int
    ) -> _Speaker | None:
        """The speaker a speech verb just after the quotation names ('"…," Sessions told', '"…," said Jane
        Doe'); sets _unnamed_attribution when the verb credits someone we cannot name ('the statement said')."""
        tokens = sentence.tokens
        for offset, i in enumerate(right):
            if offset > 12:
                break
            n = self._verb_at(tokens, i)
            if not n:
                continue
            if tokens[i].key == "according" or i == right[0]:
                span = self._speaker_after(tokens, i + n)
            elif (quoted := self._quoted_as_saying(tokens, i)) is not None:
                span = quoted  # '"…," the paper quoted Dr Yusof as saying'
            else:
                span = self._speaker_before(tokens, i)
                if span is not None and span[0] != right[0]:
                    between = tokens[right[0] : span[0]]
                    if any(t.key in _CLAUSE_OPENERS and not t.capitalised for t in between):
                        span = None  # '"…," even as France signalled it would': another clause's subject
                    elif "," in self.masked[close_mark : tokens[span[0]].start]:
                        pass
                    elif len(between) <= 3 and all(
                        (not t.capitalised or t.key in _DETERMINERS or t.key in self.lex.honorifics)
                        and t.key not in self.lex.not_names - _DETERMINERS
                        for t in between
                    ):
                        span = (right[0], span[1])  # '"…," meteorologist Dana Ortiz said'
                    else:
                        span = None
            if span is not None:
                speaker = self._resolve(sentence, span, open_mark)
                if speaker is not None:
                    self._said_right_after = offset <= 3
                    return speaker
            # '"…," the statement said': someone is credited, but not someone we can name
            self._unnamed_attribution = offset <= 3
            break
        return None

    def _run_on_speaker(self, home: _Sentence, index: int) -> _Speaker | None:
        """'"…\n"…\n"…," he said': a quotation run on over paragraphs, each opened with a mark and only the
        last one closed, credited after its close in the sentence that holds the closing mark."""
        quoted = self.quoted[index]
        close_mark = quoted.marks[-1][1]
        if close_mark <= home.end:
            return None
        closing = self.sentences[bisect_right(self._sentence_starts, close_mark) - 1]
        if closing.quotes and self.quoted[closing.quotes[0]].marks[0][0] < close_mark:
            return None  # the closing sentence holds a quotation of its own
        starts = closing.token_starts()
        first_right = bisect_right(starts, close_mark)
        right = list(range(first_right, min(len(closing.tokens), first_right + 14)))
        return self._speaker_right_of(closing, right, quoted.marks[-1][0], close_mark)

    def _headline_speaker(
        self, sentence: _Sentence, open_mark: int, close_mark: int, right: list[int]
    ) -> _Speaker | None:
        """'"Rid the country of waste": Jane Okafor at Leeds rally': a headline's quotation, then a colon and the
        name of who said it."""
        tokens = sentence.tokens
        if not right or open_mark != sentence.start:
            return None
        if self.masked[close_mark : tokens[right[0]].start].strip(" \t'’\"”") != ":":
            return None
        end = right[0]
        while end + 1 < len(tokens) and tokens[end + 1].capitalised and self._adjacent(tokens, end, end + 1):
            end += 1
        if end == right[0] or not all(_name_like(t.word) for t in tokens[right[0] : end + 1]):
            return None
        return self._resolve(sentence, (right[0], end), open_mark)

    def _subject_before_a_participle(self, tokens: list[_Token], verb: int) -> tuple[int, int] | None:
        """'The Minister addressing supporters at an event in April told them that "…"': a sentence opened by
        "the <title>" and a participle, whose verb comes after the participle's phrase."""
        if len(tokens) < 4 or tokens[0].key != "the" or tokens[1].key not in self.lex.titles:
            return None
        if not (tokens[2].key.endswith("ing") and not tokens[2].capitalised and verb > 2):
            return None
        if any(self._verb_at(tokens, k) for k in range(3, verb)):
            return None
        return 0, 1
