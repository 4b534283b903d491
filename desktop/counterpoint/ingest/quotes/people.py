"""People and names: who the article names (full name, role, gender hint), and each later mention of them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.lexicon import is_page_noise, place_names, place_words, word_class
from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes.names import NameReader
from counterpoint.ingest.quotes.tokens import _Sentence, _title_case, _Token
from counterpoint.ingest.quotes.verbs import _closes_a_passive, _finite_verb_like
from counterpoint.ingest.quotes.words import (
    _AUXILIARIES,
    _CLAUSE_JOINERS,
    _DETERMINERS,
    _NAME_PARTICLES,
    _PREPOSITIONS,
    _name_like,
    _one_name,
    _surname,
)


@dataclass
class _Person:
    name: str
    roles: dict[str, int] = field(default_factory=dict)
    gender: str = ""

    def role(self) -> str | None:
        if not self.roles:
            return None
        return max(self.roles.items(), key=lambda item: (item[1], len(item[0])))[0]


@dataclass
class _Mention:
    position: int
    person: _Person
    subject_like: bool
    others: tuple[_Person, ...] = ()  # others of the same surname, when the surname alone is written


@dataclass
class _Speaker:
    name: str
    role: str | None
    confidence: float
    span: Span
    person: _Person | None = None


class PeopleReader(NameReader):
    """Pass 3: the people the article names, their roles, and each later mention of them."""

    def _role_before(self, tokens: list[_Token], start: int) -> str | None:
        """'A spokeswoman for the transit authority, Priya Natarajan, said' -> the role before the name."""
        if start == 0 or "," not in self.masked[tokens[start - 1].end : tokens[start].start]:
            return None
        j = start - 1
        while j > 0 and start - 1 - j < 10 and self._adjacent(tokens, j - 1, j):
            j -= 1
        words = tokens[j:start]
        # "Minister for Agriculture, Bryan Osei has clarified": a title opening the sentence is a role too
        opens = j == 0 and bool(words) and words[0].key in self.lex.titles and words[0].capitalised
        if not words or (words[0].key not in _DETERMINERS and not opens):
            return None
        if not any(w.key in self.lex.titles and w.key not in ("of", "the") for w in words):
            return None
        words = words if opens else words[1:]
        return self._phrase(words) if words else None

    def _speaks_alone(self, tokens: list[_Token], start: int, end: int) -> bool:
        """'Ngai said he was aware of the feedback': one name right before a speech verb, no place, plural,
        organisation or word the text also writes in lower case."""
        word, k = tokens[start], end + 1
        return (
            start == end
            and k < len(tokens)
            and _name_like(word.word)
            and bool(self._verb_at(tokens, k))
            and not self.masked[word.end : tokens[k].start].strip()
            and self._word_class(word) == "word"
            and word.key not in self.lex.not_names
            and word.key not in place_words()
            and not word.key.endswith("s")
            and not self._common_word(word)
        )

    def _speaks_after_a_clause(self, tokens: list[_Token], start: int, end: int) -> bool:
        """'Gwent, who the judge said is entitled to costs, said:': one name, then a relative clause set off by
        commas, then a speech verb: a person (who speaks), though named by the surname alone."""
        k = end + 1
        if start != end or k >= len(tokens) or not _name_like(tokens[start].word):
            return False
        if k + 1 >= len(tokens) or tokens[k].key != "who":
            return False
        if "," not in self.masked[tokens[end].end : tokens[k].start]:
            return False
        for j in range(k + 1, min(len(tokens), k + 30)):
            if "," in self.masked[tokens[j - 1].end : tokens[j].start]:
                return bool(self._verb_at(tokens, j))
        return False

    def _titled_namesake(
        self,
        name: str,
        title: str | None,
        namesakes: dict[str, list[_Person]],
        first_names: dict[str, list[_Person]],
    ) -> _Person | None:
        """'PM Tan wrote' when the text names Prime Minister Tan Wei Ming and Minister Desmond Tan: of the
        people this one name can be, the only one whose role the title fits."""
        if not title or " " in name:
            return None
        key = name.lower()
        candidates = {id(p): p for p in (*namesakes.get(key, ()), *first_names.get(key, ()))}.values()
        if len(candidates) < 2:
            return None
        heads = title.lower().split()
        fitting = [p for p in candidates if any(self._role_fits(head, p) for head in heads)]
        return fitting[0] if len(fitting) == 1 else None

    def _register(self, name: str, role: str | None) -> _Person:
        person = self.people.get(name)
        if person is None and name.split()[0].lower() in _NAME_PARTICLES:
            # "De Blasio said" opening a sentence is Bill de Blasio, named before
            person = next(
                (p for p in self.people.values() if p.name.lower().endswith(" " + name.lower())), None
            )
        if person is None:
            last = _surname(name)
            one_name = _one_name(name)  # "Ramos III"
            if one_name and last in self.by_last_name:
                person = self.by_last_name[last]
            else:
                person = _Person(name)
                self.people[name] = person
                self.by_last_name.setdefault(last, person)
        if role:
            person.roles[role] = person.roles.get(role, 0) + 1
        return person

    def _collect_people(self) -> None:
        """Register everyone named with first and last name, then note each mention (last names too)."""
        runs: list[tuple[_Sentence, int, int]] = []
        for sentence in self.sentences:
            check_time()
            tokens = sentence.tokens
            if (
                not sentence.quotes
                and self.text[sentence.start : sentence.end].rstrip()[-1:] not in ".!?:;,”\"'’"
                and (_title_case(tokens) or self._headline(sentence))
            ):
                continue  # a headline ("Ocean Heat Hit Record High, Study Finds") names nobody reliably
            if not sentence.quotes and is_page_noise(self.text[sentence.start : sentence.end]):
                continue  # web-page furniture ("Hide Ad", "Story continues below") names nobody
            i = len(tokens) - 1
            while i >= 0:
                if tokens[i].capitalised and tokens[i].key not in self.lex.not_names:
                    start = self._capitalised_run(tokens, i)
                    if start <= i:
                        runs.append((sentence, start, i))
                        i = start - 1
                        continue
                i -= 1
        runs.sort(key=lambda run: run[0].tokens[run[1]].start)
        split_runs: list[tuple[_Sentence, int, int]] = []
        for sentence, start, end in runs:
            cut = start
            for k in range(start + 1, end):
                if sentence.tokens[k].key == "and" and not sentence.tokens[k].capitalised:
                    split_runs.append((sentence, cut, k - 1))
                    portfolios = self._portfolios_then_name(sentence.tokens[: end + 1], k)
                    cut = k + 2 if portfolios else k + 1
            split_runs.append((sentence, cut, end))
        runs = split_runs
        for n, (sentence, start, end) in enumerate(runs):
            # "Ed and Marjorie Kowalski": a first name alone before "and" and a full name shares its surname
            if (
                start == end
                and n + 1 < len(runs)
                and runs[n + 1][0] is sentence
                and runs[n + 1][1] == end + 2
            ):
                tokens = sentence.tokens
                first, partner = tokens[start], tokens[runs[n + 1][1] : runs[n + 1][2] + 1]
                if (
                    tokens[end + 1].key == "and"
                    and len(partner) == 2
                    and all(_name_like(t.word) and self._word_class(t) == "word" for t in (first, *partner))
                    and first.key not in self.lex.not_names
                    and self._phrase(partner).lower() not in place_names()  # "Australia and New Zealand"
                ):
                    self._register(f"{first.word} {partner[-1].word}", None)
        holders: dict[str, set[str]] = {}  # a role, lower case -> the names it was given to so far
        for sentence, start, end in runs:
            check_time()
            name, role, is_org = self._split_name(sentence.tokens[start : end + 1])
            honorific = self._word_class(sentence.tokens[start]) == "honorific"
            if (
                name
                and not is_org
                and (" " in name or honorific or self._speaks_after_a_clause(sentence.tokens, start, end))
                and name[:1].isupper()
                and not self._place_shaped(sentence.tokens, start)
                and name.lower() not in place_names()
            ):
                appositive = self._appositive_role(sentence.tokens, end)
                if appositive and holders.get(appositive.lower(), set()) - {name}:
                    # "…the first woman to lead the court, Meera Pillai, the Home Minister questioned": a role
                    # already given to someone else starts a new subject, not an appositive
                    appositive = None
                # "The Federal Minister for Information, Pervez Rashid, said": the role before the name
                before = None if role or appositive else self._role_before(sentence.tokens, start)
                registered = self._register(name, role or appositive or before)
                if role and appositive:
                    # "Sen. Dale Rutherford (R-Okla.), the lead Republican negotiator": "the negotiator" later
                    registered.roles.setdefault(appositive, 0)
                later_role = self._relative_role(sentence.tokens, end)
                if later_role:
                    # "Mr Spencer, a former chief whip who is now a minister at …": "a government minister"
                    registered.roles.setdefault(later_role, 0)
                for held in registered.roles:
                    holders.setdefault(held.lower(), set()).add(registered.name)
        # "Ngai said …" with no full name or title anywhere: one name that speaks is a person (registered after
        # every full name, so that "Trump said" before "Donald Trump" is still Donald Trump)
        first_words = {p.name.split()[0].lower() for p in self.people.values()}
        for sentence, start, end in runs:
            word = sentence.tokens[start]
            if (
                self._speaks_alone(sentence.tokens, start, end)
                and _surname(word.word) not in self.by_last_name
                and word.key not in first_words
            ):
                self._register(word.word, None)
        # "Prime Minister Imran", "Sgt Paget" with no full name anywhere: a title before one name makes that name a
        # person of that role (registered last, so that a full name given anywhere keeps the surname)
        for sentence, start, end in runs:
            name, role, is_org = self._split_name(sentence.tokens[start : end + 1])
            if not name or not role or is_org or " " in name or not name[:1].isupper():
                continue
            if _surname(name) not in self.by_last_name and name.lower() not in self.lex.not_names:
                self._register(name, role)
        # A surname alone is the person first named with it (the subject of an obituary or profile), except
        # in the paragraph that names a namesake in full and the next: "Her father, Greg Foster, spoke next.
        # ... 'I have tried,' Foster said" after the victim Abigail Foster and her mother Linda Foster.
        latest: dict[str, tuple[_Person, int]] = {}
        namesakes: dict[str, list[_Person]] = {}
        first_names: dict[str, list[_Person]] = {}
        for known in self.people.values():
            namesakes.setdefault(_surname(known.name), []).append(known)
            if " " in known.name:
                first_names.setdefault(known.name.split()[0].lower(), []).append(known)
        for sentence, start, end in runs:
            check_time()
            words = sentence.tokens[start : end + 1]
            name, title, is_org = self._split_name(words)
            if not name or is_org:
                continue
            last = _surname(name)
            person = self.people.get(name) or self._titled_namesake(name, title, namesakes, first_names)
            if person is None and last in latest and sentence.paragraph - latest[last][1] <= 1:
                person = latest[last][0]
            person = person or self.by_last_name.get(last) or self._named_in_a_quotation(name, words[0].start)
            if (
                person is None
                and " " not in name
                and len(first_names.get(last, ())) == 1
                and len(namesakes[_surname(first_names[last][0].name)]) > 1
            ):
                # "Emeka has plans": a feature calls relatives who share a surname by their first names
                person = first_names[last][0]
            if (
                person is None
                and " " not in name
                and len(first_names.get(last, ())) == 1
                and len(first_names[last][0].name.split()) == 3
            ):
                # "Nga stressed …" after "Minister Nga Kor Ming": a name written family name first (Chinese,
                # Korean, Vietnamese style), its first word the one a text repeats
                person = first_names[last][0]
            if person is None:
                continue
            surname = _surname(person.name)
            if " " in name:
                latest[surname] = (person, sentence.paragraph)
            others = (
                tuple(p for p in namesakes.get(surname, ()) if p is not person) if " " not in name else ()
            )
            if " " not in name and self._gender_hint(sentence.tokens, start) and not person.gender:
                person.gender = self._gender_hint(sentence.tokens, start)
            self.mentions.append(
                _Mention(words[0].start, person, self._subject_like(sentence, start, end), others)
            )
        self.mentions.sort(key=lambda mention: mention.position)
        self._mention_positions = [mention.position for mention in self.mentions]

    def _named_in_a_quotation(self, surname: str, position: int) -> _Person | None:
        """'Halden later repeated the charge' when "ministry spokesman Viktor Halden" was named only inside a
        quotation before (a report quoted at length): the person that full name registers."""
        if " " in surname or not _name_like(surname):
            return None
        # the full names ending in this surname are found once per surname, not once per mention (which
        # rescanned the text before each mention: quadratic in a long document)
        cache: dict[str, list[tuple[int, int, str]]] = self.__dict__.setdefault("_full_names_by_surname", {})
        found = cache.get(surname)
        if found is None:
            pattern = re.compile(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b")
            found = cache[surname] = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(self.text)]
        for start, end, first_name in found:
            if end > position:
                break
            first = first_name.lower()
            if first in self.lex.not_names or first in self.lex.titles or first in self.lex.honorifics:
                continue
            if not self._inside_quote(start):
                continue
            return self._register(f"{first_name} {surname}", None)
        return None

    def _headline(self, sentence: _Sentence) -> bool:
        """A headline in sentence case ("Late Okafor strike settles derby as City go top"): the document's
        first paragraph, short and without a full stop. Its first word may be glued to a name."""
        p_start, p_end = self.paragraphs[sentence.paragraph]
        return (
            sentence.paragraph == 0
            and sentence.start == p_start
            and sentence.end >= p_end - 1
            and len(sentence.tokens) <= 16
        )

    def _gender_hint(self, tokens: list[_Token], start: int) -> str:
        keys = {tokens[start].key, tokens[start - 1].key if start > 0 else ""}
        if keys & {"mr.", "mr"}:
            return "m"
        if keys & {"ms.", "mrs.", "ms", "mrs", "miss"}:
            return "f"
        return ""

    def _subject_like(self, sentence: _Sentence, start: int, end: int) -> bool:
        tokens = sentence.tokens
        last = tokens[end]
        if last.word.endswith(("'s", "’s")) or self.masked[last.end : last.end + 1] in ("'", "’"):
            return False  # a possessive: "Trump's comments"
        if self._in_a_list_of_names(tokens, start, end):
            return False  # "the PPP, Pakistan Tehreek-i-Insaf and the MQM have agreed": no one "he" can mean
        if start == 0:
            return True
        that = self._last_that_before(sentence, start)
        if that is not None and any(self._verb_at(tokens, k) for k in range(max(0, that - 6), that)):
            # "Halden said without offering evidence that the reporter, Ane Berg, had been paid": the
            # person reported on is not who "he said" refers to next
            return False
        previous = tokens[start - 1]
        gap = self.masked[previous.end : tokens[start].start]
        time_words = word_class("time-openers")
        if (
            start <= 4
            and end + 1 < len(tokens)
            and _finite_verb_like(tokens[end + 1])
            and all(t.key in time_words or t.key.isdigit() for t in tokens[:start])
        ):
            return True  # "Last weekend Fylde MP Mark Menzel vented his fury": a time, then the subject
        if end + 2 < len(tokens) and tokens[end + 1].key in _AUXILIARIES and self._verb_at(tokens, end + 2):
            return True  # "The Sindh Chief Minister Syed Murad Ali Khan has said"
        if end + 1 == len(tokens) and self._said_before(tokens, start):
            return True  # '…, said Federal Territories Minister Shahidan Kasim.': the speaker, after the verb
        # After punctuation ("WASHINGTON — Gov. Hartwell", "In May, Smith"), a name starts a clause.
        # ...but not after a closing bracket: "led by the Unity Party (UP) chief Ann Lee" is an object still
        if gap.strip().strip(")]") or self._quote_between(previous.end, tokens[start].start):
            return True
        portfolio_pair = (
            previous.key == "and" and start >= 2 and tokens[start].key in word_class("portfolios")
        )  # "in defence of Devolution and Planning Cabinet Secretary Anne Waiguru": one title, no new clause
        if previous.key in _CLAUSE_JOINERS and not portfolio_pair:
            if previous.key in ("and", "or") and start >= 2 and tokens[start - 2].capitalised:
                # "under the leadership of Rahul Gandhi and Priyanka Gandhi Vadra": one name joined to
                # another stands where that one stands (not "Housing and Local Government Minister …")
                first = self._capitalised_run(tokens, start - 2)
                names = tokens[first : start - 1] + tokens[start : end + 1]
                if start - 1 - first >= 2 and not any(t.key in self.lex.titles for t in names):
                    return self._subject_like(sentence, first, start - 2)
            return True
        if (
            end + 1 < len(tokens)
            and self._verb_at(tokens, end + 1)
            and not self.masked[last.end : tokens[end + 1].start].strip()
        ):
            return True  # "The portfolio-holder for transport and planning Richard Lowes claimed"
        # "Another witness, bartender Kayla Simmons, said": the name is the subject of the speech verb,
        # unless a preposition makes it an object ("founder of the game studio Pixel Forge, said").
        for back in range(start - 1, max(-1, start - 8), -1):
            if "," in self.masked[tokens[back].end : tokens[back + 1].start]:
                break
            if tokens[back].key in _PREPOSITIONS:
                # "The changes were explained in a memo by chief executive Daniel Moreau": a passive's agent is who acted
                # ("approved by the National Assembly" is an institution's doing, left to the institutions)
                return (
                    tokens[back].key == "by"
                    and not any(t.key in _DETERMINERS for t in tokens[back + 1 : start])
                    and _closes_a_passive(tokens, back)
                )
        following = end + 1
        if following >= len(tokens):
            return False
        if self.masked[last.end : tokens[following].start].strip().startswith("("):
            # "Coun Richard Lowe (Lab) told the meeting": over the party in brackets to the verb
            while (
                following < len(tokens)
                and ")" not in self.masked[tokens[following - 1].end : tokens[following].start]
            ):
                following += 1
                if following - end > 6:
                    return False
            if following >= len(tokens):
                return False
        if self._verb_at(tokens, following):
            return True  # "Simmons said", "Simmons, said"
        if "," not in self.masked[last.end : tokens[following].start]:
            return False
        relative = tokens[following].key in ("who", "whose")
        for j in range(following + 1, min(len(tokens), following + (30 if relative else 16))):
            if "," in self.masked[tokens[j - 1].end : tokens[j].start]:
                # "Simmons, a bartender, said"; "Andrew Griffith, Economic Secretary, was asked"
                if self._verb_at(tokens, j) or (tokens[j].key in _AUXILIARIES and not tokens[j].capitalised):
                    return True
                # "Councillor Tina Rowe, who made headlines for …, went further": the verb after a relative
                # clause is the name's (not "…, who was wanted, on Tuesday" nor "…, and his wife")
                return relative and _finite_verb_like(tokens[j])
        return False

    def _said_before(self, tokens: list[_Token], start: int) -> bool:
        """Whether "said" (or "added" …) comes right before the name phrase starting at tokens[start], over the
        portfolio words joined to it ('said International Trade and Industry Minister Mustafa Mohd')."""
        k = start - 1
        while k > 0 and start - k < 6 and (tokens[k].key == "and" or tokens[k].capitalised):
            if "," in self.masked[tokens[k].end : tokens[k + 1].start]:
                return False
            k -= 1
        gap = self.masked[tokens[k].end : tokens[k + 1].start] if k >= 0 else ""
        return k >= 0 and not gap.strip() and tokens[k].key in word_class("said-before-name")

    def _in_a_list_of_names(self, tokens: list[_Token], start: int, end: int) -> bool:
        """Whether the name is one of several joined by "and" before a plural verb ("A, B and C have agreed")."""
        joined = start >= 2 and tokens[start - 1].key == "and" and tokens[start - 2].capitalised
        k = end + 1
        while k < len(tokens) and k - end < 8 and (tokens[k].capitalised or tokens[k].key == "and"):
            joined = joined or tokens[k].key == "and"
            k += 1  # over the names listed after this one
        return joined and k < len(tokens) and tokens[k].key in ("have", "are", "were", "say", "agree")

    def _last_that_before(self, sentence: _Sentence, index: int) -> int | None:
        """The index of the last token "that" before tokens[index], from the sentence's list of them (made
        once per sentence: walking back from every name of a run-on sentence was quadratic)."""
        cache: dict[int, list[int]] = self.__dict__.setdefault("_that_indexes", {})
        found = cache.get(sentence.number)
        if found is None:
            found = cache[sentence.number] = [k for k, t in enumerate(sentence.tokens) if t.key == "that"]
        at = bisect_left(found, index)
        return found[at - 1] if at else None

    def _quote_between(self, start: int, end: int) -> bool:
        at = bisect_left(self._mark_positions, start)
        return at < len(self._mark_positions) and self._mark_positions[at] < end
