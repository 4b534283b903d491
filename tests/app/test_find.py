"""Across the library: `find` retrieves statements on the topic through the full-text index, has the engine
score them, and lists those with contrasting phrasing first (app layer, store query and the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterpoint.app import find as finding
from counterpoint.app.find import content_words, find, find_iter, question
from counterpoint.cli import main
from counterpoint.errors import UserError
from counterpoint.store import Project
from counterpoint.store.finding import topic_candidates, topic_query

TAXES = "We will raise taxes on the middle class next year."
NO_TAXES = "We will not raise taxes on the middle class next year."
SAME_TAXES = "Taxes on the middle class will go up next year, as we said."
BORDER = "The border is secure and crossings have fallen."
WEATHER = "It rained all weekend at the seaside resort."


@pytest.fixture
def library(project: Project) -> dict[str, int]:
    ids = {
        "taxes": project.add_statement("Ann Lee", TAXES, said_on="2020-01-01"),
        "no_taxes": project.add_statement("Bob Roe", NO_TAXES, said_on="2020-02-01"),
        "ann_no_taxes": project.add_statement(
            "Ann Lee", NO_TAXES + " That is a promise.", said_on="2021-03-01"
        ),
        "same_taxes": project.add_statement("Cy Doe", SAME_TAXES, said_on="2020-03-01"),
        "border": project.add_statement("Bob Roe", BORDER, said_on="2020-04-01"),
        "weather": project.add_statement("Dee Fox", WEATHER, said_on="2020-05-01"),
    }
    return ids


def test_content_words_are_lemmatised_and_leave_out_stopwords() -> None:
    words = content_words("The officers were thrown into the wagons, and we will not say 42 more.")
    assert {"officers", "officer", "thrown", "throw", "wagons", "wagon"} <= set(words)
    assert not {"the", "and", "we", "will", "not", "42"} & set(words)


def test_topic_candidates_rank_by_shared_words_and_honour_scope(
    project: Project, library: dict[str, int]
) -> None:
    words = content_words(TAXES)
    ids = topic_candidates(project, words, exclude=[library["taxes"]])
    assert library["taxes"] not in ids
    assert library["weather"] not in ids and library["border"] not in ids  # no word in common
    assert {library["no_taxes"], library["ann_no_taxes"], library["same_taxes"]} == set(ids)
    ann = project.statement(library["taxes"]).speaker_id
    same = topic_candidates(project, words, speaker_id=ann, scope="same", exclude=[library["taxes"]])
    assert same == [library["ann_no_taxes"]]
    others = topic_candidates(project, words, speaker_id=ann, scope="others", exclude=[library["taxes"]])
    assert set(others) == {library["no_taxes"], library["same_taxes"]}
    assert topic_candidates(project, words, within=[library["same_taxes"]]) == [library["same_taxes"]]
    assert topic_candidates(project, words, limit=1) and len(topic_candidates(project, words, limit=1)) == 1


def test_typed_operators_are_words_not_query_syntax(project: Project) -> None:
    project.add_statement("A", 'He said NEAR( "quote" AND -minus OR * stars')
    project.add_statement("B", "NEAR quote minus stars")
    query = topic_query(project, ["NEAR(", '"quote"', "-minus", "*", "AND", "stars", "OR"])
    assert query  # built, and SQLite accepts it:
    assert topic_candidates(project, ["NEAR(", '"quote"', "stars"]) != []


def test_a_word_only_the_statement_holds_reaches_nobody(project: Project) -> None:
    project.add_statement("A", "zyzzyva quokka")
    project.add_statement("B", "quokka habitats")
    assert topic_query(project, ["zyzzyva", "quokka"]) == '"quokka"'


def test_find_lists_the_contradiction_first_with_phrases(project: Project, library: dict[str, int]) -> None:
    results = find(project, library["taxes"])
    assert results, "the statements on taxes are candidates"
    first = results[0]
    assert first.flagged and first.statement.id in (library["no_taxes"], library["ann_no_taxes"])
    phrase = first.phrases[0]
    assert phrase.kind == "negation" and "not raise" in phrase.found_text
    assert TAXES[phrase.asked[0] : phrase.asked[1]] == phrase.asked_text
    assert phrase.reason
    # The agreeing statement is listed (same topic) but not flagged, after every flagged one.
    agreeing = next(r for r in results if r.statement.id == library["same_taxes"])
    assert not agreeing.flagged and agreeing.score == 0.0
    assert results.index(agreeing) > max(i for i, r in enumerate(results) if r.flagged)


def test_scopes_and_limit(project: Project, library: dict[str, int]) -> None:
    same = find(project, library["taxes"], scope="same")
    assert [r.statement.id for r in same] == [library["ann_no_taxes"]]
    others = find(project, library["taxes"], scope="others")
    assert library["ann_no_taxes"] not in [r.statement.id for r in others]
    assert len(find(project, library["taxes"], limit=1)) == 1
    with pytest.raises(UserError):
        find(project, library["taxes"], scope="everyone")
    with pytest.raises(UserError):
        find(project, library["taxes"], limit=0)


def test_a_passage_narrows_the_question(project: Project) -> None:
    text = (
        "The border is secure and crossings have fallen. We will raise taxes on the middle class next year."
    )
    asked = project.add_statement("Ann Lee", text)
    project.add_statement("Bob Roe", NO_TAXES)
    project.add_statement("Cy Doe", "The border is not secure at all.")
    start = text.index("We will")
    results = find(project, asked, passage=(start, len(text)))
    assert [r.statement.speaker for r in results] == ["Bob Roe"]  # the border is no longer the topic
    for phrase in results[0].phrases:
        assert start <= phrase.asked[0] < phrase.asked[1] <= len(text)
        assert text[phrase.asked[0] : phrase.asked[1]] == phrase.asked_text
    with pytest.raises(UserError):
        find(project, asked, passage=(5, 5000))


def test_results_stream_with_progress_and_stop_when_cancelled(
    project: Project, library: dict[str, int]
) -> None:
    asked = question(project, library["taxes"])
    steps = list(find_iter(project, asked))
    assert steps[0].done == 0 and steps[0].total == 3 and steps[0].result is None
    assert [s.done for s in steps[1:]] == [1, 2, 3]
    assert all(s.result is not None for s in steps[1:])
    seen = []

    def cancelled() -> bool:
        return len(seen) >= 2

    for step in find_iter(project, asked, cancelled=cancelled):
        seen.append(step)
    assert len(seen) == 2  # the announcement and one scored candidate, then it stopped


def test_the_engine_scores_every_candidate(
    project: Project, library: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked_texts = []
    real = finding.engine.analyse

    def spy(texts, **kwargs):  # type: ignore[no-untyped-def]
        asked_texts.append(tuple(texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(finding.engine, "analyse", spy)
    find(project, library["taxes"])
    assert len(asked_texts) == 3 and all(t[0] == TAXES for t in asked_texts)


def test_sample_trump_finds_sessions(sample_project: Project) -> None:
    trump = next(s for s in sample_project.statements() if s.speaker == "Donald Trump")
    speakers = [r.statement.speaker for r in find(sample_project, trump.id)]
    assert "Jeff Sessions" in speakers


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_find(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for speaker, text in (
        ("Ann Lee", TAXES),
        ("Bob Roe", NO_TAXES),
        ("Ann Lee", NO_TAXES),
        ("Dee Fox", WEATHER),
    ):
        assert run(capsys, "add", str(project_path), "--speaker", speaker, "--text", text)[0] == 0
    code, out, _ = run(capsys, "find", str(project_path), "1", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["statement_id"] for r in rows} == {2, 3}
    assert rows[0]["flagged"] and rows[0]["phrases"][0]["kind"] == "negation"
    code, out, _ = run(capsys, "find", str(project_path), "1", "--same-speaker", "--json")
    assert [r["statement_id"] for r in json.loads(out)] == [3]
    code, out, _ = run(capsys, "find", str(project_path), "1", "--other-speakers")
    assert code == 0 and "Bob Roe" in out and "negation:" in out and "Ann Lee" not in out
    code, out, _ = run(capsys, "find", str(project_path), "4")
    assert code == 0 and "no statement in the library shares" in out
    code, _, err = run(capsys, "find", str(project_path), "99")
    assert code == 1 and "no statement 99" in err
    code, _, err = run(capsys, "find", str(project_path), "1", "--same-speaker", "--other-speakers")
    assert code == 1 and err.count("\n") == 1
