"""Comparing statements and annotating a pair of spans in a comparison: a relation, a verdict, tags and
a note. Quotes are found by their exact words, as a user would point at them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from counterpoint.engine.model import Span
from counterpoint.errors import UserError
from counterpoint.store import Comparison, Project, Relation, Statement, TargetSpec, Verdict


class AlreadyAnnotated(UserError):
    """The same spans are already annotated in that comparison."""

    def __init__(self, annotation_id: int) -> None:
        super().__init__(f"those spans are already annotated in this comparison (annotation {annotation_id})")
        self.annotation_id = annotation_id


def default_title(statements: Sequence[Statement]) -> str:
    """'Donald Trump vs Jeff Sessions': the speakers, once each, in column order."""
    return " vs ".join(dict.fromkeys(s.speaker for s in statements))


def compare(
    project: Project, statement_ids: Sequence[int], *, title: str | None = None, id: int | None = None
) -> int:
    """A new comparison of these statements, side by side in this order; its id."""
    if len(statement_ids) < 2:
        raise UserError("a comparison needs at least two statements")
    statements = [project.statement(sid) for sid in statement_ids]  # a UserError names a missing one
    return project.add_comparison(title or default_title(statements), statement_ids, id=id)


def locate(text: str, exact: str, occurrence: int | None = None, *, statement_id: int | None = None) -> Span:
    """The span of `exact` in `text`: it must occur, and only once unless `occurrence` (1-based) says which."""
    where = f"statement {statement_id}" if statement_id is not None else "the statement"
    if not exact.strip():
        raise UserError("a quote needs some words")
    starts = []
    start = text.find(exact)
    while start != -1:
        starts.append(start)
        start = text.find(exact, start + 1)
    if not starts:
        raise UserError(f"{exact!r} does not occur in {where}")
    if occurrence is None:
        if len(starts) > 1:
            raise UserError(
                f"{exact!r} occurs {len(starts)} times in {where}; say which with --occurrence N (1 to {len(starts)})"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise UserError(
            f"{exact!r} occurs {len(starts)} time(s) in {where}, so there is no occurrence {occurrence}"
        )
    begin = starts[occurrence - 1]
    return (begin, begin + len(exact))


@dataclass(frozen=True)
class Quote:
    """A span a user names by its words: the statement, the exact text, and which occurrence (1-based)."""

    statement_id: int
    exact: str
    occurrence: int | None = None


def annotate(
    project: Project,
    comparison_id: int,
    targets: Sequence[Quote | TargetSpec],
    *,
    relation: Relation | str | None = None,
    verdict: Verdict | str | None = None,
    tags: Sequence[str] = (),
    note: str = "",
    origin: str = "user",
    kind: str | None = None,
    again: bool = False,
) -> int:
    """Annotate spans of a comparison's statements; the new annotation's id.

    The same spans annotated twice in one comparison are refused (AlreadyAnnotated names the first),
    unless `again`: the app lets a user tag a pair a second time, with another verdict or note.
    """
    comparison = project.comparison(comparison_id)
    specs = [_spec(project, comparison, target) for target in targets]
    if not specs:
        raise UserError("an annotation needs at least one span")
    relation = _choice(Relation, relation, "relation")
    verdict = _choice(Verdict, verdict, "verdict")
    spans = []
    for spec in specs:
        text = project.statement(spec.statement_id).text
        spans.append((spec.statement_id, spec.start, spec.end, text[spec.start : spec.end]))
    existing = None if again else project.find_annotation(None, comparison_id, spans)
    if existing is not None:
        raise AlreadyAnnotated(existing)
    return project.add_annotation(
        specs,
        comparison_id=comparison_id,
        relation=relation,
        verdict=verdict,
        note=note,
        tags=tags,
        origin=origin,
        kind=kind,
    )


def _spec(project: Project, comparison: Comparison, target: Quote | TargetSpec) -> TargetSpec:
    if target.statement_id not in comparison.statement_ids:
        listed = ", ".join(str(i) for i in comparison.statement_ids)
        raise UserError(
            f"statement {target.statement_id} is not in comparison {comparison.id} (its statements: {listed})"
        )
    if isinstance(target, TargetSpec):
        return target
    text = project.statement(target.statement_id).text
    start, end = locate(text, target.exact, target.occurrence, statement_id=target.statement_id)
    return TargetSpec(target.statement_id, start, end)


def _choice(kind: type[Relation] | type[Verdict], value: object, what: str) -> str | None:
    """A relation or verdict as the user typed it ('walks back', 'partly-inconsistent'), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, kind):
        return value.value
    typed = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    names = [v.value for v in kind]
    if typed not in names:
        raise UserError(
            f"unknown {what} {value!r}; use one of {', '.join(n.replace('_', '-') for n in names)}"
        )
    return typed


@dataclass(frozen=True)
class ComparisonSummary:
    comparison: Comparison
    statements: tuple[Statement, ...]
    annotations: int


def comparison_summaries(project: Project) -> list[ComparisonSummary]:
    """Every comparison with its statements and its number of annotations."""
    return [
        ComparisonSummary(c, tuple(project.statement(sid) for sid in c.statement_ids), count)
        for c, _speakers, count in project.comparison_summaries()
    ]


def existing_annotation(project: Project, comparison_id: int, targets: Sequence[TargetSpec]) -> int | None:
    """The annotation of this comparison already on exactly these spans, if there is one: tagging them
    again would make a silent duplicate (counted twice, listed twice in the report)."""
    spans = [
        (t.statement_id, t.start, t.end, project.statement(t.statement_id).text[t.start : t.end])
        for t in targets
    ]
    return project.find_annotation(None, comparison_id, spans)
