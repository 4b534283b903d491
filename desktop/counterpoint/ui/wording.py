"""Short sentences the main window says about its state: a shortened quote, what an analysis found."""

from __future__ import annotations

from typing import Any

from counterpoint.ui.workspace_model import analysis_summary


def found(analysis: Any, *, short: bool) -> str:
    """What an analysis shows, for the header (short) or the status bar: the contrasts highlighted, or the
    word changes when the statements are versions of one text (their contrasts are then not shown)."""
    contrasts, versions = analysis_summary(analysis)
    if short:
        said = (
            [f"{contrasts} contrast{'s' if contrasts != 1 else ''} found"]
            if contrasts or not versions
            else []
        )
        return " · ".join([*said, *(["word changes shown"] if versions else [])])
    said = [f"{contrasts} contrasting phrase{'s' if contrasts != 1 else ''} highlighted"] if contrasts else []
    if versions:
        said.append("versions of one text, their word changes shown")
    return ", ".join(said) or "the engine found no contrasting phrasing"


def shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
