"""Cues found in one sentence: stance, modality, factuality, framing, quantities, sentiment, content words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from counterpoint.engine import lexicons
from counterpoint.engine.lexicons import closed_class
from counterpoint.engine.text import STOPWORDS, Document, Sentence

NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*%?$")
# "up" and "down" report a change only after these words ("crime is up", "coming down"),
# not in phrasal verbs ("set up", "back down", "levelling up").
UP_DOWN_HOSTS = closed_class("up-down-hosts")
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
)
_UNITS += "seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS: dict[str, float] = {w: float(n) for n, w in enumerate(_UNITS.split())}
NUMBER_WORDS.update({w: float(10 * (n + 2)) for n, w in enumerate(_TENS.split())})
NUMBER_WORDS.update({"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9})


@dataclass(frozen=True)
class Cue:
    lo: int  # token indices in the document, end exclusive
    hi: int
    value: str  # class, axis, referent... depending on the cue type
    polarity: int = 0  # pole or slant, after negation where that applies
    negated: bool = False
    label: str = ""
    number: float | None = None
    noun: str = ""  # the lemma the quantity is about, if any


@dataclass
class SentenceFeatures:
    index: int
    sentence: Sentence
    content: dict[str, int] = field(default_factory=dict)  # lemma -> first token index
    concepts: set[str] = field(default_factory=set)  # synonym groups and stance axes, for alignment
    stance: list[Cue] = field(default_factory=list)
    modality: list[Cue] = field(default_factory=list)
    factuality: list[Cue] = field(default_factory=list)
    framing: list[Cue] = field(default_factory=list)
    quantity: list[Cue] = field(default_factory=list)
    valence: list[Cue] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)  # antonym lookup keys -> token index
    opposites: dict[str, list[int]] = field(default_factory=dict)  # WordNet antonym -> token indices
    refers_to_claim: bool = (
        False  # names a claim ("the allegations"), so a denial in it answers the other text
    )


PAST_BE = closed_class("past-be")
DETERMINERS_RANK = closed_class("determiners-rank")
OWN_SUBJECTS = closed_class("own-subjects")  # "have been wrong" keeps its subject further back

# VADER words weaker than this say too little to set two statements against each other.
MIN_VALENCE = 1.5


# What a sentence says its subject is: "no deal is [better]", "would be a very, very [bad] outcome",
# "were very [fine] people". Such a word is the sentence's evaluation, so a milder one counts.
MIN_PREDICATE_VALENCE = 0.8
COPULAS = closed_class("copulas")
EPISTEMIC_NEXT = closed_class("epistemic-next")
PREDICATE_FILLERS = closed_class("predicate-fillers")


def _predicate(doc: Document, k: int, lo: int, hi: int, valence: dict[str, float]) -> bool:
    """Whether token k is the complement of a copula, with at most a few fillers between.

    Not when a noun of its own tone follows ("is a clear [violation]": the noun is the predicate), nor
    when a clause or a topic follows ("are clear that", "be clear about": a stance on what is said).
    """
    nxt = k + 1
    if nxt < hi and (doc.norms[nxt] in EPISTEMIC_NEXT or doc.norms[nxt] in valence):
        return False
    j = k - 1
    while j >= lo and k - j <= 6 and doc.norms[j] in PREDICATE_FILLERS:
        j -= 1
    return j >= lo and doc.norms[j] in COPULAS


# Superlatives of size or level, by direction: "the largest audience" ranks first from the top.
SUPERLATIVES = {
    **dict.fromkeys(("largest", "biggest", "greatest", "highest"), 1),
    **dict.fromkeys(("smallest", "lowest", "fewest"), -1),
}
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "6th": 6,
    "7th": 7,
    "8th": 8,
    "9th": 9,
    "10th": 10,
}
# "fewer than the 37.8 million": a comparison that puts the thing below (or above) another.
COMPARATIVES = {
    **dict.fromkeys(("fewer", "less", "smaller", "lower"), -1),
    **dict.fromkeys(("larger", "bigger", "greater", "higher"), 1),
}


MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


def _day(norm: str) -> int:
    m = DAY_RE.match(norm)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else 0


def _dates(doc: Document, sent: Sentence, f: SentenceFeatures) -> set[int]:
    """Day-and-month dates ("October 31st", "31 January 2020"); returns the tokens they use.

    A month name counts only capitalised and next to a day number, so "may" and "May" the name are safe.
    """
    used: set[int] = set()
    norms = doc.norms
    for k in range(sent.lo, sent.hi):
        if norms[k] not in MONTHS:
            continue
        month = MONTHS[norms[k]]
        if not doc.text[doc.tokens[k].start].isupper():
            continue
        if k + 1 < sent.hi and _day(norms[k + 1]):
            lo, hi, day = k, k + 2, _day(norms[k + 1])
        elif k - 1 >= sent.lo and _day(norms[k - 1]):
            lo, hi, day = k - 1, k + 1, _day(norms[k - 1])
        else:
            continue
        f.quantity.append(Cue(lo, hi, "date", 0, number=float(month * 100 + day)))
        used.update(range(lo, hi))
    return used


_RANK_WORDS = frozenset((*SUPERLATIVES, *COMPARATIVES, "below", "above"))


def _ranks(doc: Document, sent: Sentence, f: SentenceFeatures) -> None:
    """Rank cues ("the largest", "the eighth-largest", "second biggest") and comparisons ("fewer than")."""
    norms = doc.norms
    for k in range(sent.lo, sent.hi):
        norm = norms[k]
        if norm not in _RANK_WORDS and "-" not in norm:
            continue  # (what each test below needs, in one look)
        first, _, last = norm.rpartition("-")
        if last in SUPERLATIVES and (not first or first in ORDINALS):
            rank = ORDINALS.get(first, 1)
            lo = k
            if not first and k > sent.lo and norms[k - 1] in ORDINALS:
                rank, lo = ORDINALS[norms[k - 1]], k - 1
            if rank == 1 and (lo == sent.lo or norms[lo - 1] not in DETERMINERS_RANK):
                continue  # "highest" in "aim highest": a rank needs "the" or a possessive
            f.quantity.append(Cue(lo, k + 1, "rank", SUPERLATIVES[last], number=float(rank)))
        elif norm in COMPARATIVES and k + 1 < sent.hi and norms[k + 1] == "than":
            f.quantity.append(Cue(k, k + 2, "comparison", COMPARATIVES[norm]))
        elif norm in ("below", "above") and k + 1 < sent.hi and norms[k + 1] in ("its", "their", "the"):
            # "far below its peak": beneath (or over) another level of the same thing
            f.quantity.append(Cue(k, k + 1, "comparison", -1 if norm == "below" else 1))


# "A lot of economists think it will slow", "some say it must go": a view the speaker reports as others',
# often to set their own against it. A modal in such a clause is not the speaker's stance.
OPINION_VERBS = closed_class("opinion-verbs")
GENERIC_OTHERS = closed_class("generic-others")


def _others_view(doc: Document, lo: int, sent_lo: int) -> bool:
    """Whether token lo sits in what a generic group of others is said to think or say."""
    for j in range(lo - 1, max(sent_lo, lo - 12) - 1, -1):
        if doc.lemmas[j] in OPINION_VERBS:
            return any(doc.norms[k] in GENERIC_OTHERS for k in range(max(sent_lo, j - 4), j))
    return False


POINTERS = closed_class("pointers")
DEGREE_WORDS = closed_class("degree-words")


def _pronoun_subject(doc: Document, lo: int, sent_lo: int) -> bool:
    """Whether a cue is the predicate of "it", "that" or "this" ("that is just nonsense")."""
    k = lo - 1
    while k >= sent_lo and doc.norms[k] in DEGREE_WORDS:
        k -= 1
    if k < sent_lo or doc.norms[k] not in COPULAS:
        return False
    k -= 1
    return k >= sent_lo and doc.norms[k] in POINTERS and (k == sent_lo or not doc.tokens[k - 1].word)


def _negated(doc: Document, lo: int, hi: int) -> bool:
    """Whether a cue is negated from outside ("not true" is a cue of its own, not a negated "true")."""
    return any(doc.negated[k] and doc.neg_cue[k] < lo for k in range(lo, hi))


# Plural orders of magnitude, as in "tens of thousands" and "hundreds of millions".
MAGNITUDES = {"tens": 10.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
# Units say how a number is counted, not what of: "5 percent" of what is told by the rest of the sentence.
UNITS = closed_class("units")


def _noun_after(doc: Document, k: int, hi: int) -> str:
    """The thing a quantity counts: the last word of the first run of content words within three
    tokens after k, the head of its noun phrase ("some new administrative [processes]")."""
    head = ""
    for j in range(k, min(hi, k + 6)):
        t = doc.tokens[j]
        content = (
            t.word and doc.lemmas[j] not in STOPWORDS and not NUMBER_RE.match(t.norm) and t.norm not in SCALES
        )
        if content and not head and t.norm in UNITS:
            return doc.lemmas[j]  # "zero percent inflation" counts in percent: the unit says what
        if content:
            head = doc.lemmas[j]
        elif head or not t.word or j >= k + 3:
            break
    return head


def _number(norm: str) -> float | None:
    if NUMBER_RE.match(norm):
        try:
            return float(norm.rstrip("%").replace(",", ""))
        except ValueError:
            return None
    return NUMBER_WORDS.get(norm)


@functools.lru_cache(maxsize=65536)
def _word_links(norm: str, lemma: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A word's synonym groups (as concepts), its antonym lookup keys, and its WordNet antonyms."""
    lex = lexicons.load()
    concepts = tuple(f"syn:{gid}" for gid in sorted(lex.synonyms.get(lemma, ())))
    # a plural noun is looked up as written: "rights" (entitlements) is no antonym of "wrong"
    keys = (norm,) if norm.endswith("s") and norm != lemma else tuple(dict.fromkeys((norm, lemma)))
    opposites = tuple(o for key in keys for o in sorted(lex.antonyms.get(key, ())))
    return concepts, keys, opposites


def extract(doc: Document, index: int) -> SentenceFeatures:
    lex = lexicons.load()
    sent = doc.sentences[index]
    f = SentenceFeatures(index, sent)
    norms, lemmas = doc.norms, doc.lemmas
    for k in doc.content(sent):
        concepts, keys, opposites = _word_links(norms[k], lemmas[k])
        f.content.setdefault(lemmas[k], k)
        f.concepts.update(concepts)
        if k > sent.lo and doc.text[doc.tokens[k].start].isupper():
            continue  # a name or title ("Attorney General") has no antonym
        for key in keys:
            f.words.setdefault(key, k)
        for opposite in opposites:
            f.opposites.setdefault(opposite, []).append(k)
    for lo, hi, payloads in doc.find(lex.stance, sent):
        if (
            norms[lo] in ("up", "down")
            and hi - lo == 1
            and (lo == sent.lo or norms[lo - 1] not in UP_DOWN_HOSTS)
        ):
            continue
        if norms[lo] in ("up", "down"):
            while lo - 1 > sent.lo and norms[lo - 1] in UP_DOWN_HOSTS and hi - lo < 3:
                lo -= 1  # the phrase is "trending back up", "coming down"
        neg = _negated(doc, lo, hi)
        for entry in payloads:
            f.stance.append(Cue(lo, hi, entry.axis, -entry.pole if neg else entry.pole, neg, entry.label))
            f.concepts.add(f"axis:{entry.axis}")
    question_marks = [k for k in range(sent.lo, sent.hi) if norms[k] == "?"]
    date_tokens = _dates(doc, sent, f)
    for lo, hi, payloads in doc.find(lex.modality, sent):
        # "will" in a question ("Will I support it?") asserts nothing
        if payloads[0] == "certainty" and any(q >= hi for q in question_marks):
            continue
        if norms[lo] == "may" and (
            lo in date_tokens or (lo > sent.lo and doc.text[doc.tokens[lo].start] == "M")
        ):
            continue  # "in May 2024", "Theresa May": a month or a name, not a hedge
        if _others_view(doc, lo, sent.lo):
            continue
        # "will not", "should never": a negation right after the modal negates it
        after = hi < sent.hi and norms[hi] in ("not", "n't", "never")
        f.modality.append(Cue(lo, hi, payloads[0], 0, _negated(doc, lo, hi) or after))
        if payloads[0] == "directive":
            # an instruction is about the same thing as the words that name one ("a directive", "orders")
            for gid in lex.synonyms.get("directive", ()):
                f.concepts.add(f"syn:{gid}")
    for lo, hi, payloads in doc.find(lex.factuality, sent):
        if payloads[0] == "reference":
            f.refers_to_claim = True
        elif payloads[0] == "error":
            # "I was wrong", "we were almost all wrong", "it was a mistake": owning up to an error
            # ... said of the speaker or of the claim, not of others ("the pessimists were wrong")
            be = [k for k in range(max(sent.lo, lo - 4), lo) if norms[k] in PAST_BE]
            copula = [k for k in range(max(sent.lo, lo - 3), lo) if norms[k] in COPULAS]
            if be and be[-1] > sent.lo and norms[be[-1] - 1] in OWN_SUBJECTS:
                f.factuality.append(Cue(lo, hi, "retraction", 0, _negated(doc, lo, hi)))
            elif copula and any(lemmas[k] in lex.reference_words for k in range(sent.lo, copula[-1])):
                # "the notion that taxes will rise is wrong", "the figures you quote are mistaken":
                # a claim named as the subject and called wrong is denied
                f.factuality.append(Cue(lo, hi, "denial", 0, _negated(doc, lo, hi)))
                f.refers_to_claim = True
        else:
            f.factuality.append(Cue(lo, hi, payloads[0], 0, _negated(doc, lo, hi)))
            if _pronoun_subject(doc, lo, sent.lo):
                f.refers_to_claim = True  # "That is just nonsense": said of what the other side said
            rest = [k for k in range(hi, sent.hi) if doc.tokens[k].word]
            if norms[hi - 1] in ("it", "that", "this") or (
                any(norms[k] in ("it", "that", "this", "so") for k in rest)
                and not any(lemmas[k] not in STOPWORDS for k in rest)
            ):
                # "I don't believe it", "no reason why it would be": a pronoun and nothing of its own
                # after the denial, so it points at the other's claim
                f.refers_to_claim = True
    for lo, hi, payloads in doc.find(lex.framing, sent):
        for referent, slant in payloads:  # "invasion" of migrants, or of a country
            f.framing.append(Cue(lo, hi, referent, slant, _negated(doc, lo, hi)))
            f.concepts.add(f"ref:{referent}")
    quant_hits = set()
    for lo, hi, payloads in doc.find(lex.quantifiers, sent):
        quant_hits.add(lo)
        cls, rank = payloads[0]
        f.quantity.append(Cue(lo, hi, cls, rank, noun=_noun_after(doc, hi, sent.hi)))
    _ranks(doc, sent, f)
    quant_hits.update(date_tokens)
    valence = lex.valence
    for k in range(sent.lo, sent.hi):
        norm = norms[k]
        if k in quant_hits or not doc.tokens[k].word:
            continue
        v = valence.get(norm)
        if v is not None and k > sent.lo:
            surface = doc.text[doc.tokens[k].start : doc.tokens[k].end]
            if surface[0].isupper() and not surface.isupper():
                v = None  # part of a name ("the Justice Department", "Human Rights Act"): no tone
        predicate = v is not None and _predicate(doc, k, sent.lo, sent.hi, valence)
        if (
            v is not None
            and abs(v) >= (MIN_PREDICATE_VALENCE if predicate else MIN_VALENCE)
            and lemmas[k] not in STOPWORDS
        ):
            neg = doc.negated[k]
            if neg and not doc.is_negation_head(k):
                continue  # "not allow criminals to": the negation is about allowing, not the criminals
            label = "predicate" if predicate else ""
            f.valence.append(Cue(k, k + 1, "valence", 1 if (v > 0) != neg else -1, neg, label, number=abs(v)))
            continue
        if norm in MAGNITUDES and k + 2 < sent.hi and norms[k + 1] == "of" and norms[k + 2] in MAGNITUDES:
            # "tens of thousands": an order of magnitude, from its lowest value to ten times that
            low = MAGNITUDES[norm] * MAGNITUDES[norms[k + 2]]
            f.quantity.append(Cue(k, k + 3, "range", 0, number=low, noun=_noun_after(doc, k + 3, sent.hi)))
            quant_hits.update((k + 1, k + 2))
            continue
        if k in quant_hits:
            continue
        if not (norm[0].isdigit() or norm in NUMBER_WORDS):
            continue
        value = _number(norm)
        if value is not None and norms[k] != "one":  # "one of", "the one": rarely an amount
            if 1900 <= value <= 2100 and norm.isdigit():
                f.quantity.append(Cue(k, k + 1, "year", 0, number=value))  # a year compares with years only
                continue
            end = k + 1
            if end < sent.hi and norms[end] in SCALES:  # "2 billion", "1.5 million"
                value *= SCALES[norms[end]]
                end += 1
            f.quantity.append(Cue(k, end, "number", 0, number=value, noun=_noun_after(doc, end, sent.hi)))
    return f
