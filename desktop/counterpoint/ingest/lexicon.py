"""The word lists of resources/lexicons/attribution/ (attribution.toml and one .tsv per closed word class),
each loaded once, when first read, through importlib.resources."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    speech_phrases: tuple[tuple[str, ...], ...]  # multi-word verbs ("pointed out"), longest first
    titles: frozenset[str]
    honorifics: frozenset[str]
    organisation_words: frozenset[str]
    not_names: frozenset[str]
    occasions: tuple[str, ...]
    role_families: tuple[frozenset[str], ...]  # words for one role ("lawyer", "attorney", "counsel")
    page_noise: tuple[re.Pattern[str], ...]


def _attribution_file() -> str:
    return (
        resources.files("counterpoint.resources")
        .joinpath("lexicons", "attribution", "attribution.toml")
        .read_text("utf-8")
    )


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(_attribution_file())
    verbs = [v.lower() for v in raw["speech_verbs"]]
    phrases = sorted({tuple(v.split()) for v in verbs if " " in v}, key=len, reverse=True)
    return Lexicon(
        speech_verbs=frozenset(v for v in verbs if " " not in v),
        speech_phrases=tuple(phrases),
        # 'Governor-elect Tony Evers', 'mayor-elect': a title and '-elect' is a title
        titles=frozenset(raw["titles"]) | frozenset(f"{t}-elect" for t in raw["titles"] if t.isalpha()),
        honorifics=frozenset(raw["honorifics"]),
        organisation_words=frozenset(raw["organisation_words"]),
        not_names=frozenset(raw["not_names"]),
        occasions=tuple(sorted(raw["occasions"], key=len, reverse=True)),
        role_families=tuple(frozenset(w.lower() for w in family) for family in raw.get("role_families", [])),
        page_noise=tuple(re.compile(p, re.IGNORECASE) for p in raw["page_noise"]),
    )


def is_page_noise(line: str) -> bool:
    """True for a line of browser chrome saved with an article ("IE 11 is not supported…")."""
    line = line.strip()
    return any(p.search(line) for p in lexicon().page_noise)


def _attribution_rows(name: str) -> list[list[str]]:
    path = resources.files("counterpoint.resources").joinpath("lexicons", "attribution", f"{name}.tsv")
    text = path.read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_class(name: str) -> frozenset[str]:
    """A closed word class of the attribution rules (lexicons/attribution/NAME.tsv: one word a line)."""
    words = frozenset(row[0].strip() for row in _attribution_rows(name))
    if not words:
        raise ValueError(f"the attribution word class {name!r} is empty")
    return words


@cache
def word_map(name: str) -> dict[str, str]:
    """A word class with a value per word (lexicons/attribution/NAME.tsv: a word, a tab, its value)."""
    found = {row[0].strip(): (row[1].strip() if len(row) > 1 else "") for row in _attribution_rows(name)}
    if not found:
        raise ValueError(f"the attribution word class {name!r} is empty")
    return found


@cache
def _places() -> tuple[str, ...]:
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", "wordnet30-places.tsv")
    return tuple(
        line.strip().lower() for line in path.read_text("utf-8").splitlines() if not line.startswith("#")
    )


@cache
def place_names() -> frozenset[str]:
    """Names of places of more than one word, lower case ("new zealand", "hong kong"), from WordNet 3.0's
    noun.location instances (lexicons/wordnet/wordnet30-places.tsv, made by tools/wordnet_extract.py): a
    capitalised run that is one of them is a place, never a person."""
    return frozenset(name for name in _places() if " " in name)


@cache
def place_words() -> frozenset[str]:
    """Places named by one word ("punjab", "ontario"); as often a first name or surname ("Jordan",
    "Washington"), so read as a place only where a name cannot stand ("Chief Minister Punjab Amna Tariq …")."""
    return frozenset(name for name in _places() if name and " " not in name)


@cache
def common_words() -> frozenset[str]:
    """English words of one word, lower case, from WordNet 3.0's lemmas (lexicons/wordnet/wordnet30-senses.tsv):
    "highways", "evaluation" are words a department is named with; "Kofi", "Mensah" are not."""
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", "wordnet30-senses.tsv")
    words = set()
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        lemma, _tab, rest = line.partition("\t")
        if rest[:1] in "nav" and lemma.isalpha():
            words.add(lemma.lower())
    return frozenset(words)
