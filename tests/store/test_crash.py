"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed annotation
and never leaves a damaged file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from counterpoint.store import Project

KILLS = 60

WRITER = textwrap.dedent(
    """
    import sys
    from counterpoint.store import Project, TargetSpec

    project = Project.open(sys.argv[1])
    a, b = (s.id for s in project.statements()[:2])
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        annotation_id = project.add_annotation(
            [TargetSpec(a, 0, 5), TargetSpec(b, 2, 9)],
            comparison_id=1, relation="contradicts", verdict="contradiction",
            note=f"note {n} " * 20, tags=[f"tag {n % 7}"],
        )
        print(annotation_id, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_never_loses_a_committed_annotation(tmp_path: Path) -> None:
    path = tmp_path / "crash.counterpoint"
    with Project.open(path, create=True) as project:
        a = project.add_statement("Donald Trump", "Please don't be too nice.")
        b = project.add_statement("Jeff Sessions", "Making sure we're doing it in a lawful way.")
        project.add_comparison("Trump vs Sessions", [a, b])
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rng = random.Random(20170801)
    confirmed: set[int] = set()
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True, bufsize=1
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        output, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL
        # A line without its newline was cut by the kill: it proves nothing.
        lines = output.split("\n")[:-1]
        confirmed.update(int(line) for line in lines if line.strip())
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in conn.execute("SELECT id FROM annotations")}
            targets = conn.execute(
                "SELECT count(*) FROM annotation_targets WHERE annotation_id NOT IN (SELECT id FROM annotations)"
            ).fetchone()[0]
        finally:
            conn.close()
        missing = confirmed - stored
        assert not missing, f"annotations reported as committed but lost: {sorted(missing)[:10]}"
        assert targets == 0
    assert len(confirmed) > KILLS, "the writer should have committed annotations between kills"
    with Project.open(path) as project:
        for annotation in project.annotations():
            assert len(annotation.targets) == 2
