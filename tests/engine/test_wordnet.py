"""WordNet as the engine reads it: the compact file holds exactly what the TSV files say."""

from __future__ import annotations

import marshal
from importlib import resources

from counterpoint.engine import wordnet


def test_the_compact_file_is_the_tsv_files() -> None:
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", wordnet.COMPACT)
    shipped = wordnet.read_compact(path.read_bytes())
    parsed = wordnet.parse()
    assert shipped == tuple(getattr(parsed, name) for name in wordnet.TABLES)
    assert shipped == wordnet.read_compact(wordnet.compact(parsed))


def test_the_compact_file_loads_in_small_steps() -> None:
    # one marshal.loads of the whole (0.2 s holding the interpreter lock) froze the window
    path = resources.files("counterpoint.resources").joinpath("lexicons", "wordnet", wordnet.COMPACT)
    _tag, blobs = marshal.loads(path.read_bytes())
    assert len(blobs) > 40 and max(len(b) for _n, b in blobs) < 200_000


def test_relations_through_senses_heads_and_derived_forms() -> None:
    wn = wordnet.load()
    assert wn.antonymous("rise", "fall") == 1  # direct
    assert wn.antonymous("tiny", "large") == 2  # through the head of "tiny"'s cluster ("small")
    assert wn.antonymous("create", "destroy") == 2  # through derived forms
    assert wn.antonymous("tax", "budget") == 0
    assert wn.synonyms("cut", "reduce") and not wn.synonyms("cut", "raise")


def test_lemmas_by_the_exception_lists_and_rules_of_detachment() -> None:
    wn = wordnet.load()
    cases = {"taxes": "tax", "parties": "party", "women": "woman", "went": "go", "rising": "rise",
             "bigger": "big", "higher": "higher", "number": "number", "news": "news", "series": "series", "after": "after"}  # fmt: skip
    assert {w: wn.lemmatize(w) for w in cases} == cases
