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
