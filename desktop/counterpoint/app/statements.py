"""Adding a statement by hand: its speaker, words, date and occasion, and the source it comes from."""

from __future__ import annotations

from datetime import date

from counterpoint.store import Project


def add_statement(
    project: Project,
    speaker: str,
    text: str,
    *,
    role: str = "",
    said_on: date | str | None = None,
    occasion: str = "",
    source: str = "",
    url: str = "",
    language: str = "en",
    id: int | None = None,
) -> int:
    """Add one statement (and its source, found or made by title), in one transaction; its id."""
    with project.transaction():
        source_id = project.ensure_source(source, url=url) if source.strip() else None
        return project.add_statement(
            speaker,
            text.strip(),
            role=role,
            said_on=said_on,
            occasion=occasion,
            source_id=source_id,
            language=language,
            id=id,
        )
