"""The roster's rows as plain data (no database layer), so the first screen can show the
roster before SQLAlchemy has even loaded (:mod:`coachdesk.first_screen`)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from coachdesk.vocab import Goal, Season, Stage

LIMITS = {"name": 200, "email": 254, "phone": 60}
"""How many characters each one-line field holds (the client table's column lengths; a
test keeps them equal); the form stops typing there."""


@dataclass(frozen=True)
class ClientData:
    """A client's editable fields, as the form edits them."""

    name: str = ""
    email: str = ""
    phone: str = ""
    goal: str = Goal.RACE.value
    race_distance: str | None = None
    stage: str = Stage.STABILITY.value
    season: str = Season.OFF_SEASON.value
    race_date: date | None = None
    key_run_days: tuple[str, ...] = ()
    injuries: tuple[str, ...] = ()
    injury_notes: str = ""
    notes: str = ""

    def with_changes(self, **changes: Any) -> ClientData:
        return replace(self, **changes)


EDITABLE = tuple(f.name for f in fields(ClientData))


@dataclass(frozen=True)
class ClientRow:
    id: int
    data: ClientData
    archived: bool
    version: int
    programs: int
    last_sent: datetime | None
    updated_at: datetime | None

    @property
    def name(self) -> str:
        return self.data.name


@dataclass(frozen=True)
class ProgramHistoryRow:
    id: int
    name: str
    start_date: date
    weeks: int
    status: str
    exported_at: datetime | None
    emailed_at: datetime | None
