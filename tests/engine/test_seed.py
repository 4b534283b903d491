"""The seed statements (NBC News, 1 August 2017): what a reader of the article expects highlighted."""

from __future__ import annotations

import pytest

from counterpoint.engine import AnalysisCancelled, analyse, contrast, scoring


def highlighted(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(a[p.a[0] : p.a[1]], b[p.b[0] : p.b[1]], p.reason) for p in contrast(a, b)]


def covers(found: str, wanted: str) -> bool:
    return wanted in found or found in wanted


# Lost with the decontamination of issue 9: "in a lawful way" was a lexicon row lifted from this very
# gold span, and "nice" a restraint word only this item needed. The detectors still propose "rough"
# against "more careful" (framing), but the fitted ranker scores it below its threshold; the general
# engine finds nothing between these two statements. Kept, strict, so that finding it again shows.
@pytest.mark.xfail(strict=True, reason="the general engine does not find rough / in a lawful way")
def test_trump_against_sessions_rough_against_lawful_and_nice_against_careful(seed: dict[str, str]) -> None:
    pairs = highlighted(seed["trump"], seed["sessions"])
    assert any(covers(a, "rough") and covers(b, "in a lawful way") for a, b, _ in pairs), pairs
    assert any(covers(a, "don't be too nice") and covers(b, "more careful") for a, b, _ in pairs), pairs
    rough = next(r for a, b, r in pairs if covers(a, "rough"))
    assert rough == "'rough' (force) against 'in a lawful way' (legality)"


def test_trump_against_sanders_directive_against_joke(seed: dict[str, str]) -> None:
    a, b = seed["trump"], seed["sanders"]
    wanted = scoring.locate(a, "Please don't be too nice")
    assert wanted is not None
    # a highlight counts as DESIGN.md scores it: it overlaps the phrase and is not much longer
    assert any(scoring.span_hits(p.a, wanted) and "joke" in b[p.b[0] : p.b[1]] for p in contrast(a, b)), (
        highlighted(a, b)
    )


def test_sessions_against_tarrant_agree(seed: dict[str, str]) -> None:
    analysis = analyse([seed["sessions"], seed["tarrant"]])
    assert analysis.pairs == ()
    assert analysis.common, "agreeing statements share ground"


@pytest.mark.xfail(
    strict=True, reason="the general engine finds no contrast of Trump's with Sessions' or Tarrant's"
)
def test_three_statements_compare_every_pair(seed: dict[str, str]) -> None:
    analysis = analyse([seed["trump"], seed["sessions"], seed["tarrant"]])
    assert {(p.left, p.right) for p in analysis.pairs} == {(0, 1), (0, 2)}
    assert len(analysis.sentences) == 3 and len(analysis.sentences[0]) == 2


def test_progress_is_reported_and_cancel_stops(seed: dict[str, str]) -> None:
    calls: list[tuple[int, int]] = []
    analyse([seed["trump"], seed["sessions"], seed["tarrant"]], progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with pytest.raises(AnalysisCancelled):
        analyse([seed["trump"], seed["sessions"]], cancelled=lambda: True)


def test_sentences_holding_a_contrast_are_aligned(seed: dict[str, str]) -> None:
    analysis = analyse([seed["trump"], seed["sessions"]])
    aligned = {(al.a, al.b) for al in analysis.alignments}
    for pair in analysis.pairs:
        assert any(a[0] <= pair.a[0] < a[1] and b[0] <= pair.b[0] < b[1] for a, b in aligned)


def test_a_dismissal_answers_the_remark_it_is_about_not_every_statement(seed: dict[str, str]) -> None:
    assert contrast(seed["sessions"], seed["sanders"]) == []
    assert contrast(
        "The company knowingly sold unsafe products to hospitals.", "The allegations are baseless."
    )


def test_common_ground_is_shared_phrasing_and_never_a_contrast() -> None:
    a = "The government has not asked for a price freeze. Energy companies must cut prices."
    b = "Cameron has been opposing an energy price freeze, and energy companies must cut prices now."
    analysis = analyse([a, b])
    shared = {(a[c.a[0] : c.a[1]], b[c.b[0] : c.b[1]]) for c in analysis.common}
    assert ("Energy companies must cut prices", "energy companies must cut prices") in shared
    assert not any("price freeze" in x for x, _ in shared), "denied on one side, asserted on the other"
