"""A transcript label's short name gets a full name from the text only where the text names that person: not from a
sentence's first word before the name ("To Okafor, that means ...", "Thanks Priya.") nor from a relative named after
a family noun ("my husband, Tom Marlow") (issue 12). The texts are written for these tests."""

from __future__ import annotations

from counterpoint.ingest.transcript import find_turns


def test_a_sentence_opening_word_before_a_surname_is_no_first_name() -> None:
    text = (
        "Radio report on the levy\n\n"
        'OKAFOR: "The levy is gone, and it will stay gone."\n'
        "To Okafor, that means a smaller budget for the parks.\n\n"
        'OKAFOR: "We can live with a smaller budget."\n'
    )
    assert {t.speaker for t in find_turns(text)} == {"Okafor"}


def test_a_greeting_before_a_first_name_is_no_part_of_the_name() -> None:
    text = (
        "Forum on housing\n\nPriya: (00:10)\nTime now for opening statements.\n\n"
        "Paul Reyes: (00:20)\nThanks Priya. I come from a town where rents doubled.\n\n"
        "Priya: (00:40)\nThank you.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Priya", "Paul Reyes", "Priya"]


def test_a_relative_named_after_a_family_noun_does_not_name_a_speaker_of_that_surname() -> None:
    text = (
        "Hearing on the nomination\n\nCHAIR: We go first to Senator Marlow.\n\n"
        "MARLOW: Thank you. My husband, Tom Marlow, has sat through many of these hearings.\n\n"
        "MARLOW: Now to my questions.\n"
    )
    assert [t.speaker for t in find_turns(text)][1:] == ["Marlow", "Marlow"]
