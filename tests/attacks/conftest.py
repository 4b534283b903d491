"""The attack suite: hostile inputs from outside the code, each under 10 s, with totals reported at the end.

Every case runs under a Python audit hook that counts network connections, reads of the canary files
(local files outside the input) and writes outside the case's own folder; `attack` records the outcome,
and the terminal summary prints the totals the issue asks for.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HANG_SECONDS = 10.0


@dataclass
class Tally:
    cases: int = 0
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    reads: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)
    connections: list[str] = field(default_factory=list)


TALLY = Tally()
_WATCH: dict[str, Any] = {"on": False, "canaries": (), "allowed": (), "name": ""}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _WATCH["on"]:
        return
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        TALLY.connections.append(f"{_WATCH['name']}: {event} {args[:2]!r}")
    elif event == "open" and args and isinstance(args[0], str | bytes | Path):
        path = str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace"))
        mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        if any(path.startswith(c) for c in _WATCH["canaries"]):
            TALLY.reads.append(f"{_WATCH['name']}: {path}")
        writing = any(m in mode for m in "wax+") or flags & 0o3
        if writing and path.startswith("/") and not any(path.startswith(a) for a in _WATCH["allowed"]):
            TALLY.writes.append(f"{_WATCH['name']}: {path}")


sys.addaudithook(_audit)


@pytest.fixture
def attack(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """attack(name, fn, canaries=()) runs fn() watched; returns its result; a raised exception other than
    SystemExit is a traceback (the command line must turn every failure into one line)."""

    def run(name: str, fn: Callable[[], Any], canaries: tuple[Path, ...] = ()) -> Any:
        TALLY.cases += 1
        _WATCH.update(
            on=True,
            name=name,
            canaries=tuple(str(c) for c in canaries),
            allowed=(str(tmp_path), "/dev/null", "/dev/shm", "/tmp/pymp-", "/proc/self"),
        )
        start = time.perf_counter()
        try:
            return fn()
        except SystemExit as exc:
            return exc.code
        except BaseException:
            TALLY.tracebacks.append(f"{name}: {traceback.format_exc(limit=3)}")
            raise
        finally:
            _WATCH["on"] = False
            elapsed = time.perf_counter() - start
            if elapsed > HANG_SECONDS:
                TALLY.hangs.append(f"{name}: {elapsed:.1f} s")

    yield run


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not TALLY.cases:
        return
    t = TALLY
    terminalreporter.write_sep("=", "attack suite")
    terminalreporter.write_line(
        f"attacks: {t.cases} cases, {len(t.tracebacks)} tracebacks, {len(t.hangs)} hangs (over "
        f"{HANG_SECONDS:.0f} s), {len(t.reads)} local file reads outside the input, {len(t.writes)} files "
        f"changed outside the project and its output, {len(t.connections)} network connections"
    )
    for line in [*t.tracebacks, *t.hangs, *t.reads, *t.writes, *t.connections]:
        terminalreporter.write_line(f"  {line.splitlines()[0] if line else line}")
