"""Quotation-mark styles of real copy beyond the usual ones (issue 12): TeX-style ``…'' marks, ’…’ where a
publishing system turned every opening ‘ into ’, a closing '' typed after a space, lines hard-wrapped inside a
quotation, a paragraph that opens a quotation and never closes it, British run-on single marks, abbreviated
titles without a full stop, and a name set off after a description ("said the head of X, Sergeant Y Z.").
Every text here is invented."""

from __future__ import annotations

from counterpoint.ingest.quotes import extract_quotes


def _said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_tex_style_marks() -> None:
    text = "``We will not close the depot this year,'' Mayor Ruth Okafor said on Tuesday."
    assert _said(text) == [("We will not close the depot this year", "Ruth Okafor")]


def test_right_single_marks_used_as_opening_marks() -> None:
    text = (
        "A council leader says she is ’deeply disappointed’ by the board.\n\n"
        "Councillor Amina Reyes said: ’We had a deal on the table and they walked away from it.’\n\n"
        "She added that the vote was ’a matter for the members’."
    )
    texts = [t for t, _who in _said(text)]
    assert "We had a deal on the table and they walked away from it." in texts
    assert "a matter for the members" in texts


def test_right_single_marks_left_alone_where_the_text_has_opening_marks() -> None:
    text = "‘We are ready,’ said Amina Reyes. The ’90s were different, she said."
    assert [t for t, _who in _said(text)] == ["We are ready"]


def test_closing_pair_typed_after_a_space() -> None:
    text = "''We have no new leads at this stage, '' the head of the inquiry, Inspector Tomas Berg, said."
    assert _said(text) == [("We have no new leads at this stage", "Tomas Berg")]


def test_hard_wrapped_lines_inside_a_quotation() -> None:
    text = (
        "Senators reacted on Monday.\n"
        '"This\n'
        'decision by the agency is not only careless, it is dangerous," said\n'
        "Sen. Laura Pike, the committee's ranking member.\n"
        "The vote is set for Thursday."
    )
    quotes = _said(text)
    assert len(quotes) == 1
    assert (
        " ".join(quotes[0][0].split()) == "This decision by the agency is not only careless, it is dangerous"
    )
    assert quotes[0][1] == "Laura Pike"


def test_paragraph_opening_a_quotation_that_never_closes() -> None:
    text = (
        '"We did everything we could," said Chief Dana Holt.\n\n'
        '"We do not know yet why he did it. We are asking anyone who saw him to call us.\n\n'
        "The investigation continues."
    )
    texts = [t for t, _who in _said(text)]
    assert any(t.startswith("We do not know yet why he did it.") for t in texts)


def test_inch_sign_is_not_a_quotation() -> None:
    text = 'The crew laid a 12" pipe under the road and the council paid for it.'
    assert _said(text) == []


def test_british_run_on_single_marks() -> None:
    text = (
        "He said: ‘When I left the meeting I thought we had an agreement. It was constructive.\n\n"
        "‘We were still talking, so the statement was a shock to all of us.’"
    )
    texts = [t for t, _who in _said(text)]
    assert any(t.startswith("When I left the meeting") for t in texts)
    assert any(t.startswith("We were still talking") for t in texts)


def test_abbreviated_title_without_full_stop() -> None:
    text = 'Sergeant Nils Ahlgren leads the inquiry.\n\n"We are not ruling anything out," Sgt Ahlgren said.'
    assert _said(text) == [("We are not ruling anything out", "Nils Ahlgren")]


def test_name_after_a_description_following_the_verb() -> None:
    text = '"The road stays shut until Friday," said the head of the roads agency, Director Mei Tanaka.'
    assert _said(text) == [("The road stays shut until Friday", "Mei Tanaka")]


def test_quoted_as_saying() -> None:
    text = '"Talks cannot be held under threat," Ana Reyes was quoted as saying.'
    assert _said(text) == [("Talks cannot be held under threat", "Ana Reyes")]


def test_a_title_before_a_single_name_makes_a_person_pronouns_can_reach() -> None:
    text = (
        "Prime Minister Okonjo met the committee on Saturday.\n\n"
        '"They can protest for as long as they want to," said Prime Minister Okonjo. '
        '"Asking me to resign is foolish. I will not give in to such demands," he added.'
    )
    assert {who for _t, who in _said(text)} == {"Okonjo"}


def test_the_head_of_state_is_the_president_named_before() -> None:
    text = (
        "President Ana Reyes said she was open to talks.\n\n"
        "“We have threats on three borders that must be tackled together,” said the Head of State, adding that "
        "the government belonged to everyone."
    )
    assert _said(text)[0][1] == "Ana Reyes"


def test_a_lower_case_description_of_two_words_before_the_name() -> None:
    text = '"Airlines want to recoil from it," said independent aviation consultant John Strickland.'
    assert _said(text) == [("Airlines want to recoil from it", "John Strickland")]


def test_the_title_for_a_place_is_the_person_just_written_about() -> None:
    text = (
        "Marco Reyes faced shouts as he raised the matter in the House.\n\n"
        "The MP for Dudley North said: “I have stopped taking these cases at my surgeries.”"
    )
    assert _said(text) == [("I have stopped taking these cases at my surgeries.", "Marco Reyes")]


def test_web_page_furniture_is_nobody_and_an_unknown_he_stops_the_search() -> None:
    text = (
        "The summit ended on Friday.\n\nJoin EUobserver today\n\nBecome an expert on Europe\n\n"
        'Referring to the summit where member states agreed a mandate, he said member states must not "start '
        'putting into question what they all agreed upon."'
    )
    assert _said(text) == [("start putting into question what they all agreed upon.", None)]


def test_rued_is_a_speech_verb() -> None:
    text = "“They are trying to suppress the truth,” Narendra Modi rued."
    assert _said(text) == [("They are trying to suppress the truth", "Narendra Modi")]


def test_a_family_name_written_first() -> None:
    text = (
        "The row should not be blown out of proportion, said Housing Minister Nga Kor Ming.\n\n"
        "Nga stressed that the country respects diversity.\n\n"
        "“We respect everyone, whatever their faith, and we always will.”"
    )
    assert _said(text) == [("We respect everyone, whatever their faith, and we always will.", "Nga Kor Ming")]


def test_places_are_not_people() -> None:
    text = (
        "Gordon Reyes (Con, Lambourn Valley) was addressing a public meeting on Wednesday.\n\n"
        "He spoke to reporters at Wisma Bernama after the meeting.\n\n"
        "“The country has been bankrupt for seven years,” he said."
    )
    assert _said(text) == [("The country has been bankrupt for seven years", "Gordon Reyes")]


def test_a_quotation_run_on_one_paragraph_a_line() -> None:
    text = (
        "In a statement on Sunday, mayor Ana Reyes said the outages worsened the crisis.\n"
        "“Over the last four days we have seen three major outages. The latest was last night.\n"
        "“This has seriously affected our ability to supply water,” Reyes said.\n"
    )
    texts = [t for t, _who in _said(text)]
    assert any(t.startswith("Over the last four days") for t in texts)


def test_a_photo_caption_between_a_speaker_and_his_next_paragraph() -> None:
    text = (
        "Party leader Tom Reyes said on Thursday that the party had secured its policies.\n\n"
        "“Our choice today is about how best we soften the blow,” Mr Reyes said in his opening remarks.\n\n"
        "Party leader Tom Reyes arriving for the announcement. Photo: RNZ / Jo Lane\n\n"
        "“This is a decision made by the party and it is their decision, not their leader's.”"
    )
    assert [who for _t, who in _said(text)] == ["Tom Reyes", "Tom Reyes"]


def test_a_portfolio_of_two_words_joined_by_and() -> None:
    text = "“Security is high on the list,” said Justice and Police Minister Kenneth Amoksi in response."
    assert _said(text) == [("Security is high on the list", "Kenneth Amoksi")]


def test_a_name_joined_to_an_object_by_and_is_no_subject() -> None:
    text = (
        "Chief Minister Ravi Chouhan took a jibe at the Congress at a rally on Monday.\n\n"
        "The Congress will become history under the leadership of Rahul Gandhi and Priyanka Gandhi Vadra, he "
        "claimed.\n\n"
        "“The Congress only knows drama and theatrics,” he asked."
    )
    assert _said(text)[-1][1] == "Ravi Chouhan"


def test_a_name_with_an_appositive_before_an_auxiliary_is_the_subject() -> None:
    text = (
        "This morning Andrew Reyes, Economic Secretary to the Treasury, was asked about taxes.\n\n"
        "He told Times Radio: “Look, I don’t think any responsible minister is going to make that commitment.”"
    )
    assert _said(text)[0][1] == "Andrew Reyes"


def test_a_caption_credit_does_not_drop_a_quotation_in_its_paragraph() -> None:
    text = (
        "Prime Minister Ana Reyes spoke to the nation on Monday.\n"
        '"The path you are following will not bring any benefit for the people," she said, in a long address '
        "to the nation that was carried live on every channel, radio station and news website in the country.\n"
        "Party activists clash in the capital on Monday. (Photo: AFP)\n"
    )
    assert any(t.startswith("The path you are following") for t, _who in _said(text))


def test_story_continues_below_is_page_furniture() -> None:
    text = (
        "Premier Tom Reyes went on the attack on Friday.\n\nStory continues below advertisement\n\n"
        "“You’re acting like an opposition leader, not a reporter,” he said."
    )
    assert _said(text)[0][1] == "Tom Reyes"


def test_the_title_after_a_place_is_the_person_just_written_about() -> None:
    text = (
        "However, Khalid Samad pointed out that no promises were made.\n\n"
        '"I have to clarify that they have invited me," the Shah Alam MP said.'
    )
    assert _said(text) == [("I have to clarify that they have invited me", "Khalid Samad")]


def test_taoiseach_is_a_title() -> None:
    text = (
        "Taoiseach Leo Varadkar told the Dáil he had asked the minister to reflect on his position.\n\n"
        "“I do believe he left himself open to claims of a conflict of interest,” said the Taoiseach."
    )
    assert _said(text)[0][1] == "Leo Varadkar"


def test_a_party_and_ward_in_brackets_before_the_verb() -> None:
    text = "Cllr Eileen Reyes (Liberal Democrat, Exmouth Town) said she could “not accept the minutes” of it."
    assert _said(text) == [("not accept the minutes", "Eileen Reyes")]


def test_a_portfolio_word_before_and_then_title_and_name() -> None:
    text = "“There is no security threat here at all,” said Youth and Sports Minister Khairy Jamaluddin."
    assert [(q.speaker, q.role) for q in extract_quotes(text)] == [
        ("Khairy Jamaluddin", "Youth and Sports Minister")
    ]


def test_a_day_between_the_subject_and_said() -> None:
    text = (
        "ANC spokesman Jackson Reyes spoke about the press.\n\n"
        "Reyes on Sunday said the party was not saying the media must not report what happens.\n\n"
        "“We are talking about the broad posture of print media, which hardly recognises any achievement.”"
    )
    assert [who for _t, who in _said(text)] == ["Jackson Reyes"]


def test_a_role_before_the_name_lets_the_minister_refer_back() -> None:
    text = (
        "ISLAMABAD: The Federal Minister for Information, Ana Reyes, said on Wednesday that talks would go on.\n\n"
        "“Nations pay a price when problems are not solved in time,” the minister said."
    )
    assert [who for _t, who in _said(text)] == ["Ana Reyes"]


def test_malaysian_honours_are_not_part_of_the_name() -> None:
    text = "“To say so is pure ignorance,” said Prime Minister Datuk Seri Najib Razak."
    assert _said(text) == [("To say so is pure ignorance", "Najib Razak")]


def test_straight_marks_run_on_one_paragraph_a_line_credited_at_the_end() -> None:
    text = (
        "KUALA LUMPUR: Housing Minister Tan Ah Kow has demanded that critics of the kiosk scheme apologise.\n\n"
        "He made the call after the commission found no wrongdoing in the project.\n"
        '"There were allegations that this was a white elephant project. So we invited the commission in.\n'
        '"We provided all the documents the commission asked for.\n'
        '"We believe the work of civil servants must be respected," he said in Parliament today.\n'
        "Tan said this in reply to a question from the opposition."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Tan Ah Kow"]
    assert quotes[0].text.startswith("There were allegations")
    assert "We provided all the documents" in quotes[0].text
    assert quotes[0].text.endswith("must be respected")


def test_straight_single_marks_run_on_over_paragraphs() -> None:
    text = (
        "Chief executive Alison Cole said: 'This was an important year of progress. \n\n"
        "'Building on the work we have done, we increased investment behind our brands. \n\n"
        "'We are well placed to continue to enhance shareholder value.'\n\n"
        "Shares rose 2%."
    )
    quotes = extract_quotes(text)
    assert {q.speaker for q in quotes} == {"Alison Cole"}
    joined = " ".join(q.text for q in quotes)
    assert "This was an important year of progress." in joined
    assert "Building on the work we have done" in joined
    assert "We are well placed" in joined


def test_a_run_on_quotation_whose_close_was_lost_is_kept() -> None:
    text = (
        "Insp Ian Ellis said two calls had been received.\n\n"
        'He added: "The information these callers have provided is very important.\n\n'
        '"I am very interested in what they have got to say.\n\n'
        '"The driver of the car must have a conscience.\n\n'
        "Mr Ellis said there could have been other people in the car."
    )
    texts = [q.text for q in extract_quotes(text)]
    assert any("I am very interested in what they have got to say" in t for t in texts)
    assert any("The driver of the car must have a conscience" in t for t in texts)


def test_page_furniture_inside_a_run_on_quotation() -> None:
    text = (
        "PC Dean Baxter, of the county police, said: “We have been working hard to piece together what occurred.\n\n"
        "“We would now like to speak to them to see if they witnessed anything.\n\n"
        "Hide Ad\nHide Ad\n\n"
        "“If you know who they may be, please get in touch as soon as possible.”"
    )
    quotes = extract_quotes(text)
    assert {(q.speaker, q.role) for q in quotes} == {("Dean Baxter", "PC")}
    assert "If you know who they may be" in quotes[-1].text


def test_a_curly_opening_mark_left_open_before_the_next_one_keeps_its_words() -> None:
    text = (
        "At a news conference on Monday, Mr. Lee Okran said the figures were wrong.\n\n"
        "“Nana stated that he is going to give us free school… he doesn't even know the figures. "
        "“UNESCO demands that spending on education should not fall below six percent,” Lee Okran said."
    )
    texts = [q.text for q in extract_quotes(text)]
    assert any(t.startswith("Nana stated that he is going to give us free school") for t in texts)
    assert any(t.startswith("UNESCO demands that spending") for t in texts)


def test_a_vice_chancellor_is_a_title() -> None:
    text = "“No penny was increased in the past nine years,” said Vice-Chancellor Gurmeet Sandhu."
    assert [(q.speaker, q.role) for q in extract_quotes(text)] == [("Gurmeet Sandhu", "Vice-Chancellor")]
