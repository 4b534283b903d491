"""Speech verbs ("said", "pointed out", "according to") and the roles an appositive gives a name ("Jane Doe,
a spokeswoman for the agency, said")."""

from __future__ import annotations

from counterpoint.ingest.quotes.tokens import SentenceReader, _Token
from counterpoint.ingest.quotes.words import (
    _ACTS,
    _AUXILIARIES,
    _CLAUSE_JOINERS,
    _CONNECTORS,
    _DETERMINERS,
    _INVERTED_VERBS,
    _NOUN_MARKERS,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE_WORDS,
    _SURE_VERBS,
)


def _closes_a_passive(tokens: list[_Token], by: int) -> bool:
    """Whether "by" at tokens[by] closes a passive ("were explained in an email by") or follows an act ("a
    motion by"), so the name after it is an agent, not a place or a means ("stood by", "by Monday")."""
    if by > 0 and tokens[by - 1].key in _ACTS:
        return True
    for k in range(by - 1, max(-1, by - 10), -1):
        if tokens[k].key in ("was", "were", "is", "are", "been", "be", "being"):
            return k + 1 < by and tokens[k + 1].key.endswith(("ed", "en", "wn", "id", "ld", "ght"))
    return False


def _finite_verb_like(token: _Token) -> bool:
    """A lower-case word that can start a predicate: not a preposition, determiner, joiner or connector."""
    key = token.key
    return (
        not token.capitalised
        and key.isalpha()
        and key not in _PREPOSITIONS
        and key not in _DETERMINERS
        and key not in _CLAUSE_JOINERS
        and key not in _CONNECTORS
        and key not in ("who", "whose", "which", "that", "then", "also")
    )


class SpeechVerbReader(SentenceReader):
    """Where a speech verb stands in a sentence, and the role words set off beside a name."""

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
        if previous.key in _DETERMINERS or previous.key in _NOUN_MARKERS:
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
        if words[0].key in _RELATIVE_WORDS or words[0].key in _PREPOSITIONS:
            return None  # a relative clause or a scene ("X, in an interview with the host of …"), not a role
        cut = next((n for n, w in enumerate(words) if w.key in _RELATIVE_WORDS), len(words))
        words = words[:cut]
        while words and words[0].key in _DETERMINERS:
            words = words[1:]
        while words and self._verb_at(words, len(words) - 1):
            words = words[:-1]
        if len(words) > 9 or any(self._verb_at(words, n) for n in range(len(words))):
            return None
        return self._phrase(words) if words else None

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
