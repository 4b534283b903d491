"""Run every benchmarks/bench_*.py script in turn (each prints its own table); `make bench` calls this.

`--quick` (make bench QUICK=1) sets COUNTERPOINT_BENCH_QUICK=1 for the scripts: smaller sizes, fewer runs,
for development; the full run is what targets are judged on. Each script records its rows through
benchmarks/report.py; at the end one table shows every benchmark at every size, with ratios against the
floors run in the same process and growth exponents.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import report

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    args = [a for a in sys.argv[1:] if a != "--quick"]
    env = dict(os.environ)
    if "--quick" in sys.argv[1:]:
        env["COUNTERPOINT_BENCH_QUICK"] = "1"
    failed = []
    took: dict[str, float] = {}
    begun = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        recorded = Path(folder) / "rows.jsonl"
        recorded.touch()
        env[report.ENV] = str(recorded)
        for script in scripts:
            print(f"\n=== {script.stem} ===", flush=True)
            started = time.perf_counter()
            result = subprocess.run([sys.executable, str(script), *args], env=env)
            took[script.stem] = time.perf_counter() - started
            print(f"({script.stem}: {took[script.stem]:.1f} s)", flush=True)
            if result.returncode:
                failed.append(script.stem)
        print("\n=== every benchmark at every size ===")
        print(report.table(recorded))
    print("\n" + "  ".join(f"{name} {seconds:.0f} s" for name, seconds in took.items()))
    print(f"all benchmarks: {time.perf_counter() - begun:.0f} s (make bench stays under 600 s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
