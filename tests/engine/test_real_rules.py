"""Minimal pairs for the rules added after the blind run on real-sourced pairs (real-pairs.json).

Each mechanism has a pair it must find and, where the rule could over-reach, a near pair it must not.
The sentences are made up for the test; none is taken from a real-pairs item.
"""

from __future__ import annotations

from counterpoint.engine.core import proposals


def _kinds(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(p.kind, a[p.a[0] : p.a[1]], b[p.b[0] : p.b[1]]) for p in proposals(a, b)]


def test_a_remark_called_a_joke_in_other_words() -> None:
    a = "Close the libraries on Sundays, please."
    b = "The mayor said it in jest at a fundraiser."
    found = _kinds(a, b)
    assert any(k == "factuality" and "jest" in sb for k, _sa, sb in found), found


def test_a_joke_does_not_answer_an_argument() -> None:
    # a long statement of policy is not the kind of remark a joke is claimed about
    a = "Our libraries have served the town for a century and we need to keep every one of them open."
    b = "He was joking."
    assert _kinds(a, b) == []


def test_a_joke_does_not_answer_another_report_of_the_remark() -> None:
    a = "He was making the point that the budget is tight."
    b = "The mayor was obviously joking."
    assert _kinds(a, b) == []


def test_a_plain_denial_still_does_not_answer_a_denial() -> None:
    a = "There is no link between the mast and the illness."
    b = "The story is false."
    assert _kinds(a, b) == []


def test_a_denial_said_of_a_noun_needs_a_claim_about_it() -> None:
    a = "I accept that the new bridge is an important part of the transport plan."
    b = "She made comments against it, but those worries are without foundation."
    assert _kinds(a, b) == []
    a2 = "I raised worries about the new bridge because residents asked me to."
    assert any(k == "factuality" for k, _sa, _sb in _kinds(a2, b))


def test_a_modal_in_what_others_think_is_not_the_speakers() -> None:
    a = "Exports could be well over 4 percent this year."
    b = "Many analysts think exports will slow, but I think they will hold for a while."
    found = _kinds(a, b)
    assert found and not any("will slow" in sb for _k, _sa, sb in found), found


def test_a_refusal_against_a_hedge() -> None:
    a = "There's not going to be any curfew in the city."
    b = "A curfew could well be where the city ends up."
    found = _kinds(a, b)
    assert any(k == "modality" and "not going" in sa and "could" in sb for k, sa, sb in found), found


# --- rules added after the blind run on the second real-sourced set (real-pairs-2.json) ---


def test_a_denial_said_of_that_answers_the_other_text() -> None:
    a = "We should close every school in the county by Friday."
    b = "That is simply nonsense."
    found = _kinds(a, b)
    assert any(k == "factuality" and "nonsense" in sb for k, _sa, sb in found), found


def test_two_rebuttals_agree() -> None:
    # b's denial points back at a; a's second sentence is a plain claim, but a rebuts the same report
    a = "The report is baseless. The minister stayed in Leeds all week."
    b = "That is false, I checked this morning."
    assert _kinds(a, b) == []


def test_no_more_of_it_does_not_deny_it() -> None:
    a = "I think we will have to cut spending in the spring statement."
    b = "We have now set the plans for the whole parliament, we don't need to cut spending further."
    assert _kinds(a, b) == []
    b2 = "We have now set the plans for the whole parliament, we don't need to cut spending."
    assert _kinds(a, b2), "without 'further' the denial stands"


def test_none_against_some_needs_the_same_thing_said_of() -> None:
    a = "After the first review there were no clear breaches of the rules."
    b = "There are several stages to the review that an outside auditor will check."
    assert not any(k == "quantity" for k, _sa, _sb in _kinds(a, b))


# --- rule added after the blind run on the third real-sourced set (real-pairs-3.json) ---


def test_a_word_both_texts_deny_is_no_contrast() -> None:
    a = "It's not a matter of winning, it's a matter of finishing the season."
    b = "It is not a matter of me winning. It is a matter of finishing the season well."
    assert _kinds(a, b) == []
