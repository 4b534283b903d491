"""One table of every benchmark at every size: each bench_*.py records its rows here, run.py prints them.

A script calls record(bench, case, size, value, floor, ...) for each measure; when run by run.py (which
names a file in COUNTERPOINT_BENCH_RECORD) the rows are appended to that file as JSON lines, and run.py
prints them all at the end: the result, its floor or anchor run in the same process, their ratio, the
target, and for a case measured at several sizes the growth exponent (the slope of log time against log
size: 1.0 is linear). Run alone, a script records nothing and prints its own table as before.
"""

from __future__ import annotations

import json
import math
import os
import statistics
from pathlib import Path

ENV = "COUNTERPOINT_BENCH_RECORD"


def record(
    bench: str,
    case: str,
    size: int | None,
    value: float,
    floor: float | None = None,
    *,
    unit: str = "s",
    floor_name: str = "",
    target: float | None = None,
) -> None:
    """One measure: `value` (seconds, or MB with unit "MB") against `floor`, at `size` (words, statements...)."""
    path = os.environ.get(ENV)
    if not path:
        return
    row = {
        "bench": bench,
        "case": case,
        "size": size,
        "value": value,
        "floor": floor,
        "unit": unit,
        "floor_name": floor_name,
        "target": target,
    }
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")


def exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(v, 1e-12)) for v in values]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if value < 0.001:
        return f"{value * 1e6:,.0f} us"
    if value >= 10:
        return f"{value:,.1f} s"
    return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"


def table(path: Path) -> str:
    """The rows recorded in `path`, as one table (grouped by benchmark and case, sizes ascending)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        cases.setdefault((row["bench"], row["case"]), []).append(row)
    lines = [
        f"{'benchmark':<10}{'case':<52}{'size':>9}{'result':>12}{'floor':>12}{'ratio':>8}{'target':>11}"
        f"{'growth':>8}  floor is"
    ]
    for (bench, case), found in cases.items():
        found.sort(key=lambda r: r["size"] or 0)
        sized = [r for r in found if r["size"]]
        growth = ""
        if len({r["size"] for r in sized}) >= 2 and all(r["value"] > 0 for r in sized):
            growth = f"{exponent([r['size'] for r in sized], [r['value'] for r in sized]):.2f}"
        for n, r in enumerate(found):
            ratio = f"{r['value'] / r['floor']:.2f}" if r["floor"] else "-"
            target = _shown(r["target"], r["unit"]) if r["target"] is not None else ""
            over = " !" if r["target"] is not None and r["value"] > r["target"] else "  "
            size = f"{r['size']:,}" if r["size"] else "-"
            lines.append(
                f"{bench:<10}{case[:51]:<52}{size:>9}{_shown(r['value'], r['unit']):>12}"
                f"{_shown(r['floor'], r['unit']):>12}{ratio:>8}{target:>9}{over}"
                f"{growth if n == len(found) - 1 else '':>8}  {r['floor_name']}"
            )
    lines.append("ratio = result / floor (run in the same process); '!' = over its target; growth = exponent")
    lines.append("of time against size over the sizes shown (1.0 linear), on the case's last line.")
    return "\n".join(lines)
