"""The one question a stale edit asks: keep mine, or look at theirs."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.errors import StaleEditError


def keep_mine(parent: QWidget | None, error: StaleEditError) -> bool:
    """Ask whether this coach's values should replace what another desk saved for the
    fields both changed; everything else the other desk saved is kept either way."""
    fields = ", ".join(f.replace("_", " ") for f in error.fields) or "these fields"
    answer = QMessageBox.question(
        parent, "Changed on another desk",
        f"{error}\n\nKeep your values for {fields}? Their other changes stay either way. "
        "Choose No to close this and look at their version first.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
