"""The closed word lists and word shapes the attribution rules read (determiners, pronouns, name particles,
auxiliaries, occupations by their endings, the sentence tokenizer)."""

from __future__ import annotations

import re
from functools import cache

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])"
    r"|(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|Jan|Feb|"
    r"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s)"
    r"|[^\W_](?:[\w\-]*[^\W_])?(?:['’][A-Za-z]+)?(?:(?<=[A-Z])\+(?!\w))?"
)
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Jr|Sr|Inc|"
    r"Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m)\.)$"
)
_PRONOUNS = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": ""}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "one",
    "another",
    "two",
    "three",
    "several",
}
_NAME_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "al",
    "del",
    "dos",
    "el",
}
_CONNECTORS = {"of", "for", "the", "and", "on", "at", "to"}
_AUXILIARIES = {
    "has", "had", "have", "would", "will", "did", "does", "do", "also", "later", "then", "again", "once",
    "previously", "repeatedly", "recently", "further", "simply", "only", "quickly", "flatly", "publicly",
    "was", "is", "just", "reportedly", "separately", "privately", "earlier", "often", "never", "not", "could",
    "might", "may", "should", "can", "been", "be",
}  # fmt: skip
# Things that "say" in news writing without being anyone: '"…," the statement said'.
_NOT_PEOPLE = {
    "report", "study", "survey", "ruling", "order", "decision", "bill", "law", "plan", "proposal", "document",
    "complaint", "lawsuit", "filing", "notice", "website", "sign", "headline", "letter", "statement", "memo",
    "release", "post", "tweet", "message", "text", "note", "indictment", "warrant", "verdict", "agreement",
}  # fmt: skip
# The words that end a company's name ("Orbit Inc.", "Veltron Semiconductor Corp.").
_CORPORATE = {
    "inc.",
    "inc",
    "corp.",
    "corp",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "sa",
    "group",
    "company",
}
# Occupations by their endings ("Meteorologist Dan Whitlock", "pediatrician", "photographer"): a role.
# "-ist" only on longer words and never after "qu", "qv", "e", "chr" (Lindqvist, Holmquist, Feist, Christ are surnames).
_OCCUPATION = re.compile(
    r"(?:olog|iatr)ists?$|icians?$|ographers?$|^\w{3,}(?<!qu)(?<!qv)(?<!e)(?<!chr)ists?$"
)
# Words that open a new clause after a quotation: a speech verb beyond them has its own subject.
_CLAUSE_OPENERS = {
    "as", "while", "but", "because", "although", "though", "whereas", "since", "even", "which", "who",
    "until", "unless", "if",
}  # fmt: skip
# Speech verbs that may open a sentence before the speaker's name, in feature writing.
_INVERTED_VERBS = {"says", "adds", "asks", "recalls", "explains", "notes", "insists", "warns"}
# First words of place and company names, which a sentence may open with ("New Jersey Transit said").
_PLACE_PREFIXES = {
    "new",
    "north",
    "south",
    "east",
    "west",
    "united",
    "great",
    "upper",
    "lower",
    "central",
    "royal",
}
_INDEFINITE = {"a", "an", "another", "one", "two", "three", "several", "some"}
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


_SURE_VERBS = {"says", "tells", "adds", "writes", "asks", "insists", "argues", "explains", "warns", "tweets"}


# nouns that end like adverbs: "the family said" keeps its subject
_LY_NOUNS = frozenset(
    {"family", "families", "ally", "allies", "assembly", "rally", "supply", "monopoly", "anomaly", "bully"}
)
# speech verbs whose object is the one spoken to or about, never the speaker ("accused Mr Spencer of using")
_OBJECT_VERBS = frozenset({
    "accused", "accuses", "accusing", "told", "tells", "telling", "urged", "urges", "urging", "blasted",
    "slammed", "criticized", "criticised", "praised", "informed", "assured", "assures", "instructed",
})  # fmt: skip
# title words that are also first names: "Dean Skelos", "Earl Blumenauer"
_FIRST_NAME_TITLES = frozenset({"dean", "earl"})
_WIRES = frozenset({"reuters", "ap", "afp", "upi", "bloomberg", "tass", "dpa", "ansa", "efe", "xinhua"})


def _name_like(word: str) -> bool:
    """'Natarajan', "O'Neill", 'Ocasio-Cortez': capitalised, with lower-case letters."""
    return word[:1].isupper() and any(ch.islower() for ch in word)


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _surname(name: str) -> str:
    """'Robert F. Hale Jr.' -> 'hale': the last word of a name that is not a generational suffix."""
    words = name.lower().split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _party_or_age(word: str) -> bool:
    """'R-S.C.', 'D-N.Y', '54': the party-and-state or age that news puts after a name."""
    return bool(re.fullmatch(r"\d{1,3}|[DRI]-[A-Z][A-Za-z.]*|[A-Z]\.?", word))
