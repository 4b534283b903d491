"""What a comparison report says, gathered once from the project; the PDF, HTML and Markdown writers
only lay it out.

A report covers some comparisons (or all of them): for each, its statements with the engine's contrast
highlights and the user's annotated spans, and its annotations numbered in reading order. The engine's
analysis of each comparison is handed in (counterpoint.app computes it once); the report never runs it.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from counterpoint.engine.model import Analysis
from counterpoint.errors import UserError
from counterpoint.export.kinds import KINDS
from counterpoint.export.record import SpeakerRecord
from counterpoint.store import Annotation, Comparison, Project, Relation, Source, Statement, Tag, Verdict

VERDICT_ORDER = (Verdict.CONTRADICTION, Verdict.PARTLY_INCONSISTENT, Verdict.CONSISTENT, Verdict.UNVERIFIABLE)


@dataclass(frozen=True)
class Highlight:
    """A span of one statement the engine found contrasting with a span of another."""

    start: int
    end: int
    kind: str
    reason: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class Contrast:
    """A contrast pair the engine found, between statement `left` and statement `right` of a comparison."""

    left: int
    right: int
    a_text: str
    b_text: str
    kind: str
    reason: str
    score: float


@dataclass(frozen=True)
class AnnotatedSpan:
    """A span of one statement that an annotation points at; `number` is the annotation's in the report."""

    start: int
    end: int
    number: int
    colour: str


@dataclass(frozen=True)
class StatementView:
    statement: Statement
    source: Source | None
    highlights: tuple[Highlight, ...] = ()
    annotated: tuple[AnnotatedSpan, ...] = ()


@dataclass(frozen=True)
class Quote:
    speaker: str
    exact: str
    statement_id: int
    anchored: bool = True


@dataclass(frozen=True)
class AnnotationView:
    number: int
    annotation: Annotation
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class ComparisonView:
    comparison: Comparison
    statements: tuple[StatementView, ...]
    annotations: tuple[AnnotationView, ...]
    contrasts: tuple[Contrast, ...] = ()
    common: tuple[Contrast, ...] = ()  # shared ground: same shape, kind "common"

    @property
    def kinds(self) -> tuple[str, ...]:
        """The contrast kinds highlighted in this comparison, in the legend's order."""
        used = {h.kind for s in self.statements for h in s.highlights}
        return tuple(k for k in KINDS if k in used) + tuple(sorted(used - set(KINDS)))

    @property
    def verdicts(self) -> Counter[Verdict | None]:
        return Counter(a.annotation.verdict for a in self.annotations)


@dataclass(frozen=True)
class Report:
    title: str
    author: str
    generated: datetime
    comparisons: tuple[ComparisonView, ...]
    sources: tuple[Source, ...]
    tags: dict[str, Tag] = field(default_factory=dict)
    engine_used: bool = False
    records: tuple[SpeakerRecord, ...] = ()  # speakers' records, after the comparisons

    @property
    def speakers(self) -> list[str]:
        names = (s.statement.speaker for c in self.comparisons for s in c.statements)
        return list(dict.fromkeys(names))

    @property
    def verdicts(self) -> Counter[Verdict | None]:
        total: Counter[Verdict | None] = Counter()
        for comparison in self.comparisons:
            total.update(comparison.verdicts)
        return total

    def tag_colour(self, name: str) -> str:
        tag = self.tags.get(name.casefold())
        return tag.colour if tag else "#7f8c8d"


def select_comparisons(project: Project, comparison_ids: Sequence[int] | None) -> list[Comparison]:
    """The comparisons to export, in the order asked (all, by id, when none are named)."""
    every = {c.id: c for c in project.comparisons()}
    if not comparison_ids:
        return list(every.values())
    unknown = [cid for cid in comparison_ids if cid not in every]
    if unknown:
        known = ", ".join(str(i) for i in every) or "none"
        raise UserError(f"there is no comparison {unknown[0]} in {project.path.name} (comparisons: {known})")
    return [every[cid] for cid in dict.fromkeys(comparison_ids)]


def _common_ground(analysis: Analysis, texts: Sequence[str]) -> list[Contrast]:
    """What the engine found both sides share (its `common`), in the shape of a contrast pair."""
    found = []
    for item in analysis.common:
        left, right = item.left, item.right
        (a0, a1), (b0, b1) = item.a, item.b
        if 0 <= left < len(texts) and 0 <= right < len(texts) and a0 < a1 and b0 < b1:
            found.append(
                Contrast(left, right, texts[left][a0:a1], texts[right][b0:b1], "common", item.reason, 0.0)
            )
    return found


def engine_contrasts(
    texts: Sequence[str], analysis: Analysis
) -> tuple[list[list[Highlight]], list[Contrast], list[Contrast]]:
    """The engine's contrast spans for each text, its pairs and its common ground, from its analysis;
    a pair whose spans fall outside the texts is dropped rather than drawn."""
    per_text: list[list[Highlight]] = [[] for _ in texts]
    pairs: list[Contrast] = []
    for pair in analysis.pairs:
        kind = str(getattr(pair.kind, "value", pair.kind) or "contrast")
        spans = []
        for index, span in ((pair.left, pair.a), (pair.right, pair.b)):
            start, end = int(span[0]), int(span[1])
            if not (0 <= index < len(texts) and 0 <= start < end <= len(texts[index])):
                break
            spans.append((index, start, end))
        else:
            for index, start, end in spans:
                per_text[index].append(Highlight(start, end, kind, pair.reason, float(pair.score)))
            (li, ls, le), (ri, rs, re_) = spans
            pairs.append(
                Contrast(li, ri, texts[li][ls:le], texts[ri][rs:re_], kind, pair.reason, float(pair.score))
            )
    for highlights in per_text:
        highlights.sort(key=lambda h: (h.start, -h.score))
    pairs.sort(key=lambda c: -c.score)
    return per_text, pairs, _common_ground(analysis, texts)


def build_report(
    project: Project,
    comparison_ids: Sequence[int] | None = None,
    *,
    analyses: Mapping[int, Analysis | None] | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    records: Sequence[SpeakerRecord] = (),
) -> Report:
    """Gather a report; `analyses` holds the engine's analysis of each comparison by id (None, or a
    comparison left out: no highlights, the engine could not run). `progress(done, total)` is called
    after each comparison. `records` (gathered by counterpoint.app.record) follow the comparisons."""
    comparisons = select_comparisons(project, comparison_ids)
    tags = {t.name.casefold(): t for t in project.tags()}
    statement_cache: dict[int, Statement] = {}
    source_cache: dict[int, Source] = {s.id: s for s in project.sources()}
    used_sources: dict[int, Source] = {}
    engine_used = False
    views = []
    for done, comparison in enumerate(comparisons):
        if progress:
            progress(done, len(comparisons))
        statements = []
        for sid in comparison.statement_ids:
            if sid not in statement_cache:
                statement_cache[sid] = project.statement(sid)
            statements.append(statement_cache[sid])
        analysis = (analyses or {}).get(comparison.id)
        analysed = engine_contrasts([s.text for s in statements], analysis) if analysis is not None else None
        engine_used = engine_used or analysed is not None
        found, contrasts, common = analysed if analysed is not None else (None, [], [])
        annotation_views = []
        spans: dict[int, list[AnnotatedSpan]] = {}
        for number, annotation in enumerate(project.annotations(comparison.id), start=1):
            colour = tags[annotation.tags[0].casefold()].colour if annotation.tags else "#34495e"
            quotes = []
            for target in annotation.targets:
                statement = statement_cache.get(target.statement_id) or project.statement(target.statement_id)
                statement_cache[target.statement_id] = statement
                quotes.append(Quote(statement.speaker, target.exact, target.statement_id, target.anchored))
                if target.anchored:
                    spans.setdefault(target.statement_id, []).append(
                        AnnotatedSpan(target.start, target.end, number, colour)
                    )
            annotation_views.append(AnnotationView(number, annotation, tuple(quotes)))
        statement_views = []
        for index, statement in enumerate(statements):
            source = source_cache.get(statement.source_id) if statement.source_id is not None else None
            if source is not None:
                used_sources[source.id] = source
            statement_views.append(
                StatementView(
                    statement,
                    source,
                    tuple(found[index]) if found else (),
                    tuple(sorted(spans.get(statement.id, ()), key=lambda s: (s.start, s.number))),
                )
            )
        views.append(
            ComparisonView(
                comparison, tuple(statement_views), tuple(annotation_views), tuple(contrasts), tuple(common)
            )
        )
    for record in records:
        for statement in record.statements:
            if statement.source_id is not None and statement.source_id in source_cache:
                used_sources[statement.source_id] = source_cache[statement.source_id]
    return Report(
        title=project.title,
        author=project.info("author"),
        generated=now or datetime.now().astimezone(),
        comparisons=tuple(views),
        sources=tuple(sorted(used_sources.values(), key=lambda s: s.id)),
        tags=tags,
        engine_used=engine_used,
        records=tuple(records),
    )


@dataclass(frozen=True)
class Segment:
    """A run of a statement's text with the same marks on it."""

    text: str
    kind: str | None
    reason: str
    annotation_colour: str | None
    ends_annotations: tuple[int, ...]


def segments(view: StatementView) -> list[Segment]:
    """Cut a statement's text where a highlight or an annotated span starts or ends.

    Overlapping highlights show the strongest kind; annotation numbers follow the run where their
    span ends, so a reader can find the entry in the numbered list.
    """
    text = view.statement.text
    cuts = {0, len(text)}
    for h in view.highlights:
        cuts.update((h.start, h.end))
    for a in view.annotated:
        cuts.update((min(a.start, len(text)), min(a.end, len(text))))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    result = []
    for start, end in itertools.pairwise(bounds):
        if start == end:
            continue
        covering = [h for h in view.highlights if h.start <= start and end <= h.end]
        best = max(covering, key=lambda h: h.score) if covering else None
        annotated = [a for a in view.annotated if a.start <= start and end <= a.end]
        ending = tuple(sorted(a.number for a in view.annotated if a.end == end))
        result.append(
            Segment(
                text[start:end],
                best.kind if best else None,
                best.reason if best else "",
                annotated[0].colour if annotated else None,
                ending,
            )
        )
    return result


# How the second span of a pair stands to the first, said with the first named first: the order in which
# the pair was tagged ("Donald Trump, contradicted by Jeff Sessions").
RELATION_TO_FIRST = {
    Relation.CONTRADICTS: "contradicted by",
    Relation.WALKS_BACK: "walked back by",
    Relation.CLARIFIES: "clarified by",
    Relation.CONSISTENT_WITH: "consistent with",
}


def relation_phrase(first: str, relation: Relation, second: str) -> str:
    """'Donald Trump, contradicted by Jeff Sessions': a tagged pair in the order it was tagged."""
    return f"{first}, {RELATION_TO_FIRST[relation]} {second}"


def verdict_phrase(counts: Counter[Verdict | None]) -> str:
    parts = [f"{counts[v]} {v.label.lower()}" for v in VERDICT_ORDER if counts[v]]
    if counts[None]:
        parts.append(f"{counts[None]} without a verdict")
    return ", ".join(parts) if parts else "no annotations"
