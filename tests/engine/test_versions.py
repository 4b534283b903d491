"""Versions mode: a word-level diff that accounts for every word and finds moved passages."""

from __future__ import annotations

import itertools
import random

from counterpoint.engine import VersionOp, analyse
from counterpoint.engine.versions import diff_versions


def rebuilt(text: str, ops: tuple[VersionOp, ...], side: str) -> str:
    spans = sorted(getattr(op, side) for op in ops if getattr(op, side)[0] < getattr(op, side)[1])
    for (_, e), (s, _) in itertools.pairwise(spans):
        assert e <= s, "spans on one side never overlap"
    return "".join(text[s:e] for s, e in spans).replace(" ", "")


def test_every_word_is_accounted_for_on_both_sides() -> None:
    rng = random.Random(7)
    words = [
        rng.choice(["the", "policy", "shall", "apply", "to", "all", "schools", "from", "May"])
        for _ in range(3000)
    ]
    edited = list(words)
    for _ in range(40):
        edited[rng.randrange(len(edited))] = "CHANGED"
    a, b = " ".join(words), " ".join(edited)
    ops = diff_versions(a, b)
    assert rebuilt(a, ops, "a") == a.replace(" ", "")
    assert rebuilt(b, ops, "b") == b.replace(" ", "")
    for op in ops:
        if op.tag == "equal":
            assert a[op.a[0] : op.a[1]].split() == b[op.b[0] : op.b[1]].split()


def test_a_moved_paragraph_is_a_move_not_a_delete_and_insert() -> None:
    intro = "Section one sets out the purpose of the policy and who it applies to in every school. "
    moved = "Schools must publish their behaviour policy on their website and review it every year. "
    rest = "The head teacher decides how phones are stored during the day and may confiscate them. "
    end = "Parents will be told of any confiscation on the same day by letter or email from staff. "
    ops = diff_versions(intro + moved + rest + end, intro + rest + end + moved)
    moves = [op for op in ops if op.tag == "move"]
    assert len(moves) == 1
    (move,) = moves
    before = intro + moved + rest + end
    assert before[move.a[0] : move.a[1]].startswith("Schools must publish")
    assert not [op for op in ops if op.tag in ("insert", "delete")]


def test_identical_texts_are_one_equal_run() -> None:
    text = "The council will close the library in May. It will reopen in June."
    assert [op.tag for op in diff_versions(text, text)] == ["equal"]


def test_analyse_detects_versions_of_one_document() -> None:
    draft = (
        "The government will legislate so that energy companies must offer the lowest tariff to every "
        "customer. The regulator will publish the tariffs each quarter and fine companies that fail."
    )
    final = draft.replace("will legislate", "is considering legislation").replace("each quarter", "each year")
    result = analyse([draft, final, "Farmers expect a good harvest this year after the rain."])
    assert set(result.versions) == {(0, 1)}
    tags = [op.tag for op in result.versions[(0, 1)]]
    assert "replace" in tags and "equal" in tags
