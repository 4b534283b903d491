"""Quantity: numbers, amounts, ranks and dates that differ for the same thing."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _related, _share_topic, phrase, text_of
from counterpoint.engine.detect.modality import _after
from counterpoint.engine.features import UNITS, Cue
from counterpoint.engine.lexicons import closed_class

TIME_UNITS = closed_class("time-units")


def _distance_to_shared(a: Side, b: Side, cue: Cue, on_a: bool) -> int:
    """Tokens between a cue and the nearest word its sentence shares with the other sentence."""
    mine, other = (a, b) if on_a else (b, a)
    near = [k for lemma, k in mine.f.content.items() if lemma in other.f.content]
    return min((abs(k - cue.lo) for k in near), default=40)


QUANTITY_LABELS = {"none": "none", "some": "some", "date": "a date"}


def _rank_label(c: Cue) -> str:
    """How a rank or a comparison places its thing, in words for a reason."""
    if c.value == "rank":
        return "the first" if c.number == 1.0 else f"number {int(c.number or 0)}"
    if c.value == "comparison":
        return "beneath another" if c.polarity < 0 else "above another"
    if c.value == "date":
        return "a date"
    return ""


EXISTENTIAL_AUX = closed_class("existential-aux")


def _existential(side: Side, c: Cue) -> bool:
    """Whether a quantifier opens what a "there is" clause says exists ("there will be no checks")."""
    norms, k = side.doc.norms, c.lo - 1
    while k >= side.f.sentence.lo and norms[k] in EXISTENTIAL_AUX:
        k -= 1
    return k >= side.f.sentence.lo and norms[k] in ("there", "there's")


def _rank_contrast(a: Side, b: Side, x: Cue, y: Cue) -> float:
    """The first of its kind against a lower rank ("the biggest" / "the eighth-largest"), or against
    a comparison that puts it below another ("the largest audience" / "fewer than the 37.8 million")."""
    r, o = (x, y) if x.value == "rank" else (y, x)
    if r.number != 1.0 and o.number != 1.0:
        return 0.0
    if o.value == "rank":
        clash = o.polarity == r.polarity and o.number != r.number
    elif o.value == "comparison":
        top = r if r.number == 1.0 else o
        clash = top is r and o.polarity == -r.polarity
    else:
        return 0.0
    cues = {a.doc.lemmas[k] for k in range(x.lo, x.hi)} | {b.doc.lemmas[k] for k in range(y.lo, y.hi)}
    return 0.65 if clash and _share_topic(a, b, cues) else 0.0


def quantity(a: Side, b: Side) -> Iterator[Candidate]:
    """Different numbers or quantifiers for the same thing."""
    for x in a.f.quantity:
        for y in b.f.quantity:
            same_noun = bool(x.noun and y.noun and _related(x.noun, y.noun))
            strength = 0.0
            if "year" in (x.value, y.value):
                if x.value == y.value and x.number != y.number:
                    strength = 0.5
            elif "date" in (x.value, y.value):
                # two days named for one matter ("leave on October 31st" / "no later than 31 January")
                strength = 0.65 if x.value == y.value and x.number != y.number else 0.0
            elif "rank" in (x.value, y.value):
                strength = _rank_contrast(a, b, x, y)
            elif x.value == "number" and y.value == "number":
                unit = x.noun in UNITS or y.noun in UNITS
                if same_noun and x.number != y.number and (not unit or _share_topic(a, b, {x.noun})):
                    strength = 0.7
            elif {x.value, y.value} == {"number", "range"}:
                num, rng = (x, y) if x.value == "number" else (y, x)
                low = rng.number or 0.0
                outside = num.number is not None and not low <= num.number < 10 * low
                counts_time = num.noun in TIME_UNITS  # "two decades" is a duration, not a count
                if outside and not counts_time and (same_noun or _share_topic(a, b, {x.noun, y.noun})):
                    strength = 0.65
            elif "number" in (x.value, y.value):
                num, other = (x, y) if x.value == "number" else (y, x)
                if other.value == "none" and same_noun:
                    strength = 0.7
                elif other.value == "none" and other.noun in (a if x is num else b).f.content:
                    # "no classified material" against "110 e-mails ... classified": the nearer
                    # a number stands to the shared words, the likelier it counts the same thing
                    strength = 0.6 - 0.002 * min(40, _distance_to_shared(a, b, num, x is num))
            elif "average" in (x.value, y.value):
                other = y if x.value == "average" else x
                if other.value == "all":
                    strength = 0.65
            elif x.polarity != y.polarity and same_noun:
                strength = 0.7
            elif {x.value, y.value} == {"none", "some"} and _existential(a, x) and _existential(b, y):
                # "there will be no checks on goods" / "there will be some new processes for goods":
                # what exists is in other words, the sentences must share what it is about
                # ... and what it is said of, in the words right after ("no fees for students" /
                # "some new charges for students"), not merely somewhere in the two sentences
                near_x, near_y = _after(a.doc, x.hi, a, 7) - {x.noun}, _after(b.doc, y.hi, b, 7) - {y.noun}
                near = same_noun or any(_related(p, q) for p in near_x for q in near_y)
                strength = 0.6 if near and _share_topic(a, b, {x.noun, y.noun}) else 0.0
            if strength:
                pa, pb = phrase(a.doc, x.lo, x.hi), phrase(b.doc, y.lo, y.hi)
                about = f" ({x.noun})" if same_noun else ""
                lx, ly = QUANTITY_LABELS.get(x.value, ""), QUANTITY_LABELS.get(y.value, "")
                if x.value in ("rank", "date", "comparison") or y.value in ("rank", "date", "comparison"):
                    lx = _rank_label(x) or lx
                    ly = _rank_label(y) or ly
                    about = ""
                tx = f" ({lx})" if lx else ""
                ty = f" ({ly})" if ly else ""
                reason = f"'{text_of(a.doc, pa)}'{tx} against '{text_of(b.doc, pb)}'{ty}{about}"
                yield Candidate(pa, pb, "quantity", strength, reason, (x.lo, x.hi), (y.lo, y.hi))
