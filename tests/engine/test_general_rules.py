"""Minimal pairs for the general rules added after the blind held-out run."""

from __future__ import annotations

from counterpoint.engine.core import proposals
from counterpoint.engine.detect.base import derived


def _kinds(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(p.kind, a[p.a[0] : p.a[1]], b[p.b[0] : p.b[1]]) for p in proposals(a, b)]


def test_a_retraction_takes_back_a_negative_claim() -> None:
    a = "I don't expect that prices are going to rise much this year."
    b = "I was wrong about the path that prices would take."
    found = _kinds(a, b)
    assert any(k == "factuality" and "wrong" in sb for k, _sa, sb in found), found


def test_something_being_wrong_is_no_retraction() -> None:
    a = "The council will publish its housing plan in May."
    b = "We have a duty to speak out when something is wrong."
    assert proposals(a, b) == []


def test_the_same_auxiliary_and_verb_denied_and_asserted() -> None:
    a = "I did not meet the ambassador during the campaign."
    b = "Records show he did meet the ambassador twice."
    found = _kinds(a, b)
    assert any(k == "negation" and "did not meet" in sa and "did meet" in sb for k, sa, sb in found), found


def test_a_light_verb_needs_related_objects() -> None:
    a = "Some schools will have less money next year."
    b = "Many schools will not have a new library."
    assert not any("will have" in sa for _k, sa, _sb in _kinds(a, b))


def test_negation_in_a_relative_clause_denies_nothing() -> None:
    a = "The vaccines are safe and effective."
    b = "The patients who get very sick are the ones that don't take their vaccine."
    assert not any(k == "negation" for k, _sa, _sb in _kinds(a, b))


def test_a_denied_two_word_phrase_is_a_negation() -> None:
    a = "He said there was a red line for the regime."
    b = "He later said he didn't set a red line."
    assert any(k == "negation" for k, _sa, _sb in _kinds(a, b))


def test_no_new_taxes_denies_taxes() -> None:
    a = "Read my lips: no new taxes."
    b = "The package requires tax increases."
    assert any(k in ("negation", "antonym") and "taxes" in sa for k, sa, _sb in _kinds(a, b))


def test_an_order_of_magnitude_against_a_number_outside_it() -> None:
    a = "We want net migration in the tens of thousands."
    b = "Net migration was 336,000 last year."
    assert any(k == "quantity" for k, _sa, _sb in _kinds(a, b))
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, "Net migration was 45,000 last year."))


def test_a_text_using_both_antonyms_sets_neither_against_the_other() -> None:
    a = "Employment rose by 500,000 and the unemployment rate fell."
    b = "The unemployment rate is at its lowest level in decades."
    assert not any(k == "antonym" for k, _sa, _sb in _kinds(a, b))


def test_a_name_carries_no_tone() -> None:
    a = "The city was found in violation of the state act."
    b = "The Justice Department found the same pattern."
    assert not any(k == "polarity" for k, _sa, _sb in _kinds(a, b))


def test_derivational_pairs() -> None:
    assert derived("abolish", "abolition")
    assert derived("relationship", "relation")
    assert derived("quitter", "quit")
    assert not derived("protest", "protect")


def test_the_last_word_of_a_denied_noun_phrase_is_its_head() -> None:
    a = "There is not going to be an early general election."
    b = "The only way forward is to hold this election."
    assert any(k == "negation" and "election" in sb for k, _sa, sb in _kinds(a, b))


def test_it_is_not_so_that_denies_the_clause() -> None:
    a = "Turkey is joining the EU."
    b = "It is not remotely on the cards that Turkey is going to join the EU."
    assert any(k == "negation" for k, _sa, _sb in _kinds(a, b))


def test_preventing_a_disease_does_not_deny_its_mention() -> None:
    a = "Measles vaccination is safe."
    b = "Two doses are about 97% effective at preventing measles."
    assert not any(k == "negation" for k, _sa, _sb in _kinds(a, b))


# --- issue 9, point 3: generic gaps seen on unseen real pairs (each a class of phrasing) ------------------


def test_a_negation_inside_an_if_clause_is_no_denial() -> None:
    a = "We will pass the housing bill this year."
    b = "If we do not pass the housing bill this year, we never will."
    assert not [p for p in proposals(a, b) if p.kind == "negation"]


def test_a_contracted_future_denied_against_the_plain_future() -> None:
    a, b = "The troops will be home by Christmas.", "The troops won't be home by Christmas."
    assert [p.kind for p in proposals(a, b)] == ["negation"]
    a, b = "They'll be back in the office next week.", "They will not be back in the office next week."
    assert [p.kind for p in proposals(a, b)] == ["negation"]


def test_a_claim_named_and_called_wrong_is_denied() -> None:
    a = "Taxes will rise next year."
    b = "The notion that taxes will rise next year is wrong."
    assert [p.kind for p in proposals(a, b)] == ["factuality"]
    # others being wrong is no denial of a claim ("the pessimists were wrong")
    assert proposals(a, "The pessimists were wrong about the harvest.") == []


def test_a_word_in_a_denied_phrase_after_a_preposition_is_not_denied_as_a_phrase() -> None:
    # "will not raise taxes on working families" denies the raising, not the families
    found = proposals("This budget is for working families.", "We will not raise taxes on working families.")
    assert all(p.score < 0.6 for p in found if p.kind == "negation"), found


def test_two_apologies_for_one_remark_agree() -> None:
    a = "I apologise for the remarks I made on Friday."
    b = "I apologise for what I said on Friday."
    assert not [p for p in proposals(a, b) if p.kind == "factuality"]


def test_one_word_as_a_noun_and_as_a_verb_is_not_a_shared_word() -> None:
    from counterpoint.engine.candidates import INDEX
    from counterpoint.engine.core import pair_candidates

    a = "They were thrown into the back of a van."
    b = "We can't back off that now."
    cands, _ = pair_candidates(a, b)
    assert cands and all(c.x[INDEX["overlap"]] == 0 and c.x[INDEX["shared_denied"]] == 0 for c in cands)
