"""What leaves Counterpoint: the comparison report (PDF, HTML, Markdown) and data exports (CSV, dossier
JSON, W3C Web Annotation JSON-LD, schema.org ClaimReview JSON-LD).

`export(project, path, fmt, comparison_ids)` is the one entry point the CLI and the dialog call.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from counterpoint.errors import UserError
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


@contextlib.contextmanager
def read_snapshot(project: Project) -> Iterator[None]:
    """Read the whole export from one moment of the project: the app may save edits while a report is
    built on a worker thread, and a report must not mix the state before an edit with the state after.
    (A read transaction in WAL mode does not block the writer.)"""
    if project.conn.in_transaction:
        yield
        return
    project.conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        project.conn.execute("COMMIT")


def export(
    project: Project,
    path: Path | str,
    fmt: str | None = None,
    comparison_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write one export file atomically; returns the path written."""
    from counterpoint.export.atomic import check_output_path

    path = Path(path)
    target = check_output_path(path)
    if target.exists() and target.resolve() == project.path.resolve():
        raise UserError(f"{path} is the project file itself; choose another file to export to")
    fmt = format_for(path, fmt)
    with read_snapshot(project):
        return _export(project, path, fmt, comparison_ids, progress)


def _export(
    project: Project, path: Path, fmt: str, comparison_ids: Sequence[int] | None, progress: Progress | None
) -> Path:
    from counterpoint.export.report import select_comparisons

    ids = [c.id for c in select_comparisons(project, comparison_ids)] if comparison_ids else None
    if fmt == "pdf":
        from counterpoint.export.pdf import export_pdf

        return export_pdf(project, path, ids, progress)
    if fmt == "html":
        from counterpoint.export.html import export_html

        return export_html(project, path, ids)
    if fmt == "md":
        from counterpoint.export.markdown import export_markdown

        return export_markdown(project, path, ids)
    if fmt == "csv":
        from counterpoint.export.table import export_csv

        return export_csv(project, path, ids)
    if fmt == "json":
        from counterpoint.export.dossier import export_json

        return export_json(project, path, ids)
    if fmt == "webanno":
        from counterpoint.export.webanno import export_webanno

        return export_webanno(project, path, ids)
    from counterpoint.export.claimreview import export_claimreview

    return export_claimreview(project, path, ids)


__all__ = ["FORMATS", "export", "format_for"]
