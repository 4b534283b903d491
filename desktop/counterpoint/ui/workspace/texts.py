"""What the workspace says in words: the hover text of a highlight or annotation, the selection line
under the columns, and a quotation cited with its source. Project text is escaped wherever it goes into
rich text."""

from __future__ import annotations

from collections.abc import Sequence

from counterpoint.store.model import Annotation, Statement
from counterpoint.ui.palette import UiPalette
from counterpoint.ui.workspace.header import date_text
from counterpoint.ui.workspace.look import COLUMN_LETTERS, escape
from counterpoint.ui.workspace_model import Highlight, Span, shorten


def highlight_label(h: Highlight, colours: UiPalette) -> tuple[str, str]:
    """(colour, label) of a highlight's kind, as the legend names it."""
    if h.category == "contrast":
        swatch = colours.kind(h.kind)
        return swatch.line, swatch.label
    if h.category == "common":
        return colours.common_line, "Common ground"
    swatch = colours.diff[h.category]
    return swatch.line, swatch.label


def highlight_tip(
    h: Highlight, statements: Sequence[Statement], colours: UiPalette, hint: str | None = None
) -> str:
    """One highlight in a tooltip: its kind, its reason, the passage it is paired with, and (`hint`) what
    a key does with it."""
    other = ""
    if h.partner is not None and h.partner_span is not None:
        quote = statements[h.partner].text[h.partner_span[0] : h.partner_span[1]]
        other = f"<br>↔ <b>{COLUMN_LETTERS[h.partner]}</b> “{escape(shorten(quote, 60))}”"
    colour, label = highlight_label(h, colours)
    if hint is None:
        hint = "Ctrl+Return: make it an annotation" if h.category == "contrast" else ""
    line = f"<br><i>{escape(hint)}</i>" if hint else ""
    return f"<p style='margin:0'><b style='color:{colour}'>■ {label}</b> {escape(h.reason)}{other}{line}</p>"


def suggestion_line(
    h: Highlight, column: int, statements: Sequence[Statement], colours: UiPalette, n: int, m: int
) -> str:
    """The suggestion in hand, in plain words: which of how many, its kind and reason, the two passages."""
    _colour, label = highlight_label(h, colours)
    ends = [f"{COLUMN_LETTERS[column]} “{shorten(statements[column].text[h.start : h.end], 40)}”"]
    if h.partner is not None and h.partner_span is not None:
        start, end = h.partner_span
        ends.append(f"{COLUMN_LETTERS[h.partner]} “{shorten(statements[h.partner].text[start:end], 40)}”")
    return (
        f"Suggestion {n} of {m} · {label}: {h.reason} · {' ↔ '.join(ends)}"
        " · Ctrl+Return accepts it · F8 / Shift+F8: next / previous"
    )


def annotation_tip(annotation: Annotation) -> str:
    head = " · ".join(
        x
        for x in (
            annotation.relation.label.capitalize() if annotation.relation else "",
            annotation.verdict.label if annotation.verdict else "",
            ", ".join(annotation.tags),
        )
        if x
    )
    note = escape(shorten(annotation.note, 140)) if annotation.note else ""
    return f"<p style='margin:0'><b>Annotation</b> {escape(head)}<br>{note}</p>"


def selection_html(statements: Sequence[Statement], picks: Sequence[tuple[int, Span]], muted: str) -> str:
    """The line under the columns: what is selected and what Ctrl+T does with it, or what to do next."""
    parts = []
    for c, (start, end) in picks:
        quote = shorten(statements[c].text[start:end], 38)
        parts.append(f"<b>{COLUMN_LETTERS[c]}</b> “{escape(quote)}”")
    if parts:
        if len(parts) > 1:
            action = "tag the pair"
        elif len(statements) > 1:
            action = "note it, or select in another column"
        else:
            action = "note it"
        return "Selected: " + " ↔ ".join(parts) + f" <span style='color:{muted}'>· Ctrl+T to {action}</span>"
    if len(statements) == 1:
        return (
            f"<span style='color:{muted}'>Drag a second statement here to compare · "
            "select a passage, then Ctrl+T to note it</span>"
        )
    if statements:
        return (
            f"<span style='color:{muted}'>Hover a highlight for its reason · "
            "select a passage in two columns, then Ctrl+T</span>"
        )
    return ""


def cite(statement: Statement, span: Span) -> str:
    """A passage as a reporter would cite it: the quote, who said it, when, and the source."""
    start, end = span
    quote = " ".join(statement.text[start:end].split())
    who = ", ".join(p for p in (statement.speaker, statement.role) if p)
    when = ", ".join(p for p in (date_text(statement), statement.occasion) if p)
    text = f"“{quote}” — {who}"
    if when:
        text += f" ({when})"
    if statement.source_title:
        text += f". Source: {statement.source_title}"
    return text
