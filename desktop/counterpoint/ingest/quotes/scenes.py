"""Scenes: the occasion a sentence of the reporter's names for the people in it ('Mayor Ada Mbeki held a press
conference Sunday', 'Mbeki told a news conference …') is where their later quotations were said, until the text
names another occasion for them, or another day."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.quotes.dates import OccasionReader, _text_reads_pattern
from counterpoint.ingest.quotes.people import _Speaker
from counterpoint.ingest.quotes.tokens import _Sentence
from counterpoint.ingest.quotes.words import _PRONOUNS

_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


@dataclass(frozen=True)
class _Scene:
    position: int
    occasion: str
    days: frozenset[str]
    sentence: int


class SceneReader(OccasionReader):
    """Occasions carried from the sentence that names them to the quotations of the people it names."""

    _scenes: dict[str, tuple[list[int], list[_Scene]]] | None
    _sentence_days: dict[int, frozenset[str]]
    _sentence_names: dict[int, frozenset[str]]

    def _scene_index(self) -> dict[str, tuple[list[int], list[_Scene]]]:
        """Person's name -> the scenes naming them, in document order (one pass over the sentences)."""
        if self._scenes is None:
            index: dict[str, tuple[list[int], list[_Scene]]] = {}
            for sentence in self.sentences:
                check_time()
                found = self._occasion_in((sentence.start, sentence.end))
                if found is None:
                    continue
                scene = _Scene(found[1][0], found[0], self._days(sentence), sentence.number)
                for name in self._scene_people(sentence):
                    positions, scenes = index.setdefault(name, ([], []))
                    positions.append(scene.position)
                    scenes.append(scene)
            self._scenes = index
        return self._scenes

    def _days(self, sentence: _Sentence) -> frozenset[str]:
        """The weekdays the reporter's words of a sentence name ('It was a shift from Tuesday, when …'); each
        sentence is read once (a sentence of thousands of quotations is asked once per quotation)."""
        days = self._sentence_days.get(sentence.number)
        if days is None:
            days = frozenset(m[0] for m in _WEEKDAY.finditer(self.masked, sentence.start, sentence.end))
            self._sentence_days[sentence.number] = days
        return days

    def _names_in(self, sentence: _Sentence) -> frozenset[str]:
        names = self._sentence_names.get(sentence.number)
        if names is None:
            at = bisect_left(self._mention_positions, sentence.start)
            end = bisect_left(self._mention_positions, sentence.end, at)
            names = frozenset(mention.person.name for mention in self.mentions[at:end])
            self._sentence_names[sentence.number] = names
        return names

    def _scene_people(self, sentence: _Sentence) -> frozenset[str]:
        """Who a scene is about: the people the sentence names, or, for 'He took to the Senate floor …', the
        one person the sentence before names."""
        names = self._names_in(sentence)
        tokens = sentence.tokens
        if names or not tokens or tokens[0].key not in _PRONOUNS or sentence.number == 0:
            return names
        before = self.sentences[sentence.number - 1]
        earlier = self._names_in(before) if before.paragraph == sentence.paragraph else frozenset()
        return earlier if len(earlier) == 1 else frozenset()

    def _sets_the_scene_for(self, sentence: _Sentence, name: str | None) -> bool:
        """The sentence before sets the scene for a quotation unless it names only other people."""
        names = self._names_in(sentence)
        return not names or name in names

    def _scene_before(self, name: str, sentence: _Sentence, after: int | None) -> str | None:
        """The occasion of the last scene naming `name` before this sentence (and after `after`, the speaker's
        previous quotation, which carries its own), unless this sentence names another day."""
        positions, scenes = self._scene_index().get(name, ([], []))
        at = bisect_left(positions, sentence.start) - 1
        if at < 0 or (after is not None and positions[at] < after):
            return None
        return scenes[at].occasion if self._same_day(scenes[at], sentence) else None

    def _scene_after(self, name: str, sentence: _Sentence) -> str | None:
        """'Mnuchin said U.S. tariffs are "not about protectionism". // Mnuchin told a news conference …': a
        quotation with no occasion takes the one the next sentence names for its speaker, on the same day."""
        positions, scenes = self._scene_index().get(name, ([], []))
        at = bisect_left(positions, sentence.end)
        if at == len(scenes) or scenes[at].sentence != sentence.number + 1:
            return None
        return scenes[at].occasion if self._same_day(scenes[at], sentence) else None

    def _same_day(self, scene: _Scene, sentence: _Sentence) -> bool:
        days = self._days(sentence)
        return not days or not scene.days or bool(days & scene.days)

    def _same_day_as(self, before: _Sentence, sentence: _Sentence) -> bool:
        days, earlier = self._days(sentence), self._days(before)
        return not days or not earlier or bool(days & earlier)

    def _statement_owner(self, sentence: _Sentence, open_mark: int, p_start: int) -> _Speaker | None:
        """'Ruiz's full statement reads:' and then the quotation: the statement's owner, the person named last
        before the statement, said it."""
        if sentence.number == 0 or open_mark != sentence.start:
            return None
        earlier = self.sentences[sentence.number - 1]
        if earlier.paragraph != sentence.paragraph - (open_mark == p_start):
            return None
        if self.masked[earlier.start : earlier.end].rstrip().endswith(":") and len(earlier.tokens) <= 10:
            # "Statement from Mayor Fry:" on a line of its own, then the quotation: the one person it names
            lo = bisect_left(self._mention_positions, earlier.start)
            hi = bisect_left(self._mention_positions, earlier.end)
            people = {id(m.person): m for m in self.mentions[lo:hi]}
            if len(people) == 1:
                mention = next(iter(people.values()))
                person = mention.person
                return _Speaker(person.name, person.role(), 0.6, (mention.position, mention.position), person)
        reads = None  # the last one: the sentence must end with it and a colon
        for match in _text_reads_pattern(self.lex.occasions).finditer(
            self.masked, earlier.start, earlier.end
        ):
            reads = match
        if reads is None or self.masked[reads.end() : earlier.end].strip() != ":":
            return None
        at = bisect_left(self._mention_positions, reads.start()) - 1
        if at < 0 or self.mentions[at].position < earlier.start:
            return None
        person = self.mentions[at].person
        position = self.mentions[at].position
        return _Speaker(person.name, person.role(), 0.6, (position, position), person)
