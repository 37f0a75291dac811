"""The board's week reads exercise tags through a cache keyed by (id, version): every
change to an exercise, on this desk or another, a restore included, shows on the next load."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from coachdesk.db import Database, connect
from coachdesk.models import Exercise
from coachdesk.services import backup
from coachdesk.services import library as library_svc
from coachdesk.services import templates as svc


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


def monday_slot(db: Database, template_id: int) -> svc.SlotView:
    return svc.load_week(db, template_id).day("mon").slots[0]


@pytest.fixture
def week(db: Database) -> int:
    template_id = svc.create_template(db, "Week")
    svc.add_slot(db, template_id, "mon", exercise_id(db, "Nordic Curl"))
    return template_id


def retag(db: Database, current: str, **changes: object) -> None:
    row = library_svc.get_exercise(db, exercise_id(db, current))
    library_svc.update_exercise(db, row.id, replace(row.data, **changes))


def test_an_edit_on_this_desk_shows_on_the_next_load(db, week) -> None:
    assert monday_slot(db, week).exercise_name == "Nordic Curl"  # now cached
    retag(db, "Nordic Curl", name="Nordic Hamstring Curl", laterality="unilateral")
    slot = monday_slot(db, week)
    assert (slot.exercise_name, slot.laterality) == ("Nordic Hamstring Curl", "unilateral")


def test_an_edit_on_another_desk_shows_on_the_next_load(db, week) -> None:
    other = connect(db.url)
    try:
        assert monday_slot(db, week).pattern == "knee_flexion"
        assert monday_slot(other, week).pattern == "knee_flexion"
        retag(other, "Nordic Curl", pattern="squat", primary_muscles=["quads"])
        slot = monday_slot(db, week)
        assert (slot.pattern, slot.muscles) == ("squat", ("quads",))
    finally:
        other.dispose()


@pytest.mark.sqlite_only
def test_a_restore_is_not_hidden_by_the_cache(db, week, tmp_path) -> None:
    before = backup.backup_now(db, tmp_path)
    retag(db, "Nordic Curl", name="Edited Curl")
    assert monday_slot(db, week).exercise_name == "Edited Curl"
    backup.restore_backup(db, before, tmp_path / "safety")
    assert monday_slot(db, week).exercise_name == "Nordic Curl"


def test_appending_keeps_positions_whole_and_marks_the_template_changed(db, week) -> None:
    stamp = svc.list_templates(db)[0].updated_at
    squat = exercise_id(db, "ATG Split Squat")
    svc.add_slots(db, week, "mon", [squat, squat])
    svc.add_slots(db, week, "tue", [squat])  # an empty day
    loaded = svc.load_week(db, week)
    assert [s.position for s in loaded.day("mon").slots] == [0, 1, 2]
    assert [s.position for s in loaded.day("tue").slots] == [0]
    assert svc.list_templates(db)[0].updated_at > stamp


def test_the_week_reads_slot_columns_in_the_prescriptions_field_order() -> None:
    """load_week builds SlotFields positionally from SLOT_FIELDS."""
    from dataclasses import fields

    assert tuple(f.name for f in fields(svc.SlotFields)) == svc.SLOT_FIELDS


def test_adding_an_exercise_that_no_longer_exists_is_refused(db, week) -> None:
    from coachdesk.errors import NotFoundError

    with pytest.raises(NotFoundError):
        svc.add_slots(db, week, "mon", [exercise_id(db, "Nordic Curl"), 999_999])
    assert len(svc.load_week(db, week).day("mon").slots) == 1


def test_an_exercise_made_again_under_a_reused_id_is_not_taken_from_the_cache(db) -> None:
    """SQLite gives a new row the highest free id again, and a new row starts at version
    1: the cache must still tell the two exercises apart."""
    base = library_svc.get_exercise(db, exercise_id(db, "Dead Bug")).data
    first = library_svc.create_exercise(db, replace(base, name="Hollow Hold One",
                                                    aliases=()))
    template_id = svc.create_template(db, "Reuse")
    svc.add_slot(db, template_id, "mon", first)
    assert monday_slot(db, template_id).exercise_name == "Hollow Hold One"
    svc.delete_template(db, template_id)
    library_svc.delete_exercise(db, first)
    second = library_svc.create_exercise(db, replace(base, name="Hollow Hold Two",
                                                     aliases=()))
    template_id = svc.create_template(db, "Reuse again")
    svc.add_slot(db, template_id, "mon", second)
    assert monday_slot(db, template_id).exercise_name == "Hollow Hold Two"
