"""Speaker-turn transcripts (briefings, debates, hearings, interviews): who speaks when, in the words said.

A transcript has no quotation marks: its speech is marked by labels ("MR. EARNEST:", "Q", "Jane Pauley
(voiceover):", "The CHAIRMAN.", a label alone on its line; transcript_labels.py finds them). Each label starts a
turn that runs to the next;
timestamps and stage directions ("(Laughter.)", "[crosstalk]") are left out of the words but stay in the
frozen source, page furniture between two pages is skipped and a sentence cut by a page break is one
paragraph. Every stage reads each line a bounded number of times, so the whole is linear in its input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counterpoint.ingest.dates import find_dates
from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.quotemarks import Span
from counterpoint.ingest.quotes import Quote, join_parts
from counterpoint.ingest.transcript_cast import Cast, Person, label_key
from counterpoint.ingest.transcript_labels import (
    CUE_TIMING,
    DIRECTION,
    MIN_TURNS,
    PAGE_FURNITURE,
    SENTENCE_END,
    Label,
    find_labels,
    is_direction,
)
from counterpoint.ingest.transcript_questioners import name_questioners

# A turn longer than this becomes one statement per paragraph; shorter ones are one statement.
LONG_TURN_CHARS = 1500
# At least MIN_TURNS labelled turns, covering this share of the text after the first label, make a transcript.
MIN_SHARE = 0.6


@dataclass(frozen=True)
class Turn:
    """One speaker turn: the label as printed, who it is, and the spans of the words said (by paragraph)."""

    label: str
    label_span: Span
    speaker: str | None
    role: str | None
    paragraphs: tuple[tuple[Span, ...], ...]

    @property
    def start(self) -> int:
        return self.paragraphs[0][0][0]

    @property
    def end(self) -> int:
        return self.paragraphs[-1][-1][1]


def find_turns(text: str) -> list[Turn]:
    """Every speaker turn in `text`, in order, with the speaker resolved through the cast."""
    labels = find_labels(text)
    cast = Cast(text, header_end=labels[0].start if labels else 0)
    furniture = _furniture_lines(text)
    read: list[tuple[Label, Person | None, list[tuple[Span, ...]]]] = []
    for i, label in enumerate(labels):
        check_time()
        end = labels[i + 1].start if i + 1 < len(labels) else len(text)
        paragraphs = _paragraphs(text, label.end, end, furniture)
        person: Person | None = cast.declare(label.name, label.role)
        if paragraphs:
            read.append((label, person, paragraphs))
    # Named once every label is read: a later label may correct the spelling of an earlier one's name.
    turns = [
        Turn(
            label=text[label.start : label.end].strip(),
            label_span=(label.start, label.end),
            speaker=(person.name or None) if person else None,
            role=person.role if person else None,
            paragraphs=tuple(paragraphs),
        )
        for label, person, paragraphs in read
    ]
    return name_questioners(text, turns, cast.first_names())


def looks_like_transcript(text: str, turns: list[Turn] | None = None) -> bool:
    """Whether `text` is mostly speaker turns (so it is read as a transcript, not as an article)."""
    turns = find_turns(text) if turns is None else turns
    named = {label_key(t.label) for t in turns}
    if len(turns) < MIN_TURNS or len(named) < 2:
        return False
    first = turns[0].label_span[0]
    covered = sum(t.end - t.label_span[0] for t in turns)
    rest = len(text.rstrip()) - first
    return rest > 0 and covered / rest >= MIN_SHARE


def transcript_statements(text: str, *, published: date | None = None) -> list[Quote]:
    """Each turn as a proposed statement (each paragraph of a long turn), dated when the header gives a date."""
    turns = find_turns(text)
    header_end = turns[0].label_span[0] if turns else len(text)
    said_on = _header_date(text[:header_end], published)
    occasion = _occasion(text[:header_end])
    statements: list[Quote] = []
    for turn in turns:
        check_time()
        length = sum(end - start for paragraph in turn.paragraphs for start, end in paragraph)
        groups = [turn.paragraphs] if length <= LONG_TURN_CHARS else [(p,) for p in turn.paragraphs]
        for group in groups:
            parts = tuple(span for paragraph in group for span in paragraph)
            statements.append(
                Quote(
                    start=parts[0][0],
                    end=parts[-1][1],
                    text=join_parts(text, parts),
                    speaker=turn.speaker,
                    role=turn.role,
                    confidence=1.0 if turn.speaker else 0.0,
                    said_on=said_on,
                    attribution=turn.label_span,
                    occasion=occasion,
                    parts=parts,
                )
            )
    return statements


def _furniture_lines(text: str) -> set[str]:
    """Lines repeated three times or more that are not speech (a running head or foot on every PDF page)."""
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        line = line.strip()
        if 0 < len(line) <= 80 and not line.endswith((".", "?", "!", ":")):
            counts[line] = counts.get(line, 0) + 1
    return {line for line, count in counts.items() if count >= 3}


def _paragraphs(text: str, start: int, end: int, furniture: set[str]) -> list[tuple[Span, ...]]:
    """The spans of the words in text[start:end], by paragraph, without directions, stamps or page furniture."""
    # (looked for in place: the whole text before the turn, copied per turn, was quadratic in the turns)
    blank_line_paragraphs = (
        text.find("\n\n", start, end) >= 0 or text.find("\n\n", max(0, start - 4000), start) >= 0
    )
    paragraphs: list[list[Span]] = []
    current: list[Span] = []
    pending_break = False
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline < 0 else newline
        spans = _words_of_line(text, position, line_end, furniture)
        if spans is None:  # page furniture: neither words nor a paragraph break
            pass
        elif not spans:
            if (text[position:line_end].strip() == "" and blank_line_paragraphs) or (
                text[position:line_end].strip() == "" and not blank_line_paragraphs
            ):
                pending_break = True
        else:
            starts_lower = text[spans[0][0]].islower()
            previous_open = current and not SENTENCE_END.search(text[current[-1][0] : current[-1][1]])
            if (
                current
                and (pending_break or not blank_line_paragraphs)
                and not (previous_open and starts_lower)
            ):
                paragraphs.append(current)
                current = []
            current.extend(spans)
            pending_break = False
        position = line_end + 1
    if current:
        paragraphs.append(current)
    return [tuple(_merge_wrapped(text, p)) for p in paragraphs]


def _merge_wrapped(text: str, spans: list[Span]) -> list[Span]:
    """Spans of one paragraph on consecutive lines become one span (a line break in it reads as a space)."""
    merged: list[Span] = []
    for start, end in spans:
        if merged and text[merged[-1][1] : start].strip(" \t") == "\n":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _words_of_line(text: str, start: int, end: int, furniture: set[str]) -> list[Span] | None:
    line = text[start:end]
    stripped = line.strip()
    if stripped in furniture or (stripped and PAGE_FURNITURE.fullmatch(line)) or stripped == "\f":
        return None
    if CUE_TIMING.fullmatch(line) or stripped == "</v>":
        return None  # a caption file's timing line: neither words nor a paragraph break
    spans: list[Span] = []
    position = start
    for match in DIRECTION.finditer(text, start, end):
        inner = match["inner"]
        if inner is not None and not is_direction(inner):
            continue
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    trimmed: list[Span] = []
    for s, e in spans:
        while s < e and text[s] in " \t\f":
            s += 1
        while e > s and text[e - 1] in " \t\f":
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def _header_date(header: str, published: date | None) -> date | None:
    slashed = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b", header)
    if slashed:
        month, day, year = int(slashed[1]), int(slashed[2]), int(slashed[3])
        year += 2000 if year < 100 else 0
        try:
            return date(year, month, day)
        except ValueError:
            pass
    for _start, _end, found in find_dates(_ordinary_case(header[:3000]), published):
        return found
    return published


def _ordinary_case(text: str) -> str:
    """Capitals as ordinary words ("MARCH 11, 1953" -> "March 11, 1953"), so written dates are found in them."""
    return re.sub(r"\b[A-Z]{3,}\b", lambda m: m[0].capitalize(), text)


def _occasion(header: str) -> str | None:
    for line in header.split("\n"):
        line = line.strip()
        dated = find_dates(_ordinary_case(line), None)
        if dated and sum(e - s for s, e, _d in dated) >= len(line) / 2:
            continue  # a dateline, not the occasion
        if 8 <= len(line) <= 120 and re.search(r"[A-Za-z]{3}", line):
            return line
    return None
