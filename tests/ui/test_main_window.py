"""The main window opens headless on a database and shows the four areas."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from coachdesk.ui.area import AREAS
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings_store import ui_state


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def test_the_window_opens_with_four_areas_on_the_database(window: MainWindow, db_path) -> None:
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Clients", "Library", "Templates", "Programs"]
    assert set(window.areas) == {spec.key for spec in AREAS}
    assert str(db_path) in window.database_label.text()


def test_navigation_switches_areas_and_the_library_shows_the_starter_library(
    window: MainWindow, qtbot
) -> None:
    library = window.show_area("library")
    assert window.stack.currentWidget() is library
    assert window.nav.currentRow() == 1
    assert library.model.total_count >= 60
    assert library.filters.count_label.text() == f"{library.model.total_count} exercises"


def test_geometry_and_area_are_remembered(qtbot, db_path: Path) -> None:
    first = MainWindow(str(db_path))
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.database_opened, timeout=20_000):
        first.show()
    first.resize(1000, 700)
    first.show_area("templates")
    geometry = first.saveGeometry()
    first.close()
    assert ui_state().value("main/geometry") == geometry
    second = MainWindow(str(db_path))
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.database_opened, timeout=20_000):
        second.show()
    # The offscreen screen is 800 px square: the height fits, the width is clamped.
    assert second.size().height() == 700
    assert second.nav.currentRow() == 2


def test_backup_writes_a_copy_of_the_database(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "copy.sqlite3"
    assert window.data.back_up_to(target)
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_database_that_cannot_open_gets_a_message_not_a_traceback(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    assert not window.open_location(str(bad))
    assert shown and "not a readable database" in shown[0]
    assert window.db is not None  # the open database stays open


def test_opening_a_program_from_a_clients_history_shows_it(window: MainWindow) -> None:
    from datetime import date

    from coachdesk.services import clients, programs
    from coachdesk.services import templates as tpl

    db = window.db
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    template_id = tpl.create_template(db, "Week")
    tpl.add_slot(db, template_id, "mon", tpl.exercise_choices(db)[0].id)
    program_id = programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 4)
    roster = window.show_area("clients")
    roster.reload(client_id)
    history = roster.history
    history.setCurrentIndex(history.model().index(0, 0))
    QTest.keyClick(history, Qt.Key.Key_Return)  # or a double-click: the view's "activated"
    assert window.stack.currentWidget() is window.areas["programs"]
    assert window.areas["programs"].selected_id() == program_id


def test_opening_takes_the_daily_backup(window: MainWindow, db_path: Path) -> None:
    from coachdesk.services.backup import list_backups

    assert len(list_backups(window.db)) == 1
    assert (db_path.parent / "backups").is_dir()


def test_restore_from_backup_through_the_file_menu(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from coachdesk.services import clients

    clients.create_client(window.db, clients.ClientData(name="Added after the backup"))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.data.choose_backup_to_restore()
    assert clients.list_clients(window.db) == []
    assert window.database_label.text().startswith("Database:")


def test_a_damaged_database_offers_its_newest_backup(window: MainWindow, db_path: Path,
                                                     monkeypatch) -> None:
    url = window.db.url
    window.db.dispose()
    window.db = None
    db_path.write_bytes(b"\x00garbage" * 500)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.open_location(url)
    assert window.db is not None and not window.db.read_only
    assert list(db_path.parent.glob("coachdesk.sqlite3.damaged-*"))


def test_export_and_import_all_data_through_the_menu(window: MainWindow, tmp_path: Path,
                                                      qtbot, monkeypatch) -> None:
    from coachdesk.services import clients

    clients.create_client(window.db, clients.ClientData(name="Ana"))
    archive = tmp_path / "all.zip"
    assert window.data.export_all(archive)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    assert not window.data.import_all(archive)  # this database is not empty
    assert "needs an empty database" in shown[0]
    fresh = MainWindow(str(tmp_path / "fresh.sqlite3"))
    qtbot.addWidget(fresh)
    with qtbot.waitSignal(fresh.database_opened, timeout=20_000):
        fresh.show()
    assert fresh.data.import_all(archive)
    assert [r.name for r in clients.list_clients(fresh.db)] == ["Ana"]


def test_keyboard_shortcuts_reach_the_current_area(window: MainWindow, qtbot) -> None:
    from PySide6.QtCore import Qt

    library = window.show_area("library")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert library.filters.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.areas["clients"]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.areas["clients"].form.heading.text() == "New client"
    assert window.areas["clients"].form.name.hasFocus()
    names = dict(window.shortcut_rows())
    assert names["Find"] == "Ctrl+F" and names["Export Program PDF…"] == "Ctrl+E"
    assert "Ctrl+1" in names.values() and "Ctrl+Z" in names.values()
    # The board's keys are QActions too, read from the builder, not written in the dialog.
    board_actions = window.areas["templates"].board.key_actions
    assert names["Move the selected exercise up"] == "Ctrl+Up"
    assert all(a.text() in names for a in board_actions)
    assert names["Clear search and filters"] == "Esc"  # the list areas' own QAction


KILLED_WRITER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint = 0")
for n in range(20):
    connection.execute(
        "INSERT INTO client (name, email, phone, goal, race_distance, stage, key_run_days,"
        " injuries, injury_notes, notes, archived, version, created_at, updated_at)"
        " SELECT ?, email, phone, goal, race_distance, stage, key_run_days, injuries,"
        " injury_notes, notes, archived, 1, created_at, updated_at FROM client LIMIT 1",
        (f"In the WAL {n}",))
print("committed", flush=True)
time.sleep(600)
"""


def test_restoring_over_a_damaged_file_keeps_the_commits_in_its_wal(
    window: MainWindow, db_path: Path, monkeypatch
) -> None:
    import signal
    import sqlite3
    import subprocess
    import sys

    from coachdesk.services import backup, clients

    clients.create_client(window.db, clients.ClientData(name="Before the backup"))
    backup.backup_now(window.db)
    url = window.db.url
    window.db.dispose()
    window.db = None
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "committed"
    finally:
        writer.send_signal(signal.SIGKILL)  # killed: the 20 were never checkpointed
        writer.wait()
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    page = connection.execute("SELECT max(pageno) FROM dbstat WHERE name = 'exercise' "
                              "AND pagetype = 'leaf'").fetchone()[0]
    connection.close()
    with open(db_path, "r+b") as handle:  # one damaged page of another table
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    assert window.open_location(url)
    assert asked and "Restore the newest backup" in asked[0]
    assert len(clients.list_clients(window.db)) == 21
    kept = [p for p in db_path.parent.glob("coachdesk.sqlite3.damaged-*")
            if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].with_name(kept[0].name + "-wal").stat().st_size > 0


def test_a_restore_on_another_desk_is_announced_and_reloaded_on_focus(
    window: MainWindow, db_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from coachdesk.opening import open_app_database
    from coachdesk.services import backup, clients

    roster = window.show_area("clients")
    other_desk = open_app_database(str(db_path))
    old = backup.backup_now(other_desk)
    clients.create_client(window.db, clients.ClientData(name="Added after the backup"))
    roster.reload()
    assert roster.model.total_count == 1
    notices: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *a, **k: notices.append(text))
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert notices == []  # coming back with nothing restored: no notice
    backup.restore_backup(other_desk, old)
    other_desk.dispose()
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert len(notices) == 1 and "restored" in notices[0]
    assert window.areas["clients"].model.total_count == 0
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert len(notices) == 1  # announced once


def test_opening_removes_temp_files_a_killed_process_left(qtbot, db_path: Path) -> None:
    import os
    import time

    leftover = db_path.parent / ".coachdesk-restore-killed.tmp"
    leftover.write_bytes(b"\x00" * 4096)
    past = time.time() - 3600
    os.utime(leftover, (past, past))
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    assert not leftover.exists()


def test_another_desks_edit_refreshes_only_the_areas_that_show_it(
        window: MainWindow, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from coachdesk.db import connect
    from coachdesk.services import clients as clients_svc

    refreshed: list[str] = []
    for key, area in window.areas.items():
        original = area.refresh_from_elsewhere
        monkeypatch.setattr(area, "refresh_from_elsewhere",
                            lambda k=key, o=original: (refreshed.append(k), o())[1])
    other = connect(window.db.url)
    clients_svc.create_client(other, clients_svc.ClientData(name="Zoe from the other desk"))
    other.dispose()
    # The coach comes back to the window: the OS reports the application active again.
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert sorted(refreshed) == ["clients", "programs", "templates"]  # not the library
    roster = window.areas["clients"]
    assert "Zoe from the other desk" in [r.name for r in roster.model.all_rows]
    refreshed.clear()
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert refreshed == []  # nothing changed since


def test_after_the_demo_loads_the_templates_area_opens_a_template(window: MainWindow,
                                                                  qtbot) -> None:
    """It used to say "No template yet" beside a list of two."""
    from PySide6.QtCore import Qt

    builder = window.show_area("templates")
    assert builder.document is None
    roster = window.show_area("clients")
    qtbot.mouseClick(roster.welcome.demo_button, Qt.MouseButton.LeftButton)
    builder = window.show_area("templates")
    assert builder.templates_model.rowCount() == 2
    assert builder.document is not None and not builder.empty_state.isVisibleTo(builder)
