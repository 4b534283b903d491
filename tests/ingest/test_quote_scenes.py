"""Issue 12, classes of misses on real news copy: a quotation cut off by the end of a stored page, occasions
carried through the scene that named them, speakers named by a title alone. Every sentence here is written
for the test."""

from __future__ import annotations

from counterpoint.ingest import Quote, extract_quotes


def _quotes(text: str) -> list[Quote]:
    return extract_quotes(text)


def test_a_straight_quotation_cut_by_the_end_of_the_page_is_found() -> None:
    text = (
        "Councillor Ada Mbeki spoke to residents on Monday.\n\n"
        '"The bridge will be rebuilt before the winter, whatever the cost to the'
    )
    (quote,) = _quotes(text)
    assert quote.text.startswith("The bridge will be rebuilt before the winter")
    assert quote.speaker == "Ada Mbeki"


def test_a_straight_mark_after_a_number_at_the_end_is_not_a_quotation() -> None:
    text = 'Councillor Ada Mbeki said the pipe was 12" wide and would be replaced by a wider one next'
    assert _quotes(text) == []


def _occasions(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.occasion) for q in _quotes(text)]


def test_a_press_conference_held_in_the_lede_is_where_its_people_spoke_later() -> None:
    text = (
        "Harbour Mayor Ada Mbeki and Fire Chief Tom Okafor held a press conference Monday at the town hall.\n\n"
        "The flooding closed three schools.\n\n"
        '"We will rebuild every classroom before the spring term," Mayor Mbeki said.\n\n'
        "Crews worked through the night.\n\n"
        '"Nobody should drive through standing water this week," Chief Okafor said.'
    )
    assert _occasions(text) == [
        ("Ada Mbeki", "held a press conference"),
        ("Tom Okafor", "held a press conference"),
    ]


def test_a_scene_is_not_carried_to_someone_it_does_not_name() -> None:
    text = (
        "Mayor Ada Mbeki held a press conference Monday at the town hall.\n\n"
        '"The levee held better than anyone expected," said Professor Lena Ruiz, who studies the river.'
    )
    assert _occasions(text) == [("Lena Ruiz", None)]


def test_a_scene_on_another_day_is_not_carried() -> None:
    text = (
        "Senator Ann Kim said Wednesday that the bill needed more work. It was a change from Tuesday, when "
        'Kim told reporters the vote could go ahead. She added Wednesday that "some parts of it still trouble '
        'me a great deal."'
    )
    assert _occasions(text) == [("Ann Kim", None)]


def test_told_an_outlet_is_the_occasion() -> None:
    text = (
        "Councillor Ada Mbeki told Harbour Radio on Monday that the plan was sound, and asked about the cost, "
        'she said: "It will be paid for within the year."\n\n'
        '"We have the money set aside already," she added.'
    )
    assert _occasions(text) == [("Ada Mbeki", "told Harbour Radio"), ("Ada Mbeki", "told Harbour Radio")]


def test_told_an_outlet_named_by_an_acronym_is_the_occasion() -> None:
    text = 'Councillor Ada Mbeki, telling KTVX that "the plan is sound and fully paid for," left early.'
    assert _occasions(text) == [("Ada Mbeki", "telling KTVX")]


def test_told_a_person_is_not_an_outlet() -> None:
    text = 'Councillor Ada Mbeki told Tom Okafor that "the plan is sound and fully paid for," then left.'
    assert _occasions(text) == [("Ada Mbeki", None)]


def test_for_a_summit_sets_the_scene_but_called_for_a_hearing_does_not() -> None:
    text = (
        "Sitting with the visiting premier for a two-day summit, Governor Lena Ruiz took questions.\n\n"
        '"We will settle the water dispute this year," she said.'
    )
    assert _occasions(text) == [("Lena Ruiz", "for a two-day summit")]
    text = (
        "Governor Lena Ruiz called for a public hearing on the dam.\n\n"
        '"We will settle the water dispute this year," she said.'
    )
    assert _occasions(text) == [("Lena Ruiz", None)]


def test_a_statement_that_reads_is_the_occasion_of_its_words() -> None:
    text = (
        "Governor Lena Ruiz released her response late Tuesday. Ruiz's full statement reads:\n\n"
        '"The people of this state asked for change, and they will get it from this office."'
    )
    assert _occasions(text) == [("Lena Ruiz", "full statement")]


def test_the_lede_takes_the_occasion_the_next_sentence_names_for_its_speaker() -> None:
    text = (
        'Finance Minister Ana Ruiz said on Tuesday the new levies were "not a trade war".\n\n'
        "Ruiz told a news conference at the end of the ministers' meeting that talks would go on."
    )
    assert _occasions(text) == [("Ana Ruiz", "told a news conference")]


def test_a_headline_repeating_the_lede_keeps_the_ledes_occasion() -> None:
    text = (
        "Ruiz says levies 'not a trade war'\n\n"
        'Finance Minister Ana Ruiz said on Tuesday the new levies were "not a trade war".\n\n'
        "Ruiz told a news conference at the end of the ministers' meeting that talks would go on."
    )
    assert _occasions(text) == [("Ana Ruiz", "told a news conference")]


def test_he_took_to_the_floor_places_the_person_named_before() -> None:
    text = (
        "But Sen. Cy Park tried to persuade his colleagues. He took to the Senate floor to list the bridges "
        'that needed repair. "Nobody here can say those bridges are safe today," Park said.'
    )
    assert _occasions(text) == [("Cy Park", "took to the Senate floor")]


def test_the_sentence_before_sets_no_scene_for_someone_it_does_not_name() -> None:
    text = (
        "Mayor Ada Mbeki spoke at the budget hearing on Monday. "
        '"The levee held better than anyone expected," said Professor Lena Ruiz.'
    )
    assert _occasions(text) == [("Lena Ruiz", None)]


def test_markup_after_a_full_stop_opens_a_new_sentence() -> None:
    text = (
        "The vote came after a quiet day at the budget hearing, as leaders Ann Kim and Bo Lee met.\n"
        '{ad}Sen. Cy Park, asked later whether it would pass, said that "it is too early to say anything."'
    )
    assert _occasions(text) == [("Cy Park", None)]


def test_a_title_with_elect_is_a_title_not_part_of_the_name() -> None:
    text = (
        'Mayor-elect Dana Whitfield said the council "has ignored the voters for the last time."\n\n'
        '"We will not let that stand, not this year," Mayor-elect Whitfield said.'
    )
    assert [(q.speaker, q.role) for q in _quotes(text)] == [
        ("Dana Whitfield", "Mayor-elect"),
        ("Dana Whitfield", "Mayor-elect"),
    ]
