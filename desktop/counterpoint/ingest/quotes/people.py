"""People and names: who the article names (full name, role, gender hint), and each later mention of them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.lexicon import word_class
from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes.tokens import _Sentence, _title_case, _Token
from counterpoint.ingest.quotes.verbs import SpeechVerbReader, _closes_a_passive, _finite_verb_like
from counterpoint.ingest.quotes.words import (
    _AUXILIARIES,
    _CLAUSE_JOINERS,
    _CONNECTORS,
    _DETERMINERS,
    _FIRST_NAME_TITLES,
    _INVERTED_VERBS,
    _NAME_PARTICLES,
    _NAME_TOKENS,
    _OCCUPATION,
    _PLACE_PREFIXES,
    _PREPOSITIONS,
    _name_like,
    _surname,
)

_LOCATIVES = frozenset(("at", "in", "near", "outside", "inside"))


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


class PeopleReader(SpeechVerbReader):
    """Pass 3: the people the article names, their roles, and each later mention of them."""

    def _word_class(self, token: _Token) -> str:
        key = token.key
        if key in self.lex.honorifics:
            return "honorific"
        if key in self.lex.titles or key.rstrip(".") in self.lex.titles or _OCCUPATION.search(key):
            return "title"
        if key in self.lex.organisation_words:
            return "org"
        if len(token.word) >= 2 and token.word.isupper() and not re.fullmatch(r"[A-Z]\.", token.word):
            return "org"  # an acronym: NOBLE, FBI, U.S. (an initial, "F.", belongs to a name)
        return "word"

    def _capitalised_run(self, tokens: list[_Token], end: int) -> int:
        """Start index of the run of name-like tokens that ends at tokens[end] (inclusive)."""
        start = end
        while start > 0 and end - start < _NAME_TOKENS:
            previous = tokens[start - 1]
            gap = self.masked[previous.end : tokens[start].start]
            if gap.strip() == "&" and previous.capitalised and tokens[start].capitalised:
                start -= 1  # "Pacific Gas & Electric", "Johnson & Johnson": one company
                continue
            if gap.strip() or ("\n" in gap and not self._wrapped):
                break
            if previous.capitalised and previous.key in _INVERTED_VERBS and start - 1 == 0:
                break  # "Says Maria Gutierrez": the verb, not a first name
            if previous.capitalised and previous.key not in self.lex.not_names:
                start -= 1
            elif previous.capitalised and previous.key in ("the",) and start - 1 > 0:
                break
            elif previous.key in self.lex.titles and not previous.capitalised:
                start -= 1  # AP style: "press secretary Sarah Sanders", "state Sen. Jane Doe"
            elif (
                previous.key == "and"
                and not previous.capitalised
                and start - 2 >= 0
                and tokens[start].key in self.lex.titles
                and tokens[start - 2].key in self.lex.titles
                and self._adjacent(tokens, start - 2, start - 1)
            ):
                start -= 2  # "co-founder and chief executive Priya Venkataraman"
            elif previous.key in _NAME_PARTICLES | _CONNECTORS and start - 2 >= 0:
                before = tokens[start - 2]
                if before.capitalised and not self.masked[before.end : previous.start].strip():
                    start -= 2
                elif (
                    previous.key in _NAME_PARTICLES
                    and before.key in _NAME_PARTICLES
                    and start - 3 >= 0
                    and tokens[start - 3].capitalised
                    and self._adjacent(tokens, start - 3, start - 2)
                    and self._adjacent(tokens, start - 2, start - 1)
                ):
                    start -= 3  # "Pieter van der Berg", "Ana María de la Cruz"
                elif (
                    previous.key == "the"
                    and before.key in ("of", "for", "at")
                    and start - 3 >= 0
                    and tokens[start - 3].capitalised
                    and self._adjacent(tokens, start - 3, start - 2)
                    and self._adjacent(tokens, start - 2, start - 1)
                ):
                    start -= 3  # "Lt. Karen Shaw of the Eastport Police Department"
                else:
                    break
            else:
                break
        if (
            start == 0
            and end == 2
            and all(t.capitalised and self._word_class(t) == "word" for t in tokens[:3])
            and tokens[0].key not in _PLACE_PREFIXES
            and self._common_word(tokens[0])
        ):
            start = 1  # "Hiker Jamal Pierce": a word the text also writes in lower case opens the sentence
        # The run never starts with a sentence opener ("In", "The") or a lower-case word, except a title
        # before a name ("union president Derek Olsen").
        while start <= end and (
            (not tokens[start].capitalised and tokens[start].key not in self.lex.titles)
            or tokens[start].key in self.lex.not_names
            or tokens[start].key in _CONNECTORS
        ):
            start += 1
        if start <= end and not any(t.capitalised for t in tokens[start : end + 1]):
            return end + 1
        return start

    def _common_word(self, token: _Token) -> bool:
        """Whether the text also uses this capitalised word in lower case ("Hiker" beside "this hike")."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", self.text))
        key = token.key
        return key in self._lower_words or (
            len(key) > 4 and key.endswith("er") and key[:-1] in self._lower_words
        )

    def _title_surname_start(self, words: list[_Token]) -> int:
        """Where the name starts when its surname is also a title word: "Governor Jim Justice" (a title, one
        plain capitalised word, the title word: 1), or "Gov. Justice" after Jim Justice was named (1);
        len(words) otherwise."""
        last = words[-1]
        if len(words) < 2 or not last.capitalised or self._word_class(last) != "title":
            return len(words)
        before = words[-2]
        if (
            len(words) >= 3
            and before.capitalised
            and self._word_class(before) == "word"
            and before.key not in self.lex.not_names
            and before.key not in word_class("portfolios")
            and self._word_class(words[-3]) in ("title", "honorific")
        ):
            return len(words) - 2
        if self._word_class(before) in ("title", "honorific") and _surname(last.word) in self.by_last_name:
            return len(words) - 1
        return len(words)

    def _portfolio_end(self, words: list[_Token], k: int) -> int | None:
        """Where the name starts after a title, "for"/"of" and a department ("Federal Minister for Interior
        Ann Lee": 4), when two or three name words follow it; None otherwise."""
        if not any(self._word_class(w) == "title" for w in words[:k]):
            return None
        if any(self._word_class(w) not in ("title", "word") for w in words[:k]):
            return None
        portfolios = word_class("portfolios")
        end = k + 1
        while end < len(words) and (words[end].key in portfolios or words[end].key == "and"):
            end += 1
        rest = words[end:]
        if end == k + 1 or not 2 <= len(rest) <= 3:
            return None
        if not all(w.capitalised and self._word_class(w) == "word" for w in rest):
            return None
        return end

    def _portfolios_then_name(self, words: list[_Token], k: int) -> bool:
        """Whether the "and" at words[k] joins two portfolios before a name of two or three words ("Minister for
        Culture, Community and Youth Edwin Tan": "Youth" is a portfolio, not a first name)."""
        portfolios = word_class("portfolios")
        return (
            0 < k
            and 2 <= len(words) - k - 2 <= 3
            and words[k - 1].key in portfolios
            and words[k + 1].key in portfolios
            and all(w.capitalised and self._word_class(w) == "word" for w in words[k + 2 :])
        )

    def _split_name(self, words: list[_Token]) -> tuple[str | None, str | None, bool]:
        """(name, role, is_organisation) of a capitalised phrase: 'U.S. Attorney General Jeff Sessions'."""
        if not words:
            return None, None, False
        # The name ends a phrase; a longer one is no name (and is read in bounded time).
        words = words[-_NAME_TOKENS:]
        if "&" in self.masked[words[0].end : words[-1].start]:
            return self._phrase(words), None, True  # "Procter & Gamble" is a company, never a person
        # "Governor Ray Okafor of Lakeshore": the name sits before "of", the place belongs to the role
        # "Ana Smith and Ben Jones": two people speaking together are one speaker, named as the text does
        ands = sum(w.key == "and" and not w.capitalised for w in words)
        for k in range(1, len(words) - 1 if ands <= 2 else 1):  # each split reads both sides again
            if words[k].key == "and" and not words[k].capitalised:
                if self._portfolios_then_name(words, k):
                    return self._phrase(words[k + 2 :]), self._phrase(words[: k + 2]), False
                first, r1, org1 = self._split_name(words[:k])
                second, r2, org2 = self._split_name(words[k + 1 :])
                one_portfolio = (
                    bool(r2) and not r1 and k == 1
                )  # "Youth and Sports Minister Khairy Jamaluddin"
                if first and second and not org1 and not org2 and not one_portfolio:
                    # "St. Anselm chief executive Dr. Robert Hayes and Riverbend chief executive Nina
                    # Castellano" speak together: the names, without their roles
                    return f"{first} and {second}", None, True
        # ("Secretary of State Antony Blinken" has its name last, after the title: that is not this case.)
        tail_name = len(words)
        while (
            tail_name > 0
            and self._word_class(words[tail_name - 1]) == "word"
            and words[tail_name - 1].capitalised
        ):
            tail_name -= 1
        # ...but "Leyla Arslan of the Turkish Red Crescent" ends with an organisation: "the" never leads a name.
        tail_is_name = tail_name < len(words) and (
            tail_name == 0 or words[tail_name - 1].key not in ("the", "of", "for", "at")
        )
        for k in range(len(words) - 1, 0, -1):
            if tail_is_name and k < tail_name - 1:
                break
            if words[k].key in ("of", "for") and not words[k].capitalised and words[k - 1].capitalised:
                portfolio = self._portfolio_end(words, k)
                if portfolio is not None:  # "Minister for Interior Ann Lee": the name after the department
                    return self._phrase(words[portfolio:]), self._phrase(words[:portfolio]), False
                name, role, is_org = self._split_name(words[:k])
                if name and not is_org and " " in name:
                    tail = self._phrase(words[k:])
                    return (
                        name,
                        f"{role} {tail}" if role else re.sub(r"^(?:of|for|at)\s+(?:the\s+)?", "", tail),
                        False,
                    )
                return self._phrase(words), None, True  # "Democrat of New York", "Bank of England"
        if any(self._word_class(w) == "org" for w in words) and self._word_class(words[-1]) in (
            "org",
            "word",
        ):
            # "the White House", "the Justice Department": an organisation, unless a person is named last
            name_start = len(words)
            while name_start > 0 and self._word_class(words[name_start - 1]) == "word":
                name_start -= 1
            if name_start == len(words) or name_start == 0 or len(words) - name_start < 2:
                return self._phrase(words), None, True
        name_start = self._title_surname_start(words)
        walk = name_start == len(words)  # no surname that is also a title: walk back over the name
        while walk and name_start > 0:
            cls = self._word_class(words[name_start - 1])
            if name_start < len(words) and words[name_start - 1].word.endswith(("'s", "’s")):
                break  # "Bloomberg's Eric Roston": the possessive is an affiliation, not part of the name
            if (
                cls == "title"
                and words[name_start - 1].key in _FIRST_NAME_TITLES
                and words[name_start - 1].capitalised
                and len(words) - name_start == 1
            ):
                name_start -= 1  # "Senate leader Dean Skelos": a first name that is also a title
                continue
            if (
                cls != "word"
                or not words[name_start - 1].capitalised
                or words[name_start - 1].key in self.lex.not_names
            ):
                if words[name_start - 1].key in _NAME_PARTICLES and name_start < len(words):
                    name_start -= 1
                    continue
                break
            name_start -= 1
        name_words = words[name_start:]
        role_words = words[:name_start]
        while role_words and self._word_class(role_words[-1]) == "honorific":
            role_words = role_words[:-1]
        while role_words and role_words[-1].key in _CONNECTORS:
            role_words = role_words[:-1]
        if not name_words:
            return None, self._phrase(role_words) if role_words else None, False
        if sum(w.key not in _NAME_PARTICLES for w in name_words) > 4:  # "Ana María de la Cruz" is one name
            name_words = name_words[-3:]
        name = " ".join(re.sub(r"['’]s$|['’]$", "", w.word) for w in name_words)
        return name, self._phrase(role_words) if role_words else None, False

    def _place_shaped(self, tokens: list[_Token], start: int) -> bool:
        """Whether a capitalised run at start is a place by where it stands: after "at", "in", "near",
        "outside" or "inside" ("told reporters at Wisma Bernama"), or after a party in brackets behind a name
        ("Gordon Lundie (Con, Lambourn Valley)")."""
        if start == 0:
            return False
        before = tokens[start - 1]
        titled = tokens[start].key in self.lex.titles or self._word_class(tokens[start]) == "honorific"
        if (
            before.key in _LOCATIVES
            and not before.capitalised
            and not titled  # "hitting back at Prime Minister Manmohan Singh": a title starts a person
            and self._adjacent(tokens, start - 1, start)
        ):
            return True
        gap = self.masked[before.end : tokens[start].start]
        if "," in gap and start >= 2 and before.word.isalpha() and len(before.word) <= 5:
            opening = self.masked[tokens[start - 2].end : before.start]
            return "(" in opening and tokens[start - 2].capitalised  # "(Con, Lambourn Valley)"
        return False

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

    def _register(self, name: str, role: str | None) -> _Person:
        person = self.people.get(name)
        if person is None and name.split()[0].lower() in _NAME_PARTICLES:
            # "De Blasio said" opening a sentence is Bill de Blasio, named before
            person = next(
                (p for p in self.people.values() if p.name.lower().endswith(" " + name.lower())), None
            )
        if person is None:
            last = _surname(name)
            if " " not in name and last in self.by_last_name:
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
                ):
                    self._register(f"{first.word} {partner[-1].word}", None)
        for sentence, start, end in runs:
            check_time()
            name, role, is_org = self._split_name(sentence.tokens[start : end + 1])
            honorific = self._word_class(sentence.tokens[start]) == "honorific"
            if (
                name
                and not is_org
                and (" " in name or honorific)
                and name[:1].isupper()
                and not self._place_shaped(sentence.tokens, start)
            ):
                appositive = self._appositive_role(sentence.tokens, end)
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
            name, _role, is_org = self._split_name(words)
            if not name or is_org:
                continue
            last = _surname(name)
            person = self.people.get(name)
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
        if start == 0:
            return True
        that = self._last_that_before(sentence, start)
        if that is not None and any(self._verb_at(tokens, k) for k in range(max(0, that - 6), that)):
            # "Halden said without offering evidence that the reporter, Ane Berg, had been paid": the
            # person reported on is not who "he said" refers to next
            return False
        previous = tokens[start - 1]
        gap = self.masked[previous.end : tokens[start].start]
        # After punctuation ("WASHINGTON — Gov. Hartwell", "In May, Smith"), a name starts a clause.
        # ...but not after a closing bracket: "led by the Unity Party (UP) chief Ann Lee" is an object still
        if gap.strip().strip(")]") or self._quote_between(previous.end, tokens[start].start):
            return True
        if previous.key in _CLAUSE_JOINERS:
            if previous.key in ("and", "or") and start >= 2 and tokens[start - 2].capitalised:
                # "under the leadership of Rahul Gandhi and Priyanka Gandhi Vadra": one name joined to
                # another stands where that one stands (not "Housing and Local Government Minister …")
                first = self._capitalised_run(tokens, start - 2)
                names = tokens[first : start - 1] + tokens[start : end + 1]
                if start - 1 - first >= 2 and not any(t.key in self.lex.titles for t in names):
                    return self._subject_like(sentence, first, start - 2)
            return True
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
                # "Councillor Tina Nixon, who made headlines for …, went further": the verb after a relative
                # clause is the name's (not "…, who was wanted, on Tuesday" nor "…, and his wife")
                return relative and _finite_verb_like(tokens[j])
        return False

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
