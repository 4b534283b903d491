"""The reporter's story by the command line alone (issue 11): import an article keeping its quotations,
compare the President with his Attorney General, tag the contradiction, export a PDF that holds the note;
merging the same dossier twice changes nothing; a user's mistake is one line on stderr and exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_helpers import CLI
from pypdf import PdfReader

# The sample article (NBC News, 1 August 2017), as a reader saves it from a browser, noise included.
ARTICLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "use-of-force-2017.txt"
NOTE = "The Attorney General answers the call for roughness with the law"


@pytest.fixture
def article() -> Path:
    if not ARTICLE.is_file():
        pytest.skip(f"the shared sample article is not at {ARTICLE.resolve()}")
    return ARTICLE.resolve()


def _id_of(statements: list[dict[str, object]], speaker: str, holding: str) -> int:
    """The statement by `speaker` whose text holds `holding` as part of a longer sentence."""
    found = [
        int(s["id"])  # type: ignore[call-overload]
        for s in statements
        if s["speaker"] == speaker and holding in str(s["text"]) and str(s["text"]).strip("'\" ") != holding
    ]
    assert found, f"no statement by {speaker} holding {holding!r} among {statements}"
    return found[0]


def test_the_story_by_command_line(cli: CLI, tmp_path: Path, article: Path) -> None:
    out = cli("import", "p.counterpoint", article, "--quotes").ok().stdout
    statements = cli("list", "p.counterpoint", "--json").ok().json()
    assert f"{len(statements)} statements" in out
    trump = _id_of(statements, "Donald Trump", "Please don't be too nice")
    sessions = _id_of(statements, "Jeff Sessions", "in a lawful way")
    by_sessions = {s["id"] for s in statements if s["speaker"] == "Jeff Sessions"}
    assert sessions in by_sessions and len(by_sessions) < len(statements)
    assert {
        s["id"] for s in cli("list", "p.counterpoint", "--speaker", "sessions", "--json").ok().json()
    } == by_sessions

    comparison = int(cli("compare", "p.counterpoint", trump, sessions).ok().stdout)
    args = [
        "annotate", "p.counterpoint", comparison,
        "--quote", trump, "Please don't be too nice",
        "--quote", sessions, "in a lawful way",
        "--relation", "contradicts", "--verdict", "contradiction", "--tag", "use of force", "--note", NOTE,
    ]  # fmt: skip
    annotation = int(cli(*args).ok().stdout)
    # The same pair again is refused, naming the annotation that exists.
    assert f"annotation {annotation}" in cli(*args).user_error()

    listed = cli("comparisons", "p.counterpoint", "--json").ok().json()
    assert listed == [
        {
            "id": comparison,
            "title": "Donald Trump vs Jeff Sessions",
            "statements": [
                {"id": trump, "speaker": "Donald Trump"},
                {"id": sessions, "speaker": "Jeff Sessions"},
            ],
            "annotations": 1,
        }
    ]

    cli("export", "p.counterpoint", "-o", "report.pdf").ok()
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "report.pdf").pages
    )
    assert NOTE in text and "1 comparison" in text

    cli("export", "p.counterpoint", "-o", "dossier.json").ok()
    first = cli("import", "q.counterpoint", "dossier.json").ok().stdout
    assert "0 already present" in first
    counts = cli("comparisons", "q.counterpoint", "--json").ok().json()
    second = cli("import", "q.counterpoint", "dossier.json").ok().stdout
    assert "0 new, " in second
    assert cli("comparisons", "q.counterpoint", "--json").ok().json() == counts
    assert len(cli("list", "q.counterpoint", "--json").ok().json()) == len(statements)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["annotate"], "the following arguments are required"),
        (["exprot", "p.counterpoint"], "did you mean 'export'"),
        (["annotate", "x.counterpoint", "1", "--quote", "1", "words"], "does not exist"),
        (["compare", "x.counterpoint", "1"], "does not exist"),
    ],
)
def test_mistakes_are_one_line_and_create_nothing(
    cli: CLI, tmp_path: Path, args: list[str], says: str
) -> None:
    result = cli(*args)
    assert result.returncode == 1
    assert says in result.user_error()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_quotes_that_do_not_occur_once_are_refused(cli: CLI, tmp_path: Path) -> None:
    cli("add", "p.counterpoint", "--speaker", "A", "--text", "We will act. We will act now.").ok()
    cli("add", "p.counterpoint", "--speaker", "B", "--text", "Nothing will be done.").ok()
    assert cli("compare", "p.counterpoint", "1", "2", "--title", "A and B").ok().stdout.strip() == "1"
    twice = cli("annotate", "p.counterpoint", "1", "--quote", "1", "We will act", "--quote", "2", "Nothing")
    assert "occurs 2 times" in twice.user_error()
    missing = cli("annotate", "p.counterpoint", "1", "--quote", "1", "never", "--quote", "2", "Nothing")
    assert "does not occur in statement 1" in missing.user_error()
    second = ["annotate", "p.counterpoint", "1", "--quote", "1", "We will act", "--occurrence", "2"]
    assert cli(*second, "--quote", "2", "Nothing", "--occurrence", "1").ok().stdout.strip() == "1"
    assert "not in comparison 1" in cli("annotate", "p.counterpoint", "1", "--quote", "3", "x").user_error()


def test_a_failed_import_leaves_no_new_project(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(
        '{"format": "counterpoint-dossier", "version": 1, "statements": [{}]}', "utf-8"
    )
    assert "damaged" in cli("import", "new.counterpoint", "bad.json").user_error()
    assert not (tmp_path / "new.counterpoint").exists()
