"""Subcommands of the contrast engine: `contrast` (two texts, or a batch of pairs) and `eval` (a gold file)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from counterpoint.errors import UserError

# A batch or gold file is JSON text held in memory at once; refuse anything absurdly large.
MAX_JSON_BYTES = 50_000_000


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser(
        "contrast",
        help="compare two texts and print the contrasting phrasing",
        description="Compare two texts (files, '-' for stdin) and print the contrast pairs the engine "
        "finds, with kind, score and reason. With --pairs, compare a batch of pairs and print JSON.",
    )
    cmd.add_argument("a", nargs="?", type=Path, help="first text file (UTF-8)")
    cmd.add_argument("b", nargs="?", type=Path, help="second text file (UTF-8)")
    cmd.add_argument("--pairs", type=Path, help="JSON list of {id, a: {text}, b: {text}}; prints JSON by id")
    cmd.add_argument("--json", action="store_true", help="print JSON instead of a readable listing")
    cmd.add_argument("--threshold", type=float, help="lowest score to report (default: the engine's)")
    cmd.set_defaults(func=run_contrast)

    ev = subparsers.add_parser(
        "eval",
        help="score the engine on a gold file",
        description="Score the engine on a gold file (a JSON list of items with a, b, relation and "
        "gold_spans): span precision, recall and F1, balanced pair accuracy, false pairs per agreeing "
        "pair, recall per kind.",
    )
    ev.add_argument(
        "gold",
        nargs="+",
        help="gold JSON file(s), e.g. contrast-dev.json; with --fit or --cross-validate, FILE@SET adds FILE "
        "as training data of SET's fold (fitted on with it, left out with it, never scored)",
    )
    mode = ev.add_mutually_exclusive_group()
    mode.add_argument(
        "--cross-validate",
        action="store_true",
        help="leave one set out: fit the ranker on all the named sets but one, score the one left out; "
        "print each set's scores and the pooled figure (the engine's headline number)",
    )
    mode.add_argument(
        "--fit",
        type=Path,
        metavar="OUT",
        help="fit the ranker on all the named sets and write its weights to OUT (resources/engine/ranker.json)",
    )
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--threshold", type=float, help="score threshold to evaluate (default: the engine's)")
    ev.set_defaults(func=run_eval)


def _read_text(path: Path) -> str:
    from counterpoint.engine import MAX_CHARS

    if str(path) == "-":
        text = sys.stdin.read()
    else:
        try:
            size = path.stat().st_size
            if size > 4 * MAX_CHARS + 4:
                raise UserError(
                    f"{path} is too large to compare ({size:,} bytes; limit {MAX_CHARS:,} characters)"
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise UserError(f"{path} does not exist") from None
        except IsADirectoryError:
            raise UserError(f"{path} is a directory, not a text file") from None
        except PermissionError:
            raise UserError(f"{path} cannot be read (permission denied)") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise UserError(f"{path} is not UTF-8 text") from None
    if len(text) > MAX_CHARS:
        raise UserError(
            f"{path} has {len(text):,} characters; the engine compares texts of up to {MAX_CHARS:,}"
        )
    return text


def _read_json(path: Path) -> Any:
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise UserError(f"{path} is too large ({size:,} bytes; limit {MAX_JSON_BYTES:,})")
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UserError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory, not a JSON file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def _pair_json(pair: Any) -> dict[str, Any]:
    return {
        "a": [pair.a[0], pair.a[1]],
        "b": [pair.b[0], pair.b[1]],
        "kind": pair.kind,
        "score": pair.score,
        "reason": pair.reason,
    }


def _compare(a: str, b: str, threshold: float | None) -> list[Any]:
    from counterpoint.engine import InputTooLarge, contrast

    try:
        return contrast(a, b, threshold=threshold)
    except InputTooLarge as exc:
        raise UserError(str(exc)) from None


def _text_of(side: Any, where: str) -> str:
    text = side.get("text") if isinstance(side, dict) else None
    if not isinstance(text, str):
        raise UserError(f"{where}: expected an object with a 'text' string")
    return text


def run_contrast(args: argparse.Namespace) -> int:
    if args.pairs is not None:
        if args.a is not None or args.b is not None:
            raise UserError("give either two text files or --pairs PAIRS.json, not both")
        return _run_batch(args.pairs, args.threshold)
    if args.a is None or args.b is None:
        raise UserError("contrast needs two text files (A.txt B.txt) or --pairs PAIRS.json")
    a, b = _read_text(args.a), _read_text(args.b)
    pairs = _compare(a, b, args.threshold)
    if args.json:
        print(_pairs_text([_pair_json(p) for p in pairs], ""))
        return 0
    if not pairs:
        print("no contrast found")
        return 0
    for n, p in enumerate(pairs, 1):
        print(f"{n}. {p.kind} ({p.score:.2f}): {p.reason}")
        print(f"   A {p.a[0]}-{p.a[1]}: {_quote(a, p.a)}")
        print(f"   B {p.b[0]}-{p.b[1]}: {_quote(b, p.b)}")
    return 0


def _quote(text: str, span: tuple[int, int]) -> str:
    return "“" + " ".join(text[span[0] : span[1]].split()) + "”"


def _run_batch(path: Path, threshold: float | None) -> int:
    data = _read_json(path)
    if not isinstance(data, list):
        raise UserError(f"{path}: expected a JSON list of {{id, a: {{text}}, b: {{text}}}}")
    out: dict[str, list[dict[str, Any]]] = {}
    for n, item in enumerate(data):
        if not isinstance(item, dict) or "id" not in item:
            raise UserError(f"{path}: item {n} has no 'id'")
        key = str(item["id"])
        a = _text_of(item.get("a"), f"{path}: item {key} 'a'")
        b = _text_of(item.get("b"), f"{path}: item {key} 'b'")
        out[key] = [_pair_json(p) for p in _compare(a, b, threshold)]
    if not out:
        print("{}")
        return 0
    entries = [
        f"  {json.dumps(key, ensure_ascii=False)}: {_pairs_text(pairs, '  ')}" for key, pairs in out.items()
    ]
    print("{\n" + ",\n".join(entries) + "\n}")
    return 0


def _pairs_text(pairs: list[dict[str, Any]], indent: str) -> str:
    """A JSON list with one contrast pair per line: easy to read, diff and grep."""
    if not pairs:
        return "[]"
    lines = [f"{indent}  {json.dumps(p, ensure_ascii=False)}" for p in pairs]
    return "[\n" + ",\n".join(lines) + f"\n{indent}]"


def _gold(path: Path) -> list[Any]:
    data = _read_json(path)
    if not isinstance(data, list):
        raise UserError(f"{path}: expected a JSON list of gold items")
    return data


def _fitting_run(args: argparse.Namespace) -> int:
    try:
        from counterpoint.engine import fitting
    except ImportError as exc:  # numpy: a development dependency
        raise UserError(
            f"fitting needs the development dependencies ({exc}): pip install -e '.[dev]'"
        ) from None
    sets = {}
    for spec in args.gold:
        path, fold = fitting.split_name(str(spec))
        name = Path(path).stem + (f"@{fold}" if fold else "")
        if name in sets:
            raise UserError(f"{path}: two sets are named {name!r}; each set is a fold of its own")
        sets[name] = _gold(Path(path))
    try:
        items = fitting.read(sets)
        if args.fit:
            ranker = fitting.fit(items)
            args.fit.write_text(
                json.dumps(fitting.to_dict(ranker, list(sets)), indent=1) + "\n", encoding="utf-8"
            )
            print(f"fitted on {len(items)} pairs of {len(sets)} sets; weights written to {args.fit}")
            return 0
        pooled, per_set = fitting.cross_validate(items)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        out = {"pooled": pooled.as_dict(), "sets": {k: v.as_dict() for k, v in per_set.items()}}
        json.dump(out, sys.stdout, indent=2)
        print()
        return 0
    print("leave one set out (fit on the others, score the one left out):")
    for name, s in [*per_set.items(), ("pooled", pooled)]:
        print(
            f"  {name:<22} F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f})  "
            f"balanced {s.balanced_accuracy:.3f}  false pairs {s.false_pairs_per_agreeing_pair:.3f}"
        )
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from counterpoint.engine.scoring import evaluate

    if args.cross_validate or args.fit:
        return _fitting_run(args)
    if len(args.gold) != 1:
        raise UserError("eval scores one gold file; name several only with --cross-validate or --fit")
    path = Path(args.gold[0])
    data = _gold(path)
    try:
        scores = evaluate(data, lambda a, b: [(p.a, p.b) for p in _compare(a, b, args.threshold)])
    except ValueError as exc:
        raise UserError(f"{path}: {exc}") from None
    if args.json:
        json.dump(scores.as_dict(), sys.stdout, indent=2)
        print()
        return 0
    print(f"items: {scores.contrast_items} contrasting, {scores.quiet_items} agreeing or neutral")
    print(f"span precision  {scores.precision:.3f}  ({scores.hits} of {scores.predictions} predictions hit)")
    print(f"span recall     {scores.recall:.3f}  ({scores.gold_hit} of {scores.gold} gold pairs hit)")
    print(f"span F1         {scores.f1:.3f}")
    print(
        f"balanced pair accuracy  {scores.balanced_accuracy:.3f}  "
        f"({scores.contrast_items_flagged}/{scores.contrast_items} contrasting pairs flagged, "
        f"{scores.quiet_items_silent}/{scores.quiet_items} agreeing pairs left quiet)"
    )
    print(f"false pairs per agreeing pair  {scores.false_pairs_per_agreeing_pair:.3f}")
    print("recall per kind:")
    for kind, value in scores.recall_per_kind.items():
        print(f"  {kind:<11} {value:.3f}")
    return 0
