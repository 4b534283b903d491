"""Extract the parts of WordNet 3.0 the contrast engine uses into resources/lexicons/wordnet/.

Reads the data files of Debian's `wordnet-base` (/usr/share/wordnet) and writes two TSV files:

- wordnet30-senses.tsv: lemma (single words only: the engine looks up one token at a time), part of
  speech, its first MAX_SENSES synsets (most frequent first), for
  synonymy (two lemmas sharing a synset) and for reaching the relations below; then the irregular forms
  of WordNet's exception lists as form, "=", base form ("largest" = "large");
- wordnet30-relations.tsv: synset, relation, synset: `similar` (an adjective satellite and the head of
  its cluster, so indirect antonyms: "tiny" sits under "small", the antonym of "large"), `antonym`
  (synsets holding direct antonyms), `derived` (derivationally related forms: "decline" the verb and the
  noun, "lawful" and "law"), `pertains` (an adverb or adjective and the word it pertains to),
  `verbgroup` and `entails` (verb groups and entailment);
- wordnet30-places.tsv: the names of places WordNet lists as instances in its noun.location file
  (countries, states, cities, regions: "New Zealand", "Karachi"), for quote import, which must not take
  "Australia and New Zealand" for a person.

Run it with `make wordnet` (it installs wordnet-base when missing); the output is committed, so the app
never needs WordNet installed. WordNet's licence ships beside the output (wordnet30-LICENSE).
"""

from __future__ import annotations

import sys
from pathlib import Path

MAX_SENSES = 3
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
RELATIONS = {
    "&": "similar",
    "!": "antonym",
    "+": "derived",
    "\\": "pertains",
    "$": "verbgroup",
    "*": "entails",
}


def senses(src: Path) -> list[tuple[str, str, list[str]]]:
    out = []
    for name, pos in POS.items():
        for line in (src / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            parts = line.split()
            lemma, p_cnt = parts[0], int(parts[3])
            offsets = parts[4 + p_cnt + 2 :]
            out.append((lemma, pos, [f"{pos}{o}" for o in offsets[:MAX_SENSES]]))
    return out


def exceptions(src: Path) -> list[tuple[str, str]]:
    """Irregular forms and their base form ("largest" -> "large", "went" -> "go")."""
    out = []
    for name in POS:
        for line in (src / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                out.append((parts[0], parts[1]))
    return out


def relations(src: Path, wanted: set[str]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for name, pos in POS.items():
        for line in (src / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            body = line.split("|")[0].split()
            offset = body[0]
            w_cnt = int(body[3], 16)
            k = 4 + 2 * w_cnt
            p_cnt = int(body[k])
            here = f"{pos}{offset}"
            for n in range(p_cnt):
                symbol, target, tpos = body[k + 1 + 4 * n : k + 4 + 4 * n]
                rel = RELATIONS.get(symbol)
                if rel is None:
                    continue
                there = f"{'a' if tpos == 's' else tpos}{target}"
                if here in wanted or there in wanted:
                    out.add((here, rel, there))
    return out


def places(src: Path) -> list[str]:
    """Proper names of noun.location synsets (lexicographer file 15) that are instances of something."""
    names: set[str] = set()
    for line in (src / "data.noun").read_text("utf-8", errors="replace").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        if fields[1] != "15":
            continue
        count = int(fields[3], 16)
        words = [fields[4 + 2 * k] for k in range(count)]
        pointers_at = 4 + 2 * count
        pointers = [fields[pointers_at + 1 + 4 * k] for k in range(int(fields[pointers_at]))]
        if "@i" not in pointers:
            continue
        for word in words:
            word = word.split("(")[0].replace("_", " ")
            if word[:1].isupper():
                names.add(word)
    return sorted(names)


def main(src: Path, dest: Path) -> None:
    # the engine looks words up one token at a time: multi-word lemmas ("law_enforcement") are never met
    rows = [r for r in senses(src) if "_" not in r[0]]
    wanted = {o for _l, _p, offs in rows for o in offs}
    # a kept sense reaches derived forms and cluster heads, and they reach their antonyms: keep every
    # relation of a synset a lookup can reach
    reach = relations(src, wanted)
    wanted |= {there for here, rel, there in reach if here in wanted and rel != "antonym"}
    wanted |= {there for here, rel, there in relations(src, wanted) if here in wanted and rel == "similar"}
    rels = relations(src, wanted)
    header = "# WordNet 3.0 (Princeton University), extracted by tools/wordnet_extract.py; licence: wordnet30-LICENSE\n"
    with (dest / "wordnet30-senses.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# lemma\tpos\tsynsets, most frequent sense first\n")
        for lemma, pos, offs in rows:
            f.write(f"{lemma}\t{pos}\t{' '.join(offs)}\n")
        for form, base in exceptions(src):
            f.write(f"{form}\t=\t{base}\n")
    with (dest / "wordnet30-relations.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# synset\trelation\tsynset\n")
        for here, rel, there in sorted(rels):
            f.write(f"{here}\t{rel}\t{there}\n")
    with (dest / "wordnet30-places.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "# the name of a place (an instance in WordNet's noun.location)\n")
        for name in places(src):
            f.write(f"{name}\n")


def write_compact(dest: Path) -> None:
    """The compact copy the engine reads (counterpoint.engine.wordnet.COMPACT), from the TSV files just
    written; needs the package importable (make wordnet runs this in the project's venv)."""
    from counterpoint.engine import wordnet

    (dest / wordnet.COMPACT).write_bytes(wordnet.compact(wordnet.parse()))


if __name__ == "__main__":
    destination = Path(sys.argv[2] if len(sys.argv) > 2 else "resources/lexicons/wordnet")
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"), destination)
    write_compact(destination)
