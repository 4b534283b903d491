"""The text model: tokens and sentences with code-point offsets, lemmas, and negation scope."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from counterpoint.engine import lexicons, wordnet
from counterpoint.engine.lexicons import closed_class

TOKEN_RE = re.compile(
    r"\w+(?=n['’]t\b)"  # the "do" of "don't"
    r"|n['’]t\b"  # its "n't"
    r"|\d+(?:[.,]\d+)*%?"  # 1,140  2.5  40%
    r"|\w+(?:['’\-]\w+)*"  # words, with inner apostrophes and hyphens
    r"|'(?:ll|re|ve|s|d|m)\b"
    r"|[.,;:!?'\"’‘“”()\[\]{}—–\-…/&%$£€]"  # punctuation, one mark a token
    r"|[^\w\s.,;:!?'\"’‘“”()\[\]{}—–\-…/&%$£€]+"  # any other run of symbols (emoji, NULs) is one token
)

# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by space, or at a line break.
BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n\s*")
ABBREVIATIONS = closed_class("abbreviations")
# Sentences longer than this are cut at a clause boundary or a space, so that a huge line without
# punctuation stays cheap to compare.
MAX_SENTENCE = 600

CONTRACTION_HOSTS = {"ca": "can", "wo": "will", "sha": "shall", "'ll": "will", "'re": "be", "'ve": "have"}
STOPWORDS = closed_class("stopwords")
CLAUSE_BREAK = closed_class("clause-break")
SCOPE_MAX = 6
SCOPE_AUXILIARIES = closed_class("scope-auxiliaries")
# Adjectives that add nothing to what a negation denies: "no new taxes" denies taxes.
SEE_THROUGH = closed_class("see-through")
# "no" denies a noun phrase: its scope ends where a verb or a preposition takes over ("no checks [on
# goods going from ...]", "no deal [is better]"); "of" and "between" stay inside ("no link between").
NP_END = closed_class("np-end")


class Token(NamedTuple):
    start: int
    end: int
    norm: str  # lower case, typographic apostrophe made plain
    lemma: str
    word: bool  # contains a letter or digit


@dataclass
class Sentence:
    start: int
    end: int
    lo: int  # index of the first token in Document.tokens
    hi: int  # one past the last token


@functools.lru_cache(maxsize=65536)
def lemma_of(norm: str) -> str:
    if norm in CONTRACTION_HOSTS:
        return CONTRACTION_HOSTS[norm]
    if not norm.isalpha() or len(norm) < 3:
        return norm
    base = lexicons.irregular_forms().get(norm)
    if base is not None:
        return base
    return wordnet.load().lemmatize(norm)


@functools.lru_cache(maxsize=65536)
def _word_info(surface: str) -> tuple[str, str, bool]:
    norm = surface.lower().replace("’", "'")
    return norm, lemma_of(norm), norm[0].isalnum()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens with offsets shifted by `offset` (the position of `text` in its document)."""
    # tuple.__new__ makes the same Token as Token(...) without the Python-level __new__ namedtuple writes
    new = tuple.__new__
    info = _word_info
    return [
        new(Token, (m.start() + offset, m.end() + offset, *info(m.group()))) for m in TOKEN_RE.finditer(text)
    ]


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period ending at `end` belongs to an abbreviation or an initial."""
    start = end - 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    if start > 0 and text[start - 1] in "'’":
        return False  # the "t." of "don't."
    word = text[start:end].rstrip(".").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max(window.rfind(c) for c in ",;:—–")
        if cut < MAX_SENTENCE // 3:
            cut = window.rfind(" ")
        if cut < MAX_SENTENCE // 3:
            cut = MAX_SENTENCE - 1
        pieces.append((start, start + cut + 1))
        start += cut + 1
    pieces.append((start, end))
    return pieces


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, stripped of surrounding space; never empty, never overlapping."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY_RE.finditer(text):
        end = m.end()
        mark = m.group()
        if mark.startswith(".") and mark.rstrip("\"'”’»)]") == "." and _is_abbreviation(text, m.start() + 1):
            continue
        if mark.startswith(("!", "?", ".", "…")):
            # a boundary only when the next word starts a sentence (capital, digit, quote)
            nxt = text[end : end + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.extend(_cut_long(text, s, e))
    return out


class Document:
    """One text, tokenized and split, with each token's negation status."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        self.tokens: list[Token] = []
        for s, e in split_sentences(text):
            lo = len(self.tokens)
            self.tokens.extend(tokenize(text[s:e], s))
            self.sentences.append(Sentence(s, e, lo, len(self.tokens)))
        self.norms = [t.norm for t in self.tokens]
        self.lemmas = [t.lemma for t in self.tokens]
        # word (norm and lemma) -> token positions, so that lexicon lookups visit only likely places
        self.index: dict[str, list[int]] = {}
        for k, (norm, lemma) in enumerate(zip(self.norms, self.lemmas, strict=True)):
            self.index.setdefault(norm, []).append(k)
            if lemma != norm:
                self.index.setdefault(lemma, []).append(k)
        self._starts: dict[int, list[int]] = {}
        self.negated = [False] * len(self.tokens)
        self.neg_cue: list[int] = [-1] * len(self.tokens)  # index of the cue that negates each token
        lex = lexicons.load()
        for sent in self.sentences:
            self._mark_negation(sent, lex)

    def find(self, matcher: lexicons.PhraseMatcher, sent: Sentence) -> Iterator[tuple[int, int, list[Any]]]:
        """Matches of a lexicon inside one sentence."""
        starts = self._starts.get(id(matcher))
        if starts is None:
            starts = self._starts[id(matcher)] = matcher.starts(self.index)
        return matcher.find(self.norms, self.lemmas, sent.lo, sent.hi, starts)

    def _mark_negation(self, sent: Sentence, lex: lexicons.Lexicons) -> None:
        reports = lex.report_words
        for i, j, payloads in self.find(lex.negation, sent):
            if "pseudo" in payloads or "report" in payloads:
                continue
            if self.norms[i] == "no" and j < sent.hi and self.norms[j][:1].isdigit():
                continue  # "No 10", "No. 5": a number sign, not a negation
            if "implicative" in payloads and j < sent.hi and self.norms[j][:1].isdigit():
                continue  # "declined to 3.5 percent": a figure falling, not a refusal
            n = 0
            k = j
            noun_phrase = self.norms[i] == "no" and j == i + 1
            # "it is not likely that X", "it is not on the cards that X": the clause is what is denied
            extraposed = (
                i - 2 >= sent.lo and self.norms[i - 2] == "it" and self.norms[i - 1] in ("is", "'s", "was")
            )
            while k < sent.hi and n < SCOPE_MAX:
                norm = self.norms[k]
                if (
                    norm == "that"
                    and n > 0
                    and (extraposed or any(self.lemmas[m] in reports for m in range(j, k)))
                ):
                    n = 0  # "no evidence that X", "not say that X": the clause is denied too
                    extraposed = False
                elif (
                    norm in CLAUSE_BREAK
                    or norm in '.!?…"”'
                    or (n > 0 and norm in ("not", "n't", "no"))
                    or (noun_phrase and n > 0 and norm in NP_END)
                ):
                    break
                self.negated[k] = True
                self.neg_cue[k] = i
                # auxiliaries do not use up the scope: "not going to be an early general election"
                n += norm not in SCOPE_AUXILIARIES
                k += 1
            for c in range(i, j):
                self.neg_cue[c] = i

    @functools.cached_property
    def denied_lemmas(self) -> frozenset[str]:
        """Every word the text denies somewhere (by lemma)."""
        return frozenset(lemma for lemma, neg in zip(self.lemmas, self.negated, strict=True) if neg)

    def is_negation_head(self, k: int) -> bool:
        """Whether negated token k is the first content word after its cue ("not [asked] for a freeze").

        Words that only say "more of it" ("no new taxes", "no further cuts") are see-through.
        """
        return all(
            not self.tokens[j].word or self.lemmas[j] in STOPWORDS or self.norms[j] in SEE_THROUGH
            for j in range(self.neg_cue[k] + 1, k)
        )

    def sentence_text(self, idx: int) -> str:
        s = self.sentences[idx]
        return self.text[s.start : s.end]

    def content(self, sent: Sentence) -> list[int]:
        """Indices of content tokens (not stopwords, not punctuation) in a sentence."""
        return [
            k
            for k in range(sent.lo, sent.hi)
            if self.tokens[k].word and self.lemmas[k] not in STOPWORDS and len(self.norms[k]) > 1
        ]
