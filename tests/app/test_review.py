"""Issue 12, point 4: what an import proposes is reviewed against the project before anything is kept."""

from __future__ import annotations

from pathlib import Path

from counterpoint.app.documents import import_files
from counterpoint.app.review import ALREADY, CONTAINED, LOW_CONFIDENCE, review_quotes, unify_speakers
from counterpoint.ingest import Quote, extract_quotes
from counterpoint.store import Project

ARTICLE = (
    "Council backs levy\n\n"
    'Attorney General Dana Whitfield said on Monday: "We will not raise taxes this year, and we will not '
    'raise them next year either." She added that the plan was "fair to every family in the county."\n\n'
    'U.S. Attorney General Dana Whitfield later repeated that "we will not raise taxes this year."\n'
)


def _quote(text: str, speaker: str | None, role: str | None = None, confidence: float = 0.9) -> Quote:
    return Quote(0, len(text), text, speaker, role, confidence, None, None)


def test_one_spelling_and_one_role_per_person_across_an_import() -> None:
    quotes = [
        _quote("a b c", "Perry Tarrant", "NOBLE President"),
        _quote("d e f", "Tarrant", "president of NOBLE"),
        _quote("g h i", "Perry Tarrant", "NOBLE President"),
    ]
    unified = unify_speakers(quotes)
    assert {(q.speaker, q.role) for q in unified} == {("Perry Tarrant", "NOBLE President")}


def test_the_projects_spelling_and_role_win(tmp_path: Path) -> None:
    unified = unify_speakers(
        [_quote("a b c", "jeff sessions", "US Attorney General")], [("Jeff Sessions", "Attorney General")]
    )
    assert (unified[0].speaker, unified[0].role) == ("Jeff Sessions", "Attorney General")


def test_a_quotation_inside_another_is_flagged_but_stays_checked() -> None:
    proposals = review_quotes(None, extract_quotes(ARTICLE))
    inner = next(p for p in proposals if p.quote.text.startswith("we will not raise taxes this year."))
    assert CONTAINED in inner.flags and inner.checked
    assert all(not p.flags for p in proposals if p is not inner)


def test_below_the_threshold_starts_unchecked() -> None:
    (proposal,) = review_quotes(
        None, [_quote("We will build it", "Ana Ruiz", confidence=0.3)], min_confidence=0.5
    )
    assert proposal.flags == (LOW_CONFIDENCE,) and not proposal.checked


def test_a_quotation_already_in_the_project_is_flagged_and_unchecked(tmp_path: Path) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(ARTICLE, "utf-8")
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        import_files(project, [article], keep_quotes=True)
        kept = project.count_statements()
        assert kept == 3
        again = review_quotes(project, extract_quotes(ARTICLE))
        assert [p.checked for p in again] == [False, False, False]
        assert all(ALREADY in p.flags for p in again)


def test_a_source_imported_without_its_quotations_gives_them_on_a_second_import(tmp_path: Path) -> None:
    article = tmp_path / "levy.txt"
    article.write_text(ARTICLE, "utf-8")
    with Project.open(tmp_path / "p.counterpoint", create=True) as project:
        first = import_files(project, [article])
        assert project.count_statements() == 0 and "use --quotes" in first.lines[0]
        second = import_files(project, [article], keep_quotes=True)
        assert project.count_statements() == 3, second.lines
        assert len(project.sources()) == 1
        third = import_files(project, [article], keep_quotes=True)
        assert "already in the project" in third.lines[0] and project.count_statements() == 3
