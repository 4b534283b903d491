"""The engine measured on every labelled set, honestly named: the fitted ranker has seen them all.

The figure that says how the engine does on statements it has not seen is leave-one-set-out: fit the
ranker on all sets but one, score the one left out, pooled over all of them (DESIGN.md's scoring rule).
Its floor sits a margin below the measured figure, so a change that loses ground on unseen data fails
here. The shipped weights must be exactly what `make fit-engine` fits from these sets.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from counterpoint.engine import fitting
from counterpoint.engine.lexicons import term_words

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "resources" / "lexicons"
RANKER = ROOT / "resources" / "engine" / "ranker.json"

# What the ranker is fitted on, in the Makefile's order (ENGINE_SETS).
FIT_SETS = [
    SHARED / "contrast-dev.json",
    SHARED / "contrast-train-a.json",
    SHARED / "contrast-train-b.json",
    *sorted(DATA.glob("memory-*.json")),
    *sorted(DATA.glob("real-pairs*.json")),
    DATA / "blind-dec2026.json",
    DATA / "blind-dec2026-b.json",
    DATA / "blind-dec2026-c.json",
    DATA / "blind-dec2026-d.json",
    DATA / "blind-dec2026-e.json",
    DATA / "blind-dec2026-f.json",
    # the dev contrasts in other words: training data of the dev set's fold, never scored
    f"{DATA / 'paraphrase-dev.json'}@contrast-dev",
]
SCORED = [p for p in FIT_SETS if isinstance(p, Path)]
# Measured at the commit that set them (17 sets, 587 pairs, paraphrases training in the dev fold):
# pooled F1 0.262, balanced accuracy 0.582, 0.143 false pairs per agreeing pair. Adding one 50-pair set
# moved such figures by up to 0.1 (the thresholds move), and each blind set of December added so far lowered
# the pooled F1 (0.305 on 14 sets, 0.302 on 15, 0.291 on 16, 0.262 on 17, one engine): the floors sit about
# 0.03 under the figures, room for that noise only. The engine of d1c9376 scores 0.247 / 0.564 / 0.157 here.
POOLED_F1_FLOOR = 0.23
POOLED_BALANCED_FLOOR = 0.55
POOLED_FALSE_PAIRS_CEILING = 0.22


@pytest.fixture(scope="module")
def items() -> list[fitting.Item]:
    missing = [p for p in FIT_SETS if not Path(fitting.split_name(str(p))[0]).exists()]
    if missing:
        pytest.skip(f"labelled sets not found: {missing[0]}")
    return fitting.read(fitting.load_sets(FIT_SETS))


def test_the_shipped_weights_are_a_refit_of_the_sets(items: list[fitting.Item], tmp_path: Path) -> None:
    # refit as `make fit-engine` does, in a fresh process
    out = tmp_path / "ranker.json"
    subprocess.run(
        [sys.executable, "-m", "counterpoint", "eval", "--fit", str(out), *map(str, FIT_SETS)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shipped = json.loads(RANKER.read_text(encoding="utf-8"))
    refit = json.loads(out.read_text(encoding="utf-8"))
    assert shipped["fitted_on"] == refit["fitted_on"]
    assert shipped["features"] == refit["features"]
    assert shipped["weights"] == pytest.approx(refit["weights"], abs=1e-6)
    assert (shipped["threshold"], shipped["second"]) == (refit["threshold"], refit["second"])


def test_candidates_are_the_same_whatever_the_hash_seed() -> None:
    # sets of words iterate in another order in every process: no feature may depend on that order
    script = (
        "import json, sys\n"
        "from counterpoint.engine.core import pair_candidates\n"
        "items = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "out = [[(c.a, c.b, c.kind, c.x) for c in pair_candidates(i['a']['text'], i['b']['text'])[0]]"
        " for i in items]\n"
        "print(json.dumps(out))\n"
    )
    outputs = set()
    for seed in ("3", "4", "11"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(SHARED / "contrast-dev.json")],
            check=True, capture_output=True, text=True, timeout=300, env=env,
        )  # fmt: skip
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_leave_one_set_out_stays_above_its_floor(items: list[fitting.Item]) -> None:
    pooled, per_set = fitting.cross_validate(items)
    assert set(per_set) == {p.stem for p in SCORED}
    assert pooled.f1 >= POOLED_F1_FLOOR, pooled
    assert pooled.balanced_accuracy >= POOLED_BALANCED_FLOOR, pooled
    assert pooled.false_pairs_per_agreeing_pair <= POOLED_FALSE_PAIRS_CEILING, pooled


def _gold_spans() -> list[str]:
    spans = []
    for path in [*SHARED.glob("*.json"), *DATA.glob("*.json")]:
        data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        spans += [" ".join(term_words(g[k])) for item in data for g in item["gold_spans"] for k in "ab"]
    return spans


def test_no_lexicon_entry_of_three_words_is_lifted_from_a_gold_span() -> None:
    spans = _gold_spans()
    if not spans:
        pytest.skip("no gold sets found")
    lifted = []
    for path in LEXICONS.rglob("*"):
        if path.suffix not in (".tsv", ".toml", ".txt") or {"wordnet", "vader"} & set(path.parts):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            entry = re.split(r"\t|\s*=\s*", line)[0].strip().strip('"')
            words = term_words(entry)
            # three words as written (an abbreviation such as "U.S" is one word, however it tokenises)
            if len(entry.split()) >= 3 and any(f" {' '.join(words)} " in f" {s} " for s in spans):
                lifted.append(f"{path.name}: {entry}")
    assert not lifted, lifted


def test_no_set_or_test_is_named_held_out() -> None:
    # every set here has been looked at while the engine changed: "seen" is the honest word
    names = [p.name for p in [*Path(__file__).parent.glob("test_*.py"), *DATA.glob("*.json")]]
    assert not [n for n in names if "heldout" in n or "held-out" in n or "unseen" in n]
