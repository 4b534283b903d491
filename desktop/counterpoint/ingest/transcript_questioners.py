"""Naming the questioners a transcript prints only as "QUESTION:" or "Q:": by the name the answer opens with
("Matt, the department is pursuing this."), the name the host calls on ("With that, Matt."), or the name the
questioner gives ("Jahanzaib Ali from ARY News."). A first name becomes the full name the text gives it; a
questioner between two turns named the same way, with no one else called on, is that person too. In a
conversation of two, a guest labelled by surname alone gets the first name the other keeps calling them by."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import TYPE_CHECKING

from counterpoint.ingest.lexicon import word_class
from counterpoint.ingest.transcript_cast import is_title_word

if TYPE_CHECKING:
    from counterpoint.ingest.transcript import Turn

# "Matt, you don't need to be combative": a first name and a comma opening the answer
_OPENING_VOCATIVE = re.compile(r"[\s—–-]*(?P<name>[A-Z][a-z]{1,20}),[ \t]")
# "With that, Matt.", "Go ahead, Said." closing the host's turn; "Thank you, Matt." is a farewell, not a call
_CLOSING_CALL = re.compile(r"(?<![Tt]hanks)(?<![Tt]hank you),[ \t]+(?P<name>[A-Z][a-z]{1,20})[.?!]?[ \t]*$")
# "Jahanzaib Ali from ARY News.", "Hi, this is Dana Ruiz with the Ledger": a questioner naming themselves
_SELF_INTRODUCTION = re.compile(
    r"[ \t]*(?:(?:Hi|Hello|Yes|Thanks|Thank you)[,.!]?[ \t]+)?(?:(?:I'm|I’m|This is|It's|It’s)[ \t]+)?"
    r"(?P<name>[A-Z][a-z]{1,20}(?:[ \t]+[A-Z][a-z'’\-]{1,20}){1,2})[ \t]+(?:from|with)[ \t]+(?:the[ \t]+)?[A-Z]"
)


def name_questioners(text: str, turns: list[Turn], first_names: dict[str, str]) -> list[Turn]:
    """`turns` with unnamed questioners named where the text names them; `first_names` maps a first name
    (lower case) to the one full name the text gives it."""
    named: list[str | None] = [None] * len(turns)
    for i, turn in enumerate(turns):
        if turn.speaker is not None:
            continue
        named[i] = _introduced(text, turn) or _called_on(text, turns, i, first_names)
    _fill_between(turns, named)
    turns = [
        dataclasses.replace(turn, speaker=name) if name is not None and turn.speaker is None else turn
        for turn, name in zip(turns, named, strict=True)
    ]
    return _first_name_from_the_other(text, turns, first_names)


def _first_words(text: str, turn: Turn) -> str:
    start, end = turn.paragraphs[0][0]
    return text[start : min(end, start + 120)]


def _introduced(text: str, turn: Turn) -> str | None:
    match = _SELF_INTRODUCTION.match(_first_words(text, turn))
    return " ".join(match["name"].split()) if match else None


def _called_on(text: str, turns: list[Turn], i: int, first_names: dict[str, str]) -> str | None:
    """The full name of the first name the answer opens with, or the host's turn before closes with."""
    candidates: list[tuple[str, str | None]] = []  # (first name, who said it)
    if i + 1 < len(turns) and turns[i + 1].speaker is not None:
        match = _OPENING_VOCATIVE.match(_first_words(text, turns[i + 1]))
        if match:
            candidates.append((match["name"], turns[i + 1].speaker))
    if i == 0 or turns[i - 1].speaker is not None:
        # the host's turn before, or for the first question the line before it ("With that, Matt.")
        floor = turns[i - 1].paragraphs[-1][-1][0] if i > 0 else 0
        end = turns[i - 1].paragraphs[-1][-1][1] if i > 0 else turns[i].label_span[0]
        while end > floor and text[end - 1].isspace():
            end -= 1
        match = _CLOSING_CALL.search(text, max(floor, end - 80), end)
        if match:
            candidates.append((match["name"], turns[i - 1].speaker if i > 0 else None))
    for first, speaker in candidates:
        full = first_names.get(first.lower())
        if full is not None and full != speaker:
            return full
    return None


def _fill_between(turns: list[Turn], named: list[str | None]) -> None:
    """An unnamed questioner between two questioner turns given one name, with only named speakers between
    them (the answerer), is that questioner: a reporter's follow-ups."""
    last: tuple[int, str] | None = None  # the last questioner turn given a name
    for i, turn in enumerate(turns):
        if turn.speaker is not None:
            continue
        name = named[i]
        if name is None:
            continue
        if last is not None and last[1] == name:
            for j in range(last[0] + 1, i):
                if turns[j].speaker is None:
                    named[j] = name
        last = (i, name)


# ", Manto." closing a sentence of the turn
_VOCATIVE_IN_TURN = re.compile(r",[ \t]+(?P<name>[A-Z][a-z]{1,20})[.?!]")


def _first_name_from_the_other(text: str, turns: list[Turn], first_names: dict[str, str]) -> list[Turn]:
    """Two speakers, one labelled by a surname alone ('Tshabalala-Msimang:'): a first name the other calls
    them by twice or more ('You haven't answered the question, Manto.', 'Manto, Manto.'), that is no one's
    the text names in full, is theirs."""
    parties = {_party(turn) for turn in turns}  # an unnamed interviewer ('Host:') is a party too
    if len(parties) != 2:
        return turns
    short = [name for name in parties if len(name.split()) == 1 and not is_title_word(name)]
    if len(short) != 1 or short[0] not in {turn.speaker for turn in turns}:
        return turns
    guest = short[0]
    (host,) = parties - {guest}
    called: Counter[str] = Counter()
    for turn in turns:
        if _party(turn) != host:
            continue
        for paragraph in turn.paragraphs:
            for start, end in paragraph:
                opening = _OPENING_VOCATIVE.match(text, start, end)
                if opening:
                    called[opening["name"]] += 1
                called.update(m["name"] for m in _VOCATIVE_IN_TURN.finditer(text, start, end))
    host_words = {word.lower() for word in host.split()}
    for opener in word_class("address-openers") & {name.lower() for name in called}:
        del called[opener.capitalize()]  # "Well, look, …" opens a reply; it calls no one
    chosen = [
        name
        for name, count in called.most_common(2)
        if count >= 2 and name.lower() not in host_words and name.lower() not in first_names
    ]
    if not chosen or (len(called) > 1 and called.most_common(2)[1][1] == called[chosen[0]]):
        return turns  # no name, or two called as often: not one guest's
    full = f"{chosen[0]} {guest}"
    return [dataclasses.replace(turn, speaker=full) if turn.speaker == guest else turn for turn in turns]


def _party(turn: Turn) -> str:
    return turn.speaker if turn.speaker is not None else turn.label.rstrip(":").strip().lower()
