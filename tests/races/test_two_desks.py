"""Two coaches, two desks, one database (SQLite and PostgreSQL): every record either can
edit keeps both coaches' changes, and a field both changed is refused, never silently
reverted. Desk B is a second engine on the same database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from coachdesk.db import Database, connect
from coachdesk.errors import StaleEditError
from coachdesk.models import Exercise
from coachdesk.services import brand as brand_svc
from coachdesk.services import clients, programs
from coachdesk.services import settings as settings_svc
from coachdesk.services import templates as svc
from coachdesk.ui.builder import commands as cmd
from coachdesk.ui.builder.document import WeekDocument


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    desk = connect(db.url)
    yield desk
    desk.dispose()


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


@pytest.fixture
def week(db: Database) -> tuple[int, int]:
    """A template with Nordic curls (3 × 8) on Monday; returns (template id, slot id)."""
    template_id = svc.create_template(db, "Race week")
    slot_id = svc.add_slot(db, template_id, "mon", exercise_id(db, "Nordic Curl"),
                           fields=svc.SlotFields(sets=3, reps=8))
    svc.add_slot(db, template_id, "mon", exercise_id(db, "ATG Split Squat"))
    return template_id, slot_id


def slot_fields(db: Database, template_id: int, slot_id: int) -> svc.SlotFields:
    return svc.load_week(db, template_id).slot(slot_id).fields


def test_a_stale_slot_edit_keeps_the_other_desks_change(db, other, week) -> None:
    template_id, slot_id = week
    seen_by_a = slot_fields(db, template_id, slot_id)
    seen_by_b = slot_fields(other, template_id, slot_id)
    svc.update_slot(other, slot_id, replace(seen_by_b, sets=5), expected=seen_by_b)
    svc.update_slot(db, slot_id, replace(seen_by_a, reps=12), expected=seen_by_a)
    stored = slot_fields(db, template_id, slot_id)
    assert (stored.sets, stored.reps) == (5, 12)  # both coaches' changes


def test_the_same_field_changed_on_two_desks_is_refused(db, other, week) -> None:
    template_id, slot_id = week
    seen_by_a = slot_fields(db, template_id, slot_id)
    svc.update_slot(other, slot_id, replace(seen_by_a, sets=5), expected=seen_by_a)
    with pytest.raises(StaleEditError) as refused:
        svc.update_slot(db, slot_id, replace(seen_by_a, sets=4), expected=seen_by_a)
    assert refused.value.fields == ("sets",) and "another desk" in str(refused.value)
    assert slot_fields(db, template_id, slot_id).sets == 5


def test_removing_a_slot_another_desk_just_edited_is_refused(db, other, week) -> None:
    template_id, slot_id = week
    seen_by_a = slot_fields(db, template_id, slot_id)
    svc.update_slot(other, slot_id, replace(seen_by_a, load="10 kg"), expected=seen_by_a)
    with pytest.raises(StaleEditError):
        svc.remove_slot(db, slot_id, expected=seen_by_a)
    assert slot_fields(db, template_id, slot_id).load == "10 kg"


def test_a_day_title_renamed_on_another_desk_is_not_overwritten(db, other, week) -> None:
    template_id, _slot = week
    svc.set_day_title(other, template_id, "mon", "Heavy legs", expected="")
    with pytest.raises(StaleEditError):
        svc.set_day_title(db, template_id, "mon", "Full body A", expected="")
    assert svc.load_week(db, template_id).day("mon").title == "Heavy legs"


def test_undo_keeps_the_other_desks_later_edits(db, other, week, qapp) -> None:
    """Desk A raises the reps; desk B then sets a load and renames Monday; A's undo takes
    back A's reps and nothing of B's."""
    template_id, slot_id = week
    document, stack = WeekDocument(db, template_id), QUndoStack()
    stack.push(cmd.UpdateSlotCommand(document, slot_id,
                                     replace(document.slot(slot_id).fields, reps=12)))
    seen_by_b = slot_fields(other, template_id, slot_id)
    svc.update_slot(other, slot_id, replace(seen_by_b, load="10 kg"), expected=seen_by_b)
    svc.set_day_title(other, template_id, "mon", "Heavy legs", expected="")
    stack.undo()
    stored = slot_fields(db, template_id, slot_id)
    assert (stored.reps, stored.load) == (8, "10 kg")
    assert svc.load_week(db, template_id).day("mon").title == "Heavy legs"


def test_undo_refuses_to_overwrite_a_newer_edit_and_says_so(db, other, week, qapp) -> None:
    template_id, slot_id = week
    document, stack = WeekDocument(db, template_id), QUndoStack()
    messages: list[str] = []
    document.edit_failed.connect(messages.append)
    stack.push(cmd.UpdateSlotCommand(document, slot_id,
                                     replace(document.slot(slot_id).fields, reps=12)))
    stack.push(cmd.SetDayTitleCommand(document, "mon", "Full body A"))
    seen_by_b = slot_fields(other, template_id, slot_id)
    svc.update_slot(other, slot_id, replace(seen_by_b, reps=10), expected=seen_by_b)
    svc.set_day_title(other, template_id, "mon", "Heavy legs", expected="Full body A")
    stack.undo()  # the title: B renamed it since
    stack.undo()  # the reps: B changed them since
    assert len(messages) == 2 and all("another desk" in m for m in messages)
    assert slot_fields(db, template_id, slot_id).reps == 10
    assert svc.load_week(db, template_id).day("mon").title == "Heavy legs"


def test_two_desks_hammering_one_slot_lose_no_update(db, other, week) -> None:
    """Each desk reads, changes its own field and saves with what it read, 20 times, at the
    same time: every increment arrives (the row is locked between check and write)."""
    template_id, slot_id = week
    errors: list[BaseException] = []

    def bump(desk: Database, field: str) -> None:
        try:
            for _ in range(20):
                seen = slot_fields(desk, template_id, slot_id)
                svc.update_slot(desk, slot_id,
                                replace(seen, **{field: getattr(seen, field) + 1}),
                                expected=seen)
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=bump, args=(db, "sets")),
               threading.Thread(target=bump, args=(other, "reps"))]
    before = slot_fields(db, template_id, slot_id)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    after = slot_fields(db, template_id, slot_id)
    assert (after.sets, after.reps) == (before.sets + 20, before.reps + 20)


@pytest.fixture
def program_id(db: Database, week: tuple[int, int]) -> int:
    from datetime import date

    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    return programs.assign_program(db, week[0], client_id, date(2027, 1, 4), 8)


def test_progression_saved_on_two_desks_keeps_both(db, other, program_id) -> None:
    loaded_a = programs.program_progression(db, program_id)
    loaded_b = programs.program_progression(other, program_id)
    programs.set_progression(other, program_id, {**loaded_b, "deload_week": 4},
                             expected=loaded_b)
    mine = {**loaded_a, "slots": {"mon:0": {"kind": "add_reps", "step": 1}}}
    programs.set_progression(db, program_id, mine, expected=loaded_a)
    stored = programs.program_progression(db, program_id)
    assert stored["deload_week"] == 4 and stored["slots"]["mon:0"]["kind"] == "add_reps"
    with pytest.raises(StaleEditError):
        programs.set_progression(db, program_id, {**loaded_a, "deload_week": 6},
                                 expected=loaded_a)
    assert programs.program_progression(db, program_id)["deload_week"] == 4
    programs.set_progression(db, program_id, {**loaded_a, "deload_week": 6},
                             expected=loaded_a, keep_mine=True)
    stored = programs.program_progression(db, program_id)
    assert stored["deload_week"] == 6 and stored["slots"]["mon:0"]["kind"] == "add_reps"


def test_settings_saved_on_two_desks_keep_both(db, other) -> None:
    loaded_a = settings_svc.load_settings(db)
    loaded_b = settings_svc.load_settings(other)
    settings_svc.save_settings(other, loaded_b.with_changes(default_sets=4),
                               expected=loaded_b)
    settings_svc.save_settings(db, loaded_a.with_changes(week_start="sun"), expected=loaded_a)
    stored = settings_svc.load_settings(db)
    assert (stored.default_sets, stored.week_start) == (4, "sun")
    with pytest.raises(StaleEditError) as refused:
        settings_svc.save_settings(db, loaded_a.with_changes(default_sets=5),
                                   expected=loaded_a)
    assert refused.value.fields == ("default_sets",)
    assert settings_svc.load_settings(db).default_sets == 4


def test_the_brand_saved_on_two_desks_keeps_both(db, other) -> None:
    loaded_a, loaded_b = brand_svc.get_brand(db), brand_svc.get_brand(other)
    brand_svc.save_brand(other, loaded_b.with_changes(business_name="Run Strong"),
                         expected=loaded_b)
    brand_svc.save_brand(db, loaded_a.with_changes(units="lb"), expected=loaded_a)
    stored = brand_svc.get_brand(db)
    assert (stored.business_name, stored.units) == ("Run Strong", "lb")
    with pytest.raises(StaleEditError):
        brand_svc.save_brand(db, loaded_a.with_changes(business_name="Stride"),
                             expected=loaded_a)
    assert brand_svc.get_brand(db).business_name == "Run Strong"


def test_a_template_renamed_on_two_desks_is_refused_not_overwritten(db, other, week) -> None:
    template_id, _slot = week
    seen_by_a = svc.load_week(db, template_id).name
    seen_by_b = svc.load_week(other, template_id).name
    svc.rename_template(other, template_id, "Marathon build", expected=seen_by_b)
    with pytest.raises(StaleEditError) as refused:
        svc.rename_template(db, template_id, "Taper week", expected=seen_by_a)
    assert refused.value.fields == ("name",)
    assert svc.load_week(db, template_id).name == "Marathon build"
    svc.rename_template(db, template_id, "Marathon build", expected=seen_by_a)  # same: fine
    svc.set_template_notes(other, template_id, "Hills on Thursday", expected="")
    with pytest.raises(StaleEditError):
        svc.set_template_notes(db, template_id, "Flat only", expected="")
    assert svc.load_week(db, template_id).notes == "Hills on Thursday"


def test_a_superset_regrouped_on_another_desk_is_refused(db, other, week) -> None:
    template_id, slot_id = week
    monday = svc.load_week(db, template_id).day("mon").slots
    second = next(s.id for s in monday if s.id != slot_id)
    svc.set_groups(other, [(slot_id, 1, None), (second, 1, None)])  # B pairs them: A1/A2
    with pytest.raises(StaleEditError) as refused:
        svc.set_groups(db, [(slot_id, 2, None)])  # A still saw them apart
    assert refused.value.fields == ("group",)
    blocks = {s.id: s.block for s in svc.load_week(db, template_id).day("mon").slots}
    assert blocks == {slot_id: "A1", second: "A2"}  # B's superset stands
