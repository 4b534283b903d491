"""Factuality: a claim against a denial, a dismissal, a retraction or a disavowal."""

from __future__ import annotations

from collections.abc import Iterator

from counterpoint.engine import lexicons
from counterpoint.engine.detect.base import Candidate, Side, _related, phrase, salient, text_of
from counterpoint.engine.features import COPULAS, Cue
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import STOPWORDS

FACTUALITY_STRENGTH = 0.68


def _denies(side: Side) -> bool:
    return True in side.doc.negated[side.f.sentence.lo : side.f.sentence.hi] or bool(side.f.factuality)


FACTUALITY_VERBS = {
    "dismissal": "dismisses",
    "jest": "calls a joke",
    "denial": "denies",
    "disavowal": "disowns",
    "retraction": "takes back",
}
REBUTTALS = frozenset(("denial", "dismissal", "jest"))
# Cues that answer the other text whatever it holds: a retraction takes back a claim, a disavowal
# ("I didn't say that") disowns an utterance, negative or not ("no problem", "I don't know").
ANSWER_ANY = frozenset(("retraction", "disavowal"))
# A third person as subject: the sentence reports someone's words or aims ("He was making the point").
THIRD_PERSON = closed_class("third-person")


DEGREE = closed_class("degree")


def _denied_subject(side: Side, c: Cue) -> str:
    """The noun a denial is said of ("those concerns are without foundation"), or "" for none."""
    doc, lo = side.doc, side.f.sentence.lo
    k = c.lo - 1
    while k >= lo and doc.norms[k] in DEGREE:
        k -= 1
    if k < lo or doc.norms[k] not in COPULAS:
        return ""
    k -= 1
    if k < lo or not doc.tokens[k].word or doc.lemmas[k] in STOPWORDS:
        return ""
    return doc.lemmas[k]


# A one-liner: what is called a joke is an instruction, or a short remark or question quoted on its
# own (a statement of one or two sentences), not an argument.
REMARK_WORDS = 10
REMARK_SENTENCES = 2


def _remark(side: Side) -> bool:
    f, doc = side.f, side.doc
    if any(c.value == "directive" for c in f.modality):
        return True
    if len(doc.sentences) > REMARK_SENTENCES:
        return False
    toks = [k for k in range(f.sentence.lo, f.sentence.hi) if doc.tokens[k].word]
    return len(toks) <= REMARK_WORDS or any(doc.norms[k] == "?" for k in range(f.sentence.lo, f.sentence.hi))


def _reports_someone(side: Side) -> bool:
    doc = side.doc
    return any(doc.norms[k] in THIRD_PERSON for k in range(side.f.sentence.lo, side.f.sentence.hi))


def factuality(a: Side, b: Side) -> Iterator[Candidate]:
    """A denial or dismissal on one side set against the claim it answers on the other."""
    for deny, claim, flip in ((b, a, False), (a, b, True)):
        # a denial against a denial is agreement, not contrast; a retraction ("I was wrong") takes
        # back any claim, a negative one included ("I don't anticipate that inflation is a problem")
        against_denial = _denies(claim) and not any(c.value == "directive" for c in claim.f.modality)
        # two texts that each call something untrue or trivial are two rebuttals: they agree
        against_denial = against_denial or claim.rebuts
        hints = {deny.doc.lemmas[k] for k in range(deny.f.sentence.lo, deny.f.sentence.hi)}
        for c in deny.f.factuality:
            if c.negated or (against_denial and c.value not in ANSWER_ANY):
                continue
            if any(x.value == c.value and not x.negated for x in claim.f.factuality):
                continue  # both apologise, both call it a joke: the two say the same
            pd = phrase(deny.doc, c.lo, c.hi, 2)
            pc, key, rank = salient(claim, hints)
            word = FACTUALITY_VERBS.get(c.value, "denies")
            reason = f"'{text_of(deny.doc, pd)}' {word} '{text_of(claim.doc, pc)}'"
            # a retraction points back at what was said before, as "the allegations" does
            refers = deny.f.refers_to_claim or c.value == "retraction"
            # calling words a joke points back at them ("He was joking at the time"), unless the other
            # sentence is itself a report of someone's words: then both comment on a third remark
            refers = refers or (c.value == "jest" and _remark(claim) and not _reports_someone(claim))
            # a denial said of a noun ("those concerns are without foundation") denies that thing: the
            # claim must speak of it, unless the noun names a claim ("the allegations are false")
            subject = _denied_subject(deny, c)
            if (
                subject
                and subject not in lexicons.load().reference_words
                and not any(_related(subject, lemma) for lemma in claim.f.content)
            ):
                continue
            if flip:
                yield Candidate(
                    pd,
                    pc,
                    "factuality",
                    FACTUALITY_STRENGTH,
                    reason,
                    (c.lo, c.hi),
                    key,
                    False,
                    "a",
                    rank,
                    refers,
                )
            else:
                yield Candidate(
                    pc,
                    pd,
                    "factuality",
                    FACTUALITY_STRENGTH,
                    reason,
                    key,
                    (c.lo, c.hi),
                    False,
                    "b",
                    rank,
                    refers,
                )
