"""The Qt binding must not leak or drop references on calls the app makes thousands of times.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a method returning void,
and the interpreter aborts ("none_dealloc") once None's count reaches zero: a long PDF export or a
long session was enough. pyproject.toml keeps PySide6 below 6.12; this test says why, and fails if
a release with the same fault is let in.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHECK = textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QGuiApplication, QTextDocument

    app = QGuiApplication([])
    document = QTextDocument()
    before = sys.getrefcount(None)
    for _ in range(5000):
        document.setPlainText("Please don't be too nice.")
    print(sys.getrefcount(None) - before)
    """
)


def test_void_calls_keep_none_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    drift = int(result.stdout.strip().splitlines()[-1])
    assert abs(drift) < 100, f"None's reference count moved by {drift} over 5,000 void calls"
