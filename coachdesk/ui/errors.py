"""One handler for unexpected exceptions: a friendly dialog, details to copy, a log file.

Expected problems (bad input, a damaged file) are handled where they happen with their own
messages; this is the net under everything else, so a coach never meets a traceback."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk import __version__
from coachdesk.logs import log, log_file, setup_logging
from coachdesk.paths import redact

__all__ = ["ErrorDialog", "install", "log", "log_file", "report", "setup_logging"]


def crash_text(unsaved: list[str]) -> str:
    """What the crash dialog says: saved work is called safe only when nothing was waiting
    to be saved; otherwise it names what may be lost."""
    if unsaved:
        where = "; ".join(unsaved)
        safety = (f"Changes you had not saved yet may be lost ({where}). What you saved "
                  "before is in the database; check those changes before you carry on.")
    else:
        safety = ("Your saved work is safe: every edit is saved as you make it, and nothing "
                  "was waiting to be saved.")
    return (f"CoachDesk ran into a problem it did not expect. {safety}\n\nIf it happens "
            "again, copy the details and send them to support.")


def unsaved_work() -> list[str]:
    """Unsaved edits in any open CoachDesk window (each window says what it holds)."""
    found: list[str] = []
    for widget in QApplication.topLevelWidgets():
        ask = getattr(widget, "unsaved_work", None)
        if callable(ask):
            try:
                found += ask()
            except RuntimeError:  # a window half torn down: it holds nothing to lose
                continue
    return found


class ErrorDialog(QMessageBox):
    def __init__(self, details: str, parent: QWidget | None = None,
                 unsaved: list[str] | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, "Something went wrong",
                         crash_text(unsaved or []), parent=parent)
        self.details = details
        self.setDetailedText(details)
        self.copy_button = self.addButton("Copy Details", QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(QMessageBox.StandardButton.Ok)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


def report(exc_type: type[BaseException], exc: BaseException,
           tb: TracebackType | None) -> str:
    """Log the exception and show the dialog (when a window can be shown)."""
    details = redact(f"CoachDesk {__version__}, Python {sys.version.split()[0]}\n"
                     + "".join(traceback.format_exception(exc_type, exc, tb)))
    log.error("Unexpected error\n%s", details)
    app = QApplication.instance()
    if app is not None and not getattr(report, "quiet", False):
        ErrorDialog(f"{details}\nLog: {log_file()}", QApplication.activeWindow(),
                    unsaved_work()).exec()
    return details


def install() -> None:
    """Route uncaught exceptions (including those raised inside Qt slots) to ``report``."""
    setup_logging()

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report(exc_type, exc, tb)

    sys.excepthook = hook
