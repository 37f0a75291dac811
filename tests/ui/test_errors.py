"""Unexpected exceptions become a friendly dialog with details to copy, and a log entry."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coachdesk.ui import errors


def test_an_unexpected_error_is_logged_and_shown_with_copyable_details(qtbot,
                                                                       monkeypatch) -> None:
    shown: list[errors.ErrorDialog] = []
    monkeypatch.setattr(errors.ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    errors.install()
    try:
        raise RuntimeError("the unexpected")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert "RuntimeError: the unexpected" in errors.log_file().read_text(encoding="utf-8")
    dialog = shown[0]
    assert "every edit is saved" in dialog.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "RuntimeError: the unexpected" in QApplication.clipboard().text()


def test_the_log_holds_no_record_values_and_no_part_of_a_password(qtbot, monkeypatch,
                                                                 db) -> None:
    import stat

    from sqlalchemy import text

    from coachdesk.db import open_database
    from coachdesk.errors import DatabaseOpenError, StorageError

    monkeypatch.setattr(errors.report, "quiet", True, raising=False)
    errors.setup_logging()
    try:  # a failing statement carrying a client's e-mail and injury notes
        with db.write() as session:
            session.execute(text("INSERT INTO client (name, email, injury_notes) "
                                 "VALUES (:name, :email, :notes)"),
                            {"name": "Ana", "email": "ana.private@example.com",
                             "notes": "left achilles tendinopathy"})
    except StorageError:  # the unit of work translated the IntegrityError
        errors.report(*sys.exc_info())
    try:
        open_database("postgresql+psycopg://coach:se@cr3t-tail@127.0.0.1:1/coachdesk")
    except DatabaseOpenError:
        errors.report(*sys.exc_info())
    logged = errors.log_file().read_text(encoding="utf-8")
    assert "IntegrityError" in logged and "127.0.0.1" in logged  # both were logged
    for secret in ("ana.private@example.com", "achilles", "se@cr3t", "cr3t-tail", "cr3t"):
        assert secret not in logged
    if sys.platform != "win32":
        assert stat.S_IMODE(errors.log_file().stat().st_mode) == 0o600
        assert stat.S_IMODE(errors.log_file().parent.stat().st_mode) == 0o700
