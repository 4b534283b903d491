"""Verdicts as schema.org ClaimReview JSON-LD: one ClaimReview per annotation that has a verdict.

The reviewed claim is the whole statement of the annotation's first span (the span itself is named in the
review's text); the span it was held against, the relation and the user's note make up the review's text.
Each review has a `url`: the review address given (`--review-url`), or the report file, with the
annotation's UUID as fragment. The reviewer is an Organization from the project's settings. The rating runs from 1 (contradiction) to 3 (consistent);
"unverifiable" has no number, only its name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counterpoint.export.atomic import write_text
from counterpoint.export.jsonld import SCHEMA_ORG
from counterpoint.export.report import select_comparisons
from counterpoint.export.urls import web_url
from counterpoint.store import Annotation, Project, Source, Statement, Verdict

RATINGS = {Verdict.CONTRADICTION: 1, Verdict.PARTLY_INCONSISTENT: 2, Verdict.CONSISTENT: 3}


def _claim(statement: Statement, source: Source | None) -> dict[str, Any]:
    author: dict[str, Any] = {"@type": "Person", "name": statement.speaker}
    if statement.role:
        author["jobTitle"] = statement.role
    claim: dict[str, Any] = {"@type": "Claim", "author": author}
    if statement.said_on:
        claim["datePublished"] = statement.said_on.isoformat()
    if source is not None:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
        if web_url(source.url):
            appearance["url"] = web_url(source.url)
        if source.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": source.publisher}
        if source.published:
            appearance["datePublished"] = source.published.isoformat()
        claim["appearance"] = appearance
    return claim


def claim_review(
    a: Annotation,
    statements: dict[int, Statement],
    sources: dict[int, Source],
    organisation: str,
    review_url: str = "",
) -> dict[str, Any]:
    assert a.verdict is not None
    first = a.targets[0]
    statement = statements[first.statement_id]
    source = sources.get(statement.source_id) if statement.source_id is not None else None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": a.verdict.label}
    if a.verdict in RATINGS:
        rating.update(ratingValue=RATINGS[a.verdict], worstRating=1, bestRating=3)
    if a.note:
        rating["ratingExplanation"] = a.note
    body = [f"Reviewed words: “{first.exact}”"] if first.exact.strip() != statement.text.strip() else []
    for other in a.targets[1:]:
        speaker = statements[other.statement_id].speaker
        relation = a.relation.label if a.relation else "is compared with"
        body.append(f"{speaker} {relation}: “{other.exact}”")
    if a.note:
        body.append(a.note)
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f"counterpoint-annotation-{a.id}",
        "claimReviewed": statement.text,
        "itemReviewed": _claim(statement, source),
        "reviewRating": rating,
        "reviewBody": "\n".join(body),
    }
    if review_url:
        review["url"] = f"{review_url.split('#')[0]}#annotation-{a.uuid or a.id}"
    if a.updated or a.created:
        review["datePublished"] = (a.updated or a.created)[:10]
    if organisation:
        review["author"] = {"@type": "Organization", "name": organisation}
    if a.tags:
        review["keywords"] = ", ".join(a.tags)
    if source is not None and web_url(source.url):
        review["citation"] = web_url(source.url)
    return review


def reviewer(project: Project) -> str:
    """The reviewing organisation: the project's 'organisation' setting, else its author."""
    return project.info("organisation") or project.info("author")


def claim_reviews(
    project: Project, comparison_ids: Sequence[int] | None = None, *, review_url: str = ""
) -> dict[str, Any]:
    if comparison_ids:
        annotations = [
            a for c in select_comparisons(project, comparison_ids) for a in project.annotations(c.id)
        ]
    else:
        annotations = project.annotations()
    statements = {s.id: s for s in project.statements()}
    sources = {s.id: s for s in project.sources()}
    organisation = reviewer(project)
    graph = [
        claim_review(a, statements, sources, organisation, review_url)
        for a in annotations
        if a.verdict and a.targets
    ]
    return {"@context": SCHEMA_ORG, "@graph": graph}


def export_claimreview(
    project: Project, path: Path, comparison_ids: Sequence[int] | None = None, *, review_url: str = ""
) -> Path:
    text = (
        json.dumps(
            claim_reviews(project, comparison_ids, review_url=review_url), ensure_ascii=False, indent=2
        )
        + "\n"
    )
    return write_text(path, text)
