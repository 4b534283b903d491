"""A time limit for each stage of an import (reading a file, finding its statements), as a second line behind
stages that are linear in their input: a stage that runs past its limit stops with one clear message.

The limit is a monotonic deadline that the stages' loops check (per paragraph, sentence, quotation, tag),
never a thread or process killed mid-work: the stages only read, and nothing is written until they are
done. PDF reading has its own limit (a worker process, ingest/pdf.py), since pypdf's loops are not ours.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from counterpoint.ingest.document import IngestError

# Seconds one stage may take. A 3,000,000-character text (MAX_TEXT_CHARS) of news copy is read and searched
# in about 7 s on a 2-core laptop; a stage that takes four times that is stopped.
STAGE_TIME_LIMIT = 30.0


class StageTimeout(IngestError):
    """A stage of an import ran past its time limit (nothing was imported)."""


@dataclass(frozen=True)
class _Deadline:
    at: float  # time.monotonic() past which the stage stops
    message: str


_ACTIVE: ContextVar[_Deadline | None] = ContextVar("counterpoint_ingest_deadline", default=None)


@contextmanager
def stage_limit(what: str, seconds: float | None = None) -> Iterator[None]:
    """Run the body as one stage; past its limit, StageTimeout says `what` ("report.html took too long to
    read") and the limit. Inside an outer stage, the earlier of the two deadlines holds (and its message)."""
    limit = STAGE_TIME_LIMIT if seconds is None else seconds
    outer = _ACTIVE.get()
    deadline = _Deadline(
        time.monotonic() + limit,
        f"{what} (over {limit:g} s); nothing was imported",
    )
    if outer is not None and outer.at <= deadline.at:
        deadline = outer
    token = _ACTIVE.set(deadline)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def check_time() -> None:
    """Raise StageTimeout when the current stage is past its deadline; costs a clock read otherwise."""
    deadline = _ACTIVE.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise StageTimeout(deadline.message)
