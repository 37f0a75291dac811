"""The roster's everyday corners: Discard really discards, the name limit while typing,
the welcome panel alone, and a filtered-out client leaving the form."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coachdesk.db import Database
from coachdesk.services import clients as svc
from coachdesk.ui.roster.area import ClientsArea


def _press_in_next_box(button: QMessageBox.StandardButton, pressed: list[str]) -> None:
    """Press ``button`` of the message box that opens next (the real button)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        pressed.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def _area(qtbot, db: Database) -> ClientsArea:
    area = ClientsArea()
    area.resize(1400, 900)
    qtbot.addWidget(area)
    area.set_database(db)
    area.show()
    return area


def _click_row(qtbot, area: ClientsArea, client_id: int) -> None:
    row = area.model.row_of_key(client_id)
    rect = area.view.visualRect(area.model.index(row, 0))
    qtbot.mouseClick(area.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_discard_when_leaving_an_edited_client_brings_back_the_stored_values(qtbot, db
                                                                             ) -> None:
    first = svc.create_client(db, svc.ClientData(name="Ana", phone="0123"))
    second = svc.create_client(db, svc.ClientData(name="Ben"))
    area = _area(qtbot, db)
    area.select_key(first)
    area.form.phone.selectAll()
    qtbot.keyClicks(area.form.phone, "999 typed not saved")
    pressed: list[str] = []
    _press_in_next_box(QMessageBox.StandardButton.Discard, pressed)
    _click_row(qtbot, area, second)
    assert pressed and "Ana" in pressed[0]
    assert area.current_id == second and area.form.name.text() == "Ben"
    _click_row(qtbot, area, first)
    assert area.current_id == first
    assert area.form.phone.text() == "0123"
    assert not area.form.dirty
    assert svc.get_client(db, first).data.phone == "0123"


def test_discard_when_leaving_the_clients_area_brings_back_the_stored_values(
        qtbot, db_path) -> None:
    from coachdesk.opening import open_app_database
    from coachdesk.ui.main_window import MainWindow

    file_db = open_app_database(str(db_path))  # the file the window opens (also in PG runs)
    client_id = svc.create_client(file_db, svc.ClientData(name="Ana", phone="0123"))
    file_db.dispose()
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    clients = window.show_area("clients")
    assert isinstance(clients, ClientsArea) and clients.current_id == client_id
    clients.form.phone.selectAll()
    qtbot.keyClicks(clients.form.phone, "999 typed not saved")

    def click_nav(row: int) -> None:
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    pressed: list[str] = []
    _press_in_next_box(QMessageBox.StandardButton.Discard, pressed)
    click_nav(1)  # Library
    try:
        assert pressed and window.stack.currentWidget() is window.areas["library"]
        click_nav(0)  # back to Clients
        assert window.stack.currentWidget() is clients
        assert clients.form.phone.text() == "0123"
        assert not clients.form.dirty
    finally:  # closing the window must not stop at an unsaved-changes question
        if clients.form.dirty:
            clients.form.revert()


def test_a_client_the_filter_hides_leaves_the_form_and_its_buttons(qtbot, db) -> None:
    svc.create_client(db, svc.ClientData(name="Ana", goal="race"))
    ben = svc.create_client(db, svc.ClientData(name="Ben", goal="hobby"))
    area = _area(qtbot, db)
    area.select_key(ben)
    assert area.form.name.text() == "Ben" and area.archive_button.isEnabled()
    qtbot.keyClicks(area.filters.search, "ana")
    assert [r.name for r in area.model.visible_rows()] == ["Ana"]
    assert area.form.name.text() != "Ben"
    assert not area.archive_button.isEnabled() and not area.delete_button.isEnabled()
    assert not area.assign_button.isEnabled()


def test_a_hidden_client_with_unsaved_edits_keeps_them(qtbot, db) -> None:
    svc.create_client(db, svc.ClientData(name="Ana"))
    ben = svc.create_client(db, svc.ClientData(name="Ben"))
    area = _area(qtbot, db)
    area.select_key(ben)
    qtbot.keyClicks(area.form.phone, "0456")
    qtbot.keyClicks(area.filters.search, "ana")
    assert area.form.phone.text() == "0456" and area.form.dirty
    area.form.revert()


def test_an_empty_roster_shows_the_welcome_alone_until_the_coach_adds_a_client(qtbot, db
                                                                               ) -> None:
    area = _area(qtbot, db)
    assert area.welcome.isVisibleTo(area)
    assert not area.form.isVisibleTo(area)  # no empty New-client form beside it
    qtbot.mouseClick(area.welcome.add_button, Qt.MouseButton.LeftButton)
    assert area.form.isVisibleTo(area) and not area.welcome.isVisibleTo(area)
    qtbot.keyClicks(area.form.name, "Ana Rio")
    qtbot.mouseClick(area.form.save_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in svc.list_clients(db)] == ["Ana Rio"]
    assert area.view.isVisibleTo(area) and area.form.isVisibleTo(area)
    assert not area.welcome.isVisibleTo(area)


def test_the_client_name_limit_holds_while_typing(qtbot, db) -> None:
    area = _area(qtbot, db)
    qtbot.mouseClick(area.welcome.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(area.form.name, "n" * 205)
    assert len(area.form.name.text()) == 200
    assert "200" in area.form.name_hint.text()  # the coach sees why typing stopped
    qtbot.keyClicks(area.form.phone, "1" * 70)
    assert len(area.form.phone.text()) == 60
    qtbot.keyClicks(area.form.email, "a" * 260)
    assert len(area.form.email.text()) == 254
    area.form.revert()
