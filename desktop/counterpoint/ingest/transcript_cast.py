"""Who a transcript's speaker labels stand for: the full name and role a label, a cast list or the first full
mention gives ("SEN. KAMALA HARRIS (D-CA):", "ANTHONY ALBANESE, PRIME MINISTER:", "Senator Homer E. Capehart
(chairman) presiding"), so that later short labels ("HARRIS:", "PRIME MINISTER:", "The CHAIRMAN.") get them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice

from counterpoint.ingest.lexicon import lexicon, word_class, word_map


@dataclass(frozen=True)
class LabelWords:
    unnamed: frozenset[str]
    numbered: frozenset[str]
    not_speakers: frozenset[str]
    directions: frozenset[str]


@cache
def label_words() -> LabelWords:
    raw = tomllib.loads(
        resources.files("counterpoint.resources").joinpath("transcripts", "labels.toml").read_text("utf-8")
    )
    return LabelWords(
        unnamed=frozenset(raw["unnamed"]),
        numbered=frozenset(raw["numbered"]),
        not_speakers=frozenset(raw["not_speakers"]),
        directions=frozenset(raw["directions"]),
    )


_ROLE_ONLY = re.compile(r"^(?:the\s+)?(?P<role>[a-z][a-z .'\-]*)$")


def is_title_word(word: str) -> bool:
    low = word.lower().strip(",")
    words = lexicon()
    return (
        low in words.titles
        or low in words.honorifics
        or low in word_class("label-titles")  # "SEN.", "THE HON", "FORMER GOV."
        or low.rstrip(".") in words.titles
        or low in word_map("title-abbreviations")  # "PM", "SEC."
    )


def full_title(word: str) -> str:
    """The title an abbreviated title word stands for ("PM" -> "Prime Minister", "Sec." -> "Secretary"); any
    other word as it is."""
    found = word_map("title-abbreviations").get(word.lower().strip(","))
    return found.title() if found else word


def name_case(name: str) -> str:
    """An all-capitals name in ordinary case: "DIANNE FEINSTEIN" -> "Dianne Feinstein", "McCLELLAN" -> "McClellan"."""
    out: list[str] = []
    for word in name.split():
        if word.isupper() and len(word) > 1:
            word = "-".join("'".join(p.capitalize() for p in part.split("'")) for part in word.split("-"))
            if word.startswith("Mc") and len(word) > 3 and word[2].isalpha():
                word = "Mc" + word[2:].capitalize()  # MCMANUS -> McManus (Mac is left: Mack, Machin)
        elif word[:1].isupper() and any(c.islower() for c in word[:3]) and word[3:].isupper():
            word = word[:2] + word[2:].capitalize()  # McCLELLAN
        out.append(word)
    return " ".join(out)


@dataclass
class Person:
    name: str  # as shown to the user: "Dianne Feinstein"
    role: str | None = None


def label_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a label's words: "SEN. DIANNE FEINSTEIN" -> (["SEN."], ["DIANNE", "FEINSTEIN"])."""
    i = 0
    while i < len(words) - 1 and is_title_word(words[i]):
        i += 1
    return words[:i], words[i:]


# A full name in running text or a header: two to four capitalised words ("Josh Earnest", "Homer E. Capehart",
# "CANDY CROWLEY"), with up to two title words before them ("Attorney General Nominee William Barr"). Each word
# is bounded, so a pass over the text is linear.
_FULL_NAME = re.compile(
    r"\b(?:[A-Z][a-z][A-Za-z'’\-]{0,20}|[A-Z]{2,20})"
    r"(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z][A-Za-z'’\-]{0,20}|[A-Z]{2,20})){1,5}\b"
)
# "PM = Prime Minister (Boris Johnson)": a label, "=", then who it is, with a role or a name in brackets
_LEGEND = re.compile(
    r"^[ \t]*(?P<key>[A-Z][A-Za-z.]{0,5})[ \t]*=[ \t]*(?P<outer>[A-Z][^=()\n]{1,60}?)[ \t]*(?:\((?P<inner>[^()\n]{2,60})\))?[ \t]*$",
    re.MULTILINE,
)
_SWORN = re.compile(r"(?P<name>[A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){1,3}) \((?:sworn|affirmed)\)")
_QUESTIONED_BY = re.compile(
    r"(?:Questioned|Examined|Cross-examined|Questions) by (?P<name>(?:MR|MS|MRS|MISS|DR|SIR)\.? [A-Z][A-Z'’\-]+)"
)
_DOCUMENT_WORDS = frozenset(
    ("minutes", "evidence", "proceedings", "transcript", "transcripts", "hansard", "record")
)
_POSSESSIVE = re.compile(r"['’]s\b")
_HONOURABLE = re.compile(r"\b(?:The[ \t]+)?Hon\.?[ \t]+(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,2})\b")
# "Please welcome the Prime Minister, Julia Gillard, and Opposition Leader, Tony Abbott": a role, then the name
# (after "the" or "and": "Prime Minister, Peter Costello said …" opening a question is a vocative)
_ROLE_NAME = re.compile(
    r"(?<=the |and )(?P<role>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3}),[ \t]+(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’\-]+){1,2})\b"
)
_NAME_ROLE = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z][A-Za-z'’\-]{0,20}|[A-Z]{2,20})(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z]\.|[A-Z][a-z][A-Za-z'’\-]{0,20}|"
    r"[A-Z]{2,20})){1,3})[ \t\n]*(?:\((?P<paren>[A-Za-z][a-z ]{2,30})\)|,[ \t]+[A-Z][A-Za-z .]{1,30},[ \t]+"
    r"(?P<comma>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})\b)"
)


class Cast:
    """The people of one transcript, filled in as labels are read, with the names the text mentions."""

    def __init__(self, text: str, header_end: int = 0) -> None:
        self._by_key: dict[str, Person] = {}
        self._by_surname: dict[str, Person] = {}
        self._by_role: dict[str, Person] = {}
        self._mentions: dict[str, str] = {}  # surname -> the full name the text gives it most often
        self._role_mentions: dict[str, str] = {}  # "chairman" -> "Homer E. Capehart"
        self._initials: dict[str, Person] = {}
        counts: dict[tuple[str, str], int] = {}
        titled: dict[str, list[str]] = {}  # "prime minister" -> the words after its first "Prime Minister …"
        not_names = lexicon().not_names
        openers = word_class("address-openers")
        for match in _FULL_NAME.finditer(text):
            # A name ends at a possessive ("John Robbie's Interview"); a run of capitalised words may run on
            # past the name ("John Robbie Interview"), so each of its leading runs is a candidate.
            possessive = _POSSESSIVE.search(match[0])
            words = (match[0][: possessive.start()] if possessive else match[0]).split()
            titles, name = split_title(words)
            honorifics = lexicon().honorifics
            role_words = [
                w
                for w in titles
                if w.lower() not in ("the", "former", "honorable", "honourable")
                and w.lower() not in honorifics
            ]
            if role_words and len(name) >= 2:
                titled.setdefault(label_key(" ".join(role_words)), name)
            inside = [n for n, word in enumerate(name) if is_title_word(word)]
            if inside:
                after = name[inside[-1] + 1 :]  # "Florida Governor Ron DeSantis": the name after the title
                first = inside[-1]
                while first > 0 and first - 1 in inside:
                    first -= 1
                if len(after) >= 2:
                    # "House Intelligence Chairman Adam Schiff" answers a label "THE CHAIRMAN:"
                    titled.setdefault(label_key(" ".join(name[first : inside[-1] + 1])), after)
                name = after
            if (
                len(name) == 2
                and len(name[0]) > 2
                and name[0].isupper()
                and name[1][:1].isupper()
                and not name[1].isupper()
                and name[1].lower() not in lexicon().organisation_words  # "BBC News"
            ):
                name = [
                    name[1],
                    name[0],
                ]  # "MOTEGI Toshimitsu": the surname first, in capitals (official style)
            while name and (name[0].lower() in not_names or name[0].lower() in openers):
                name = name[
                    1:
                ]  # "To Brown, that means", "Thanks Diana.": a sentence's first word, no first name
            if _KIN_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                continue  # "My wife, Joan Specter": a relative who shares the surname
            if len(name) == 2 and _near_title(name[0]) is not None:
                name = name[1:]  # "Govenor Haskell": a misspelt title, not a first name
            for end in range(2, min(len(name), 3) + 1):  # a full name is two or three words
                if any(is_title_word(w) for w in name[:end]):
                    break
                key = (name[end - 1].lower().replace("’", "'"), name_case(" ".join(name[:end])))
                counts[key] = counts.get(key, 0) + 1
        best: dict[str, int] = {}
        for (surname, full), count in counts.items():  # in order of first mention: ties keep the first
            if count > best.get(surname, 0):
                best[surname] = count
                self._mentions[surname] = full
        # "Prime Minister John Howard, good morning": a title written before a name the text uses is that
        # person's, for a label that gives the title alone ("PRIME MINISTER:")
        self._titled: dict[str, str] = {}
        for role_key, name in titled.items():
            for end in (3, 2):
                full = name_case(" ".join(name[:end]))
                if len(name) >= end and self._mentions.get(name[end - 1].lower().replace("’", "'")) == full:
                    self._titled[role_key] = full
                    break
        for match in _ROLE_NAME.finditer(text[:20_000]):
            role_words = match["role"].split()
            if is_title_word(role_words[-1]) and not any(is_title_word(w) for w in match["name"].split()):
                self._role_mentions.setdefault(
                    label_key(" ".join(w for w in role_words if w.lower() != "the")), match["name"]
                )
        for match in _NAME_ROLE.finditer(text[:20_000]):
            role = (match["paren"] or match["comma"] or "").lower()
            _titles, name = split_title(match["name"].split())
            if len(name) >= 2 and role:
                self._role_mentions.setdefault(role, name_case(" ".join(name)))
        # The one member named "The Hon ..." in the header of a ministerial transcript is its "MINISTER:".
        owners = {name_case(m["name"]) for m in _HONOURABLE.finditer(text[:header_end])}
        self._owner = owners.pop() if len(owners) == 1 else None
        self._heading = self._heading_person(text[:header_end])
        self._legend = self._read_legend(text[:header_end])
        self._court: dict[str, Person] = {}
        self._court = self._read_court(text)
        self._spellings: dict[str, int] = {}  # how often each capitalised word is written, in lower case
        for word in _CAPITALISED.findall(text):
            key = word.lower()
            self._spellings[key] = self._spellings.get(key, 0) + 1

    def _heading_person(self, header: str) -> str | None:
        """The one person the page's heading (the text before the first label) names, for a label giving a title
        alone ("PM:", "THE PRESIDENT:"): an inverted name on a line of its own ("Gillard, Julia"), else the one
        full name the text uses ("Julia Gillard has no idea ...") or the one name written with a possessive
        ("Obama's Interview with ..."); None when the heading names no one or several people."""
        inverted = set()
        for match in _INVERTED.finditer(header):
            words = [match["given"], match["surname"]]
            if not any(is_title_word(w) for w in " ".join(words).split()):
                inverted.add(" ".join(words))
        if inverted:
            return inverted.pop() if len(inverted) == 1 else None
        found: set[str] = set()
        for match in _FULL_NAME.finditer(header):
            possessive = _POSSESSIVE.search(match[0])
            _titles, name = split_title((match[0][: possessive.start()] if possessive else match[0]).split())
            caps = [w.isupper() and len(w) > 1 for w in name]
            if any(w.lower() in _DOCUMENT_WORDS for w in name):
                continue  # "Commons Minutes", "Oral Evidence": the page's kind, not a person
            if len(name) in (2, 3) and not any(is_title_word(w) for w in name) and len(set(caps)) == 1:
                # ("View/Save XML": capitals beside a capitalised word are an acronym, not a name)
                full = name_case(" ".join(name))
                if self._mentions.get(name[-1].lower().replace("’", "'")) == full:
                    found.add(full)
        occasions = lexicon().occasions
        for match in _OWNED.finditer(header):
            word = match["name"]
            if match["occasion"].lower() in occasions and not is_title_word(word):
                found.add(self._mentions.get(word.lower(), word))
        return found.pop() if len(found) == 1 else None

    def first_names(self) -> dict[str, str]:
        """First name (lower case) -> the full name the text gives it, for first names only one full name has
        ('Matt' is Matt Lee when the text names no other Matt)."""
        found: dict[str, str | None] = {}
        for full in self._mentions.values():
            first = full.split()[0].lower()
            found[first] = full if found.get(first, full) == full else None
        return {first: full for first, full in found.items() if full is not None}

    def _read_legend(self, header: str) -> dict[str, Person]:
        """A key to the labels before the transcript ("PM = Prime Minister (Boris Johnson)", "NR = Nick
        Robinson (interviewer)"): each label's person."""
        legend: dict[str, Person] = {}
        for match in _LEGEND.finditer(header[:20_000]):
            outer, inner = match["outer"].strip(), (match["inner"] or "").strip()
            if inner and _FULL_NAME.fullmatch(inner) and not any(is_title_word(w) for w in inner.split()):
                legend[label_key(match["key"])] = Person(inner, outer or None)
            elif _FULL_NAME.fullmatch(outer):
                legend[label_key(match["key"])] = Person(outer, inner or None)
        return legend

    def _read_court(self, text: str) -> dict[str, Person]:
        """In a court or inquiry transcript, who "A." and "Q." are: the one witness sworn in ("NATASHA BERNARD
        (sworn)") and the one counsel named as questioning ("Questioned by MS PRICE")."""
        court: dict[str, Person] = {}
        sworn = {m["name"].strip() for m in _SWORN.finditer(text[:200_000])}
        if len(sworn) == 1:
            court["a"] = Person(name_case(sworn.pop()), "Witness")
        asking = {m["name"].strip() for m in _QUESTIONED_BY.finditer(text[:200_000])}
        if len(asking) == 1:
            _titles, name = split_title(asking.pop().split())
            if name:
                court["q"] = self.declare(" ".join(name), None) or Person(name_case(" ".join(name)), None)
        return court

    def declare(self, label: str, role: str | None) -> Person | None:
        """The person a label names (None for an unnamed questioner), remembered for later labels."""
        key = label_key(label)
        if key in self._legend and key not in self._by_key:
            self._by_key[key] = self._legend[key]
        words = label_words()
        if key in ("a", "q") and key in self._court:
            return self._court[key]  # "A." is the witness sworn in, "Q." the counsel questioning
        if key in words.unnamed or _is_numbered(key, words.numbered):
            return None
        if key in self._by_key:
            person = self._by_key[key]
            if role and not person.role:
                person.role = role
            return person
        person = self._resolve(label, role)
        self._by_key[key] = person
        self._remember(person, label)
        return person

    def _resolve(self, label: str, role: str | None) -> Person:
        tokens = label.replace("’", "'").split()
        titles, name = split_title(tokens)
        if not name:
            name, titles = titles, []
        inside = [n for n, word in enumerate(name[:-1]) if is_title_word(word)]
        if inside:  # "Dear Secretary Becerra": the name after the title, never a greeting before it
            start = inside[-1]
            while start > 0 and is_title_word(name[start - 1]):
                start -= 1
            titles, name = name[start : inside[-1] + 1], name[inside[-1] + 1 :]
        honorifics = lexicon().honorifics
        title_role = name_case(
            " ".join(
                full_title(w)
                for w in titles
                if w.lower() not in ("the", "hon", "hon.", "honorable", "honourable")
                and w.lower() not in honorifics
            )
        )
        if (len(name) == 1 and is_title_word(name[0])) or (not titles and _is_role_words(tokens)):
            # A role alone ("PRIME MINISTER", "The CHAIRMAN"): whoever was introduced with that role.
            role_key = label_key(" ".join(full_title(w) for w in tokens if w.lower() != "the"))
            known = self._by_role.get(role_key)
            if known is not None:
                return known
            mention = self._role_mentions.get(role_key) or self._heading or self._titled.get(role_key)
            if mention is not None:
                return Person(mention, name_case(role_key.title()))
            if self._owner is not None:
                return Person(self._owner, name_case(role_key.title()))
            # nobody the text names holds it: the turn keeps the role and has no speaker, for the user to name
            # ("PRIME MINISTER:" in an excerpt that never says which one; two transcripts' "Presenter" are not
            # one person)
            return Person(
                "", name_case(" ".join(full_title(w) for w in tokens if w.lower() != "the")).title()
            )
        if len(name) == 2 and not titles and name[1].lower() in self._mentions:
            # "Govenor DeSantis (03:21):" after "Florida Governor Ron DeSantis": a title misspelt by one letter
            # before a surname the text names in full is that title, not a first name
            title = _near_title(name[0])
            if title is not None and self._mentions[name[1].lower()].split()[0].lower() != name[0].lower():
                titles, name, title_role = [name[0]], [name[1]], title.title()
        if len(name) == 1:
            surname = name[0].lower()
            for source in (self._by_surname, self._initials):
                if surname in source:
                    return source[surname]
            mention = self._mentions.get(surname)
            if mention is not None:
                return Person(mention, role or (title_role or None))
            typo = self._same_surname_misspelt(surname)
            if typo is not None:
                return typo
            letters = name[0].isalpha() and name[0].isupper()
            if letters and (len(name[0]) == 2 or (len(name[0]) == 3 and not set(surname) & set("aeiouy"))):
                # initials ("GG", "IR"), not a short surname ("LEA"): the one full name the text gives with
                # those initials ("Chairman Gregory Gantt", "Interview with … Ian Rogerson")
                full = [
                    f
                    for f in set(self._mentions.values())
                    if "".join(w[0] for w in f.split()).lower() == surname
                ]
                if len(full) == 1:
                    return Person(full[0], role or (title_role or None))
                if not set(surname) & set("aeiouy"):
                    return Person(name[0], role or (title_role or None))  # initials stay in capitals
        return Person(name_case(" ".join(name)), role or (title_role or None))

    def _same_surname_misspelt(self, surname: str) -> Person | None:
        """'FEINSTEIN:' after 'SEN. DIANNE FEINSTIN, D-CALIFORNIA:': a surname one letter away from one
        already declared (five letters or more, same first letter) is that person, a transcriber's typo;
        the person keeps the spelling the text uses more often."""
        if len(surname) < 5:
            return None
        for known, person in islice(self._by_surname.items(), 200):  # a cast is tens of people
            # a typo is made once: two spellings each written more often are two people (Marsh and March)
            rare = min(self._spellings.get(known, 0), self._spellings.get(surname, 0)) <= 1
            if rare and known[:1] == surname[:1] and _one_edit_apart(known, surname):
                if self._spellings.get(surname, 0) > self._spellings.get(known, 0):
                    first = person.name.rsplit(" ", 1)[0] + " " if " " in person.name else ""
                    person.name = first + name_case(surname.upper())
                self._by_surname.setdefault(surname, person)
                return person
        return None

    def _remember(self, person: Person, label: str) -> None:
        if not person.name:
            return
        surname = person.name.split()[-1].lower()
        self._by_surname.setdefault(surname, person)
        letters = "-".join(p[:1].lower() for p in surname.split("-"))
        self._initials.setdefault(letters, person)
        self._initials.setdefault(person.name[:1].lower() if len(person.name.split()) == 1 else "", person)
        self._initials.pop("", None)
        if person.role:
            self._by_role.setdefault(label_key(person.role), person)


_INVERTED = re.compile(
    r"^[ \t•*\-]*(?P<surname>[A-Z][a-z][A-Za-z'’\-]{1,20}),[ \t]+(?P<given>[A-Z][a-z]{1,20})[ \t]*$",
    re.MULTILINE,
)
_OWNED = re.compile(r"\b(?P<name>[A-Z][a-z][A-Za-z\-]{1,20})['’]s[ \t]+(?P<occasion>[A-Za-z\-]{2,20})\b")
_KIN_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(word_class("kinship"))) + r")\b,?[ \t]+$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'\-]{3,30}\b")


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one letter inserted, removed or replaced."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def _near_title(word: str) -> str | None:
    """The title word `word` misspells by one letter ("Govenor": "governor"), for words of five letters or
    more; None when it is no near title."""
    low = word.lower().rstrip(".,")
    if len(low) < 5 or is_title_word(low):
        return None
    index = _titles_by_deletion()
    for key in (low, *_deletions(low)):
        for title in index.get(key, ()):
            if title[:1] == low[:1] and _one_edit_apart(title, low):
                return title
    return None


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


@cache
def _titles_by_deletion() -> dict[str, tuple[str, ...]]:
    """The title words of five letters or more by themselves and by each one-letter deletion: two words one
    edit apart share a key, so a near title is found in a few look-ups, not a pass over every title."""
    index: dict[str, list[str]] = {}
    for title in sorted(lexicon().titles):
        if len(title) >= 5:
            for key in (title, *_deletions(title)):
                index.setdefault(key, []).append(title)
    return {key: tuple(titles) for key, titles in index.items()}


def _is_numbered(key: str, numbered: frozenset[str]) -> bool:
    head, _, number = key.rpartition(" ")
    return number.isdigit() and head in numbered


def _is_role_words(tokens: list[str]) -> bool:
    return bool(tokens) and all(is_title_word(t) for t in tokens)
