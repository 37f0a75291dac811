"""Models refuse bad values with clear messages, and the database refuses them too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from coachdesk.db import Database
from coachdesk.errors import StorageError, ValidationError
from coachdesk.models import Client, Exercise, Program, Slot, Template
from coachdesk.vocab import Goal, Injury, Weekday


@contextmanager
def refused_by_the_database() -> Iterator[None]:
    """The unit of work turns the database's IntegrityError into a StorageError (naming it,
    without its text): the constraint itself must be what refused."""
    with pytest.raises(StorageError) as caught:
        yield
    assert issubclass(caught.value.database_error, IntegrityError)


def make_exercise(**overrides: object) -> Exercise:
    fields: dict[str, object] = {
        "name": "Test Lunge",
        "primary_muscles": ["quads", "glutes"],
        "pattern": "lunge",
        "laterality": "unilateral",
        "phase": "strength",
    }
    fields.update(overrides)
    return Exercise(**fields)


@pytest.mark.parametrize(
    ("build", "field", "words"),
    [
        (lambda: Client(name="  "), "name", "required"),
        (lambda: Client(name="Ana", email="ana.at.example.com"), "email", "not a valid e-mail"),
        (lambda: Client(name="Ana", email="ana@x.com\nBcc: x@y.z"), "email", "not a valid"),
        (lambda: Client(name="Ana", goal="fun run"), "goal", "not one of: race, hobby"),
        (lambda: Client(name="Ana", injuries=["bad_back"]), "injuries", "not one of"),
        (lambda: Client(name="Ana", key_run_days=["funday"]), "key_run_days", "not one of"),
        (lambda: make_exercise(primary_muscles=[]), "primary_muscles", "at least one prime"),
        (lambda: make_exercise(primary_muscles=["biceps"]), "primary_muscles", "not one of"),
        (lambda: make_exercise(secondary_muscles=["biceps"]), "secondary_muscles", "not one of"),
        (lambda: make_exercise(secondary_muscles=5), "secondary_muscles", "must be a list"),
        (lambda: make_exercise(pattern="twirl"), "pattern", "not one of: squat, hinge"),
        (lambda: make_exercise(pattern=None), "pattern", "required"),
        (lambda: make_exercise(impact="huge"), "impact", "not one of: none, low, high"),
        (lambda: make_exercise(external_load="heavy"), "external_load", "not one of"),
        (lambda: Client(name="Ana", injuries=5), "injuries", "must be a list"),
        (lambda: Client(name="Ana", season="summer"), "season", "not one of: off_season"),
        (lambda: Client(name="Ana", race_date="next May"), "race_date", "not a date"),
        (lambda: make_exercise(laterality="both"), "laterality", "not one of"),
        (lambda: make_exercise(video_url="ftp://x/y.mp4"), "video_url", "http(s) link"),
        (lambda: Slot(sets=0), "sets", "at least 1"),
        (lambda: Slot(sets=3, reps=-2), "reps", "at least 1"),
        (lambda: Slot(sets=True), "sets", "whole number"),
        (lambda: Slot(sets=3, side="middle"), "side", "not one of: left, right"),
        (lambda: Template(name=""), "name", "required"),
        (lambda: Program(name="Block", weeks=60), "weeks", "at most 52"),
    ],
)
def test_models_reject_bad_values_with_a_clear_message(build, field, words) -> None:
    with pytest.raises(ValidationError) as caught:
        build()
    assert caught.value.field == field
    assert words in caught.value.message


def test_valid_values_are_normalised() -> None:
    client = Client(
        name="  Ana Río ",
        email=" ana@example.com ",
        injuries=["shin_splints", "itbs", "shin_splints"],
        key_run_days=["sat", "tue"],
    )
    assert client.name == "Ana Río"
    assert client.email == "ana@example.com"
    assert client.injuries == [Injury.SHIN_SPLINTS, Injury.ITBS]
    assert client.key_run_days == [Weekday.TUE, Weekday.SAT]
    exercise = make_exercise(name="  Split   Squat ")
    assert exercise.name == "Split Squat"
    assert exercise.name_key == "split squat"


def test_cross_field_rules_of_an_exercise() -> None:
    with pytest.raises(ValidationError, match="power phase"):
        make_exercise(plyometric=True, phase="strength").check_consistency()
    with pytest.raises(ValidationError, match="core among its prime movers"):
        make_exercise(core_plane="anti_rotation", primary_muscles=["glutes"]).check_consistency()
    both = make_exercise(primary_muscles=["quads"], secondary_muscles=["quads", "glutes"])
    both.check_consistency()
    assert both.secondary_muscles == ["glutes"]  # a prime mover is not also an assistant


def test_exercise_names_are_unique_ignoring_case(db: Database) -> None:
    with refused_by_the_database(), db.write() as session:
        session.add(make_exercise(name="NORDIC curl"))


def test_database_check_constraints_hold_without_the_models(db: Database) -> None:
    with db.write() as session:
        template = Template.with_week("Week")
        session.add(template)
        session.flush()
        day_id = template.days[0].id
        exercise_id = session.scalar(select(Exercise.id).limit(1))
    insert = text(
        "INSERT INTO slot (day_id, exercise_id, position, sets, reps, per_side, tempo, "
        "load, notes) VALUES (:day, :ex, 0, :sets, 5, :per_side, '', '', '')"
    )
    for sets in (0, -3):
        with refused_by_the_database(), db.write() as session:
            values = {"day": day_id, "ex": exercise_id, "sets": sets, "per_side": False}
            session.execute(insert, values)
    with refused_by_the_database(), db.write() as session:
        session.execute(insert, {"day": day_id, "ex": 999_999, "sets": 3, "per_side": False})
    with refused_by_the_database(), db.write() as session:
        session.execute(text("INSERT INTO client (name, email, phone, goal, stage, key_run_days,"
                             " injuries, injury_notes, notes, archived, version, created_at,"
                             " updated_at) VALUES ('X', '', '', 'fun', 'strength', '[]', '[]',"
                             " '', '', false, 1, '2026-01-01', '2026-01-01')"))


def test_an_exercise_used_in_a_template_cannot_be_deleted(db: Database) -> None:
    with db.write() as session:
        exercise = session.scalars(select(Exercise).where(Exercise.name == "Nordic Curl")).one()
        template = Template.with_week("Week")
        template.days[0].slots.append(Slot(exercise=exercise, sets=3, reps=5, position=0))
        session.add(template)
    with refused_by_the_database(), db.write() as session:
        session.execute(text("DELETE FROM exercise WHERE name = 'Nordic Curl'"))


def test_a_program_keeps_its_frozen_week(db: Database) -> None:
    with db.write() as session:
        client = Client(name="Ana", goal=Goal.RACE)
        session.add(client)
        session.flush()
        program = Program(
            client=client, name="Block 1", start_date=date(2026, 12, 1), weeks=8,
            snapshot={"days": {"mon": [{"exercise": "Nordic Curl", "sets": 3}]}},
        )
        session.add(program)
    with db.read() as session:
        stored = session.scalars(select(Program)).one()
        assert stored.snapshot["days"]["mon"][0]["exercise"] == "Nordic Curl"
        assert stored.weeks == 8
        assert stored.status == "draft"
