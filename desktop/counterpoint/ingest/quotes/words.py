"""The closed word classes and word shapes the attribution rules read (determiners, pronouns, name particles,
auxiliaries, occupations by their endings, the sentence tokenizer).

The words live in resources/lexicons/attribution/, one class a file; each class here is read from its file
the first time a rule looks a word up, once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Set
from functools import cache

from counterpoint.ingest.lexicon import word_class, word_map


class _Words(Set[str]):
    """A word class loaded from lexicons/attribution/NAME.tsv on first use (set operations as frozenset)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __contains__(self, word: object) -> bool:
        return word in word_class(self.name)

    def __iter__(self) -> Iterator[str]:
        return iter(word_class(self.name))

    def __len__(self) -> int:
        return len(word_class(self.name))

    def __hash__(self) -> int:
        return hash(self.name)

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        return frozenset(it)  # set operations ("_NAME_PARTICLES | _CONNECTORS") give plain frozensets


class _WordMap(Mapping[str, str]):
    """A word class with a value per word (a pronoun and its gender), loaded on first use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getitem__(self, word: str) -> str:
        return word_map(self.name)[word]

    def __contains__(self, word: object) -> bool:
        return word in word_map(self.name)

    def __iter__(self) -> Iterator[str]:
        return iter(word_map(self.name))

    def __len__(self) -> int:
        return len(word_map(self.name))


@cache
def _abbreviations(name: str) -> str:
    """An abbreviation class as an alternation for a pattern, longest first."""
    return "|".join(re.escape(word) for word in sorted(word_class(name), key=len, reverse=True))


@cache
def token_pattern() -> re.Pattern[str]:
    """A token: initials ("U.S."), an initial before a name, an abbreviation with its stop, or a word."""
    return re.compile(
        r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])"
        rf"|(?:{_abbreviations('abbreviations')})\.(?=\s)"
        r"|[^\W_](?:[\w\-]*[^\W_])?(?:['’][A-Za-z]+)?(?:(?<=[A-Z])\+(?!\w))?"
    )


@cache
def abbreviation_end() -> re.Pattern[str]:
    """A full stop that ends an abbreviation, not a sentence (matched at the end of the text before it)."""
    words = _abbreviations("abbreviations") + "|" + _abbreviations("sentence-abbreviations")
    return re.compile(rf"(?:\b(?:[A-Z]\.)+|\b(?:{words})\.)$")


_PRONOUNS = _WordMap("pronouns")
_DETERMINERS = _Words("determiners")
_NAME_PARTICLES = _Words("name-particles")
_CONNECTORS = _Words("connectors")
_AUXILIARIES = _Words("auxiliaries")
_NOT_PEOPLE = _Words("not-people")
_CORPORATE = _Words("corporate-endings")
_CLAUSE_OPENERS = _Words("clause-openers")
_INVERTED_VERBS = _Words("inverted-verbs")
_PLACE_PREFIXES = _Words("place-prefixes")
_INDEFINITE = _Words("indefinites")
_SURE_VERBS = _Words("sure-verbs")
_LY_NOUNS = _Words("ly-nouns")
_OBJECT_VERBS = _Words("object-verbs")
_FIRST_NAME_TITLES = _Words("first-name-titles")
_WIRES = _Words("wire-services")
_SUFFIXES = _Words("name-suffixes")
_ACTS = _Words("acts")
_ADDRESS_FORMS = _Words("address-forms")
_TITLE_SMALL_WORDS = _Words("title-case-small-words")
_NOUN_MARKERS = _Words("noun-markers")
_RELATIVE_WORDS = _Words("relative-words")
_CLAUSE_JOINERS = _Words("clause-joiners")
_PREPOSITIONS = _Words("prepositions")
_DESCRIBED_BY = _Words("described-by")
_OFFICE_HOLDERS = _Words("office-holders")


# Occupations by their endings ("Meteorologist Dan Whitlock", "pediatrician", "photographer"): a role.
# "-ist" only on longer words and never after "qu", "qv", "e", "chr" (Lindqvist, Holmquist, Feist, Christ are surnames).
_OCCUPATION = re.compile(
    r"(?:olog|iatr)ists?$|icians?$|ographers?$|^\w{3,}(?<!qu)(?<!qv)(?<!e)(?<!chr)ists?$"
)
_PARTY_LABEL = re.compile(r"\((?:[DRIL]|Dem|Rep|Ind|Lab|Con)-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)")
# How many tokens of a sentence's opening are read for its subject (a name or "the <role>").
_OPENING_TOKENS = 16
# The longest name phrase read ("Deputy Assistant Secretary of State for … Jane Doe" is under it): a run of
# "of Bb of Bb …" thousands long is cut here, so reading it costs the same per word as a short one.
_NAME_TOKENS = 20


@cache
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The multi-word speech verbs by their first word, longest first as in the lexicon."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        found.setdefault(phrase[0], []).append(phrase)
    return {key: tuple(value) for key, value in found.items()}


def _name_like(word: str) -> bool:
    """'Natarajan', "O'Neill", 'Ocasio-Cortez': capitalised, with lower-case letters."""
    return word[:1].isupper() and any(ch.islower() for ch in word)


def _surname(name: str) -> str:
    """'Robert F. Hale Jr.' -> 'hale': the last word of a name that is not a generational suffix."""
    words = name.lower().split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _one_name(name: str) -> bool:
    """'Ramos', 'Ramos III': one name, a generational suffix aside (a surname alone, to be looked up)."""
    return sum(word not in _SUFFIXES for word in name.lower().split()) == 1


def _party_or_age(word: str) -> bool:
    """'R-S.C.', 'D-N.Y', '54': the party-and-state or age that news puts after a name."""
    return bool(re.fullmatch(r"\d{1,3}|[DRI]-[A-Z][A-Za-z.]*|[A-Z]\.?", word))
