"""counterpoint.ingest stays pure Python: no Qt, no database, no store or UI import, after real work."""

from __future__ import annotations

import json
import subprocess
import sys

from ingest_helpers import NEWS

SCRIPT = """
import json, sys
from counterpoint.ingest import document_from_bytes, extract_quotes, load_document
from counterpoint.ingest.edits import merge_quotes, split_quote
document = load_document(sys.argv[1])
quotes = extract_quotes(document.text, published=document.published)
document_from_bytes(b"<html><body><p>Plain words in a page.</p></body></html>", "page.html")
forbidden = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "sqlite3", "_sqlite3",
             "sqlite_utils") or m.startswith(("counterpoint.store", "counterpoint.ui"))]
print(json.dumps({"quotes": len(quotes), "forbidden": forbidden}))
"""


def test_ingest_imports_no_qt_and_no_database() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(NEWS / "transit-levy.txt")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    report = json.loads(result.stdout)
    assert report["quotes"] > 0
    assert report["forbidden"] == []
