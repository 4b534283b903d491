"""The attribution rules' word lists are data in resources/lexicons/attribution/ (issue 12 point 5): every
list loads and is non-empty, each class file says what it holds, and no list carries the name of a person or
an outlet of the articles and transcripts the extractor is tested and scored on."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from test_ingest_quotes import GOLD

from counterpoint.ingest import extract_quotes
from counterpoint.ingest.lexicon import lexicon, word_class, word_map
from counterpoint.ingest.quotes import words

FOLDER = resources.files("counterpoint.resources").joinpath("lexicons", "attribution")
CLASS_FILES = sorted(p.name for p in FOLDER.iterdir() if p.name.endswith(".tsv"))
HERE = Path(__file__).parent


def test_every_class_file_says_what_it_holds_and_loads_non_empty() -> None:
    assert len(CLASS_FILES) >= 20
    for name in CLASS_FILES:
        lines = FOLDER.joinpath(name).read_text("utf-8").splitlines()
        assert lines[0].startswith("# ") and len(lines[0]) > 20, (
            f"{name}: no header comment saying what it is"
        )
        rows = [line for line in lines if line.strip() and not line.startswith("#")]
        assert rows, f"{name} is empty"
        words_in = [row.split("\t")[0] for row in rows]
        assert len(set(words_in)) == len(words_in), f"{name} lists a word twice"
        assert all(w == w.strip() and w for w in words_in), f"{name}: a blank or padded entry"
        assert word_class(name.removesuffix(".tsv"))


def test_every_class_the_rules_name_is_a_file_and_non_empty() -> None:
    classes = {
        attribute: value
        for attribute, value in vars(words).items()
        if isinstance(value, words._Words | words._WordMap)
    }
    assert len(classes) >= 20
    for attribute, value in classes.items():
        assert f"{value.name}.tsv" in CLASS_FILES, attribute
        assert len(value) > 0, attribute
        assert next(iter(value)), attribute
    assert words._PRONOUNS["she"] == "f" and "they" in words._PRONOUNS
    assert word_map("pronouns")["he"] == "m"
    # set operations the rules use give plain sets
    assert "van" in words._NAME_PARTICLES | words._CONNECTORS
    assert "the" not in lexicon().not_names - words._DETERMINERS
    assert words.token_pattern().findall("Mrs. Lee of Orbit Inc. said") == [
        "Mrs.",
        "Lee",
        "of",
        "Orbit",
        "Inc.",
        "said",
    ]
    assert words.abbreviation_end().search("at 9 a.m.") and not words.abbreviation_end().search("it ended.")


def test_the_lists_of_attribution_toml_load_non_empty() -> None:
    lex = lexicon()
    for field in ("speech_verbs", "speech_phrases", "titles", "honorifics", "organisation_words", "not_names",
                  "occasions", "role_families", "page_noise"):  # fmt: skip
        assert getattr(lex, field), field


def _test_speakers() -> set[str]:
    """Every speaker the tests and scoring sets name: the invented articles, the real articles, the
    transcripts and the sample article."""
    names = {speaker for entries in GOLD.values() for _words, speaker in entries if speaker}
    realnews = json.loads((HERE / "realnews" / "gold-2026-12.json").read_text("utf-8"))
    names |= {s for doc in realnews["documents"] for q in doc["quotes"] for s in q["speakers"]}
    transcripts = json.loads((HERE / "transcripts" / "gold.json").read_text("utf-8"))
    names |= {t["speaker"] for doc in transcripts["documents"] for t in doc["turns"] if t["speaker"]}
    names |= {"Jeff Sessions", "Donald Trump", "Chuck Rosenberg", "Perry Tarrant", "Sarah Huckabee Sanders"}
    return names


def _surnames() -> set[str]:
    """The surnames of the people among the speakers (organisations and descriptions left out)."""
    lex = lexicon()
    not_a_person = lex.organisation_words | lex.titles | word_class("corporate-endings")
    found = set()
    for name in _test_speakers():
        parts = name.split()
        if not 2 <= len(parts) <= 4 or not all(p[:1].isupper() for p in parts):
            continue
        if any(p.lower().strip(".,") in not_a_person for p in parts):
            continue
        found.add(words._surname(name).strip(".,"))
    return found


def _all_entries() -> dict[str, set[str]]:
    lex = lexicon()
    entries = {name: set(word_class(name.removesuffix(".tsv"))) for name in CLASS_FILES}
    for field in ("speech_verbs", "titles", "honorifics", "organisation_words", "not_names"):
        entries[f"attribution.toml {field}"] = set(getattr(lex, field))
    entries["attribution.toml occasions"] = set(lex.occasions)
    return {name: {w.lower() for w in values} for name, values in entries.items()}


def test_no_list_names_a_person_of_the_test_and_scoring_sets() -> None:
    surnames = _surnames()
    assert len(surnames) > 100
    # surnames that are also ordinary words of a class, with the sense the class means
    # ("Bloomberg" the news agency in a dateline, "said" the speech verb)
    ordinary = {"said", "bloomberg"}
    clashes = {
        (list_name, word)
        for list_name, values in _all_entries().items()
        for word in values & surnames
        if word not in ordinary
    }
    assert not clashes


@pytest.mark.parametrize("outlet", ["noble", "nbc", "cnn", "bbc", "npr", "fox", "abc", "cbs"])
def test_outlets_and_groups_are_no_list_entries(outlet: str) -> None:
    assert all(outlet not in values for values in _all_entries().values())


def test_a_group_in_capitals_is_an_organisation_by_its_shape() -> None:
    # what the "noble" entry did for one test article, the shape of the word does for every acronym
    (quote,) = extract_quotes('"We will always stand with the families," ZORBAT President Ann Lee said.\n')
    assert (quote.speaker, quote.role) == ("Ann Lee", "ZORBAT President")
