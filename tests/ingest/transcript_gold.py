"""Scoring the transcript parser on tests/ingest/transcripts/gold.json (turns found, turns attributed).

Run as a script to print the figures: `.venv/bin/python tests/ingest/transcript_gold.py [FOLDER]`; FOLDER
(default tests/ingest/transcripts) holds the excerpts and their gold.json, e.g. tests/ingest/transcripts/blind-b.
A gold turn may carry `role`, the role forms a reader accepts; those turns are also scored for the role.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from counterpoint.ingest import load_document
from counterpoint.ingest.transcript import find_turns

DATA = Path(__file__).parent / "transcripts"


@dataclass
class Score:
    turns: int = 0
    found: int = 0
    named: int = 0
    attributed: int = 0  # named gold turns whose speaker the parser names exactly
    same_surname: int = 0  # named gold turns whose speaker's last name the parser gets
    unnamed_ok: int = 0  # unnamed questioners the parser leaves unnamed
    with_role: int = 0  # found gold turns whose gold gives a role
    role_ok: int = 0  # of those, turns whose parsed role is one of the gold forms
    misses: list[str] = field(default_factory=list)


_COUNTS = ("turns", "found", "named", "attributed", "same_surname", "unnamed_ok", "with_role", "role_ok")


def _norm(words: str) -> str:
    return " ".join(words.split())


def score(folder: Path = DATA) -> tuple[Score, dict[str, Score]]:
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    total = Score(misses=[])
    per_doc: dict[str, Score] = {}
    for item in gold["documents"]:
        document = load_document(folder / item["file"])
        turns = find_turns(document.text)
        starts = [(_norm(document.text[t.start : t.end]), t) for t in turns]
        doc = Score(misses=[])
        used: set[int] = set()
        for expected in item["turns"]:
            doc.turns += 1
            want = _norm(expected["starts"])
            match = next(
                (i for i, (words, _t) in enumerate(starts) if i not in used and words.startswith(want)), None
            )
            if expected["speaker"]:
                doc.named += 1
            if match is None:
                doc.misses.append(f"{item['file']}: not found: {want!r}")
                continue
            used.add(match)
            doc.found += 1
            if expected.get("role"):
                doc.with_role += 1
                got_role = starts[match][1].role
                if got_role and got_role.casefold() in {r.casefold() for r in expected["role"]}:
                    doc.role_ok += 1
                else:
                    doc.misses.append(
                        f"{item['file']}: {want!r} role {got_role!r}, gold {expected['role'][0]!r}"
                    )
            got = starts[match][1].speaker
            if expected["speaker"] is None:
                doc.unnamed_ok += got is None
                if got is not None:
                    doc.misses.append(f"{item['file']}: {want!r} named {got!r}, gold unnamed")
                continue
            if got == expected["speaker"]:
                doc.attributed += 1
            else:
                doc.misses.append(f"{item['file']}: {want!r} got {got!r}, gold {expected['speaker']!r}")
            if got and got.split()[-1].lower() == expected["speaker"].split()[-1].lower():
                doc.same_surname += 1
        per_doc[item["file"]] = doc
        for name in _COUNTS:
            setattr(total, name, getattr(total, name) + getattr(doc, name))
        total.misses.extend(doc.misses)
    return total, per_doc


if __name__ == "__main__":
    total, per_doc = score(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    for name, doc in per_doc.items():
        roles = f"  role {doc.role_ok}/{doc.with_role}" if doc.with_role else ""
        print(
            f"{name:50} found {doc.found}/{doc.turns}  attributed {doc.attributed}/{doc.named}"
            f"  surname {doc.same_surname}/{doc.named}  unnamed-ok {doc.unnamed_ok}/{doc.turns - doc.named}{roles}"
        )
    roles = (
        f"; role {total.role_ok}/{total.with_role} (of found turns whose gold gives one)"
        if total.with_role
        else ""
    )
    print(
        f"TOTAL found {total.found}/{total.turns} ({total.found / total.turns:.1%}); attributed "
        f"{total.attributed}/{total.named} ({total.attributed / total.named:.1%}); same surname "
        f"{total.same_surname}/{total.named}; unnamed left unnamed {total.unnamed_ok}/{total.turns - total.named}"
        f"{roles}"
    )
    for miss in total.misses:
        print("  ", miss)
