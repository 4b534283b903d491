"""Attribution patterns: speech verbs, the subject before them or the speaker after them, appositive roles."""

from __future__ import annotations

from counterpoint.ingest.quotes.people import PeopleReader
from counterpoint.ingest.quotes.tokens import _Token
from counterpoint.ingest.quotes.words import (
    _AUXILIARIES,
    _DESCRIBED_BY,
    _DETERMINERS,
    _INDEFINITE,
    _LY_NOUNS,
    _NAME_PARTICLES,
    _NAME_TOKENS,
    _OPENING_TOKENS,
    _PRONOUNS,
    _name_like,
    _party_or_age,
)

_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_PARTS_OF_DAY = frozenset(("morning", "afternoon", "evening", "night"))
_RELATIVE_STOPS = frozenset(("where", "which", "who", "whom", "whose", "that", "when", "while", "as"))


class AttributionReader(PeopleReader):
    """Pass 4: the patterns news writing uses to say who spoke (\"X said\", \"said X\", \"according to X\")."""

    def _speaker_before(self, tokens: list[_Token], verb: int) -> tuple[int, int] | None:
        """Token range (start, end inclusive) of the subject before a speech verb, appositive skipped."""
        quoted = self._quoted_as_saying(tokens, verb)
        if quoted is not None:
            return quoted
        i = verb - 1
        if (
            i > 0
            and tokens[i].key.endswith("ly")
            and len(tokens[i].key) > 4
            and tokens[i].key not in _LY_NOUNS
            and not tokens[i].capitalised
            and tokens[i - 1].key not in _AUXILIARIES
            and self._adjacent(tokens, i - 1, i)
            and self._adjacent(tokens, i, i + 1)
        ):
            i -= 1  # "The company initially declined": an adverb is not the subject
        while (
            i >= 0
            and tokens[i].key in _AUXILIARIES
            and not tokens[i].capitalised
            and self._adjacent(tokens, i, i + 1)  # "…, who was not authorized to speak publicly, said"
        ):
            i -= 1
        # "Mthembu on Sunday said", "Smith yesterday said", "Lee on Tuesday night told": a time between the
        # subject and its verb (one that closes an appositive, "X, in an interview with Y on Thursday, said",
        # is left to the appositive below)
        closes = i >= 0 and "," in self.masked[tokens[i].end : tokens[verb].start]
        if i > 0 and tokens[i].key in _PARTS_OF_DAY and tokens[i - 1].key in _WEEKDAYS and not closes:
            i -= 1
        if i > 0 and tokens[i].key in _WEEKDAYS and tokens[i - 1].key == "on" and not closes:
            i -= 2
        elif (
            i > 0
            and tokens[i].key in ("yesterday", "today", "tonight")
            and not tokens[i].capitalised
            and not closes
        ):
            i -= 1
        if i < 0:
            return None
        if ")" in self.masked[tokens[i].end : tokens[verb].start]:
            # "Cllr Eileen Wragg (Liberal Democrat, Exmouth Town) said": the subject stands before the brackets
            j = i
            while j > 0 and i - j < 12 and "(" not in self.masked[tokens[j - 1].end : tokens[j].start]:
                j -= 1
            if j > 0 and "(" in self.masked[tokens[j - 1].end : tokens[j].start]:
                i = j - 1
        # "A man who answered the phone at the office said": the subject is the noun the clause describes
        for j in range(i, max(0, i - 14), -1):
            if not self._adjacent(tokens, j - 1, j):
                break
            if tokens[j].key == "who" and not tokens[j].capitalised:
                if tokens[j - 1].key in self.lex.titles and not tokens[j - 1].capitalised:
                    k = j - 1
                    while k > 0 and j - 1 - k < 3 and self._adjacent(tokens, k - 1, k):
                        k -= 1
                        if tokens[k].key in _DETERMINERS:
                            if k > 0 and "," in self.masked[tokens[k - 1].end : tokens[k].start]:
                                break  # "Mr Spencer, a former whip who is now a minister, said": appositive
                            return k, j - 1
                break
        for _appositive in range(2):
            gap = self.masked[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else ""
            if "," not in gap:
                break
            # "Chuck Rosenberg, a holdover from the Obama administration, said": skip to the opening comma
            j = i
            while j > 0 and "," not in self.masked[tokens[j - 1].end : tokens[j].start]:
                if self._quote_between(tokens[j - 1].end, tokens[j].start):
                    return None
                j -= 1
            if j == 0 or i - j > 15:
                return None
            chunk = tokens[j : i + 1]
            if tokens[j].capitalised and tokens[j].key not in _DETERMINERS:
                # "A spokeswoman for the agency, Priya Natarajan, said": the name is the appositive
                if (
                    2 <= len(chunk) <= 6
                    and all(_name_like(t.word) or t.key in _NAME_PARTICLES for t in chunk)
                    and _name_like(chunk[-1].word)
                ):
                    return j, i
                if not all(_party_or_age(t.word) for t in chunk):
                    return None
            i = j - 1
            if not (tokens[i].word[:1].isdigit() or _party_or_age(tokens[i].word)):
                break  # "Jane Whitaker, 54, a retired teacher, said": an age before the appositive
        if self._quote_between(tokens[i].end, tokens[verb].start):
            return None
        token = tokens[i]
        if token.key in _PRONOUNS:
            return i, i
        if token.capitalised and token.key not in self.lex.not_names:
            start = self._capitalised_run(tokens, i)
            if start > i:
                return None
            described = self._description_before(tokens, start)
            if described is not None:
                return described, i  # "a spokesman for the Justice Department said"
            if (
                start > 0
                and not tokens[start].capitalised
                and tokens[start - 1].key in _INDEFINITE
                and self._adjacent(tokens, start - 1, start)
            ):
                return start - 1, i  # "One senior MP said"
            listed = self._listed_places_before(tokens, start)
            if listed is not None:
                return listed  # "The ministers from the United States, Russia, … and Canada said"
            if start > 0 and tokens[start - 1].key in ("the",) and self._adjacent(tokens, start - 1, start):
                start -= 1  # "the Federal Reserve said": kept, to tell an institution from a person
            elif (
                start > 1
                and tokens[start - 1].key in ("from", "of")
                and self._adjacent(tokens, start - 1, start)
            ):
                # "The senator from New York said": the speaker is the title before the place
                head = start - 2
                if tokens[head].key in self.lex.titles and self._adjacent(tokens, head, start - 1):
                    j = head
                    while j > 0 and head - j < 4 and tokens[j].key not in _DETERMINERS:
                        j -= 1
                    return j, head
            return start, i
        # "the senator said", "a White House spokeswoman said", "officials said"
        if token.key in self.lex.titles or token.key in self.lex.organisation_words:
            j = i
            while j > 0 and i - j < 7 and tokens[j].key not in _DETERMINERS:
                if self.masked[tokens[j - 1].end : tokens[j].start].strip() not in ("", "'", "’"):
                    break
                if tokens[j - 1].key in _RELATIVE_STOPS:
                    break  # "the summit ten days ago where member states agreed": the subject starts after "where"
                if (
                    tokens[j - 1].key in ("at", "on", "against", "with", "to")
                    and not tokens[j - 1].capitalised
                ):
                    # "lashed out at political opponents saying": the object of a preposition speaks for no one
                    return None
                j -= 1
            return j, i
        # "A person familiar with the talks, who was not authorized to speak, said": someone described
        for j in range(i, max(0, i - 8), -1):
            if not self._adjacent(tokens, j - 1, j):
                break
            if (
                tokens[j].key in self.lex.titles
                and not tokens[j].capitalised
                and tokens[j - 1].key in _INDEFINITE
                and j < i
                and tokens[j + 1].key in _DESCRIBED_BY
            ):
                return j - 1, i
        # "the 24-year-old said", "the former champion said": a definite description of someone named before
        for j in range(i, max(-1, i - 4), -1):
            if tokens[j].key == "the":
                words = tokens[j + 1 : i + 1]
                if all(not w.capitalised for w in words) and all(
                    self._adjacent(tokens, k, k + 1) for k in range(j, i)
                ):
                    return j, i
                break
        return None

    @staticmethod
    def _quoted_as_saying(tokens: list[_Token], verb: int) -> tuple[int, int] | None:
        """'the paper quoted Dr Yusof as saying': the one quoted, between "quoted" and "as saying"."""
        if verb < 3 or tokens[verb].key != "saying" or tokens[verb - 1].key != "as":
            return None
        end = verb - 2
        for j in range(end, max(0, end - 6), -1):
            if tokens[j - 1].key in ("quoted", "quotes", "quoting"):
                return (j, end) if tokens[j].capitalised or tokens[j].key in _DETERMINERS else None
        return None

    def _listed_places_before(self, tokens: list[_Token], start: int) -> tuple[int, int] | None:
        """'The ministers from the United States, Russia, Britain … and Canada said': the capitalised run
        before the verb ends a list after "from"/"of" a title; the speaker is the title, not the last item."""
        k, commas = start, 0
        while k > 0 and start - k < 30:
            gap = self.masked[tokens[k - 1].end : tokens[k].start].strip()
            if gap not in ("", ","):
                return None
            commas += gap == ","
            previous = tokens[k - 1]
            if previous.key in ("from", "of") and not previous.capitalised and gap == "":
                break
            if not (previous.capitalised or previous.key in ("and", "the")):
                return None
            k -= 1
        else:
            return None
        head = k - 2
        if commas == 0 or head < 0 or tokens[head].capitalised:
            return None
        key = tokens[head].key
        if key not in self.lex.titles and not (key.endswith("s") and key[:-1] in self.lex.titles):
            return None  # "envoys", "ministers", "officials
        j = head
        while (
            j > 0 and head - j < 4 and tokens[j].key not in _DETERMINERS and self._adjacent(tokens, j - 1, j)
        ):
            j -= 1
        return (j, head) if tokens[j].key in _DETERMINERS else None

    def _description_before(self, tokens: list[_Token], start: int) -> int | None:
        """'a spokesman for the Justice Department', 'a reviewer for the Free Press': where the unnamed
        person described by the organisation at tokens[start] begins (None when there is no such person)."""
        k = start
        if k > 0 and tokens[k - 1].key == "the" and self._adjacent(tokens, k - 1, k):
            k -= 1
        if (
            k < 2
            or tokens[k - 1].key not in ("for", "of", "at", "with", "within", "inside", "close")
            or not self._adjacent(tokens, k - 1, k)
        ):
            return None
        j = k - 2
        while j >= 0 and k - 2 - j < 4 and self._adjacent(tokens, j, j + 1):
            token = tokens[j]
            if token.key in ("a", "an"):
                return j
            if token.capitalised or token.key in self.lex.not_names or self._verb_at(tokens, j):
                return None
            j -= 1
        return None

    def _sentence_subject(self, tokens: list[_Token]) -> tuple[int, int] | None:
        """The subject that opens a sentence: a name ("Judge Karen Liu barred…") or a description led by an
        article ("A federal judge on Monday barred…"), for a participle ("…, saying") far from it."""
        if not tokens:
            return None
        tokens = tokens[:_OPENING_TOKENS]  # a name is a few words: never scan a whole run-on sentence
        if tokens[0].key in _DETERMINERS:
            for k in range(1, min(len(tokens), 5)):
                if not self._adjacent(tokens, k - 1, k):
                    return None
                if tokens[k].key in self.lex.titles and not tokens[k].capitalised:
                    if k + 1 < len(tokens) and tokens[k + 1].key in self.lex.titles:
                        continue
                    return 0, k
            return None
        if tokens[0].capitalised and tokens[0].key not in self.lex.not_names:
            end = 0
            while (
                end + 1 < len(tokens) and tokens[end + 1].capitalised and self._adjacent(tokens, end, end + 1)
            ):
                end += 1
            if (
                end + 2 < len(tokens)
                and tokens[end + 1].key in self.lex.titles
                and not tokens[end + 1].capitalised
                and tokens[end + 2].capitalised
            ):
                # "Liberal Democrat councillor Colin Camm told …": a party, a lower-case title, the name
                end += 2
                while (
                    end + 1 < len(tokens)
                    and tokens[end + 1].capitalised
                    and self._adjacent(tokens, end, end + 1)
                ):
                    end += 1
                return 0, end
            start = self._capitalised_run(tokens, end)
            return (start, end) if start == 0 else None
        return None

    def _speaker_after(self, tokens: list[_Token], after: int) -> tuple[int, int] | None:
        """Token range of the speaker right after a speech verb ("said Sen. Jane Doe", "said a spokesman")."""
        if after >= len(tokens):
            return None
        token = tokens[after]
        if token.key in _PRONOUNS:
            return after, after
        end = after
        if token.key in _DETERMINERS:
            # "said a spokeswoman for the agency", "according to a statement issued on Thursday"
            while end + 1 < len(tokens) and end - after < 8:
                nxt = tokens[end + 1]
                if not self._adjacent(tokens, end, end + 1) or self._verb_at(tokens, end + 1):
                    break
                if nxt.key in ("for", "of", "at", "with") and tokens[end].key not in self.lex.titles:
                    break
                if nxt.key in self.lex.not_names and nxt.key not in ("for", "of", "at", "with", "the"):
                    break
                if not nxt.capitalised and nxt.key.endswith("ed") and nxt.key not in self.lex.titles:
                    break
                if nxt.key in _AUXILIARIES and not nxt.capitalised:
                    break
                end += 1
            if (
                end + 1 < len(tokens)
                and tokens[end + 1].key in _AUXILIARIES
                and not tokens[end + 1].capitalised
            ):
                return None  # "pledged his members would “continue…”": the subject of a clause, not a speaker
            named = self._appositive_name(tokens, end)
            return named if named is not None else (after, end)
        if (not token.capitalised or token.key in self.lex.not_names) and token.key not in self.lex.titles:
            # "said plaintiff Deborah Kline": a lower-case description, then the name
            ahead = after
            while ahead < len(tokens) and ahead - after < 3 and not tokens[ahead].capitalised:
                if (
                    tokens[ahead].key in self.lex.not_names
                    or ahead + 1 >= len(tokens)
                    or not self._adjacent(tokens, ahead, ahead + 1)
                ):
                    return None
                ahead += 1
            if ahead >= len(tokens) or ahead == after or not tokens[ahead].capitalised:
                return None
            if tokens[ahead].key in self.lex.not_names:
                return None
            # the name starts the speaker's span; the description before it is the role ("said independent
            # aviation consultant John Strickland" is John Strickland, the role read back from the name)
            after = end = ahead
        while end + 1 < len(tokens) and end - after < _NAME_TOKENS:
            nxt = tokens[end + 1]
            if self.masked[tokens[end].end : nxt.start].strip():
                break
            if nxt.key in ("of", "for", "at"):
                # "said Leyla Arslan of the Turkish Red Crescent": the organisation goes with the name
                k = end + 2 + (end + 2 < len(tokens) and tokens[end + 2].key == "the")
                if (
                    k < len(tokens)
                    and tokens[k].capitalised
                    and all(self._adjacent(tokens, n, n + 1) for n in range(end, k))
                ):
                    end = k
                    continue
                break
            if (
                nxt.word.isdigit()
                and end + 2 < len(tokens)
                and tokens[end].capitalised
                and tokens[end + 2].capitalised
                and self._adjacent(tokens, end + 1, end + 2)
            ):
                end += 1  # "says UAW Local 475 President Donnie Huffman": a number inside the title
                continue
            if (
                nxt.key == "and"
                and not nxt.capitalised
                and end + 2 < len(tokens)
                and tokens[end + 2].capitalised
                and (
                    all(t.key in self.lex.titles for t in tokens[after : end + 1])
                    or (end == after and self._title_then_name(tokens, end + 2))
                )
            ):
                end += 1  # "said Justice and Police Minister Kenneth Amoksi": one portfolio of two words
                continue
            if not (nxt.capitalised or nxt.key in self.lex.titles or nxt.key in _NAME_PARTICLES):
                break
            end += 1
        while end > after and not tokens[end].capitalised:
            end -= 1  # a name phrase ends with a name, not with "of" or a lower-case title
        return after, end

    def _title_then_name(self, tokens: list[_Token], start: int) -> bool:
        """Whether a capitalised run at start holds a title and then a name ("Sports Minister Khairy
        Jamaluddin"): after "Youth and", the word before "and" is the portfolio's, not a person's."""
        k = start
        seen_title = False
        while k < len(tokens) and k - start < _NAME_TOKENS and tokens[k].capitalised:
            if tokens[k].key in self.lex.titles:
                seen_title = True
            elif seen_title and k > start:
                return True
            if k + 1 < len(tokens) and not self._adjacent(tokens, k, k + 1):
                break
            k += 1
        return False

    def _appositive_name(self, tokens: list[_Token], end: int) -> tuple[int, int] | None:
        """The name set off by commas after a description ending at token end ('said the head of Cromwell
        police, Sergeant Simon Paget.'): its token range, when a name of two words or more closes the clause."""
        first = end + 1
        if first >= len(tokens) or self.masked[tokens[end].end : tokens[first].start].strip() != ",":
            return None
        last = first
        while (
            last + 1 < len(tokens) and last - first < _NAME_TOKENS and self._adjacent(tokens, last, last + 1)
        ):
            nxt = tokens[last + 1]
            if not (nxt.capitalised or nxt.key in _NAME_PARTICLES):
                return None
            last += 1
        names = [t for t in tokens[first : last + 1] if t.capitalised and t.key not in self.lex.titles]
        closes = last + 1 >= len(tokens) or self.masked[
            tokens[last].end : tokens[last + 1].start
        ].strip() in (
            ",",
            ".",
        )
        if len(names) < 2 or not closes or any(t.key in self.lex.not_names for t in names):
            return None
        return first, last

    def _plural_or_institution(self, name: str) -> bool:
        """'Communications Workers of America', 'Leaders with the union', 'officials': who 'they' can be."""
        words = name.lower().split()
        if not words or " and " in f" {name.lower()} ":
            return bool(words)
        return any(
            w in self.lex.organisation_words or (w.endswith("s") and w[:-1] in self.lex.titles) for w in words
        )
