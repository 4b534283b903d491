"""Who "he said" is (issue 12): a minister named after a department ("Minister for Interior Ann Lee"), a name
after a closing bracket that is still an object ("led by the Unity Party (UP) chief Ben Cole"), and the last
speaker quoted keeping the floor when no one is named within reach. The texts are written for these tests."""

from __future__ import annotations

from counterpoint.ingest.quotes import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_title_for_a_department_is_followed_by_the_name() -> None:
    text = (
        "Federal Minister for Interior Omar Haddad on Wednesday denied reports of a cabinet reshuffle.\n\n"
        'He said the premier trusts his ministers. "Even if he wants to replace us, it is his right," he said.\n'
    )
    assert _speakers(text) == ["Omar Haddad"]


def test_a_name_after_a_closing_bracket_inside_a_phrase_is_no_subject() -> None:
    text = (
        "Interior Minister Omar Haddad spoke to reporters on Wednesday.\n\n"
        "Asked about the march of the parties led by the Unity Party (UP) chief Ben Cole, he said the "
        'government would allow it. "This is not the right time to protest, but it is their right," he said.\n'
    )
    assert _speakers(text) == ["Omar Haddad"]


def test_the_last_speaker_keeps_the_floor_when_no_one_is_named_within_reach() -> None:
    text = "Interior Minister Omar Haddad spoke to reporters on Wednesday about the budget.\n\n" + "".join(
        f'Asked about topic {n}, he said the plan would work. "We are ready for topic {n} and more," he said.\n\n'
        for n in range(7)
    )
    assert _speakers(text) == ["Omar Haddad"] * 7
