"""Handing an .eml draft to the coach's mail program, the one way every area does it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def hand_to_mail_program(parent: QWidget, draft: Path, afterword: str = "") -> bool:
    """Open ``draft`` in the mail program; True when one took it. When none did (no program
    is registered for .eml), show the draft's folder and say what to do, ending with
    ``afterword``; nothing counts as sent then."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(draft))):
        return True
    shown = QDesktopServices.openUrl(QUrl.fromLocalFile(str(draft.parent)))
    where = "The folder is open now" if shown else "Open that folder yourself"
    QMessageBox.information(
        parent, "The e-mail draft is ready",
        f"No mail program opened the draft {draft.name}, so it was saved in {draft.parent}. "
        f"{where}: double-click the draft, or drag it into your mail program, to send it."
        + (f" {afterword}" if afterword else ""))
    return False
