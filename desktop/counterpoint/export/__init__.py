"""What leaves Counterpoint: the comparison report (PDF, HTML, Markdown) and data exports (CSV, dossier
JSON, W3C Web Annotation JSON-LD, schema.org ClaimReview JSON-LD).

`export(project, path, fmt, comparison_ids, analyses=...)` writes one file; counterpoint.app.export is
the use case the CLI and the dialog call (it computes the engine's analysis once and hands it in).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from counterpoint.engine.model import Analysis
from counterpoint.errors import UserError
from counterpoint.export.atomic import check_output_path
from counterpoint.export.claimreview import export_claimreview
from counterpoint.export.dossier import export_json
from counterpoint.export.html import export_html
from counterpoint.export.markdown import export_markdown
from counterpoint.export.record import SpeakerRecord
from counterpoint.export.report import select_comparisons
from counterpoint.export.table import export_csv
from counterpoint.export.webanno import export_webanno
from counterpoint.store import Project

Progress = Callable[[int, int], None]

# Format name: (description, file extension).
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF report", ".pdf"),
    "html": ("HTML report (one self-contained file)", ".html"),
    "md": ("Markdown report", ".md"),
    "csv": ("CSV, a row per annotation", ".csv"),
    "json": ("JSON, the whole dossier (re-importable)", ".json"),
    "webanno": ("W3C Web Annotation JSON-LD", ".jsonld"),
    "claimreview": ("schema.org ClaimReview JSON-LD", ".jsonld"),
}
EXTENSIONS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
    ".json": "json",
}


def format_for(path: Path, fmt: str | None = None) -> str:
    """The export format: as given, else from the file's extension (a UserError when neither says)."""
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise UserError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if suffix == ".jsonld":
        raise UserError(
            f"{Path(path).name}: a .jsonld file can be webanno or claimreview; say which with --format"
        )
    raise UserError(
        f"can't tell the format from '{Path(path).name}'; use --format ({', '.join(FORMATS)}) "
        "or an extension (.pdf .html .md .csv .json)"
    )


def export(
    project: Project,
    path: Path | str,
    fmt: str | None = None,
    comparison_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    *,
    analyses: Mapping[int, Analysis | None] | None = None,
    review_url: str = "",
    records: Sequence[SpeakerRecord] = (),
) -> Path:
    """Write one export file atomically; returns the path written.

    `analyses` is the engine's analysis of each comparison, by id, for the reports' highlights (the data
    exports do not use it); `review_url` is the base address of the published reviews (ClaimReview);
    `records` are speakers' records (counterpoint.app.record) that the reports add after the comparisons.
    """
    path = Path(path)
    target = check_output_path(path)
    if target.exists() and target.resolve() == project.path.resolve():
        raise UserError(f"{path} is the project file itself; choose another file to export to")
    fmt = format_for(path, fmt)
    with project.read_snapshot():
        ids = [c.id for c in select_comparisons(project, comparison_ids)] if comparison_ids else None
        if fmt == "pdf":
            # Qt's PDF writer is loaded only when a PDF is asked for: the data exports run without it.
            from counterpoint.export.pdf import export_pdf

            return export_pdf(project, path, ids, progress, analyses=analyses, records=records)
        if fmt == "html":
            return export_html(project, path, ids, analyses=analyses, records=records)
        if fmt == "md":
            return export_markdown(project, path, ids, analyses=analyses)
        if fmt == "csv":
            return export_csv(project, path, ids)
        if fmt == "json":
            return export_json(project, path, ids)
        if fmt == "webanno":
            return export_webanno(project, path, ids)
        return export_claimreview(project, path, ids, review_url=review_url or path.resolve().as_uri())


__all__ = ["FORMATS", "export", "format_for"]
