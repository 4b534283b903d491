"""Exporting: the engine's analysis of each comparison is computed once (or taken from the cache) and
handed to the report writers; the data exports need none."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from counterpoint.app.analysis import analyses
from counterpoint.errors import UserError
from counterpoint.export import Progress, export, format_for
from counterpoint.export.record import SpeakerRecord
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
    records: Sequence[SpeakerRecord] = (),
) -> Path:
    """Write one export; a report gets the engine's highlights, computed once for each comparison, and
    the speakers' `records` (app.record.speaker_record) after the comparisons."""
    fmt = format_for(Path(path), fmt)
    found: dict[int, Any] | None = None
    if fmt in REPORT_FORMATS:
        with project.read_snapshot():
            ids = [c.id for c in select_comparisons(project, comparison_ids)]
            found = analyses(project, ids)
    if records and fmt not in ("pdf", "html"):
        raise UserError(
            "a speaker's record goes into a pdf or html report (or to CSV with counterpoint record)"
        )
    return export(
        project, path, fmt, comparison_ids, progress, analyses=found, review_url=review_url, records=records
    )


def report_for(
    project: Project, comparison_ids: Sequence[int] | None = None, records: Sequence[SpeakerRecord] = ()
) -> Report:
    """The report as the preview shows it, with the same (cached) analysis the export will use."""
    with project.read_snapshot():
        ids = [c.id for c in select_comparisons(project, comparison_ids)]
        return build_report(project, ids, analyses=analyses(project, ids), records=records)
