"""Programs keep a frozen week: later template edits never rewrite what the client got."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import ValidationError
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


@pytest.fixture
def setup(db: Database) -> tuple[int, int]:
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    template_id = tpl.create_template(db, "Race week")
    tpl.add_slot(db, template_id, "mon", exercise_id(db, "Nordic Curl"))
    tpl.set_day_title(db, template_id, "mon", "Full body A")
    return client_id, template_id


def test_assigning_freezes_the_week_and_the_demo_material(db: Database, setup) -> None:
    client_id, template_id = setup
    program_id = programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 8)
    tpl.add_slot(db, template_id, "mon", exercise_id(db, "Calf Raise"))
    tpl.rename_template(db, template_id, "Changed later")
    row, week, material = programs.program_week(db, program_id)
    assert row.name == "Race week"
    assert row.end_date == date(2027, 1, 31)
    assert [s.exercise for s in week.days["mon"]] == ["Nordic Curl"]
    assert week.day_titles["mon"] == "Full body A"
    assert "### Setup" in material["Nordic Curl"]["notes"]
    assert row.status == "draft"


def test_an_empty_template_cannot_be_assigned(db: Database, setup) -> None:
    client_id, _ = setup
    empty = tpl.create_template(db, "Empty")
    with pytest.raises(ValidationError, match="no exercises"):
        programs.assign_program(db, empty, client_id, date(2026, 12, 7), 4)


def test_status_follows_export_and_email(db: Database, setup) -> None:
    client_id, template_id = setup
    program_id = programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 4)
    programs.mark_exported(db, program_id)
    assert programs.list_programs(db, client_id)[0].status == "exported"
    programs.mark_emailed(db, program_id)
    row = programs.list_programs(db)[0]
    assert row.status == "emailed" and row.emailed_at is not None and row.exported_at is not None
    assert clients.list_clients(db)[0].last_sent is not None


def test_progression_is_stored_and_the_deload_week_checked(db: Database, setup) -> None:
    client_id, template_id = setup
    program_id = programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 6)
    rules = {"slots": {"mon:0": {"kind": "add_reps", "step": 1}}, "deload_week": 4}
    programs.set_progression(db, program_id, rules)
    assert programs.program_progression(db, program_id) == rules
    with pytest.raises(ValidationError, match="week from 1 to 6"):
        programs.set_progression(db, program_id, {"deload_week": 9})


def loaded_program(db: Database, client_id: int, template_id: int, load: str = "") -> int:
    """Monday: Nordic Curl (bodyweight), then Calf Raise (external) with ``load``."""
    tpl.add_slot(db, template_id, "mon", exercise_id(db, "Calf Raise"),
                 fields=tpl.SlotFields(sets=3, reps=15, load=load))
    return programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 8)


def test_the_snapshot_keeps_each_exercises_load_type(db: Database, setup) -> None:
    program_id = loaded_program(db, *setup, load="20 kg")
    _row, _week, material = programs.program_week(db, program_id)
    assert material["Nordic Curl"]["load_type"] == "bodyweight"
    assert material["Calf Raise"]["load_type"] == "external"


def test_add_load_on_a_bodyweight_exercise_is_refused(db: Database, setup) -> None:
    program_id = loaded_program(db, *setup, load="20 kg")
    with pytest.raises(ValidationError) as caught:
        programs.set_progression(db, program_id, {"slots": {"mon:0": {
            "kind": "add_load", "step": 2.5, "units": "kg"}}, "deload_week": 4})
    assert caught.value.field == "kind" and caught.value.slot == "mon:0"
    assert "Nordic Curl" in str(caught.value) and "bodyweight" in caught.value.message
    assert all(w in caught.value.message for w in ("add reps", "tempo", "hold time"))
    assert programs.program_progression(db, program_id) == {}  # nothing was stored


def test_an_old_snapshot_without_load_types_is_checked_against_the_library(
        db: Database, setup) -> None:
    from coachdesk.models import Program

    program_id = loaded_program(db, *setup, load="20 kg")
    with db.write() as session:
        program = session.get(Program, program_id)
        snapshot = dict(program.snapshot)
        snapshot["exercises"] = {name: {k: v for k, v in info.items() if k != "load_type"}
                                 for name, info in snapshot["exercises"].items()}
        program.snapshot = snapshot
    with pytest.raises(ValidationError) as caught:
        programs.set_progression(db, program_id, {"slots": {"mon:0": {
            "kind": "add_load", "step": 2.5}}})
    assert caught.value.field == "kind"


def test_add_load_needs_a_numeric_starting_load(db: Database, setup) -> None:
    program_id = loaded_program(db, *setup, load="")
    with pytest.raises(ValidationError) as caught:
        programs.set_progression(db, program_id, {"slots": {"mon:1": {
            "kind": "add_load", "step": 2.5}}})
    assert caught.value.field == "load" and caught.value.slot == "mon:1"
    assert "give a starting load such as 20 kg" in caught.value.message


def test_add_load_with_a_starting_load_is_stored(db: Database, setup) -> None:
    program_id = loaded_program(db, *setup, load="20 kg")
    rules = {"slots": {"mon:0": {"kind": "add_reps", "step": 1},
                       "mon:1": {"kind": "add_load", "step": 2.5}}, "deload_week": 4}
    programs.set_progression(db, program_id, rules)
    assert programs.program_progression(db, program_id) == rules


@pytest.mark.parametrize("units", ["kg", "lb"])
def test_the_pdf_prints_a_unitless_load_in_the_coachs_unit(db: Database, setup, tmp_path,
                                                           units) -> None:
    from coachdesk.services import brand
    from coachdesk.services import export as export_svc

    program_id = loaded_program(db, *setup, load="20")
    brand.save_brand(db, brand.BrandData(units=units))
    programs.set_progression(db, program_id, {"slots": {"mon:1": {"kind": "add_load",
                                                                  "step": 5}}})
    document = export_svc.program_document(db, program_id)
    calf = document.training_days[0].slots[1]
    assert [w.load for w in calf.weeks[:3]] == [f"20 {units}", f"25 {units}", f"30 {units}"]


def test_the_stored_parts_are_read_through_the_typed_plan(db: Database, setup) -> None:
    from coachdesk.plan import SNAPSHOT_VERSION, SlotKey
    from coachdesk.vocab import Weekday

    program_id = loaded_program(db, *setup, load="20 kg")
    programs.set_progression(db, program_id, {"slots": {"mon:1": {"kind": "add_load",
                                                                  "step": 2.5}},
                                              "deload_week": None})
    row, plan = programs.program_plan(db, program_id)
    assert (plan.weeks, plan.start_date) == (row.weeks, row.start_date) == (8, date(2026, 12, 7))
    assert plan.rule(SlotKey(Weekday.MON, 1)).step == 2.5 and plan.deload_week is None
    assert plan.snapshot_json()["version"] == SNAPSHOT_VERSION
    # Empty parts are not stored: the progression is exactly what matters.
    assert programs.program_progression(db, program_id) == {
        "slots": {"mon:1": {"kind": "add_load", "step": 2.5}}}


def test_a_snapshot_from_a_newer_coachdesk_is_refused_clearly(db: Database, setup) -> None:
    from coachdesk.models import Program

    program_id = programs.assign_program(db, setup[1], setup[0], date(2026, 12, 7), 4)
    with db.write() as session:
        program = session.get(Program, program_id)
        program.snapshot = {**program.snapshot, "version": 7}
    with pytest.raises(ValidationError) as caught:
        programs.program_week(db, program_id)
    assert "version 7" in caught.value.message and "reads version 1" in caught.value.message
    assert f"program {program_id}" in caught.value.message


def test_a_rule_for_a_slot_the_week_lacks_is_refused(db: Database, setup) -> None:
    program_id = programs.assign_program(db, setup[1], setup[0], date(2026, 12, 7), 4)
    with pytest.raises(ValidationError, match="tue:0 is not a slot") as caught:
        programs.set_progression(db, program_id, {"slots": {"tue:0": {"kind": "add_reps",
                                                                      "step": 1}}})
    assert caught.value.field == "slots"
    with pytest.raises(ValidationError) as bad_key:
        programs.set_progression(db, program_id, {"slots": {"monday": {"kind": "none"}}})
    assert bad_key.value.field == "slot"
    assert programs.program_progression(db, program_id) == {}
