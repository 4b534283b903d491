"""The `contrast` and `eval` subcommands: readable output, the batch JSON contract, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterpoint.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_contrast_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: dict[str, str]) -> None:
    trump, sessions = seed["trump"], seed["sanders"]
    a, b = write(tmp_path, "a.txt", trump), write(tmp_path, "b.txt", sessions)
    code, out, _ = run(capsys, "contrast", a, b)
    assert code == 0 and "'was a joke' calls a joke 'Please don't be too nice'" in out
    code, out, _ = run(capsys, "contrast", a, b, "--json")
    pairs = json.loads(out)
    assert code == 0 and pairs
    for p in pairs:
        assert set(p) == {"a", "b", "kind", "score", "reason"}
        assert trump[p["a"][0] : p["a"][1]] and sessions[p["b"][0] : p["b"][1]]


def test_contrast_batch_prints_json_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: dict[str, str]
) -> None:
    batch = [
        {"id": "policing", "a": {"text": seed["trump"]}, "b": {"text": seed["sanders"]}},
        {"id": 7, "a": {"text": seed["sessions"]}, "b": {"text": seed["tarrant"]}},
    ]
    code, out, _ = run(capsys, "contrast", "--pairs", write(tmp_path, "p.json", json.dumps(batch)))
    result = json.loads(out)
    assert code == 0 and set(result) == {"policing", "7"}
    assert result["policing"] and result["7"] == []
    first = result["policing"][0]
    assert isinstance(first["a"], list) and len(first["a"]) == 2


def test_eval_prints_the_scores(capsys: pytest.CaptureFixture[str], dev_set_path: Path) -> None:
    code, out, _ = run(capsys, "eval", str(dev_set_path), "--json")
    scores = json.loads(out)
    # the dev set is seen (the ranker is fitted on it): this checks the command, not the engine
    assert code == 0 and scores["f1"] >= 0.35 and "recall_per_kind" in scores


def test_eval_cross_validates_leaving_each_set_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dev_set_path: Path
) -> None:
    data = json.loads(dev_set_path.read_text(encoding="utf-8"))
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_text(json.dumps(data[::2]), encoding="utf-8")
    second.write_text(json.dumps(data[1::2]), encoding="utf-8")
    code, out, _ = run(capsys, "eval", "--cross-validate", str(first), str(second), "--json")
    scores = json.loads(out)
    assert code == 0 and set(scores["sets"]) == {"first", "second"}
    pooled = scores["pooled"]
    assert pooled["gold"] == sum(s["gold"] for s in scores["sets"].values())
    assert pooled["hits"] == sum(s["hits"] for s in scores["sets"].values())
    code, _out, err = run(capsys, "eval", "--cross-validate", str(first))
    assert code == 1 and "at least two sets" in err
    out_path = tmp_path / "ranker.json"
    code, out, _ = run(capsys, "eval", "--fit", str(out_path), str(first), str(second))
    assert code == 0 and json.loads(out_path.read_text(encoding="utf-8"))["fitted_on"] == ["first", "second"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("contrast", "{tmp}/missing.txt", "{tmp}/a.txt"), "does not exist"),
        (("contrast", "{tmp}/a.txt"), "two text files"),
        (("contrast", "--pairs", "{tmp}/bad.json"), "not valid JSON"),
        (("contrast", "--pairs", "{tmp}/notlist.json"), "expected a JSON list"),
        (("contrast", "--pairs", "{tmp}/noid.json"), "has no 'id'"),
        (("eval", "{tmp}/bad.json"), "not valid JSON"),
        (("eval", "{tmp}/gold-bad.json"), "gold span not found"),
        (("contrast", "{tmp}/latin1.txt", "{tmp}/a.txt"), "not UTF-8"),
    ],
)
def test_user_mistakes_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    write(tmp_path, "a.txt", "Crime rose.")
    write(tmp_path, "bad.json", "{")
    write(tmp_path, "notlist.json", "{}")
    write(tmp_path, "noid.json", '[{"a": {"text": "x"}, "b": {"text": "y"}}]')
    gold = [{"id": "x", "relation": "contrast", "a": {"text": "a"}, "b": {"text": "b"},
             "gold_spans": [{"a": "zzz", "b": "b", "type": "negation"}]}]  # fmt: skip
    write(tmp_path, "gold-bad.json", json.dumps(gold))
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    code, out, err = run(capsys, *(arg.format(tmp=tmp_path) for arg in argv))
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_text_over_the_size_limit_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from counterpoint.engine import MAX_CHARS

    big = tmp_path / "big.txt"
    big.write_text("word " * (MAX_CHARS // 5 + 10), encoding="utf-8")
    code, out, err = run(capsys, "contrast", str(big), write(tmp_path, "a.txt", "Crime rose."))
    assert code == 1 and out == "" and "characters" in err and err.count("\n") == 1
