"""Across the library: what contradicts this statement (or a passage of it)?

Two steps. Candidates are retrieved by topic: the statement's content words (and their lemmas, from the
engine's lemmatiser) go to the project's full-text index (store.finding builds the query), which returns
the statements sharing the most and rarest of them. Then the contrast engine compares the statement with
each candidate, in topic order; a candidate with contrasting phrasing is a result, with the phrases and
the engine's reasons (flagged); one without is still listed, after the flagged ones, as a statement on
the same topic where the engine saw no contrast. Results are yielded as they are scored (the app lists
them as they come, best first); `find` collects and ranks them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from counterpoint import engine
from counterpoint.engine.model import Analysis, AnalysisCancelled, InputTooLarge, Span
from counterpoint.engine.text import STOPWORDS, tokenize
from counterpoint.errors import UserError
from counterpoint.store import Project, Statement
from counterpoint.store.finding import Scope, topic_candidates

# Candidates the engine scores for one question: the time it takes (about 3-15 ms a pair) against the
# chance that a contrasting statement sharing fewer words is still reached. See benchmarks/bench_find.py.
CANDIDATES = 120
DEFAULT_LIMIT = 20
SCOPES: tuple[Scope, ...] = ("all", "same", "others")


@dataclass(frozen=True)
class Phrase:
    """Contrasting phrasing: a span of the statement asked about against a span of the one found."""

    kind: str
    score: float
    reason: str
    asked: Span  # code points in the asked statement's text (the whole text, also for a passage)
    found: Span  # code points in the found statement's text
    asked_text: str
    found_text: str


@dataclass(frozen=True)
class FindResult:
    statement: Statement
    score: float  # the engine's best contrast between the two (0..1); 0 when it found none
    topic_rank: int  # where the full-text search placed it (0: most words in common)
    phrases: tuple[Phrase, ...]  # contrasting phrasing, strongest first; empty: same topic, no contrast seen

    @property
    def flagged(self) -> bool:
        return bool(self.phrases)

    def sort_key(self) -> tuple[float, int]:
        return (-self.score, self.topic_rank)


@dataclass(frozen=True)
class Question:
    """What is asked: a statement (or a passage of it) and whose statements to look through."""

    statement: Statement
    passage: Span | None = None
    scope: Scope = "all"

    @property
    def text(self) -> str:
        if self.passage is None:
            return self.statement.text
        return self.statement.text[self.passage[0] : self.passage[1]]

    @property
    def offset(self) -> int:
        return self.passage[0] if self.passage else 0


def content_words(text: str) -> list[str]:
    """The words a topic search uses: content words as written and as lemmas, no stopwords, no numbers."""
    words: dict[str, None] = {}
    for token in tokenize(text):
        if not token.word or not token.norm.isalpha() or len(token.norm) < 3:
            continue
        if token.norm in STOPWORDS or token.lemma in STOPWORDS:
            continue
        words[token.norm] = None
        words[token.lemma] = None
    return list(words)


def question(
    project: Project, statement_id: int, *, passage: Span | None = None, scope: Scope | str = "all"
) -> Question:
    statement = project.statement(statement_id)  # a UserError names a missing one
    if scope not in SCOPES:
        raise UserError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    if passage is not None:
        start, end = passage
        if not 0 <= start < end <= len(statement.text) or not statement.text[start:end].strip():
            raise UserError(f"the passage {start}-{end} is not a part of statement {statement_id}'s text")
    return Question(statement, passage, scope)


def candidates(
    project: Project, asked: Question, *, pool: int = CANDIDATES, within: Sequence[int] | None = None
) -> list[Statement]:
    """The statements on the same topic, most words in common first (the asked statement left out)."""
    ids = topic_candidates(
        project,
        content_words(asked.text),
        speaker_id=asked.statement.speaker_id,
        scope=asked.scope,
        exclude=[asked.statement.id],
        within=within,
        limit=pool,
    )
    by_id = {s.id: s for s in project.statements(ids=ids)} if ids else {}
    return [by_id[i] for i in ids if i in by_id]


def score(
    asked: Question,
    candidate: Statement,
    topic_rank: int,
    *,
    cancelled: Callable[[], bool] | None = None,
    analyse: Callable[..., Analysis] | None = None,
) -> FindResult | None:
    """The engine's verdict on one candidate (None only for a text too long for the engine). `analyse` is
    the engine's analyse() or a stand-in with its signature (the app's engine process)."""
    text = asked.text
    kwargs: dict[str, Any] = {"cancelled": cancelled} if cancelled is not None else {}
    try:
        analysis = (analyse or engine.analyse)([text, candidate.text], **kwargs)
    except InputTooLarge:
        return None
    shift = asked.offset
    phrases = []
    for pair in sorted(analysis.pairs, key=lambda p: (-p.score, p.a, p.b)):
        a, b = (pair.a, pair.b) if pair.left == 0 else (pair.b, pair.a)
        phrases.append(
            Phrase(
                kind=pair.kind,
                score=pair.score,
                reason=pair.reason,
                asked=(a[0] + shift, a[1] + shift),
                found=b,
                asked_text=text[a[0] : a[1]],
                found_text=candidate.text[b[0] : b[1]],
            )
        )
    best = max((p.score for p in phrases), default=0.0)
    return FindResult(candidate, best, topic_rank, tuple(phrases))


@dataclass(frozen=True)
class Progress:
    done: int  # candidates scored
    total: int  # candidates retrieved
    result: FindResult | None  # the result this step found, if any


def find_iter(
    project: Project,
    asked: Question,
    *,
    pool: int = CANDIDATES,
    within: Sequence[int] | None = None,
    cancelled: Callable[[], bool] | None = None,
    analyse: Callable[..., Analysis] | None = None,
) -> Iterator[Progress]:
    """Score the candidates one by one, in topic order; one Progress per candidate (the first has done=0
    and says how many there are). Stops early, quietly, when cancelled() turns true."""
    found = candidates(project, asked, pool=pool, within=within)
    yield Progress(0, len(found), None)
    for rank, candidate in enumerate(found):
        if cancelled is not None and cancelled():
            return
        try:
            result = score(asked, candidate, rank, cancelled=cancelled, analyse=analyse)
        except AnalysisCancelled:
            return
        yield Progress(rank + 1, len(found), result)


def rank(results: Sequence[FindResult]) -> list[FindResult]:
    """Best first: the strongest contrast, then the most words in common."""
    return sorted(results, key=FindResult.sort_key)


def find(
    project: Project,
    statement_id: int,
    *,
    passage: Span | None = None,
    scope: Scope | str = "all",
    limit: int | None = DEFAULT_LIMIT,
    pool: int = CANDIDATES,
) -> list[FindResult]:
    """The statements on this one's topic (or a passage's), those the engine sees contrasting first."""
    if limit is not None and limit < 1:
        raise UserError("--limit must be at least 1")
    asked = question(project, statement_id, passage=passage, scope=scope)
    with project.read_snapshot():
        results = [step.result for step in find_iter(project, asked, pool=pool) if step.result is not None]
    ranked = rank(results)
    return ranked[:limit] if limit is not None else ranked


def result_record(result: FindResult) -> dict[str, Any]:
    """A result as plain data (the CLI's --json)."""
    s = result.statement
    return {
        "statement_id": s.id,
        "speaker": s.speaker,
        "role": s.role,
        "said_on": s.said_on.isoformat() if s.said_on else None,
        "text": s.text,
        "score": round(result.score, 4),
        "flagged": result.flagged,
        "topic_rank": result.topic_rank,
        "phrases": [
            {
                "kind": p.kind,
                "score": round(p.score, 4),
                "reason": p.reason,
                "asked": {"start": p.asked[0], "end": p.asked[1], "text": p.asked_text},
                "found": {"start": p.found[0], "end": p.found[1], "text": p.found_text},
            }
            for p in result.phrases
        ],
    }
