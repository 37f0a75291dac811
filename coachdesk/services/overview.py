"""What is in a database, counted: for the status bar, backups and the about box."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.models import Client, Exercise, Program, Template


@dataclass(frozen=True)
class Counts:
    clients: int
    exercises: int
    templates: int
    programs: int

    def summary(self) -> str:
        return (
            f"{self.clients} clients · {self.exercises} exercises · "
            f"{self.templates} templates · {self.programs} programs"
        )


def count_records(db: Database) -> Counts:
    with db.read() as session:

        def count(model: type) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        return Counts(
            clients=count(Client),
            exercises=count(Exercise),
            templates=count(Template),
            programs=count(Program),
        )
