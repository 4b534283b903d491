"""Contrast detectors: each looks at one aligned sentence pair and proposes span pairs with a reason."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from counterpoint.engine import lexicons
from counterpoint.engine.features import COPULAS, MIN_VALENCE, UNITS, Cue, SentenceFeatures
from counterpoint.engine.lexicons import words
from counterpoint.engine.text import CLAUSE_BREAK, SCOPE_AUXILIARIES, STOPWORDS, Document

Span = tuple[int, int]

# Spans stay short: a highlight is a phrase, not a paragraph.
MAX_SPAN_CHARS = 45
LEFT_MODIFIERS = words(
    "too very so more less most a an the be been being is are was were please really quite entirely "
    "absolutely not n't do does did have has had will would can could should must"
)
AXIS_KIND = {
    "change": "antonym",
    "support": "polarity",
    "soundness": "polarity",
    "care": "polarity",
    "conduct": "framing",
    "legality": "polarity",
    "accountability": "framing",
    "seriousness": "factuality",
    "continuation": "antonym",
}


@dataclass(frozen=True)
class Candidate:
    """A contrast a detector proposes; the pipeline weighs it by alignment, ranks and merges."""

    a: Span
    b: Span
    kind: str
    strength: float  # before alignment weighting, 0..1
    reason: str
    key_a: tuple[int, int]  # cue tokens, for one-to-one matching
    key_b: tuple[int, int]
    linked: bool = False  # the cues themselves tie the sentences to one topic (same axis, antonyms)
    # For a denial: which side holds it ("a" or "b"), and how clearly the other sentence makes a claim.
    # A denial answers one claim: the best-aligned sentence of the other text, then the clearest.
    anchor: str = ""
    claim_rank: int = 0
    refers: bool = False  # the denial names the claim it answers ("the allegations")


@dataclass(frozen=True)
class Side:
    """One sentence of one text, with its cues."""

    doc: Document
    f: SentenceFeatures
    rebuts: bool = False  # the text holds a denial or dismissal of its own, in any sentence


def phrase(doc: Document, lo: int, hi: int, extend_right: int = 2) -> Span:
    """A short phrase around tokens lo..hi: the negation and modifiers before, a word or two after."""
    sent_lo, sent_hi = _sentence_bounds(doc, lo)
    start = lo
    cue = doc.neg_cue[lo]
    if doc.negated[lo] and sent_lo <= cue < start:
        start = cue
        if doc.norms[start] == "n't" and start - 1 >= sent_lo:
            start -= 1
    steps = 0
    while steps < 3 and start - 1 >= sent_lo and doc.norms[start - 1] in LEFT_MODIFIERS:
        start -= 1
        steps += 1
    # to the right: up to extend_right words, reaching at most one word past function words
    # ("not asked for a price", not "not asked for a"), and never ending on a function word
    end = hi
    steps = content_words = 0
    while (
        steps < extend_right + 2
        and end < sent_hi
        and doc.tokens[end].word
        and doc.norms[end] not in CLAUSE_BREAK
        and doc.tokens[end].end - doc.tokens[start].start <= MAX_SPAN_CHARS
    ):
        content_words += doc.lemmas[end] not in STOPWORDS
        end += 1
        steps += 1
        if content_words >= max(1, extend_right // 2):
            break
    while end > hi and (not doc.tokens[end - 1].word or doc.lemmas[end - 1] in STOPWORDS):
        end -= 1
    s, e = doc.tokens[start].start, doc.tokens[end - 1].end
    if e - s > MAX_SPAN_CHARS:  # a long run of modifiers: keep the cue itself
        s, e = doc.tokens[lo].start, max(doc.tokens[hi - 1].end, doc.tokens[lo].end)
    return s, e


def _sentence_bounds(doc: Document, k: int) -> tuple[int, int]:
    # binary search over sentences by token index
    lo, hi = 0, len(doc.sentences) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.sentences[mid].hi <= k:
            lo = mid + 1
        else:
            hi = mid
    s = doc.sentences[lo]
    return s.lo, s.hi


# Modal cues that make a sentence an instruction or a firm claim, the things a denial answers.
CLAIM_MODALS = frozenset(("directive", "certainty", "obligation", "intention"))


def salient(side: Side, hints: set[str] | frozenset[str] = frozenset()) -> tuple[Span, tuple[int, int], int]:
    """The phrase that carries a sentence's claim.

    A word related to one of the hints (the other side's words) if there is one, else the first stance,
    modal or negated word, else the sentence's opening. The rank says which of these it was (4 to 0).
    """
    f, doc = side.f, side.doc
    for lemma, k in sorted(f.content.items(), key=lambda lk: lk[1]):
        if any(_related(lemma, h) and lemma != h for h in hints):
            return phrase(doc, k, k + 1, 3), (k, k + 1), 4
    negs = [k for k in range(f.sentence.lo, f.sentence.hi) if doc.negated[k]]
    ranked = (
        (3, [(c.lo, c.hi) for c in f.modality if c.value in CLAIM_MODALS]),
        (2, [(c.lo, c.hi) for c in f.stance]),
        (1, [(k, k + 1) for k in negs]),
    )
    for rank, cues in ranked:
        if cues:
            lo, hi = cues[0]
            return phrase(doc, lo, hi, 6), (lo, hi), rank
    s = f.sentence
    toks = doc.tokens
    end = s.lo
    while end < s.hi and toks[end].end - toks[s.lo].start <= MAX_SPAN_CHARS:
        end += 1
    end = max(end, s.lo + 1)
    return (toks[s.lo].start, toks[end - 1].end), (s.lo, s.lo + 1), 0


def text_of(doc: Document, span: Span) -> str:
    return " ".join(doc.text[span[0] : span[1]].split())


def _cue_text(doc: Document, c: Cue) -> str:
    return text_of(doc, (doc.tokens[c.lo].start, doc.tokens[c.hi - 1].end))


# Derivational suffixes: "abolition" is the act of "abolish", a "relationship" a kind of "relation".
DERIVATIONS = (
    "ization",
    "isation",
    "ation",
    "ition",
    "tion",
    "sion",
    "ment",
    "ship",
    "ness",
    "ity",
    "er",
    "al",
)


@functools.lru_cache(maxsize=65536)
def derived(x: str, y: str) -> bool:
    """Whether one lemma is the other with a derivational suffix ("abolition" / "abolish")."""
    for long, short in ((x, y), (y, x)):
        for suffix in DERIVATIONS:
            if not long.endswith(suffix) or len(long) - len(suffix) < 4:
                continue
            stem = long[: -len(suffix)]
            if short.startswith(stem) and len(short) - len(stem) <= 3:
                return True
            if len(stem) > 4 and stem[-1] == stem[-2] and stem[:-1] == short:  # quitter / quit
                return True
    return False


def _related(x: str, y: str) -> bool:
    if x == y:
        return True
    syn = lexicons.load().synonyms
    return bool(syn.get(x, frozenset()) & syn.get(y, frozenset())) or derived(x, y)


# --- detectors ----------------------------------------------------------------------------------------


# Axes whose words say nothing of what they are about: a rise and a fall contrast only when the two
# sentences also share what rises or falls.
TOPICAL_AXES = frozenset(("change", "condition", "continuation"))


def _level_and_change(a: Side, b: Side, x: Cue, y: Cue) -> bool:
    """Whether one cue reaches a level and the other moves by an amount, the same number both:
    "fell to 2.0%" and "rose by 2.0%" can both be true of one figure."""

    def after(side: Side, c: Cue) -> tuple[str, str]:
        norms = side.doc.norms
        for k in range(c.hi, min(side.f.sentence.hi, c.hi + 3)):
            if norms[k] in ("to", "by") and k + 1 < side.f.sentence.hi and norms[k + 1][:1].isdigit():
                return norms[k], norms[k + 1]
        return "", ""

    (px, nx), (py, ny) = after(a, x), after(b, y)
    return bool(px and py and px != py and nx == ny)


def _share_topic(a: Side, b: Side, cues: set[str]) -> bool:
    """Whether two sentences share a content word or a synonym group, the cue words aside."""
    syn = lexicons.load().synonyms
    groups_a: set[int] = set(a.f.phrase_groups)
    for lemma in a.f.content:
        if lemma in cues:
            continue
        if lemma in b.f.content:
            return True
        groups_a.update(syn.get(lemma, ()))
    if groups_a & b.f.phrase_groups:
        return True
    return any(groups_a & syn.get(lemma, frozenset()) for lemma in b.f.content if lemma not in cues)


def _both_poles(cues: list[Cue]) -> set[str]:
    poles: dict[str, set[int]] = {}
    for c in cues:
        poles.setdefault(c.value, set()).add(c.polarity)
    return {axis for axis, p in poles.items() if len(p) == 2}


# "we don't need to increase taxes further": the denial is of more of what was done, which presupposes
# it, so it does not deny a plain statement of it. ("Don't call me again" still forbids a call.)
ADDITIVE = words("further anymore")


def _beyond(side: Side, k: int) -> bool:
    hi = min(side.f.sentence.hi, k + 5)
    return any(side.doc.norms[j] in ADDITIVE for j in range(k + 1, hi))


def stance(a: Side, b: Side) -> Iterator[Candidate]:
    """Register axes (force/restraint, legal/illegal, rise/fall, ...) at opposite poles."""
    both_a = _both_poles(a.f.stance)
    both_b = _both_poles(b.f.stance)
    for x in a.f.stance:
        for y in b.f.stance:
            if x.value != y.value or x.polarity != -y.polarity:
                continue
            if x.value in both_a and x.value in both_b:
                continue  # each sentence weighs both sides of this axis
            if (x.negated and _beyond(a, x.hi - 1)) or (y.negated and _beyond(b, y.hi - 1)):
                continue
            if x.value in TOPICAL_AXES and not _share_topic(a, b, {a.doc.lemmas[x.lo], b.doc.lemmas[y.lo]}):
                continue  # "prices rose" and "wages fell" are about different things
            if x.value == "change" and _level_and_change(a, b, x, y):
                continue
            # the same word, or words of the same pole, asserted on one side and denied on the other
            same_word = a.doc.lemmas[x.lo] == b.doc.lemmas[y.lo]
            opposites = lexicons.load().antonyms.get(a.doc.lemmas[x.lo], frozenset())
            if same_word or x.label == y.label:
                kind = "negation"
            elif b.doc.lemmas[y.lo] in opposites and x.negated == y.negated:
                kind = "antonym"
            else:
                kind = AXIS_KIND.get(x.value, "antonym")
            lx = x.label + (", negated" if x.negated else "")
            ly = y.label + (", negated" if y.negated else "")
            pa, pb = phrase(a.doc, x.lo, x.hi), phrase(b.doc, y.lo, y.hi)
            if same_word:
                denied, asserted = (pa, pb) if x.negated else (pb, pa)
                denied_doc, asserted_doc = (a.doc, b.doc) if x.negated else (b.doc, a.doc)
                reason = (
                    f"'{text_of(denied_doc, denied)}' denies what '{text_of(asserted_doc, asserted)}' asserts"
                )
            else:
                reason = f"'{text_of(a.doc, pa)}' ({lx}) against '{text_of(b.doc, pb)}' ({ly})"
            yield Candidate(pa, pb, kind, 0.75, reason, (x.lo, x.hi), (y.lo, y.hi), linked=True)


def antonym(a: Side, b: Side) -> Iterator[Candidate]:
    """WordNet direct antonyms, both asserted or both denied."""
    seen: set[tuple[int, int]] = set()
    for word, kb in b.f.words.items():
        for ka in a.f.opposites.get(word, ()):
            if (ka, kb) in seen or a.doc.negated[ka] != b.doc.negated[kb]:
                continue
            if word in a.doc.index or any(w in b.doc.index for w in (a.doc.norms[ka], a.doc.lemmas[ka])):
                continue  # one text uses both words ("employment" and "unemployment"): no opposition
            seen.add((ka, kb))
            pa, pb = phrase(a.doc, ka, ka + 1), phrase(b.doc, kb, kb + 1)
            reason = f"'{a.doc.tokens[ka].norm}' is the opposite of '{b.doc.tokens[kb].norm}'"
            yield Candidate(pa, pb, "antonym", 0.7, reason, (ka, ka + 1), (kb, kb + 1), linked=True)


DETERMINERS = words("the a an this that these those my our your his her their its")


def _nominal(doc: Document, k: int) -> bool:
    return k > 0 and doc.norms[k - 1] in DETERMINERS


RELATIVES = words("who which whom whose")
# "the ones that don't take it": a negation inside a relative clause describes whom a sentence is
# about; it denies nothing the other side asserts. "that" is relative after a noun-like word.
RELATIVE_HOSTS = words("ones one those people anyone everyone someone")
AUXILIARIES = words("do does did is are was were have has had will would can could")


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


PLAIN_NEGATORS = words("not n't no never neither nor none nobody nothing cannot")


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
                phrase_match = not head and _denied_phrase(neg, pos, kn)
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


EMPHATIC_AUX = words("do does did will would can could should have has had is are was were")


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
LIGHT_VERBS = words("have get make take do be give")


def _after(doc: Document, k: int, side: Side, width: int = 4) -> set[str]:
    hi = min(side.f.sentence.hi, k + width)
    return {doc.lemmas[j] for j in range(k, hi) if doc.tokens[j].word and doc.lemmas[j] not in STOPWORDS}


FIRM_FUTURE = frozenset(("will", "wo", "shall", "'ll", "going"))


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
FACTUALITY_STRENGTH = 0.68


def _denies(side: Side) -> bool:
    return any(side.doc.negated[k] for k in range(side.f.sentence.lo, side.f.sentence.hi)) or bool(
        side.f.factuality
    )


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
THIRD_PERSON = words("he she")


DEGREE = words("absolutely completely entirely totally wholly utterly simply clearly just")


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


TIME_UNITS = words("second minute hour day week month year decade century")


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


EXISTENTIAL_AUX = words("will would be is are was were been have has had 's going to")


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


SLANT = {-1: "pejorative", 0: "neutral", 1: "favourable"}


def framing(a: Side, b: Side) -> Iterator[Candidate]:
    """Loaded and neutral words for the same referent."""
    for x in a.f.framing:
        for y in b.f.framing:
            if x.value != y.value or x.polarity == y.polarity:
                continue
            if a.doc.lemmas[x.lo] == b.doc.lemmas[y.lo]:
                continue
            # a side that also uses a word of the other's slant for this referent frames it the same way
            if any(z.value == x.value and z.polarity == x.polarity for z in b.f.framing) or any(
                z.value == y.value and z.polarity == y.polarity for z in a.f.framing
            ):
                continue
            pa, pb = phrase(a.doc, x.lo, x.hi, 1), phrase(b.doc, y.lo, y.hi, 1)
            reason = (
                f"'{_cue_text(a.doc, x)}' ({SLANT[x.polarity]}) against '{_cue_text(b.doc, y)}' "
                f"({SLANT[y.polarity]}) for {x.value}"
            )
            yield Candidate(pa, pb, "framing", 0.6, reason, (x.lo, x.hi), (y.lo, y.hi), linked=True)


def _evaluations(cues: list[Cue]) -> list[Cue]:
    """A sentence's evaluative words: what it says its subject is, if it says so, else every strong
    word. A mild word counts only as a predicate ("were very fine people")."""
    predicates = [c for c in cues if c.label == "predicate"]
    if predicates:
        return predicates
    return [c for c in cues if (c.number or 0.0) >= MIN_VALENCE]


def polarity(a: Side, b: Side) -> Iterator[Candidate]:
    """Strongly positive wording on one side against strongly negative wording on the other (VADER)."""
    cues_a, cues_b = _evaluations(a.f.valence), _evaluations(b.f.valence)
    if not cues_a or not cues_b:
        return
    tones_a = {x.polarity for x in cues_a}
    tones_b = {y.polarity for y in cues_b}
    if len(tones_a) == 2 and len(tones_b) == 2:
        return  # each sentence carries both tones: no side is the positive or the negative one
    for x in cues_a:
        for y in cues_b:
            if x.polarity == y.polarity:
                continue
            predicates = x.label == y.label == "predicate"
            if predicates and not _share_topic(a, b, {a.doc.lemmas[x.lo], b.doc.lemmas[y.lo]}):
                continue  # "the plan is good" and "the weather is bad" are about different things
            weakest = min(x.number or 0.0, y.number or 0.0)
            # two predicates on one topic say opposite things of the same subject: a clearer contrast
            strength = min(0.65, 0.5 + 0.06 * weakest) if predicates else min(0.6, 0.3 + 0.08 * weakest)
            pa, pb = phrase(a.doc, x.lo, x.hi), phrase(b.doc, y.lo, y.hi)
            tone = {1: "positive", -1: "negative"}
            reason = f"'{text_of(a.doc, pa)}' ({tone[x.polarity]}) against '{text_of(b.doc, pb)}' ({tone[y.polarity]})"
            yield Candidate(pa, pb, "polarity", strength, reason, (x.lo, x.hi), (y.lo, y.hi), predicates)


DETECTORS = (stance, antonym, negation, emphatic, modality, factuality, quantity, framing, polarity)
