"""Load the engine's lexicons (TSV files under counterpoint.resources/lexicons) and match them on tokens."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from counterpoint.engine import wordnet

_SPLIT_RE = re.compile(r"\w+(?=n['’]t\b)|n['’]t\b|\w+(?:['’\-]\w+)*|'\w+|[^\w\s]")


def words(text: str) -> frozenset[str]:
    """A closed set of words written as one space-separated string."""
    return frozenset(text.split())


@functools.cache
def _closed_classes() -> dict[str, frozenset[str]]:
    path = resources.files("counterpoint.resources").joinpath("lexicons", "closed", "classes.tsv")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _tab, members = line.partition("\t")
            out[name] = frozenset(members.split())
    return out


@functools.cache
def irregular_forms() -> dict[str, str]:
    """Auxiliary forms and their base ("does" -> "do", "wasn" -> "be"): lexicons/closed/forms.tsv."""
    return {row[0]: row[1] for row in _rows("closed", "forms.tsv") if len(row) >= 2}


def closed_class(name: str) -> frozenset[str]:
    """A closed word class (determiners, negators, auxiliaries...) from lexicons/closed/classes.tsv."""
    try:
        return _closed_classes()[name]
    except KeyError:
        raise KeyError(f"no closed word class {name!r} in lexicons/closed/classes.tsv") from None


def term_words(term: str) -> tuple[str, ...]:
    """A lexicon term as the token norms the tokenizer produces for it."""
    return tuple(w.lower().replace("’", "'") for w in _SPLIT_RE.findall(term.replace("_", " ")))


def _rows(*parts: str) -> Iterator[list[str]]:
    path = resources.files("counterpoint.resources").joinpath("lexicons", *parts)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.rstrip("\n").split("\t")


class PhraseMatcher:
    """Longest-match lookup of single- and multi-word terms over a token sequence.

    A term matches a run of tokens when every word equals the token's norm or its lemma.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}

    def add(self, term: str, payload: Any) -> None:
        words = term_words(term)
        if words:
            self._by_first.setdefault(words[0], []).append((words, payload))

    def finalize(self) -> PhraseMatcher:
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        return self

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def payloads(self, word: str) -> list[Any]:
        """Payloads of single-word terms equal to word."""
        return [p for w, p in self._by_first.get(word, ()) if len(w) == 1]

    def starts(self, index: Mapping[str, list[int]]) -> list[int]:
        """Sorted token positions where a term may start, from a text's word -> positions index."""
        out: set[int] = set()
        for word in index.keys() & self._by_first.keys():
            out.update(index[word])
        return sorted(out)

    def find(
        self,
        norms: Sequence[str],
        lemmas: Sequence[str],
        lo: int = 0,
        hi: int | None = None,
        starts: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, int, list[Any]]]:
        """Yield (start, end, payloads) for non-overlapping matches in tokens lo..hi, longest first.

        starts, if given, lists the only positions worth trying (see starts()); that skips the rest.
        """
        hi = len(norms) if hi is None else hi
        if starts is None:
            positions: Sequence[int] = range(lo, hi)
        else:
            positions = starts[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        next_free = lo
        for i in positions:
            if i < next_free:
                continue
            cands = self._by_first.get(norms[i]) or self._by_first.get(lemmas[i])
            found = 0
            payloads: list[Any] = []
            if cands:
                for words, payload in cands:
                    n = len(words)
                    if found and n < found:
                        break
                    if i + n > hi:
                        continue
                    # the first word matches (cands were looked up by it): test the rest
                    if n == 1 or all(
                        norms[i + k] == words[k] or lemmas[i + k] == words[k] for k in range(1, n)
                    ):
                        found = n
                        payloads.append(payload)
            if found:
                yield i, i + found, payloads
                next_free = i + found


@dataclass(frozen=True)
class StanceEntry:
    axis: str
    pole: int  # +1 or -1
    label: str


@dataclass(frozen=True)
class Lexicons:
    negation: PhraseMatcher
    modality: PhraseMatcher
    factuality: PhraseMatcher
    stance: PhraseMatcher
    framing: PhraseMatcher
    quantifiers: PhraseMatcher
    synonyms: Mapping[str, frozenset[int]]  # word -> its first WordNet sense (a synset)
    antonyms: dict[str, frozenset[str]]
    valence: dict[str, float]
    report_words: frozenset[str]
    reference_words: frozenset[str]  # nouns by which a denial names a claim ("the allegations")


SENSES = 1


class _SenseSets(Mapping[str, frozenset[int]]):
    """A word's WordNet senses as a set, made on demand (most words are never looked up)."""

    def __init__(self, senses: Mapping[str, tuple[int, ...]]) -> None:
        self._senses = senses

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one instance per process, held by load()
    def __getitem__(self, word: str) -> frozenset[int]:
        return frozenset(self._senses[word][:SENSES])

    def get(self, word: str, default: Any = None) -> Any:
        # Mapping.get would raise and catch a KeyError for every word WordNet lacks
        return self[word] if word in self._senses else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._senses)

    def __len__(self) -> int:
        return len(self._senses)

    def __eq__(self, other: object) -> bool:
        return other is self

    __hash__ = object.__hash__


def _matcher(rows: Iterator[list[str]], make) -> PhraseMatcher:
    m = PhraseMatcher()
    for row in rows:
        m.add(row[0], make(row))
    return m.finalize()


@functools.cache
def load() -> Lexicons:
    """All lexicons, read once per process (they are immutable)."""
    # synonymy is WordNet's: two words are synonyms when they share one of their first senses
    senses = wordnet.load().senses
    antonyms: dict[str, set[str]] = {}
    for row in _rows("wordnet", "wordnet30-antonyms.tsv"):
        if len(row) >= 3 and "_" not in row[1] and "_" not in row[2]:
            antonyms.setdefault(row[1].lower(), set()).add(row[2].lower())
            antonyms.setdefault(row[2].lower(), set()).add(row[1].lower())
    valence: dict[str, float] = {}
    for row in _rows("vader", "vader_lexicon.txt"):
        if len(row) >= 2 and row[0].isalpha():
            try:
                valence[row[0].lower()] = float(row[1])
            except ValueError:
                continue
    return Lexicons(
        negation=_matcher(_rows("negation", "negation.tsv"), lambda r: r[1]),
        modality=_matcher(_rows("modality", "modality.tsv"), lambda r: r[1]),
        factuality=_matcher(_rows("factuality", "factuality.tsv"), lambda r: r[1]),
        stance=_matcher(
            _rows("register", "stance.tsv"),
            lambda r: StanceEntry(r[1], 1 if r[2] == "+" else -1, r[3]),
        ),
        framing=_matcher(_rows("framing", "framing.tsv"), lambda r: (r[1], {"-": -1, "+": 1}.get(r[2], 0))),
        quantifiers=_matcher(_rows("quantity", "quantifiers.tsv"), lambda r: (r[1], int(r[2]))),
        synonyms=_SenseSets(senses),
        antonyms={k: frozenset(v) for k, v in antonyms.items()},
        valence=valence,
        report_words=frozenset(r[0] for r in _rows("negation", "negation.tsv") if r[1] == "report"),
        reference_words=frozenset(
            r[0] for r in _rows("factuality", "factuality.tsv") if r[1] == "reference" and " " not in r[0]
        ),
    )
