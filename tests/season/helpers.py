"""A runner, two templates and a season in a test database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients
from coachdesk.services import templates as tsvc
from coachdesk.vocab import Intensity

TODAY = date(2027, 1, 6)  # a Wednesday: seasons planned today start Monday 11 January
RACE = date(2027, 3, 20)  # Saturday of the season's tenth week


def exercise_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalars(select(Exercise.id).where(Exercise.name == name)).one()


def add_runner(db: Database, name: str = "Ana Runner", stage: str = "stability",
               race: date | None = RACE) -> int:
    return clients.create_client(db, clients.ClientData(
        name=name, email="ana@example.com", stage=stage, race_date=race,
        key_run_days=("tue", "sat")))


def template(db: Database, name: str, days: dict[str, list[tuple[str, Intensity | None]]]
             ) -> int:
    template_id = tsvc.create_template(db, name)
    for day, slots in days.items():
        for exercise, intensity in slots:
            tsvc.add_slot(db, template_id, day, exercise_id(db, exercise),
                          fields=tsvc.SlotFields(sets=3, reps=8, intensity=intensity))
    return template_id


def jump_week(db: Database) -> int:
    """Pogo hops on Monday and Thursday, a heavy goblet squat on Thursday."""
    return template(db, "Spring", {
        "mon": [("Pogo Hops", None), ("Dead Bug", None), ("ATG Split Squat", None)],
        "thu": [("Pogo Hops", None), ("Goblet Squat", Intensity.HEAVY), ("Dead Bug", None)],
    })
