"""Transcript labels that give a title alone or abbreviated ("PM:", "THE PRESIDENT:", "SEC. ORTEGA:") get the person
the page names with it (issue 12). The texts are written for these tests."""

from __future__ import annotations

from counterpoint.ingest.transcript import find_turns


def test_an_abbreviated_title_alone_is_the_one_person_the_heading_names() -> None:
    text = (
        "Monday, 4 May 2015\n\nMarta Ellison visits the harbour works\n\nTranscript of press conference, Hobart\n\n"
        "JOURNALIST: Prime Minister, will the wharf open this year?\n\n"
        "PM: It will open in October, as we promised.\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == [None, "Marta Ellison"]
    assert turns[1].role == "Prime Minister"


def test_an_inverted_name_on_a_line_of_its_own_in_the_header_is_the_title_only_speaker() -> None:
    text = (
        "Transcripts of the office\n\nEllison, Marta\n\nRelease Date: 09/08/2015\n"
        "Interview with Tom Bright and Ann Cole, Harbour FM\n\n"
        "HOST: Good morning Prime Minister.\n\nPM: Good morning to you both.\n"
    )
    turns = find_turns(text)
    assert turns[-1].speaker == "Marta Ellison"
    assert turns[-1].role == "Prime Minister"


def test_the_heading_possessive_before_an_occasion_names_the_title_only_speaker() -> None:
    text = (
        "Tuesday, June 9, 2015\n\nOkafor's Interview with a regional broadcaster\n\n"
        "QUESTION: Mr. President, you met President Lena Varga of Estland yesterday. What did you agree?\n\n"
        "THE PRESIDENT: We agreed to open the border crossings.\n"
    )
    assert find_turns(text)[1].speaker == "Okafor"


def test_an_abbreviated_title_before_a_surname_is_a_title_and_a_greeting_before_a_title_is_no_name() -> None:
    text = (
        "The Honorable Ruth Ortega\nDepartment of Transport\n\nDear Secretary Ortega:\n\n"
        "We write to invite you to testify.\n\n"
        "Mr. Hale: Will you come before the subcommittee?\n\nSec. Ortega: Absolutely.\n"
    )
    turns = find_turns(text)
    assert turns[-1].speaker == "Ruth Ortega"
    assert turns[-1].role == "Secretary"


def test_an_abbreviated_title_gives_the_role_written_out() -> None:
    text = "Hearing on rail safety\n\nSEN. MARLOW: Where was the report published?\n\nMR. QUINN: In the journal.\n"
    assert find_turns(text)[0].role == "Senator"
