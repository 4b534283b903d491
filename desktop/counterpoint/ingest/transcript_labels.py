"""Finding the speaker labels of a transcript: every layout the importer reads ("NAME:", "Q", "The CHAIRMAN.",
WebVTT voice tags, names in brackets, closed captions, and the fallbacks for names alone on a line, initials and
stamped names in running text), each read line by line so the whole stays linear in the text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from counterpoint.ingest.deadline import check_time
from counterpoint.ingest.transcript_cast import is_title_word, label_key, label_words

# At least this many labelled turns make a dialogue (and, covering enough of the text, a transcript).
MIN_TURNS = 4

# The head of a line-start label: up to 90 characters before a colon, after a court transcript's line number
# ("4 MR PHILLIPS:"), a bullet, a stage direction ("(APPLAUSE) CLINTON:") or a committee's question number
# ("Q1 Chair:"). The name itself is checked in Python.
_TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.;,]\d{1,3})?"
_LINE_LABEL = re.compile(
    rf"[ \t\xa0]*(?:\d{{1,2}}[ \t\xa0]+(?=[A-Z]))?(?:[•·▪◦][ \t\xa0]*)?(?:[\(\[][A-Za-z][^()\[\]\n:]{{0,38}}[\)\]][ \t\xa0]+)?(?:Q\d{{1,4}}[ \t\xa0]+)?(?:[\(\[]?{_TIMESTAMP}[\)\]]?[ \t\xa0]+)?(?:\[\*\][ \t\xa0]*)?(?P<head>[A-Z][^:\n]{{0,89}}?(?:[ \t\xa0]*[\(\[]{_TIMESTAMP}[\)\]])?)[ \t\xa0]*:(?=[ \t\xa0]|$|[A-Z“\"‘'(])"
)
# "Q    Thanks, Josh." (White House briefings print the questioner as Q and spaces, no colon), "Q. Did anyone…".
_Q_LABEL = re.compile(r"[ \t\xa0]*(?P<head>Q)(?:[ \t\xa0]{2,}|\t|[ \t\xa0](?=[A-Z])|\.[ \t\xa0]+)(?=\S)")
# WebVTT voice tags ("<v Speaker 1>What if …", "<v.loud Katie Couric>Hello"); a bracketed unknown ("(UNKNOWN): Right.").
_VOICE_LABEL = re.compile(r"[ \t\xa0]*<v(?:\.[\w.\-]+)*[ \t]+(?P<head>[^<>\n]{1,60})>[ \t\xa0]*")
# A name in square brackets opening a line ("[Malcolm Roberts] Thank you Chair."); a direction ("[Laughter]") is not.
_BRACKET_LABEL = re.compile(r"[ \t\xa0]*\[(?P<head>[A-Z][A-Za-z.'’\- ]{1,60})\][ \t\xa0]+(?=\S)")
_UNKNOWN_LABEL = re.compile(r"[ \t\xa0]*\((?P<head>[A-Z][A-Za-z ]{2,30})\)[ \t\xa0]*:[ \t\xa0]+")
# A caption file's cue timing ("0:00:02.920 --> 0:00:06.120", SubRip's "00:00:01,000 --> …") or cue number.
CUE_TIMING = re.compile(
    r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[^\n]*"
)
# Hearing style: "The CHAIRMAN. The committee ...", "Mr. BURNS. I have ...", "Senator WARNER. Thank you".
_GPO_TITLES = (
    r"(?:Mr\.|Mrs\.|Ms\.|Dr\.|Senator|Representative|Chairman|Chairwoman|Secretary|General|Admiral|Director|"
    r"Judge|Justice|Governor|Ambassador)"
)
_GPO_LABEL = re.compile(
    rf"[ \t\xa0]*(?P<head>(?:The|{_GPO_TITLES})[ \t\xa0]+[A-Z][A-Z'\-]{{1,30}}(?:[ \t\xa0]+of[ \t\xa0]+[A-Z][a-z]+)?)"
    r"\.[ \t\xa0]+(?=\S)"
)
# A capitals label inside a line, after the end of a sentence, a wide gap or a line number ("...about?
# CONDOLEEZZA RICE:", a PDF flattened to one line: "... New York. CROWLEY: The Gallup ...", "… 2 MS PRICE: Good"). Each word is bounded.
_INLINE_LABEL = re.compile(
    r"(?:(?<=[.?!\"”’)\]–—])[ \t\xa0]+|(?<![ \t\xa0])[ \t\xa0]{2,}|(?<=\s\d)[ \t]|(?<=\s\d\d)[ \t])(?:\[\*\][ \t\xa0]*)?"
    r"(?P<head>[A-Z][A-Z.'’\-]{0,24}(?:[ \t\xa0][A-Z][A-Z.'’\-]{0,24}){0,4}(?:,[ \t\xa0][A-Z][A-Z .'\-]{1,40})?)[ \t\xa0]?:[ \t\xa0]"
)
# Hearing style inside a line (a PDF page flattened): "… today. The CHAIRMAN. Let us start Senator SARBANES. Mr.
# Chairman, …": the surname (or the chair's title) in capitals marks the label.
_GPO_INLINE = re.compile(
    r"(?<=\s)(?P<head>(?:The[ \t]+(?:CHAIRMAN|CHAIRWOMAN|CHAIR|PRESIDENT|SPEAKER|CLERK|WITNESS)|"
    rf"{_GPO_TITLES}[ \t]+[A-Z][A-Z'\-]{{2,30}}))\.[ \t]+(?=[A-Z])"
)
# A court transcript's numbered lines, flattened: "… 10 A. Natasha Bernard. 11 Q. You should have …".
_NUMBERED_QA = re.compile(
    r"(?:(?<=\s\d)|(?<=\s\d\d)|(?<=^\d)|(?<=^\d\d))[ \t]+(?P<head>[QA])\.[ \t]+(?=\S)", re.MULTILINE
)
_NUMBERED_LINE = re.compile(r"\s\d{1,2}\s+[A-Z]{2}")
# Initials at the start of a line, no colon ("GG The main purpose …", "VW Sure…"): read only as a fallback.
_INITIALS = re.compile(r"[ \t\xa0]*(?P<head>[A-Z]{2,3})[ \t\xa0]+(?=[A-Z“\"‘'])")
_PAREN = re.compile(r"[ \t\xa0]*[\(\[](?P<inner>[^()\[\]\n]{1,60})[\)\]]")
_LEADING_STAMP = re.compile(rf"[ \t\xa0]*[\(\[]?{_TIMESTAMP}[\)\]]?[ \t\xa0]*")
# A stage direction or a transcriber's note: a short bracketed run, a time stamp.
DIRECTION = re.compile(rf"[\(\[](?P<inner>[^()\[\]\n]{{1,80}})[\)\]]|(?<![\w:]){_TIMESTAMP}(?![\w:])")
PAGE_FURNITURE = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?:page[ \t]+)?\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?(?:[ \t]*-)?[ \t]*"
)
SENTENCE_END = re.compile(r"[.?!:\"”’)\]—–-][ \t]*$")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’\-.]*|[A-Z]\.|\d{1,3}|of|de|da|van|von|bin|al|la|le|del|der|den|du")


@dataclass(frozen=True)
class Label:
    start: int  # where the label starts in the text
    end: int  # where the words start
    name: str
    role: str | None
    note: str | None  # "(voiceover)", "(clip)"
    at_line_start: bool = True


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


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, the deadline checked at each."""
    position = 0
    length = len(text)
    while position < length:
        check_time()
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        yield position, line_end
        position = line_end + 1


def _dialogue(labels: list[Label]) -> bool:
    """Whether labels read as a dialogue: at least MIN_TURNS of them, and some name coming back (not an article's
    subheadings, each once)."""
    keys = [label_key(label.name) for label in labels]
    return len(labels) >= MIN_TURNS and len(set(keys)) < len(keys)


def _caption_labels(text: str, not_speakers: frozenset[str]) -> list[Label]:
    found: list[Label] = []
    for match in _CAPTION_LABEL.finditer(text):
        check_time()
        head = " ".join(w.capitalize() for w in match["head"].split())
        parsed = _parse_head(head, not_speakers)
        if parsed is not None:
            found.append(Label(match.start("head"), match.end(), *parsed, at_line_start=False))
    taken = {label.start for label in found}
    for match in _CHEVRONS.finditer(text):
        if match.end() not in taken and match.end() + 1 not in taken:  # ">> announcer:" is the label's
            found.append(Label(match.start(), match.end(), ">>", None, None, at_line_start=False))
    return sorted(found, key=lambda label: label.start)


def find_labels(text: str) -> list[Label]:
    words = label_words()
    if _is_captions(text):
        return _caption_labels(text, words.not_speakers)
    found: list[Label] = []
    for position, line_end in _lines(text):
        label = _line_label(text, position, line_end, words.not_speakers)
        inline_from = position
        if label is not None:
            found.append(label)
            inline_from = label.end
        for match in _NUMBERED_QA.finditer(text, inline_from, line_end):
            found.append(
                Label(match.start("head"), match.end(), match["head"], None, None, at_line_start=False)
            )
        for match in _GPO_INLINE.finditer(text, inline_from, line_end):
            parsed = _parse_head(match["head"], words.not_speakers)
            if parsed is not None:
                words_at = _after_stamp(text, match.end(), line_end)
                found.append(Label(match.start("head"), words_at, *parsed, at_line_start=False))
        for match in _INLINE_LABEL.finditer(text, inline_from, line_end):
            parsed = _parse_head(match["head"], words.not_speakers)
            if parsed is not None and len(match["head"]) >= 2:
                name, role, note = parsed
                start = match.start("head")
                words_at = _after_stamp(text, match.end(), line_end)
                found.append(Label(start, words_at, name, role, note, at_line_start=False))
    kept = _keep_recurring_inline(text, found)
    if len(kept) < MIN_TURNS:
        by_name = max(
            (
                _photo_of_labels(text, words.not_speakers),
                _name_line_labels(text, words.not_speakers),
                _initial_labels(text, words.not_speakers),
                _stamped_labels(text, words.not_speakers),
            ),
            key=len,
        )
        if len(by_name) > len(kept):
            return by_name
        titled = _titled_inline_labels(text, kept, words.not_speakers)
        if len(titled) >= MIN_TURNS:
            return titled
    return kept


# A label in ordinary case inside running text, after a sentence: "… being with us. Governor Christie: Thank you."
_TITLED_INLINE = re.compile(
    r"(?:(?<=[.?!\"”’)\]])[ \t\xa0]+|^)(?P<head>[A-Z][a-z]+(?:[ \t][A-Z][a-z'’\-]+){0,3}):[ \t\xa0]+(?=\S)",
    re.MULTILINE,
)


def _titled_inline_labels(text: str, kept: list[Label], not_speakers: frozenset[str]) -> list[Label]:
    """The labels found, with those in ordinary case inside running text whose name comes back (a dialogue,
    not "Note: …" once)."""
    found: list[Label] = []
    for match in _TITLED_INLINE.finditer(text):
        check_time()
        parsed = _parse_head(match["head"], not_speakers)
        if parsed is not None:
            found.append(Label(match.start("head"), match.end(), *parsed, at_line_start=False))
    counts = Counter(label_key(label.name) for label in found)
    taken = {label.start for label in kept}
    more = [label for label in found if counts[label_key(label.name)] >= 2 and label.start not in taken]
    return sorted(kept + more, key=lambda label: label.start) if more else []


# mySociety's parliament sites (TheyWorkForYou, KildareStreet, OpenAustralia) as saved text: "Photo of Liam
# TwomeyLiam Twomey (Wexford, Fine Gael)", a "Link to this: …" line, then the words.
_PHOTO_OF = re.compile(
    r"^Photo of (?P<name>[A-Z][^\n()]{1,60}?)(?P=name) \((?P<role>[^()\n]{2,60})\)[ \t]*$", re.MULTILINE
)


def _photo_of_labels(text: str, not_speakers: frozenset[str]) -> list[Label]:
    """Labels of the "Photo of NAME" layout (two of them or more: the layout itself says it is a debate)."""
    found: list[Label] = []
    for match in _PHOTO_OF.finditer(text):
        check_time()
        parsed = _parse_head(match["name"], not_speakers)
        if parsed is None:
            continue
        words_at = match.end() + 1
        link = text.startswith("Link to this", words_at)
        if link:
            newline = text.find("\n", words_at)
            words_at = len(text) if newline < 0 else newline + 1
        found.append(Label(match.start(), words_at, parsed[0], match["role"], None))
    return found if len(found) >= 2 else []


# An audio transcription flattened into running text: "… Holly Headrick, News 13 WLOS 0:05 It's one of …".
_STAMPED_NAME = re.compile(
    r"(?<!\S)(?P<head>[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){1,2}(?:, [A-Za-z0-9][A-Za-z0-9 .&'’\-]{1,40}?)?) "
    r"(?P<stamp>\d{1,2}:\d{2}(?::\d{2})?) (?=[A-Z\"“‘'])"
)


def _stamped_labels(text: str, not_speakers: frozenset[str]) -> list[Label]:
    """Labels of a name (and role) then a time stamp inside running text, when at least MIN_TURNS of them
    are found and some name comes back."""
    found: list[Label] = []
    for match in _STAMPED_NAME.finditer(text):
        check_time()
        parsed = _parse_head(match["head"], not_speakers)
        if parsed is not None:
            found.append(Label(match.start("head"), match.end(), *parsed, at_line_start=False))
    return found if _dialogue(found) else []


def _initial_labels(text: str, not_speakers: frozenset[str]) -> list[Label]:
    """Initials opening lines as labels ("GG The main purpose …"), when at least MIN_TURNS lines open so, with
    two sets of initials or more and one coming back; initials a text also uses as a word elsewhere ("US",
    "UN") are not a speaker's."""
    found: list[Label] = []
    for position, line_end in _lines(text):
        match = _INITIALS.match(text, position, line_end)
        if match is not None and label_key(match["head"]) not in not_speakers:
            found.append(Label(match.start("head"), match.end(), match["head"], None, None))
    if not _dialogue(found) or len({label.name for label in found}) < 2:
        return []
    inside = {m[0].lower() for m in re.finditer(r"(?<=[a-z,;] )[A-Z]{2,3}\b", text[:200_000])}
    return [label for label in found if label_key(label.name) not in inside]


# A speaker's name alone on its line, no colon ("Operator", "The Chair Conservative Rick Casson", "Steve Filton"),
# the words on the lines after it: read only when a text has too few colon labels, and only as a dialogue.
_NAME_LINE = re.compile(
    r"[ \t\xa0]*(?P<head>[A-Z][\w.'’\-]*(?:[ \t\xa0]+[\w.'’\-—–]+){0,7})[ \t\xa0]*(?:,[^\n,]{1,30})?$"
)


def _name_line_labels(text: str, not_speakers: frozenset[str]) -> list[Label]:
    """Labels that are a name alone on a line (see _NAME_LINE): each followed by a line of words, and only when
    there are at least MIN_TURNS of them and some name comes back (a dialogue, not an article's subheadings)."""
    found: list[Label] = []
    for position, line_end in _lines(text):
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
                found.append(Label(match.start("head"), words_at, parsed[0], parsed[1], parsed[2]))
    # a line of metadata under a name ("Very Positive") reaches the same words as the name: the name keeps them
    words_taken: set[int] = set()
    kept = []
    for label in found:
        if label.end not in words_taken:
            words_taken.add(label.end)
            kept.append(label)
    return kept if _dialogue(kept) else []


_TIME_RANGE = re.compile(
    r"[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[-–][ \t]*\d{1,2}:\d{2}(?::\d{2})?)?(?:[ \t]*\([^()\n]{0,20}\))?[ \t]*"
)


def _next_line_with_words(text: str, line_end: int) -> int | None:
    """Where the words after a name line start: the next line holding a sentence's words (three words or more,
    or a full stop), past blank lines, time stamps ("00:00:26-00:00:27 (1 sec)") and one short line of
    metadata before them ("Very Positive")."""
    position = line_end + 1
    metadata_seen = False
    for _ in range(6):
        if position >= len(text):
            return None
        newline = text.find("\n", position)
        end = len(text) if newline < 0 else newline
        line = text[position:end].strip()
        if line and not _TIME_RANGE.fullmatch(text, position, end):
            ends = line.endswith((".", "?", "!", "…", "—", "-", '"', "”"))
            named = _NAME_LINE.match(text, position, end) is not None and not ends
            if named and len(line.split()) <= 3 and not metadata_seen:
                metadata_seen = True  # one line of metadata between a name and its words
            else:
                sentence = (
                    ends or len(line.split()) >= 3 or re.search(r"[.?!][\"”]?[ \t]*\d*$", line) is not None
                )
                return position if sentence and not named else None
        position = end + 1
    return None


def _line_label(text: str, start: int, end: int, not_speakers: frozenset[str]) -> Label | None:
    for pattern in (_LINE_LABEL, _Q_LABEL, _GPO_LABEL, _VOICE_LABEL, _UNKNOWN_LABEL, _BRACKET_LABEL):
        match = pattern.match(text, start, end)
        if match is None:
            continue
        parsed = _parse_head(match["head"], not_speakers)
        if parsed is None:
            continue
        if pattern is _LINE_LABEL and _NUMBERED_LINE.search(match["head"]):
            continue  # "1 Friday, 10 November 2023 2 MS PRICE:": a flattened court transcript's next line
        glued = pattern is _LINE_LABEL and match.end() < end and not text[match.end()].isspace()
        if glued and not match["head"].isupper():
            continue  # "CHUCK TODD:Can Hillary…" has lost its space; "Note:See" is no label
        name, role, note = parsed
        words_at = _after_stamp(text, match.end(), end)
        if words_at >= end:  # the label alone on its line: the words follow on the next lines
            words_at = end
        if pattern is _BRACKET_LABEL and (
            is_direction(match["head"]) or label_key(match["head"]) in label_words().directions
        ):
            continue
        start = match.start("head")
        if pattern is _VOICE_LABEL or pattern is _UNKNOWN_LABEL or pattern is _BRACKET_LABEL:
            start = match.start() + len(match[0]) - len(match[0].lstrip())  # the tag's "<v" or "(" opens it
        return Label(start, words_at, name, role, note)
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


def _keep_recurring_inline(text: str, labels: list[Label]) -> list[Label]:
    """A capitals label inside a line is kept when its name also starts a line, recurs, or is a full name."""
    counts: dict[str, int] = {}
    at_line_start: set[str] = set()
    for label in labels:
        key = label_key(label.name)
        counts[key] = counts.get(key, 0) + 1
        if label.at_line_start:
            at_line_start.add(key)
    kept: list[Label] = []
    seen_starts: set[int] = set()
    for label in sorted(labels, key=lambda lab: lab.start):
        if label.start in seen_starts:
            continue
        key = label_key(label.name)
        if key in at_line_start or counts[key] >= 2 or " " in label.name or key in label_words().unnamed:
            kept.append(label)
            seen_starts.add(label.start)
    return kept


def is_direction(inner: str) -> bool:
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
