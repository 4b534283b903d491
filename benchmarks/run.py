"""Run every benchmarks/bench_*.py script in turn (each prints its own table); `make bench` calls this.

`--quick` (make bench QUICK=1) sets COUNTERPOINT_BENCH_QUICK=1 for the scripts: smaller sizes, fewer runs,
for development; the full run is what targets are judged on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    args = [a for a in sys.argv[1:] if a != "--quick"]
    env = dict(os.environ)
    if "--quick" in sys.argv[1:]:
        env["COUNTERPOINT_BENCH_QUICK"] = "1"
    failed = []
    begun = time.perf_counter()
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script), *args], env=env)
        print(f"({script.stem}: {time.perf_counter() - started:.1f} s)", flush=True)
        if result.returncode:
            failed.append(script.stem)
    print(f"\nall benchmarks: {time.perf_counter() - begun:.0f} s (make bench stays under 600 s)", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
