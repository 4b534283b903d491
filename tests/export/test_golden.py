"""The Markdown report of the sample dossier against a golden file (tests/export/golden/sample.md).

Engine highlights are left out and the date fixed, so the file changes only when the report does.
Regenerate after an intended change: UPDATE_GOLDEN=1 pytest tests/export/test_golden.py
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from counterpoint.export.markdown import report_markdown
from counterpoint.export.report import build_report
from counterpoint.store import Project

GOLDEN = Path(__file__).parent / "golden" / "sample.md"


def test_sample_markdown_matches_golden(sample_project: Project) -> None:
    report = build_report(sample_project, now=datetime(2017, 8, 2, 9, 0, tzinfo=UTC))
    text = report_markdown(report)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, "utf-8")
    assert text == GOLDEN.read_text("utf-8")
