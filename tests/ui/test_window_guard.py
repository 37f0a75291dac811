"""What the window says when things go wrong: only what is true, never a traceback."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.ui import errors
from coachdesk.ui.main_window import MainWindow


def open_window(qtbot, location: str) -> MainWindow:
    win = MainWindow(location)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def crash_dialog_text(monkeypatch: pytest.MonkeyPatch) -> str:
    shown: list[errors.ErrorDialog] = []
    monkeypatch.setattr(errors.ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    errors.install()
    try:
        raise RuntimeError("the unexpected")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    return shown[0].text()


def test_the_crash_dialog_names_unsaved_changes_instead_of_calling_them_safe(
        qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = open_window(qtbot, str(db_path))
    clients = window.show_area("clients")
    window.new_action.trigger()
    qtbot.keyClicks(clients.form.name, "Ana Berg")
    assert not clients.form.save_button.isHidden() and clients.form.save_button.isEnabled()
    text = crash_dialog_text(monkeypatch)
    assert "safe" not in text
    assert "may be lost" in text and "Clients" in text


def test_the_crash_dialog_says_saved_work_is_safe_when_nothing_was_pending(
        qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_window(qtbot, str(db_path))
    text = crash_dialog_text(monkeypatch)
    assert "safe" in text and "may be lost" not in text


def test_the_start_up_backup_on_a_full_disk_is_a_status_message(
        qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coachdesk.services.backup as backup

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy_pages", full)
    reported: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: reported.append(exc))
    window = open_window(qtbot, str(db_path))
    assert reported == []
    message = window.statusBar().currentMessage()
    assert "backup" in message and "full" in message and "OperationalError" not in message


# --- read-only ------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The folder and the file made read-only. Root ignores permission bits, so where
    chmod does not stop this process, os.access is told what a coach's account sees."""
    import os

    folder = db_path.parent
    db_path.chmod(0o444)
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # running as root
        real = os.access

        def access(path, mode, *args, **kwargs):
            inside = Path(path).resolve() in (folder.resolve(), db_path.resolve())
            if inside and mode & os.W_OK:
                return False
            return real(path, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
    yield db_path
    folder.chmod(0o755)
    db_path.chmod(0o644)


def test_a_read_only_folder_opens_read_only_with_saving_disabled(
        qtbot, read_only_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question",  # leaving the typed-in form: discard
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = open_window(qtbot, str(read_only_folder))
    assert warnings == []
    assert window.db is not None and window.db.read_only
    assert "read-only" in window.windowTitle().lower()
    assert "read-only" in window.database_label.text()
    for action in (window.new_action, window.import_all_action, window.restore_action):
        assert not action.isEnabled(), action.text()
    clients = window.show_area("clients")
    count = clients.model.rowCount() if hasattr(clients, "model") else None
    window.new_action.trigger()  # disabled: pressing it does nothing
    qtbot.keyClicks(clients.form.name, "Ana Berg")
    assert not clients.form.save_button.isEnabled()
    qtbot.mouseClick(clients.form.save_button, Qt.MouseButton.LeftButton)
    if count is not None:
        assert clients.model.rowCount() == count
    templates = window.show_area("templates")
    for button in (templates.new_button, templates.delete_button, templates.rename_button,
                   templates.import_button):
        assert not button.isEnabled(), button.text()
    programs = window.show_area("programs")
    for button in (programs.assign_button, programs.delete_button):
        assert not button.isEnabled(), button.text()


@pytest.mark.parametrize("url, words", [
    ("postgresql+psycopg://coach@server:abc/studio", "port"),
    ("postgres://", "server"),
    ("mongodb://server/studio", "mongodb"),
])
def test_a_malformed_database_address_is_a_dialog_not_a_traceback(
        qtbot, url: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    window = MainWindow(url)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_failed, timeout=20_000) as failed:
        window.show()
    assert words in failed.args[0] and "--db" in failed.args[0]
    assert shown and words in shown[0]
    assert window.db is None


def test_a_past_start_date_shows_a_note_under_the_date(qtbot) -> None:
    from PySide6.QtWidgets import QDateTimeEdit

    from coachdesk.ui.programs.assign_dialog import AssignDialog

    dialog = AssignDialog([], [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start_note.isHidden()
    dialog.start_edit.setFocus()
    dialog.start_edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Down)  # a year back
    assert dialog.start_edit.date().toPython() < date.today()
    assert dialog.start_note.isVisible() and "in the past" in dialog.start_note.text()
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Up)
    assert dialog.start_note.isHidden()
