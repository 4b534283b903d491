"""Direct quotations in news writing and who said them.

The text is read in four passes: find the quoted spans (straight and curly marks, nested quotes, quotations
continued over paragraphs); mask them, so the sentence splitter and the attribution rules see only the
reporter's words; list the people the article names (full name, role, later references by last name); then
attribute each quotation from the patterns news writing uses ("X said", "said X", "according to X", "X told",
"he added"), falling back on the speaker of the previous quotation and on the subject of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice

from counterpoint.ingest.dates import find_dates
from counterpoint.ingest.lexicon import Lexicon, is_page_noise, lexicon
from counterpoint.ingest.quotemarks import (
    OPEN_DOUBLE,
    OPEN_SINGLE,
    QuotedSpan,
    Span,
    find_quoted,
    paragraph_spans,
)

# Quotations of fewer words than this are scare quotes or labels ("too nice", 'Lawful'), not statements.
MIN_QUOTE_WORDS = 3
# A quotation nobody is found to have said is still offered when it is at least this long (the user can name
# the speaker in the preview); shorter unattributed ones are almost always titles, slogans or names.
MIN_UNATTRIBUTED_WORDS = 8


@dataclass(frozen=True)
class Quote:
    """A quotation in a document: its words (without the quote marks), who said it, and how sure we are.

    `start`/`end` span the quotation in Document.text. A quotation split by its attribution ("…," he said,
    "…") or continued over paragraphs has several `parts`; `text` is the parts' words joined, and the span
    covers them all.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    role: str | None
    confidence: float
    said_on: date | None
    attribution: Span | None
    occasion: str | None = None
    parts: tuple[Span, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))


def join_parts(text: str, parts: Iterable[Span]) -> str:
    """The words of a quotation made of several spans: parts of a paragraph joined by a space, paragraphs by
    a blank line. A line break inside a part (hard-wrapped text) reads as a space; every character keeps its
    place, so positions in the joined text map back to the document."""
    pieces: list[str] = []
    previous_end: int | None = None
    for start, end in parts:
        if previous_end is not None:
            pieces.append(part_separator(text[previous_end:start]))
        pieces.append(text[start:end].replace("\n", " "))
        previous_end = end
    return "".join(pieces)


def part_separator(gap: str) -> str:
    """What joins two parts of a quotation: a blank line where the quotation runs on into a new paragraph
    (nothing between the parts but the line break and the new paragraph's opening mark), else a space."""
    return "\n\n" if _NEW_PARAGRAPH.fullmatch(gap) else " "


def has_blank_line_paragraphs(text: str) -> bool:
    """Whether paragraphs are separated by blank lines (single line breaks are then only wrapping)."""
    return bool(_BLANK_LINE.search(text))


_NEW_PARAGRAPH = re.compile(r"[ \t]*\n\s*[\"“„«‟‘'‚‹]?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def extract_quotes(text: str, *, published: date | None = None) -> list[Quote]:
    """Every quotation in `text` of MIN_QUOTE_WORDS words or more, with speaker, role, date and confidence.

    `published` (the document's date) turns "Tuesday" or "last Friday" into dates.
    """
    quotes: list[Quote] = []
    for quote in _Extractor(text, published).run():
        quotes.append(quote)
        if len(quote.text) >= 80 and _NESTED_OPEN.search(quote.text):
            quotes.extend(_nested_quotes(text, quote, published))
    return quotes


_NESTED_OPEN = re.compile(r"(?:^|[\s(\[—–-])[‘‚‹'\"“]\w")  # an opening mark, not an apostrophe


def _nested_quotes(text: str, outer: Quote, published: date | None) -> list[Quote]:
    """Quotations inside a quotation that name their own speaker there: a report quoting what others said
    ('Ebel reports, "… \u2018But we are well aware …,\u2019 she said."') gives each inner quotation to its speaker."""
    pieces: list[tuple[int, int, int]] = []  # (start in the quotation's text, start in the document, length)
    position = 0
    previous_end: int | None = None
    for start, end in outer.parts:
        if previous_end is not None:
            position += len(part_separator(text[previous_end:start]))
        pieces.append((position, start, end - start))
        position += end - start
        previous_end = end

    def to_document(span: Span) -> Span | None:
        for at, start, length in pieces:
            if at <= span[0] and span[1] <= at + length:
                return start + span[0] - at, start + span[1] - at
        return None

    found: list[Quote] = []
    for inner in _Extractor(outer.text, published).run():
        if inner.speaker is None or inner.attribution is None or inner.speaker == outer.speaker:
            continue
        if inner.speaker.startswith("the "):
            continue  # '"The doctor told us, \u2018…\u2019"': someone the speaker met, unnamed, is the speaker's account
        parts = [to_document(part) for part in inner.parts]
        if any(part is None for part in parts):
            continue
        spans = tuple(part for part in parts if part is not None)
        found.append(
            Quote(
                start=spans[0][0], end=spans[-1][1], text=join_parts(text, spans), speaker=inner.speaker,
                role=inner.role, confidence=min(inner.confidence, outer.confidence),
                said_on=inner.said_on or outer.said_on, attribution=to_document(inner.attribution),
                occasion=inner.occasion, parts=spans,
            )
        )  # fmt: skip
    return found


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """A pull quote repeats words quoted elsewhere in the article: keep the best attributed occurrence."""
    best: dict[str, Quote] = {}
    for quote in quotes:
        key = " ".join(re.sub(r"[^\w\s]", "", quote.text.casefold()).split())
        kept = best.get(key)
        if kept is None or (quote.speaker is not None, quote.confidence) > (
            kept.speaker is not None,
            kept.confidence,
        ):
            best[key] = quote
    chosen = {id(q) for q in best.values()}
    return [q for q in quotes if id(q) in chosen]


def _utterance(text: str, parts: list[Span]) -> bool:
    """'No comment,' 'Absolutely not.': a short quotation that is a whole sentence, not a phrase in one."""
    start, end = parts[0][0], parts[-1][1]
    following = text[end : end + 1]
    return text[start].isupper() and (text[end - 1] in ".!?," or following == ",")


def _title_case(tokens: list[_Token]) -> bool:
    """A headline in title case: most words capitalised, including the ones prose leaves in lower case."""
    words = [t for t in tokens if t.word[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(t.capitalised for t in words) >= 0.7 * len(words)


def _name_like(word: str) -> bool:
    """'Natarajan', "O'Neill", 'Ocasio-Cortez': capitalised, with lower-case letters."""
    return word[:1].isupper() and any(ch.islower() for ch in word)


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _surname(name: str) -> str:
    """'Robert F. Hale Jr.' -> 'hale': the last word of a name that is not a generational suffix."""
    words = name.lower().split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _party_or_age(word: str) -> bool:
    """'R-S.C.', 'D-N.Y', '54': the party-and-state or age that news puts after a name."""
    return bool(re.fullmatch(r"\d{1,3}|[DRI]-[A-Z][A-Za-z.]*|[A-Z]\.?", word))


def _looks_like_a_name(text: str, parts: list[Span]) -> bool:
    """'the "Fresh Start Initiative"', 'the film "The Long Road Home"': a title, not something said."""
    words = " ".join(text[s:e] for s, e in parts).split()
    if (
        len(words) > 8
        or text[parts[-1][1] - 1 : parts[-1][1] + 1][:2].strip(".!?,;:")
        != text[parts[-1][1] - 1 : parts[-1][1] + 1][:2]
    ):
        return False  # punctuation inside the marks: '"No," she said' is a reply, not a title
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from"}
    return all(w[:1].isupper() or w.lower() in small for w in words) and words[0][:1].isupper()


# --- pass 2: tokens and sentences of the reporter's own words -----------------------------------------

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])"
    r"|(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|Jan|Feb|"
    r"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s)"
    r"|[^\W_](?:[\w\-]*[^\W_])?(?:['’][A-Za-z]+)?(?:(?<=[A-Z])\+(?!\w))?"
)
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|St|Jr|Sr|Inc|"
    r"Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m)\.)$"
)
_PRONOUNS = {"he": "m", "she": "f", "they": "", "i": "", "we": "", "it": ""}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "one",
    "another",
    "two",
    "three",
    "several",
}
_NAME_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "al",
    "del",
    "dos",
    "el",
}
_CONNECTORS = {"of", "for", "the", "and", "on", "at", "to"}
_AUXILIARIES = {
    "has", "had", "have", "would", "will", "did", "does", "do", "also", "later", "then", "again", "once",
    "previously", "repeatedly", "recently", "further", "simply", "only", "quickly", "flatly", "publicly",
    "was", "is", "just", "reportedly", "separately", "privately", "earlier", "often", "never", "not", "could",
    "might", "may", "should", "can", "been", "be",
}  # fmt: skip
# Things that "say" in news writing without being anyone: '"…," the statement said'.
_NOT_PEOPLE = {
    "report", "study", "survey", "ruling", "order", "decision", "bill", "law", "plan", "proposal", "document",
    "complaint", "lawsuit", "filing", "notice", "website", "sign", "headline", "letter", "statement", "memo",
    "release", "post", "tweet", "message", "text", "note", "indictment", "warrant", "verdict", "agreement",
}  # fmt: skip
# The words that end a company's name ("Orbit Inc.", "Veltron Semiconductor Corp.").
_CORPORATE = {
    "inc.",
    "inc",
    "corp.",
    "corp",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "sa",
    "group",
    "company",
}
# Occupations by their endings ("Meteorologist Dan Whitlock", "pediatrician", "photographer"): a role.
# "-ist" only on longer words and never after "qu", "qv", "e", "chr" (Lindqvist, Holmquist, Feist, Christ are surnames).
_OCCUPATION = re.compile(
    r"(?:olog|iatr)ists?$|icians?$|ographers?$|^\w{3,}(?<!qu)(?<!qv)(?<!e)(?<!chr)ists?$"
)
# Words that open a new clause after a quotation: a speech verb beyond them has its own subject.
_CLAUSE_OPENERS = {
    "as", "while", "but", "because", "although", "though", "whereas", "since", "even", "which", "who",
    "until", "unless", "if",
}  # fmt: skip
# Speech verbs that may open a sentence before the speaker's name, in feature writing.
_INVERTED_VERBS = {"says", "adds", "asks", "recalls", "explains", "notes", "insists", "warns"}
# First words of place and company names, which a sentence may open with ("New Jersey Transit said").
_PLACE_PREFIXES = {
    "new",
    "north",
    "south",
    "east",
    "west",
    "united",
    "great",
    "upper",
    "lower",
    "central",
    "royal",
}
_INDEFINITE = {"a", "an", "another", "one", "two", "three", "several", "some"}
_PARTY_LABEL = re.compile(r"\((?:[DRIL]|Dem|Rep|Ind|Lab|Con)-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)")
# How many tokens of a sentence's opening are read for its subject (a name or "the <role>").
_OPENING_TOKENS = 16


@cache
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The multi-word speech verbs by their first word, longest first as in the lexicon."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        found.setdefault(phrase[0], []).append(phrase)
    return {key: tuple(value) for key, value in found.items()}


_SURE_VERBS = {"says", "tells", "adds", "writes", "asks", "insists", "argues", "explains", "warns", "tweets"}


# nouns that end like adverbs: "the family said" keeps its subject
_LY_NOUNS = frozenset(
    {"family", "families", "ally", "allies", "assembly", "rally", "supply", "monopoly", "anomaly", "bully"}
)
# speech verbs whose object is the one spoken to or about, never the speaker ("accused Mr Spencer of using")
_OBJECT_VERBS = frozenset({
    "accused", "accuses", "accusing", "told", "tells", "telling", "urged", "urges", "urging", "blasted",
    "slammed", "criticized", "criticised", "praised", "informed", "assured", "assures", "instructed",
})  # fmt: skip
# title words that are also first names: "Dean Skelos", "Earl Blumenauer"
_FIRST_NAME_TITLES = frozenset({"dean", "earl"})
_WIRES = frozenset({"reuters", "ap", "afp", "upi", "bloomberg", "tass", "dpa", "ansa", "efe", "xinhua"})


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # as written
    key: str  # lower case, possessive removed

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int
    tokens: list[_Token] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indexes into the extractor's quoted list
    number: int = 0  # position in the extractor's sentence list
    _starts: list[int] | None = None

    def token_starts(self) -> list[int]:
        if self._starts is None or len(self._starts) != len(self.tokens):
            self._starts = [token.start for token in self.tokens]
        return self._starts


@dataclass
class _Person:
    name: str
    roles: dict[str, int] = field(default_factory=dict)
    gender: str = ""

    def role(self) -> str | None:
        if not self.roles:
            return None
        return max(self.roles.items(), key=lambda item: (item[1], len(item[0])))[0]


@dataclass
class _Mention:
    position: int
    person: _Person
    subject_like: bool
    others: tuple[_Person, ...] = ()  # others of the same surname, when the surname alone is written


@dataclass
class _Speaker:
    name: str
    role: str | None
    confidence: float
    span: Span
    person: _Person | None = None


@cache
def _occasion_pattern(occasions: tuple[str, ...]) -> re.Pattern[str]:
    """'In a statement Monday', 'during a press briefing', 'in his Tuesday remarks to Noble'."""
    nouns = "|".join(re.escape(o) for o in occasions)
    return re.compile(
        r"\b(?i:in|during|at|on|via|through)\s+(?i:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
        rf"(?i:{nouns})s?\b(?:\s+(?:to|with|before)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?"
    )


# --- the extractor --------------------------------------------------------------------------------------


class _Extractor:
    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        self.lex: Lexicon = lexicon()
        self._phrases_by_first = _phrases_by_first_word(self.lex.speech_phrases)
        self.blank_lines = has_blank_line_paragraphs(text)
        # Hard-wrapped text breaks lines inside sentences (and names); elsewhere a line break ends a caption.
        lines = [line for line in text.split("\n") if line.strip()]
        self._wrapped = self.blank_lines and len(lines) > 3 * max(1, len(_BLANK_LINE.findall(text)))
        self.paragraphs = paragraph_spans(text)
        self._paragraph_starts = [start for start, _end in self.paragraphs]
        self.quoted = find_quoted(text, self.paragraphs)
        self._quote_slot: dict[int, int] = {}  # quotation index -> its place in its sentence's list
        self.masked = self._mask()
        self.sentences = self._sentences()
        self.people: dict[str, _Person] = {}  # full name -> person
        self.by_last_name: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        self._last_speaker: _Speaker | None = None  # the speaker of the quotation before, while run() works
        self._mention_positions: list[int] = []
        self._dates: dict[Span, date | None] = {}
        self._unnamed_attribution = False
        self._lower_words: set[str] | None = None
        self._said_right_after = (
            False  # the last quotation was followed at once by "X said" (a full utterance)
        )

    def _mask(self) -> str:
        chars = list(self.text)
        # "Sen. Mike Lee (R-Utah) said": the party-and-state label is read as if it were not there
        for match in _PARTY_LABEL.finditer(self.text):
            chars[match.start() : match.end()] = " " * (match.end() - match.start())
        for quoted in self.quoted:
            for start, end in quoted.parts:
                for i in range(start, end):
                    if chars[i] != "\n":
                        chars[i] = "x"
        return "".join(chars)

    # sentences ---------------------------------------------------------------------------------------

    def _sentences(self) -> list[_Sentence]:
        close_ends: dict[int, int] = {}  # close-mark position -> quoted index
        for index, quoted in enumerate(self.quoted):
            for _open, close in quoted.marks:
                close_ends[close] = index
        sentences: list[_Sentence] = []
        for number, (p_start, p_end) in enumerate(self.paragraphs):
            start = p_start
            i = p_start
            while i < p_end:
                ch = self.masked[i]
                boundary = False
                if ch in ".!?" and i in close_ends:
                    pass
                elif ch in ".!?…" and self._terminates(i, p_end):
                    boundary = True
                elif i in close_ends:
                    boundary = self._quote_terminates(close_ends[i], i, p_end)
                if boundary:
                    sentences.append(_Sentence(start, i + 1, number))
                    start = i + 1
                    while start < p_end and self.text[start].isspace():
                        start += 1
                    i = start
                    continue
                i += 1
            if start < p_end:
                sentences.append(_Sentence(start, p_end, number))
        # Sorted positions make the lookups below logarithmic: a long report has thousands of quotations.
        self._part_starts = sorted(s for q in self.quoted for s, _e in q.parts)
        self._part_ends = {s: e for q in self.quoted for s, e in q.parts}
        self._mark_positions = sorted({p for q in self.quoted for p in (q.marks[0][0], q.marks[-1][1])})
        for number, sentence in enumerate(sentences):
            sentence.number = number
            for match in _TOKEN.finditer(self.masked, sentence.start, sentence.end):
                if self._inside_quote(match.start()):
                    continue
                word = match.group()
                key = re.sub(r"['’]s$", "", word.lower())
                sentence.tokens.append(_Token(match.start(), match.end(), word, key))
        starts = [sentence.start for sentence in sentences]
        for index, quoted in enumerate(self.quoted):
            first = quoted.marks[0][0]
            at = bisect_right(starts, first) - 1
            if at >= 0 and sentences[at].start <= first < sentences[at].end:
                self._quote_slot[index] = len(sentences[at].quotes)
                sentences[at].quotes.append(index)
        return sentences

    def _inside_quote(self, position: int) -> bool:
        at = bisect_right(self._part_starts, position) - 1
        return at >= 0 and position < self._part_ends[self._part_starts[at]]

    def _terminates(self, i: int, p_end: int) -> bool:
        j = i + 1
        while j < p_end and self.masked[j] in ".!?…)":
            j += 1
        if j >= p_end:
            return True
        if not self.masked[j].isspace():
            return False
        while j < p_end and self.masked[j].isspace():
            j += 1
        if j >= p_end:
            return True
        following = self.masked[j]
        if not (following.isupper() or following.isdigit() or following in OPEN_DOUBLE + OPEN_SINGLE + "\"'"):
            return False
        return not (self.masked[i] == "." and _ABBREVIATION_END.search(self.masked[max(0, i - 12) : i + 1]))

    def _quote_terminates(self, index: int, close: int, p_end: int) -> bool:
        content = self.text[self.quoted[index].parts[-1][0] : close].rstrip()
        if not content or content[-1] not in ".!?…":
            return False
        rest = self.text[close + 1 : p_end].lstrip()
        if not rest:
            return True
        # "Why now?" she asked. -- the sentence goes on when a lower-case word follows,
        # and when a name and a speech verb follow: "Is this the end?" Smith asked.
        if rest[0].islower() or rest[0] in ",;:—–-":
            return False
        if content[-1] == ".":
            return True  # news ends a quotation with a comma before its attribution, never a full stop
        words = [w.rstrip(".") for w in re.findall(r"[\w.'’-]+", rest[:80])[:6]]
        for n, word in enumerate(words):
            if word.lower() in self.lex.speech_verbs and n > 0:
                return not all(w[:1].isupper() or w.lower() in self.lex.titles for w in words[:n])
            if not (word[:1].isupper() or word.lower() in self.lex.titles):
                break
        return True

    # people ------------------------------------------------------------------------------------------

    def _word_class(self, token: _Token) -> str:
        key = token.key
        if key in self.lex.honorifics:
            return "honorific"
        if key in self.lex.titles or key.rstrip(".") in self.lex.titles or _OCCUPATION.search(key):
            return "title"
        if key in self.lex.organisation_words:
            return "org"
        if len(token.word) >= 2 and token.word.isupper() and not re.fullmatch(r"[A-Z]\.", token.word):
            return "org"  # an acronym: NOBLE, FBI, U.S. (an initial, "F.", belongs to a name)
        return "word"

    def _capitalised_run(self, tokens: list[_Token], end: int) -> int:
        """Start index of the run of name-like tokens that ends at tokens[end] (inclusive)."""
        start = end
        while start > 0:
            previous = tokens[start - 1]
            gap = self.masked[previous.end : tokens[start].start]
            if gap.strip() == "&" and previous.capitalised and tokens[start].capitalised:
                start -= 1  # "Pacific Gas & Electric", "Johnson & Johnson": one company
                continue
            if gap.strip() or ("\n" in gap and not self._wrapped):
                break
            if previous.capitalised and previous.key in _INVERTED_VERBS and start - 1 == 0:
                break  # "Says Maria Gutierrez": the verb, not a first name
            if previous.capitalised and previous.key not in self.lex.not_names:
                start -= 1
            elif previous.capitalised and previous.key in ("the",) and start - 1 > 0:
                break
            elif previous.key in self.lex.titles and not previous.capitalised:
                start -= 1  # AP style: "press secretary Sarah Sanders", "state Sen. Jane Doe"
            elif (
                previous.key == "and"
                and not previous.capitalised
                and start - 2 >= 0
                and tokens[start].key in self.lex.titles
                and tokens[start - 2].key in self.lex.titles
                and self._adjacent(tokens, start - 2, start - 1)
            ):
                start -= 2  # "co-founder and chief executive Priya Venkataraman"
            elif previous.key in _NAME_PARTICLES | _CONNECTORS and start - 2 >= 0:
                before = tokens[start - 2]
                if before.capitalised and not self.masked[before.end : previous.start].strip():
                    start -= 2
                elif (
                    previous.key in _NAME_PARTICLES
                    and before.key in _NAME_PARTICLES
                    and start - 3 >= 0
                    and tokens[start - 3].capitalised
                    and self._adjacent(tokens, start - 3, start - 2)
                    and self._adjacent(tokens, start - 2, start - 1)
                ):
                    start -= 3  # "Pieter van der Berg", "Ana María de la Cruz"
                elif (
                    previous.key == "the"
                    and before.key in ("of", "for", "at")
                    and start - 3 >= 0
                    and tokens[start - 3].capitalised
                    and self._adjacent(tokens, start - 3, start - 2)
                    and self._adjacent(tokens, start - 2, start - 1)
                ):
                    start -= 3  # "Lt. Karen Shaw of the Eastport Police Department"
                else:
                    break
            else:
                break
        if (
            start == 0
            and end == 2
            and all(t.capitalised and self._word_class(t) == "word" for t in tokens[:3])
            and tokens[0].key not in _PLACE_PREFIXES
            and self._common_word(tokens[0])
        ):
            start = 1  # "Hiker Jamal Pierce": a word the text also writes in lower case opens the sentence
        # The run never starts with a sentence opener ("In", "The") or a lower-case word, except a title
        # before a name ("union president Derek Olsen").
        while start <= end and (
            (not tokens[start].capitalised and tokens[start].key not in self.lex.titles)
            or tokens[start].key in self.lex.not_names
            or tokens[start].key in _CONNECTORS
        ):
            start += 1
        if start <= end and not any(t.capitalised for t in tokens[start : end + 1]):
            return end + 1
        return start

    def _common_word(self, token: _Token) -> bool:
        """Whether the text also uses this capitalised word in lower case ("Hiker" beside "this hike")."""
        if self._lower_words is None:
            self._lower_words = set(re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", self.text))
        key = token.key
        return key in self._lower_words or (
            len(key) > 4 and key.endswith("er") and key[:-1] in self._lower_words
        )

    def _split_name(self, words: list[_Token]) -> tuple[str | None, str | None, bool]:
        """(name, role, is_organisation) of a capitalised phrase: 'U.S. Attorney General Jeff Sessions'."""
        if not words:
            return None, None, False
        if "&" in self.masked[words[0].end : words[-1].start]:
            return self._phrase(words), None, True  # "Procter & Gamble" is a company, never a person
        # "Governor Ray Okafor of Lakeshore": the name sits before "of", the place belongs to the role
        # "Ana Smith and Ben Jones": two people speaking together are one speaker, named as the text does
        for k in range(1, len(words) - 1):
            if words[k].key == "and" and not words[k].capitalised:
                first, _r1, org1 = self._split_name(words[:k])
                second, _r2, org2 = self._split_name(words[k + 1 :])
                if first and second and not org1 and not org2:
                    # "St. Anselm chief executive Dr. Robert Hayes and Riverbend chief executive Nina
                    # Castellano" speak together: the names, without their roles
                    return f"{first} and {second}", None, True
        # ("Secretary of State Antony Blinken" has its name last, after the title: that is not this case.)
        tail_name = len(words)
        while (
            tail_name > 0
            and self._word_class(words[tail_name - 1]) == "word"
            and words[tail_name - 1].capitalised
        ):
            tail_name -= 1
        # ...but "Leyla Arslan of the Turkish Red Crescent" ends with an organisation: "the" never leads a name.
        tail_is_name = tail_name < len(words) and (
            tail_name == 0 or words[tail_name - 1].key not in ("the", "of", "for", "at")
        )
        for k in range(len(words) - 1, 0, -1):
            if tail_is_name and k < tail_name - 1:
                break
            if words[k].key in ("of", "for") and not words[k].capitalised and words[k - 1].capitalised:
                name, role, is_org = self._split_name(words[:k])
                if name and not is_org and " " in name:
                    tail = self._phrase(words[k:])
                    return (
                        name,
                        f"{role} {tail}" if role else re.sub(r"^(?:of|for|at)\s+(?:the\s+)?", "", tail),
                        False,
                    )
                return self._phrase(words), None, True  # "Democrat of New York", "Bank of England"
        if any(self._word_class(w) == "org" for w in words) and self._word_class(words[-1]) in (
            "org",
            "word",
        ):
            # "the White House", "the Justice Department": an organisation, unless a person is named last
            name_start = len(words)
            while name_start > 0 and self._word_class(words[name_start - 1]) == "word":
                name_start -= 1
            if name_start == len(words) or name_start == 0 or len(words) - name_start < 2:
                return self._phrase(words), None, True
        name_start = len(words)
        while name_start > 0:
            cls = self._word_class(words[name_start - 1])
            if name_start < len(words) and words[name_start - 1].word.endswith(("'s", "’s")):
                break  # "Bloomberg's Eric Roston": the possessive is an affiliation, not part of the name
            if (
                cls == "title"
                and words[name_start - 1].key in _FIRST_NAME_TITLES
                and words[name_start - 1].capitalised
                and len(words) - name_start == 1
            ):
                name_start -= 1  # "Senate leader Dean Skelos": a first name that is also a title
                continue
            if (
                cls != "word"
                or not words[name_start - 1].capitalised
                or words[name_start - 1].key in self.lex.not_names
            ):
                if words[name_start - 1].key in _NAME_PARTICLES and name_start < len(words):
                    name_start -= 1
                    continue
                break
            name_start -= 1
        name_words = words[name_start:]
        role_words = words[:name_start]
        while role_words and self._word_class(role_words[-1]) == "honorific":
            role_words = role_words[:-1]
        while role_words and role_words[-1].key in _CONNECTORS:
            role_words = role_words[:-1]
        if not name_words:
            return None, self._phrase(role_words) if role_words else None, False
        if sum(w.key not in _NAME_PARTICLES for w in name_words) > 4:  # "Ana María de la Cruz" is one name
            name_words = name_words[-3:]
        name = " ".join(re.sub(r"['’]s$|['’]$", "", w.word) for w in name_words)
        return name, self._phrase(role_words) if role_words else None, False

    def _phrase(self, words: list[_Token]) -> str:
        text = self.text[words[0].start : words[-1].end]
        return re.sub(r"['’]s$", "", re.sub(r"\s+", " ", text))

    def _register(self, name: str, role: str | None) -> _Person:
        person = self.people.get(name)
        if person is None and name.split()[0].lower() in _NAME_PARTICLES:
            # "De Blasio said" opening a sentence is Bill de Blasio, named before
            person = next(
                (p for p in self.people.values() if p.name.lower().endswith(" " + name.lower())), None
            )
        if person is None:
            last = _surname(name)
            if " " not in name and last in self.by_last_name:
                person = self.by_last_name[last]
            else:
                person = _Person(name)
                self.people[name] = person
                self.by_last_name.setdefault(last, person)
        if role:
            person.roles[role] = person.roles.get(role, 0) + 1
        return person

    def _collect_people(self) -> None:
        """Register everyone named with first and last name, then note each mention (last names too)."""
        runs: list[tuple[_Sentence, int, int]] = []
        for sentence in self.sentences:
            tokens = sentence.tokens
            if (
                not sentence.quotes
                and self.text[sentence.start : sentence.end].rstrip()[-1:] not in ".!?:;,”\"'’"
                and (_title_case(tokens) or self._headline(sentence))
            ):
                continue  # a headline ("Ocean Heat Hit Record High, Study Finds") names nobody reliably
            i = len(tokens) - 1
            while i >= 0:
                if tokens[i].capitalised and tokens[i].key not in self.lex.not_names:
                    start = self._capitalised_run(tokens, i)
                    if start <= i:
                        runs.append((sentence, start, i))
                        i = start - 1
                        continue
                i -= 1
        runs.sort(key=lambda run: run[0].tokens[run[1]].start)
        split_runs: list[tuple[_Sentence, int, int]] = []
        for sentence, start, end in runs:
            cut = start
            for k in range(start + 1, end):
                if sentence.tokens[k].key == "and" and not sentence.tokens[k].capitalised:
                    split_runs.append((sentence, cut, k - 1))
                    cut = k + 1
            split_runs.append((sentence, cut, end))
        runs = split_runs
        for n, (sentence, start, end) in enumerate(runs):
            # "Ed and Marjorie Kowalski": a first name alone before "and" and a full name shares its surname
            if (
                start == end
                and n + 1 < len(runs)
                and runs[n + 1][0] is sentence
                and runs[n + 1][1] == end + 2
            ):
                tokens = sentence.tokens
                first, partner = tokens[start], tokens[runs[n + 1][1] : runs[n + 1][2] + 1]
                if (
                    tokens[end + 1].key == "and"
                    and len(partner) == 2
                    and all(_name_like(t.word) and self._word_class(t) == "word" for t in (first, *partner))
                    and first.key not in self.lex.not_names
                ):
                    self._register(f"{first.word} {partner[-1].word}", None)
        for sentence, start, end in runs:
            name, role, is_org = self._split_name(sentence.tokens[start : end + 1])
            honorific = self._word_class(sentence.tokens[start]) == "honorific"
            if name and not is_org and (" " in name or honorific) and name[:1].isupper():
                appositive = self._appositive_role(sentence.tokens, end)
                registered = self._register(name, role or appositive)
                if role and appositive:
                    # "Sen. Dale Rutherford (R-Okla.), the lead Republican negotiator": "the negotiator" later
                    registered.roles.setdefault(appositive, 0)
                later_role = self._relative_role(sentence.tokens, end)
                if later_role:
                    # "Mr Spencer, a former chief whip who is now a minister at …": "a government minister"
                    registered.roles.setdefault(later_role, 0)
        # A surname alone is the person first named with it (the subject of an obituary or profile), except
        # in the paragraph that names a namesake in full and the next: "Her father, Greg Foster, spoke next.
        # ... 'I have tried,' Foster said" after the victim Abigail Foster and her mother Linda Foster.
        latest: dict[str, tuple[_Person, int]] = {}
        namesakes: dict[str, list[_Person]] = {}
        first_names: dict[str, list[_Person]] = {}
        for known in self.people.values():
            namesakes.setdefault(_surname(known.name), []).append(known)
            if " " in known.name:
                first_names.setdefault(known.name.split()[0].lower(), []).append(known)
        for sentence, start, end in runs:
            words = sentence.tokens[start : end + 1]
            name, _role, is_org = self._split_name(words)
            if not name or is_org:
                continue
            last = _surname(name)
            person = self.people.get(name)
            if person is None and last in latest and sentence.paragraph - latest[last][1] <= 1:
                person = latest[last][0]
            person = person or self.by_last_name.get(last) or self._named_in_a_quotation(name, words[0].start)
            if (
                person is None
                and " " not in name
                and len(first_names.get(last, ())) == 1
                and len(namesakes[_surname(first_names[last][0].name)]) > 1
            ):
                # "Emeka has plans": a feature calls relatives who share a surname by their first names
                person = first_names[last][0]
            if person is None:
                continue
            surname = _surname(person.name)
            if " " in name:
                latest[surname] = (person, sentence.paragraph)
            others = (
                tuple(p for p in namesakes.get(surname, ()) if p is not person) if " " not in name else ()
            )
            if " " not in name and self._gender_hint(sentence.tokens, start) and not person.gender:
                person.gender = self._gender_hint(sentence.tokens, start)
            self.mentions.append(
                _Mention(words[0].start, person, self._subject_like(sentence, start, end), others)
            )
        self.mentions.sort(key=lambda mention: mention.position)
        self._mention_positions = [mention.position for mention in self.mentions]

    def _named_in_a_quotation(self, surname: str, position: int) -> _Person | None:
        """'Halden later repeated the charge' when "ministry spokesman Viktor Halden" was named only inside a
        quotation before (a report quoted at length): the person that full name registers."""
        if " " in surname or not _name_like(surname):
            return None
        for match in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", self.text[:position]):
            first = match.group(1).lower()
            if first in self.lex.not_names or first in self.lex.titles or first in self.lex.honorifics:
                continue
            if not self._inside_quote(match.start()):
                continue
            return self._register(f"{match.group(1)} {surname}", None)
        return None

    def _headline(self, sentence: _Sentence) -> bool:
        """A headline in sentence case ("Late Okafor strike settles derby as City go top"): the document's
        first paragraph, short and without a full stop. Its first word may be glued to a name."""
        p_start, p_end = self.paragraphs[sentence.paragraph]
        return (
            sentence.paragraph == 0
            and sentence.start == p_start
            and sentence.end >= p_end - 1
            and len(sentence.tokens) <= 16
        )

    def _gender_hint(self, tokens: list[_Token], start: int) -> str:
        keys = {tokens[start].key, tokens[start - 1].key if start > 0 else ""}
        if keys & {"mr.", "mr"}:
            return "m"
        if keys & {"ms.", "mrs.", "ms", "mrs", "miss"}:
            return "f"
        return ""

    def _subject_like(self, sentence: _Sentence, start: int, end: int) -> bool:
        tokens = sentence.tokens
        last = tokens[end]
        if last.word.endswith(("'s", "’s")) or self.masked[last.end : last.end + 1] in ("'", "’"):
            return False  # a possessive: "Trump's comments"
        if start == 0:
            return True
        that = next((k for k in range(start - 1, -1, -1) if tokens[k].key == "that"), None)
        if that is not None and any(self._verb_at(tokens, k) for k in range(max(0, that - 6), that)):
            # "Halden said without offering evidence that the reporter, Ane Berg, had been paid": the
            # person reported on is not who "he said" refers to next
            return False
        previous = tokens[start - 1]
        gap = self.masked[previous.end : tokens[start].start]
        # After punctuation ("WASHINGTON — Gov. Hartwell", "In May, Smith"), a name starts a clause.
        if gap.strip() or self._quote_between(previous.end, tokens[start].start):
            return True
        if previous.key in {"and", "but", "as", "while", "when", "after", "because", "though", "although"}:
            return True
        # "Another witness, bartender Kayla Simmons, said": the name is the subject of the speech verb,
        # unless a preposition makes it an object ("founder of the game studio Pixel Forge, said").
        for back in range(start - 1, max(-1, start - 8), -1):
            if "," in self.masked[tokens[back].end : tokens[back + 1].start]:
                break
            if tokens[back].key in ("of", "at", "for", "from", "with", "in", "on", "by", "to"):
                return False
        following = end + 1
        if following >= len(tokens):
            return False
        if self._verb_at(tokens, following):
            return True  # "Simmons said", "Simmons, said"
        if "," not in self.masked[last.end : tokens[following].start]:
            return False
        for j in range(following + 1, min(len(tokens), following + 16)):
            if "," in self.masked[tokens[j - 1].end : tokens[j].start]:
                return bool(self._verb_at(tokens, j))  # "Simmons, a bartender, said"
        return False

    def _quote_between(self, start: int, end: int) -> bool:
        at = bisect_left(self._mark_positions, start)
        return at < len(self._mark_positions) and self._mark_positions[at] < end

    # attribution -------------------------------------------------------------------------------------

    def _verb_at(self, tokens: list[_Token], i: int) -> int:
        """How many tokens a speech verb at tokens[i] spans (0 when there is none)."""
        for phrase in self._phrases_by_first.get(tokens[i].key, ()):
            n = len(phrase)
            if i + n <= len(tokens) and tuple(t.key for t in tokens[i : i + n]) == phrase:
                return n
        key = tokens[i].key
        if key in self.lex.speech_verbs and not tokens[i].capitalised and not self._used_as_noun(tokens, i):
            return 1
        if i == 0 and key in _INVERTED_VERBS and len(tokens) > 1 and tokens[1].capitalised:
            return 1  # 'Says Maria Gutierrez, who lost her roof: "…"'
        if key == "according" and i + 1 < len(tokens) and tokens[i + 1].key == "to":
            return 2
        return 0

    def _used_as_noun(self, tokens: list[_Token], i: int) -> bool:
        """'Trump's comments', 'his remarks', 'the claims': a speech word that is a noun here."""
        if i == 0:
            return False
        previous = tokens[i - 1]
        gap = self.masked[previous.end : tokens[i].start]
        if gap.strip():
            return False
        if previous.key in _DETERMINERS or previous.key in {
            "these",
            "those",
            "this",
            "that",
            "whose",
            "my",
            "your",
        }:
            return True
        if previous.word.endswith(("'s", "’s")) or previous.word.endswith(("s'", "s’")):
            return True
        if self.masked[previous.end : previous.end + 1] in ("'", "’"):
            return True
        key = tokens[i].key
        if key.endswith("s") and key not in _SURE_VERBS:
            # "Smith notes", "he claims" are verbs; "the new claims", "policy remarks" are not
            return not (previous.capitalised or previous.key in _PRONOUNS or previous.key in _AUXILIARIES)
        return False

    def _speaker_before(self, tokens: list[_Token], verb: int) -> tuple[int, int] | None:
        """Token range (start, end inclusive) of the subject before a speech verb, appositive skipped."""
        i = verb - 1
        if (
            i > 0
            and tokens[i].key.endswith("ly")
            and len(tokens[i].key) > 4
            and tokens[i].key not in _LY_NOUNS
            and not tokens[i].capitalised
            and tokens[i - 1].key not in _AUXILIARIES
            and self._adjacent(tokens, i - 1, i)
            and self._adjacent(tokens, i, i + 1)
        ):
            i -= 1  # "The company initially declined": an adverb is not the subject
        while (
            i >= 0
            and tokens[i].key in _AUXILIARIES
            and not tokens[i].capitalised
            and self._adjacent(tokens, i, i + 1)  # "…, who was not authorized to speak publicly, said"
        ):
            i -= 1
        if i < 0:
            return None
        # "A man who answered the phone at the office said": the subject is the noun the clause describes
        for j in range(i, max(0, i - 14), -1):
            if not self._adjacent(tokens, j - 1, j):
                break
            if tokens[j].key == "who" and not tokens[j].capitalised:
                if tokens[j - 1].key in self.lex.titles and not tokens[j - 1].capitalised:
                    k = j - 1
                    while k > 0 and j - 1 - k < 3 and self._adjacent(tokens, k - 1, k):
                        k -= 1
                        if tokens[k].key in _DETERMINERS:
                            if k > 0 and "," in self.masked[tokens[k - 1].end : tokens[k].start]:
                                break  # "Mr Spencer, a former whip who is now a minister, said": appositive
                            return k, j - 1
                break
        for _appositive in range(2):
            gap = self.masked[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else ""
            if "," not in gap:
                break
            # "Chuck Rosenberg, a holdover from the Obama administration, said": skip to the opening comma
            j = i
            while j > 0 and "," not in self.masked[tokens[j - 1].end : tokens[j].start]:
                if self._quote_between(tokens[j - 1].end, tokens[j].start):
                    return None
                j -= 1
            if j == 0 or i - j > 15:
                return None
            chunk = tokens[j : i + 1]
            if tokens[j].capitalised and tokens[j].key not in _DETERMINERS:
                # "A spokeswoman for the agency, Priya Natarajan, said": the name is the appositive
                if (
                    2 <= len(chunk) <= 6
                    and all(_name_like(t.word) or t.key in _NAME_PARTICLES for t in chunk)
                    and _name_like(chunk[-1].word)
                ):
                    return j, i
                if not all(_party_or_age(t.word) for t in chunk):
                    return None
            i = j - 1
            if not (tokens[i].word[:1].isdigit() or _party_or_age(tokens[i].word)):
                break  # "Jane Whitaker, 54, a retired teacher, said": an age before the appositive
        if self._quote_between(tokens[i].end, tokens[verb].start):
            return None
        token = tokens[i]
        if token.key in _PRONOUNS:
            return i, i
        if token.capitalised and token.key not in self.lex.not_names:
            start = self._capitalised_run(tokens, i)
            if start > i:
                return None
            described = self._description_before(tokens, start)
            if described is not None:
                return described, i  # "a spokesman for the Justice Department said"
            if (
                start > 0
                and not tokens[start].capitalised
                and tokens[start - 1].key in _INDEFINITE
                and self._adjacent(tokens, start - 1, start)
            ):
                return start - 1, i  # "One senior MP said"
            listed = self._listed_places_before(tokens, start)
            if listed is not None:
                return listed  # "The ministers from the United States, Russia, … and Canada said"
            if start > 0 and tokens[start - 1].key in ("the",) and self._adjacent(tokens, start - 1, start):
                start -= 1  # "the Federal Reserve said": kept, to tell an institution from a person
            elif (
                start > 1
                and tokens[start - 1].key in ("from", "of")
                and self._adjacent(tokens, start - 1, start)
            ):
                # "The senator from New York said": the speaker is the title before the place
                head = start - 2
                if tokens[head].key in self.lex.titles and self._adjacent(tokens, head, start - 1):
                    j = head
                    while j > 0 and head - j < 4 and tokens[j].key not in _DETERMINERS:
                        j -= 1
                    return j, head
            return start, i
        # "the senator said", "a White House spokeswoman said", "officials said"
        if token.key in self.lex.titles or token.key in self.lex.organisation_words:
            j = i
            while j > 0 and i - j < 7 and tokens[j].key not in _DETERMINERS:
                if self.masked[tokens[j - 1].end : tokens[j].start].strip() not in ("", "'", "’"):
                    break
                j -= 1
            return j, i
        # "A person familiar with the talks, who was not authorized to speak, said": someone described
        for j in range(i, max(0, i - 8), -1):
            if not self._adjacent(tokens, j - 1, j):
                break
            if (
                tokens[j].key in self.lex.titles
                and not tokens[j].capitalised
                and tokens[j - 1].key in _INDEFINITE
                and j < i
                and tokens[j + 1].key
                in ("familiar", "close", "briefed", "with", "who", "involved", "in", "at")
            ):
                return j - 1, i
        # "the 24-year-old said", "the former champion said": a definite description of someone named before
        for j in range(i, max(-1, i - 4), -1):
            if tokens[j].key == "the":
                words = tokens[j + 1 : i + 1]
                if all(not w.capitalised for w in words) and all(
                    self._adjacent(tokens, k, k + 1) for k in range(j, i)
                ):
                    return j, i
                break
        return None

    def _listed_places_before(self, tokens: list[_Token], start: int) -> tuple[int, int] | None:
        """'The ministers from the United States, Russia, Britain … and Canada said': the capitalised run
        before the verb ends a list after "from"/"of" a title; the speaker is the title, not the last item."""
        k, commas = start, 0
        while k > 0 and start - k < 30:
            gap = self.masked[tokens[k - 1].end : tokens[k].start].strip()
            if gap not in ("", ","):
                return None
            commas += gap == ","
            previous = tokens[k - 1]
            if previous.key in ("from", "of") and not previous.capitalised and gap == "":
                break
            if not (previous.capitalised or previous.key in ("and", "the")):
                return None
            k -= 1
        else:
            return None
        head = k - 2
        if commas == 0 or head < 0 or tokens[head].capitalised:
            return None
        key = tokens[head].key
        if key not in self.lex.titles and not (key.endswith("s") and key[:-1] in self.lex.titles):
            return None  # "envoys", "ministers", "officials
        j = head
        while (
            j > 0 and head - j < 4 and tokens[j].key not in _DETERMINERS and self._adjacent(tokens, j - 1, j)
        ):
            j -= 1
        return (j, head) if tokens[j].key in _DETERMINERS else None

    def _description_before(self, tokens: list[_Token], start: int) -> int | None:
        """'a spokesman for the Justice Department', 'a reviewer for the Free Press': where the unnamed
        person described by the organisation at tokens[start] begins (None when there is no such person)."""
        k = start
        if k > 0 and tokens[k - 1].key == "the" and self._adjacent(tokens, k - 1, k):
            k -= 1
        if (
            k < 2
            or tokens[k - 1].key not in ("for", "of", "at", "with", "within", "inside", "close")
            or not self._adjacent(tokens, k - 1, k)
        ):
            return None
        j = k - 2
        while j >= 0 and k - 2 - j < 4 and self._adjacent(tokens, j, j + 1):
            token = tokens[j]
            if token.key in ("a", "an"):
                return j
            if token.capitalised or token.key in self.lex.not_names or self._verb_at(tokens, j):
                return None
            j -= 1
        return None

    def _sentence_subject(self, tokens: list[_Token]) -> tuple[int, int] | None:
        """The subject that opens a sentence: a name ("Judge Karen Liu barred…") or a description led by an
        article ("A federal judge on Monday barred…"), for a participle ("…, saying") far from it."""
        if not tokens:
            return None
        tokens = tokens[:_OPENING_TOKENS]  # a name is a few words: never scan a whole run-on sentence
        if tokens[0].key in _DETERMINERS:
            for k in range(1, min(len(tokens), 5)):
                if not self._adjacent(tokens, k - 1, k):
                    return None
                if tokens[k].key in self.lex.titles and not tokens[k].capitalised:
                    if k + 1 < len(tokens) and tokens[k + 1].key in self.lex.titles:
                        continue
                    return 0, k
            return None
        if tokens[0].capitalised and tokens[0].key not in self.lex.not_names:
            end = 0
            while (
                end + 1 < len(tokens) and tokens[end + 1].capitalised and self._adjacent(tokens, end, end + 1)
            ):
                end += 1
            start = self._capitalised_run(tokens, end)
            return (start, end) if start == 0 else None
        return None

    def _adjacent(self, tokens: list[_Token], a: int, b: int) -> bool:
        gap = self.masked[tokens[a].end : tokens[b].start].strip()
        return not gap or (gap == "&" and tokens[a].capitalised and tokens[b].capitalised)

    def _speaker_after(self, tokens: list[_Token], after: int) -> tuple[int, int] | None:
        """Token range of the speaker right after a speech verb ("said Sen. Jane Doe", "said a spokesman")."""
        if after >= len(tokens):
            return None
        token = tokens[after]
        if token.key in _PRONOUNS:
            return after, after
        end = after
        if token.key in _DETERMINERS:
            # "said a spokeswoman for the agency", "according to a statement issued on Thursday"
            while end + 1 < len(tokens) and end - after < 8:
                nxt = tokens[end + 1]
                if not self._adjacent(tokens, end, end + 1) or self._verb_at(tokens, end + 1):
                    break
                if nxt.key in ("for", "of", "at", "with") and tokens[end].key not in self.lex.titles:
                    break
                if nxt.key in self.lex.not_names and nxt.key not in ("for", "of", "at", "with", "the"):
                    break
                if not nxt.capitalised and nxt.key.endswith("ed") and nxt.key not in self.lex.titles:
                    break
                end += 1
            return after, end
        if (not token.capitalised or token.key in self.lex.not_names) and token.key not in self.lex.titles:
            # "said plaintiff Deborah Kline": a lower-case description, then the name
            ahead = after
            while ahead < len(tokens) and ahead - after < 3 and not tokens[ahead].capitalised:
                if (
                    tokens[ahead].key in self.lex.not_names
                    or ahead + 1 >= len(tokens)
                    or not self._adjacent(tokens, ahead, ahead + 1)
                ):
                    return None
                ahead += 1
            if ahead >= len(tokens) or ahead == after or not tokens[ahead].capitalised:
                return None
            if tokens[ahead].key in self.lex.not_names:
                return None
        while end + 1 < len(tokens):
            nxt = tokens[end + 1]
            if self.masked[tokens[end].end : nxt.start].strip():
                break
            if nxt.key in ("of", "for", "at"):
                # "said Leyla Arslan of the Turkish Red Crescent": the organisation goes with the name
                k = end + 2 + (end + 2 < len(tokens) and tokens[end + 2].key == "the")
                if (
                    k < len(tokens)
                    and tokens[k].capitalised
                    and all(self._adjacent(tokens, n, n + 1) for n in range(end, k))
                ):
                    end = k
                    continue
                break
            if (
                nxt.word.isdigit()
                and end + 2 < len(tokens)
                and tokens[end].capitalised
                and tokens[end + 2].capitalised
                and self._adjacent(tokens, end + 1, end + 2)
            ):
                end += 1  # "says UAW Local 475 President Donnie Huffman": a number inside the title
                continue
            if not (nxt.capitalised or nxt.key in self.lex.titles or nxt.key in _NAME_PARTICLES):
                break
            end += 1
        while end > after and not tokens[end].capitalised:
            end -= 1  # a name phrase ends with a name, not with "of" or a lower-case title
        return after, end

    def _appositive_words(self, tokens: list[_Token], end: int, limit: int) -> list[_Token]:
        """The words set off by a comma after a name ending at tokens[end], up to the next punctuation
        (at most `limit`); none when no comma follows the name."""
        if end + 1 >= len(tokens) or "," not in self.masked[tokens[end].end : tokens[end + 1].start]:
            return []
        words: list[_Token] = []
        for token in tokens[end + 1 : end + 1 + limit]:
            if words and self.masked[words[-1].end : token.start].strip() not in ("", "'", "’"):
                break
            words.append(token)
        return words

    def _appositive_role(self, tokens: list[_Token], end: int) -> str | None:
        """'Jane Doe, a spokeswoman for the agency, said' -> 'spokeswoman for the agency' (a role)."""
        words = self._appositive_words(tokens, end, 13)
        titled = any(w.key in self.lex.titles and w.key not in ("of", "the") for w in words)
        # "a cardiologist at Mercy Hospital": an appositive led by an article describes the person
        if not words or not (titled or words[0].key in ("a", "an", "the")):
            return None
        relative = ("who", "which", "that", "whose", "where", "when")
        if words[0].key in relative:
            return None  # a relative clause, not a role
        cut = next((n for n, w in enumerate(words) if w.key in relative), len(words))
        words = words[:cut]
        while words and words[0].key in _DETERMINERS:
            words = words[1:]
        while words and self._verb_at(words, len(words) - 1):
            words = words[:-1]
        if len(words) > 9 or any(self._verb_at(words, n) for n in range(len(words))):
            return None
        return self._phrase(words) if words else None

    def _plural_or_institution(self, name: str) -> bool:
        """'Communications Workers of America', 'Leaders with the union', 'officials': who 'they' can be."""
        words = name.lower().split()
        if not words or " and " in f" {name.lower()} ":
            return bool(words)
        return any(
            w in self.lex.organisation_words or (w.endswith("s") and w[:-1] in self.lex.titles) for w in words
        )

    def _relative_role(self, tokens: list[_Token], end: int) -> str | None:
        """'Mark Spencer, a former chief whip who is now a minister at the environment department' -> the
        role the relative clause gives ('minister at the environment department'), or None."""
        words = self._appositive_words(tokens, end, 23)
        keys = [w.key for w in words]
        for n in range(len(keys) - 2):
            if keys[n] == "who" and keys[n + 1] in ("is", "was", "became", "has", "had"):
                rest = words[n + 2 :]
                while rest and rest[0].key in ("now", "also", "been", "since", "later", "then"):
                    rest = rest[1:]
                if len(rest) < 2 or rest[0].key not in ("a", "an", "the"):
                    return None
                rest = rest[1:]
                if not any(w.key in self.lex.titles and w.key not in ("of", "the") for w in rest):
                    return None
                if len(rest) > 9 or any(self._verb_at(rest, k) for k in range(len(rest))):
                    return None
                return self._phrase(rest)
        return None

    def _role_before(self, tokens: list[_Token], start: int) -> str | None:
        """'A spokeswoman for the transit authority, Priya Natarajan, said' -> the role before the name."""
        if start == 0 or "," not in self.masked[tokens[start - 1].end : tokens[start].start]:
            return None
        j = start - 1
        while j > 0 and start - 1 - j < 10 and self._adjacent(tokens, j - 1, j):
            j -= 1
        words = tokens[j:start]
        if not words or words[0].key not in _DETERMINERS:
            return None
        if not any(w.key in self.lex.titles and w.key not in ("of", "the") for w in words):
            return None
        return self._phrase(words[1:]) if len(words) > 1 else None

    def _resolve(self, sentence: _Sentence, span: tuple[int, int], position: int) -> _Speaker | None:
        tokens = sentence.tokens
        start, end = span
        words = tokens[start : end + 1]
        char_span = (words[0].start, words[-1].end)
        if len(words) == 1 and words[0].key in ("it", "they", "we", "i"):
            # "it said" is the institution quoted last; "they", "we", "I" are nobody we can name
            if words[0].key == "it":
                institution = self._recent_institution(sentence, start)
                if institution:
                    return _Speaker(institution, None, 0.7, char_span)
                last = self._last_speaker
                if last is not None and last.person is None and last.name[:1].isupper():
                    # '"…," CBT said. "…," it continued.': the institution quoted just before
                    return _Speaker(last.name, None, 0.65, char_span)
            if words[0].key == "they":
                last = self._last_speaker
                if last is not None and last.person is None and self._plural_or_institution(last.name):
                    # 'Leaders with the union said in a statement that "…". "…," they said.'
                    return _Speaker(last.name, None, 0.6, char_span)
            return None
        if len(words) == 1 and words[0].key in _PRONOUNS:
            person = self._recent_person(position, _PRONOUNS[words[0].key])
            described = self._described_before(sentence, person) if words[0].key in ("he", "she") else None
            if described is not None:
                return _Speaker(described.name, None, 0.5, char_span)
            if person is None:
                return None
            gender = _PRONOUNS[words[0].key]
            if gender and not person.gender:
                person.gender = gender
            return _Speaker(person.name, person.role(), 0.8, char_span, person)
        if words[0].key == "the" and len(words) > 1 and all(w.capitalised for w in words[1:]):
            name, role, is_org = self._split_name(words[1:])
            if is_org or not name or " " not in name or not role:
                # "the Federal Reserve", "the Congressional Budget Office": an institution speaks
                return _Speaker(self._phrase(words[1:]), None, 0.85, char_span)
            words = words[1:]
        if not words[-1].capitalised:
            titles = [
                w
                for w in words
                if w.key in self.lex.titles
                or w.key in self.lex.organisation_words
                or (w.key.endswith("s") and w.key[:-1] in self.lex.titles and w is words[-1])  # "the envoys"
            ]
            head = titles[-1] if titles else words[-1]
            phrase = self._phrase(words)
            # "the senator" is someone named before; "another neighbor", "a witness" is someone new
            plural = head.key.endswith("s") and head.key[:-1] in self.lex.titles  # "Shadow ministers"
            refers_back = head.key in self.lex.titles and words[0].key not in _INDEFINITE and not plural
            if refers_back and words[0].key == "the":
                # 'A Reuters spokesperson said in a statement … "…," the spokesperson wrote': the one just
                # described, not a spokeswoman named earlier
                described = self._described_earlier(sentence, head.key, position)
                if described is not None:
                    return _Speaker(described.name, None, 0.5, char_span)
            for mention in self._mentions_before(position) if refers_back else []:
                if mention.position < position and self._role_fits(head.key, mention.person):
                    return _Speaker(
                        mention.person.name, mention.person.role(), 0.65, char_span, mention.person
                    )
            if (
                refers_back
                and words[0].key == "the"
                and end + 2 < len(tokens)
                and tokens[end + 1].word.isdigit()
                and "," in self.masked[tokens[end].end : tokens[end + 1].start]
            ):
                # '"…," the certified nursing assistant, 33, said' after "Linda Fisher looked out…": someone
                # with an age is a person, the one the story is about
                person = self._recent_person(position, "")
                if person is not None and not person.roles:
                    role = re.sub(r"^(?:The|the)\s+", "", phrase)
                    return _Speaker(person.name, role, 0.6, char_span, person)
            if head.key in self.lex.titles and words[0].key in ("a", "an") and sentence.paragraph <= 1:
                # the lede's "A federal judge … saying" is the "U.S. District Judge Karen Liu" named next
                ahead = self._named_ahead(head.key, position)
                if ahead is not None:
                    return _Speaker(ahead.name, ahead.role(), 0.5, char_span, ahead)
            if refers_back and words[0].key in ("his", "her", "their"):
                # 'his lawyer argued the case was "guesswork"' before "Defense attorney Robert Hale told…"
                ahead = self._named_ahead(head.key, position)
                if ahead is not None:
                    return _Speaker(ahead.name, ahead.role(), 0.55, char_span, ahead)
            possessive = any(
                w.word.endswith(("'s", "’s")) or self.masked[w.end : w.end + 1] in ("'", "’") for w in words
            )
            if head.key in self.lex.organisation_words and head.key not in self.lex.titles and not possessive:
                # "the agency said" after "The Food and Drug Administration said": the agency named before
                # ("the city's housing department" names its own owner: it is not the agency named before)
                named = self._previous_subject(sentence) or self._recent_institution(
                    sentence, start, named_only=True
                )
                if named:
                    return _Speaker(named, None, 0.6, char_span)
            if titles:
                phrase = re.sub(r"^(?:The|the)\s+(?=[a-z])", "the ", phrase)
                return _Speaker(phrase, None, 0.5, char_span)
            if words[0].key == "the" and head.key not in _NOT_PEOPLE and head.key not in self.lex.occasions:
                person = self._recent_person(position, "")
                if person is not None:
                    return _Speaker(person.name, person.role(), 0.6, char_span, person)
            if words[0].key == "the" and len(words) == 2 and head.key in self.lex.occasions:
                issuer = self._issuer_of(sentence, head.key, position)
                if issuer is not None:
                    return _Speaker(issuer.name, issuer.role, 0.6, char_span, issuer.person)
            return None
        as_written = words
        if len(words) > 1 and words[0].key in _INDEFINITE and not words[1].capitalised:
            tail = len(words)
            while tail > 1 and words[tail - 1].capitalised and _name_like(words[tail - 1].word):
                tail -= 1
            middle = words[1:tail]
            if (
                len(words) - tail >= 2
                and words[0].key in ("a", "an")
                and all(not w.capitalised for w in middle)
                and not any(
                    w.key in self.lex.titles or w.key in _CONNECTORS or w.key in ("for", "at") for w in middle
                )
            ):
                words = words[tail:]  # '"…," a choked-up Dean Skelos said': the name, without the adjective
            else:
                # someone described, not named: "a spokesman for the Justice Department", "one senior MP"
                return _Speaker(self._phrase(words), None, 0.45, char_span)
        while words and words[0].key in _DETERMINERS:
            words = words[1:]
        name, role, is_org = self._split_name(words)
        if is_org and name:
            return _Speaker(re.sub(r"^(?:The|the)\s+", "", name), None, 0.85, char_span)
        if name is None:
            # a title alone: "the President said" -> the last person with that title
            for mention in self._mentions_before(position):
                if (
                    mention.position < position
                    and role
                    and role.lower() in (r.lower() for r in mention.person.roles)
                ):
                    return _Speaker(mention.person.name, role, 0.7, char_span, mention.person)
            if role and as_written[0].key in _INDEFINITE:
                return _Speaker(self._phrase(as_written), None, 0.4, char_span)  # "One senior MP said"
            return _Speaker(role, None, 0.4, char_span) if role else None
        role = role or self._appositive_role(tokens, end) or self._role_before(tokens, start)
        if " " in name and not name[:1].islower():  # "de Vries" alone is Pieter de Vries's surname
            person = self.people.get(name) or self._register(name, role)
            if role and role not in person.roles:
                person.roles[role] = 1
            return _Speaker(person.name, role or person.role(), 0.95, char_span, person)
        person = self._by_surname(_surname(name), char_span[0])
        if person is not None:
            return _Speaker(person.name, role or person.role(), 0.9, char_span, person)
        return _Speaker(name, role, 0.75, char_span)

    def _by_surname(self, last: str, position: int) -> _Person | None:
        """The person a surname written at `position` refers to (of two Fosters, as _collect_people chose)."""
        at = bisect_left(self._mention_positions, position)
        if at < len(self.mentions) and self.mentions[at].position == position:
            person = self.mentions[at].person
            if last in (_surname(person.name), person.name.split()[0].lower()):
                return person  # the surname, or the first name of a relative ("Marjorie said")
        return self.by_last_name.get(last)

    def _role_fits(self, head: str, person: _Person) -> bool:
        """Whether 'the <head>' can be this person: a role word sharing its stem ("the senator" for a
        "Senate Majority Leader") or of the same family ("the attorney" for a "lawyer")."""
        stem = head[:5]
        family = self._role_family(head)
        for role in person.roles:
            if any(word.startswith(stem) for word in role.lower().split()):
                return True
            if family is not None and self._role_family(role) == family:
                return True
        return False

    def _role_family(self, role: str) -> int | None:
        """Which family of role_families a role belongs to, by its longest matching entry: a "Deputy
        District Attorney" is a prosecutor, not a defence attorney."""
        lowered = role.lower()
        best: tuple[int, int] | None = None  # (length of the entry, family)
        for number, family in enumerate(self.lex.role_families):
            for entry in family:
                if (best is None or len(entry) > best[0]) and re.search(
                    rf"(?<!\w){re.escape(entry)}(?!\w)", lowered
                ):
                    best = (len(entry), number)
        return best[1] if best else None

    def _named_ahead(self, head: str, position: int) -> _Person | None:
        """The first person named after `position`, within the next six paragraphs (a lede names people later), whose role fits."""
        ceiling = self._paragraph_start(position, back=-6)
        at = bisect_right(self._mention_positions, position)
        for mention in self.mentions[at : at + 40]:
            if mention.position >= ceiling:
                break
            if self._role_fits(head, mention.person):
                return mention.person
        return None

    def _issuer_of(self, sentence: _Sentence, noun: str, position: int) -> _Speaker | None:
        """'Skyline Live said in a statement that … "…," the statement said': who issued the statement (or
        letter, post, release) the sentence before, or earlier in this one, named."""
        for number in range(sentence.number, max(-1, sentence.number - 3), -1):
            earlier = self.sentences[number]
            tokens = [t for t in earlier.tokens if t.start < position]
            if not any(
                t.key == noun and n > 0 and tokens[n - 1].key in _DETERMINERS | {"a", "an"}
                for n, t in enumerate(tokens)
            ):
                continue
            for i in range(len(tokens)):
                if self._verb_at(tokens, i) and tokens[i].key != "according":
                    span = self._speaker_before(tokens, i)
                    if span is not None and tokens[span[-1]].key != noun:
                        return self._resolve(earlier, span, tokens[i].start)
            return None
        return None

    def _described_before(self, sentence: _Sentence, person: _Person | None) -> _Speaker | None:
        """'Another neighbor, who asked not to be named, said she had called police. "…," she said': the
        unnamed person who spoke in the sentence before, when nobody has been named since."""
        if sentence.number == 0:
            return None
        earlier = self.sentences[sentence.number - 1]
        if earlier.paragraph < sentence.paragraph - 1:
            return None
        tokens = earlier.tokens
        for i in range(len(tokens)):
            if not self._verb_at(tokens, i) or tokens[i].key == "according":
                continue
            span = self._speaker_before(tokens, i)
            if span is None:
                continue
            if tokens[span[0]].key not in _INDEFINITE or tokens[span[1]].capitalised:
                return None
            start = tokens[span[0]].start
            if person is not None and any(
                m.person is person and start <= m.position < sentence.start for m in self.mentions
            ):
                return None
            speaker = self._resolve(earlier, span, start)
            return speaker if speaker is not None and speaker.person is None else None
        return None

    def _described_earlier(self, sentence: _Sentence, head: str, position: int) -> _Speaker | None:
        """'an Iranian nuclear official said on Monday. … "…," the official said': the unnamed person an
        earlier sentence (within four paragraphs) described with the same role word, when nobody named since
        has that role."""
        for number in range(sentence.number - 1, max(-1, sentence.number - 10), -1):
            earlier = self.sentences[number]
            if earlier.paragraph < sentence.paragraph - 4:
                return None
            tokens = earlier.tokens
            for i in range(len(tokens)):
                if not self._verb_at(tokens, i) or tokens[i].key == "according":
                    continue
                span = self._speaker_before(tokens, i)
                if span is None or tokens[span[0]].key not in _INDEFINITE or tokens[span[1]].key != head:
                    continue
                if tokens[span[1]].capitalised:
                    continue
                start = tokens[span[0]].start
                if any(
                    start <= m.position < position and self._role_fits(head, m.person)
                    for m in self._mentions_before(position)
                ):
                    return None
                speaker = self._resolve(earlier, span, start)
                return speaker if speaker is not None and speaker.person is None else None
        return None

    def _previous_subject(self, sentence: _Sentence) -> str | None:
        """'Harlan Chemical said it had complied. "…," the company said': the name that opened the sentence
        before, when it is not a person the article has named."""
        for number in range(sentence.number - 1, max(-1, sentence.number - 3), -1):
            tokens = self.sentences[number].tokens
            start = self._after_dateline(tokens)
            start += 1 if start < len(tokens) and tokens[start].key == "the" else 0
            if (
                start >= len(tokens)
                or not tokens[start].capitalised
                or tokens[start].key in self.lex.not_names
            ):
                continue
            end = start
            while (
                end + 1 < len(tokens) and self._adjacent(tokens, end, end + 1) and tokens[end + 1].capitalised
            ):
                end += 1
            words = tokens[start : end + 1]
            dated = self._after_dateline(tokens) > 0
            if (
                (end + 1 < len(tokens) and self._verb_at(tokens, end + 1))
                or any(self._word_class(w) == "org" for w in words)
                # "LONDON (Reuters) - AstraZeneca appeared to …": a wire lede's subject after its dateline
                or (dated and end + 1 < len(tokens) and not tokens[end + 1].capitalised and len(words) <= 3)
            ):
                name = self._phrase(words)
                person = self.people.get(name)
                if person is None or not person.roles:
                    return name
        return None

    def _after_dateline(self, tokens: list[_Token]) -> int:
        """Index of the first token after a wire dateline ('LONDON (Reuters) -', 'TOKYO -', 'VINELAND, N.J.
        (AP) —'), or 0 when the sentence does not open with one."""
        i = 0
        while i < len(tokens) and i < 6 and (tokens[i].word.isupper() or tokens[i].word.endswith(".")):
            i += 1
        if i == 0 or i >= len(tokens):
            return 0
        gap = self.masked[tokens[i - 1].end : tokens[i].start]
        if i + 1 < len(tokens) and gap.strip() == "(" and tokens[i].key in _WIRES:
            gap = self.masked[tokens[i].end : tokens[i + 1].start]
            i += 1
        if not re.fullmatch(r"\)?\s*[-–—]+\s*", gap):
            return 0
        return i

    def _recent_institution(self, sentence: _Sentence, before: int, named_only: bool = False) -> str | None:
        """'The ministry did not back down. "…," it said': the last institution named as a subject."""
        for number in range(sentence.number, max(-1, sentence.number - 6), -1):
            candidate = self.sentences[number]
            tokens = candidate.tokens[:before] if candidate is sentence else candidate.tokens
            for i in range(len(tokens) - 1, -1, -1):
                after_the = i > 0 and tokens[i - 1].key == "the" and self._adjacent(tokens, i - 1, i)
                if not after_the:
                    # "sued Orbit Inc. on Wednesday": a company named without an article
                    if named_only and tokens[i].capitalised and tokens[i].key in _CORPORATE:
                        start = i
                        while (
                            start > 0
                            and tokens[start - 1].capitalised
                            and self._adjacent(tokens, start - 1, start)
                        ):
                            start -= 1
                        if start < i:
                            return self._phrase(tokens[start : i + 1])
                    continue
                end = i
                while end + 1 < len(tokens) and self._adjacent(tokens, end, end + 1):
                    following = tokens[end + 1]
                    if following.capitalised and following.key not in self.lex.not_names:
                        end += 1
                    elif (
                        following.key in ("of", "and", "for")
                        and end + 2 < len(tokens)
                        and tokens[end + 2].capitalised
                        and self._adjacent(tokens, end + 1, end + 2)
                    ):
                        end += 2  # "the Food and Drug Administration", "the Bank of England"
                    else:
                        break
                words = tokens[i : end + 1]
                if named_only and not words[0].capitalised:
                    continue
                if any(self._word_class(w) == "org" for w in words):
                    return self._phrase(words) if words[0].capitalised else "the " + self._phrase(words)
        return None

    def _recent_person(self, position: int, gender: str) -> _Person | None:
        floor = self._paragraph_start(position, back=4)
        for mention in self._mentions_before(position):
            if mention.position >= position or not mention.subject_like:
                continue
            if mention.position < floor:
                break
            if gender and mention.person.gender and mention.person.gender != gender:
                # "Okonkwo laughs when she hears this": of mother and son, the surname is the one "she" fits
                fitting = [p for p in mention.others if p.gender in (gender, "")]
                if len(fitting) == 1:
                    return fitting[0]
                continue
            return mention.person
        return None

    def _paragraph_start(self, position: int, back: int) -> int:
        """Where the paragraph `back` paragraphs before the one holding `position` starts."""
        number = max(0, bisect_right(self._paragraph_starts, position) - 1)
        if not self.paragraphs:
            return 0
        if number - back >= len(self.paragraphs):
            return len(self.text)
        return self.paragraphs[max(0, number - back)][0]

    def _attribute(self, sentence: _Sentence, index: int) -> _Speaker | None:
        """The speaker the sentence credits; sets _unnamed_attribution when it credits one we cannot name."""
        self._unnamed_attribution = False
        self._said_right_after = False
        quoted = self.quoted[index]
        open_mark, close_mark = quoted.marks[0][0], quoted.marks[-1][1]
        tokens = sentence.tokens
        # The sentence's quotations are in document order, so the neighbours are found by bisection.
        at = self._quote_slot[index]
        right_limit = (
            self.quoted[sentence.quotes[at + 1]].marks[0][0] if at + 1 < len(sentence.quotes) else None
        )
        # The left side reaches back over earlier quotations in the sentence: 'X said members were "…" and
        # would "…"' credits both to X (the reporter's own words never include quoted ones).
        left_limit = sentence.start
        starts = sentence.token_starts()
        first_right = bisect_right(starts, close_mark)
        last_right = bisect_left(starts, right_limit) if right_limit is not None else len(tokens)
        right = list(range(first_right, min(last_right, first_right + 14)))
        first_left = bisect_left(starts, left_limit)
        last_left = bisect_left(starts, open_mark)
        left = list(range(max(first_left, last_left - 40), last_left))
        # After the quotation: '"…," Sessions told', '"…," he added', '"…," said Jane Doe', ', according to X'
        for offset, i in enumerate(right):
            if offset > 12:
                break
            n = self._verb_at(tokens, i)
            if not n:
                continue
            if tokens[i].key == "according" or i == right[0]:
                span = self._speaker_after(tokens, i + n)
            else:
                span = self._speaker_before(tokens, i)
                if span is not None and span[0] != right[0]:
                    between = tokens[right[0] : span[0]]
                    if any(t.key in _CLAUSE_OPENERS and not t.capitalised for t in between):
                        span = None  # '"…," even as France signalled it would': another clause's subject
                    elif "," in self.masked[close_mark : tokens[span[0]].start]:
                        pass
                    elif len(between) <= 3 and all(
                        (not t.capitalised or t.key in _DETERMINERS or t.key in self.lex.honorifics)
                        and t.key not in self.lex.not_names - _DETERMINERS
                        for t in between
                    ):
                        span = (right[0], span[1])  # '"…," meteorologist Dana Ortiz said'
                    else:
                        span = None
            if span is not None:
                speaker = self._resolve(sentence, span, open_mark)
                if speaker is not None:
                    self._said_right_after = offset <= 3
                    return speaker
            # '"…," the statement said': someone is credited, but not someone we can name
            self._unnamed_attribution = offset <= 3
            break
        # Before it: 'NOBLE President Perry Tarrant said, "…"', 'Rosenberg said the remarks "…"'
        for i in reversed(left):
            n = self._verb_at(tokens, i)
            if not n:
                continue
            if tokens[i].key == "according":
                span = self._speaker_after(tokens, i + n)
            else:
                span = self._speaker_before(tokens, i)
                if (
                    span is None
                    and tokens[i].key.endswith("ing")
                    and i > 0
                    and not self._adjacent(tokens, i - 1, i)
                ):
                    span = self._sentence_subject(tokens)  # "A judge barred lawyers …, saying the case …"
                if span is None and tokens[i].key not in _OBJECT_VERBS:
                    span = self._speaker_after(tokens, i + n)
                    if span is not None and tokens[span[0]].start > open_mark:
                        span = None
            if span is not None:
                speaker = self._resolve(sentence, span, open_mark)
                if speaker is not None:
                    return speaker
        if self.masked[sentence.start : open_mark].rstrip().endswith(":"):
            # 'Asked whether she would sell, she doesn't hesitate: "Not while I can stand."': a colon hands
            # the quotation to the clause before it, whose subject here is a pronoun
            for i in reversed(left):
                if tokens[i].key in ("he", "she"):
                    return self._resolve(sentence, (i, i), open_mark)
        return None

    def _mentions_before(self, position: int) -> list[_Mention]:
        """Mentions before `position`, nearest first (the list is sorted by position)."""
        at = bisect_left(self._mention_positions, position)
        return self.mentions[at - 1 : max(0, at - 300) - 1 if at > 300 else None : -1] if at else []

    def _subject_of(self, sentence: _Sentence, before: int) -> _Speaker | None:
        """A named person the sentence is about (not a possessive), when no verb says who spoke."""
        at = bisect_left(self._mention_positions, sentence.start)
        for mention in self.mentions[at:]:
            if mention.position >= min(before, sentence.end):
                break
            if mention.subject_like:
                return _Speaker(
                    mention.person.name, mention.person.role(), 0.5, (mention.position, mention.position)
                )
        return None

    def _described_subject(self, sentence: _Sentence, before: int) -> _Speaker | None:
        """'The diplomat was confident that Reuters had posted the message "thus turning it into…"': a
        sentence opened by "the <role>" with no speech verb is about the person quoted just before."""
        last = self._last_speaker
        # Only the sentence's opening matters, so only it is read: a sentence of 10,000 quotations costs
        # the same per quotation as a short one (reading the whole prefix made extraction quadratic).
        tokens = [t for t in islice(sentence.tokens, _OPENING_TOKENS) if t.end <= before]
        span = self._sentence_subject(tokens)
        if last is None or last.person is None or span is None or tokens[0].key != "the":
            return None
        head = tokens[span[1]]
        if head.capitalised or head.key in self.lex.organisation_words:
            return None
        return _Speaker(last.name, last.role, 0.45, (tokens[0].start, head.end), last.person)

    def _speaker_in_sentence(self, sentence: _Sentence) -> _Speaker | None:
        tokens = sentence.tokens
        for i in range(len(tokens)):
            if self._verb_at(tokens, i) and tokens[i].key != "according":
                span = self._speaker_before(tokens, i)
                if span is not None:
                    speaker = self._resolve(sentence, span, tokens[i].start)
                    if speaker is not None:
                        return speaker
        return None

    # dates and occasions -----------------------------------------------------------------------------

    def _date_in(self, start: int, end: int) -> date | None:
        key = (start, end)
        if key not in self._dates:
            found = find_dates(self.masked[start:end], self.published)
            dates = [d for _s, _e, d in found if self.published is None or d <= self.published]
            self._dates[key] = dates[0] if dates else None
        return self._dates[key]

    def _date_for(self, sentence: _Sentence, speaker: _Speaker | None, window: Span) -> date | None:
        found = self._date_in(*window)
        if found or speaker is None:
            return found
        # The date of the occasion is often given once, in an earlier sentence about the same speaker.
        names = {speaker.name.lower(), _surname(speaker.name)}
        floor = self._paragraph_start(sentence.start, back=3)
        for earlier in self.sentences[max(0, sentence.number - 12) : sentence.number][::-1]:
            if earlier.start < floor:
                break
            words = {t.key for t in earlier.tokens}
            if names & words or any(n in words for n in names):
                found = self._date_in(earlier.start, earlier.end)
                if found:
                    return found
        return None

    def _occasion_in(self, window: Span) -> str | None:
        pattern = _occasion_pattern(self.lex.occasions)
        match = pattern.search(self.masked, *window)
        if not match:
            return None
        phrase = match.group()
        return phrase[0].lower() + phrase[1:] if phrase[:1].isupper() and phrase.split()[0].lower() in (
            "in", "during", "at", "on", "via", "through"
        ) else phrase  # fmt: skip

    # the run -----------------------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        self._collect_people()
        sentence_of: dict[int, _Sentence] = {}
        for sentence in self.sentences:
            for index in sentence.quotes:
                sentence_of[index] = sentence
        quotes: list[Quote] = []
        previous: tuple[int, _Speaker, date | None, str | None, list[Span]] | None = None
        for index, quoted in enumerate(self.quoted):
            home = sentence_of.get(index)
            if home is None:
                continue
            sentence = home
            p_start, p_end = self.paragraphs[sentence.paragraph]
            if p_end - p_start < 400 and is_page_noise(self.text[p_start:p_end]):
                continue  # page chrome is a short line of its own
            parts = self._trimmed_parts(quoted)
            if not parts:
                continue
            open_mark = quoted.marks[0][0]
            self._last_speaker = (
                previous[1] if previous is not None and sentence.paragraph - previous[0] <= 1 else None
            )
            speaker = self._attribute(sentence, index)
            said_right_after = speaker is not None and self._said_right_after
            unnamed = speaker is None and self._unnamed_attribution
            merged = False
            if previous is not None and not unnamed:
                prev_paragraph, prev_speaker, _date, _occasion, prev_parts = previous
                same_paragraph = prev_paragraph == sentence.paragraph
                gap_start = prev_parts[-1][1]
                between = self.masked[gap_start:open_mark]
                if speaker is None and (
                    same_paragraph or (open_mark == p_start and sentence.paragraph - prev_paragraph == 1)
                ):
                    intervening = [
                        m
                        for m in self._mentions_before(open_mark)
                        if m.position >= gap_start and m.subject_like
                    ]
                    if all(m.person is prev_speaker.person for m in intervening):
                        speaker = _Speaker(
                            prev_speaker.name, prev_speaker.role, min(prev_speaker.confidence, 0.75),
                            prev_speaker.span, prev_speaker.person,
                        )  # fmt: skip
                # '"…," he said. "…"' and '"…," she said, "…"': one utterance cut by its attribution
                merged = (
                    same_paragraph
                    and speaker is not None
                    and speaker.name == prev_speaker.name
                    and self.text[gap_start : gap_start + 1] == ","
                    and len(between) <= 160
                    and between.rstrip()[-1:] in (",", ".", ":")
                    and bool(quotes)
                    and quotes[-1].parts[-1] == prev_parts[-1]
                )
            if speaker is None and not unnamed:
                speaker = (
                    self._previous_sentence_speaker(sentence)
                    or self._subject_of(sentence, open_mark)
                    or self._previous_sentence_subject(sentence, open_mark, p_start)
                    or self._described_subject(sentence, open_mark)
                )
            words = sum(len(self.text[s:e].split()) for s, e in parts)
            if not merged and _looks_like_a_name(self.text, parts):
                continue
            if merged and previous is not None and quotes:
                last = quotes.pop()
                s0, e0 = last.parts[-1]
                kept = (s0, e0 + 1) if self.text[e0 : e0 + 1] == "," else (s0, e0)
                all_parts = (*last.parts[:-1], kept, *parts)
                text = join_parts(self.text, all_parts)
                quotes.append(
                    Quote(
                        start=all_parts[0][0], end=all_parts[-1][1], text=text, speaker=last.speaker,
                        role=last.role, confidence=last.confidence, said_on=last.said_on,
                        attribution=last.attribution, occasion=last.occasion, parts=all_parts,
                    )
                )  # fmt: skip
                previous = (sentence.paragraph, previous[1], previous[2], previous[3], [all_parts[-1]])
                continue
            if words < MIN_QUOTE_WORDS and not (said_right_after and _utterance(self.text, parts)):
                continue  # a scare quote ("too nice"), unless said on its own: '"No comment," he said.'
            if speaker is None and words < MIN_UNATTRIBUTED_WORDS and not unnamed:
                continue
            # Dates and occasions are looked for near the quotation, within its sentence.
            window = (max(sentence.start, open_mark - 400), min(sentence.end, quoted.marks[-1][1] + 400))
            said_on = self._date_for(sentence, speaker, window)
            occasion = self._occasion_in(window)
            if previous is not None and speaker is not None and previous[1].name == speaker.name:
                said_on = said_on or previous[2]
                occasion = occasion or previous[3]
            tuple_parts = tuple(parts)
            quotes.append(
                Quote(
                    start=tuple_parts[0][0],
                    end=tuple_parts[-1][1],
                    text=join_parts(self.text, tuple_parts),
                    speaker=speaker.name if speaker else None,
                    role=speaker.role if speaker else None,
                    confidence=round(speaker.confidence if speaker else 0.1, 2),
                    said_on=said_on,
                    attribution=speaker.span if speaker and speaker.span[0] != speaker.span[1] else None,
                    occasion=occasion,
                    parts=tuple_parts,
                )
            )
            if speaker is not None:
                previous = (sentence.paragraph, speaker, said_on, occasion, list(tuple_parts))
        return _without_repeats(quotes)

    def _previous_sentence_subject(
        self, sentence: _Sentence, open_mark: int, p_start: int
    ) -> _Speaker | None:
        """'Mayor Lin Chow has long opposed it.' then a paragraph that is only a quotation: the mayor's."""
        if sentence.number == 0 or open_mark != sentence.start:
            return None
        earlier = self.sentences[sentence.number - 1]
        # a paragraph that is only a quotation, or a quotation that opens the sentence after one about
        # someone: 'Thornton also had words for his defenders. "You can't switch off at a corner."'
        if earlier.paragraph != sentence.paragraph - (open_mark == p_start):
            return None
        at = bisect_left(self._mention_positions, earlier.start)
        for mention in self.mentions[at:]:
            if mention.position >= earlier.end:
                break
            if mention.subject_like:
                return _Speaker(
                    mention.person.name, mention.person.role(), 0.45, (mention.position, mention.position)
                )
        return None

    def _previous_sentence_speaker(self, sentence: _Sentence) -> _Speaker | None:
        """'Smith said the plan was flawed. "It will never work."' -- the speaker of the sentence before."""
        position = sentence.number
        if position == 0:
            return None
        earlier = self.sentences[position - 1]
        first_quote = min((self.quoted[i].marks[0][0] for i in sentence.quotes), default=-1)
        if first_quote != sentence.start:
            return None  # only a quotation that makes up its sentence continues the one before
        if earlier.paragraph != sentence.paragraph and self.paragraphs[sentence.paragraph][0] != first_quote:
            return None
        if earlier.paragraph < sentence.paragraph - 1:
            return None
        speaker = self._speaker_in_sentence(earlier)
        if speaker is None:
            return None
        return _Speaker(speaker.name, speaker.role, 0.6, speaker.span, speaker.person)

    def _trimmed_parts(self, quoted: QuotedSpan) -> list[Span]:
        parts: list[Span] = []
        for number, (start, end) in enumerate(quoted.parts):
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            last = number == len(quoted.parts) - 1
            if last:
                while end > start and self.text[end - 1] in ",;:":
                    end -= 1
            if start < end:
                parts.append((start, end))
        return parts
