"""The one answer to a stale save in a list area: nothing was overwritten, so the coach
either looks at the other desk's version or keeps theirs as a copy.

The library and the roster save whole records checked by version (no field-by-field merge
there), so "keep mine" cannot mean "my fields over theirs" the way
:func:`coachdesk.ui.common.stale.keep_mine` does for merged records: it means a copy."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.errors import StaleEditError


class StaleChoice(enum.Enum):
    THEIRS = "theirs"
    COPY = "copy"
    CANCEL = "cancel"


def resolve_stale(parent: QWidget | None, error: StaleEditError) -> StaleChoice:
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed elsewhere",
                      f"{error} Nothing was overwritten.", parent=parent)
    theirs = box.addButton("Reload Their Version", QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton("Keep Mine as a Copy", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is theirs:
        return StaleChoice.THEIRS
    if clicked is copy:
        return StaleChoice.COPY
    return StaleChoice.CANCEL
