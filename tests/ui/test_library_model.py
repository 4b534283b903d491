"""The library's item model and its query, without a window: columns, filters, paging, drag data."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from counterpoint.store import Project
from counterpoint.ui.library_model import (
    PAGE_SIZE,
    STATEMENT_IDS_MIME,
    LibraryFilter,
    StatementTableModel,
    decode_statement_ids,
    statement_ids,
)


def _speakers(project: Project, ids: list[int]) -> list[str]:
    return [project.statement(i).speaker for i in ids]


def test_rows_show_speaker_date_occasion_and_first_words(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load()
    assert model.rowCount() == sample_project.count_statements() == 6
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Speaker",
        "Date",
        "Occasion",
        "Statement",
    ]
    # Ordered by date: the President's remark of 28 July comes first.
    assert model.index(0, 0).data() == "Donald Trump"
    assert model.index(0, 1).data() == "2017-07-28"
    assert "MS-13" in model.index(0, 2).data()
    assert model.index(0, 3).data().startswith("When you see these thugs")
    assert model.index(0, 3).data().endswith("…")
    assert "Please don't be too nice" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_undated_statement_says_so(qapp: object, project: Project) -> None:
    project.add_statement("A. Person", "Words without a date.")
    model = StatementTableModel(project)
    model.load()
    assert model.index(0, 1).data() == "undated"


def test_search_matches_text_speakers_and_notes(sample_project: Project) -> None:
    wagon = statement_ids(sample_project, LibraryFilter(search="paddy wagon"))
    assert _speakers(sample_project, wagon) == ["Donald Trump"]
    joke = statement_ids(sample_project, LibraryFilter(search="JOKE"))
    assert _speakers(sample_project, joke) == ["Sarah Huckabee Sanders"]
    # By speaker name, and as a prefix while the user is still typing.
    assert set(_speakers(sample_project, statement_ids(sample_project, LibraryFilter(search="Rosenb")))) == {
        "Chuck Rosenberg"
    }
    # A word that is only in an annotation's note finds the statements it annotates.
    note_word = statement_ids(sample_project, LibraryFilter(search="prosecute"))
    assert "Donald Trump" in _speakers(sample_project, note_word)


@pytest.mark.parametrize("typed", ['"unbalanced', "NEAR(", "-", "a OR", "*", "col:umn", "(((", "\\"])
def test_search_takes_any_typing_as_text(sample_project: Project, typed: str) -> None:
    statement_ids(sample_project, LibraryFilter(search=typed))  # no sqlite3.OperationalError


def test_filters_by_speaker_date_range_and_tag(sample_project: Project) -> None:
    sessions = statement_ids(sample_project, LibraryFilter(speaker="jeff sessions"))
    assert _speakers(sample_project, sessions) == ["Jeff Sessions", "Jeff Sessions"]
    july = statement_ids(
        sample_project, LibraryFilter(date_from=date(2017, 7, 29), date_to=date(2017, 7, 31))
    )
    assert _speakers(sample_project, july) == ["Chuck Rosenberg", "Perry Tarrant"]
    accountability = statement_ids(sample_project, LibraryFilter(tag="accountability"))
    assert set(_speakers(sample_project, accountability)) == {"Donald Trump", "Jeff Sessions"}
    both = statement_ids(sample_project, LibraryFilter(search="responsible", speaker="Jeff Sessions"))
    assert len(both) == 1 and "hold any officer responsible" in sample_project.statement(both[0]).text
    assert statement_ids(sample_project, LibraryFilter(search="responsible", speaker="Perry Tarrant")) == []


def test_rows_are_paged_in_as_the_view_scrolls(qapp: object, project: Project) -> None:
    with project.transaction():
        for n in range(PAGE_SIZE * 2 + 50):
            project.add_statement(
                f"Speaker {n % 7}", f"Statement number {n} about policy.", said_on="2020-01-01"
            )
    model = StatementTableModel(project)
    model.load()
    assert model.total == PAGE_SIZE * 2 + 50
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE * 2
    last = model.statement_ids()[-1]
    assert model.row_of(last) == model.total - 1
    assert model.rowCount() == model.total
    assert not model.canFetchMore(QModelIndex())
    assert model.index(model.total - 1, 3).data() == project.statement(last).first_words


def test_drag_carries_statement_ids(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load()
    indexes = [model.index(0, 0), model.index(0, 3), model.index(2, 1)]
    assert Qt.ItemFlag.ItemIsDragEnabled in model.flags(indexes[0])
    mime = model.mimeData(indexes)
    ids = decode_statement_ids(bytes(mime.data(STATEMENT_IDS_MIME).data()))
    assert ids == [model.statement_ids()[0], model.statement_ids()[2]]
    assert "Please don't be too nice" in mime.text()


def test_refresh_rereads_an_edited_row(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load()
    first = model.statement_ids()[0]
    assert model.index(0, 2).data() != "Rally"
    sample_project.update_statement(first, occasion="Rally")
    assert model.index(0, 2).data() != "Rally"  # cached until told
    model.refresh_rows()
    assert model.index(0, 2).data() == "Rally"


def test_a_search_shows_the_words_around_the_match(qapp: object, sample_project: Project) -> None:
    model = StatementTableModel(sample_project)
    model.load(LibraryFilter(search="officer respons"))
    texts = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert any(t.startswith("… ") and "hold any officer responsible" in t for t in texts)
    model.load(LibraryFilter())
    assert model.index(0, 3).data().startswith("When you see these thugs")


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("2017", date(2017, 1, 1), date(2017, 12, 31)),
        ("2017-8", date(2017, 8, 1), date(2017, 8, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        (" 2017-08-01 ", date(2017, 8, 1), date(2017, 8, 1)),
        ("2017-13", None, None),
        ("2017-02-30", None, None),
        ("August", None, None),
        ("", None, None),
        # As a reporter types them.
        ("Aug 2017", date(2017, 8, 1), date(2017, 8, 31)),
        ("august 2017", date(2017, 8, 1), date(2017, 8, 31)),
        ("Sept. 2017", date(2017, 9, 1), date(2017, 9, 30)),
        ("1 Aug 2017", date(2017, 8, 1), date(2017, 8, 1)),
        ("Aug. 1, 2017", date(2017, 8, 1), date(2017, 8, 1)),
        ("July 28 2017", date(2017, 7, 28), date(2017, 7, 28)),
        ("Augst 2017", None, None),
        ("31 Jun 2017", None, None),
    ],
)
def test_date_range_takes_a_year_a_month_or_a_day(typed: str, start: date | None, end: date | None) -> None:
    from counterpoint.ui.library import parse_date_bound

    assert parse_date_bound(typed, end=False) == start
    assert parse_date_bound(typed, end=True) == end
