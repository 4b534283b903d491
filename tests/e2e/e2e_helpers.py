"""End-to-end helpers: run the installed `counterpoint` command line in subprocesses, headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ARTICLE = SHARED / "samples" / "use-of-force-2017.txt"
DEV_SET = SHARED / "data" / "contrast-dev.json"

TIMEOUT = 60


def clean_env() -> dict[str, str]:
    """The environment of a user with no display: the commands must cope on their own."""
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def ok(self) -> Result:
        assert self.returncode == 0, f"{self.args}: exit {self.returncode}\n{self.stdout}\n{self.stderr}"
        assert "Traceback" not in self.stderr, self.stderr
        return self

    def user_error(self) -> str:
        """A user's mistake: non-zero exit, exactly one clear line on stderr, no traceback."""
        assert self.returncode != 0, f"{self.args}: expected failure\n{self.stdout}\n{self.stderr}"
        assert "Traceback" not in self.stderr and "Traceback" not in self.stdout, self.stderr
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
        return lines[0]

    def json(self) -> Any:
        return json.loads(self.stdout)


class CLI:
    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def __call__(self, *args: str | Path, input: str | None = None) -> Result:
        argv = [sys.executable, "-m", "counterpoint", *map(str, args)]
        proc = subprocess.run(
            argv,
            cwd=self.cwd,
            env=clean_env(),
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        return Result(argv, proc.returncode, proc.stdout, proc.stderr)
