"""Modality: obligation against permission or prohibition, certainty against a hedge or a refusal."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _beyond, _related, phrase, text_of
from counterpoint.engine.features import Cue
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import STOPWORDS, Document

LIGHT_VERBS = closed_class("light-verbs")


def _after(doc: Document, k: int, side: Side, width: int = 4) -> set[str]:
    hi = min(side.f.sentence.hi, k + width)
    return {doc.lemmas[j] for j in range(k, hi) if doc.tokens[j].word and doc.lemmas[j] not in STOPWORDS}


FIRM_FUTURE = closed_class("firm-future")


def _modal_class(c: Cue, doc: Document) -> str:
    if not c.negated:
        return c.value
    if c.value == "certainty" and doc.norms[c.lo] in FIRM_FUTURE:
        return "refusal"  # "not going to raise taxes" is a refusal, not a hedge
    return {
        "certainty": "hedge",
        "obligation": "no-obligation",
        "permission": "prohibition",
        "intention": "refusal",
        "directive": "prohibition",
    }.get(c.value, "")


MODAL_CONTRASTS = {
    frozenset(("certainty", "hedge")): (0.7, False),
    frozenset(("certainty", "inability")): (0.6, False),
    frozenset(("obligation", "no-obligation")): (0.7, True),
    frozenset(("obligation", "refusal")): (0.7, True),
    frozenset(("obligation", "prohibition")): (0.7, True),
    frozenset(("permission", "prohibition")): (0.7, False),
    frozenset(("intention", "refusal")): (0.7, True),
    # "there's not going to be any such rule" against "this could well be where we end up"
    frozenset(("refusal", "hedge")): (0.7, False),
}
MODAL_NAMES = {
    "certainty": "certainty",
    "hedge": "hedge",
    "inability": "inability",
    "obligation": "obligation",
    "no-obligation": "no obligation",
    "refusal": "refusal",
    "prohibition": "prohibition",
    "permission": "permission",
    "intention": "intention",
}


def _scope_lemmas(side: Side, c: Cue) -> set[str]:
    doc = side.doc
    hi = min(side.f.sentence.hi, c.hi + 6)
    return {doc.lemmas[k] for k in range(c.hi, hi) if doc.tokens[k].word and doc.lemmas[k] not in STOPWORDS}


def modality(a: Side, b: Side) -> Iterator[Candidate]:
    """Certainty against hedge, obligation against prohibition or refusal, permission against prohibition."""
    classes_a = {_modal_class(x, a.doc) for x in a.f.modality}
    classes_b = {_modal_class(y, b.doc) for y in b.f.modality}
    for x in a.f.modality:
        cx = _modal_class(x, a.doc)
        for y in b.f.modality:
            cy = _modal_class(y, b.doc)
            rule = MODAL_CONTRASTS.get(frozenset((cx, cy)))
            if not rule or cx == cy or (cy in classes_a and cx in classes_b):
                continue
            strength, needs_scope = rule
            if (x.negated and _beyond(a, x.hi - 1)) or (y.negated and _beyond(b, y.hi - 1)):
                continue  # "don't need to increase taxes further" against "will have to increase taxes"
            if needs_scope:
                sx, sy = _scope_lemmas(a, x), _scope_lemmas(b, y)
                if not any(_related(p, q) for p in sx for q in sy):
                    strength = 0.4
            pa, pb = phrase(a.doc, x.lo, x.hi, 3), phrase(b.doc, y.lo, y.hi, 3)
            reason = f"'{text_of(a.doc, pa)}' ({MODAL_NAMES[cx]}) against '{text_of(b.doc, pb)}' ({MODAL_NAMES[cy]})"
            yield Candidate(pa, pb, "modality", strength, reason, (x.lo, x.hi), (y.lo, y.hi))


# just below a negation or an antonym on the same words, which say more precisely what is denied
