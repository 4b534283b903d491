"""References back: "he said", "the senator said", "it said", and a quotation that continues the speaker of the
sentence or paragraph before."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from counterpoint.ingest.lexicon import place_names
from counterpoint.ingest.quotes.people import _Person, _Speaker
from counterpoint.ingest.quotes.reach import ReachReader
from counterpoint.ingest.quotes.tokens import _Sentence, _Token
from counterpoint.ingest.quotes.words import (
    _CONNECTORS,
    _DETERMINERS,
    _INDEFINITE,
    _NOT_PEOPLE,
    _OFFICE_HOLDERS,
    _OPENING_TOKENS,
    _PRONOUNS,
    _name_like,
    _one_name,
    _surname,
)


def _without_the(phrase: str) -> str:
    return re.sub(r"^(?:The|the)\s+", "", phrase)


class CoreferenceReader(ReachReader):
    """References back: pronouns, 'the senator', 'it', and the speaker of the sentence before."""

    def _resolve(self, sentence: _Sentence, span: tuple[int, int], position: int) -> _Speaker | None:
        tokens = sentence.tokens
        start, end = span
        words = tokens[start : end + 1]
        char_span = (words[0].start, words[-1].end)
        if len(words) == 1 and (words[0].key in ("it", "they", "we", "i") or words[0].key in _PRONOUNS):
            return self._resolve_pronoun(sentence, start, words[0].key, position, char_span)
        if words[0].key == "the" and len(words) > 2:
            written = self._role_written_out(sentence, words, position, char_span)
            if written is not None:
                return written
        if words[0].key == "the" and len(words) > 1 and all(w.capitalised for w in words[1:]):
            name, role, is_org = self._split_name(words[1:])
            if all(w.key in self.lex.titles for w in words[1:]):
                # '"…," the Prime Minister said': the person named before with that title, not an institution
                for mention in self._mentions_before(position):
                    if self._role_fits(words[-1].key, mention.person):
                        person = mention.person
                        return _Speaker(person.name, person.role(), 0.65, char_span, person)
            head_word = words[-1].key
            if (
                (is_org or not name or " " not in name or not role)
                and head_word in self.lex.titles
                and head_word not in self.lex.organisation_words
            ):
                # "the Shah Alam MP said": a person's title after a place, the person just written about
                written_about = self._written_about(position, self._phrase(words[1:]), char_span)
                if written_about is not None:
                    return written_about
            addressed = any(self._word_class(w) == "honorific" for w in words[1:])  # "the Dáil Mr Cowen"
            if (is_org or not name or " " not in name or not role) and not addressed:
                # "the Federal Reserve", "the Congressional Budget Office": an institution speaks
                return _Speaker(self._phrase(words[1:]), None, 0.85, char_span)
            words = words[1:]
        if not words[-1].capitalised:
            return self._resolve_description(sentence, words, (start, end), position, char_span)
        as_written = words
        if len(words) > 1 and words[0].key in _INDEFINITE and not words[1].capitalised:
            tail = len(words)
            while tail > 1 and words[tail - 1].capitalised and _name_like(words[tail - 1].word):
                tail -= 1
            middle = words[1:tail]
            if (
                (
                    len(words) - tail >= 2
                    or (len(words) - tail == 1 and _surname(words[-1].word) in self.by_last_name)
                )
                and words[0].key in ("a", "an")
                and all(not w.capitalised for w in middle)
                and not any(
                    w.key in self.lex.titles or w.key in _CONNECTORS or w.key in ("for", "at") for w in middle
                )
            ):
                words = words[tail:]  # '"…," a choked-up Dean Skelos said': the name, without the adjective
            else:
                # someone described, not named: "a spokesman for the Justice Department", "one senior MP"
                return _Speaker(self._phrase(words), None, 0.45, char_span)
        while words and words[0].key in _DETERMINERS:
            words = words[1:]
        name, role, is_org = self._split_name(words)
        title = words[0].key if words else ""
        if (
            is_org
            and name
            and as_written[0].key == "the"
            and title in self.lex.titles
            and title not in self.lex.organisation_words
        ):
            # "Marco Longhi faced shouts … The MP for Dudley North said:": a person's title with a place, the
            # person just written about
            written_about = self._written_about(position, _without_the(name), char_span)
            if written_about is not None:
                return written_about
            lede = self._lede_described(sentence, position, _without_the(name), char_span)
            if lede is not None:
                return lede
        if is_org and name:
            return _Speaker(_without_the(name), None, 0.85, char_span)
        if name is None:
            # a title alone: "the President said" -> the last person with that title
            for mention in self._mentions_before(position):
                if (
                    mention.position < position
                    and role
                    and (
                        role.lower() in (r.lower() for r in mention.person.roles)
                        or self._same_family(role, mention.person)  # "the Head of State": the President
                    )
                ):
                    return _Speaker(mention.person.name, role, 0.7, char_span, mention.person)
            if role and as_written[0].key in _INDEFINITE:
                return _Speaker(self._phrase(as_written), None, 0.4, char_span)  # "One senior MP said"
            if role and as_written[0].key == "the":
                # "Marco Longhi faced shouts … The MP for Dudley North said:": a definite description of the
                # person just written about, when nobody was named with that role
                written_about = self._written_about(position, role, char_span)
                if written_about is not None:
                    return written_about
                lede = self._lede_described(sentence, position, role, char_span)
                if lede is not None:
                    return lede
            return _Speaker(role, None, 0.4, char_span) if role else None
        role = role or self._appositive_role(tokens, end) or self._role_before(tokens, start)
        if name.lower() in place_names():
            # "New Zealand said": a country speaks, as an institution
            return _Speaker(name, None, 0.6, char_span)
        one_name = _one_name(name)  # "Ramos III"
        if " " in name and not name[:1].islower() and not (one_name and _surname(name) in self.by_last_name):
            person = self.people.get(name) or self._register(name, role)
            if role and role not in person.roles:
                person.roles[role] = 1
            return _Speaker(person.name, role or person.role(), 0.95, char_span, person)
        known = self._by_surname(_surname(name), char_span[0])
        if known is not None:
            return _Speaker(known.name, role or known.role(), 0.9, char_span, known)
        return _Speaker(name, role, 0.75, char_span)

    def _resolve_pronoun(
        self, sentence: _Sentence, start: int, key: str, position: int, char_span: tuple[int, int]
    ) -> _Speaker | None:
        """A pronoun: "it" the institution quoted last, "they" a plural one, "he"/"she" the person in reach."""
        if key in ("it", "they", "we", "i"):
            # "it said" is the institution quoted last; "they", "we", "I" are nobody we can name
            if key == "it":
                institution = self._recent_institution(sentence, start)
                if institution:
                    return _Speaker(institution, None, 0.7, char_span)
                last = self._last_speaker or self._floor_speaker
                if last is not None and last.person is None and last.name[:1].isupper():
                    # '"…," CBT said. "…," it continued.': the institution quoted just before
                    return _Speaker(last.name, None, 0.65, char_span)
            if key == "they":
                last = self._last_speaker or self._floor_speaker
                if last is not None and last.person is None and self._plural_or_institution(last.name):
                    # 'Leaders with the union said in a statement that "…". "…," they said.'
                    return _Speaker(last.name, None, 0.6, char_span)
            return None
        if key in _PRONOUNS:
            person = self._recent_person(position, _PRONOUNS[key])
            described = self._described(sentence, position, person=person) if key in ("he", "she") else None
            if described is not None:
                return _Speaker(described.name, None, 0.5, char_span)
            gender = _PRONOUNS[key]
            last = self._last_speaker or self._floor_speaker
            # no one named within reach: the last speaker quoted (a few paragraphs before at most) keeps the
            # floor
            if (
                person is None
                and last is not None
                and last.person is not None
                and (not gender or not last.person.gender or last.person.gender == gender)
            ):
                person = last.person
            if person is None:
                return None
            if gender and not person.gender:
                person.gender = gender
            return _Speaker(person.name, person.role(), 0.8, char_span, person)
        return None

    def _role_written_out(
        self, sentence: _Sentence, words: list[_Token], position: int, char_span: tuple[int, int]
    ) -> _Speaker | None:
        """'the <role of several words>': the person named before in a role of its family, or given that role."""
        if " of " in self._phrase(words[1:]).lower():
            # "said the Head of State": the person named before in a role of its family (a President)
            phrase = self._phrase(words[1:])
            if self._role_family(phrase) is not None:
                for mention in self._mentions_before(position):
                    if self._same_family(phrase, mention.person):
                        person = mention.person
                        return _Speaker(person.name, person.role(), 0.65, char_span, person)
        # (a role of one word is the nearest one that fits it, in _resolve_description)
        held = self._phrase(words[1:]).lower()
        for mention in self._mentions_before(sentence.start):
            if any(r.lower() == held for r in mention.person.roles):
                # "the Union Home Minister said" after "Union Home Minister Amit Shah", "the Minister of Roads
                # and Highways said" after "the Minister of Roads and Highways, Kofi Mensah, has", in an
                # earlier sentence: the one given it
                person = mention.person
                return _Speaker(person.name, person.role(), 0.7, char_span, person)
        return None

    def _resolve_description(
        self,
        sentence: _Sentence,
        words: list[_Token],
        span: tuple[int, int],
        position: int,
        char_span: tuple[int, int],
    ) -> _Speaker | None:
        """A description in lower case: "the senator" someone named before, "a witness" someone new."""
        tokens = sentence.tokens
        start, end = span
        titles = [
            w
            for w in words
            if w.key in self.lex.titles
            or w.key in self.lex.organisation_words
            or (w.key.endswith("s") and w.key[:-1] in self.lex.titles and w is words[-1])  # "the envoys"
        ]
        head = titles[-1] if titles else words[-1]
        phrase = self._phrase(words)
        # "the senator" is someone named before; "another neighbor", "a witness" is someone new
        plural = head.key.endswith("s") and head.key[:-1] in self.lex.titles  # "Shadow ministers"
        refers_back = head.key in self.lex.titles and words[0].key not in _INDEFINITE and not plural
        if refers_back and words[0].key == "the":
            # 'A Reuters spokesperson said in a statement … "…," the spokesperson wrote': the one just
            # described, not a spokeswoman named earlier
            described = self._described(sentence, position, head=head.key)
            if described is not None:
                return _Speaker(described.name, None, 0.5, char_span)
        for mention in self._mentions_before(position) if refers_back else []:
            if mention.position < position and self._role_fits(head.key, mention.person):
                return _Speaker(mention.person.name, mention.person.role(), 0.65, char_span, mention.person)
        if refers_back and words[0].key == "the" and head.key in _OFFICE_HOLDERS:
            # '"…," the police official said' after "Superintendent of Police Jane Roe": an official is
            # whoever holds an office, one whose role has the words before the noun
            holder = self._office_holder([w.key for w in words[1:] if w is not head], position)
            if holder is not None:
                return _Speaker(holder.name, holder.role(), 0.6, char_span, holder)
        if (
            refers_back
            and words[0].key == "the"
            and end + 2 < len(tokens)
            and tokens[end + 1].word.isdigit()
            and "," in self.masked[tokens[end].end : tokens[end + 1].start]
        ):
            # '"…," the certified nursing assistant, 33, said' after "Linda Fisher looked out…": someone
            # with an age is a person, the one the story is about
            person = self._recent_person(position, "")
            if person is not None and not person.roles:
                role = _without_the(phrase)
                return _Speaker(person.name, role, 0.6, char_span, person)
        if head.key in self.lex.titles and words[0].key in ("a", "an") and sentence.paragraph <= 1:
            # the lede's "A federal judge … saying" is the "U.S. District Judge Karen Liu" named next
            ahead = self._named_ahead(head.key, position)
            if ahead is not None:
                return _Speaker(ahead.name, ahead.role(), 0.5, char_span, ahead)
        if refers_back and words[0].key in ("his", "her", "their"):
            # 'his lawyer argued the case was "guesswork"' before "Defense attorney Robert Hale told…"
            ahead = self._named_ahead(head.key, position)
            if ahead is not None:
                return _Speaker(ahead.name, ahead.role(), 0.55, char_span, ahead)
        possessive = any(
            w.word.endswith(("'s", "’s")) or self.masked[w.end : w.end + 1] in ("'", "’") for w in words
        )
        if head.key in self.lex.organisation_words and head.key not in self.lex.titles and not possessive:
            # "the agency said" after "The Food and Drug Administration said": the agency named before
            # ("the city's housing department" names its own owner: it is not the agency named before)
            named = self._previous_subject(sentence) or self._recent_institution(
                sentence, start, named_only=True
            )
            if named:
                return _Speaker(named, None, 0.6, char_span)
        if titles and refers_back and words[0].key == "the" and head.key not in self.lex.organisation_words:
            # '"…," said the detective superintendent' after "Mike Ward, who led the inquiry, defended…":
            # nobody was named with that role, so it describes the person just written about, if they have
            # no other role (a description in a relative clause is none)
            person = self._recent_person(position, "")
            if person is not None and not any(person.roles.values()):
                return _Speaker(person.name, self._phrase(words[1:]), 0.5, char_span, person)
        if titles:
            phrase = re.sub(r"^(?:The|the)\s+(?=[a-z])", "the ", phrase)
            return _Speaker(phrase, None, 0.5, char_span)
        if words[0].key == "the" and head.key not in _NOT_PEOPLE and head.key not in self.lex.occasions:
            person = self._recent_person(position, "")
            if person is not None:
                return _Speaker(person.name, person.role(), 0.6, char_span, person)
        if words[0].key == "the" and len(words) == 2 and head.key in self.lex.occasions:
            issuer = self._issuer_of(sentence, head.key, char_span[0])
            if issuer is not None:
                return _Speaker(issuer.name, issuer.role, 0.6, char_span, issuer.person)
        return None

    def _office_holder(self, modifiers: list[str], position: int) -> _Person | None:
        """The person named nearest before position who holds a role with every modifier in it (by its
        first five letters: "police" in "Superintendent of Police")."""
        for mention in self._mentions_before(position):
            words = [w for role in mention.person.roles for w in role.lower().split()]
            if words and all(any(w.startswith(m[:5]) for w in words) for m in modifiers):
                return mention.person
        return None

    def _by_surname(self, last: str, position: int) -> _Person | None:
        """The person a surname written at `position` refers to (of two Fosters, as _collect_people chose)."""
        at = bisect_left(self._mention_positions, position)
        if at < len(self.mentions) and self.mentions[at].position == position:
            person = self.mentions[at].person
            if last in (_surname(person.name), person.name.split()[0].lower()):
                return person  # the surname, or the first name of a relative ("Marjorie said")
        return self.by_last_name.get(last)

    def _written_about(self, position: int, role: str, char_span: tuple[int, int]) -> _Speaker | None:
        """A title with a place ("The MP for Dudley North", "the Shah Alam MP"): the person just written about,
        with that title as the role."""
        person = self._recent_person(position, "")
        return None if person is None else _Speaker(person.name, role, 0.5, char_span, person)

    def _named_ahead(self, head: str, position: int) -> _Person | None:
        """The first person named after `position`, within the next six paragraphs (a lede names people later), whose role fits."""
        ceiling = self._paragraph_start(position, back=-6)
        at = bisect_right(self._mention_positions, position)
        for mention in self.mentions[at : at + 40]:
            if mention.position >= ceiling:
                break
            if self._role_fits(head, mention.person):
                return mention.person
        return None

    def _lede_described(
        self, sentence: _Sentence, position: int, role: str, char_span: tuple[int, int]
    ) -> _Speaker | None:
        """'The leader of Brookshire Council has said … Cllr Martin Tate defended …': a lede that describes
        whom the next sentence names; the person takes the role, so that "the leader" reaches them later."""
        if sentence.paragraph > 1 or self._mentions_before(position):
            return None
        named = self._subject_of_next(sentence)
        if named is None:
            return None
        named.roles.setdefault(role, 0)
        return _Speaker(named.name, role, 0.5, char_span, named)

    def _subject_of_next(self, sentence: _Sentence) -> _Person | None:
        """The person the sentence after this one opens with as its subject, if any."""
        if sentence.number + 1 >= len(self.sentences):
            return None
        following = self.sentences[sentence.number + 1]
        at = bisect_left(self._mention_positions, following.start)
        if (
            at < len(self.mentions)
            and self.mentions[at].position < following.end
            and self.mentions[at].subject_like
        ):
            return self.mentions[at].person
        return None

    def _issuer_of(self, sentence: _Sentence, noun: str, position: int) -> _Speaker | None:
        """'Skyline Live said in a statement that … "…," the statement said': who issued the statement (or
        letter, post, release) the sentence before, or earlier in this one, named."""
        for number in range(sentence.number, max(-1, sentence.number - 3), -1):
            earlier = self.sentences[number]
            tokens = [t for t in earlier.tokens if t.start < position]
            if not any(
                t.key == noun and n > 0 and tokens[n - 1].key in _DETERMINERS | {"a", "an"}
                for n, t in enumerate(tokens)
            ):
                continue
            for n, token in enumerate(tokens[:-2]):
                if token.key == noun and tokens[n + 1].key == "by" and tokens[n + 2].capitalised:
                    # "In a statement by Alhaji Lai Mohammed, the party explained …": the one it is by
                    end = n + 2
                    while (
                        end + 1 < len(tokens)
                        and tokens[end + 1].capitalised
                        and self._adjacent(tokens, end, end + 1)
                    ):
                        end += 1
                    by = self._resolve(earlier, (n + 2, end), tokens[n + 2].start)
                    if by is not None and by.person is not None:
                        return by
            for i in range(len(tokens)):
                if self._verb_at(tokens, i) and tokens[i].key != "according":
                    span = self._speaker_before(tokens, i)
                    if span is not None and tokens[span[-1]].key != noun:
                        return self._resolve(earlier, span, tokens[i].start)
            return None
        return None

    def _described(
        self, sentence: _Sentence, position: int, *, head: str | None = None, person: _Person | None = None
    ) -> _Speaker | None:
        """The unnamed person an earlier sentence described as speaking, when nobody named since can be meant.

        Without `head` ("she said"): the sentence just before, if the speaker it credits is described, not
        named ('Another neighbor, who asked not to be named, said she had called police. "…," she said'), and
        `person`, whom the pronoun would otherwise mean, is not named between the two.
        With `head` ("the official said"): the nearest of the nine sentences before, within four paragraphs,
        crediting someone described with that role word ('an Iranian nuclear official said on Monday. … "…,"
        the official said'), if nobody named since has that role."""
        sentences_back, paragraphs_back = (1, 1) if head is None else (9, 4)
        for number in range(sentence.number - 1, max(-1, sentence.number - 1 - sentences_back), -1):
            earlier = self.sentences[number]
            if earlier.paragraph < sentence.paragraph - paragraphs_back:
                return None
            tokens = earlier.tokens
            for i in range(len(tokens)):
                if not self._verb_at(tokens, i) or tokens[i].key == "according":
                    continue
                span = self._speaker_before(tokens, i)
                if span is None:
                    continue
                described = tokens[span[0]].key in _INDEFINITE and not tokens[span[1]].capitalised
                if head is None and not described:
                    return None  # the sentence before credits someone named
                if head is not None and (not described or tokens[span[1]].key != head):
                    continue
                start = tokens[span[0]].start
                if self._named_between(start, position, head, person):
                    return None
                speaker = self._resolve(earlier, span, start)
                return speaker if speaker is not None and speaker.person is None else None
        return None

    def _named_between(self, start: int, end: int, head: str | None, person: _Person | None) -> bool:
        """Whether someone named in [start, end) is who a pronoun (`person`) or "the <head>" may mean."""
        at = bisect_left(self._mention_positions, start)
        for mention in islice(self.mentions, at, at + 300):
            if mention.position >= end:
                break
            if mention.person is person if head is None else self._role_fits(head, mention.person):
                return True
        return False

    def _subject_of(self, sentence: _Sentence, before: int) -> _Speaker | None:
        """A named person the sentence is about (not a possessive), when no verb says who spoke."""
        at = bisect_left(self._mention_positions, sentence.start)
        for mention in self.mentions[at:]:
            if mention.position >= min(before, sentence.end):
                break
            if mention.subject_like:
                return _Speaker(
                    mention.person.name, mention.person.role(), 0.5, (mention.position, mention.position)
                )
        return None

    def _described_subject(self, sentence: _Sentence, before: int) -> _Speaker | None:
        """'The diplomat was confident that Reuters had posted the message "thus turning it into…"': a
        sentence opened by "the <role>" with no speech verb is about the person quoted just before."""
        last = self._last_speaker
        # Only the sentence's opening matters, so only it is read: a sentence of 10,000 quotations costs
        # the same per quotation as a short one (reading the whole prefix made extraction quadratic).
        tokens = [t for t in islice(sentence.tokens, _OPENING_TOKENS) if t.end <= before]
        span = self._sentence_subject(tokens)
        if last is None or last.person is None or span is None or tokens[0].key != "the":
            return None
        head = tokens[span[1]]
        if head.capitalised or head.key in self.lex.organisation_words:
            return None
        return _Speaker(last.name, last.role, 0.45, (tokens[0].start, head.end), last.person)

    def _speaker_in_sentence(self, sentence: _Sentence) -> _Speaker | None:
        tokens = sentence.tokens
        for i in range(len(tokens)):
            if self._verb_at(tokens, i) and tokens[i].key != "according":
                span = self._speaker_before(tokens, i)
                if span is not None:
                    speaker = self._resolve(sentence, span, tokens[i].start)
                    if speaker is not None:
                        return speaker
        return None

    def _previous_sentence_subject(
        self, sentence: _Sentence, open_mark: int, p_start: int
    ) -> _Speaker | None:
        """'Mayor Lin Chow has long opposed it.' then a paragraph that is only a quotation: the mayor's."""
        if sentence.number == 0 or open_mark != sentence.start:
            return None
        earlier = self.sentences[sentence.number - 1]
        # a paragraph that is only a quotation, or a quotation that opens the sentence after one about
        # someone: 'Thornton also had words for his defenders. "You can't switch off at a corner."'
        if earlier.paragraph != sentence.paragraph - (open_mark == p_start):
            return None
        at = bisect_left(self._mention_positions, earlier.start)
        for mention in self.mentions[at:]:
            if mention.position >= earlier.end:
                break
            if mention.subject_like:
                return _Speaker(
                    mention.person.name, mention.person.role(), 0.45, (mention.position, mention.position)
                )
        return None

    def _previous_sentence_speaker(self, sentence: _Sentence) -> _Speaker | None:
        """'Smith said the plan was flawed. "It will never work."' -- the speaker of the sentence before."""
        position = sentence.number
        if position == 0:
            return None
        earlier = self.sentences[position - 1]
        # the quotations of a sentence are in document order: the first is the earliest (no scan of them all)
        first_quote = self.quoted[sentence.quotes[0]].marks[0][0] if sentence.quotes else -1
        if first_quote != sentence.start:
            return None  # only a quotation that makes up its sentence continues the one before
        if earlier.paragraph != sentence.paragraph and self.paragraphs[sentence.paragraph][0] != first_quote:
            return None
        # over sentences that name nobody and quote nothing ("Malaysia's borders are closed.", "Advertisement"):
        # 'The minister explained that …, adding that …. Borders are closed. "…"' continues the minister
        floor = self._prose_paragraph_start(sentence.start, back=2)
        for number in range(position - 1, max(-1, position - 4), -1):
            earlier = self.sentences[number]
            if earlier.start < floor or (
                number == position - 1 and earlier.paragraph < sentence.paragraph - 1
            ):
                return None
            speaker = self._speaker_in_sentence(earlier)
            if speaker is not None:
                return _Speaker(speaker.name, speaker.role, 0.6 if number == position - 1 else 0.5, speaker.span,
                                speaker.person)  # fmt: skip
            at = bisect_left(self._mention_positions, earlier.start)
            named = at < len(self.mentions) and self.mentions[at].position < earlier.end
            if named or earlier.quotes:
                return None
        return None
