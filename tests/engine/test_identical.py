"""The engine's outputs stay exactly what they were when a change is only about speed.

Every labelled pair of the committed sets, and longer realistic texts (real sentences recombined into
300-word speeches, 1,250- and 5,000-word documents, two versions of a 3,000-word document, three speeches
at once: identity/texts.json), are analysed; each case's whole Analysis (alignments, contrast pairs
with their probabilities, common ground, version diffs) and every candidate with its feature vector are
hashed and compared with identity/digests.json.

A change meant to alter the engine's output (a lexicon, a rule, a refit) updates the digests on purpose:

    .venv/bin/python tests/engine/test_identical.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from counterpoint.engine import analyse
from counterpoint.engine.core import pair_candidates, proposals

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
# (in a folder of their own: data/ holds the labelled sets, which other tests and tools read as such)
TEXTS = HERE / "identity" / "texts.json"
DIGESTS = HERE / "identity" / "digests.json"
PAIR_SETS = sorted(DATA.glob("real-pairs*.json")) + sorted(DATA.glob("memory-*.json"))


def _cases() -> dict[str, list[str]]:
    cases: dict[str, list[str]] = {}
    for path in PAIR_SETS:
        for item in json.loads(path.read_text(encoding="utf-8")):
            cases[f"{path.stem}/{item['id']}"] = [item["a"]["text"], item["b"]["text"]]
    cases.update(json.loads(TEXTS.read_text(encoding="utf-8")))
    return cases


def _digest(texts: list[str]) -> str:
    """A hash of everything the engine says about the texts (reprs: floats to the last bit)."""
    h = hashlib.sha256(repr(analyse(texts)).encode())
    if len(texts) == 2:
        found, shortest = pair_candidates(*texts)
        h.update(repr((found, shortest)).encode())
        h.update(repr(proposals(*texts)).encode())
    return h.hexdigest()


def _digests() -> dict[str, str]:
    return {name: _digest(texts) for name, texts in _cases().items()}


def test_the_engine_says_exactly_what_it_said() -> None:
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    got = _digests()
    assert set(got) == set(expected), "the cases changed: regenerate the digests (see the docstring)"
    differ = sorted(name for name in got if got[name] != expected[name])
    assert not differ, f"{len(differ)} of {len(got)} cases now analyse differently: {differ[:10]}"


@pytest.mark.parametrize("case", ["doc-1250", "versions-3000"])
def test_a_changed_text_changes_the_digest(case: str) -> None:
    """The digest sees a change: one word more in a long text gives another hash."""
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))[case]
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))[case]
    assert _digest([texts[0], texts[1] + " Crime fell."]) != expected


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit("usage: test_identical.py --write   (rewrites identity/digests.json)")
    DIGESTS.write_text(json.dumps(_digests(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
