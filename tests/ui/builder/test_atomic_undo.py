"""Each undo step is one transaction that puts the database back exactly as it was; every
edit of a template goes through the undo stack."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise, Slot, TemplateDay
from coachdesk.services import templates as svc
from coachdesk.ui.builder.board import WeekBoard
from coachdesk.ui.builder.document import WeekDocument


def snapshot(db: Database, template_id: int) -> list[tuple]:
    """Every slot of the template as (weekday, position, exercise, sets, reps), sorted."""
    with db.read() as session:
        rows = session.execute(
            select(TemplateDay.weekday_index, Slot.position, Slot.exercise_id, Slot.sets,
                   Slot.reps, TemplateDay.title)
            .join(Slot, Slot.day_id == TemplateDay.id, isouter=True)
            .where(TemplateDay.template_id == template_id)).all()
    return sorted(tuple(r) for r in rows if r[1] is not None)


@pytest.fixture
def board(qtbot, db: Database) -> tuple[WeekBoard, WeekDocument, QUndoStack]:
    with db.read() as session:
        ids = dict(session.execute(select(Exercise.name, Exercise.id)).all())
    template_id = svc.create_template(db, "Week")
    svc.add_slots(db, template_id, "mon", [ids[n] for n in
                                           ("Nordic Curl", "Goblet Squat", "Dead Bug")])
    svc.add_slots(db, template_id, "thu", [ids[n] for n in ("Lateral Step-Down", "Push-Up")])
    widget = WeekBoard()
    qtbot.addWidget(widget)
    document, stack = WeekDocument(db, template_id), QUndoStack()
    widget.set_document(document, stack)
    return widget, document, stack


@pytest.fixture
def transactions(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the write transactions from here on."""
    opened: list[int] = []
    real = db.write

    @contextmanager
    def counting():
        opened.append(1)
        with real() as session:
            yield session

    monkeypatch.setattr(db, "write", counting)
    return opened


@pytest.mark.parametrize("edit", ["remove", "move", "copy"])
def test_a_multi_slot_edit_is_one_step_and_its_undo_one_transaction(
        board, db, transactions, edit) -> None:
    widget, document, stack = board
    before = snapshot(db, document.template_id)
    monday = [s.id for s in document.day("mon").slots]
    {"remove": lambda: widget.remove_slots(monday[:2]),
     "move": lambda: widget.move_slots([monday[0], monday[2]], "thu", 1),
     "copy": lambda: widget.copy_slots(monday, "thu", None)}[edit]()
    assert stack.count() == 1 and len(transactions) == 1
    assert snapshot(db, document.template_id) != before
    transactions.clear()
    stack.undo()
    assert len(transactions) == 1
    assert snapshot(db, document.template_id) == before
    stack.redo()
    stack.undo()
    assert snapshot(db, document.template_id) == before


def test_copying_a_day_to_another_template_can_be_undone(board, db) -> None:
    _widget, document, stack = board
    other = svc.create_template(db, "Other week")
    from coachdesk.ui.builder import commands as cmd

    stack.push(cmd.CopyDayCommand(document, "mon", "wed", (other, "Other week")))
    assert [s.exercise_name for s in svc.load_week(db, other).day("wed").slots] == \
        ["Nordic Curl", "Goblet Squat", "Dead Bug"]
    stack.undo()
    assert svc.load_week(db, other).day("wed").slots == ()
