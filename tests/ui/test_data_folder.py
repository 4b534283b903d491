"""The app's data folder is ~/.local/share/Counterpoint, not Counterpoint/Counterpoint (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.ui.app import make_application, sample_path


def test_the_sample_lives_in_one_counterpoint_folder(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    make_application()
    assert sample_path() == tmp_path / "Counterpoint" / "sample.counterpoint"
