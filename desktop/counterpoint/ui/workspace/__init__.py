"""The comparison workspace (statements side by side), one module per part: the column and its header,
the connectors, the overview strip, the legend, the toolbar, the selection and suggestion state, and the
widget that composes them.

The names below load on first use, so the plain parts (state, texts) import without Qt.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from counterpoint.ui.workspace.connectors import Connector
    from counterpoint.ui.workspace.look import MIN_COLUMN_CHARS
    from counterpoint.ui.workspace.widget import ComparisonWorkspace

_WHERE = {"ComparisonWorkspace": "widget", "Connector": "connectors", "MIN_COLUMN_CHARS": "look"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(name)


__all__ = ["MIN_COLUMN_CHARS", "ComparisonWorkspace", "Connector"]
