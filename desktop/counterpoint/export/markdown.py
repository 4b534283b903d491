"""The comparison report as Markdown (CommonMark with GitHub tables), for wikis, tickets and email.

Annotated spans are in bold with their number, contrast highlights in italics with their kind
in the legend; colours do not survive Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from counterpoint.engine.model import Analysis
from counterpoint.export.atomic import write_text
from counterpoint.export.html import counted, format_date
from counterpoint.export.kinds import kind_description, kind_label
from counterpoint.export.report import (
    VERDICT_ORDER,
    ComparisonView,
    Report,
    StatementView,
    build_report,
    relation_phrase,
    segments,
    verdict_phrase,
)
from counterpoint.export.urls import web_url
from counterpoint.store import Project

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape what Markdown would read as markup; a leading '-' or '1.' would start a list."""
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(
        r"(?m)^(\s*)(-|\d+)(\.|\s)",
        lambda m: (
            f"{m.group(1)}{m.group(2)}\\{m.group(3)}"
            if m.group(3) == "."
            else f"{m.group(1)}\\{m.group(2)}{m.group(3)}"
        ),
        text,
    )


def _marked_text(view: StatementView) -> str:
    out = []
    for segment in segments(view):
        text = md_escape(segment.text)
        stripped = text.strip()
        if stripped and (segment.annotation_colour or segment.kind):
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if segment.annotation_colour:
                stripped = f"**{stripped}**"
            if segment.kind:
                stripped = f"_{stripped}_"
            text = lead + stripped + trail
        out.append(text)
        if segment.ends_annotations:
            out.append("<sup>" + ",".join(str(n) for n in segment.ends_annotations) + "</sup>")
    return "".join(out)


def _statement(view: StatementView) -> list[str]:
    s = view.statement
    head = [f"**{md_escape(s.speaker)}**"]
    if s.role:
        head.append(md_escape(s.role))
    details = ", ".join(x for x in (format_date(s.said_on), md_escape(s.occasion)) if x)
    lines = [" — ".join(head) + "  ", *([details + "  "] if details else [])]
    if view.source is not None:
        lines.append(
            f"Source: {md_escape(view.source.title)}"
            + (f", {md_escape(view.source.publisher)}" if view.source.publisher else "")
        )
    lines.append("")
    lines.extend("> " + line if line else ">" for line in _marked_text(view).split("\n"))
    lines.append("")
    return lines


def _comparison(view: ComparisonView, index: int) -> list[str]:
    lines = [f"## {index}. {md_escape(view.comparison.title)}", ""]
    lines += [f"{counted(len(view.statements), 'statement')} · verdicts: {verdict_phrase(view.verdicts)}", ""]
    for statement in view.statements:
        lines += _statement(statement)
    legend = [f"_{kind_label(k)}_: {kind_description(k)}" for k in view.kinds]
    legend.append("**bold**<sup>n</sup>: an annotated span, numbered as below")
    lines += ["Legend: " + "; ".join(legend), ""]
    if view.annotations:
        lines += ["### Tagged contradictions", ""]
    for item in view.annotations:
        a = item.annotation
        verdict = a.verdict.label if a.verdict else "No verdict"
        if a.relation and len(item.quotes) >= 2:
            first, second = item.quotes[0].speaker, item.quotes[1].speaker
            relation = f" — {md_escape(relation_phrase(first, a.relation, second))}"
        else:
            relation = f" — {a.relation.label}" if a.relation else ""
        lines.append(f"{item.number}. **{verdict}**{relation}")
        for quote in item.quotes:
            lines.append(f"   - {md_escape(quote.speaker)}: “{md_escape(quote.exact)}”")
        if a.tags:
            lines.append(f"   - Tags: {md_escape(', '.join(a.tags))}")
        if a.note:
            lines.append(f"   - Note: {md_escape(' '.join(a.note.split()))}")
        lines.append("")
    return lines


def report_markdown(report: Report) -> str:
    lines = [f"# {md_escape(report.title)}", ""]
    by = f"Prepared by {md_escape(report.author)} · " if report.author else ""
    lines += [f"{by}{format_date(report.generated.date())} · comparison report from Counterpoint", ""]
    lines += ["## Summary of verdicts", ""]
    header = ["Comparison", *(v.label for v in VERDICT_ORDER), "No verdict"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" + "--:|" * (len(header) - 1))
    for index, view in enumerate(report.comparisons, 1):
        counts = view.verdicts
        cells = [f"{index}. {md_escape(view.comparison.title)}", *(str(counts[v]) for v in VERDICT_ORDER)]
        lines.append("| " + " | ".join([*cells, str(counts[None])]) + " |")
    lines.append("")
    for index, view in enumerate(report.comparisons, 1):
        lines += _comparison(view, index)
    lines += ["## Sources", ""]
    for source in report.sources:
        bits = [md_escape(source.title)]
        if source.publisher:
            bits.append(md_escape(source.publisher))
        if source.published:
            bits.append(format_date(source.published))
        entry = "- " + ", ".join(bits)
        link = web_url(source.url)  # http(s) only, with <, >, spaces and quotes percent-encoded
        if link:
            entry += f" <{link}>"
        lines.append(entry)
    if not report.sources:
        lines.append("No sources are recorded for these statements.")
    return "\n".join(lines).rstrip() + "\n"


def export_markdown(
    project: Project,
    path: Path,
    comparison_ids: Sequence[int] | None = None,
    *,
    analyses: Mapping[int, Analysis | None] | None = None,
) -> Path:
    return write_text(path, report_markdown(build_report(project, comparison_ids, analyses=analyses)))
