"""The week board driven by real drop events and keys: every edit is saved, undone, redone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import templates as svc
from coachdesk.ui.builder.board import WeekBoard, plan_moves
from coachdesk.ui.builder.document import WeekDocument

from .dnd import drop_on_day, exercise_mime


def ids_by_name(db: Database, *names: str) -> list[int]:
    with db.read() as session:
        found = {name: id_ for name, id_ in session.execute(select(Exercise.name, Exercise.id))}
    return [found[n] for n in names]


def stored(db: Database, template_id: int, weekday: str) -> list[str]:
    """The day as the database holds it (a fresh read, not the widgets)."""
    return [s.exercise_name for s in svc.load_week(db, template_id).day(weekday).slots]


def shown(board: WeekBoard, weekday: str) -> list[str]:
    model = board.columns[weekday].model
    return [model.slot_at(r).exercise_name for r in range(model.rowCount())]


@pytest.fixture
def board(qtbot, db: Database) -> WeekBoard:
    template_id = svc.create_template(db, "Race week")
    widget = WeekBoard()
    widget.resize(1500, 700)
    qtbot.addWidget(widget)
    widget.set_document(WeekDocument(db, template_id), QUndoStack())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_dropping_library_exercises_adds_them_at_the_drop_position(board, db) -> None:
    stack, tid = board.undo_stack, board.document.template_id
    nordic, split, calf = ids_by_name(db, "Nordic Curl", "ATG Split Squat", "Calf Raise")
    monday = board.columns["mon"].view
    assert drop_on_day(monday, exercise_mime([nordic, calf]))
    assert stored(db, tid, "mon") == ["Nordic Curl", "Calf Raise"]
    assert drop_on_day(monday, exercise_mime([split]), row=1)
    assert stored(db, tid, "mon") == ["Nordic Curl", "ATG Split Squat", "Calf Raise"]
    assert shown(board, "mon") == stored(db, tid, "mon")
    stack.undo()
    assert stored(db, tid, "mon") == ["Nordic Curl", "Calf Raise"]
    stack.undo()
    assert stored(db, tid, "mon") == []
    stack.redo()
    stack.redo()
    assert stored(db, tid, "mon") == ["Nordic Curl", "ATG Split Squat", "Calf Raise"]


def test_reorder_within_a_day_by_drag(board, db) -> None:
    stack, tid = board.undo_stack, board.document.template_id
    board.add_exercises("mon", ids_by_name(db, "Nordic Curl", "ATG Split Squat", "Calf Raise"))
    monday = board.columns["mon"].view
    calf_mime = board.columns["mon"].model.mimeData([board.columns["mon"].model.index(2)])
    assert drop_on_day(monday, calf_mime, row=0)
    assert stored(db, tid, "mon") == ["Calf Raise", "Nordic Curl", "ATG Split Squat"]
    nordic_mime = board.columns["mon"].model.mimeData([board.columns["mon"].model.index(1)])
    assert drop_on_day(monday, nordic_mime, row=None)
    assert stored(db, tid, "mon") == ["Calf Raise", "ATG Split Squat", "Nordic Curl"]
    stack.undo()
    assert stored(db, tid, "mon") == ["Calf Raise", "Nordic Curl", "ATG Split Squat"]
    stack.undo()
    assert stored(db, tid, "mon") == ["Nordic Curl", "ATG Split Squat", "Calf Raise"]
    stack.redo()
    assert stored(db, tid, "mon") == ["Calf Raise", "Nordic Curl", "ATG Split Squat"]


def test_move_between_days_and_copy_with_ctrl(board, db) -> None:
    stack, tid = board.undo_stack, board.document.template_id
    board.add_exercises("mon", ids_by_name(db, "Nordic Curl", "Calf Raise"))
    model = board.columns["mon"].model
    thursday = board.columns["thu"].view
    assert drop_on_day(thursday, model.mimeData([model.index(1)]))
    assert stored(db, tid, "mon") == ["Nordic Curl"]
    assert stored(db, tid, "thu") == ["Calf Raise"]
    assert drop_on_day(thursday, model.mimeData([model.index(0)]), row=0,
                       modifiers=Qt.KeyboardModifier.ControlModifier)
    assert stored(db, tid, "mon") == ["Nordic Curl"]
    assert stored(db, tid, "thu") == ["Nordic Curl", "Calf Raise"]
    stack.undo()  # the copy
    assert stored(db, tid, "thu") == ["Calf Raise"]
    stack.undo()  # the move
    assert stored(db, tid, "mon") == ["Nordic Curl", "Calf Raise"]
    assert stored(db, tid, "thu") == []
    stack.redo()
    stack.redo()
    assert stored(db, tid, "mon") == ["Nordic Curl"]
    assert stored(db, tid, "thu") == ["Nordic Curl", "Calf Raise"]


def test_a_drop_from_another_template_is_refused(board, db) -> None:
    other = svc.create_template(db, "Other week")
    slot_id = svc.add_slot(db, other, "mon", ids_by_name(db, "Calf Raise")[0])
    from PySide6.QtCore import QMimeData

    from coachdesk.ui.builder.day_model import slot_ref_payload
    from coachdesk.ui.mime import SLOT_REF_MIME

    mime = QMimeData()
    mime.setData(SLOT_REF_MIME, slot_ref_payload(other, [slot_id]))
    assert not drop_on_day(board.columns["tue"].view, mime)
    assert stored(db, board.document.template_id, "tue") == []


def test_remove_with_the_delete_key_and_undo_brings_it_back(board, db, qtbot) -> None:
    stack, tid = board.undo_stack, board.document.template_id
    board.add_exercises("wed", ids_by_name(db, "Nordic Curl", "Calf Raise", "Tibialis Raise"))
    view = board.columns["wed"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(db, tid, "wed") == ["Nordic Curl", "Tibialis Raise"]
    stack.undo()
    assert stored(db, tid, "wed") == ["Nordic Curl", "Calf Raise", "Tibialis Raise"]
    stack.redo()
    assert stored(db, tid, "wed") == ["Nordic Curl", "Tibialis Raise"]
    stack.undo()
    # The restored slot has a new id; editing it after undo still works.
    calf = svc.load_week(db, tid).day("wed").slots[1]
    assert board.update_slot(calf.id, svc.SlotFields(sets=5, reps=12))
    assert svc.load_week(db, tid).day("wed").slots[1].fields.sets == 5


def test_keyboard_moves_up_down_and_across_days(board, db, qtbot) -> None:
    tid = board.document.template_id
    board.add_exercises("mon", ids_by_name(db, "Nordic Curl", "Calf Raise"))
    view = board.columns["mon"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(1))
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert stored(db, tid, "mon") == ["Calf Raise", "Nordic Curl"]
    assert shown(board, "mon")[view.currentIndex().row()] == "Calf Raise"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert stored(db, tid, "mon") == ["Nordic Curl"]
    assert stored(db, tid, "tue") == ["Calf Raise"]
    tuesday = board.columns["tue"].view
    assert tuesday.hasFocus()
    qtbot.keyClick(tuesday, Qt.Key.Key_Delete)
    assert stored(db, tid, "tue") == []


def test_slot_edits_merge_into_one_undo_step(board, db) -> None:
    stack, tid = board.undo_stack, board.document.template_id
    board.add_exercises("fri", ids_by_name(db, "Calf Raise"))
    slot = svc.load_week(db, tid).day("fri").slots[0]
    before = stack.count()
    for sets in (4, 5, 6):
        assert board.update_slot(slot.id, svc.SlotFields(sets=sets, reps=15))
    assert stack.count() == before + 1
    assert svc.load_week(db, tid).slot(slot.id).fields.sets == 6
    stack.undo()
    assert svc.load_week(db, tid).slot(slot.id).fields == slot.fields


def test_an_invalid_edit_is_refused_with_a_message_and_nothing_changes(board, db, qtbot) -> None:
    tid = board.document.template_id
    board.add_exercises("fri", ids_by_name(db, "Calf Raise"))
    slot = svc.load_week(db, tid).day("fri").slots[0]
    count = board.undo_stack.count()
    with qtbot.waitSignal(board.edit_failed) as failed:
        assert not board.update_slot(slot.id, svc.SlotFields(sets=3, reps=None, seconds=None))
    assert "reps or a time" in failed.args[0]
    assert board.undo_stack.count() == count
    assert svc.load_week(db, tid).slot(slot.id).fields == slot.fields


def test_day_titles_are_undoable(board, db) -> None:
    tid = board.document.template_id
    column = board.columns["mon"]
    column.title_edit.setText("Full body A")
    column.title_edit.editingFinished.emit()
    assert svc.load_week(db, tid).day("mon").title == "Full body A"
    board.undo_stack.undo()
    assert svc.load_week(db, tid).day("mon").title == ""
    assert column.title_edit.text() == ""


def test_copy_day_to_another_day(board, db) -> None:
    tid = board.document.template_id
    board.add_exercises("mon", ids_by_name(db, "Nordic Curl", "Calf Raise"))
    board.set_day_title("mon", "Full body A")
    board.copy_day("mon", "thu")
    assert stored(db, tid, "thu") == ["Nordic Curl", "Calf Raise"]
    assert svc.load_week(db, tid).day("thu").title == "Full body A"
    board.undo_stack.undo()
    assert stored(db, tid, "thu") == []
    assert svc.load_week(db, tid).day("thu").title == ""


def test_plan_moves_keeps_the_dragged_order(board, db) -> None:
    board.add_exercises("mon", ids_by_name(db, "Nordic Curl", "Calf Raise", "Tibialis Raise",
                                            "Back Extension"))
    week = board.document.week
    a, b, c, d = (s.id for s in week.day("mon").slots)
    assert plan_moves(week, [a, b], "mon", 4) == [(a, 3), (b, 3)]
    assert plan_moves(week, [c, d], "mon", 0) == [(c, 0), (d, 1)]
    assert plan_moves(week, [a], "mon", 0) == []
    assert plan_moves(week, [a], "mon", 1) == []
