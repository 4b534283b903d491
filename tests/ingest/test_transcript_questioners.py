"""Issue 12: questioners printed as "QUESTION:" are named where the transcript names them, by the answerer
("Dana, ..."), by the host calling on them ("With that, Dana."), or by themselves ("Dana Ruiz from the
Ledger."). Every transcript here is written for the test."""

from __future__ import annotations

from counterpoint.ingest.transcript import find_turns

HEADER = (
    "Harbour Authority briefing, with spokesperson Omar Haddad. Reporters present included Dana Ruiz of the "
    "Ledger and Theo Marsh of Harbour Radio.\n\n"
)


def _speakers(body: str) -> list[str | None]:
    return [turn.speaker for turn in find_turns(HEADER + body)]


def test_the_name_an_answer_opens_with_names_the_question_before_it() -> None:
    body = (
        "MR. HADDAD: Good morning.\n\n"
        "QUESTION: Will the ferry run on Sunday?\n\n"
        "MR. HADDAD: Dana, the ferry will run as it always does.\n\n"
    )
    assert _speakers(body) == ["Omar Haddad", "Dana Ruiz", "Omar Haddad"]


def test_the_host_calling_on_a_reporter_names_the_next_question() -> None:
    body = (
        "MR. HADDAD: That is all from me. Go ahead, Theo.\n\n"
        "QUESTION: Will the ferry run on Sunday?\n\n"
        "MR. HADDAD: It will.\n\n"
    )
    assert _speakers(body) == ["Omar Haddad", "Theo Marsh", "Omar Haddad"]


def test_a_questioner_who_gives_their_name_is_named() -> None:
    body = (
        "MR. HADDAD: Questions?\n\n"
        "QUESTION: Priya Nair from the Coast Courier. When does the ferry run?\n\n"
        "MR. HADDAD: On Sunday.\n\n"
    )
    assert _speakers(body) == ["Omar Haddad", "Priya Nair", "Omar Haddad"]


def test_follow_ups_between_two_turns_named_alike_are_that_reporter() -> None:
    body = (
        "MR. HADDAD: Good morning.\n\n"
        "QUESTION: Will the ferry run on Sunday?\n\n"
        "MR. HADDAD: Dana, it will.\n\n"
        "QUESTION: And on Monday?\n\n"
        "MR. HADDAD: That is a matter for the board.\n\n"
        "QUESTION: Why can you not say?\n\n"
        "MR. HADDAD: Dana, I have said what I can.\n\n"
    )
    assert _speakers(body) == ["Omar Haddad", "Dana Ruiz", "Omar Haddad", "Dana Ruiz", "Omar Haddad",
                               "Dana Ruiz", "Omar Haddad"]  # fmt: skip


def test_questioners_stay_unnamed_without_a_name_the_text_gives_in_full() -> None:
    body = (
        "MR. HADDAD: Thank you, Dana.\n\n"  # a farewell to the last questioner, not a call on the next
        "QUESTION: Will the ferry run on Sunday?\n\n"
        "MR. HADDAD: Well, it will.\n\n"  # 'Well' is no name
        "QUESTION: And on Monday?\n\n"
        "MR. HADDAD: Sam, it will not.\n\n"  # no Sam is named in full anywhere
        "QUESTION: Is that final?\n\n"
        "MR. HADDAD: Omar, yes.\n\n"  # the answerer's own name
    )
    assert _speakers(body) == ["Omar Haddad", None, "Omar Haddad", None, "Omar Haddad", None, "Omar Haddad"]


def test_a_guest_labelled_by_surname_gets_the_first_name_the_host_calls_them_by() -> None:
    text = (
        "Morning show, Harbour Radio\n\n"
        "Host: Do you accept the ferry is late?\n\n"
        "Okonkwo-Baptiste: I have answered that already.\n\n"
        "Host: You have not answered it, Ilse.\n\n"
        "Okonkwo-Baptiste: I have, many times.\n\n"
        "Host: Ilse, Ilse. Yes or no?\n\n"
        "Okonkwo-Baptiste: No.\n\n"
    )
    assert [t.speaker for t in find_turns(text)][1::2] == ["Ilse Okonkwo-Baptiste"] * 3


def test_a_name_called_once_or_two_names_called_alike_name_no_one() -> None:
    once = (
        "Morning show, Harbour Radio\n\n"
        "Host: Do you accept the ferry is late, Ilse?\n\n"
        "Okonkwo-Baptiste: I have answered that already.\n\n"
        "Host: Well, the board has not answered it.\n\n"
        "Okonkwo-Baptiste: No.\n\n"
    )
    assert [t.speaker for t in find_turns(once)][1::2] == ["Okonkwo-Baptiste"] * 2
    alike = (
        "Morning show, Harbour Radio\n\n"
        "Host: Do you accept the ferry is late, Ilse?\n\n"
        "Okonkwo-Baptiste: I have answered that already.\n\n"
        "Host: You have not answered it, Ilse. Nor has the board, Pavel.\n\n"
        "Okonkwo-Baptiste: I have, many times.\n\n"
        "Host: Yes or no, Pavel?\n\n"
        "Okonkwo-Baptiste: No.\n\n"
    )
    assert [t.speaker for t in find_turns(alike)][1::2] == ["Okonkwo-Baptiste"] * 3


def test_a_reply_opening_with_well_calls_no_one() -> None:
    text = (
        "TODD: Will reporters still work in the building?\n\nPRIEBUS: Well, look, first of all, right, Chuck? No.\n\n"
        "TODD: This is not about office space?\n\nPRIEBUS: Well, that has not been determined, Chuck, but no.\n"
    )
    assert {t.speaker for t in find_turns(text)} == {"Todd", "Priebus"}
