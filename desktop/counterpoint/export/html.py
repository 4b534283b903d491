"""The comparison report as HTML: one self-contained file for browsers, and the same markup (kept to
what Qt's rich text understands) that the PDF writer lays out with QTextDocument."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from pathlib import Path

from counterpoint.engine.model import Analysis
from counterpoint.export.atomic import write_text
from counterpoint.export.kinds import (
    kind_description,
    kind_fill,
    kind_label,
    safe_colour,
    tint,
    verdict_colour,
)
from counterpoint.export.record import RecordMark, SpeakerRecord
from counterpoint.export.report import (
    VERDICT_ORDER,
    AnnotationView,
    ComparisonView,
    Report,
    StatementView,
    build_report,
    relation_phrase,
    segments,
    verdict_phrase,
)
from counterpoint.export.urls import web_url
from counterpoint.store import Project, Relation, Source, Verdict

INK = "#1f2328"
MUTED = "#57606a"
RULE = "#d0d7de"
VERDICT_COLOURS = {
    Verdict.CONTRADICTION: "#b42318",
    Verdict.PARTLY_INCONSISTENT: "#b54708",
    Verdict.CONSISTENT: "#027a48",
    Verdict.UNVERIFIABLE: "#475467",
}
RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"}

# Qt's rich text supports these selectors and properties; browsers get the extra rules below too.
BASE_CSS = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 20pt; font-weight: 600; margin-top: 0; margin-bottom: 4pt; }}
h2 {{ font-size: 14pt; font-weight: 600; margin-top: 16pt; margin-bottom: 4pt; }}
h3 {{ font-size: 11pt; font-weight: 600; margin-top: 12pt; margin-bottom: 4pt; color: {INK}; }}
p {{ margin-top: 0; margin-bottom: 3pt; }}
.meta {{ color: {MUTED}; font-size: 9pt; }}
.small {{ color: {MUTED}; font-size: 8pt; }}
.speaker {{ font-weight: 600; font-size: 10.5pt; margin-bottom: 1pt; }}
.role {{ color: {MUTED}; font-size: 8.5pt; margin-bottom: 1pt; }}
.text {{ font-size: 10pt; margin-top: 6pt; line-height: 120%; }}
.quote {{ font-size: 9.5pt; }}
.note {{ font-size: 9pt; }}
th {{ font-size: 8.5pt; font-weight: 600; color: {MUTED}; text-align: left; }}
td.num, th.num {{ text-align: right; }}
sup {{ font-weight: 600; }}
"""

WEB_CSS = f"""
body {{ font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.4; }}
h1, h2, h3, th, .speaker, .meta, .small, .role, .chip, .verdict {{
       font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }}
table {{ border-collapse: collapse; }}
table.summary td, table.summary th {{ border-bottom: 1px solid {RULE}; padding: 2px 8px; }}
.ann {{ text-decoration-thickness: 2px; text-underline-offset: 2px; }}
a {{ color: #1a5fb4; }}
"""


def _id(name: str, web: bool) -> str:
    return f' id="{name}"' if web else ""


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def format_date(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def is_rtl(text: str, language: str = "") -> bool:
    """True when a statement reads right to left: by its language code or its first strong letter."""
    if language.split("-")[0].lower() in RTL_LANGUAGES:
        return True
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _chip(text: str, colour: str) -> str:
    colour = safe_colour(colour)
    return (
        f'<span class="chip" style="background-color:{tint(colour, 0.22)}; color:{colour}; '
        f'font-weight:600; font-size:8pt;">&nbsp;{escape(text)}&nbsp;</span>'
    )


def _verdict_badge(verdict: Verdict | None) -> str:
    if verdict is None:
        return '<span class="verdict" style="color:#475467; font-size:8.5pt;">No verdict</span>'
    colour = verdict_colour(verdict.value, VERDICT_COLOURS[verdict])
    return (
        f'<span class="verdict" style="background-color:{colour}; color:#ffffff; font-weight:600; '
        f'font-size:8.5pt;">&nbsp;{escape(verdict.label)}&nbsp;</span>'
    )


def _text_with_marks(view: StatementView, *, web: bool) -> str:
    out = []
    for segment in segments(view):
        text = escape(segment.text).replace("\n", "<br/>")
        styles = []
        if segment.kind:
            styles.append(f"background-color:{kind_fill(segment.kind)}")
        if segment.annotation_colour:
            colour = safe_colour(segment.annotation_colour)
            styles.append(f"text-decoration:underline; color:{colour}")
            if web:
                styles.append(f"text-decoration-color:{colour}")
        if styles:
            attributes = f' style="{"; ".join(styles)}"'
            if web:
                classes = (["hl", f"kind-{segment.kind}"] if segment.kind else []) + (
                    ["ann"] if segment.annotation_colour else []
                )
                attributes += f' class="{" ".join(classes)}"'
                if segment.reason:
                    attributes += f' title="{escape(kind_label(segment.kind) + ": " + segment.reason)}"'
            text = f"<span{attributes}>{text}</span>"
        out.append(text)
        if segment.ends_annotations:
            numbers = ",".join(str(n) for n in segment.ends_annotations)
            colour = safe_colour(segment.annotation_colour)
            out.append(f'<sup style="color:{colour}; font-weight:600;">{numbers}</sup>')
    return "".join(out)


def _source_line(source: Source | None, title: str) -> str:
    if source is None:
        return f"Source: {escape(title)}" if title else "Source: not recorded"
    parts = [f"“{escape(source.title)}”"]
    if source.publisher:
        parts.insert(0, escape(source.publisher))
    if source.published:
        parts.append(format_date(source.published))
    return "Source: " + ", ".join(parts)


def _statement_head(view: StatementView, width: int) -> str:
    s = view.statement
    when = " · ".join(p for p in (format_date(s.said_on), escape(s.occasion)) if p)
    return (
        f'<td width="{width}%" valign="top" style="border-top: 2px solid {INK};">'
        f'<p class="speaker">{escape(s.speaker)}</p>'
        + (f'<p class="role">{escape(s.role)}</p>' if s.role else "")
        + (f'<p class="role">{when}</p>' if when else "")
        + f'<p class="role">{_source_line(view.source, s.source_title)}</p>'
        + "</td>"
    )


def _statement_text(view: StatementView, width: int, *, web: bool) -> str:
    s = view.statement
    direction = ' dir="rtl" align="right"' if is_rtl(s.text, s.language) else ""
    lang = f' lang="{escape(s.language)}"' if s.language else ""
    return (
        f'<td width="{width}%" valign="top">'
        f'<p class="text"{direction}{lang}>{_text_with_marks(view, web=web)}</p></td>'
    )


def _statements_table(view: ComparisonView, *, web: bool) -> str:
    # More than four columns get too narrow on a page; further statements continue in new rows.
    # Headings and texts are separate rows so that the texts start level across the columns.
    if not view.statements:
        return '<p class="small">This comparison has no statements yet.</p>'
    per_row = 3 if len(view.statements) > 4 else max(1, len(view.statements))
    width = 100 // per_row
    rows = []
    for first in range(0, len(view.statements), per_row):
        chunk = view.statements[first : first + per_row]
        blank = "<td></td>" * (per_row - len(chunk))
        rows.append("<tr>" + "".join(_statement_head(s, width) for s in chunk) + blank + "</tr>")
        rows.append("<tr>" + "".join(_statement_text(s, width, web=web) for s in chunk) + blank + "</tr>")
    return (
        '<table class="statements" width="100%" cellspacing="0" cellpadding="6" '
        f'style="margin-top:6pt; margin-bottom:6pt;">{"".join(rows)}</table>'
    )


def _legend(view: ComparisonView, report: Report) -> str:
    items = []
    for kind in view.kinds:
        items.append(
            f'<span style="background-color:{kind_fill(kind)};">&nbsp;{escape(kind_label(kind))}&nbsp;</span>'
            f' <span class="small">{escape(kind_description(kind))}</span>'
        )
    if view.annotations:
        items.append(
            '<span style="text-decoration:underline; font-weight:600;">underlined</span><sup>n</sup>'
            ' <span class="small">a span you annotated, in its tag’s colour; n is its number below</span>'
        )
    if not view.kinds:
        note = (
            "the comparison engine found no contrasting phrasing here"
            if report.engine_used
            else "contrast highlights are not included: the comparison engine could not run"
        )
        items.append(f'<span class="small">{note}</span>')
    return (
        '<p class="legend" style="font-size:8.5pt; margin-bottom:10pt;"><b>Legend</b>&nbsp;&nbsp; '
        + " &nbsp;·&nbsp; ".join(items)
        + "</p>"
    )


def _relation_sentence(item: AnnotationView) -> str:
    a = item.annotation
    if len(item.quotes) >= 2 and a.relation is not None:
        first, second = item.quotes[0], item.quotes[1]
        return escape(relation_phrase(first.speaker, a.relation, second.speaker))
    if a.relation is not None:
        return escape(a.relation.label.capitalize())
    if len(item.quotes) == 1:
        return f"Note on {escape(item.quotes[0].speaker)}"
    return "Linked spans"


def _annotation_entry(item: AnnotationView, report: Report) -> str:
    a = item.annotation
    quote_cells = []
    for quote in item.quotes:
        lost = "" if quote.anchored else ' <span class="small">(no longer found in the statement)</span>'
        quote_cells.append(
            f'<td valign="top" width="{100 // max(1, len(item.quotes))}%" style="border-left: 3px solid {RULE};">'
            f'<p class="small" style="margin-bottom:1pt;">{escape(quote.speaker)}</p>'
            f'<p class="quote">“{escape(quote.exact)}”{lost}</p></td>'
        )
    tags = " ".join(_chip(name, report.tag_colour(name)) for name in a.tags)
    extra = []
    if a.origin == "engine":
        extra.append(f"suggested by the engine ({escape(kind_label(a.kind))})")
    details = (
        f'<p class="entry" style="margin-top:10pt;"><b>{item.number}.</b>&nbsp; {_verdict_badge(a.verdict)}'
        f' &nbsp;<span class="speaker">{_relation_sentence(item)}</span>'
        + (f' <span class="small">{" · ".join(extra)}</span>' if extra else "")
        + "</p>"
        + f'<table width="100%" cellspacing="4" cellpadding="4"><tr>{"".join(quote_cells)}</tr></table>'
    )
    if tags:
        details += (
            f'<p class="note" style="margin-left:8pt;"><span class="small">Tags</span>&nbsp; {tags}</p>'
        )
    if a.note:
        note = escape(a.note).replace("\n", "<br/>")
        details += (
            f'<p class="note" style="margin-left:8pt;"><span class="small">Note</span>&nbsp; {note}</p>'
        )
    return details


def _comparison_section(view: ComparisonView, index: int, report: Report, *, web: bool) -> str:
    c = view.comparison
    parts = [
        # No id in Qt's markup: Qt makes an id an anchor on the first letter, and its PDF writer then
        # draws that letter as a text run of its own, which extraction reads as "1" and ". Title".
        f'<h2{_id(f"comparison-{c.id}", web)} style="page-break-before: always;">{index}. {escape(c.title)}</h2>',
        f'<p class="meta">{counted(len(view.statements), "statement")} · '
        f"{counted(len(view.annotations), 'annotation')} · "
        f"verdicts: {verdict_phrase(view.verdicts)}</p>",
        _statements_table(view, web=web),
        _legend(view, report),
        _contrasts(view),
        _common_ground(view),
    ]
    relations = [a for a in view.annotations if a.annotation.relation == Relation.CONTRADICTS]
    heading = "Tagged contradictions" if len(relations) == len(view.annotations) else "Annotations"
    if view.annotations:
        parts.append(f'<h3 style="margin-top:14pt;">{heading}</h3>')
        parts.extend(_annotation_entry(item, report) for item in view.annotations)
    else:
        parts.append('<p class="small">No spans of this comparison have been annotated yet.</p>')
    return "\n".join(parts)


def _summary(report: Report, *, web: bool, pages: dict[str, int] | None) -> str:
    """Verdicts per comparison; in the PDF it doubles as the contents, with the page each one starts on."""
    # Explicit widths: Qt's automatic table widths would break "Contradiction" inside the word.
    widths = {
        Verdict.CONTRADICTION: 15,
        Verdict.PARTLY_INCONSISTENT: 14,
        Verdict.CONSISTENT: 12,
        Verdict.UNVERIFIABLE: 13,
    }
    head = "".join(
        f'<th class="num" align="right" width="{widths[v]}%">{escape(v.label)}</th>' for v in VERDICT_ORDER
    )
    page_head = "" if web else '<th class="num" align="right" width="7%">Page</th>'
    rows = []
    totals = report.verdicts
    for index, view in enumerate(report.comparisons, start=1):
        counts = view.verdicts
        anchor = f"comparison-{view.comparison.id}"
        title = f"{index}. {escape(view.comparison.title)}"
        if web:
            title = f'<a href="#{anchor}">{title}</a>'
        cells = "".join(f'<td class="num" align="right">{counts[v] or "–"}</td>' for v in VERDICT_ORDER)
        page = "" if web else f'<td class="num" align="right">{(pages or {}).get(anchor, "")}</td>'
        rows.append(
            f'<tr><td>{title}</td>{cells}<td class="num" align="right">{counts[None] or "–"}</td>{page}</tr>'
        )
    total_cells = "".join(f'<td align="right"><b>{totals[v]}</b></td>' for v in VERDICT_ORDER)
    rows.append(
        f'<tr><td><b>All comparisons</b></td>{total_cells}<td align="right"><b>{totals[None]}</b></td>'
        + ("" if web else "<td></td>")
        + "</tr>"
    )
    return (
        f"<h2{_id('summary', web)}>Summary of verdicts</h2>"
        '<table class="summary" width="100%" cellspacing="0" cellpadding="3" '
        f'style="border-collapse: collapse; border-color:{RULE}; border-style: solid; border-width: 0.5px;">'
        f'<tr><th align="left">Comparison</th>{head}<th class="num" align="right" width="11%">No verdict</th>{page_head}</tr>'
        + "".join(rows)
        + "</table>"
    )


def _how_to_read(report: Report) -> str:
    kinds = sorted({k for view in report.comparisons for k in view.kinds})
    highlight = (
        "Words the comparison engine found contrasting between statements are shaded by the kind of contrast; "
        "each comparison’s legend names the kinds and a table gives the engine’s reason for each pair. "
        if kinds
        else ""
    )
    return (
        '<h3 style="margin-top:12pt;">How to read this report</h3>'
        '<p class="note" style="margin-bottom:4pt;">Each comparison sets its statements side by side, each headed '
        "by who said it, in what role, when, where and according to which source. "
        f"{highlight}Spans an editor annotated are underlined in the colour of their first tag, with a number "
        "that leads to the numbered list below the statements: both quotes, how the second stands to the first "
        "(contradicts, walks back, clarifies, consistent with), the verdict, the tags and the note.</p>"
        '<p class="note">Verdicts run from <b>Contradiction</b> through <b>Partly inconsistent</b> to '
        "<b>Consistent</b>; <b>Unverifiable</b> means the statements could not be checked against each other. "
        "The sources, with their addresses, are listed at the end.</p>"
        '<p style="margin-bottom:6pt;"></p>'
    )


def _contrasts(view: ComparisonView, limit: int = 10) -> str:
    """The engine's contrast pairs with their reasons: what the shading in the columns means, pair by pair."""
    if not view.contrasts:
        return ""
    rows = []
    for contrast in view.contrasts[:limit]:
        left = view.statements[contrast.left].statement.speaker
        right = view.statements[contrast.right].statement.speaker
        rows.append(
            "<tr>"
            f'<td valign="top" width="14%"><span style="background-color:{kind_fill(contrast.kind)}; '
            f'font-size:8pt;">&nbsp;{escape(kind_label(contrast.kind))}&nbsp;</span></td>'
            f'<td valign="top" width="28%"><span class="quote">“{escape(contrast.a_text)}”</span>'
            f'<br/><span class="small">{escape(left)}</span></td>'
            f'<td valign="top" width="28%"><span class="quote">“{escape(contrast.b_text)}”</span>'
            f'<br/><span class="small">{escape(right)}</span></td>'
            f'<td valign="top" width="30%"><span class="small">{escape(contrast.reason)}</span></td>'
            "</tr>"
        )
    more = len(view.contrasts) - limit
    tail = (
        f'<p class="small">and {more} more of lower score, highlighted in the statements above.</p>'
        if more > 0
        else ""
    )
    return (
        '<h3 style="margin-top:10pt;">Contrasting phrasing found by the engine</h3>'
        '<table width="100%" cellspacing="0" cellpadding="3">' + "".join(rows) + "</table>" + tail
    )


def _common_ground(view: ComparisonView, limit: int = 5) -> str:
    """Where the engine found the statements on the same side: context an editor weighs against the contrasts."""
    if not view.common:
        return ""
    items = []
    for common in view.common[:limit]:
        left = view.statements[common.left].statement.speaker
        right = view.statements[common.right].statement.speaker
        reason = f' <span class="small">— {escape(common.reason)}</span>' if common.reason else ""
        items.append(
            f'<p class="note" style="margin-left:8pt;">“{escape(common.a_text)}” '
            f'<span class="small">({escape(left)})</span> and “{escape(common.b_text)}” '
            f'<span class="small">({escape(right)})</span>{reason}</p>'
        )
    return '<h3 style="margin-top:10pt;">Common ground</h3>' + "".join(items)


def _sources(report: Report, *, web: bool) -> str:
    if not report.sources:
        return (
            '<h2 id="sources">Sources</h2><p class="small">No sources are recorded for these statements.</p>'
        )
    items = []
    for source in report.sources:
        bits = [f"<b>{escape(source.title)}</b>"]
        if source.publisher:
            bits.append(escape(source.publisher))
        if source.published:
            bits.append(format_date(source.published))
        line = ", ".join(bits)
        link = web_url(source.url)
        if link:  # only http(s) becomes a link; percent-encoded, then escaped for the attribute
            url = escape(link, quote=True)
            line += f'<br/><a href="{url}">{url}</a>'
        else:
            line += '<br/><span class="small">No web address recorded.</span>'
        if source.retrieved:
            line += f'<br/><span class="small">Retrieved {escape(source.retrieved)}</span>'
        if source.sha256:
            line += f'<br/><span class="small">SHA-256 of the saved copy: {escape(source.sha256)}</span>'
        items.append(f'<p style="margin-bottom:6pt;">{line}</p>')
    return f'<h2{_id("sources", web)} style="margin-top:24pt;">Sources</h2>' + "".join(items)


def _mark_html(number: int, mark: RecordMark) -> str:
    if mark.tagged:
        colour = VERDICT_COLOURS.get(mark.verdict, MUTED) if mark.verdict else MUTED
        head = f'<span style="color:{colour}; font-weight:600;">{escape(mark.label())}</span>'
    else:
        head = f'<span class="small">{escape(mark.label())}</span>'
    quote = f" “{escape(mark.first_text)}” / “{escape(mark.second_text)}”" if mark.first_text else ""
    return f'<p class="small" style="margin-bottom:2pt;">↔ {number} &nbsp;{head}<br/>{quote}</p>'


def record_section(record: SpeakerRecord, index: int, *, web: bool) -> str:
    """The record as the report lays it out: a numbered row per statement (date, occasion, the statement)
    and, beside it, the contradictions marked with the other statements' numbers."""
    anchor = f' id="record-{index}"' if web else ""
    tagged = sum(1 for m in record.marks if m.tagged)
    found = len(record.marks) - tagged
    summary = [counted(len(record.statements), "statement"), counted(tagged, "tagged pair")]
    if record.found:
        summary.append(f"{found} found by the engine between {record.found} statements")
    if record.undated:
        summary.append(f"{record.undated} undated, listed last: their order is not known")
    rows = []
    for number, s in enumerate(record.statements, 1):
        when = format_date(s.said_on) if s.said_on else "<i>undated</i>"
        occasion = f'<p class="small">{escape(s.occasion)}</p>' if s.occasion else ""
        source = f'<p class="small">{escape(s.source_title)}</p>' if s.source_title else ""
        marks = "".join(_mark_html(other, mark) for other, mark in record.marks_of(s.id))
        rows.append(
            f'<tr><td valign="top" width="5%" style="border-top: 1px solid {RULE};"><b>{number}</b></td>'
            f'<td valign="top" width="17%" style="border-top: 1px solid {RULE};">'
            f'<p class="meta">{when}</p>{occasion}</td>'
            f'<td valign="top" width="50%" style="border-top: 1px solid {RULE};">'
            f'<p class="quote">{escape(s.text)}</p>{source}</td>'
            f'<td valign="top" width="28%" style="border-top: 1px solid {RULE};">{marks}</td></tr>'
        )
    table = (
        '<table width="100%" cellspacing="0" cellpadding="4">'
        '<tr><th align="left">#</th><th align="left">Date, occasion</th><th align="left">Statement</th>'
        '<th align="left">Tagged and found</th></tr>' + "".join(rows) + "</table>"
        if rows
        else '<p class="small">No statement of this speaker matches.</p>'
    )
    return (
        f'<h2{anchor} style="page-break-before: always;">Record: {escape(record.title)}</h2>'
        f'<p class="meta">{" · ".join(summary)}</p>' + table
    )


def title_block(report: Report) -> str:
    speakers = report.speakers
    statements = sum(len(c.statements) for c in report.comparisons)
    annotations = sum(len(c.annotations) for c in report.comparisons)
    by = f"Prepared by {escape(report.author)} · " if report.author else ""
    return (
        '<p class="meta" style="font-weight:600; letter-spacing: 1px;">COMPARISON REPORT</p>'
        f"<h1>{escape(report.title)}</h1>"
        f'<p class="meta">{by}{format_date(report.generated.date())}</p>'
        f'<p class="meta">{counted(len(report.comparisons), "comparison")} · {counted(statements, "statement")} · '
        f"{counted(annotations, 'annotation')} · speakers: {escape(', '.join(speakers)) or 'none'}</p>"
    )


def report_body(report: Report, *, web: bool = False, pages: dict[str, int] | None = None) -> str:
    parts = [title_block(report), _how_to_read(report), _summary(report, web=web, pages=pages)]
    parts.extend(
        _comparison_section(view, index, report, web=web) for index, view in enumerate(report.comparisons, 1)
    )
    parts.extend(record_section(record, index, web=web) for index, record in enumerate(report.records, 1))
    parts.append(_sources(report, web=web))
    return "\n".join(parts)


def report_html(report: Report, *, web: bool = True, pages: dict[str, int] | None = None) -> str:
    """The report as one HTML document; `pages` (anchor to page number) fills the PDF's contents column."""
    css = BASE_CSS + (WEB_CSS if web else "")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>{escape(report.title)}</title>"
        '<meta name="generator" content="Counterpoint"/>'
        f"<style>{css}</style></head>\n<body>\n{report_body(report, web=web, pages=pages)}\n</body></html>\n"
    )


def export_html(
    project: Project,
    path: Path,
    comparison_ids: Sequence[int] | None = None,
    *,
    analyses: Mapping[int, Analysis | None] | None = None,
    records: Sequence[SpeakerRecord] = (),
) -> Path:
    report = build_report(project, comparison_ids, analyses=analyses, records=records)
    return write_text(path, report_html(report, web=True))
