"""Every Qt model in CoachDesk passes Qt's model tester, which stays attached while the
coach works, so every insert, remove, move and re-layout afterwards is checked too.

The library and roster models are checked in their own areas' tests; the picker, the
programs table, the client history and the builder's day models are here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from coachdesk.dates import next_monday
from coachdesk.db import Database
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl
from coachdesk.ui.builder.area import TemplatesArea
from coachdesk.ui.programs.area import ProgramsArea
from coachdesk.ui.roster.area import ClientsArea
from tests.ui.conftest import ids, press_new_template


@pytest.fixture
def builder(race_week_builder: TemplatesArea) -> TemplatesArea:
    return race_week_builder


def test_the_pickers_model_passes_and_typing_keeps_the_pick(builder, db, qtbot,
                                                           qtmodeltester) -> None:
    picker = builder.picker
    qtmodeltester.check(picker.model)
    resets: list[bool] = []
    picker.model.modelReset.connect(lambda: resets.append(True))
    nordic = ids(db, "Nordic Curl")[0]
    picker.view.selectionModel().setCurrentIndex(
        picker.model.index(picker.model.row_of_key(nordic)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "nordic")
    assert picker.selected_ids() == [nordic]
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.model.rowCount() == picker.model.total_count
    assert picker.selected_ids() == [nordic]
    picker.core_check.click()
    assert picker.selected_ids() == []  # the Nordic curl is not core work
    picker.core_check.click()
    assert resets == []  # filtering re-lays the rows out; it never resets


def test_a_library_change_reaches_the_picker_without_a_reset(builder, db, qtbot,
                                                             qtmodeltester) -> None:
    from coachdesk.services import library

    picker = builder.picker
    qtmodeltester.check(picker.model)
    nordic = ids(db, "Nordic Curl")[0]
    picker.view.selectionModel().setCurrentIndex(
        picker.model.index(picker.model.row_of_key(nordic)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    total = picker.model.rowCount()
    library.create_exercise(db, library.ExerciseData(name="Banded Wall Hold",
                                                     primary_muscles=("quads",)))
    with qtbot.waitSignal(picker.model.rowsInserted):
        builder.refresh_from_elsewhere()
    assert picker.model.rowCount() == total + 1
    assert picker.count_label.text() == f"{total + 1} exercises"
    assert picker.selected_ids() == [nordic]


@pytest.mark.parametrize("weekday", ["mon", "thu"])
def test_a_day_model_passes_while_slots_are_added_moved_and_undone(builder, db, weekday,
                                                                   qtmodeltester) -> None:
    model = builder.board.columns[weekday].model
    qtmodeltester.check(model)
    builder.board.add_exercises(weekday, ids(db, "Nordic Curl", "Calf Raise", "Side Plank"))
    assert model.rowCount() == 3
    builder.board.add_exercises("tue", ids(db, "Tibialis Raise"))
    stack = builder.board.undo_stack
    stack.undo()
    stack.undo()
    assert model.rowCount() == 0
    stack.redo()
    assert [model.slot_at(r).exercise_name for r in range(model.rowCount())] == [
        "Nordic Curl", "Calf Raise", "Side Plank"]


@pytest.fixture
def programs_area(qtbot, db: Database) -> ProgramsArea:
    widget = ProgramsArea()
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def assign(db: Database, name: str) -> int:
    client_id = clients.create_client(db, clients.ClientData(name=name))
    template_id = tpl.create_template(db, f"{name}'s week")
    tpl.add_slot(db, template_id, "mon", ids(db, "Nordic Curl")[0])
    return programs.assign_program(db, template_id, client_id, next_monday(), 4, None)


def test_the_programs_model_passes_and_a_new_program_is_inserted(programs_area, db, qtbot,
                                                                 qtmodeltester) -> None:
    first = assign(db, "Ana")
    programs_area.refresh()
    qtmodeltester.check(programs_area.model)
    programs_area.view.selectRow(0)
    assign(db, "Ben")
    with qtbot.waitSignal(programs_area.model.rowsInserted):
        programs_area.refresh_from_elsewhere()
    assert programs_area.model.rowCount() == 2
    assert programs_area.selected_id() == first
    programs.delete_program(db, first)
    with qtbot.waitSignal(programs_area.model.rowsRemoved):
        programs_area.refresh_from_elsewhere()
    assert [programs_area.model.index(0, c).data() for c in (0, 1)] == ["Ben", "Ben's week"]


def test_the_client_history_model_passes(qtbot, db, qtmodeltester) -> None:
    assign(db, "Ana")
    area = ClientsArea()
    qtbot.addWidget(area)
    area.set_database(db)
    qtmodeltester.check(area.history_model)
    assert area.history_model.rowCount() == 1
    assert area.history_label.text() == "Programs (1)"


def test_the_templates_list_model_passes(builder, db, qtbot, qtmodeltester) -> None:
    press_new_template(qtbot, builder, "Second week")
    qtmodeltester.check(builder.templates_model)
    assert builder.templates_model.rowCount() == 2


def test_the_program_weeks_model_passes(programs_area, db, qtmodeltester) -> None:
    program_id = assign(db, "Ana")
    programs_area.refresh(program_id)
    model = programs_area.weeks.model
    assert (model.rowCount(), model.columnCount()) == (1, 4)
    qtmodeltester.check(model)
    programs_area.view.clearSelection()
    qtmodeltester.check(model)
