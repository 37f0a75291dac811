"""A new slot's numbers come from coachdesk.prescriptions, with the coach's settings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import settings as settings_svc
from coachdesk.services import templates as svc


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


@pytest.mark.parametrize(("name", "expected"), [
    ("Front Plank", {"sets": 3, "reps": None, "seconds": 30, "rest_s": 45}),
    ("Side Plank", {"seconds": 30, "per_side": True}),
    ("Nordic Curl", {"sets": 3, "reps": 5, "tempo": "4-0-1-0", "rest_s": 90}),
    ("Pogo Hops", {"sets": 3, "reps": 6, "rest_s": 90, "intensity": "moderate"}),
    ("Goblet Squat", {"sets": 3, "reps": 8, "rest_s": 75, "intensity": "moderate"}),
])
def test_default_fields_follow_the_movement(db: Database, name, expected) -> None:
    fields = svc.default_fields(db, exercise_id(db, name)).as_dict()
    assert {k: fields[k] for k in expected} == expected


def test_added_slots_take_the_coachs_default_sets_and_rest(db: Database) -> None:
    settings = settings_svc.load_settings(db)
    settings_svc.save_settings(db, replace(settings, default_sets=5, default_rest_s=120))
    template_id = svc.create_template(db, "Week")
    svc.add_slot(db, template_id, "mon", exercise_id(db, "Goblet Squat"))
    svc.add_slot(db, template_id, "mon", exercise_id(db, "Nordic Curl"))
    squat, nordic = (s.fields for s in svc.load_week(db, template_id).day("mon").slots)
    assert (squat.sets, squat.rest_s) == (5, 120)
    assert (nordic.sets, nordic.reps, nordic.rest_s) == (3, 5, 90)
