"""The project file: SQLite through sqlite-utils, numbered migrations from counterpoint.db, search."""

from counterpoint.store.model import (
    Annotation,
    Comparison,
    NewStatement,
    Relation,
    SearchHit,
    Source,
    Speaker,
    Statement,
    Tag,
    Target,
    TargetSpec,
    Verdict,
)
from counterpoint.store.project import Project, ProjectError, parse_date, quote_fts

__all__ = [
    "Annotation",
    "Comparison",
    "NewStatement",
    "Project",
    "ProjectError",
    "Relation",
    "SearchHit",
    "Source",
    "Speaker",
    "Statement",
    "Tag",
    "Target",
    "TargetSpec",
    "Verdict",
    "parse_date",
    "quote_fts",
]
