"""Read-only mode: every button and action that would save stays disabled.

Areas enable their own buttons as the selection or a form changes; rather than teach each
area about read-only, one event filter turns a write button off again whenever something
turns it on, for as long as the open database is read-only."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QWidget

WRITE_BUTTONS = frozenset({
    "new_button", "save_button", "delete_button", "archive_button", "duplicate_button",
    "rename_button", "restore_button", "import_button", "assign_button", "edit_button",
    "progression_button", "email_button", "demo_button", "add_button", "brand_button",
})
"""Attribute names of the buttons that change the database, across the areas."""


def write_buttons(roots: Iterable[QWidget]) -> list[QPushButton]:
    """The save/new/delete… buttons held by these widgets or any widget inside them."""
    found: list[QPushButton] = []
    for root in roots:
        for holder in (root, *root.findChildren(QWidget)):
            for name, value in vars(holder).items():
                if name in WRITE_BUTTONS and isinstance(value, QPushButton) \
                        and value not in found:
                    found.append(value)
    return found


class ReadOnlyGuard(QObject):
    """Keeps the write buttons disabled while ``is_read_only()`` says so."""

    def __init__(self, is_read_only: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_read_only = is_read_only
        self.buttons: list[QPushButton] = []

    def watch(self, buttons: list[QPushButton]) -> None:
        for button in buttons:
            if button not in self.buttons:
                button.installEventFilter(self)
                self.buttons.append(button)
        self.apply()

    def apply(self) -> None:
        read_only = self.is_read_only()
        for button in self.buttons:
            if read_only:
                button.setEnabled(False)
                button.setToolTip("The database is open read-only: changes cannot be saved.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.EnabledChange and isinstance(watched, QPushButton)
                and watched.isEnabled() and self.is_read_only()):
            watched.setEnabled(False)
        return False
