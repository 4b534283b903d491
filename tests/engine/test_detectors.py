"""Each detector on minimal pairs: change one thing, that contrast (and only a contrast) is proposed.

kinds() asks the detectors alone (core.proposals: the rule-based evidence the ranker weighs); the
tests of whole texts (identical, unrelated) ask the engine itself.
"""

from __future__ import annotations

import pytest

from counterpoint.engine import KINDS, ContrastPair, contrast
from counterpoint.engine.core import proposals


def kinds(a: str, b: str) -> set[str]:
    return {p.kind for p in proposals(a, b)}


def texts_of(a: str, b: str, p: ContrastPair) -> tuple[str, str]:
    return a[p.a[0] : p.a[1]], b[p.b[0] : p.b[1]]


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # negation: the same predicate asserted and denied
        (
            "The minister said the budget was balanced.",
            "The minister never said the budget was balanced.",
            "negation",
        ),
        # antonym: WordNet direct antonyms
        ("The new policy is popular with voters.", "The new policy is unpopular with voters.", "antonym"),
        # antonym: a rise against a fall (the register lexicon)
        ("Violent crime has increased this year.", "Violent crime has declined this year.", "antonym"),
        # polarity: support against opposition
        ("The union will welcome the new pay rules.", "The union will oppose the new pay rules.", "polarity"),
        # modality: certainty against a hedge
        ("The council will close the library.", "The council might close the library.", "modality"),
        # modality: permission against prohibition
        ("It is fine to film the police.", "We can't let people film the police.", "modality"),
        # factuality: a claim against a denial
        (
            "The minister ordered the review.",
            "Reports that the minister ordered the review are false.",
            "factuality",
        ),
        # quantity: different numbers for the same thing
        ("Twelve schools will close next year.", "Three schools will close next year.", "quantity"),
        ("Every school will get more money.", "On average schools will get more money.", "quantity"),
        # framing: a loaded word against a neutral one for the same people
        ("The police arrested the thugs at dawn.", "The police arrested the suspects at dawn.", "framing"),
    ],
)
def test_detector_finds_its_kind(a: str, b: str, kind: str) -> None:
    assert kind in KINDS
    assert kind in kinds(a, b)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the budget was balanced.",
        "We must always be vigilant in ensuring that human rights are protected.",
        "Violent crime has increased this year, but property crime fell.",
        "It is fine to film the police. We can't let people film the police.",
    ],
)
def test_identical_texts_have_no_contrast(text: str) -> None:
    assert contrast(text, text) == []


def test_unrelated_wording_without_cues_has_no_contrast() -> None:
    assert contrast("The bridge opens in May.", "Farmers expect a good harvest.") == []


def test_denied_on_both_sides_is_agreement() -> None:
    assert "negation" not in kinds(
        "The minister did not order the review.", "The minister never ordered the review."
    )


def test_negated_antonym_agrees() -> None:
    # "not lower" and "higher" say the same; only the unnegated pair contrasts
    assert "antonym" not in kinds("Prices were not lower.", "Prices were higher.")
    assert kinds("Taxes will rise.", "Taxes will fall.") & {"antonym"}


def test_a_question_asserts_no_certainty() -> None:
    assert "modality" not in kinds(
        "Will the council close the library?", "The council might close the library."
    )


def test_reasons_are_plain_words_naming_both_phrases() -> None:
    a, b = "The council will close the library.", "The council might close the library."
    (pair,) = [p for p in contrast(a, b) if p.kind == "modality"]
    ta, tb = texts_of(a, b, pair)
    assert f"'{ta}'" in pair.reason and f"'{tb}'" in pair.reason
    assert "certainty" in pair.reason and "hedge" in pair.reason


def test_output_is_deterministic_and_ordered() -> None:
    a = "Crime rose. Taxes will rise. The thugs were caught."
    b = "Crime fell. Taxes might rise. The suspects were caught."
    first, second = contrast(a, b), contrast(a, b)
    assert first == second
    assert first == sorted(first, key=lambda p: (p.a, p.b))


def test_threshold_filters_by_score() -> None:
    a, b = "Crime rose. Taxes will rise.", "Crime fell. Taxes might rise."
    everything = contrast(a, b, threshold=0.0)
    strict = contrast(a, b, threshold=0.99)
    assert strict == [] and everything
    assert all(p.score >= 0.0 for p in everything)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # both deny that homelessness rose
        (
            "The report does not support claims that the policy increased homelessness.",
            "Homelessness did not rise as a result of the policy, the review found.",
        ),
        # both say crime is falling, in different words
        (
            "Violent crime is falling across the region, and burglary is down by a fifth.",
            "Police recorded fewer violent offences this year than last.",
        ),
        # both reject racism, one with "no place", the other with "will not be tolerated"; the ranker
        # fitted on seventeen sets scores the window without "not" against "no place" 0.388, over its
        # threshold of 0.35: a known false pair, kept strict so that losing it shows
        pytest.param(
            "There is no place for racism in our game.",
            "Racist abuse of players is unacceptable and will not be tolerated.",
            marks=pytest.mark.xfail(strict=True, reason="'no place' against a window without 'not'"),
        ),
        # both welcome the inquiry
        (
            "We welcome the inquiry and will cooperate fully.",
            "The company said it supports the investigation.",
        ),
    ],
)
def test_agreeing_statements_have_no_contrast(a: str, b: str) -> None:
    assert contrast(a, b) == []


def test_not_going_to_is_a_refusal_not_a_hedge() -> None:
    a, b = "We are not going to repeal the act.", "The act must be repealed."
    (pair,) = [p for p in proposals(a, b) if p.kind == "modality"]
    assert "refusal" in pair.reason and "obligation" in pair.reason


def test_years_contrast_with_years_not_with_amounts() -> None:
    pairs = proposals("The new hospital will open in 2025.", "The new hospital will open in 2027.")
    assert {p.kind for p in pairs} == {"quantity"}
    assert proposals("The new hospital will open in 2025.", "The new hospital has 2025 beds.") == []


def test_a_rise_and_a_fall_contrast_for_the_same_thing() -> None:
    assert [p.kind for p in proposals("Crime rose last year.", "Crime fell last year.")] == ["antonym"]


# A known fault, kept visible: since lemmas come from WordNet ("rose" -> "rise"), the antonym detector
# proposes a rise against a fall whatever each is said of, and the ranker shows it. Requiring a shared
# topic was measured: leave-one-set-out F1 + balanced accuracy 0.967 -> 0.965, false pairs 0.183 -> 0.237,
# so it was not kept.
@pytest.mark.xfail(strict=True, reason="a rise and a fall of different things are flagged")
def test_a_rise_and_a_fall_of_different_things_do_not_contrast() -> None:
    assert contrast("Prices rose sharply last year.", "Wages fell last year.") == []


def test_amounts_count_their_scale_and_units_need_a_shared_subject() -> None:
    big = proposals("The scheme cost 2 million pounds.", "The scheme cost 2 billion pounds.")
    assert {p.kind for p in big} == {"quantity"}
    assert proposals("Unemployment is 5 percent.", "Inflation is 3 percent.") == []
    same = proposals("Unemployment is 5 percent.", "Unemployment is 7 percent.")
    assert {p.kind for p in same} == {"quantity"}


def test_a_highlight_leaves_a_joining_word_off_its_ends() -> None:
    a = "We improved health care access, and we lowered premiums with our legislation."
    b = (
        "Tens of millions of taxpayers are going to experience dramatically increased premiums, co-pays, and "
        "deductibles."
    )
    (pair,) = contrast(a, b)
    shown_a, shown_b = a[pair.a[0] : pair.a[1]], b[pair.b[0] : pair.b[1]]
    assert "lowered premiums" in shown_a and "increased premiums" in shown_b
    for shown in (shown_a, shown_b):
        assert shown == shown.strip(" ,") and shown.split()[0] != "and" and shown.split()[-1] != "and"


def test_a_shown_span_ends_before_a_trailing_joining_word() -> None:
    from counterpoint.engine.core import _shown

    text = "going to experience dramatically increased premiums, co-pays, and deductibles."
    end = text.index("deductibles") - 1
    start, stop = _shown(text, (0, end))
    assert text[start:stop] == "going to experience dramatically increased premiums, co-pays"
    assert _shown("Andrew said", (0, 6)) == (0, 6)  # a name that starts with "and" is kept
