"""Validation messages shown next to the field they concern, not in a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from coachdesk.field_labels import describe


class FieldErrors:
    """One small red label per field; ``show`` fills one, ``clear`` empties them all."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label_for(self, field: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setStyleSheet("color: #b03a2e;")
        label.hide()
        self.labels[field] = label
        return label

    def show(self, field: str, message: str) -> bool:
        """Show ``message`` under ``field``; False when the form has no such field."""
        label = self.labels.get(field)
        if label is None:
            return False
        label.setText(describe(field, message))
        label.show()
        return True

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def message(self, field: str) -> str:
        label = self.labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def visible(self) -> dict[str, str]:
        return {f: label.text() for f, label in self.labels.items() if label.text()}
