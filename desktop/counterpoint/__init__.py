"""Counterpoint: compare public statements side by side, tag contradictions, export reports."""

__version__ = "0.1.0"
