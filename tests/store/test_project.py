"""The typed project API: statements, comparisons, annotations with selectors, search, integrity."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from counterpoint.errors import UserError
from counterpoint.store import Project, Relation, TargetSpec, Verdict

UNICODE_TEXTS = [
    "Nous devons être prudents — « légalement » 😀👍🏽 et ensuite.",
    "Combining: e\u0301 a\u0308 n\u0303, and a family 👨‍👩‍👧 emoji.",
    "قال الوزير إن الشرطة يجب أن تعمل بطريقة قانونية.",
    "总统说：“请不要太客气。”司法部长说要依法办事。",
]


def _span_of(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_foreign_keys_are_enforced(project: Project) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        project.conn.execute("INSERT INTO statements (speaker_id, text) VALUES (999, 'orphan')")
    statement_id = project.add_statement("Perry Tarrant", "We must always be vigilant.")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        project.conn.execute(
            'INSERT INTO annotation_targets (annotation_id, statement_id, exact, start, "end") '
            "VALUES (12345, ?, 'We', 0, 2)",
            [statement_id],
        )
    with pytest.raises(UserError, match="no statement 77"):
        project.add_comparison("Bad", [statement_id, 77])
    assert project.comparisons() == [], "a failed add leaves nothing behind"


@pytest.mark.parametrize("text", UNICODE_TEXTS)
def test_unicode_round_trips_with_selectors(project_path: Path, text: str) -> None:
    needle = text[3:9]
    start, end = _span_of(text, needle)
    with Project.open(project_path, create=True) as project:
        a = project.add_statement("Speaker Ç", text)
        b = project.add_statement("Другой", text[::-1])
        annotation_id = project.add_annotation(
            [TargetSpec(a, start, end), TargetSpec(b, 0, 1)], note=f"note on {needle}", tags=["é-tag 😀"]
        )
    with Project.open(project_path) as project:
        assert project.statement(a).text == text
        target = project.annotation(annotation_id).targets[0]
        assert (target.start, target.end) == (start, end)
        assert target.exact == needle == text[target.start : target.end]
        assert target.prefix == text[max(0, start - 32) : start]
        assert target.suffix == text[end : end + 32]
        assert project.annotation(annotation_id).tags == ("é-tag 😀",)
        assert project.statement(b).text == text[::-1]


def test_annotation_pair_with_relation_verdict_tags(sample_project: Project) -> None:
    comparison = sample_project.comparisons()[0]
    annotations = sample_project.annotations(comparison.id)
    assert len(annotations) == 2
    first = annotations[0]
    assert first.relation is Relation.CONTRADICTS and first.verdict is Verdict.CONTRADICTION
    texts = [sample_project.statement(t.statement_id).text[t.start : t.end] for t in first.targets]
    assert texts == ["Please don't be too nice", "in a lawful way"]
    sample_project.update_annotation(first.id, verdict="unverifiable", tags=["new tag"], note="changed")
    changed = sample_project.annotation(first.id)
    assert (changed.verdict, changed.tags, changed.note) == (Verdict.UNVERIFIABLE, ("new tag",), "changed")
    sample_project.delete_annotation(first.id)
    assert sample_project.conn.execute(
        "SELECT count(*) FROM annotation_targets WHERE annotation_id = ?", [first.id]
    ).fetchone() == (0,)
    sample_project.restore_annotation(first)
    assert sample_project.annotation(first.id) == first


def test_span_outside_the_text_is_refused(project: Project) -> None:
    statement_id = project.add_statement("A", "short")
    with pytest.raises(UserError, match="outside the text"):
        project.add_annotation([TargetSpec(statement_id, 2, 99)])
    assert project.annotations() == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "-x",
        "NEAR(",
        "NEAR(lawful, 3)",
        "*",
        "AND",
        "a OR b NOT c",
        "col:nice",
        "^start",
        "(((",
    ],
)
def test_search_treats_operators_as_text(sample_project: Project, query: str) -> None:
    sample_project.statements(search=query)
    sample_project.search(query)


def test_search_finds_text_speakers_and_notes(sample_project: Project) -> None:
    by_text = {s.speaker for s in sample_project.statements(search="reducing crime")}
    assert by_text == {"Jeff Sessions"}
    assert {s.speaker for s in sample_project.statements(search="huckabee")} == {"Sarah Huckabee Sanders"}
    by_note = sample_project.search("implied rather")
    assert by_note and all(hit.field == "note" for hit in by_note)
    # Prefix matching of the last word, as the user types.
    assert {s.speaker for s in sample_project.statements(search="paddy wag")} == {"Donald Trump"}
    assert sample_project.statements(search='"AND" NEAR(') == []


def test_filters_by_speaker_date_and_tag(sample_project: Project) -> None:
    assert len(sample_project.statements(speaker="jeff sessions")) == 2
    july = sample_project.statements(date_from="2017-07-01", date_to=date(2017, 7, 31))
    assert [s.speaker for s in july] == ["Donald Trump", "Chuck Rosenberg", "Perry Tarrant"]
    tagged = sample_project.statements(tag="accountability")
    assert {s.speaker for s in tagged} == {"Donald Trump", "Jeff Sessions"}


def test_editing_text_reanchors_and_flags_lost_quotes(sample_project: Project) -> None:
    trump = sample_project.statements(speaker="Donald Trump")[0]
    annotation = sample_project.annotations(1)[0]
    new_text = "Listen. " + trump.text.replace("Please don't", "Please, don't")
    lost = sample_project.update_statement(trump.id, text=new_text)
    assert lost == []
    target = sample_project.annotation(annotation.id).targets[0]
    assert target.anchored and new_text[target.start : target.end] == "Please, don't be too nice"
    lost = sample_project.update_statement(trump.id, text="Something else entirely was said here.")
    assert len(lost) == 2
    flagged = sample_project.annotation(annotation.id).targets[0]
    assert not flagged.anchored and flagged.exact == "Please, don't be too nice"


def test_deleting_a_statement_removes_what_depends_on_it(sample_project: Project) -> None:
    trump = sample_project.statements(speaker="Donald Trump")[0]
    sample_project.delete_statement(trump.id)
    assert all(trump.id not in c.statement_ids for c in sample_project.comparisons())
    assert sample_project.annotations(1) == []


def test_comparisons_keep_their_order(project: Project) -> None:
    ids = [project.add_statement(f"S{i}", f"text {i}") for i in range(4)]
    comparison_id = project.add_comparison("Four", [ids[2], ids[0], ids[3]])
    assert project.comparison(comparison_id).statement_ids == (ids[2], ids[0], ids[3])
    project.set_comparison_statements(comparison_id, [ids[1], ids[2]])
    project.rename_comparison(comparison_id, "Two")
    assert project.comparison(comparison_id).statement_ids == (ids[1], ids[2])
    assert project.comparison(comparison_id).title == "Two"
    with pytest.raises(UserError, match="only once"):
        project.set_comparison_statements(comparison_id, [ids[1], ids[1]])


def test_transaction_is_all_or_nothing(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        project.add_statement("A", "one")
        project.add_statement("B", "two")
        raise RuntimeError("import failed half way")
    assert project.count_statements() == 0
    assert project.speakers() == []


def test_sample_dossier(sample_project: Project) -> None:
    speakers = set(sample_project.speaker_names())
    assert speakers == {
        "Donald Trump",
        "Jeff Sessions",
        "Chuck Rosenberg",
        "Perry Tarrant",
        "Sarah Huckabee Sanders",
    }
    titles = [c.title for c in sample_project.comparisons()]
    assert titles[0].startswith("Trump vs Sessions") and titles[1].startswith("Trump vs Sanders vs Rosenberg")
    assert [len(c.statement_ids) for c in sample_project.comparisons()] == [3, 3]
    statement = sample_project.statements(speaker="Perry Tarrant")[0]
    assert statement.said_on == date(2017, 7, 31) and statement.source_title.startswith("After Trump")
    assert sample_project.sources()[0].publisher == "NBC News"


def test_reading_a_project_leaves_its_file_byte_for_byte(project_path: Path) -> None:
    from counterpoint.store.sample import write_sample

    with Project.open(project_path, create=True) as opened:
        write_sample(opened)
    before = project_path.read_bytes()
    with Project.open(project_path) as opened:
        assert opened.statements()
        assert opened.search("police")
    assert project_path.read_bytes() == before
