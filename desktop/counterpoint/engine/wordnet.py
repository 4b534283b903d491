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
from dataclasses import dataclass
from importlib import resources

# WordNet's "morphy" rules of detachment: noun plurals, verb and adjective endings
_DETACH = (
    ("ies", "y"), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("s", ""), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("est", ""), ("est", "e"), ("er", ""), ("er", "e"),
)  # fmt: skip


@dataclass(frozen=True)
class WordNet:
    senses: dict[str, tuple[str, ...]]  # lemma -> synsets, most frequent first
    heads: dict[str, str]  # adjective satellite -> head of its cluster
    antonyms: frozenset[tuple[str, str]]  # (synset, synset), both orders
    links: dict[str, frozenset[str]]  # synset -> derived, pertaining and verb-group synsets

    def synsets(self, word: str) -> tuple[str, ...]:
        """Senses of a word and of its base form by WordNet's regular inflections ("lower" is a verb
        and an adjective of its own, and the comparative of "low")."""
        own = self.senses.get(word, ())
        for suffix, ending in _DETACH:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                base = self.senses.get(word[: len(word) - len(suffix)] + ending)
                if base is not None:
                    return own + base
        return own

    def _poles(self, lemma: str) -> set[str]:
        """The synsets that can carry an antonym of lemma: its senses, their heads and derived forms."""
        out: set[str] = set()
        for s in self.synsets(lemma):
            out.add(s)
            out.add(self.heads.get(s, s))
            for t in self.links.get(s, ()):
                out.add(t)
                out.add(self.heads.get(t, t))
        return out

    def synonyms(self, x: str, y: str) -> bool:
        return x != y and not set(self.synsets(x)).isdisjoint(self.synsets(y))

    def related(self, x: str, y: str) -> bool:
        if x == y or self.synonyms(x, y):
            return x != y
        sy = set(self.synsets(y))
        return any(not sy.isdisjoint(self.links.get(s, ())) for s in self.synsets(x))

    def antonymous(self, x: str, y: str) -> int:
        """0 when no antonymy links x and y, 1 when a sense of one is the antonym of the other's
        directly, 2 when only through a cluster head or a derived form (indirect)."""
        if x == y:
            return 0
        sx, sy = self.synsets(x), self.synsets(y)
        if any((a, b) in self.antonyms for a in sx for b in sy):
            return 1
        px, py = self._poles(x), self._poles(y)
        if not px or not py:
            return 0
        return 2 if any((a, b) in self.antonyms for a in px for b in py) else 0


def _lines(name: str):
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", name)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@functools.cache
def load() -> WordNet:
    senses: dict[str, tuple[str, ...]] = {}
    irregular: dict[str, str] = {}
    for lemma, pos, rest in _lines("wordnet30-senses.tsv"):
        if pos == "=":
            irregular.setdefault(lemma.replace("_", " "), rest.replace("_", " "))
        else:
            key = lemma.replace("_", " ")
            senses[key] = senses.get(key, ()) + tuple(rest.split())
    for form, base in irregular.items():
        if form not in senses and base in senses:
            senses[form] = senses[base]
    similar: list[tuple[str, str]] = []
    antonyms: set[tuple[str, str]] = set()
    links: dict[str, set[str]] = {}
    for here, rel, there in _lines("wordnet30-relations.tsv"):
        if rel == "similar":
            similar.append((here, there))
        elif rel == "antonym":
            antonyms.add((here, there))
            antonyms.add((there, here))
        elif rel in ("derived", "pertains", "verbgroup"):
            links.setdefault(here, set()).add(there)
            links.setdefault(there, set()).add(here)
    # the head of an adjective cluster is the synset that holds the direct antonym; its satellites
    # point to it with "similar to" (and it to them)
    with_antonym = {a for a, _b in antonyms}
    heads = {s: h for s, h in similar if h in with_antonym and s not in with_antonym}
    return WordNet(
        senses=senses,
        heads=heads,
        antonyms=frozenset(antonyms),
        links={k: frozenset(v) for k, v in links.items()},
    )
