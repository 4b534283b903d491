"""A speaker's record: one speaker's statements (optionally those with a tag, or matching search words) in
date order, undated last, with the contradictions tagged between them (annotations in any comparison) and,
when asked, those the contrast engine finds between consecutive statements or between any two on the same
topic. The CLI (`counterpoint record`), the report and the record panel all call `speaker_record`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from counterpoint.app.find import CANDIDATES, Question, candidates, score
from counterpoint.engine.model import AnalysisCancelled
from counterpoint.errors import UserError
from counterpoint.export.record import RecordMark, SpeakerRecord, export_record_csv
from counterpoint.store import Project, Speaker, Statement
from counterpoint.store.finding import annotations_joining

# Topic candidates per statement when the engine is asked about any two: a record holds one speaker's
# statements, so the few sharing the most words are the ones worth the engine's time (3-15 ms a pair).
RECORD_POOL = 20
FindPairs = Literal["", "consecutive", "any"]
FIND_PAIRS: tuple[FindPairs, ...] = ("", "consecutive", "any")
Progress = Callable[[int, int], None]


def resolve_speaker(project: Project, name: str) -> Speaker:
    """The speaker a user means: the name in any case, else the one speaker whose name holds these words."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise UserError("name a speaker")
    speakers = project.speakers()
    exact = [s for s in speakers if s.name.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [s for s in speakers if wanted in s.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(s.name for s in partial[:8])
        raise UserError(f"'{name}' could be any of {names}; give the whole name")
    raise UserError(f"no speaker called '{name}' in {project.path.name}")


def tagged_marks(project: Project, statements: Sequence[Statement]) -> list[RecordMark]:
    """The annotations, in any comparison, that join two statements of the record: a mark per pair of their
    spans on different statements of it, first span first (the order in which the pair was tagged)."""
    ids = {s.id for s in statements}
    marks = []
    for annotation in annotations_joining(project, ids):
        targets = [t for t in annotation.targets if t.statement_id in ids]
        for first, second in itertools.combinations(targets, 2):
            if first.statement_id == second.statement_id:
                continue
            marks.append(
                RecordMark(
                    first.statement_id,
                    second.statement_id,
                    "tagged",
                    first.exact,
                    second.exact,
                    relation=annotation.relation,
                    verdict=annotation.verdict,
                    note=annotation.note,
                    annotation_id=annotation.id,
                    comparison_id=annotation.comparison_id,
                )
            )
    return marks


def _pairs(
    project: Project, statements: Sequence[Statement], which: FindPairs, pool: int
) -> list[tuple[Statement, Statement]]:
    if which == "consecutive":
        return list(itertools.pairwise(statements))
    # Any two on the same topic: each statement's topic candidates among the record (the full-text search
    # app.find uses), each pair once, in record order.
    order = {s.id: i for i, s in enumerate(statements)}
    ids = list(order)
    pairs: dict[tuple[int, int], tuple[Statement, Statement]] = {}
    for statement in statements:
        for other in candidates(project, Question(statement, scope="same"), pool=pool, within=ids):
            a, b = sorted((statement, other), key=lambda s: order[s.id])
            pairs.setdefault((a.id, b.id), (a, b))
    return [pairs[key] for key in sorted(pairs, key=lambda k: (order[k[0]], order[k[1]]))]


def found_marks(
    project: Project,
    statements: Sequence[Statement],
    which: FindPairs,
    *,
    pool: int = CANDIDATES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RecordMark]:
    """What the contrast engine finds between pairs of the record's statements: consecutive ones, or any
    two on the same topic. One mark per pair, its strongest contrast; None found, no mark."""
    if which not in FIND_PAIRS:
        raise UserError(f"unknown pairs {which!r}; use consecutive or any")
    if not which:
        return []
    pairs = _pairs(project, statements, which, pool)
    marks = []
    for done, (first, second) in enumerate(pairs):
        if progress is not None:
            progress(done, len(pairs))
        if cancelled is not None and cancelled():
            break
        try:
            result = score(Question(first), second, 0, cancelled=cancelled)
        except AnalysisCancelled:
            break
        if result is None or not result.phrases:
            continue
        best = result.phrases[0]
        marks.append(
            RecordMark(
                first.id,
                second.id,
                "found",
                best.asked_text,
                best.found_text,
                kind=best.kind,
                score=best.score,
                reason=best.reason,
            )
        )
    if progress is not None:
        progress(len(pairs), len(pairs))
    return marks


def speaker_record(
    project: Project,
    speaker: str,
    *,
    tag: str | None = None,
    search: str | None = None,
    find: FindPairs | str = "",
    pool: int = RECORD_POOL,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SpeakerRecord:
    """One speaker's record (see the module's docstring); `find` asks the engine about consecutive pairs
    or any two statements on the same topic. A UserError names an unknown speaker or tag."""
    if find not in FIND_PAIRS:
        raise UserError(f"unknown pairs '{find}'; use consecutive or any")
    with project.read_snapshot():
        who = resolve_speaker(project, speaker)
        if tag and tag.casefold() not in {t.name.casefold() for t in project.tags()}:
            raise UserError(f"no tag called '{tag}' in {project.path.name}")
        # The library's order: dated by date, then undated by id.
        ids = project.statement_ids(speaker=who.name, tag=tag or None, search=search or None)
        by_id = {s.id: s for s in project.statements(ids=ids)} if ids else {}
        statements = [by_id[i] for i in ids if i in by_id]
        marks = tagged_marks(project, statements)
        marks += found_marks(
            project,
            statements,
            find,
            pool=pool,
            progress=progress,
            cancelled=cancelled,
        )
    return SpeakerRecord(
        who.name, tuple(statements), tuple(marks), tag=tag or "", search=search or "", found=find
    )


def export_record(record: SpeakerRecord, path: Path | str) -> Path:
    """Write the record as CSV (one row per statement)."""
    return export_record_csv(record, Path(path))


def record_data(record: SpeakerRecord) -> dict[str, object]:
    """The record as plain data (the CLI's --json)."""
    numbers = {s.id: n for n, s in enumerate(record.statements, 1)}
    return {
        "speaker": record.speaker,
        "tag": record.tag or None,
        "search": record.search or None,
        "found": record.found or None,
        "undated": record.undated,
        "statements": [
            {
                "number": numbers[s.id],
                "statement_id": s.id,
                "said_on": s.said_on.isoformat() if s.said_on else None,
                "occasion": s.occasion,
                "role": s.role,
                "source": s.source_title,
                "text": s.text,
            }
            for s in record.statements
        ],
        "marks": [
            {
                "first": m.first,
                "second": m.second,
                "first_number": numbers[m.first],
                "second_number": numbers[m.second],
                "origin": m.origin,
                "first_text": m.first_text,
                "second_text": m.second_text,
                "relation": m.relation.value if m.relation else None,
                "verdict": m.verdict.value if m.verdict else None,
                "note": m.note,
                "annotation_id": m.annotation_id,
                "comparison_id": m.comparison_id,
                "kind": m.kind or None,
                "score": round(m.score, 4) if not m.tagged else None,
                "reason": m.reason,
            }
            for m in record.marks
        ],
    }
