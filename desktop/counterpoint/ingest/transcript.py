"""Speaker-turn transcripts (briefings, debates, hearings, interviews): who speaks when, in the words said.

A transcript has no quotation marks: its speech is marked by labels ("MR. EARNEST:", "Q", "Jane Pauley
(voiceover):", "The CHAIRMAN.", a label alone on its line). Each label starts a turn that runs to the next;
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
from counterpoint.ingest.transcript_cast import Cast, Person, is_title_word, label_key, label_words
from counterpoint.ingest.transcript_questioners import name_questioners

# A turn longer than this becomes one statement per paragraph; shorter ones are one statement.
LONG_TURN_CHARS = 1500
# At least this many labelled turns, covering this share of the text after the first label, make a transcript.
MIN_TURNS = 4
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


# The head of a line-start label: up to 90 characters before a colon, after a bullet, a stage direction
# ("(APPLAUSE) CLINTON:") or a committee's question number ("Q1 Chair:"). The name itself is checked in Python.
_TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.;,]\d{1,3})?"
_LINE_LABEL = re.compile(
    rf"[ \t\xa0]*(?:[•·▪◦][ \t\xa0]*)?(?:[\(\[][A-Za-z][^()\[\]\n:]{{0,38}}[\)\]][ \t\xa0]+)?(?:Q\d{{1,4}}[ \t\xa0]+)?(?:[\(\[]?{_TIMESTAMP}[\)\]]?[ \t\xa0]+)?(?:\[\*\][ \t\xa0]*)?(?P<head>[A-Z][^:\n]{{0,89}}?(?:[ \t\xa0]*[\(\[]{_TIMESTAMP}[\)\]])?)[ \t\xa0]*:(?=[ \t\xa0]|$|[A-Z“\"‘'(])"
)
# "Q    Thanks, Josh." (White House briefings print the questioner as Q and spaces, no colon), "Q. Did anyone…".
_Q_LABEL = re.compile(r"[ \t\xa0]*(?P<head>Q)(?:[ \t\xa0]{2,}|\t|[ \t\xa0](?=[A-Z])|\.[ \t\xa0]+)(?=\S)")
# WebVTT voice tags ("<v Speaker 1>What if …", "<v.loud Katie Couric>Hello"); a bracketed unknown ("(UNKNOWN): Right.").
_VOICE_LABEL = re.compile(r"[ \t\xa0]*<v(?:\.[\w.\-]+)*[ \t]+(?P<head>[^<>\n]{1,60})>[ \t\xa0]*")
_UNKNOWN_LABEL = re.compile(r"[ \t\xa0]*\((?P<head>[A-Z][A-Za-z ]{2,30})\)[ \t\xa0]*:[ \t\xa0]+")
# A caption file's cue timing ("0:00:02.920 --> 0:00:06.120", SubRip's "00:00:01,000 --> …") or cue number.
_CUE_TIMING = re.compile(
    r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[^\n]*"
)
# Hearing style: "The CHAIRMAN. The committee ...", "Mr. BURNS. I have ...", "Senator WARNER. Thank you".
_GPO_LABEL = re.compile(
    r"[ \t\xa0]*(?P<head>(?:The|Mr\.|Mrs\.|Ms\.|Dr\.|Senator|Representative|Chairman|Chairwoman|Secretary|General|"
    r"Admiral|Director|Judge|Justice|Governor|Ambassador)[ \t\xa0]+[A-Z][A-Z'\-]{1,30}(?:[ \t\xa0]+of[ \t\xa0]+[A-Z][a-z]+)?)"
    r"\.[ \t\xa0]+(?=\S)"
)
# A capitals label inside a line, after the end of a sentence or a wide gap ("...about?    CONDOLEEZZA RICE:",
# a PDF flattened to one line: "... New York. CROWLEY: The Gallup ..."). Each word is bounded.
_INLINE_LABEL = re.compile(
    r"(?:(?<=[.?!\"”’)\]–—])[ \t\xa0]+|(?<![ \t\xa0])[ \t\xa0]{2,})(?:\[\*\][ \t\xa0]*)?"
    r"(?P<head>[A-Z][A-Z.'’\-]{0,24}(?:[ \t\xa0][A-Z][A-Z.'’\-]{0,24}){0,4}(?:,[ \t\xa0][A-Z][A-Z .'\-]{1,40})?)[ \t\xa0]?:[ \t\xa0]"
)
# Hearing style inside a line (a PDF page flattened): "… today. The CHAIRMAN. Let us start Senator SARBANES. Mr.
# Chairman, …": the surname (or the chair's title) in capitals marks the label.
_GPO_INLINE = re.compile(
    r"(?<=\s)(?P<head>(?:The[ \t]+(?:CHAIRMAN|CHAIRWOMAN|CHAIR|PRESIDENT|SPEAKER|CLERK|WITNESS)|(?:Mr\.|Mrs\.|Ms\.|"
    r"Dr\.|Senator|Representative|Chairman|Chairwoman|Secretary|General|Admiral|Director|Judge|Justice|Governor|"
    r"Ambassador)[ \t]+[A-Z][A-Z'\-]{2,30}))\.[ \t]+(?=[A-Z])"
)
# Initials at the start of a line, no colon ("GG The main purpose …", "VW Sure…"): read only as a fallback.
_INITIALS = re.compile(r"[ \t\xa0]*(?P<head>[A-Z]{2,3})[ \t\xa0]+(?=[A-Z“\"‘'])")
_PAREN = re.compile(r"[ \t\xa0]*[\(\[](?P<inner>[^()\[\]\n]{1,60})[\)\]]")
_LEADING_STAMP = re.compile(rf"[ \t\xa0]*[\(\[]?{_TIMESTAMP}[\)\]]?[ \t\xa0]*")
# A stage direction or a transcriber's note: a short bracketed run, a time stamp.
_DIRECTION = re.compile(rf"[\(\[](?P<inner>[^()\[\]\n]{{1,80}})[\)\]]|(?<![\w:]){_TIMESTAMP}(?![\w:])")
_PAGE_FURNITURE = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?:page[ \t]+)?\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?(?:[ \t]*-)?[ \t]*"
)
_SENTENCE_END = re.compile(r"[.?!:\"”’)\]—–-][ \t]*$")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-.]*|[A-Z]\.|\d{1,3}|of|de|da|van|von|bin|al|la|le|del|der|den|du")


@dataclass(frozen=True)
class _Label:
    start: int  # where the label starts in the text
    end: int  # where the words start
    name: str
    role: str | None
    note: str | None  # "(voiceover)", "(clip)"
    at_line_start: bool = True


def find_turns(text: str) -> list[Turn]:
    """Every speaker turn in `text`, in order, with the speaker resolved through the cast."""
    labels = _labels(text)
    cast = Cast(text, header_end=labels[0].start if labels else 0)
    furniture = _furniture_lines(text)
    read: list[tuple[_Label, Person | None, list[tuple[Span, ...]]]] = []
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


# Closed captions in lower case (TV archives): "… so far. announcer: ladies and gentlemen … president trump: thank
# you", and ">>" where the speaker changes.
_CAPTION_LABEL = re.compile(
    r"(?:(?<=[.?!\]])[ \t]+|>>[ \t]*|^[ \t]*)(?P<head>[a-z][a-z.'\-]{1,20}(?:[ \t][a-z][a-z.'\-]{1,20}){0,2}):[ \t]",
    re.MULTILINE,
)
_CHEVRONS = re.compile(r">>[ \t]*(?=[a-z])")


def _is_captions(text: str) -> bool:
    """Whether a text is closed captions: letters almost all in lower case, and speaker changes marked ">>"."""
    sample = text[:200_000]
    letters = sum(c.isalpha() for c in sample)
    upper = sum(c.isupper() for c in sample)
    return letters > 200 and upper < 0.02 * letters and sample.count(">>") >= 1


def _caption_labels(text: str, not_speakers: frozenset[str]) -> list[_Label]:
    found: list[_Label] = []
    for match in _CAPTION_LABEL.finditer(text):
        check_time()
        head = " ".join(w.capitalize() for w in match["head"].split())
        parsed = _parse_head(head, not_speakers)
        if parsed is not None:
            found.append(_Label(match.start("head"), match.end(), *parsed, at_line_start=False))
    taken = {label.start for label in found}
    for match in _CHEVRONS.finditer(text):
        if match.end() not in taken and match.end() + 1 not in taken:  # ">> announcer:" is the label's
            found.append(_Label(match.start(), match.end(), ">>", None, None, at_line_start=False))
    return sorted(found, key=lambda label: label.start)


def _labels(text: str) -> list[_Label]:
    words = label_words()
    if _is_captions(text):
        return _caption_labels(text, words.not_speakers)
    found: list[_Label] = []
    position = 0
    length = len(text)
    while position < length:
        check_time()
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        label = _line_label(text, position, line_end, words.not_speakers)
        inline_from = position
        if label is not None:
            found.append(label)
            inline_from = label.end
        for match in _GPO_INLINE.finditer(text, inline_from, line_end):
            parsed = _parse_head(match["head"], words.not_speakers)
            if parsed is not None:
                words_at = _after_stamp(text, match.end(), line_end)
                found.append(_Label(match.start("head"), words_at, *parsed, at_line_start=False))
        for match in _INLINE_LABEL.finditer(text, inline_from, line_end):
            parsed = _parse_head(match["head"], words.not_speakers)
            if parsed is not None and len(match["head"]) >= 2:
                name, role, note = parsed
                start = match.start("head")
                words_at = _after_stamp(text, match.end(), line_end)
                found.append(_Label(start, words_at, name, role, note, at_line_start=False))
        position = line_end + 1
    kept = _keep_recurring_inline(text, found)
    if len(kept) < MIN_TURNS:
        by_name = max(
            (_name_line_labels(text, words.not_speakers), _initial_labels(text, words.not_speakers)), key=len
        )
        if len(by_name) > len(kept):
            return by_name
    return kept


def _initial_labels(text: str, not_speakers: frozenset[str]) -> list[_Label]:
    """Initials opening lines as labels ("GG The main purpose …"), when at least MIN_TURNS lines open so, with
    two sets of initials or more and one coming back; initials a text also uses as a word elsewhere ("US",
    "UN") are not a speaker's."""
    found: list[_Label] = []
    position = 0
    length = len(text)
    while position < length:
        check_time()
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        match = _INITIALS.match(text, position, line_end)
        if match is not None and label_key(match["head"]) not in not_speakers:
            found.append(_Label(match.start("head"), match.end(), match["head"], None, None))
        position = line_end + 1
    keys = [label_key(label.name) for label in found]
    if len(found) < MIN_TURNS or len(set(keys)) < 2 or len(set(keys)) == len(keys):
        return []
    inside = {m[0].lower() for m in re.finditer(r"(?<=[a-z,;] )[A-Z]{2,3}\b", text[:200_000])}
    return [label for label, key in zip(found, keys, strict=True) if key not in inside]


# A speaker's name alone on its line, no colon ("Operator", "The Chair Conservative Rick Casson", "Steve Filton"),
# the words on the lines after it: read only when a text has too few colon labels, and only as a dialogue.
_NAME_LINE = re.compile(
    r"[ \t\xa0]*(?P<head>[A-Z][\w.'’\-]*(?:[ \t\xa0]+[\w.'’\-—–]+){0,7})[ \t\xa0]*(?:,[^\n,]{1,30})?$"
)


def _name_line_labels(text: str, not_speakers: frozenset[str]) -> list[_Label]:
    """Labels that are a name alone on a line (see _NAME_LINE): each followed by a line of words, and only when
    there are at least MIN_TURNS of them and some name comes back (a dialogue, not an article's subheadings)."""
    found: list[_Label] = []
    keys: list[str] = []
    position = 0
    length = len(text)
    while position < length:
        check_time()
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        match = _NAME_LINE.match(text, position, line_end)
        if match is not None and not match["head"].rstrip().endswith(("?", "!")):
            head = match["head"].rstrip()
            unnamed = label_key(head) in label_words().unnamed  # "An hon. member"
            parsed = (head, None, None) if unnamed else _parse_head(head, not_speakers)
            if head.endswith(".") and not unnamed:
                parsed = None
            words_at = _next_line_with_words(text, line_end)
            if (
                parsed is not None
                and words_at is not None
                and not all(is_title_word(w) for w in parsed[0].split())
            ):
                found.append(_Label(match.start("head"), words_at, parsed[0], parsed[1], parsed[2]))
                keys.append(label_key(parsed[0]))
        position = line_end + 1
    # a line of metadata under a name ("Very Positive") reaches the same words as the name: the name keeps them
    first: dict[int, int] = {}
    for n, label in enumerate(found):
        first.setdefault(label.end, n)
    kept = [n for n, label in enumerate(found) if first[label.end] == n]
    found, keys = [found[n] for n in kept], [keys[n] for n in kept]
    if len(found) < MIN_TURNS or len(set(keys)) == len(keys):
        return []
    return found


_TIME_RANGE = re.compile(
    r"[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[-–][ \t]*\d{1,2}:\d{2}(?::\d{2})?)?(?:[ \t]*\([^()\n]{0,20}\))?[ \t]*"
)


def _next_line_with_words(text: str, line_end: int) -> int | None:
    """Where the words after a name line start: the next line holding a sentence's words (three words or more,
    or a full stop), past blank lines, time stamps ("00:00:26-00:00:27 (1 sec)") and one short line of
    metadata before them ("Very Positive")."""
    position = line_end + 1
    short = 0
    for _ in range(6):
        if position >= len(text):
            return None
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        line = text[position:end].strip()
        if line and not _TIME_RANGE.fullmatch(text, position, end):
            ends = line.endswith((".", "?", "!", "…", "—", "-", '"', "”"))
            named = _NAME_LINE.match(text, position, end) is not None and not ends
            if named and len(line.split()) <= 3 and short == 0:
                short += 1  # one line of metadata between a name and its words
            else:
                sentence = (
                    ends or len(line.split()) >= 3 or re.search(r"[.?!][\"”]?[ \t]*\d*$", line) is not None
                )
                return position if sentence and not named else None
        position = end + 1
    return None


def _line_label(text: str, start: int, end: int, not_speakers: frozenset[str]) -> _Label | None:
    for pattern in (_LINE_LABEL, _Q_LABEL, _GPO_LABEL, _VOICE_LABEL, _UNKNOWN_LABEL):
        match = pattern.match(text, start, end)
        if match is None:
            continue
        parsed = _parse_head(match["head"], not_speakers)
        if parsed is None:
            continue
        glued = pattern is _LINE_LABEL and match.end() < end and not text[match.end()].isspace()
        if glued and not match["head"].isupper():
            continue  # "CHUCK TODD:Can Hillary…" has lost its space; "Note:See" is no label
        name, role, note = parsed
        words_at = _after_stamp(text, match.end(), end)
        if words_at >= end:  # the label alone on its line: the words follow on the next lines
            words_at = end
        start = match.start("head")
        if pattern is _VOICE_LABEL or pattern is _UNKNOWN_LABEL:
            start = match.start() + len(match[0]) - len(match[0].lstrip())  # the tag's "<v" or "(" opens it
        return _Label(start, words_at, name, role, note)
    return None


def _after_stamp(text: str, position: int, line_end: int) -> int:
    stamp = _LEADING_STAMP.match(text, position, line_end)
    position = stamp.end() if stamp else position
    while position < line_end and text[position] in " \t\xa0":
        position += 1
    return position


def _parse_head(head: str, not_speakers: frozenset[str]) -> tuple[str, str | None, str | None] | None:
    """(name, role, note) of a label's head, or None when it is not a speaker label."""
    note = None
    stamp = re.search(rf"[\(\[]?{_TIMESTAMP}[\)\]]?$", head)
    if stamp:
        head = head[: stamp.start()].rstrip()
    parens = [m["inner"] for m in _PAREN.finditer(head)]
    bare = _PAREN.sub("", head).strip()
    for inner in parens:
        if inner.lower().strip(" .") in label_words().directions:
            note = inner
    name, _, after_comma = bare.partition(",")
    name = name.strip()
    role: str | None = after_comma.strip().strip(",") or None
    if role is not None and (label_key(name) in label_words().unnamed or is_title_word(name)):
        # "Moderator, Darren Dedo, KSN:": the role first, then the name
        first, _, rest = role.partition(",")
        if re.fullmatch(r"[A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+){1,2}", first.strip()):
            name, role = first.strip(), ", ".join(p for p in (name, rest.strip()) if p)
    words = name.split()
    if not words or len(words) > 6 or len(name) > 60:
        return None
    if label_key(name) in not_speakers or label_key(bare) in not_speakers:
        return None
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if not name.isupper() and any(w[:1].islower() for w in words[:1]):
        return None
    if role is not None:
        role = _role_text(role)
    return name, role, note


def _role_text(role: str) -> str | None:
    parts = [p.strip() for p in role.split(",")]
    # "(R), SOUTH CAROLINA" and "D-CALIFORNIA" are a party and a place, not a role.
    kept = [p for p in parts if p and not re.fullmatch(r"\(?[RDI]\)?|[RDI]-[A-Z .]+|[A-Z]{2}", p)]
    if not kept or (len(kept) == 1 and len(parts) > 1 and kept[0].isupper() and " " in kept[0] and False):
        return None
    text = ", ".join(kept)
    if text.isupper():
        from counterpoint.ingest.transcript_cast import name_case

        text = " ".join(w if w in ("FBI", "CNN", "CIA", "NSA", "DOJ", "US", "U.S.", "UN") else name_case(w)
                        for w in text.split())  # fmt: skip
    return text


def _keep_recurring_inline(text: str, labels: list[_Label]) -> list[_Label]:
    """A capitals label inside a line is kept when its name also starts a line, recurs, or is a full name."""
    counts: dict[str, int] = {}
    at_line_start: set[str] = set()
    for label in labels:
        key = label_key(label.name)
        counts[key] = counts.get(key, 0) + 1
        if label.at_line_start:
            at_line_start.add(key)
    kept: list[_Label] = []
    seen_starts: set[int] = set()
    for label in sorted(labels, key=lambda lab: lab.start):
        if label.start in seen_starts:
            continue
        key = label_key(label.name)
        if key in at_line_start or counts[key] >= 2 or " " in label.name or key in label_words().unnamed:
            kept.append(label)
            seen_starts.add(label.start)
    return kept


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
            previous_open = current and not _SENTENCE_END.search(text[current[-1][0] : current[-1][1]])
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
    if stripped in furniture or (stripped and _PAGE_FURNITURE.fullmatch(line)) or stripped == "\f":
        return None
    if _CUE_TIMING.fullmatch(line) or stripped == "</v>":
        return None  # a caption file's timing line: neither words nor a paragraph break
    spans: list[Span] = []
    position = start
    for match in _DIRECTION.finditer(text, start, end):
        inner = match["inner"]
        if inner is not None and not _is_direction(inner):
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


def _is_direction(inner: str) -> bool:
    if re.fullmatch(_TIMESTAMP, inner.strip()):
        return True
    words = label_words().directions
    low = inner.strip().lower().rstrip(".")
    if low in words or low.split(",")[0].strip() in words:
        return True
    first = low.split(" ")[0].strip(".,;:")
    if first in words:
        return True
    letters = [c for c in inner if c.isalpha()]
    if letters and inner.upper() == inner and len(inner) <= 40:
        return True  # "(APPLAUSE)", "[CROSSTALK]"
    # White House style: "(Laughter.)", "(The material referred to follows:)".
    return bool(re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+){0,8}[.:]", inner.strip()))


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
