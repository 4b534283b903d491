"""Reviewing the quotations an import proposes before any is kept: one spelling of each speaker and one role
across the import (and the project); a quotation already in the project flagged and left unchecked, one inside
another quotation flagged, one below the confidence threshold unchecked (issue 12)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from counterpoint.ingest import Quote
from counterpoint.ingest.quotes import ELLIPSIS, omissions
from counterpoint.store import Project

ALREADY = "already in the project"
CONTAINED = "inside another quotation"
LOW_CONFIDENCE = "below the confidence threshold"
NO_SPEAKER = "no speaker"
# A quotation's candidates for "contains it" are looked up by its first words, so checking every quotation
# stays near linear; past this many candidates a quotation is not compared further.
_MAX_CANDIDATES = 64


@dataclass(frozen=True)
class Proposal:
    """A quotation as the preview and `import --quotes` offer it: checked or not, and why not."""

    quote: Quote
    checked: bool
    flags: tuple[str, ...] = ()

    @property
    def joined(self) -> str:
        """'' for a quotation in one piece, else how its parts are joined ('2 parts joined with …')."""
        cuts = omissions(self.quote)
        return f"{cuts + 1} parts joined with {ELLIPSIS.strip()}" if cuts else ""


def words_of(text: str) -> str:
    """The words of a quotation for comparison: case, punctuation, ellipses and spacing left out."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace(ELLIPSIS, " ").casefold()).split())


def _surname(name: str) -> str:
    words = name.casefold().replace(".", "").split()
    while len(words) > 1 and words[-1] in ("jr", "sr", "ii", "iii", "iv"):
        words.pop()
    return words[-1] if words else ""


def unify_speakers(quotes: Sequence[Quote], known: Sequence[tuple[str, str]] = ()) -> list[Quote]:
    """One spelling per person and one role: a name the project already has is written as there; a surname
    alone or a shorter form ('Tarrant', 'Perry Tarrant') takes the fullest form the import gives; each person
    gets the project's role, else the role the import gives most often ('Attorney General', 'U.S. Attorney
    General' and 'US Attorney General' become one)."""
    by_key: dict[str, str] = {}  # casefolded name -> spelling
    project_role: dict[str, str] = {}
    for known_name, known_role in known:
        by_key.setdefault(known_name.casefold(), known_name)
        if known_role:
            project_role.setdefault(known_name.casefold(), known_role)
    fullest: dict[str, str] = {}  # surname -> the longest name of a person with that surname in the import
    for quote in quotes:
        if quote.speaker and quote.speaker[:1].isupper() and not quote.speaker.casefold().startswith("the "):
            last = _surname(quote.speaker)
            if len(quote.speaker.split()) > len(fullest.get(last, "").split()):
                fullest[last] = quote.speaker

    def canonical(name: str) -> str:
        if name.casefold() in by_key:
            return by_key[name.casefold()]
        longer = fullest.get(_surname(name), name)
        # a shorter form is the same person only when all its words are in the fuller one ("Perry Tarrant")
        if set(name.casefold().split()) <= set(longer.casefold().split()):
            name = longer
        return by_key.get(name.casefold(), name)

    names = [canonical(q.speaker) if q.speaker else None for q in quotes]
    roles: dict[str, Counter[str]] = {}
    for spelled, quote in zip(names, quotes, strict=True):
        if spelled and quote.role:
            roles.setdefault(spelled, Counter())[quote.role] += 1
    chosen = {
        name: project_role.get(name.casefold()) or counts.most_common(1)[0][0]
        for name, counts in roles.items()
    }
    unified = []
    for spelled, quote in zip(names, quotes, strict=True):
        if spelled:
            role = chosen.get(spelled) or project_role.get(spelled.casefold()) or quote.role
            quote = dataclasses.replace(quote, speaker=spelled, role=role)
        unified.append(quote)
    return unified


def _shingle(words: str) -> str:
    return " ".join(words.split()[:3])


def _containing(
    index: dict[str, list[int]], texts: Sequence[str], words: str, skip: int | None
) -> int | None:
    """The index of a text in `texts` that holds `words` (not `skip`), through the first-words index."""
    for at in index.get(_shingle(words), [])[:_MAX_CANDIDATES]:
        longer = len(texts[at]) > len(words) or skip is None or at < skip  # of two equal ones, the later
        if at != skip and len(texts[at]) >= len(words) and longer and words in texts[at]:
            return at
    return None


def _index(texts: Sequence[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for at, text in enumerate(texts):
        words = text.split()
        for n in range(max(1, len(words) - 2)):
            key = " ".join(words[n : n + 3])
            bucket = index.setdefault(key, [])
            if not bucket or bucket[-1] != at:
                bucket.append(at)
    return index


def review_quotes(
    project: Project | None, quotes: Sequence[Quote], *, min_confidence: float = 0.0
) -> list[Proposal]:
    """Each proposed quotation with whether it starts checked and the flags that say why not."""
    statements = project.statements() if project is not None else []
    known = [(s.speaker, s.role) for s in statements]
    if project is not None:
        known += [(s.name, s.role) for s in project.speakers()]
    unified = unify_speakers(quotes, known)
    kept_texts = [words_of(s.text) for s in statements]
    kept_speakers = [s.speaker.casefold() for s in statements]
    kept_index = _index(kept_texts)
    texts = [words_of(q.text) for q in unified]
    index = _index(texts)
    proposals = []
    for at, quote in enumerate(unified):
        flags = []
        words = texts[at]
        if not quote.speaker:
            flags.append(NO_SPEAKER)
        if words:
            held = _containing(kept_index, kept_texts, words, None)
            if held is not None and (not quote.speaker or kept_speakers[held] == quote.speaker.casefold()):
                flags.append(ALREADY)
            elif _containing(index, texts, words, at) is not None:
                flags.append(CONTAINED)
        if quote.confidence < min_confidence:
            flags.append(LOW_CONFIDENCE)
        # a quotation inside another is flagged but stays checked: the short one is often the phrase a
        # comparison needs ("in a lawful way" inside the sentence that says it)
        checked = not any(flag in (NO_SPEAKER, ALREADY, LOW_CONFIDENCE) for flag in flags)
        proposals.append(Proposal(quote, checked=checked, flags=tuple(flags)))
    return proposals
