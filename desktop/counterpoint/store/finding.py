"""Queries behind 'what contradicts this statement' and a speaker's record: statements on the same topic,
retrieved through FTS5 over a statement's content words, and the annotations that join statements.

The words come from the caller (app/ lemmatises them with the engine); the FTS5 query is built here, the
only package that speaks SQL. Each word is a quoted phrase (operators typed in a statement are words),
joined with OR and ranked by bm25, so statements sharing more and rarer words come first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Literal

from counterpoint.store.annotations import Annotations
from counterpoint.store.model import Annotation

Scope = Literal["all", "same", "others"]

# Words are ranked rarest first; the query keeps words while the statements they reach stay under this
# budget (at least MIN_TERMS words), so a statement made of common words still costs one bounded query.
HIT_BUDGET = 20_000
MIN_TERMS = 3
MAX_TERMS = 32


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def term_frequencies(project: Annotations, words: Iterable[str]) -> dict[str, int]:
    """How many statements hold each word (as the full-text index stems it); words in none are left out."""
    counts: dict[str, int] = {}
    for word in dict.fromkeys(w for w in words if w.strip()):
        n = project._execute(
            "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?", [_phrase(word)]
        ).fetchone()[0]
        if n:
            counts[word] = int(n)
    return counts


def topic_query(project: Annotations, words: Iterable[str]) -> str:
    """The FTS5 query for a statement's content words: the rarest first, within HIT_BUDGET; '' if none."""
    counts = term_frequencies(project, words)
    # A word only the statement itself holds (count 1) reaches nobody else.
    ranked = sorted((w for w in counts if counts[w] > 1), key=lambda w: (counts[w], w))
    chosen: list[str] = []
    reached = 0
    for word in ranked:
        if len(chosen) >= MAX_TERMS or (len(chosen) >= MIN_TERMS and reached + counts[word] > HIT_BUDGET):
            break
        chosen.append(word)
        reached += counts[word]
    return " OR ".join(_phrase(w) for w in chosen)


def topic_candidates(
    project: Annotations,
    words: Sequence[str],
    *,
    speaker_id: int | None = None,
    scope: Scope = "all",
    exclude: Iterable[int] = (),
    within: Iterable[int] | None = None,
    limit: int = 100,
) -> list[int]:
    """Ids of the statements sharing the most (and rarest) of `words`, best first, at most `limit`.

    scope 'same' keeps the statements of `speaker_id`, 'others' those of everyone else; `within`
    restricts the search to those statements; `exclude` leaves some out (the statement asked about).
    """
    match = topic_query(project, words)
    if not match or limit <= 0:
        return []
    where = ["statements_fts MATCH ?"]
    params: list[object] = [match]
    if scope != "all":
        if speaker_id is None:
            raise ValueError("scope 'same' or 'others' needs the speaker")
        where.append("s.speaker_id = ?" if scope == "same" else "s.speaker_id != ?")
        params.append(speaker_id)
    # id lists go in as one JSON array each, however long: no statement with one variable per row
    excluded = [int(i) for i in exclude]
    if excluded:
        where.append("f.rowid NOT IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(excluded))
    if within is not None:
        where.append("f.rowid IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in within]))
    join = " JOIN statements s ON s.id = f.rowid" if scope != "all" else ""
    sql = (
        f"SELECT f.rowid FROM statements_fts f{join} WHERE {' AND '.join(where)} "
        "ORDER BY bm25(statements_fts), f.rowid LIMIT ?"
    )
    params.append(int(limit))
    return [int(row[0]) for row in project._execute(sql, params)]


def annotations_joining(project: Annotations, statement_ids: Iterable[int]) -> list[Annotation]:
    """Annotations with spans on at least two of these statements (a tagged pair among them)."""
    ids = list(dict.fromkeys(int(i) for i in statement_ids))
    if len(ids) < 2:
        return []
    # one JSON array of ids, and the annotations found by a subquery: no variable per row
    return project._annotations(
        "a.id IN (SELECT annotation_id FROM annotation_targets "
        "WHERE statement_id IN (SELECT value FROM json_each(?)) "
        "GROUP BY annotation_id HAVING count(DISTINCT statement_id) >= 2)",
        [json.dumps(ids)],
    )
