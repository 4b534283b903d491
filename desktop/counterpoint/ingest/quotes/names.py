"""Names: telling a person's name from the role, organisation or place written around it in a capitalised
phrase ("U.S. Attorney General Jeff Sessions", "Minister for Interior Ann Lee", "the Bank of England")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from counterpoint.ingest.lexicon import common_words, place_words, word_class
from counterpoint.ingest.quotes.tokens import _Token
from counterpoint.ingest.quotes.verbs import SpeechVerbReader
from counterpoint.ingest.quotes.words import (
    _ADDRESS_FORMS,
    _CONNECTORS,
    _FIRST_NAME_TITLES,
    _INVERTED_VERBS,
    _NAME_PARTICLES,
    _NAME_TOKENS,
    _OCCUPATION,
    _PLACE_PREFIXES,
    _SUFFIXES,
    _surname,
)

if TYPE_CHECKING:
    from counterpoint.ingest.quotes.people import _Person

_LOCATIVES = frozenset(("at", "in", "near", "outside", "inside"))


class NameReader(SpeechVerbReader):
    """A capitalised phrase read as a name, a role and an organisation."""

    def _word_class(self, token: _Token) -> str:
        key = token.key
        if key in self.lex.honorifics:
            return "honorific"
        if key in self.lex.titles or key.rstrip(".") in self.lex.titles or _OCCUPATION.search(key):
            return "title"
        if "-" in key and all(part in self.lex.titles for part in key.split("-")):
            return "title"  # "Vice-Chancellor", "Deputy-Governor"
        if key in self.lex.organisation_words or (
            "-" in key
            and any(part in self.lex.organisation_words for part in key.split("-"))  # "Movement-Pakistan"
        ):
            return "org"
        if key in _SUFFIXES:
            return "word"  # "Antonio Ramos IV", "Peter Hale Jr.": a name's generation, not an acronym
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
            and words[-3].key not in ("of", "for", "the")  # "leader of Brookshire Council": no surname
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
        end = k + 1
        # the department's words, while two name words are left after them ("Minister for Roads and Highways
        # Kofi Mensah", "Minister for Health Mark Smith": "Mark" is a word, but the name needs two)
        while end < len(words) and (words[end].key == "and" or self._department_word(words[end])):
            if len([w for w in words[end + 1 :] if w.key not in _NAME_PARTICLES]) < 2:
                break
            end += 1
        rest = words[end:]
        named = [w for w in rest if w.key not in _NAME_PARTICLES]  # "Fayyaz ul Hassan Khan"
        if end == k + 1 or not 2 <= len(named) <= 3 or len(rest) > 4:
            return None
        if not all(w.capitalised and self._word_class(w) == "word" for w in named):
            return None
        return end

    def _department_word(self, token: _Token) -> bool:
        """A word a ministry is named with: one of the portfolios, or an English word ("Highways",
        "Evaluation"), not a name ("Kofi")."""
        key = token.key
        if key in word_class("portfolios"):
            return True
        words = common_words()
        return token.capitalised and (key in words or (key.endswith("s") and key[:-1] in words))

    def _portfolios_then_name(self, words: list[_Token], k: int) -> bool:
        """Whether the "and" at words[k] joins two portfolios before a name of two or three words ("Minister for
        Culture, Community and Youth Edwin Tan": "Youth" is a portfolio, not a first name)."""
        named = [w for w in words[k + 2 :] if w.key not in _NAME_PARTICLES]  # "Fayyaz ul Hassan Khan"
        return (
            k > 0
            and 2 <= len(named) <= 3
            and len(words) - k - 2 <= 4
            and self._department_word(words[k - 1])
            and self._department_word(words[k + 1])
            and all(w.capitalised and self._word_class(w) == "word" for w in named)
        )

    def _split_name(self, words: list[_Token]) -> tuple[str | None, str | None, bool]:
        """(name, role, is_organisation) of a capitalised phrase: 'U.S. Attorney General Jeff Sessions'."""
        if not words:
            return None, None, False
        # The name ends a phrase; a longer one is no name (and is read in bounded time).
        words = words[-_NAME_TOKENS:]
        if (
            len(words) in (3, 4)
            and words[0].key in word_class("portfolios")
            and all(self._word_class(w) == "word" and w.capitalised for w in words[1:])
        ):
            # "Minister in the Presidency Thandi Mokoena": the run starts with the department
            return self._phrase(words[1:]), self._phrase(words[:1]), False
        k = 0
        while k < len(words) and self._word_class(words[k]) in ("title", "honorific"):
            k += 1
        if (
            0 < k < len(words) - 2
            and words[k].key in place_words()
            and len(words) - k - 1 <= 4
            and all(self._word_class(w) == "word" and w.capitalised for w in words[k + 1 :])
        ):
            # "Chief Minister Punjab Amna Tariq": the province belongs to the title
            return self._phrase(words[k + 1 :]), self._phrase(words[: k + 1]), False
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
                if (
                    cls == "honorific"
                    and words[name_start - 1].key.rstrip(".") not in _ADDRESS_FORMS
                    and name_start >= 2
                    and name_start < len(words)
                    and self._word_class(words[name_start - 2]) == "word"
                    and words[name_start - 2].capitalised
                ):
                    name_start -= 1  # "Aziz Tun Rahman": an honour inside the name is the father's, kept
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
        ("Gordon Lane (Con, Hill Ward)")."""
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

    def _role_fits(self, head: str, person: _Person) -> bool:
        """Whether 'the <head>' can be this person: a role word sharing its stem ("the senator" for a
        "Senate Majority Leader") or of the same family ("the attorney" for a "lawyer")."""
        stem = head[:5]
        family = self._role_family(head)
        for role in person.roles:
            if any(word.startswith(stem) for word in role.lower().split()):
                return True
            if family is not None and self._role_family(role) == family:
                return True
        return False

    def _same_family(self, role: str, person: _Person) -> bool:
        family = self._role_family(role)
        return family is not None and any(self._role_family(r) == family for r in person.roles)

    def _role_family(self, role: str) -> int | None:
        """Which family of role_families a role belongs to, by its longest matching entry: a "Deputy
        District Attorney" is a prosecutor, not a defence attorney."""
        lowered = role.lower()
        best: tuple[int, int] | None = None  # (length of the entry, family)
        for number, family in enumerate(self.lex.role_families):
            for entry in family:
                if (best is None or len(entry) > best[0]) and re.search(
                    rf"(?<!\w){re.escape(entry)}(?!\w)", lowered
                ):
                    best = (len(entry), number)
        return best[1] if best else None
