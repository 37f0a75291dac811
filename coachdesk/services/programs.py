"""Programs: a template assigned to a client for some weeks, frozen at assignment.

The snapshot holds the week in the ``.coachdesk.json`` shape plus each exercise's
demonstration material, so later edits of the template or the library never rewrite what
the client was sent. The stored snapshot and progression are read and written only through
:class:`coachdesk.plan.ProgramPlan`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import ValidationError
from coachdesk.formats.template_file import TemplateFile
from coachdesk.merge import merge_edit
from coachdesk.models import Client, Exercise, Program, name_key
from coachdesk.plan import ProgramPlan, Progression, SlotKey, WeekOverride, slot_entries
from coachdesk.progression import WeekPrescription
from coachdesk.services.records import found as found_record
from coachdesk.services.records import get_or_raise
from coachdesk.services.template_files import template_to_file
from coachdesk.vocab import ProgramStatus


@dataclass(frozen=True)
class ProgramRow:
    id: int
    client_id: int
    client_name: str
    name: str
    start_date: date
    weeks: int
    status: str
    exported_at: datetime | None
    emailed_at: datetime | None

    @property
    def end_date(self) -> date:
        return self.start_date + timedelta(weeks=self.weeks) - timedelta(days=1)


def start_date_warning(start_date: date, today: date | None = None) -> str | None:
    """A word for the coach when a program starts in the past (allowed: a program entered
    after the fact), else None."""
    today = today or date.today()
    if start_date >= today:
        return None
    days = (today - start_date).days
    return (f"This program starts {days} day{'s' if days != 1 else ''} ago "
            f"({start_date.isoformat()}), in the past: its first weeks are already over.")


def _row(program: Program, client_name: str) -> ProgramRow:
    return ProgramRow(program.id, program.client_id, client_name, program.name,
                      program.start_date, program.weeks, str(program.status),
                      program.exported_at, program.emailed_at)


def exercise_material(db: Database, names: set[str]) -> dict[str, dict[str, Any]]:
    """Demonstration material of the named exercises, keyed by exercise name."""
    keys = {name_key(n): n for n in names}
    with db.read() as session:
        rows = session.scalars(select(Exercise).where(Exercise.name_key.in_(list(keys))))
        return {
            keys[e.name_key]: {
                "notes": e.notes, "image_path": e.image_path, "video_url": e.video_url,
                "muscles": list(e.primary_muscles), "laterality": str(e.laterality),
                **_load_kind(e),
            }
            for e in rows
        }


def _load_kind(exercise: Exercise) -> dict[str, str]:
    """How the exercise is loaded; progression reads it to refuse load steps on bodyweight."""
    return {"load_type": str(exercise.load_type), "external_load": str(exercise.external_load)}


def _stored_plan(program: Program) -> ProgramPlan:
    return ProgramPlan.from_stored(program.snapshot, program.progression, program.weeks,
                                   program.start_date, f"program {program.id}")


def _with_load_kinds(db: Database, plan: ProgramPlan) -> ProgramPlan:
    """The plan with each exercise's load type in its material (read from the library for
    programs frozen before the snapshot kept it)."""
    material = {name: dict(info) for name, info in plan.exercises.items()}
    missing = {name for name, info in material.items()
               if "load_type" not in info and "external_load" not in info}
    missing |= {entry.exercise for _key, entry in slot_entries(plan.week)} - set(material)
    for name, info in (exercise_material(db, missing) if missing else {}).items():
        kinds = {k: v for k, v in info.items() if k in ("load_type", "external_load")}
        material[name] = {**material.get(name, {}), **kinds}
    return replace(plan, exercises=material)


def slot_material(db: Database, program_id: int) -> tuple[ProgramRow, TemplateFile,
                                                          dict[str, Any]]:
    """:func:`program_week` with each exercise's load type in its material."""
    row, plan = program_plan(db, program_id)
    plan = _with_load_kinds(db, plan)
    return row, plan.week, {name: dict(info) for name, info in plan.exercises.items()}


def assign_program(db: Database, template_id: int, client_id: int, start_date: date,
                   weeks: int, name: str | None = None) -> int:
    week_file = template_to_file(db, template_id)
    if not any(week_file.days.values()):
        raise ValidationError("template", "the template has no exercises yet")
    used = {slot.exercise for slots in week_file.days.values() for slot in slots}
    material = exercise_material(db, used)
    with db.write() as session:
        get_or_raise(session, Client, client_id, "client")  # still on the roster
        program = Program(client_id=client_id, template_id=template_id,
                          name=name or week_file.name, start_date=start_date, weeks=weeks)
        plan = ProgramPlan(week_file, material, program.weeks, program.start_date)
        program.snapshot = plan.snapshot_json()
        program.progression = plan.progression_json()
        session.add(program)
        session.flush()
        return program.id


def list_programs(db: Database, client_id: int | None = None) -> list[ProgramRow]:
    with db.read() as session:
        query = (select(Program, Client.name).join(Client, Client.id == Program.client_id)
                 .order_by(Client.name, Program.start_date.desc(), Program.id.desc()))
        if client_id is not None:
            query = query.where(Program.client_id == client_id)
        return [_row(p, client_name) for p, client_name in session.execute(query)]


def program_plan(db: Database, program_id: int) -> tuple[ProgramRow, ProgramPlan]:
    """(row, typed plan) of a program."""
    with db.read() as session:
        row = session.execute(
            select(Program, Client.name).join(Client, Client.id == Program.client_id)
            .where(Program.id == program_id)
        ).one_or_none()
        program, client_name = found_record(row, "program", program_id)
        return _row(program, client_name), _stored_plan(program)


def program_week(db: Database, program_id: int) -> tuple[ProgramRow, TemplateFile,
                                                         dict[str, Any]]:
    """(row, frozen TemplateFile, exercise material) of a program."""
    row, plan = program_plan(db, program_id)
    return row, plan.week, {name: dict(info) for name, info in plan.exercises.items()}


def program_progression(db: Database, program_id: int) -> dict[str, Any]:
    """The stored progression: ``{"slots": {"mon:0": rule}, "deload_week": 4}``, without
    what is empty (``{}`` for none)."""
    return program_plan(db, program_id)[1].progression_json()


def set_progression(db: Database, program_id: int, progression: Mapping[str, Any],
                    expected: Mapping[str, Any] | None = None, keep_mine: bool = False) -> None:
    """Store per-slot progression rules (keyed ``"mon:0"``) and the deload week, each rule
    checked against its slot (see :meth:`ProgramPlan.check_rules`).

    With ``expected`` (the rules as this desk loaded them) only this desk's changes are
    written over whatever another desk saved meanwhile; a rule both changed raises
    :class:`StaleEditError` and nothing is written."""
    from coachdesk.services.brand import get_brand

    plan = _with_load_kinds(db, program_plan(db, program_id)[1])
    units = get_brand(db).units
    mine = plan.with_progression_json(progression, units)
    with db.write() as session:
        program = get_or_raise(session, Program, program_id, "program", for_update=True)
        if expected is not None:
            merged = merge_edit(Progression.from_json(expected).to_json(),
                                mine.progression_json(), _stored_plan(program).progression_json(),
                                f"The progression of “{program.name}”", keep_mine)
            mine = plan.with_progression_json(merged, units)
        program.progression = mine.progression_json()


def mark_exported(db: Database, program_id: int, when: datetime | None = None) -> None:
    with db.write() as session:
        program = get_or_raise(session, Program, program_id, "program")
        program.exported_at = when or datetime.now(UTC)
        if program.status == ProgramStatus.DRAFT:
            program.status = ProgramStatus.EXPORTED


def mark_emailed(db: Database, program_id: int, when: datetime | None = None) -> None:
    with db.write() as session:
        program = get_or_raise(session, Program, program_id, "program")
        program.emailed_at = when or datetime.now(UTC)
        program.status = ProgramStatus.EMAILED


def delete_program(db: Database, program_id: int) -> None:
    with db.write() as session:
        program = session.get(Program, program_id)
        if program is not None:
            session.delete(program)


@dataclass(frozen=True)
class SlotWeeks:
    """One slot as the program prints it: every week's numbers, and which weeks the coach
    set by hand."""

    key: str
    weekday: str
    exercise: str
    weeks: tuple[WeekPrescription, ...]
    overridden: frozenset[int]


@dataclass(frozen=True)
class ProgramView:
    row: ProgramRow
    week_starts: tuple[date, ...]
    deload_week: int | None
    slots: tuple[SlotWeeks, ...]
    key_run_days: tuple[str, ...]
    race_date: date | None
    day_titles: dict[str, str]
    progression: dict[str, Any]  # as loaded: what an override edit is checked against


def program_view(db: Database, program_id: int) -> ProgramView:
    """The program week by week, as the PDF prints it (rules, deload, the coach's own
    numbers), with its dates and the runner's key run days and race day."""
    from coachdesk.services.brand import get_brand

    row, plan = program_plan(db, program_id)
    units = get_brand(db).units
    with db.read() as session:
        client = get_or_raise(session, Client, row.client_id, "client")
        runs, race = tuple(str(d) for d in client.key_run_days), client.race_date
    progression = plan.progression
    slots = tuple(
        SlotWeeks(str(key), key.weekday.value, entry.exercise,
                  progression.weeks_for(key, entry, row.weeks, units),
                  frozenset(progression.overrides.get(key, {})))
        for key, entry in slot_entries(plan.week))
    starts = tuple(row.start_date + timedelta(weeks=n) for n in range(row.weeks))
    return ProgramView(row, starts, progression.deload_week, slots, runs, race,
                       {d.value: t for d, t in plan.week.day_titles.items()},
                       plan.progression_json())


def set_week_override(db: Database, program_id: int, key: str, week: int,
                      numbers: Mapping[str, Any] | None, expected: Mapping[str, Any],
                      keep_mine: bool = False) -> None:
    """Set one slot's numbers for one week by hand (None or empty: back to the rule's).
    ``expected`` is the progression as this desk loaded it: another desk's later changes
    are kept, a clash is refused (see :func:`set_progression`)."""
    override = WeekOverride.from_json(numbers) if numbers else None
    current = Progression.from_json(expected)
    changed = current.with_override(SlotKey.parse(key), week, override)
    set_progression(db, program_id, changed.to_json(), expected=expected, keep_mine=keep_mine)
