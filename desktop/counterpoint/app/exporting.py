"""Exporting: the engine's analysis of each comparison is computed once (or taken from the cache) and
handed to the report writers; the data exports need none."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counterpoint.app.analysis import analyses
from counterpoint.export import Progress, export, format_for
from counterpoint.export.report import Report, build_report, select_comparisons
from counterpoint.store import Project

REPORT_FORMATS = ("pdf", "html", "md")


def export_file(
    project: Project,
    path: Path | str,
    fmt: str | None = None,
    comparison_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    *,
    review_url: str = "",
) -> Path:
    """Write one export; a report gets the engine's highlights, computed once for each comparison."""
    fmt = format_for(Path(path), fmt)
    found: dict[int, Any] | None = None
    if fmt in REPORT_FORMATS:
        with project.read_snapshot():
            ids = [c.id for c in select_comparisons(project, comparison_ids)]
            found = analyses(project, ids)
    return export(project, path, fmt, comparison_ids, progress, analyses=found, review_url=review_url)


def report_for(project: Project, comparison_ids: Sequence[int] | None = None) -> Report:
    """The report as the preview shows it, with the same (cached) analysis the export will use."""
    with project.read_snapshot():
        ids = [c.id for c in select_comparisons(project, comparison_ids)]
        return build_report(project, ids, analyses=analyses(project, ids))
