"""The one list area, as the library and the roster use it: a column or a facet is one
entry in the spec; add, edit and save go through the real buttons and fields; a stale save
gets the same question in both areas."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from coachdesk.db import Database
from coachdesk.services import clients, library
from coachdesk.ui.common.filter_bar import Facet
from coachdesk.ui.common.filter_table import Column
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.library.model import SPEC as LIBRARY
from coachdesk.ui.roster.area import SPEC as ROSTER
from coachdesk.ui.roster.area import ClientsArea


def shown(area) -> None:
    area.resize(1400, 900)
    area.show()


@pytest.fixture
def roster(qtbot, db: Database) -> Callable[..., ClientsArea]:
    def make(spec=ROSTER) -> ClientsArea:
        widget = ClientsArea(spec=spec)
        qtbot.addWidget(widget)
        widget.set_database(db)
        shown(widget)
        return widget
    return make


@pytest.fixture
def library_area(qtbot, db: Database) -> Callable[..., LibraryArea]:
    def make(spec=LIBRARY) -> LibraryArea:
        widget = LibraryArea(spec=spec)
        qtbot.addWidget(widget)
        widget.set_database(db)
        shown(widget)
        return widget
    return make


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, area, row: int) -> None:
    rect = area.view.visualRect(area.model.index(row, 0))
    qtbot.mouseClick(area.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def when_modal(qtbot, act: Callable[[QWidget], None]) -> None:
    """Act on the next modal window (a dialog or a message box) once it is up."""
    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(10, poll)
            return
        act(modal)
    QTimer.singleShot(0, poll)


def test_a_roster_column_is_one_entry_in_the_spec(roster, db) -> None:
    clients.create_client(db, clients.ClientData(name="Ana", email="ana@example.com"))
    area = roster(ROSTER.with_column(Column("E-mail", lambda r: r.data.email, width=160)))
    header = [area.model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(area.model.columnCount())]
    assert header[-1] == "E-mail" and len(header) == len(ROSTER.columns) + 1
    assert area.model.index(0, len(header) - 1).data() == "ana@example.com"
    assert area.view.horizontalHeader().sectionSize(len(header) - 1) == 160


def test_a_library_facet_is_one_entry_in_the_spec(library_area, qtbot) -> None:
    eccentric = Facet("eccentric", "Eccentric or not", [("Eccentric", "yes")],
                      lambda row, value: row.data.eccentric == (value == "yes"))
    area = library_area(LIBRARY.with_facet(eccentric))
    combo = area.filters.combos["eccentric"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Eccentric"
    rows = area.model.visible_rows()
    assert rows and all(r.data.eccentric for r in rows)
    assert "Nordic Curl" in {r.name for r in rows}
    assert area.filters.count_label.text() == f"{len(rows)} of 72 exercises"
    click(qtbot, area.filters.clear_button)
    assert area.model.visible_count == 72


def test_add_edit_and_save_a_client_with_the_real_widgets(roster, db, qtbot) -> None:
    clients.create_client(db, clients.ClientData(name="Ben"))
    area = roster()
    click(qtbot, area.new_button)
    assert area.form.heading.text() == "New client"
    qtbot.keyClicks(area.form.name, "Ana Rio")
    qtbot.keyClicks(area.form.email, "ana@example.com")
    click(qtbot, area.form.save_button)
    ana = next(r for r in clients.list_clients(db) if r.name == "Ana Rio")
    assert ana.data.email == "ana@example.com"
    assert area.current_id == ana.id and not area.form.dirty
    assert [r.name for r in area.model.visible_rows()] == ["Ana Rio", "Ben"]

    click_row(qtbot, area, 1)
    assert area.form.name.text() == "Ben"
    qtbot.keyClicks(area.form.notes, "Sub-4 in April")
    click(qtbot, area.form.save_button)
    assert clients.get_client(db, area.current_id).data.notes == "Sub-4 in April"
    qtbot.keyClicks(area.form.notes, ", then Berlin")
    click(qtbot, area.form.save_button)  # a second save is not mistaken for a stale one
    assert clients.get_client(db, area.current_id).data.notes == "Sub-4 in April, then Berlin"


def fill_exercise(qtbot, name: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.name, name)
        click(qtbot, dialog.muscle_boxes["quads"])
        qtbot.keyClicks(dialog.equipment, "wall")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Save))
    return act


def test_add_edit_and_save_an_exercise_with_the_real_widgets(library_area, db, qtbot) -> None:
    area = library_area()
    when_modal(qtbot, fill_exercise(qtbot, "Wall Sit Hold"))
    click(qtbot, area.new_button)
    row = next(r for r in library.list_exercises(db) if r.name == "Wall Sit Hold")
    assert (row.data.primary_muscles, row.data.equipment) == (("quads",), ("wall",))
    assert area.current_id == row.id
    assert area.model.row_at(area.view.currentIndex().row()).name == "Wall Sit Hold"
    assert area.detail.title.text() == "Wall Sit Hold"

    def rename(dialog: QWidget) -> None:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Wall Sit, One Leg")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Save))

    when_modal(qtbot, rename)
    click(qtbot, area.edit_button)
    assert library.get_exercise(db, row.id).name == "Wall Sit, One Leg"
    assert area.detail.title.text() == "Wall Sit, One Leg"


def test_a_stale_save_asks_the_same_question_in_both_areas(roster, library_area, db,
                                                          qtbot) -> None:
    """Another desk saved first: nothing is overwritten and "keep mine" saves a copy."""
    def keep_mine_as_a_copy(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Changed elsewhere"
        copy = next(b for b in box.buttons() if b.text() == "Keep Mine as a Copy")
        click(qtbot, copy)

    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    area = roster()
    clients.update_client(db, client_id, clients.ClientData(name="Ana", notes="theirs"))
    qtbot.keyClicks(area.form.notes, "mine")
    when_modal(qtbot, keep_mine_as_a_copy)
    click(qtbot, area.form.save_button)
    assert clients.get_client(db, client_id).data.notes == "theirs"
    copy = next(r for r in clients.list_clients(db) if r.name == "Ana (my copy)")
    assert copy.data.notes == "mine" and area.current_id == copy.id

    lib = library_area()
    nordic = next(r for r in library.list_exercises(db) if r.name == "Nordic Curl")
    lib.select_exercise(nordic.id)

    def edit_while_another_desk_saves(dialog: QWidget) -> None:
        library.update_exercise(db, nordic.id, nordic.data.with_changes(notes="theirs"))
        dialog.notes.setPlainText("mine")
        when_modal(qtbot, keep_mine_as_a_copy)
        click(qtbot, dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Save))

    when_modal(qtbot, edit_while_another_desk_saves)
    click(qtbot, lib.edit_button)
    assert library.get_exercise(db, nordic.id).data.notes == "theirs"
    mine = next(r for r in library.list_exercises(db) if r.name == "Nordic Curl (my copy)")
    assert mine.data.notes == "mine" and lib.current_id == mine.id
