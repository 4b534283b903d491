"""The text model: sentences, tokens and negation scope."""

from __future__ import annotations

from counterpoint.engine.text import Document, split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_survive_titles_initials_and_abbreviations() -> None:
    text = "Mr. Smith met the U.S. Attorney General on Friday. He said J. Doe was wrong. Dr. Lee agreed."
    assert sentences(text) == [
        "Mr. Smith met the U.S. Attorney General on Friday.",
        "He said J. Doe was wrong.",
        "Dr. Lee agreed.",
    ]


def test_sentences_split_after_quotes_and_ellipses_but_not_inside_words() -> None:
    text = "He said, 'Please don't.' Then he left... Wasn't it odd? Crime…in America fell."
    assert sentences(text) == [
        "He said, 'Please don't.'",
        "Then he left...",
        "Wasn't it odd?",
        "Crime…in America fell.",
    ]


def test_dashes_do_not_end_a_sentence() -> None:
    assert len(sentences("We need to be careful — making sure we do it lawfully.")) == 1


def test_a_long_line_without_punctuation_is_cut_into_bounded_pieces() -> None:
    text = "word " * 2000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(0 < e - s <= 600 for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())


def test_tokens_split_contractions_and_keep_offsets() -> None:
    text = "We can’t back off, won't we?"
    toks = tokenize(text)
    assert [t.norm for t in toks][:4] == ["we", "ca", "n't", "back"]
    assert all(text[t.start : t.end].lower().replace("’", "'") == t.norm for t in toks)
    assert toks[1].lemma == "can"


def test_negation_scope_stops_at_a_clause_boundary() -> None:
    doc = Document("The government has not asked for a price freeze, but it is pleading for one.")
    negated = {doc.norms[k] for k in range(len(doc.tokens)) if doc.negated[k]}
    assert {"asked", "price", "freeze"} <= negated
    assert "pleading" not in negated


def test_pseudo_negations_negate_nothing() -> None:
    doc = Document("It is not just pipelines.")
    assert not any(doc.negated)


def test_a_denied_report_denies_the_clause_it_introduces() -> None:
    doc = Document("There is no evidence that the vaccine causes autism.")
    assert doc.negated[doc.norms.index("causes")]
    plain = Document("There is no doubt about it, and the vaccine causes nothing.")
    assert not plain.negated[plain.norms.index("vaccine")]


def test_fail_to_negates_but_failing_someone_does_not() -> None:
    doc = Document("The council failed to publish the report.")
    assert doc.negated[doc.norms.index("publish")]
    other = Document("The scheme failed the families it was meant to help.")
    assert not other.negated[other.norms.index("families")]
