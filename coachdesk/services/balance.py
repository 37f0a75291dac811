"""The one place that turns stored weeks, clients and exercises into the plain data the
balance checks read."""

from __future__ import annotations

from dataclasses import dataclass

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
from coachdesk.models import Client, Exercise
from coachdesk.services.templates import SlotView, WeekView
from coachdesk.vocab import (
    CorePlane,
    Goal,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Phase,
    RaceDistance,
    Side,
    Stage,
    Weekday,
)


@dataclass(frozen=True)
class ClientChoice:
    id: int
    name: str
    profile: ClientProfile


def exercise_info(
    name: str, muscles: tuple[str, ...] | list[str], laterality: str, phase: str,
    plyometric: bool, eccentric: bool, core_plane: str | None, aliases: tuple[str, ...] = (),
) -> ExerciseInfo:
    return ExerciseInfo(
        name=name,
        muscles=frozenset(Muscle(m) for m in muscles),
        laterality=Laterality(laterality),
        phase=Phase(phase),
        plyometric=plyometric,
        eccentric=eccentric,
        core_plane=CorePlane(core_plane) if core_plane else None,
        aliases=tuple(aliases),
    )


def _slot(view: SlotView) -> Slot:
    fields = view.fields
    return Slot(
        exercise=exercise_info(view.exercise_name, view.muscles, view.laterality, view.phase,
                               view.plyometric, view.eccentric, view.core_plane),
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
            Day(weekday=Weekday(d.weekday), title=d.title, slots=tuple(_slot(s) for s in d.slots))
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
            exercise_info(e.name, e.muscles, e.laterality, e.phase, e.plyometric, e.eccentric,
                          e.core_plane, tuple(e.aliases))
            for e in exercises
        )


def check_week(
    week: WeekView,
    client: ClientProfile | None = None,
    library: tuple[ExerciseInfo, ...] = (),
    settings: CheckSettings | None = None,
) -> Report:
    return evaluate(week_for_checks(week), client, library, settings or CheckSettings())
