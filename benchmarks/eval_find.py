"""How useful `find` is (issue 14), measured on the labelled pair sets: does it retrieve a pair's other side?

Every statement of every set (tests/engine/data/*.json and ../shared/data/contrast-*.json) goes into one
project, with real quotations from the ingest test articles and transcripts (tests/ingest/news,
tests/ingest/transcripts, read by the quotation finder) as distractors. For each contrasting pair
(relation contradiction or contrast) `find` is asked about side a, with default settings, and the rank
of side b in its full ranked list is noted; for each agreeing pair, whether side b is in the top 5 and
flagged as contrasting (it should not be). Nothing here tunes anything: the engine, the candidate pool
and the ranking are what the app ships.

    .venv/bin/python benchmarks/eval_find.py [--json]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = sorted((REPO / "tests/engine/data").glob("*.json")) + sorted(
    (REPO.parent / "shared/data").glob("contrast-*.json")
)
CONTRASTING = {"contradiction", "contrast"}
AGREEING = {"agreement"}


def distractors() -> list[tuple[str, str]]:
    from counterpoint.ingest import load_document
    from counterpoint.ingest.proposals import propose_statements

    found = []
    for folder in ("tests/ingest/news", "tests/ingest/transcripts"):
        for path in sorted((REPO / folder).glob("*.txt")):
            try:
                document = load_document(path)
            except Exception:
                continue
            for quote in propose_statements(document, "auto"):
                if quote.speaker and len(quote.text.split()) >= 5:
                    found.append((quote.speaker, quote.text))
    return found


def main() -> int:
    from counterpoint.app.find import find
    from counterpoint.store import Project

    pairs = []
    for path in SETS:
        for item in json.loads(path.read_text("utf-8")):
            pairs.append((path.name, item))
    noise = distractors()
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.open(Path(folder) / "eval.counterpoint", create=True) as project,
    ):
        ids: dict[tuple[str, str], int] = {}

        def add(speaker: str, text: str, said_on: str | None = None) -> int:
            key = (speaker, text)
            if key not in ids:
                day = (said_on or "")[:10]  # some sets note the occasion after the date
                ids[key] = project.add_statement(
                    speaker or "Unknown", text, said_on=day if re.fullmatch(r"\d{4}-\d\d-\d\d", day) else None
                )
            return ids[key]

        sides = []
        for name, item in pairs:
            a, b = item["a"], item["b"]
            sides.append(
                (
                    name,
                    item,
                    add(a["speaker"], a["text"], a.get("date")),
                    add(b["speaker"], b["text"], b.get("date")),
                )
            )
        pair_statements = len(ids)
        for speaker, text in noise:
            add(speaker, text)
        total = project.count_statements()

        started = time.perf_counter()
        ranks: list[int | None] = []
        flagged_top5 = 0
        retrieved = 0
        agreeing_flagged = agreeing = 0
        for _name, item, a_id, b_id in sides:
            relation = item.get("relation")
            if relation not in CONTRASTING | AGREEING or a_id == b_id:
                continue
            results = find(project, a_id, limit=None)
            order = [r.statement.id for r in results]
            rank = order.index(b_id) if b_id in order else None
            if relation in CONTRASTING:
                ranks.append(rank)
                retrieved += rank is not None
                flagged_top5 += rank is not None and rank < 5 and results[rank].flagged
            else:
                agreeing += 1
                agreeing_flagged += rank is not None and rank < 5 and results[rank].flagged
        elapsed = time.perf_counter() - started

    n = len(ranks)
    figures = {
        "statements": total,
        "pair_statements": pair_statements,
        "distractors": total - pair_statements,
        "contrasting_pairs": n,
        "recall_at_5": sum(r is not None and r < 5 for r in ranks) / n,
        "recall_at_20": sum(r is not None and r < 20 for r in ranks) / n,
        "flagged_in_top_5": flagged_top5 / n,
        "retrieved_as_candidate": retrieved / n,
        "agreeing_pairs": agreeing,
        "agreeing_partner_flagged_in_top_5": agreeing_flagged / max(agreeing, 1),
        "seconds": round(elapsed, 1),
    }
    if "--json" in sys.argv:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{total} statements: {pair_statements} from {len(SETS)} labelled sets, "
        f"{total - pair_statements} real quotations from the ingest test documents as distractors"
    )
    print(f"contrasting pairs asked: {n}; agreeing pairs asked: {agreeing}; {elapsed:.0f} s")
    print(f"recall@5  {figures['recall_at_5']:.3f}   (the other side in the top 5)")
    print(f"recall@20 {figures['recall_at_20']:.3f}")
    print(f"other side in the top 5 and flagged as contrasting: {figures['flagged_in_top_5']:.3f}")
    print(
        f"other side among the candidates at all (topic retrieval): {figures['retrieved_as_candidate']:.3f}"
    )
    print(
        f"agreeing pairs whose other side is in the top 5 flagged as contrasting: "
        f"{figures['agreeing_partner_flagged_in_top_5']:.3f} (lower is better)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
