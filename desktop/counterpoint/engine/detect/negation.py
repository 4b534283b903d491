"""Negation: the same predicate asserted on one side and denied on the other, and emphatic assertion."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from counterpoint.engine.detect.base import Candidate, Side, _beyond, _related, phrase, text_of
from counterpoint.engine.detect.factuality import _denies
from counterpoint.engine.detect.modality import LIGHT_VERBS, _after
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import SCOPE_AUXILIARIES, STOPWORDS, Document

DETERMINERS = closed_class("determiners")


def _nominal(doc: Document, k: int) -> bool:
    return k > 0 and doc.norms[k - 1] in DETERMINERS


RELATIVES = closed_class("relatives")
# "the ones that don't take it": a negation inside a relative clause describes whom a sentence is
# about; it denies nothing the other side asserts. "that" is relative after a noun-like word.
RELATIVE_HOSTS = closed_class("relative-hosts")
AUXILIARIES = closed_class("auxiliaries")


def _in_relative_clause(doc: Document, cue: int, sent_lo: int) -> bool:
    k = cue - 1
    while k >= sent_lo and doc.norms[k] in AUXILIARIES:
        k -= 1
    if k < sent_lo:
        return False
    if doc.norms[k] in RELATIVES:
        return True
    return doc.norms[k] == "that" and k - 1 >= sent_lo and doc.norms[k - 1] in RELATIVE_HOSTS


def _bigrams(side: Side) -> set[tuple[str, str]]:
    doc, sent = side.doc, side.f.sentence
    ks = [k for k in range(sent.lo, sent.hi) if doc.tokens[k].word]
    return {(doc.lemmas[x], doc.lemmas[y]) for x, y in itertools.pairwise(ks)}


def _denied_phrase(neg: Side, pos: Side, kn: int) -> bool:
    """Whether negated word kn and a neighbour under the same cue form a two-word phrase the other
    side asserts ("didn't set a red line" against "a red line for us")."""
    doc = neg.doc
    pairs = _bigrams(pos)
    for x, y in ((kn - 1, kn), (kn, kn + 1)):
        if not (neg.f.sentence.lo <= x and y < neg.f.sentence.hi):
            continue
        if not all(doc.negated[k] and doc.neg_cue[k] == doc.neg_cue[kn] for k in (x, y)):
            continue
        lx, ly = doc.lemmas[x], doc.lemmas[y]
        if {lx, ly} & STOPWORDS:
            continue
        # the same two words, or words related one by one ("a primary contributor" / "the dominant cause")
        if (lx, ly) in pairs or any(_related(lx, p) and _related(ly, q) for p, q in pairs):
            return True
    return False


def _also_denied(side: Side, lemma: str) -> bool:
    """Whether the side's text denies this word somewhere itself (in any sentence)."""
    return lemma in side.doc.denied_lemmas


PLAIN_NEGATORS = closed_class("plain-negators")
PREPOSITIONS = closed_class("prepositions")
CONDITIONALS = closed_class("conditionals")


def _conditional(doc: Document, cue: int, sent_lo: int) -> bool:
    """Whether a negation stands in an if-clause ("if we do not act this year, we never will"): a
    condition, which the speaker neither asserts nor denies."""
    for k in range(cue - 1, sent_lo - 1, -1):
        if doc.norms[k] in CONDITIONALS:
            return True
        if not doc.tokens[k].word and doc.norms[k] in (",", ";", ":", "—", "–", "("):
            return False
    return False


def _after_preposition(doc: Document, cue: int, kn: int) -> bool:
    """Whether a preposition stands between the cue and kn: "not raise taxes on working families"
    denies the raising, not the families."""
    return any(doc.norms[k] in PREPOSITIONS for k in range(cue + 1, kn))


def _phrase_head(side: Side, kn: int) -> bool:
    """Whether kn ends the first run of content words after its cue: the head of a denied noun
    phrase, which in English comes last ("not ... an early general [election]")."""
    doc, hi = side.doc, side.f.sentence.hi
    run_started = False
    for k in range(doc.neg_cue[kn] + 1, min(hi, kn + 1)):
        content = (
            doc.tokens[k].word and doc.lemmas[k] not in STOPWORDS and doc.norms[k] not in SCOPE_AUXILIARIES
        )
        if content:
            run_started = True
        elif run_started:
            return False  # a run ended before kn
    nxt = kn + 1
    ends_run = nxt >= hi or not doc.tokens[nxt].word or doc.lemmas[nxt] in STOPWORDS
    return run_started and ends_run


def negation(a: Side, b: Side) -> Iterator[Candidate]:
    """The same predicate (or a synonym) denied on one side and asserted on the other."""
    for neg, pos, flip in ((a, b, False), (b, a, True)):
        if len(pos.f.content) < 2:
            continue  # a one-word exclamation ("WikiLeaks!") names a thing, it asserts nothing of it
        for ln, kn in neg.f.content.items():
            if not neg.doc.negated[kn]:
                continue
            if _in_relative_clause(neg.doc, neg.doc.neg_cue[kn], neg.f.sentence.lo) or _beyond(neg, kn):
                continue
            if _conditional(neg.doc, neg.doc.neg_cue[kn], neg.f.sentence.lo):
                continue
            for lp, kp in pos.f.content.items():
                if pos.doc.negated[kp] or not _related(ln, lp):
                    continue
                cue = neg.doc.neg_cue[kn]
                # an implicative verb ("preventing measles", "avoid delays") denies that something
                # happens, which a mere mention of it on the other side does not assert
                implicative = neg.doc.norms[cue] not in PLAIN_NEGATORS
                head = not implicative and (neg.doc.is_negation_head(kn) or _phrase_head(neg, kn))
                # "can't back off" is about a verb, "the back of" a noun; "not ... an early election"
                # and "this election" are both nouns
                verb = not any(neg.doc.norms[j] in DETERMINERS for j in range(cue + 1, kn))
                if head and verb and neg.doc.norms[cue] in ("not", "n't", "never") and _nominal(pos.doc, kp):
                    continue
                if not head and _denies(pos):
                    continue  # a side that denies things itself is no plain assertion of a side word
                if _also_denied(pos, ln):
                    continue  # the other text denies the same word too ("not a question of staying")
                if any(c.value == "denial" and not c.negated for c in pos.f.factuality):
                    continue  # "no evidence of a link ... and autism" denies too: the two agree
                # a denied phrase of two or more words the other side asserts ("didn't set a red line"
                # against "a red line for us") is as clear as a denied head word
                phrase_match = (
                    not head and not _after_preposition(neg.doc, cue, kn) and _denied_phrase(neg, pos, kn)
                )
                strength = (0.7 if head else 0.6 if phrase_match else 0.35 if implicative else 0.45) - (
                    0.1 if ln != lp else 0.0
                )
                pn, pp = phrase(neg.doc, kn, kn + 1), phrase(pos.doc, kp, kp + 1)
                reason = f"'{text_of(neg.doc, pn)}' denies what '{text_of(pos.doc, pp)}' asserts"
                # keyed on the negation cue, so that one "not" yields one contrast
                # a denied head verb and the same or a synonymous verb asserted ("neither reimbursed
                # me" / "repaid it") tie the sentences to one act, however little else they share
                linked = head and verb and not _nominal(pos.doc, kp)
                if flip:
                    yield Candidate(pp, pn, "negation", strength, reason, (kp, -1), (cue, -1), linked)
                else:
                    yield Candidate(pn, pp, "negation", strength, reason, (cue, -1), (kp, -1), linked)


EMPHATIC_AUX = closed_class("emphatic-aux")


def emphatic(a: Side, b: Side) -> Iterator[Candidate]:
    """The same auxiliary and verb denied on one side and asserted on the other.

    "I did not have sexual relations" against "I did have a relationship"; "will not pay" against
    "will pay": the words around the verb may differ, the assertion and its denial are the point.
    """
    for neg, pos, flip in ((a, b, False), (b, a, True)):
        nd, pd = neg.doc, pos.doc
        pos_pairs: dict[tuple[str, str], int] = {}
        ks = [k for k in range(pos.f.sentence.lo, pos.f.sentence.hi) if pd.tokens[k].word]
        for x, y in itertools.pairwise(ks):
            if pd.norms[x] not in EMPHATIC_AUX or pd.negated[y]:
                continue
            if pd.lemmas[y] not in STOPWORDS or pd.lemmas[y] in LIGHT_VERBS:
                pos_pairs.setdefault((pd.norms[x], pd.lemmas[y]), x)
        for k in range(neg.f.sentence.lo + 1, neg.f.sentence.hi - 1):
            if nd.norms[k] not in ("not", "n't", "never") or nd.norms[k - 1] not in EMPHATIC_AUX:
                continue
            if _in_relative_clause(nd, k, neg.f.sentence.lo):
                continue
            key = (nd.norms[k - 1], nd.lemmas[k + 1])
            kp = pos_pairs.get(key)
            if kp is None:
                continue
            if key[1] in LIGHT_VERBS and not any(
                _related(p, q) for p in _after(nd, k + 2, neg) for q in _after(pd, kp + 2, pos)
            ):
                continue  # "will not have a budget" and "will have less" are about different things
            pn = phrase(nd, k - 1, k + 2, 4)
            pp = phrase(pd, kp, kp + 2, 4)
            reason = f"'{text_of(nd, pn)}' denies what '{text_of(pd, pp)}' asserts"
            if flip:
                yield Candidate(pp, pn, "negation", 0.7, reason, (kp, -1), (k, -1))
            else:
                yield Candidate(pn, pp, "negation", 0.7, reason, (k, -1), (kp, -1))


# Verbs that say little without their object: the objects must be related too.
