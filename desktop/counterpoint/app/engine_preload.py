"""Imported by the analysis processes' forkserver only (see counterpoint.app.engine_process): loads the
engine and reads its lexicons once, so every analysis process forked from the server starts warm.

Importing this module runs a small analysis; nothing else should import it."""

from __future__ import annotations

import sys
import traceback

try:
    from counterpoint.engine import analyse

    analyse(["We will raise taxes. It is fair.", "We will not raise taxes. It is unfair."])
except Exception:  # a forkserver that fails to preload still forks; each process then loads on first use
    traceback.print_exc(file=sys.stderr)
