"""Template use cases: the week board's every edit is one of these, one transaction each.

Slots keep contiguous positions ``0..n-1`` within their day; every function that moves
slots renumbers the days it touched. Functions return plain dataclasses, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from coachdesk.blocks import block_labels
from coachdesk.db import Database
from coachdesk.errors import NotFoundError, StaleEditError, ValidationError
from coachdesk.merge import merge_edit
from coachdesk.models import Exercise, Slot, Template, TemplateDay
from coachdesk.prescriptions import Movement, default_prescription
from coachdesk.services.exercise_facts import exercise_facts, stamp_column
from coachdesk.services.records import found, get_or_raise, missing
from coachdesk.vocab import CORE_PATTERNS, WEEKDAYS, Laterality, Weekday, day_name, plain

SLOT_FIELDS = (
    "sets", "reps", "seconds", "per_side", "side", "tempo", "load", "intensity", "rest_s", "notes",
    "group",
)


@dataclass(frozen=True)
class SlotFields:
    """A slot's prescription: what the slot editor edits and undo remembers."""

    sets: int = 3
    reps: int | None = 8
    seconds: int | None = None
    per_side: bool = False
    side: str | None = None
    tempo: str = ""
    load: str = ""
    intensity: str | None = None
    rest_s: int | None = None
    notes: str = ""
    group: int | None = None  # adjacent slots with the same group form a superset

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SlotView:
    id: int
    weekday: Weekday
    position: int
    exercise_id: int
    exercise_name: str
    muscles: tuple[str, ...]  # prime movers
    laterality: str
    core_plane: str | None
    phase: str
    plyometric: bool
    eccentric: bool
    fields: SlotFields
    secondary_muscles: tuple[str, ...] = ()
    block: str = ""  # "A1", "A2"… in a superset or circuit, "" on its own
    pattern: str | None = None
    impact: str | None = None
    external_load: str = "bodyweight"

    @property
    def is_unilateral(self) -> bool:
        return self.laterality == Laterality.UNILATERAL

    @property
    def is_core(self) -> bool:
        """A dedicated trunk exercise (what the checks count as core work)."""
        return self.pattern in CORE_PATTERNS


@dataclass(frozen=True)
class DayView:
    weekday: Weekday
    title: str
    slots: tuple[SlotView, ...] = ()
    micro: bool = False

    @property
    def is_rest_day(self) -> bool:
        return not self.slots


@dataclass(frozen=True)
class WeekView:
    template_id: int
    name: str
    notes: str
    days: tuple[DayView, ...]

    def day(self, weekday: Weekday | str) -> DayView:
        return self.days[WEEKDAYS.index(Weekday(weekday))]

    def slot(self, slot_id: int) -> SlotView:
        for day in self.days:
            for slot in day.slots:
                if slot.id == slot_id:
                    return slot
        raise NotFoundError(f"slot {slot_id} is not in this template")


@dataclass(frozen=True)
class TemplateSummary:
    id: int
    name: str
    notes: str
    sessions: int
    slots: int
    updated_at: datetime | None = None


@dataclass(frozen=True)
class RemovedSlot:
    """Everything needed to put a removed slot back where it was (for undo)."""

    template_id: int
    weekday: Weekday
    position: int
    exercise_id: int
    fields: SlotFields = field(default_factory=SlotFields)


# --- reading ---------------------------------------------------------------------------


def list_templates(db: Database) -> list[TemplateSummary]:
    with db.read() as session:
        day_counts = (
            select(
                TemplateDay.template_id,
                func.count(func.distinct(TemplateDay.id)).label("sessions"),
                func.count(Slot.id).label("slots"),
            )
            .join(Slot, Slot.day_id == TemplateDay.id)
            .group_by(TemplateDay.template_id)
            .subquery()
        )
        rows = session.execute(
            select(Template, day_counts.c.sessions, day_counts.c.slots)
            .outerjoin(day_counts, day_counts.c.template_id == Template.id)
            .order_by(func.lower(Template.name), Template.id)
        )
        return [
            TemplateSummary(t.id, t.name, t.notes, sessions or 0, slots or 0, t.updated_at)
            for t, sessions, slots in rows
        ]


def load_week(db: Database, template_id: int) -> WeekView:
    """The week as the board shows it, in three plain queries (no ORM objects: the board
    reloads after every edit, so this is on the hot path)."""
    with db.read() as session:
        head = session.execute(
            select(Template.name, Template.notes).where(Template.id == template_id)
        ).one_or_none()
        if head is None:
            raise missing("template", template_id)
        titles: dict[int, str] = {}
        micro: set[int] = set()
        for index, title, is_micro in session.execute(
            select(TemplateDay.weekday_index, TemplateDay.title, TemplateDay.micro)
            .where(TemplateDay.template_id == template_id)
        ):
            titles[index] = title
            if is_micro:
                micro.add(index)
        slot_columns = [getattr(Slot, name) for name in SLOT_FIELDS]
        rows = session.execute(
            select(Slot.id, TemplateDay.weekday_index, Slot.position, Exercise.id,
                   Exercise.version, stamp_column(), *slot_columns)
            .join(TemplateDay, TemplateDay.id == Slot.day_id)
            .join(Exercise, Exercise.id == Slot.exercise_id)
            .where(TemplateDay.template_id == template_id)
            .order_by(TemplateDay.weekday_index, Slot.position)
        ).all()
        facts = exercise_facts(db, session, {(row[3], row[4], row[5]) for row in rows})
    by_day: dict[int, list[SlotView]] = {}
    for row in rows:
        slot_id, day_index, position, exercise_id, version, stamp, *values = row
        about = facts[(exercise_id, version, stamp)]
        weekday = WEEKDAYS[day_index]
        by_day.setdefault(day_index, []).append(SlotView(
            id=slot_id, weekday=weekday, position=position, exercise_id=exercise_id,
            exercise_name=about.name, muscles=about.muscles, laterality=about.laterality,
            core_plane=about.core_plane, phase=about.phase, plyometric=about.plyometric,
            eccentric=about.eccentric,
            fields=_slot_fields(values),
            secondary_muscles=about.secondary_muscles, pattern=about.pattern,
            impact=about.impact, external_load=about.external_load,
        ))
    by_day = {index: _labelled(slots) for index, slots in by_day.items()}
    return WeekView(
        template_id=template_id,
        name=head.name,
        notes=head.notes,
        days=tuple(
            DayView(weekday, titles.get(index, ""), tuple(by_day.get(index, ())),
                    index in micro)
            for index, weekday in enumerate(WEEKDAYS)
        ),
    )


def _load_template(session: Session, template_id: int) -> Template:
    template = session.scalars(
        select(Template)
        .where(Template.id == template_id)
        .options(
            selectinload(Template.days)
            .selectinload(TemplateDay.slots)
            .selectinload(Slot.exercise)
        )
    ).one_or_none()
    return found(template, "template", template_id)


def _week_view(template: Template) -> WeekView:
    days = {day.weekday: day for day in template.days}
    return WeekView(
        template_id=template.id,
        name=template.name,
        notes=template.notes,
        days=tuple(
            DayView(
                weekday=weekday,
                title=days[weekday].title if weekday in days else "",
                slots=tuple(_labelled([_slot_view(s, weekday) for s in days[weekday].slots]))
                if weekday in days
                else (),
                micro=days[weekday].micro if weekday in days else False,
            )
            for weekday in WEEKDAYS
        ),
    )


_ENUM_FIELDS = tuple(SLOT_FIELDS.index(name) for name in ("side", "intensity"))


def _slot_fields(values: list[Any]) -> SlotFields:
    """A prescription from its columns in ``SLOT_FIELDS`` order (enums as plain values)."""
    for index in _ENUM_FIELDS:
        values[index] = plain(values[index])
    return SlotFields(*values)


def _labelled(slots: list[SlotView]) -> list[SlotView]:
    """A day's slots with their superset labels (A1, A2…)."""
    labels = block_labels([s.fields.group for s in slots])
    return [replace(s, block=label) if label else s for s, label in zip(slots, labels,
                                                                          strict=True)]


def _slot_view(slot: Slot, weekday: Weekday) -> SlotView:
    exercise = slot.exercise
    return SlotView(
        id=slot.id,
        weekday=weekday,
        position=slot.position,
        exercise_id=exercise.id,
        exercise_name=exercise.name,
        muscles=tuple(exercise.primary_muscles),
        laterality=str(exercise.laterality),
        core_plane=str(exercise.core_plane) if exercise.core_plane else None,
        phase=str(exercise.phase),
        plyometric=exercise.plyometric,
        eccentric=exercise.eccentric,
        fields=SlotFields(**{name: plain(getattr(slot, name)) for name in SLOT_FIELDS}),
        secondary_muscles=tuple(exercise.secondary_muscles),
        pattern=plain(exercise.pattern),
        impact=plain(exercise.impact),
        external_load=plain(exercise.external_load),
    )


@dataclass(frozen=True)
class ExerciseChoice:
    """An exercise as the builder's picker lists it."""

    id: int
    name: str
    aliases: tuple[str, ...]
    muscles: tuple[str, ...]
    laterality: str
    phase: str
    core_plane: str | None
    plyometric: bool
    pattern: str | None = None


def exercise_choices(db: Database) -> list[ExerciseChoice]:
    with db.read() as session:
        rows = session.scalars(
            select(Exercise).where(Exercise.archived.is_(False)).order_by(Exercise.name_key)
        )
        return [
            ExerciseChoice(e.id, e.name, tuple(e.aliases), tuple(e.primary_muscles),
                           str(e.laterality), str(e.phase),
                           str(e.core_plane) if e.core_plane else None, e.plyometric,
                           plain(e.pattern))
            for e in rows
        ]


# --- templates ---------------------------------------------------------------------------


def create_template(db: Database, name: str, notes: str = "") -> int:
    with db.write() as session:
        template = Template.with_week(name, notes)
        session.add(template)
        session.flush()
        return template.id


def rename_template(db: Database, template_id: int, name: str, *,
                    expected: str | None = None) -> None:
    """Rename; ``expected`` is the name this desk showed: a name another desk changed
    meanwhile (to something else) is refused, not overwritten."""
    _set_template_text(db, template_id, "name", name, expected)


def set_template_notes(db: Database, template_id: int, notes: str, *,
                       expected: str | None = None) -> None:
    """Set the notes; ``expected`` works as for :func:`rename_template`."""
    _set_template_text(db, template_id, "notes", notes, expected)


def _set_template_text(db: Database, template_id: int, field_name: str, value: str,
                       expected: str | None) -> None:
    with db.write() as session:
        template = get_or_raise(session, Template, template_id, "template", for_update=True)
        stored = getattr(template, field_name)
        if expected is not None and stored not in (expected, value):
            what = "renamed" if field_name == "name" else "given new notes"
            raise StaleEditError(
                f"“{template.name}” was {what} on another desk; nothing was changed. "
                "Look at their version, then try again.", (field_name,))
        setattr(template, field_name, value)


def delete_template(db: Database, template_id: int) -> None:
    with db.write() as session:
        session.delete(_load_template(session, template_id))


def duplicate_template(db: Database, template_id: int, name: str | None = None) -> int:
    with db.write() as session:
        source = _load_template(session, template_id)
        copy = Template.with_week(name or f"{source.name} (copy)", source.notes)
        for source_day, day in zip(source.days, copy.days, strict=True):
            day.title = source_day.title
            day.slots = [_clone(slot) for slot in source_day.slots]
        session.add(copy)
        session.flush()
        return copy.id


def _template(session: Session, template_id: int) -> Template:
    return get_or_raise(session, Template, template_id, "template")


def _clone(slot: Slot) -> Slot:
    return Slot(
        exercise_id=slot.exercise_id,
        position=slot.position,
        **{name: getattr(slot, name) for name in SLOT_FIELDS},
    )


# --- days -----------------------------------------------------------------------------------


def _day(session: Session, template_id: int, weekday: Weekday | str, *,
         with_slots: bool = True) -> TemplateDay:
    """The day, locked for this transaction; its slots loaded unless ``with_slots`` is
    False (an append needs only the next position)."""
    index = WEEKDAYS.index(Weekday(weekday))
    query = (
        select(TemplateDay)
        .where(TemplateDay.template_id == template_id, TemplateDay.weekday_index == index)
        .with_for_update(of=TemplateDay)
    )
    if with_slots:
        query = query.options(selectinload(TemplateDay.slots))
    day = session.scalars(query).one_or_none()
    if day is None:
        raise NotFoundError(f"template {template_id} has no {Weekday(weekday).value} day")
    return day


def _check_unchanged(what: str, field: str, expected: object, current: object,
                     mine: object) -> None:
    """Refuse to overwrite a value another desk changed since this desk loaded it."""
    if expected is not _ANY and current != expected and current != mine:
        raise StaleEditError(f"{what} was changed on another desk after your board loaded "
                             "it; nothing was overwritten. The board now shows their "
                             "version.", (field,))


_ANY: Any = object()  # "no expectation": the caller does not know what it saw


def set_day_title(db: Database, template_id: int, weekday: Weekday | str, title: str,
                  expected: str = _ANY) -> None:
    """Rename a day; with ``expected`` (the title this desk showed) a title another desk
    changed meanwhile is not overwritten."""
    with db.write() as session:
        day = _day(session, template_id, weekday)
        _check_unchanged(f"{day_name(day.weekday)}'s title", "title", expected, day.title,
                         title)
        day.title = title


def set_day_micro(db: Database, template_id: int, weekday: Weekday | str, micro: bool,
                  expected: bool = _ANY) -> None:
    """Mark a day as a short extra session (it does not count toward frequency and needs
    no core), or as a full session again."""
    with db.write() as session:
        day = _day(session, template_id, weekday)
        _check_unchanged(f"Whether {day_name(day.weekday)} is a micro-session", "micro",
                         expected, day.micro, bool(micro))
        day.micro = bool(micro)


def copy_day(
    db: Database,
    template_id: int,
    weekday: Weekday | str,
    target_template_id: int,
    target_weekday: Weekday | str,
) -> list[int]:
    """Append a copy of one day's slots (and its title, if the target has none) to a day."""
    with db.write() as session:
        source = _day(session, template_id, weekday)
        target = _day(session, target_template_id, target_weekday)
        if not target.title:
            target.title = source.title
        start = len(target.slots)
        copies = [_clone(slot) for slot in source.slots]
        for offset, copy in enumerate(copies):
            copy.position = start + offset
            target.slots.append(copy)
        session.flush()
        return [copy.id for copy in copies]


# --- slots ------------------------------------------------------------------------------------


def default_fields(db: Database, exercise_id: int) -> SlotFields:
    with db.read() as session:
        return _defaults_for(_exercise(session, exercise_id))


def _movements(db: Database, session: Session, exercise_ids: list[int]) -> dict[int, Any]:
    """What each exercise's default prescription depends on (from the facts cache);
    NotFoundError when one no longer exists."""
    keys = {row[0]: tuple(row) for row in session.execute(
        select(Exercise.id, Exercise.version, stamp_column())
        .where(Exercise.id.in_(set(exercise_ids))))}
    for exercise_id in exercise_ids:
        if exercise_id not in keys:
            raise missing("exercise", exercise_id)
    facts = exercise_facts(db, session, keys.values())
    return {exercise_id: facts[key] for exercise_id, key in keys.items()}


def _defaults_for(exercise: object, sets: int = 3, rest_s: int = 75) -> SlotFields:
    """A new slot's numbers: see :mod:`coachdesk.prescriptions`."""
    found = default_prescription(Movement.of(exercise), sets=sets, rest_s=rest_s)
    return SlotFields(**found.as_dict())


def _exercise(session: Session, exercise_id: int) -> Exercise:
    return get_or_raise(session, Exercise, exercise_id, "exercise")


def _new_slot(exercise_id: int, position: int, fields: SlotFields) -> Slot:
    slot = Slot(exercise_id=exercise_id, position=position, **fields.as_dict())
    slot.check_consistency()
    return slot


def _insert(day: TemplateDay, slots: list[Slot], position: int | None) -> None:
    # In position order: earlier inserts in this transaction appended to the list's end.
    ordered = sorted(day.slots, key=lambda s: s.position)
    at = len(ordered) if position is None else max(0, min(position, len(ordered)))
    ordered[at:at] = slots
    for slot in slots:
        if slot not in day.slots:
            day.slots.append(slot)
    _renumber(ordered)


def _renumber(slots: list[Slot]) -> None:
    for index, slot in enumerate(slots):
        slot.position = index


def _place_in_block(ordered: list[Slot], slot: Slot, group: object) -> None:
    if group is _ANY:
        _join_or_leave_block(ordered, slot)
    else:
        slot.group = group  # type: ignore[assignment]


def _join_or_leave_block(ordered: list[Slot], slot: Slot) -> None:
    """A slot dropped between two slots of one block joins it; a grouped slot dropped where
    no neighbour shares its group leaves its block."""
    at = ordered.index(slot)
    before = ordered[at - 1].group if at > 0 else None
    after = ordered[at + 1].group if at + 1 < len(ordered) else None
    if before is not None and before == after:
        slot.group = before
    elif slot.group is not None and slot.group not in (before, after):
        slot.group = None


def add_slots(
    db: Database,
    template_id: int,
    weekday: Weekday | str,
    exercise_ids: Iterable[int],
    position: int | None = None,
    fields: Sequence[SlotFields | None] | None = None,
) -> list[int]:
    """Add exercises to a day at ``position`` (None = at the end); returns the new slot ids.

    ``fields`` gives each exercise's prescription in order; None means the defaults.
    """
    from coachdesk.services.settings import settings_in

    with db.write() as session:
        day = _day(session, template_id, weekday, with_slots=position is not None)
        ids = list(exercise_ids)
        chosen = list(fields or [None] * len(ids))
        if len(chosen) != len(ids):
            raise ValueError("give one prescription (or None) per exercise")
        about = _movements(db, session, ids)
        settings = settings_in(session) if None in chosen else None
        sets, rest = (settings.default_sets, settings.default_rest_s) if settings else (3, 75)
        new_slots = [
            _new_slot(exercise_id, 0, given or _defaults_for(about[exercise_id], sets, rest))
            for exercise_id, given in zip(ids, chosen, strict=True)
        ]
        if position is None:  # the common case (a fix, "Add to day"): no renumbering
            _append(session, day, new_slots)
        else:
            _insert(day, new_slots, position)
        session.flush()
        return [slot.id for slot in new_slots]


def _append(session: Session, day: TemplateDay, slots: list[Slot]) -> None:
    """Add slots after a day's last one without loading the day's slots."""
    last = session.scalar(select(func.max(Slot.position)).where(Slot.day_id == day.id))
    start = -1 if last is None else last
    for offset, slot in enumerate(slots, start=1):
        slot.day_id = day.id
        slot.position = start + offset
        session.add(slot)


def add_slot(
    db: Database,
    template_id: int,
    weekday: Weekday | str,
    exercise_id: int,
    position: int | None = None,
    fields: SlotFields | None = None,
) -> int:
    return add_slots(db, template_id, weekday, [exercise_id], position, [fields])[0]


def _slot(session: Session, slot_id: int) -> Slot:
    return get_or_raise(session, Slot, slot_id, "slot", for_update=True)


def _slot_day(session: Session, slot: Slot) -> TemplateDay:
    day = session.scalars(
        select(TemplateDay)
        .where(TemplateDay.id == slot.day_id)
        .options(selectinload(TemplateDay.slots))
    ).one()
    return day


def slot_location(db: Database, slot_id: int) -> tuple[int, Weekday, int]:
    """(template id, weekday, position) of a slot."""
    with db.read() as session:
        slot = _slot(session, slot_id)
        day = _slot_day(session, slot)
        return day.template_id, day.weekday, slot.position


def move_slot(db: Database, slot_id: int, weekday: Weekday | str, position: int,
              expected_weekday: Weekday | str | None = None) -> None:
    """Move a slot to ``position`` of ``weekday`` in the same template; with
    ``expected_weekday`` a slot another desk moved to another day meanwhile stays put."""
    move_slots(db, [(slot_id, Weekday(weekday), position, expected_weekday)])


Move = tuple  # (slot id, weekday, position, weekday seen or None[, group to restore])


def move_slots(db: Database, moves: Sequence[Move]) -> list[tuple[Weekday, int, int | None]]:
    """Several moves, in order, in one transaction: all happen or none does.

    Each move is (slot id, weekday, position, the weekday the caller saw it on or None).
    A slot dropped inside a block joins it, one dropped away from its block leaves it;
    a fifth element sets the slot's group instead (for undo). Returns where each slot was
    just before its move and its group: moving them back there in reverse order, with
    those groups, undoes the whole batch."""
    with db.write() as session:
        return [_move(session, *move) for move in moves]


def _move(session: Session, slot_id: int, weekday: Weekday | str, position: int,
          expected_weekday: Weekday | str | None, group: object = _ANY
          ) -> tuple[Weekday, int, int | None]:
    slot = _slot(session, slot_id)
    source = _slot_day(session, slot)
    was = (source.weekday, slot.position, slot.group)
    if expected_weekday is not None and source.weekday != Weekday(expected_weekday):
        raise StaleEditError(
            f"{_exercise_name(session, slot)} was moved to {day_name(source.weekday)} "
            "on another desk; nothing was moved. The board now shows their version.",
            ("weekday",))
    target = _day(session, source.template_id, weekday)
    remaining = [s for s in source.slots if s.id != slot.id]
    if target.id == source.id:
        at = max(0, min(position, len(remaining)))
        remaining.insert(at, slot)
        _renumber(remaining)
        source.slots.sort(key=lambda s: s.position)
        _place_in_block(remaining, slot, group)
        return was
    source.slots.remove(slot)
    _renumber(remaining)
    ordered = list(target.slots)
    at = max(0, min(position, len(ordered)))
    ordered.insert(at, slot)
    target.slots.append(slot)
    _renumber(ordered)
    _place_in_block(ordered, slot, group)
    return was


def copy_slot(db: Database, slot_id: int, weekday: Weekday | str, position: int | None) -> int:
    return copy_slots(db, [(slot_id, Weekday(weekday), position)])[0]


def copy_slots(db: Database, copies: Sequence[tuple[int, Weekday, int | None]]) -> list[int]:
    """Copy slots (slot id, to weekday, at position or None for the end), in order, in one
    transaction; returns the copies' ids."""
    with db.write() as session:
        new_ids = []
        for slot_id, weekday, position in copies:
            slot = _slot(session, slot_id)
            source = _slot_day(session, slot)
            target = _day(session, source.template_id, weekday)
            copy = _clone(slot)
            _insert(target, [copy], position)
            session.flush()
            new_ids.append(copy.id)
        return new_ids


def remove_slot(db: Database, slot_id: int, expected: SlotFields | None = None) -> RemovedSlot:
    """Remove a slot; with ``expected`` (the prescription this desk showed) a slot another
    desk edited meanwhile is kept, so their edit is not thrown away unseen."""
    return remove_slots(db, [slot_id], [expected])[0]


def remove_slots(db: Database, slot_ids: Sequence[int],
                 expected: Sequence[SlotFields | None] | None = None,
                 restore_title: tuple[int, Weekday | str, str] | None = None
                 ) -> list[RemovedSlot]:
    """Remove slots in one transaction (all or none), in order; ``expected`` as for
    :func:`remove_slot`. ``restore_title`` (template id, weekday, title) also sets a day's
    title in the same transaction, for undoing a day copy."""
    seen = list(expected or [None] * len(slot_ids))
    with db.write() as session:
        removed = [_remove(session, slot_id, was)
                   for slot_id, was in zip(slot_ids, seen, strict=True)]
        if restore_title is not None:
            template_id, weekday, title = restore_title
            _day(session, template_id, weekday).title = title
        return removed


def _remove(session: Session, slot_id: int, expected: SlotFields | None) -> RemovedSlot:
    slot = _slot(session, slot_id)
    if expected is not None and _fields_of(slot) != expected:
        raise StaleEditError(
            f"{_exercise_name(session, slot)} was changed on another desk after your "
            "board loaded it; it was not removed. The board now shows their version.",
            tuple(_changed(expected, _fields_of(slot))))
    day = _slot_day(session, slot)
    removed = RemovedSlot(
        template_id=day.template_id,
        weekday=day.weekday,
        position=slot.position,
        exercise_id=slot.exercise_id,
        fields=_fields_of(slot),
    )
    day.slots.remove(slot)
    _renumber(list(day.slots))
    return removed


def restore_slot(db: Database, removed: RemovedSlot) -> int:
    """Put a removed slot back at its old place; returns its (new) id."""
    return restore_slots(db, [removed])[0]


def restore_slots(db: Database, removed: Sequence[RemovedSlot]) -> list[int]:
    """Undo :func:`remove_slots` in one transaction: the slots go back in reverse order of
    removal, so every recorded position is right again; returns new ids in the given order."""
    with db.write() as session:
        new_ids: dict[int, int] = {}
        for index in reversed(range(len(removed))):
            gone = removed[index]
            day = _day(session, gone.template_id, gone.weekday)
            slot = _new_slot(gone.exercise_id, 0, gone.fields)
            _insert(day, [slot], gone.position)
            session.flush()
            new_ids[index] = slot.id
        return [new_ids[i] for i in range(len(removed))]


def set_groups(db: Database, changes: Sequence[tuple[int, int | None, int | None]]) -> None:
    """Set slots' groups in one transaction: (slot id, new group, the group this desk
    showed). A slot whose group another desk changed meanwhile is left alone (refused)."""
    with db.write() as session:
        for slot_id, group, seen in changes:
            slot = _slot(session, slot_id)
            if slot.group != seen and slot.group != group:
                raise StaleEditError(
                    f"{_exercise_name(session, slot)} was grouped differently on another "
                    "desk; nothing was changed. The board now shows their version.",
                    ("group",))
            slot.group = group


def next_group(week: WeekView) -> int:
    """A group number no slot of the week uses yet."""
    used = [s.fields.group for d in week.days for s in d.slots if s.fields.group]
    return max(used, default=0) + 1


def swap_exercise(db: Database, slot_id: int, exercise_id: int,
                  expected_exercise_id: int | None = None) -> int:
    """Put another exercise in a slot, keeping its prescription; returns the exercise it
    had. With ``expected_exercise_id`` a slot another desk changed meanwhile is kept."""
    with db.write() as session:
        slot = _slot(session, slot_id)
        if expected_exercise_id is not None and slot.exercise_id != expected_exercise_id:
            raise StaleEditError(
                f"{_exercise_name(session, slot)} was put in this slot on another desk; "
                "nothing was swapped. The board now shows their version.", ("exercise",))
        _exercise(session, exercise_id)  # exists
        previous = slot.exercise_id
        slot.exercise_id = exercise_id
        return previous


def update_slot(db: Database, slot_id: int, fields: SlotFields,
                expected: SlotFields | None = None) -> SlotFields:
    """Change a slot's prescription; returns the previous one (for undo).

    With ``expected`` (the prescription this desk showed before the edit) only the fields
    this desk changed are written, on top of whatever another desk saved meanwhile; a field
    both desks changed raises :class:`StaleEditError` and nothing is written."""
    with db.write() as session:
        slot = _slot(session, slot_id)
        previous = _fields_of(slot)
        wanted = fields.as_dict()
        if expected is not None:
            wanted = merge_edit(expected.as_dict(), wanted, previous.as_dict(),
                                _exercise_name(session, slot))
        for name, value in wanted.items():
            setattr(slot, name, value)
        slot.check_consistency()
        return previous


def _fields_of(slot: Slot) -> SlotFields:
    return SlotFields(**{name: plain(getattr(slot, name)) for name in SLOT_FIELDS})


def _changed(before: SlotFields, after: SlotFields) -> list[str]:
    return [n for n in SLOT_FIELDS if getattr(before, n) != getattr(after, n)]


def _exercise_name(session: Session, slot: Slot) -> str:
    name = session.scalar(select(Exercise.name).where(Exercise.id == slot.exercise_id))
    return str(name or "This exercise")


def validate_fields(fields: SlotFields) -> SlotFields:
    """Run the model's validation on a prescription without touching the database."""
    probe = Slot(**fields.as_dict())
    probe.check_consistency()
    return replace(fields, **{name: plain(getattr(probe, name)) for name in SLOT_FIELDS})


__all__ = [
    "DayView",
    "ExerciseChoice",
    "RemovedSlot",
    "SlotFields",
    "SlotView",
    "TemplateSummary",
    "ValidationError",
    "WeekView",
    "add_slot",
    "add_slots",
    "copy_day",
    "copy_slot",
    "create_template",
    "default_fields",
    "delete_template",
    "duplicate_template",
    "exercise_choices",
    "list_templates",
    "load_week",
    "move_slot",
    "remove_slot",
    "rename_template",
    "restore_slot",
    "set_day_title",
    "set_template_notes",
    "slot_location",
    "update_slot",
    "validate_fields",
]
