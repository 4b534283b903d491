"""Transcribers' typos do not split a speaker in two: a surname label one letter away from a declared one is
the same person, named with the spelling the text uses most; a title misspelt by one letter before a surname
the text names in full is a title ("Govenor Haskell"); and a name after a title inside a headline ("Oregon
Governor Tom Haskell Unveils …") is a full name the labels can take."""

from __future__ import annotations

from counterpoint.ingest.transcript import find_turns

HEARING = """\
Hearing on water rights, May 3, 2017

SEN. MARIA KOWALSKY, D-OHIO: -- talked with the utilities about this?

BRENNAN: Yes, senator. We have had a lot of conversations about the supply.

KOWALSKI: Right.

BRENNAN: There were real reasons why we needed to ask for the records.

KOWALSKI: Well, to be candid, my understanding was different.

KOWALSKI: And the second question is about the budget.
"""

INTERVIEW = """\
Oregon Governor Tom Haskell Unveils Housing Plan on a Radio Call-In

Host (00:01):
Welcome, everyone. The governor is with us today.

Govenor Haskell (00:05):
Thank you for having me on the show this morning.

Host (00:09):
Let us start with the housing plan itself.

Govenor Haskell (00:12):
The plan builds twelve thousand homes over four years.
"""


def test_a_surname_misspelt_by_one_letter_is_the_same_person_spelt_as_the_text_spells_it_most() -> None:
    turns = find_turns(HEARING)
    speakers = [t.speaker for t in turns]
    assert speakers == [
        "Maria Kowalski",
        "Brennan",
        "Maria Kowalski",
        "Brennan",
        "Maria Kowalski",
        "Maria Kowalski",
    ]


def test_a_title_misspelt_by_one_letter_is_a_title_before_a_surname_named_in_full() -> None:
    turns = find_turns(INTERVIEW)
    haskell = [t for t in turns if "Haskell" in t.label]
    assert [t.speaker for t in haskell] == ["Tom Haskell", "Tom Haskell"]
    assert haskell[0].role == "Governor"


def test_short_or_distant_names_are_not_taken_for_typos() -> None:
    text = "ALAN LEE: Good morning.\n\nLEA: Good morning to you.\n\nLEE: Shall we begin?\n\nLEA: Yes.\n"
    assert [t.speaker for t in find_turns(text)] == ["Alan Lee", "Lea", "Alan Lee", "Lea"]
    text = "JOHN MARSH: Good morning.\n\nMARCH: Hello there.\n\nMARSH: Shall we?\n\nMARCH: Yes.\n"
    # five letters, one apart, but each spelling is written twice: two people, not a typo
    assert [t.speaker for t in find_turns(text)] == ["John Marsh", "March", "John Marsh", "March"]


def test_a_name_after_several_title_words_in_a_headline_is_a_full_name() -> None:
    text = (
        "Secretary of Labor Nominee Walter Brennick Confirmation Hearing. Aired 2-3p ET\n\n"
        "SEN. JOAN ALDER, D-MAINE: Will you commit to publishing the report?\n\n"
        "BRENNICK: I will commit to providing as much as I can.\n\n"
        "ALDER: Thank you.\n\n"
        "BRENNICK: That would be my intent.\n"
    )
    assert [t.speaker for t in find_turns(text)] == [
        "Joan Alder",
        "Walter Brennick",
        "Joan Alder",
        "Walter Brennick",
    ]


def test_a_label_giving_only_a_title_is_the_person_the_text_names_with_that_title() -> None:
    text = (
        "TRANSCRIPT OF INTERVIEW WITH THE MORNING SHOW, RADIO 4KQ\n\n"
        "HOST:\nPrime Minister Alan Whitcombe, good morning and welcome again.\n\n"
        "PRIME MINISTER:\nGood morning, it is great to be back.\n\n"
        "HOST:\nThe polls are not kind to you this week.\n\n"
        "PRIME MINISTER:\nWell the polls are what they are.\n"
    )
    minister = [t for t in find_turns(text) if t.label.startswith("PRIME")]
    assert [(t.speaker, t.role) for t in minister] == [("Alan Whitcombe", "Prime Minister")] * 2


def test_a_full_name_is_two_or_three_words_not_a_run_of_two_names_in_capitals() -> None:
    text = (
        "SPEAKERS: FORMER GOV. MARK TALLIS PRESIDENT DORA KEMPE JANE MARLOW, MODERATOR\n\n"
        "MARLOW: Good evening. I'm Jane Marlow and this is the second debate.\n\n"
        "TALLIS: Thank you, Jane.\n\n"
        "KEMPE: Thank you.\n\n"
        "MARLOW: The first question goes to the governor.\n"
    )
    speakers = [t.speaker for t in find_turns(text)]
    assert speakers[0] == speakers[3] == "Jane Marlow"
