"""Unexpected exceptions become a friendly dialog with details to copy, and a log entry."""

from __future__ import annotations

import sys

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
    dialog.copy_details()
    assert "RuntimeError: the unexpected" in QApplication.clipboard().text()
