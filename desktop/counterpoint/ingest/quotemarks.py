"""Finding quoted spans: straight and curly marks, apostrophes told apart from single quotes, quotations nested
in others, and quotations that run on over paragraphs (each new paragraph opening with a quote mark)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.lexicon import is_page_noise

Span = tuple[int, int]

OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‚‹‛"
CLOSE_SINGLE = "’›"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…" + CLOSE_DOUBLE + CLOSE_SINGLE + "\"'"
_OPEN_CONTEXT = "([{—–-/:;" + OPEN_DOUBLE + OPEN_SINGLE


@dataclass
class QuotedSpan:
    """One quotation as the marks delimit it (before any attribution)."""

    parts: list[Span]  # content spans, marks excluded, whitespace included
    marks: list[Span]  # (open mark, close mark) positions per part; close may be the paragraph end
    single: bool = False


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?])[ \t]*\n[ \t]*(?=[“„«\"][^\s“„«\"])")
_DOUBLED = re.compile(r"(?<!')''(?!')")
_GRAVES = re.compile(r"(?<!`)``(?=[^\s`])")


def doubled_apostrophes_as_marks(text: str) -> str:
    """Some wire copy writes a double quotation mark as two apostrophes (''I will,'' she said), or as TeX's
    two grave accents and two apostrophes (``I will,'' she said). Each such pair becomes a straight double mark
    and a space, on the side away from the words, so every offset still points into the source: an opening
    pair (after a space, before a word) becomes ' "', a closing one '" '."""
    if "``" in text:
        text = _GRAVES.sub(' "', text)
    if "''" not in text:
        return text

    def mark(match: re.Match[str]) -> str:
        i = match.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 2] if i + 2 < len(text) else " "
        if not after.isspace() and (before.isspace() or before in _OPEN_CONTEXT):
            return ' "'
        if not before.isspace() or (i > 1 and text[i - 2] in ",.?!" and (after.isspace() or after in ".,;")):
            return '" '  # 'no new leads, '' the head of police said': a closing pair typed after a space
        return match[0]

    return _DOUBLED.sub(mark, text)


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs: separated by blank lines when the text has any; otherwise by line breaks, except where
    the lines are hard-wrapped (text from a PDF): there a break inside a sentence does not end a paragraph."""
    if re.search(r"\n[ \t]*\n", text):
        # a blank line ends a paragraph; so does a line break after a full stop before an opening mark, the
        # run-on convention of copy that writes one quoted paragraph a line ('…infrastructure.\n“It is…',
        # '…investigation.\n"We provided…')
        breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    else:
        breaks = _line_breaks(text)
    spans: list[Span] = []
    start = 0
    for break_start, break_end in breaks:
        if break_start > start:
            spans.append((start, break_start))
        start = break_end
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _line_breaks(text: str) -> list[Span]:
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return []
    full = lengths[int(0.8 * (len(lengths) - 1))]  # the length of a full line, if the text is wrapped
    breaks: list[Span] = []
    position = 0
    for number, line in enumerate(lines[:-1]):
        position += len(line)
        stripped = line.rstrip()
        following = lines[number + 1].lstrip()
        # A paragraph ends at a short line, or at a line ending a sentence when the next starts a new one.
        ends = (
            not stripped
            or len(stripped) < 0.75 * full
            or full < 40
            or (stripped[-1] in ".!?:”\"'’" and following[:1].isupper() and len(stripped) < 0.9 * full)
            # a quotation run on over paragraphs, one a line: '…last night.\n“This has …'
            or (stripped[-1] in ".!?" and following[:1] in OPEN_DOUBLE + '"' and following[1:2].isupper())
        )
        # a line cut inside a sentence ('"This\nconduct by the president', 'The Post\nreported') goes on:
        # it ends on a word or a comma and the next line starts in lower case
        if ends and stripped and (stripped[-1].isalnum() or stripped[-1] == ",") and following[:1].islower():
            ends = False
        if ends:
            indent = len(lines[number + 1]) - len(following)
            breaks.append((position, position + 1 + indent))
        position += 1
    return breaks


def _context(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """(may open, may close) for a quote mark at i, from its neighbours within the paragraph."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    may_open = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    may_close = not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT)
    return may_open, may_close


def _double_quotes(text: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed double-quoted spans (open mark, close mark) in one paragraph, and an unclosed open mark."""
    found: list[Span] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in OPEN_DOUBLE and ch not in CLOSE_DOUBLE and ch != '"':
            continue
        may_open, may_close = _context(text, i, start, end)
        if open_at is None:
            # A closing mark where an opening one belongs is a typo common enough to accept.
            if ch in OPEN_DOUBLE or ch == '"' or (may_open and not may_close):
                open_at = i
        elif ch in CLOSE_DOUBLE or ch == '"' or (may_close and not may_open):
            found.append((open_at, i))
            open_at = None
        elif ch in OPEN_DOUBLE and may_open:
            # the earlier mark never closed: when it too was a curly opening mark, its words run up to this one
            # ('“Nana stated that … the figures. “UNESCO demands …”'); start again here
            if text[open_at] in OPEN_DOUBLE and i - open_at > 1:
                found.append((open_at, i))
            open_at = i
    return found, open_at


def _right_marks_open(text: str) -> bool:
    """Whether the text writes its single quotation marks as ’…’ (a publishing system that turned every
    opening ‘ into ’): it has no ‘ at all, and ’ starts a word after a space more than once."""
    return "‘" not in text and len(_RIGHT_OPENS.findall(text, 0, 200_000)) >= 2


_RIGHT_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–]))’(?=[A-Za-z])")


def _single_quotes(
    text: str, start: int, end: int, taken: list[Span], right_opens: bool = False
) -> tuple[list[Span], set[Span], int | None]:
    """Top-level single-quoted spans (British style), apostrophes told apart by their neighbours; the
    double-quoted spans nested inside them ('He said "no" to me.'); and an opening mark left open at the end
    of the paragraph. With right_opens, ’ before a word after a space opens a quotation (see _right_marks_open)."""
    covered = bytearray(end - start)
    for s, e in taken:
        covered[s - start : e - start + 1] = b"\1" * (e - s + 1)
    found: list[Span] = []
    nested: set[Span] = set()
    taken_sorted = sorted(taken)
    taken_starts = [span[0] for span in taken_sorted]
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in OPEN_SINGLE and ch not in CLOSE_SINGLE and ch != "'":
            continue
        if covered[i - start]:
            continue
        may_open, may_close = _context(text, i, start, end)
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            opener = ch in OPEN_SINGLE or ch == "'" or (right_opens and ch == "’" and after.isalpha())
            if opener and may_open and after.isalnum():
                open_at = i
        elif (ch in CLOSE_SINGLE or ch == "'") and may_close and not after.isalnum():
            lo, hi = bisect_right(taken_starts, open_at), bisect_left(taken_starts, i)
            inside = taken_sorted[lo:hi]
            if inside:
                # Accept doubles inside singles only where singles are plainly the quotation marks in use:
                # a capitalised opening and punctuation before the close.
                if not (text[open_at + 1].isupper() and text[i - 1] in ".,!?"):
                    open_at = None
                    continue
                nested.update(inside)
            found.append((open_at, i))
            open_at = None
    return found, nested, open_at


def _opens_words(text: str, dangling: QuotedSpan) -> bool:
    """A straight mark left open at the very end of the text, placed as an opening mark ('… said, "We are
    opening up the' where the page was cut): a quotation, not an inch sign ('a 12" pipe')."""
    at = dangling.marks[0][0]
    before = text[at - 1] if at > 0 else " "
    return (before.isspace() or before in _OPEN_CONTEXT) and text[at + 1 : at + 2].isalpha()


def _opens_paragraph(text: str, at: int) -> bool:
    """A straight mark that opens its paragraph before a capital letter: a quotation's opening mark."""
    return text[at] == '"' and (at == 0 or text[at - 1] == "\n") and text[at + 1 : at + 2].isupper()


def find_quoted(text: str, paragraphs: list[Span]) -> list[QuotedSpan]:
    quoted: list[QuotedSpan] = []
    dangling: QuotedSpan | None = None
    right_opens = _right_marks_open(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        check_time()
        if dangling is not None and p_end - p_start < 80 and is_page_noise(text[p_start:p_end]):
            continue  # "Hide Ad" between two paragraphs of one quotation does not end it
        doubles, open_at = _double_quotes(text, p_start, p_end)
        items = [QuotedSpan(parts=[(o + 1, c)], marks=[(o, c)]) for o, c in doubles]
        if dangling is not None:
            # A quotation runs on over paragraphs when each new paragraph opens with a quote mark.
            opens_here = text[p_start] in OPEN_DOUBLE or text[p_start] == '"'
            if opens_here and items and items[0].marks[0][0] == p_start:
                first = items.pop(0)
                dangling.parts.extend(first.parts)
                dangling.marks.extend(first.marks)
                quoted.append(dangling)
                dangling = None
            elif opens_here and not items and open_at == p_start:
                dangling.parts.append((open_at + 1, p_end))
                dangling.marks.append((open_at, p_end))
                continue
            else:
                # a curly opening mark is never an inch sign: the close was lost; nor is a straight one that
                # opens its paragraph before a capital ('"We don't know if he was going through …')
                if (
                    text[dangling.marks[0][0]] in OPEN_DOUBLE
                    or _opens_paragraph(text, dangling.marks[0][0])
                    or len(dangling.parts) > 1  # run on over paragraphs each opened with a mark, close lost
                ):
                    quoted.append(dangling)
                dangling = None
        taken = list(doubles)
        if open_at is not None:
            taken.append((open_at, p_end - 1))
        singles, nested, single_open = _single_quotes(text, p_start, p_end, taken, right_opens)
        quoted.extend(q for q in items if q.marks[0] not in nested)
        if open_at is not None and dangling is None:
            dangling = QuotedSpan(parts=[(open_at + 1, p_end)], marks=[(open_at, p_end)])
        for o, c in singles:
            quoted.append(QuotedSpan(parts=[(o + 1, c)], marks=[(o, c)], single=True))
        if single_open is not None and number + 1 < len(paragraphs):
            # British run-on style: "He said: ‘When I left …" goes on in a paragraph that opens with a mark
            following = text[paragraphs[number + 1][0]]
            straight = (
                following == "'"
                and text[paragraphs[number + 1][0] + 1 : paragraphs[number + 1][0] + 2].isupper()
            )
            if following in OPEN_SINGLE or (right_opens and following == "’") or straight:
                quoted.append(
                    QuotedSpan(parts=[(single_open + 1, p_end)], marks=[(single_open, p_end)], single=True)
                )
    if dangling is not None and (text[dangling.marks[0][0]] in OPEN_DOUBLE or _opens_words(text, dangling)):
        quoted.append(dangling)  # the text ends inside the quotation: a stored page cut mid-sentence
    quoted.sort(key=lambda q: q.marks[0][0])
    return quoted
