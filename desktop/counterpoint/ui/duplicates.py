"""Tagging spans that already have an annotation offers that annotation instead (issue 10, point 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from counterpoint.store import Annotation


def offer_existing(parent: QWidget, annotation: Annotation) -> bool:
    """Say the passages are already tagged and ask whether to edit that annotation; True to edit it."""
    said = " · ".join(
        x
        for x in (
            annotation.relation.label if annotation.relation else "",
            annotation.verdict.label if annotation.verdict else "",
            ", ".join(annotation.tags),
        )
        if x
    )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Already tagged")
    box.setText("These passages are already tagged in this comparison.")
    box.setInformativeText(f"{said or 'An annotation without a verdict'}. Edit that annotation?")
    edit = box.addButton("Edit the annotation", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(edit)
    box.exec()
    return box.clickedButton() is edit


__all__ = ["offer_existing"]
