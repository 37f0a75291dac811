"""The main window opens headless on a database and shows the four areas."""

from __future__ import annotations

from pathlib import Path

import pytest
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
    assert window.back_up_to(target)
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
    roster.program_opened.emit(program_id)
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
    window.choose_backup_to_restore()
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
    assert window.export_all(archive)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    assert not window.import_all(archive)  # this database is not empty
    assert "needs an empty database" in shown[0]
    fresh = MainWindow(str(tmp_path / "fresh.sqlite3"))
    qtbot.addWidget(fresh)
    with qtbot.waitSignal(fresh.database_opened, timeout=20_000):
        fresh.show()
    assert fresh.import_all(archive)
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
