"""Template use cases: each edit is one transaction and positions stay contiguous."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import NotFoundError, ValidationError
from coachdesk.models import Exercise
from coachdesk.services import templates as svc


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


def names(db: Database, template_id: int, weekday: str) -> list[str]:
    day = svc.load_week(db, template_id).day(weekday)
    assert [s.position for s in day.slots] == list(range(len(day.slots)))
    return [s.exercise_name for s in day.slots]


@pytest.fixture
def week(db: Database) -> int:
    template_id = svc.create_template(db, "In-season 2x")
    for name in ("Nordic Curl", "ATG Split Squat", "Calf Raise"):
        svc.add_slot(db, template_id, "mon", exercise_id(db, name))
    return template_id


def test_a_new_template_has_seven_rest_days(db: Database) -> None:
    template_id = svc.create_template(db, "Empty week")
    view = svc.load_week(db, template_id)
    assert [d.weekday for d in view.days] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert all(d.is_rest_day for d in view.days)


def test_adding_at_a_position_inserts_there(db: Database, week: int) -> None:
    svc.add_slot(db, week, "mon", exercise_id(db, "Tibialis Raise"), position=1)
    assert names(db, week, "mon") == ["Nordic Curl", "Tibialis Raise", "ATG Split Squat",
                                      "Calf Raise"]


def test_unilateral_exercises_default_to_per_side(db: Database, week: int) -> None:
    split_squat = svc.load_week(db, week).day("mon").slots[1]
    nordic = svc.load_week(db, week).day("mon").slots[0]
    assert split_squat.fields.per_side is True
    assert nordic.fields.per_side is False
    assert nordic.fields.tempo  # eccentric work gets a slow lowering by default


def test_reorder_within_a_day_and_move_between_days(db: Database, week: int) -> None:
    calf = svc.load_week(db, week).day("mon").slots[2].id
    svc.move_slot(db, calf, "mon", 0)
    assert names(db, week, "mon") == ["Calf Raise", "Nordic Curl", "ATG Split Squat"]
    svc.move_slot(db, calf, "thu", 0)
    assert names(db, week, "mon") == ["Nordic Curl", "ATG Split Squat"]
    assert names(db, week, "thu") == ["Calf Raise"]


def test_copy_remove_and_restore(db: Database, week: int) -> None:
    nordic = svc.load_week(db, week).day("mon").slots[0].id
    copy_id = svc.copy_slot(db, nordic, "thu", None)
    assert names(db, week, "thu") == ["Nordic Curl"]
    removed = svc.remove_slot(db, nordic)
    assert names(db, week, "mon") == ["ATG Split Squat", "Calf Raise"]
    svc.restore_slot(db, removed)
    assert names(db, week, "mon") == ["Nordic Curl", "ATG Split Squat", "Calf Raise"]
    assert copy_id != nordic


def test_updating_a_slot_validates_and_returns_the_old_fields(db: Database, week: int) -> None:
    slot = svc.load_week(db, week).day("mon").slots[0]
    previous = svc.update_slot(db, slot.id, svc.SlotFields(sets=4, reps=6, intensity="heavy"))
    assert previous == slot.fields
    assert svc.load_week(db, week).slot(slot.id).fields.sets == 4
    with pytest.raises(ValidationError, match="at least 1"):
        svc.update_slot(db, slot.id, svc.SlotFields(sets=0))
    with pytest.raises(ValidationError, match="reps or a time"):
        svc.update_slot(db, slot.id, svc.SlotFields(sets=3, reps=None, seconds=None))
    assert svc.load_week(db, week).slot(slot.id).fields.sets == 4


def test_duplicate_copy_day_rename_and_delete(db: Database, week: int) -> None:
    svc.set_day_title(db, week, "mon", "Full body A")
    copy = svc.duplicate_template(db, week)
    assert names(db, copy, "mon") == names(db, week, "mon")
    assert svc.load_week(db, copy).day("mon").title == "Full body A"
    svc.copy_day(db, week, "mon", copy, "thu")
    assert names(db, copy, "thu") == ["Nordic Curl", "ATG Split Squat", "Calf Raise"]
    svc.rename_template(db, copy, "Off-season 3x")
    summaries = {s.name: s for s in svc.list_templates(db)}
    assert summaries["Off-season 3x"].sessions == 2
    assert summaries["Off-season 3x"].slots == 6
    svc.delete_template(db, copy)
    with pytest.raises(NotFoundError):
        svc.load_week(db, copy)
