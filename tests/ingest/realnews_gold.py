"""Scoring quote extraction on real news articles against tests/ingest/realnews/gold-2026-12.json: quotations
found, attributed, dated as said and placed at their occasion.

The articles live outside the repository (see realnews/README.md): `.venv/bin/python
tests/ingest/realnews_gold.py FOLDER [--gold PATH]` prints the figures and every miss; PATH defaults to
realnews/gold-2026-12.json (the second batch: `--gold tests/ingest/realnews/gold-2026-12-b.json`).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from counterpoint.ingest import load_document
from counterpoint.ingest.proposals import propose_statements

GOLD = Path(__file__).parent / "realnews" / "gold-2026-12.json"


def _norm(words: str) -> str:
    words = re.sub(r"[“”„«»\"]", '"', words)
    words = re.sub(r"[‘’‚‹›']", "'", words)
    return " ".join(words.replace("…", " ").split()).casefold()


@dataclass
class Score:
    quotes: int = 0
    found: int = 0
    attributed: int = 0
    dated: int = 0
    placed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("quotes", "found", "attributed", "dated", "placed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)


def score(folder: Path, gold_path: Path = GOLD) -> tuple[Score, dict[str, Score]]:
    gold = json.loads(gold_path.read_text("utf-8"))
    total = Score()
    per_doc: dict[str, Score] = {}
    for item in gold["documents"]:
        name = item["file"]
        document = load_document(folder / name)
        proposed = propose_statements(document)
        texts = [_norm(q.text) for q in proposed]
        doc = Score()
        for expected in item["quotes"]:
            doc.quotes += 1
            # the comma that closes a part cut by its attribution ("'…not retiring,' McCarthy said")
            # is the writer's, not a word of the speaker: a statement joins the parts with " … "
            want = _norm(expected["starts"]).rstrip(" ,;:")
            at = next((i for i, text in enumerate(texts) if want in text), None)
            if at is None:
                doc.misses.append(f"{name}: not found: {expected['starts']!r}")
                continue
            doc.found += 1
            quote = proposed[at]
            label = expected["starts"][:40]
            if quote.speaker and quote.speaker.casefold() in {s.casefold() for s in expected["speakers"]}:
                doc.attributed += 1
            else:
                doc.misses.append(
                    f"{name}: {label!r} speaker {quote.speaker!r}, gold {expected['speakers'][0]!r}"
                )
            said = quote.said_on.isoformat() if quote.said_on else None
            if said == expected["said_on"]:
                doc.dated += 1
            else:
                doc.misses.append(f"{name}: {label!r} said_on {said}, gold {expected['said_on']}")
            occasion = (quote.occasion or "").casefold()
            wanted = expected["occasion"]
            if (wanted is None and not occasion) or (
                wanted is not None
                and occasion
                and all(w in occasion.split() or w in occasion for w in wanted)
            ):
                doc.placed += 1
            else:
                doc.misses.append(f"{name}: {label!r} occasion {quote.occasion!r}, gold {wanted}")
        per_doc[name] = doc
        total.add(doc)
    return total, per_doc


def main(argv: list[str]) -> None:
    args = list(argv[1:])
    gold_path = GOLD
    if "--gold" in args:
        at = args.index("--gold")
        if at + 1 >= len(args):
            raise SystemExit("--gold needs a path to a gold file")
        gold_path = Path(args[at + 1])
        del args[at : at + 2]
    folder = Path(args[0]) if args else Path("/work/realnews-issue12")
    total, per_doc = score(folder, gold_path)
    for name, doc in per_doc.items():
        print(
            f"{name:42} found {doc.found}/{doc.quotes}  attributed {doc.attributed}  "
            f"dated {doc.dated}  placed {doc.placed}"
        )
    n = total.quotes
    print(
        f"TOTAL {n} quotations: found {total.found} ({total.found / n:.0%}), attributed {total.attributed} "
        f"({total.attributed / n:.0%}), dated as said {total.dated} ({total.dated / n:.0%}), "
        f"occasion {total.placed} ({total.placed / n:.0%})"
    )
    for miss in total.misses:
        print("  ", miss)


if __name__ == "__main__":
    main(sys.argv)
