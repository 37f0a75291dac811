"""Supersets and circuits: slots grouped back to back (A1, A2) from the board, dragged in and
out of a block, undone, kept in the template file and printed as A1/A2 in the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from coachdesk.blocks import block_labels
from coachdesk.db import Database
from coachdesk.formats.template_file import loads_template
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as svc
from coachdesk.services.export import export_program_pdf
from coachdesk.services.template_files import export_template, import_template
from coachdesk.ui.builder.board import WeekBoard
from coachdesk.ui.builder.document import WeekDocument


def test_labels_count_blocks_of_two_or_more() -> None:
    assert block_labels([1, 1, None, 2, 2, 2, 3, 1]) == ["A1", "A2", "", "B1", "B2", "B3",
                                                         "", ""]
    assert block_labels([None, None]) == ["", ""]


@pytest.fixture
def board(qtbot, db: Database):
    with db.read() as session:
        ids = dict(session.execute(select(Exercise.name, Exercise.id)).all())
    template_id = svc.create_template(db, "Week")
    svc.add_slots(db, template_id, "mon", [ids[n] for n in (
        "Goblet Squat", "Inverted Row", "Romanian Deadlift", "Push-Up", "Dead Bug")])
    widget = WeekBoard()
    qtbot.addWidget(widget)
    document, stack = WeekDocument(db, template_id), QUndoStack()
    widget.set_document(document, stack)
    return widget, document, stack


def labels(document: WeekDocument) -> list[str]:
    return [s.block for s in document.day("mon").slots]


def test_grouping_from_the_menu_is_one_undoable_step(board) -> None:
    widget, document, stack = board
    first = document.day("mon").slots[0]
    menu = widget.slot_menu(first.weekday, [first.id], widget)
    action = next(a for a in menu.actions() if a.text().startswith("Superset"))
    action.trigger()
    assert labels(document) == ["A1", "A2", "", "", ""]
    third = document.day("mon").slots[2]
    widget.superset_with_next(third.id)
    assert labels(document) == ["A1", "A2", "B1", "B2", ""]
    stack.undo()
    assert labels(document) == ["A1", "A2", "", "", ""]
    stack.undo()
    assert labels(document) == ["", "", "", "", ""]


def test_a_slot_dragged_in_joins_and_dragged_out_leaves(board) -> None:
    widget, document, stack = board
    slots = document.day("mon").slots
    widget.superset_with_next(slots[0].id)  # Goblet + Row = A
    dead_bug = document.day("mon").slots[4]
    widget.move_slots([dead_bug.id], "mon", 1)  # between Goblet and Row: joins
    assert labels(document) == ["A1", "A2", "A3", "", ""]
    row = document.day("mon").slots[2]
    widget.move_slots([row.id], "tue", 0)  # out to Tuesday: leaves
    assert labels(document) == ["A1", "A2", "", ""]
    assert document.day("tue").slots[0].block == ""
    stack.undo()
    assert labels(document) == ["A1", "A2", "A3", "", ""]


def test_supersets_travel_in_the_file_and_print_as_a1_a2(board, db, tmp_path) -> None:
    widget, document, _stack = board
    widget.superset_with_next(document.day("mon").slots[0].id)
    path = export_template(db, document.template_id, tmp_path / "week.coachdesk.json")
    assert '"group": 1' in path.read_text(encoding="utf-8")
    assert loads_template(path.read_text(encoding="utf-8")).days["mon"][0].group == 1
    copy = import_template(db, path, "Copy")
    assert [s.block for s in svc.load_week(db, copy).day("mon").slots][:3] == ["A1", "A2", ""]
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    program_id = programs.assign_program(db, document.template_id, client_id,
                                         date(2027, 1, 4), 4)
    pdf = export_program_pdf(db, program_id, tmp_path / "ana.pdf").path
    text = " ".join(page.extract_text() for page in PdfReader(Path(pdf)).pages)
    assert "A1" in text and "A2" in text and "superset" in text
