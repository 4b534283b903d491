"""Label styles of real transcripts found on a blind set (issue 12): a no-break space after the colon, "Q" and one
space, labels after a bullet, a label whose space after the colon was lost, a role introduced before the name
("the Prime Minister, Marta Ellison"), a title inside a longer title ("House Budget Chairman Tom Reyes" for "THE
CHAIRMAN:") and Mc names in capitals. The texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

from counterpoint.ingest.transcript import find_turns


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(t.speaker, text[t.start : t.end].split("\n")[0][:30]) for t in find_turns(text)]


def test_no_break_space_after_the_colon_and_q_with_one_space() -> None:
    text = (
        "Press Briefing by Press Secretary Dana Holt\n\n"
        "MS. HOLT:\xa0 Good afternoon, everybody.\n\n"
        "Q Thanks, Dana. Will the bill pass?\n\n"
        "MS. HOLT:\xa0 We expect it to pass this week.\n"
    )
    assert _turns(text) == [
        ("Dana Holt", "Good afternoon, everybody."),
        (None, "Thanks, Dana. Will the bill pa"),
        ("Dana Holt", "We expect it to pass this week"),
    ]


def test_labels_after_bullets() -> None:
    text = (
        "  • TOM REYES: We will balance the budget.\n\n"
        "  • and we will do it this year.\n\n"
        "  • ANA PIRES: You said that last year.\n\n"
        "  • TOM REYES: And we did it.\n"
    )
    assert [s for s, _w in _turns(text)] == ["Tom Reyes", "Ana Pires", "Tom Reyes"]


def test_a_label_that_lost_its_space_and_a_note_that_is_no_label() -> None:
    text = (
        "CHUCK LANE:Can the governor win this state?\n\n"
        "GOV. ANA PIRES:It is pretty good, I think.\n\n"
        "CHUCK LANE:Thank you, Governor.\n\n"
        "Note:See the full text below.\n"
    )
    assert [s for s, _w in _turns(text)] == ["Chuck Lane", "Ana Pires", "Chuck Lane"]


def test_a_role_introduced_before_the_name() -> None:
    text = (
        "The Great Debate\n\nLANE: Please welcome the Prime Minister, Marta Ellison, and the Treasurer, Tom "
        "Reyes.\n\nPRIME MINISTER: Thank you very much.\n\nTREASURER: Thank you.\n\n"
        "LANE: Let us begin.\n"
    )
    speakers = [s for s, _w in _turns(text)]
    assert speakers[1:3] == ["Marta Ellison", "Tom Reyes"]


def test_a_title_inside_a_longer_title_names_the_title_only_label() -> None:
    text = (
        "The hearing begins with House Budget Chairman Tom Reyes welcoming the witness.\n\n"
        "THE CHAIRMAN: The committee will come to order.\n\nMR. LANE: I object.\n\n"
        "THE CHAIRMAN: Noted.\n"
    )
    assert [s for s, _w in _turns(text)] == ["Tom Reyes", "Lane", "Tom Reyes"]


def test_mc_names_in_capitals() -> None:
    text = "SHAUN MCMANUS, HOST: Good morning.\n\nANA PIRES: Good morning.\n\nMCMANUS: How was the trip?\n"
    assert [s for s, _w in _turns(text)] == ["Shaun McManus", "Ana Pires", "Shaun McManus"]


def test_names_alone_on_their_lines() -> None:
    text = (
        "Harbour Board, evidence of meeting 12\n\n"
        "The Chair Tom Reyes\n\nOkay. We are ready to begin.\n\n"
        "Ana Pires\n\nSo, there will be four of us today?\n\n"
        "An hon. member\n\nSo five?\n\n"
        "The Chair Tom Reyes\n\nFour ministers, and the deputy.\n\n"
        "Ana Pires\n\nThen we need more time than that.\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["Tom Reyes", "Ana Pires", None, "Tom Reyes", "Ana Pires"]
    assert text[turns[2].start : turns[2].end] == "So five?"


def test_an_article_with_subheadings_is_not_a_dialogue() -> None:
    text = (
        "What the Plan Does\n\nThe council approved the plan on Monday after a long debate.\n\n"
        "Who Pays for It\n\nHomeowners will pay most of the cost over ten years.\n\n"
        "What Comes Next\n\nThe mayor will sign the plan next week, officials said.\n\n"
        "Where to Learn More\n\nThe full plan is on the city's website for residents.\n"
    )
    assert find_turns(text) == []


def test_a_direction_or_a_question_number_before_the_label() -> None:
    text = (
        "Q1 Chair: Ms Pires, this is for a full day in the Chamber.\n\n"
        "Ms Pires: Ideally, yes. It has been five years.\n\n"
        "(APPLAUSE) REYES: How are\nyou, Ana?\n\n"
        "(APPLAUSE) PIRES: Very well, thank you.\n"
    )
    turns = find_turns(text)
    assert [" ".join(text[t.start : t.end].split())[:12] for t in turns] == [
        "Ms Pires, th",
        "Ideally, yes",
        "How are you,",
        "Very well, t",
    ]


def test_inline_labels_after_a_dash_or_with_a_space_before_the_colon() -> None:
    text = (
        "THE CHAIRMAN: You are not a member of this committee. "
        "MR. LANE : I am on the Judiciary Committee. THE CHAIRMAN: That committee is not part of this "
        "hearing. MR. LANE: You are going to include members on committees that– THE CHAIRMAN: Take your "
        "statement to the press."
    )
    starts = [" ".join(text[t.start : t.end].split())[:10] for t in find_turns(text)]
    assert starts == ["You are no", "I am on th", "That commi", "You are go", "Take your "]


def test_a_capitalised_role_in_brackets_names_the_role_only_label() -> None:
    text = (
        "The committee met this day in Room 705 of the Victoria Building.\n\n"
        "Mr. Maurel: I invite Senator Reyes to take the chair.\n\n"
        "Hon. Senators: Agreed.\n\n"
        "The Honourable Ana Reyes (Chairman) in the Chair.\n\n"
        "The Chairman: Thank you very much, Mr. Maurel.\n\n"
        "Mr. Maurel: Thank you.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Maurel", None, "Ana Reyes", "Maurel"]


def test_q_with_a_full_stop() -> None:
    text = (
        "MR. HOLT: Good afternoon.\n\nQ. Did anyone ask for the questions in advance?\n\n"
        "MR. HOLT: Let me finish.\n\nQ. — and my question is, were they asked for.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Holt", None, "Holt", None]


def test_a_role_nobody_is_named_for_stays_a_role_without_a_speaker() -> None:
    text = (
        "Radio interview, Hot 91.1 FM\n\nPRESENTER: Good morning, sir.\n\nPRIME MINISTER: Good morning to you.\n\n"
        "PRESENTER: How are you?\n\nPRIME MINISTER: Very well.\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == [None, None, None, None]
    assert turns[1].role == "Prime Minister"


def test_hearing_labels_inside_a_flattened_paragraph() -> None:
    text = (
        "(17:05:07) I welcome any questions that the Committee may have. The CHAIRMAN. Let us start if we may "
        "Senator SARBANES. Mr. Chairman, are there copies available? The CHAIRMAN. Thank you, Senator. "
        "Ms. HANSON. We sent 120 copies at 9 a.m. The CHAIRMAN. Apparently, they have not arrived."
    )
    starts = [" ".join(text[t.start : t.end].split())[:9] for t in find_turns(text)]
    assert starts == ["Let us st", "Mr. Chair", "Thank you", "We sent 1", "Apparentl"]


def test_initials_opening_lines() -> None:
    text = (
        "The board met on Wednesday. The meeting was called to order by Chairman Gregory Gantt. The hearing "
        "concerned State Senator Jon Husted.\n\n"
        "GG The main purpose of our meeting here is this issue.\n"
        "VW Sure, for the purposes of the record, would you state your name please?\n"
        "JH Jon Husted.\n"
        "VW Thanks Jon.\n"
        "JH Thank you Mr. Chairman and members of the Board.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Gregory Gantt", "VW", "Jon Husted", "VW", "Jon Husted"]


def test_a_surname_first_in_capitals_is_the_official_style() -> None:
    text = (
        "Press Conference by Foreign Minister MOTEGI Toshimitsu\n\n"
        "Reporter: Please share your thoughts.\n\nMinister MOTEGI: We are collecting information.\n\n"
        "Reporter: And then?\n\nMinister MOTEGI: That is a hypothetical situation.\n"
    )
    assert [t.speaker for t in find_turns(text)] == [None, "Toshimitsu Motegi", None, "Toshimitsu Motegi"]


def test_webvtt_voice_tags_and_cue_timings() -> None:
    text = (
        "WEBVTT - An interview\n\n"
        "0:00:00.600 --> 0:00:02.840\n<v Ana Pires>What if there were a way to halve the waiting lists\n\n"
        "0:00:02.920 --> 0:00:06.120\n<v Ana Pires>in the next five years?\n\n"
        "0:00:06.160 --> 0:00:10.360\n<v Tom Reyes>There is, and it starts with nurses.\n\n"
        "0:00:10.400 --> 0:00:14.360\n<v Speaker 3>Thank you both.\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["Ana Pires", "Ana Pires", "Tom Reyes", None]
    assert [text[t.start : t.end] for t in turns][1:3] == [
        "in the next five years?",
        "There is, and it starts with nurses.",
    ]


def test_a_bracketed_unknown_speaker() -> None:
    text = (
        "GRASSLEY: Senator Reyes?\n\n(UNKNOWN): For the record, that is seven thousand pages an hour.\n\n"
        "REYES: Thank you, Mr. Chairman.\n\n(UNKNOWN): Right.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Grassley", None, "Reyes", None]


def test_closed_captions_in_lower_case() -> None:
    text = (
        "2:15 pm\nthe vote is close so far. host: captions by the captioning institute. >> a short time ago the "
        "two leaders finished a joint news conference.\n2:16 pm\nannouncer: ladies and gentlemen, the prime "
        "minister. prime minister reyes: thank you very much. we are honoured to welcome you. president pires: "
        "thank you.\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == [None, None, None, "Reyes", "Pires"]  # a host and an announcer
    assert text[turns[1].start : turns[1].end].startswith("a short time ago")


def test_a_name_line_with_a_line_of_metadata_and_a_time_range_before_the_words() -> None:
    text = (
        "Press Conference: a briefing\n\nDana Holt\n\nVery Positive\n00:00:00-00:00:26 (26 sec)\n"
        '"Hello. Today we have a guest, Secretary Reyes." 1\n\nTom Reyes\n\nSomewhat Positive\n'
        '00:00:26-00:00:27 (1 sec)\n"Thank you." 2\n\nDana Holt\n\nUnknown\n00:00:27-00:00:28 (1 sec)\n'
        '"Fellow Nutmeggers." 3\n\nTom Reyes\n\nVery Positive\n00:00:28-00:00:29 (1 sec)\n"Yes. Yes." 4\n'
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["Dana Holt", "Tom Reyes", "Dana Holt", "Tom Reyes"]
    assert text[turns[1].start : turns[1].end].startswith('"Thank you."')


def test_a_key_to_the_labels_before_the_transcript() -> None:
    text = (
        "I have transcribed the most interesting turns.\n\n"
        "PM = Prime Minister (Ana Reyes)\nNR = Nick Lane (interviewer)\n\n"
        "PM: er stresses and strains\nNR: let me tell you what they might be\nPM: go on\nNR: so, the business leaders\n"
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["Ana Reyes", "Nick Lane", "Ana Reyes", "Nick Lane"]
    assert turns[0].role == "Prime Minister"


def test_a_label_giving_the_role_before_the_name() -> None:
    text = (
        "Moderator, Dana Holt, KSN: Good evening and welcome to the debate.\n\n"
        "ROBERTS: Thank you, Dana.\n\nORMAN: Thank you.\n\nHOLT: Let us begin.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Dana Holt", "Roberts", "Orman", "Dana Holt"]


def test_names_in_square_brackets_and_directions_that_are_not_names() -> None:
    text = (
        "Transcript\n\nHanson, Senator Reyes. You have the call.\n\n"
        "[Ana Reyes] Thank you Chair. Minister, a question.\n\n[Laughter] \n\n"
        "[Tom Lane] That is asking a matter of opinion.\n\n[Ana Reyes] But it matters.\n\n[Tom Lane] Then ask it.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["Ana Reyes", "Tom Lane", "Ana Reyes", "Tom Lane"]


def test_two_letter_initials_with_a_vowel() -> None:
    text = (
        "Interview with Debbie Spillane and Ian Rogerson, Triple J\n\n"
        "IR: It is about ten past five and we are live.\n\nDS: And with us is the Prime Minister.\n\n"
        "IR: Welcome.\n\nDS: Good evening.\n"
    )
    assert [t.speaker for t in find_turns(text)] == [
        "Ian Rogerson",
        "Debbie Spillane",
        "Ian Rogerson",
        "Debbie Spillane",
    ]


def test_names_and_time_stamps_inside_running_text() -> None:
    text = (
        "Note: the following is the output of transcribing from an audio recording. Dana Holt, News 13 0:05 "
        "It is one of the most talked about races. Ana Reyes, Republican candidate 0:20 It is time for term "
        "limits. Dana Holt, News 13 0:23 And the Democrat? Tom Lane, Democratic candidate 0:27 We need "
        "leadership. Dana Holt, News 13 0:30 Thank you both."
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == ["Dana Holt", "Ana Reyes", "Dana Holt", "Tom Lane", "Dana Holt"]
    assert text[turns[1].start : turns[1].end].rstrip() == "It is time for term limits."


def test_labels_in_ordinary_case_inside_running_text() -> None:
    text = (
        "Governor Reyes on the storm\nTranscript:\n"
        "Anchor: Governor Ana Reyes is joining us live. Thank you for being with us. Governor Reyes: Thank you. "
        "It is a good morning in New Jersey. Anchor: Governor, you said yesterday the roads would be open. "
        "Governor Reyes: They are open, all of them. Note: This transcript was edited."
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == [None, "Ana Reyes", None, "Ana Reyes"]


def test_a_court_transcript_with_numbered_lines_and_q_and_a() -> None:
    text = (
        "1 Friday, 10 November 2023 2 MS PRICE: Good morning sir, can you see and hear 3 us. 4 SIR WYN REYES: "
        "Yes, thank you very much. 5 MS PRICE: May we please call Ms Lane. 6 ANA MARIA LANE (sworn) 7 Questioned "
        "by MS PRICE 8 MS PRICE: Can you confirm your full name, please? 9 A. Ana Maria Lane. 10 Q. You have a "
        "statement in front of you? 11 A. Yes. 12 Q. Is that your signature? 13 A. It is."
    )
    turns = find_turns(text)
    assert [t.speaker for t in turns] == [
        "Price", "Wyn Reyes", "Price", "Price", "Ana Maria Lane", "Price", "Ana Maria Lane", "Price", "Ana Maria Lane"
    ]  # fmt: skip
    assert text[turns[4].start : turns[4].end].startswith("Ana Maria Lane.")


def test_numbered_lines_before_labels() -> None:
    text = (
        "1 Monday, 9th June 2008\n\n4 MR PHILLIPS: Before the witness gives evidence, I should\n\n5 tell you "
        "that we have handed out a list.\n\n11 THE CHAIRMAN: Thank you.\n\n12 MR AIKEN: My Lord, could I make "
        "a point?\n\n13 THE CHAIRMAN: Yes.\n"
    )
    turns = find_turns(text)
    assert [(t.label, t.speaker) for t in turns] == [
        ("MR PHILLIPS:", "Phillips"),
        ("THE CHAIRMAN:", None),
        ("MR AIKEN:", "Aiken"),
        ("THE CHAIRMAN:", None),
    ]  # fmt: skip (a chairman the excerpt never names stays a role)


def test_a_vocative_before_a_name_is_not_a_role_introduction() -> None:
    text = (
        "Howard, John\n\nDoorstop Interview Sydney\n\nPRIME MINISTER:\n\nGood morning.\n\nJOURNALIST:\n\n"
        "Prime Minister, Peter Costello said last week that 65 is the retirement age.\n\nPRIME MINISTER:\n\n"
        "I did not see that.\n\nJOURNALIST:\n\nThank you.\n"
    )
    assert [t.speaker for t in find_turns(text)] == ["John Howard", None, "John Howard", None]


def test_a_parliament_site_saved_as_text() -> None:
    text = (
        "Joint Committee on Finance\n\n9:45 am\n\n"
        "Photo of Ana ReyesAna Reyes (Wexford, Fine Gael)\nLink to this: Individually | In context | Source\n\n"
        "The secretariat has received a motion from Deputy Lane.\n\n"
        "Photo of Tom LaneTom Lane (Clare, Fianna Fail)\nLink to this: Individually | In context | Source\n\n"
        "As members will be aware, the data was sent in advance.\n"
    )
    turns = find_turns(text)
    assert [(t.speaker, t.role) for t in turns] == [
        ("Ana Reyes", "Wexford, Fine Gael"),
        ("Tom Lane", "Clare, Fianna Fail"),
    ]
    assert text[turns[0].start : turns[0].end].startswith("The secretariat has received")


def test_a_webvtt_file_is_offered_and_read_as_a_transcript(tmp_path: Path) -> None:
    from counterpoint.ingest import SUPPORTED_SUFFIXES, load_document
    from counterpoint.ingest.transcript import looks_like_transcript

    assert ".vtt" in SUPPORTED_SUFFIXES and ".srt" in SUPPORTED_SUFFIXES
    cues = [("Ana Pires", "What if we halved the waiting lists?"), ("Tom Reyes", "We can, with more nurses."),
            ("Ana Pires", "This year?"), ("Tom Reyes", "This year and the next.")]  # fmt: skip
    body = "".join(
        f"0:00:{2 * n:02d}.000 --> 0:00:{2 * n + 1:02d}.500\n<v {who}>{words}\n\n"
        for n, (who, words) in enumerate(cues)
    )
    path = tmp_path / "talk.vtt"
    path.write_text("WEBVTT\n\n" + body, encoding="utf-8")
    text = load_document(path).text
    assert looks_like_transcript(text)
    assert [(t.speaker, text[t.start : t.end]) for t in find_turns(text)] == list(cues)
