"""The Programs area: assign a template to a client, see it listed, delete it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from coachdesk.dates import next_monday
from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl
from coachdesk.ui.programs.area import ProgramsArea
from coachdesk.ui.programs.assign_dialog import AssignDialog


@pytest.fixture
def area(qtbot, db: Database) -> ProgramsArea:
    widget = ProgramsArea()
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def make_week(db: Database) -> tuple[int, int]:
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    template_id = tpl.create_template(db, "Race week")
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    tpl.add_slot(db, template_id, "mon", nordic)
    return client_id, template_id


def test_an_empty_area_says_what_to_do(area) -> None:
    assert area.empty_state.isVisible() and not area.view.isVisible()
    assert "Assign a template" in area.empty_state.text_label.text()


def test_assigning_lists_the_program(area, db) -> None:
    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2026, 12, 7), 8, None)
    assert program_id is not None
    assert area.view.isVisible()
    assert area.model.rowCount() == 1
    row = [area.model.index(0, c).data() for c in range(area.model.columnCount())]
    assert row[:6] == ["Ana", "Race week", "07 Dec 2026", "31 Jan 2027", "8", "Draft"]
    assert area.selected_id() == program_id


def test_the_dialog_prefills_client_template_and_next_monday(qtbot, db) -> None:
    client_id, template_id = make_week(db)
    dialog = AssignDialog(clients.list_clients(db), tpl.list_templates(db), client_id,
                          template_id)
    qtbot.addWidget(dialog)
    client, template, start, weeks, name = dialog.values()
    assert (client, template, weeks, name) == (client_id, template_id, 8, None)
    assert start == next_monday() and start.weekday() == 0


def test_an_empty_template_is_refused_with_a_message(area, db, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    client_id, _ = make_week(db)
    empty = tpl.create_template(db, "Empty")
    assert area.assign_values(client_id, empty, date(2026, 12, 7), 4, None) is None
    assert "no exercises" in shown[0]
    assert programs.list_programs(db) == []


def test_delete_asks_first(area, db, monkeypatch) -> None:
    client_id, template_id = make_week(db)
    area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    area.delete_selected()
    assert len(programs.list_programs(db)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.delete_selected()
    assert programs.list_programs(db) == []
