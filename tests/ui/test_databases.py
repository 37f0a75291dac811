"""Databases a coach can choose: Open Database… asks open or create, Open Recent, the last
database opened again at start, and a studio server whose password stays out of the
settings, the log and every message."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from coachdesk import studio
from coachdesk.logs import log_file, setup_logging
from coachdesk.paths import ENV_DATABASE_URL, data_dir
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.recent_databases import MAX_RECENT, recent, remember, start_location
from coachdesk.ui.studio_dialog import StudioServerDialog

PASSWORD = "Zx9-Secret-Pw"


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def second_database(db_path: Path, name: str = "other.sqlite3") -> Path:
    other = db_path.with_name(name)
    shutil.copy(db_path, other)
    return other


def press_in_next_modal(qtbot, text: str, before=None) -> None:
    """When the next modal dialog shows, (run ``before`` on it and) press its ``text``
    button."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press)
            return
        if before is not None:
            before(box)
        button = next(b for b in box.findChildren(QPushButton)
                      if b.text().replace("&", "") == text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def test_recent_databases_newest_first_and_reopened_from_the_menu(
        window: MainWindow, db_path: Path, qtbot) -> None:
    other = second_database(db_path)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.open_location(str(other))
    assert recent()[:2] == [str(other.resolve()), str(db_path.resolve())]
    window.recent_menu.aboutToShow.emit()
    first_action = next(a for a in window.recent_menu.actions() if a.data() == str(
        db_path.resolve()))
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        first_action.trigger()
    assert window.db is not None and window.db.sqlite_path == db_path.resolve()
    assert recent()[0] == str(db_path.resolve())


def test_a_missing_file_is_shown_greyed_and_can_be_forgotten(
        window: MainWindow, db_path: Path, qtbot) -> None:
    gone = second_database(db_path, "gone.sqlite3")
    remember(f"sqlite:///{gone.resolve()}")
    gone.unlink()
    window.recent_menu.aboutToShow.emit()
    missing = next(a for a in window.recent_menu.actions() if a.data() == str(gone.resolve()))
    assert not missing.isEnabled() and missing.text().endswith("(missing)")
    forget = next(a for a in window.recent_menu.actions() if a.text() == "Forget Missing Files")
    forget.trigger()
    assert str(gone.resolve()) not in recent()
    assert str(db_path.resolve()) in recent()


def test_the_list_keeps_the_last_eight(tmp_path: Path) -> None:
    for number in range(MAX_RECENT + 3):
        remember(f"sqlite:///{tmp_path}/db{number}.sqlite3")
    kept = recent()
    assert len(kept) == MAX_RECENT and kept[0].endswith(f"db{MAX_RECENT + 2}.sqlite3")


def test_the_last_database_opens_next_time_through_the_first_screen(
        window: MainWindow, db_path: Path, qtbot, monkeypatch) -> None:
    other = second_database(db_path)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.open_location(str(other))
    window.close()
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)
    assert start_location(None) == str(other.resolve())
    assert start_location(str(db_path)) == str(db_path)  # --db still wins
    monkeypatch.setenv(ENV_DATABASE_URL, f"sqlite:///{db_path}")
    assert start_location(None) is None  # and so does the environment variable
    monkeypatch.delenv(ENV_DATABASE_URL)
    again = MainWindow(start_location(None))
    qtbot.addWidget(again)
    with qtbot.waitSignals([again.first_rows_shown, again.database_opened], timeout=20_000):
        again.show()
    assert again.db is not None and again.db.sqlite_path == other.resolve()


def test_open_database_asks_open_or_create_and_creates_a_new_file(
        window: MainWindow, tmp_path: Path, qtbot, monkeypatch) -> None:
    new = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    press_in_next_modal(qtbot, "Create New…")
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.open_action.trigger()
    assert new.exists() and window.db is not None and window.db.sqlite_path == new.resolve()


def test_create_new_on_an_existing_file_refuses_and_keeps_the_database(
        window: MainWindow, db_path: Path, qtbot, monkeypatch) -> None:
    other = second_database(db_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(text))
    press_in_next_modal(qtbot, "Create New…")
    window.open_action.trigger()
    assert shown and "already exists" in shown[0] and "Open Existing" in shown[0]
    assert window.db is not None and window.db.sqlite_path == db_path.resolve()


def test_the_studio_dialog_names_every_wrong_field(qtbot) -> None:
    dialog = StudioServerDialog()
    qtbot.addWidget(dialog)
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, "70000")
    qtbot.keyClicks(dialog.host, "studio local")
    dialog.database.clear()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert "Host:" in text and "Port:" in text and "1 to 65535" in text
    assert "Database:" in text and "User:" in text
    assert dialog.result() != dialog.DialogCode.Accepted


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fill(dialog: StudioServerDialog, qtbot, port: int) -> None:
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, str(port))
    qtbot.keyClicks(dialog.user, "coach")
    qtbot.keyClicks(dialog.password, PASSWORD)


def test_a_failed_test_connection_says_so_without_the_password(qtbot) -> None:
    setup_logging()
    dialog = StudioServerDialog()
    qtbot.addWidget(dialog)
    fill(dialog, qtbot, closed_port())
    with qtbot.waitSignal(dialog.tested, timeout=15_000) as tested:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    message = tested.args[0]
    assert message.startswith("Could not connect to coachdesk on 127.0.0.1")
    assert PASSWORD not in message and PASSWORD not in dialog.status.text()
    log_text = log_file().read_text(encoding="utf-8")
    assert "Could not connect to coachdesk" in log_text  # the failure was logged …
    assert PASSWORD not in log_text  # … without the password


def test_connecting_keeps_the_password_out_of_settings_log_and_messages(
        window: MainWindow, qtbot, monkeypatch) -> None:
    setup_logging()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text: shown.append(f"{title} {text}"))
    failures: list[str] = []
    window.database_failed.connect(failures.append)
    port = closed_port()
    press_in_next_modal(qtbot, "Connect", before=lambda d: fill(d, qtbot, port))
    window.studio_action.trigger()
    assert failures and shown  # the server is not there: the coach is told …
    assert all(PASSWORD not in text for text in failures + shown)  # … without the password
    assert PASSWORD not in log_file().read_text(encoding="utf-8")
    for stored in data_dir().rglob("*.ini"):
        assert PASSWORD not in stored.read_text(encoding="utf-8")
    assert window.db is not None and window.db.is_sqlite  # the open database stays


def test_without_a_keyring_the_password_is_kept_for_this_session_only(qtbot) -> None:
    assert not studio.keyring_available()  # this headless machine has none
    dialog = StudioServerDialog()
    qtbot.addWidget(dialog)
    assert "No system keyring" in dialog.keyring_label.text()
    assert dialog.session_only.isChecked()
    fill(dialog, qtbot, 5432)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.stored_in == "session"
    fields = dialog.fields()
    remembered = studio.ServerFields(fields.host, fields.port, fields.database, fields.user)
    assert studio.saved_password(remembered) == PASSWORD
    assert studio.with_saved_password(remembered.url()) == fields.url()
