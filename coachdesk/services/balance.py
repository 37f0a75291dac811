"""The one place that turns stored weeks, clients and exercises into the plain data the
balance checks read."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from coachdesk.checks import (
    CheckSettings,
    ClientProfile,
    Day,
    ExerciseInfo,
    Report,
    Slot,
    Week,
    evaluate,
)
from coachdesk.db import Database
from coachdesk.library.infos import exercise_info
from coachdesk.models import Client, Exercise
from coachdesk.services.templates import SlotView, WeekView
from coachdesk.vocab import (
    Goal,
    Injury,
    Intensity,
    RaceDistance,
    Season,
    Side,
    Stage,
    Weekday,
)


@dataclass(frozen=True)
class ClientChoice:
    id: int
    name: str
    profile: ClientProfile


@functools.lru_cache(maxsize=2048)
def _slot_exercise(name: str, muscles: tuple[str, ...], laterality: str, phase: str,
                   plyometric: bool, eccentric: bool, core_plane: str | None,
                   secondary: tuple[str, ...], pattern: str | None, impact: str | None,
                   external_load: str) -> ExerciseInfo:
    """A board's exercise as the checks see it, built once: the panel rechecks every edit."""
    return exercise_info(name, muscles, laterality, phase, plyometric, eccentric, core_plane,
                         secondary=secondary, pattern=pattern, impact=impact,
                         external_load=external_load)


def _slot(view: SlotView) -> Slot:
    fields = view.fields
    return Slot(
        exercise=_slot_exercise(view.exercise_name, view.muscles, view.laterality, view.phase,
                                view.plyometric, view.eccentric, view.core_plane,
                                view.secondary_muscles, view.pattern, view.impact,
                                view.external_load),
        sets=fields.sets,
        reps=fields.reps,
        seconds=fields.seconds,
        per_side=fields.per_side,
        side=Side(fields.side) if fields.side else None,
        intensity=Intensity(fields.intensity) if fields.intensity else None,
    )


def week_for_checks(week: WeekView) -> Week:
    return Week(
        days=tuple(
            Day(weekday=Weekday(d.weekday), title=d.title, slots=tuple(_slot(s) for s in d.slots),
                micro=d.micro)
            for d in week.days
        )
    )


def client_profile(client: Client) -> ClientProfile:
    return ClientProfile(
        name=client.name,
        goal=Goal(client.goal),
        race_distance=RaceDistance(client.race_distance) if client.race_distance else None,
        stage=Stage(client.stage),
        injuries=frozenset(Injury(i) for i in client.injuries),
        key_run_days=frozenset(Weekday(d) for d in client.key_run_days),
        season=Season(client.season),
        race_date=client.race_date,
    )


def client_choices(db: Database) -> list[ClientChoice]:
    with db.read() as session:
        clients = session.scalars(
            select(Client).where(Client.archived.is_(False)).order_by(Client.name)
        )
        return [ClientChoice(c.id, c.name, client_profile(c)) for c in clients]


def library_for_checks(db: Database) -> tuple[ExerciseInfo, ...]:
    with db.read() as session:
        exercises = session.scalars(select(Exercise).where(Exercise.archived.is_(False)))
        return tuple(
            exercise_info(e.name, e.primary_muscles, e.laterality, e.phase, e.plyometric,
                          e.eccentric, e.core_plane, tuple(e.aliases),
                          secondary=e.secondary_muscles, pattern=e.pattern, impact=e.impact,
                          external_load=e.external_load)
            for e in exercises
        )


def check_week(
    week: WeekView,
    client: ClientProfile | None = None,
    library: tuple[ExerciseInfo, ...] = (),
    settings: CheckSettings | None = None,
    today: date | None = None,
) -> Report:
    """Check a stored week; ``today`` (default: the real today) dates it for race rules."""
    return evaluate(week_for_checks(week), client, library, settings or CheckSettings(),
                    today or date.today())
