"""Minimal pairs for the general rules added after the round-two blind run (memory-round2.json).

Each mechanism has a pair it must find and, where the rule could over-reach, a near pair it must not.
The sentences are made up for the test; none is taken from a held-out item.
"""

from __future__ import annotations

from counterpoint.engine.core import proposals


def _kinds(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(p.kind, a[p.a[0] : p.a[1]], b[p.b[0] : p.b[1]]) for p in proposals(a, b)]


def test_no_denies_a_noun_phrase_not_the_words_after_it() -> None:
    # "Paris" follows the denied noun phrase: it is not what "no" denies
    a = "There will be no tolls on roads going from Paris to Lyon."
    b = "Drivers going from Paris to Lyon pay at the border."
    assert not any(k == "negation" and "Paris" in sa for k, sa, _sb in _kinds(a, b))


def test_no_against_some_in_a_there_is_clause() -> None:
    a = "There will be no fees for students at the college."
    b = "There will be some new charges for students at the college."
    found = _kinds(a, b)
    assert any(k == "quantity" and "no fees" in sa and "some new" in sb for k, sa, sb in found), found


def test_no_against_some_needs_a_shared_topic() -> None:
    a = "There will be no fees for students."
    b = "There will be some rain in the north."
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, b))


def test_the_first_of_its_kind_against_a_lower_rank() -> None:
    a = "This is the largest housing programme in the history of the city."
    b = "Measured per resident, the housing programme is the fifth-largest since 1950."
    found = _kinds(a, b)
    assert any(k == "quantity" and "largest" in sa and "fifth-largest" in sb for k, sa, sb in found), found


def test_the_first_of_its_kind_against_fewer_than() -> None:
    a = "It was the biggest crowd ever to attend a final at the stadium."
    b = "About 40,000 people attended the final, fewer than the 52,000 who came in 2010."
    found = _kinds(a, b)
    assert any(k == "quantity" and "fewer than" in sb for k, _sa, sb in found), found


def test_a_rank_alone_is_no_contrast() -> None:
    a = "It was the biggest crowd ever to attend a final at the stadium."
    b = "The final was attended by a crowd of about 52,000 people."
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, b))


def test_predicates_of_opposite_tone_on_one_subject() -> None:
    # "fine" is too mild a word to count anywhere; as what the sentence says its subject is, it counts
    a = "The new managers were very fine people."
    b = "The new managers are cruel and dishonest."
    found = _kinds(a, b)
    assert any(k == "polarity" and "fine" in sa for k, sa, _sb in found), found


def test_opposite_predicates_need_one_subject() -> None:
    a = "The harvest was very fine this year."
    b = "The traffic is terrible on the bridge."
    assert not any(k == "polarity" for k, _sa, _sb in _kinds(a, b))


def test_a_modifier_before_a_loaded_noun_is_not_the_predicate() -> None:
    # "a clear violation": the noun is what the sentence says; both sides condemn
    a = "The invasion is an assault on the charter."
    b = "The invasion is a clear violation of the charter."
    assert proposals(a, b) == []


def test_being_clear_about_something_is_no_evaluation() -> None:
    a = "We can be clear about the cause of the delays."
    b = "The delays are a problem for the railway."
    assert not any(k == "polarity" for k, _sa, _sb in _kinds(a, b))


def test_falling_to_a_level_and_rising_by_it_agree() -> None:
    a = "Unemployment fell to 4.1% in March, down from 4.3% in February."
    b = "The jobless rate rose by 4.1% over the year to March, down from 4.3% in February."
    assert not any(k == "antonym" for k, _sa, _sb in _kinds(a, b))


def test_falling_and_rising_by_different_amounts_still_contrast() -> None:
    a = "Unemployment fell by 2% in March."
    b = "Unemployment rose by 2% in March."
    assert any(k == "antonym" for k, _sa, _sb in _kinds(a, b))


def test_not_cancelling_against_not_continuing() -> None:
    a = "We don't want to cancel the festival this summer."
    b = "I am afraid we cannot continue with the festival as planned."
    found = _kinds(a, b)
    assert any("cancel" in sa and "continue" in sb for _k, sa, sb in found), found


def test_others_being_wrong_is_no_retraction() -> None:
    a = "There will be no strike at the port this winter."
    b = "The critics were wrong. The port is working normally."
    assert not any(k == "factuality" for k, _sa, _sb in _kinds(a, b))


def test_two_different_days_for_one_matter() -> None:
    a = "The new bridge will open to traffic on March 3rd, whatever happens."
    b = "The council agrees that the bridge will open no later than 14 June 2026."
    found = _kinds(a, b)
    assert any(k == "quantity" and "March 3rd" in sa and "14 June" in sb for k, sa, sb in found), found


def test_the_same_day_written_two_ways_agrees() -> None:
    a = "The new bridge will open to traffic on March 3rd."
    b = "The bridge opens on 3 March, the council said."
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, b))


def test_may_the_month_is_no_hedge() -> None:
    a = "The plant will close at the end of the year."
    b = "Output at the plant fell in May 2024."
    assert not any(k == "modality" for k, _sa, _sb in _kinds(a, b))


def test_a_denial_with_only_a_pronoun_after_it_answers_the_other_text() -> None:
    a = "Officials say the outbreak began at the market. I see no reason why it would be."
    b = "Our inspectors have traced the first cases to the market."
    found = _kinds(a, b)
    assert any(k == "factuality" and "no reason why" in sa for k, sa, _sb in found), found


def test_fleeing_war_frames_migrants_against_an_invasion() -> None:
    a = "We must stop the invasion on our coasts."
    b = "Most of the people arriving on our coasts are fleeing war."
    found = _kinds(a, b)
    assert any(k == "framing" and "invasion" in sa and "fleeing war" in sb for k, sa, sb in found), found


# --- after the round-three blind run (memory-round3.json) ---------------------------------------------


def test_knowing_nothing_about_a_thing_denies_it() -> None:
    a = "I know nothing about the foundation. It is not my thing."
    b = "Great news! I love the foundation and its work."
    found = _kinds(a, b)
    assert any(k == "negation" and "nothing about" in sa and "foundation" in sb for k, sa, sb in found), found


def test_a_one_word_exclamation_asserts_nothing() -> None:
    a = "Brexit!"
    b = "I said nothing about Brexit today."
    assert proposals(a, b) == []


def test_a_figure_declining_to_a_level_is_no_refusal() -> None:
    a = "The unemployment rate declined to 3.5 percent in September."
    b = "The jobless rate was 3.5 percent, the lowest level in 50 years."
    assert proposals(a, b) == []


def test_not_mandatory_against_required() -> None:
    a = "I don't think testing should be mandatory for staff."
    b = "We are going to require all hospitals to test their staff."
    found = _kinds(a, b)
    assert any("mandatory" in sa and "require" in sb for _k, sa, sb in found), found


def test_one_cue_yields_one_contrast_whichever_detector_finds_it() -> None:
    a = "We're not thinking about raising taxes. We're not even thinking about thinking about raising taxes."
    b = "The Treasury decided to raise taxes on fuel."
    found = _kinds(a, b)
    assert len([1 for _k, _sa, sb in found if "raise" in sb]) == 1, found


# --- after the round-four blind run (memory-round4.json) ----------------------------------------------


def test_a_number_in_a_unit_counts_in_that_unit() -> None:
    a = "Our economy had zero percent inflation in March."
    b = "The price index increased 6.2 percent for the 12 months ending March."
    found = _kinds(a, b)
    assert any(k == "quantity" and "zero percent" in sa for k, sa, _sb in found), found


def test_a_denial_against_no_evidence_of_it_agrees() -> None:
    a = "Mobile phones do not cause brain tumours."
    b = "There is no evidence of a link between mobile phone use and brain tumours."
    assert proposals(a, b) == []


def test_stronger_than_expected_takes_nothing_back() -> None:
    a = "The economy grew by 0.4% in the second quarter."
    b = "Output rose by 0.4% in the quarter, a little stronger than expected."
    assert proposals(a, b) == []


def test_the_highest_against_below_its_peak() -> None:
    a = "The jobless rate in the region is the highest it has been in 30 years."
    b = "The regional jobless rate was 6.1 percent last year, well below its peak of 11.2 percent in 1993."
    found = _kinds(a, b)
    assert any(k == "quantity" and "highest" in sa and "below its peak" in sb for k, sa, sb in found), found


def test_below_a_threshold_alone_is_no_rank_contrast() -> None:
    a = "Inflation is the highest it has been in 30 years."
    b = "Unemployment stayed below the level economists expected."
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, b))
