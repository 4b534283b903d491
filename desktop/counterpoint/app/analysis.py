"""The engine's analysis of a comparison, computed once per set of statement texts and reused: the
workspace, the export preview and the export itself ask for the same comparison in turn."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

from counterpoint import engine
from counterpoint.engine.model import Analysis
from counterpoint.store import Project

log = logging.getLogger(__name__)

CACHE_SIZE = 32  # comparisons kept; an analysis of three long statements is a few hundred kilobytes
_cache: OrderedDict[tuple[object, tuple[str, ...]], Analysis] = OrderedDict()
_lock = threading.Lock()  # the export dialog asks from a worker thread


def analysis_of(texts: Sequence[str]) -> Analysis | None:
    """The engine's analysis of these texts (cached by the texts); None when it fails, so a report
    without highlights still gets written (the log says why)."""
    # Looked up on the module at call time, so a test can stand in for the engine (and gets its own entries).
    analyse = engine.analyse
    key = (analyse, tuple(texts))
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    try:
        result = analyse(list(texts))
    except Exception:
        log.exception("the comparison engine failed; the report has no contrast highlights")
        return None
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def analyses(project: Project, comparison_ids: Sequence[int] | None = None) -> dict[int, Analysis | None]:
    """The analysis of each comparison (all, or those named), by id."""
    chosen = set(comparison_ids) if comparison_ids else None
    result: dict[int, Analysis | None] = {}
    for comparison in project.comparisons():
        if chosen is not None and comparison.id not in chosen:
            continue
        texts = [project.statement(sid).text for sid in comparison.statement_ids]
        result[comparison.id] = analysis_of(texts) if len(texts) >= 2 else None
    return result
