"""WordNet 3.0 relations between words: synonymy, relatedness and (direct or indirect) antonymy.

The data is what tools/wordnet_extract.py takes from WordNet 3.0 (resources/lexicons/wordnet/): each
lemma's first few senses, and the relations between synsets. Words are compared through their senses:

- synonyms: the two lemmas share a synset ("cut" and "reduce");
- related: synonyms, or one sense derives from or pertains to the other's ("lawful" and "law",
  "decline" the verb and the noun), or the senses are in one verb group;
- antonyms: a sense of one is the antonym of a sense of the other, directly ("increase" / "decrease"),
  through the head of an adjective cluster ("tiny" is similar to "small", the antonym of "large":
  WordNet's indirect antonyms), or through a derived or pertaining form ("lawfully" -> "lawful" ->
  "unlawful").

Read once per process, on first use.
"""

from __future__ import annotations

import functools
import gc
import marshal
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

# WordNet's "morphy" rules of detachment: noun plurals, verb and adjective endings
_DETACH = (
    ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("s", ""), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("est", ""), ("est", "e"), ("er", ""), ("er", "e"),
)  # fmt: skip


# Rules of detachment for lemmatizing, with the parts of speech the base must have: plural nouns and a
# verb's -s first, then past and -ing forms, comparatives last.
_DETACHMENTS: tuple[tuple[str, str, set[str]], ...] = (
    ("men", "man", {"n"}), ("ies", "y", {"n", "v"}), ("s", "", {"n", "v"}), ("es", "", {"n", "v"}), ("es", "e", {"v"}),
    ("ied", "y", {"v"}), ("ed", "e", {"v"}), ("ed", "", {"v"}), ("ing", "e", {"v"}), ("ing", "", {"v"}),
    ("est", "", {"a"}), ("est", "e", {"a"}), ("er", "", {"a"}), ("er", "e", {"a"}),
)  # fmt: skip


@dataclass(frozen=True)
class Profile:
    """What one word brings to a comparison, worked out once per word."""

    senses: frozenset[int]
    linked: frozenset[int]  # synsets derived from, pertaining to, or in a verb group with a sense
    poles: frozenset[int]  # synsets that can carry an antonym: senses, their heads, derived forms
    opposite: frozenset[int]  # direct antonyms of the senses
    opposite_poles: frozenset[int]  # antonyms of the poles


@dataclass(frozen=True)
class WordNet:
    senses: dict[str, tuple[int, ...]]  # lemma -> synsets, most frequent first (see _sid)
    heads: dict[int, int]  # adjective satellite -> head of its cluster
    antonyms: dict[int, frozenset[int]]  # synset -> its antonym synsets
    links: dict[int, frozenset[int]]  # synset -> derived, pertaining and verb-group synsets
    irregular: dict[str, str] = field(default_factory=dict)  # "went" -> "go", "better" -> "good"
    lemmas: frozenset[str] = frozenset()  # the words WordNet lists as lemmas (not only as forms)
    _profiles: dict[str, Profile] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def _pos(self, word: str) -> set[str]:
        return {POS_CODES[s % 4] for s in self.senses.get(word, ())} if word in self.lemmas else set()

    def lemmatize(self, word: str) -> str:
        """A word's dictionary form by WordNet's exception lists and rules of detachment ("morphy"),
        without knowing its part of speech: "taxes" -> "tax", "parties" -> "party", "went" -> "go",
        "rising" -> "rise", "higher" -> "high". A base must be a WordNet lemma of a fitting part of
        speech; a comparative ending stays on a word WordNet lists itself ("number", "after")."""
        base = self.irregular.get(word)
        if base is not None:
            return base
        plural = len(word) > 3 and not word.endswith(("ss", "us", "is"))
        for suffix, ending, wanted in _DETACHMENTS:
            if not word.endswith(suffix) or len(word) - len(suffix) < 2:
                continue
            if suffix in ("s", "es", "ies") and not plural:
                continue
            if suffix in ("er", "est") and word in self.lemmas:
                continue
            candidate = word[: len(word) - len(suffix)] + ending
            if self._pos(candidate) & wanted:
                return candidate
        return word

    def synsets(self, word: str) -> tuple[int, ...]:
        """Senses of a word and of its base form by WordNet's regular inflections ("lower" is a verb
        and an adjective of its own, and the comparative of "low")."""
        own = self.senses.get(word, ())
        for suffix, ending in _DETACH:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                base = self.senses.get(word[: len(word) - len(suffix)] + ending)
                if base is not None:
                    return own + base
        return own

    def profile(self, word: str) -> Profile:
        found = self._profiles.get(word)
        if found is not None:
            return found
        senses = self.synsets(word)
        linked: set[int] = set()
        poles: set[int] = set()
        for s in senses:
            poles.add(s)
            poles.add(self.heads.get(s, s))
            for t in self.links.get(s, ()):
                linked.add(t)
                poles.add(t)
                poles.add(self.heads.get(t, t))
        made = Profile(
            senses=frozenset(senses),
            linked=frozenset(linked),
            poles=frozenset(poles),
            opposite=frozenset(o for s in senses for o in self.antonyms.get(s, ())),
            opposite_poles=frozenset(o for s in poles for o in self.antonyms.get(s, ())),
        )
        if len(self._profiles) < 100_000:
            self._profiles[word] = made
        return made

    def synonyms(self, x: str, y: str) -> bool:
        return x != y and not self.profile(x).senses.isdisjoint(self.profile(y).senses)

    def related(self, x: str, y: str) -> bool:
        if x == y:
            return False
        px, py = self.profile(x), self.profile(y)
        return not px.senses.isdisjoint(py.senses) or not px.linked.isdisjoint(py.senses)

    def relation(self, x: str, y: str) -> int:
        """2 when x and y are direct antonyms, 1 indirect antonyms, -1 synonyms or related forms, else 0
        (antonymous() and related() in one look at the two words)."""
        if x == y:
            return 0
        px, py = self.profile(x), self.profile(y)
        if not px.opposite.isdisjoint(py.senses):
            return 2
        if not px.opposite_poles.isdisjoint(py.poles):
            return 1
        if not px.senses.isdisjoint(py.senses) or not px.linked.isdisjoint(py.senses):
            return -1
        return 0

    def antonymous(self, x: str, y: str) -> int:
        """0 when no antonymy links x and y, 1 when a sense of one is the antonym of the other's
        directly, 2 when only through a cluster head or a derived form (indirect)."""
        if x == y:
            return 0
        px, py = self.profile(x), self.profile(y)
        if not px.opposite.isdisjoint(py.senses):
            return 1
        return 2 if not px.opposite_poles.isdisjoint(py.poles) else 0


POS_CODES = "nvar"  # a synset is an int: its offset in WordNet's data file times 4, plus its part of speech
COMPACT = "wordnet30.marshal"  # the same data, read in a tenth of the time (tools/wordnet_extract.py)
COMPACT_TAG = "counterpoint-wordnet30-v2"


def _sid(synset: str) -> int:
    return int(synset[1:]) * 4 + POS_CODES.index(synset[0])


def _lines(name: str):
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", name)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def parse() -> WordNet:
    """WordNet from its TSV files (the readable form; load() reads the compact one when it can)."""
    senses: dict[str, tuple[int, ...]] = {}
    irregular: dict[str, str] = {}
    for lemma, pos, rest in _lines("wordnet30-senses.tsv"):
        if pos == "=":
            if lemma != rest:  # the lists also hold forms that are their own base ("player")
                irregular.setdefault(lemma.replace("_", " "), rest.replace("_", " "))
        else:
            key = lemma.replace("_", " ")
            senses[key] = senses.get(key, ()) + tuple(_sid(x) for x in rest.split())
    own = frozenset(senses)
    for form, base in irregular.items():
        if form not in senses and base in senses:
            senses[form] = senses[base]
    similar: list[tuple[int, int]] = []
    antonyms: dict[int, set[int]] = {}
    links: dict[int, set[int]] = {}
    for here_s, rel, there_s in _lines("wordnet30-relations.tsv"):
        here, there = _sid(here_s), _sid(there_s)
        if rel == "similar":
            similar.append((here, there))
        elif rel == "antonym":
            antonyms.setdefault(here, set()).add(there)
            antonyms.setdefault(there, set()).add(here)
        elif rel in ("derived", "pertains", "verbgroup"):
            links.setdefault(here, set()).add(there)
            links.setdefault(there, set()).add(here)
    # the head of an adjective cluster is the synset that holds the direct antonym; its satellites
    # point to it with "similar to" (and it to them)
    with_antonym = set(antonyms)
    heads = {s: h for s, h in similar if h in with_antonym and s not in with_antonym}
    return WordNet(
        senses=senses,
        heads=heads,
        antonyms={k: frozenset(v) for k, v in antonyms.items()},
        links={k: frozenset(v) for k, v in links.items()},
        irregular=irregular,
        lemmas=own,
    )


# The compact file is a list of small marshal blobs, not one: marshal.loads is one C call that holds the
# interpreter lock, and loading all of WordNet at once (0.2 s) froze the window when the app's first topic
# search lemmatised its question on a worker thread. Between two blobs of CHUNK entries the lock changes hands.
CHUNK = 1_500
TABLES = ("senses", "heads", "antonyms", "links", "irregular", "lemmas")


def compact(wn: WordNet) -> bytes:
    """The compact form of WordNet's data (marshal: plain dicts, tuples, sets, ints and strings), as
    (tag, [(table number, a marshalled chunk of its entries), ...])."""
    blobs = []
    for n, name in enumerate(TABLES):
        table = getattr(wn, name)
        entries = list(table.items()) if isinstance(table, dict) else sorted(table)
        for at in range(0, max(len(entries), 1), CHUNK):
            blobs.append((n, marshal.dumps(entries[at : at + CHUNK])))
    return marshal.dumps((COMPACT_TAG, blobs))


def read_compact(data: bytes) -> tuple[Any, ...]:
    """The six tables of a compact file, a chunk at a time; ValueError when it is not one."""
    tag, blobs = marshal.loads(data)
    if tag != COMPACT_TAG:
        raise ValueError(tag)
    tables: list[dict[Any, Any]] = [{} for _ in TABLES[:-1]]
    lemmas: set[str] = set()
    collecting = gc.isenabled()
    gc.disable()  # a full collection amid 300,000 new objects walks them all, holding the lock as long
    try:
        for n, blob in blobs:
            if n < len(tables):
                tables[n].update(marshal.loads(blob))
            else:
                lemmas.update(marshal.loads(blob))
    finally:
        if collecting:
            gc.enable()
    return (*tables, frozenset(lemmas))


@functools.cache
def load() -> WordNet:
    """WordNet, read once per process: from the compact file, or from the TSV files when that file is
    missing or unreadable (another Python's marshal format)."""
    try:
        path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", COMPACT)
        senses, heads, antonyms, links, irregular, lemmas = read_compact(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return parse()
    return WordNet(senses, heads, antonyms, links, irregular, lemmas)
