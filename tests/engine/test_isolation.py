"""The engine is pure Python: importing it pulls in no Qt and no database."""

from __future__ import annotations

import subprocess
import sys


def test_engine_imports_no_qt_and_no_database() -> None:
    code = (
        "import sys, counterpoint.engine, counterpoint.engine.scoring, counterpoint.engine.versions\n"
        "counterpoint.engine.contrast('Crime rose.', 'Crime fell.')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlite3', 'sqlite_utils', "
        "'vaderSentiment') or m in ('counterpoint.store', 'counterpoint.ui', 'counterpoint.ingest', "
        "'counterpoint.export'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
