"""Library use cases: browse, curate, attach demo media, restore built-ins."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, String, func, select, type_coerce
from sqlalchemy import Enum as SqlEnum

from coachdesk.db import Database
from coachdesk.errors import InUseError, StaleEditError, ValidationError
from coachdesk.library.starter import entry_revision, exercise_fields, starter_entry
from coachdesk.models import Exercise, Slot, Template, TemplateDay, name_key
from coachdesk.pictures import PictureRefused, store_upright
from coachdesk.services.records import get_or_raise
from coachdesk.vocab import plain


@dataclass(frozen=True)
class ExerciseData:
    """An exercise's editable fields, as the form edits them."""

    name: str = ""
    aliases: tuple[str, ...] = ()
    primary_muscles: tuple[str, ...] = ()
    secondary_muscles: tuple[str, ...] = ()
    pattern: str = "squat"
    impact: str = "low"
    external_load: str = "bodyweight"
    laterality: str = "bilateral"
    core_plane: str | None = None
    phase: str = "stability"
    plyometric: bool = False
    eccentric: bool = False
    equipment: tuple[str, ...] = ()
    load_type: str = "bodyweight"
    notes: str = ""
    image_path: str | None = None
    video_url: str | None = None
    # True while the movement tags are a guess the coach has not confirmed.
    needs_review: bool = False

    def with_changes(self, **changes: Any) -> ExerciseData:
        return replace(self, **changes)


EDITABLE = tuple(f.name for f in fields(ExerciseData) if f.name != "needs_review")
ENUM_FIELDS = ("pattern", "impact", "external_load", "laterality", "core_plane", "phase",
               "load_type")


@dataclass(frozen=True)
class ExerciseRow:
    id: int
    data: ExerciseData
    builtin_key: str | None
    archived: bool
    used_in_templates: int
    needs_review: bool = False

    @property
    def name(self) -> str:
        return self.data.name

    @property
    def builtin(self) -> bool:
        return self.builtin_key is not None


def _data(exercise: Exercise) -> ExerciseData:
    values = {}
    for name in EDITABLE:
        value = getattr(exercise, name)
        values[name] = tuple(value) if isinstance(value, list) else plain(value)
    return ExerciseData(**values, needs_review=exercise.needs_review)


def apply_data(exercise: Exercise, data: ExerciseData) -> None:
    """Write the coach's fields; a save from the form confirms the movement tags (the form
    sends ``needs_review=False``) and makes a built-in exercise the coach's own version."""
    for name in EDITABLE:
        value = getattr(data, name)
        setattr(exercise, name, list(value) if isinstance(value, tuple) else value)
    exercise.needs_review = data.needs_review
    exercise.shipped_revision = None
    exercise.check_consistency()


NAME_LIMIT = Exercise.__table__.c.name.type.length
"""How long an exercise's name may be; the form stops typing there."""


def exercise_problems(data: ExerciseData) -> list[ValidationError]:
    """Every field of ``data`` a save would refuse, in the form's order, without the
    database (a name another exercise uses is found on save): the form marks them all
    at once instead of one per Save."""
    exercise = Exercise()
    problems: list[ValidationError] = []
    for name in EDITABLE:
        value = getattr(data, name)
        try:
            setattr(exercise, name, list(value) if isinstance(value, tuple) else value)
        except ValidationError as problem:
            problems.append(problem)
    refused = {p.field for p in problems}
    problems += [p for p in exercise.consistency_problems() if p.field not in refused]
    return problems


def usage_counts(session: Any) -> dict[int, int]:
    """How many templates use each exercise, in one grouped query."""
    query = (
        select(Slot.exercise_id, func.count(func.distinct(TemplateDay.template_id)))
        .join(TemplateDay, TemplateDay.id == Slot.day_id)
        .group_by(Slot.exercise_id)
    )
    return {exercise_id: count for exercise_id, count in session.execute(query)}


def _as_stored(column: Any) -> Any:
    """An enum or JSON column read as its stored text: the list wants plain values, and ten
    thousand rows of enum members made and unmade, and of tag lists each decoded anew, cost
    the library most of its opening (a driver that decodes JSON itself still hands a list)."""
    if isinstance(column.type, SqlEnum | JSON):
        return type_coerce(column, String()).label(column.key)
    return column


TAG_FIELDS = tuple(name for name in EDITABLE
                   if isinstance(getattr(Exercise, name).type, JSON))
LIST_COLUMNS = (Exercise.id, Exercise.builtin_key, Exercise.archived, Exercise.needs_review,
                *(_as_stored(getattr(Exercise, name)) for name in EDITABLE))


def list_exercises(db: Database) -> list[ExerciseRow]:
    """Every exercise with its template count: plain column queries, no ORM objects, as the
    library opens with up to ten thousand rows."""
    with db.read() as session:
        counts = usage_counts(session)
        rows = session.execute(select(*LIST_COLUMNS).order_by(Exercise.name_key)).all()
    tags = _TagLists()
    return [
        ExerciseRow(id_, _row_data(values, review, tags), key, archived, counts.get(id_, 0),
                    review)
        for id_, key, archived, review, *values in rows
    ]


class _TagLists(dict[str, tuple[str, ...]]):
    """Stored tag lists decoded once each: a library repeats the same few lists of muscles
    and equipment thousands of times."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        value = self[text] = tuple(json.loads(text) or ())
        return value


def _row_data(values: list[Any], needs_review: bool, tags: _TagLists) -> ExerciseData:
    data = dict(zip(EDITABLE, values, strict=True))
    for name in TAG_FIELDS:
        value = data[name]
        data[name] = tags[value] if isinstance(value, str) else tuple(value or ())
    return ExerciseData(**data, needs_review=needs_review)


def get_exercise(db: Database, exercise_id: int) -> ExerciseRow:
    with db.read() as session:
        exercise = _exercise(session, exercise_id)
        return ExerciseRow(exercise.id, _data(exercise), exercise.builtin_key, exercise.archived,
                           usage_counts(session).get(exercise.id, 0), exercise.needs_review)


def _exercise(session: Any, exercise_id: int) -> Exercise:
    return get_or_raise(session, Exercise, exercise_id, "exercise")


def _check_names_free(session: Any, data: ExerciseData, except_id: int | None) -> None:
    """Names and aliases are unique across every exercise's names and aliases."""
    wanted = {name_key(data.name): "name"}
    for alias in data.aliases:
        wanted.setdefault(name_key(alias), "aliases")
    for other in session.scalars(select(Exercise)):
        if other.id == except_id:
            continue
        taken = {other.name_key, *(name_key(a) for a in other.aliases)}
        for key, field in wanted.items():
            if key in taken:
                raise ValidationError(field, f"“{other.name}” already uses that name")


def create_exercise(db: Database, data: ExerciseData) -> int:
    with db.write() as session:
        _check_names_free(session, data, None)
        exercise = Exercise(name=data.name, primary_muscles=list(data.primary_muscles),
                            laterality=data.laterality, phase=data.phase, pattern=data.pattern)
        apply_data(exercise, data)
        session.add(exercise)
        session.flush()
        return exercise.id


def update_exercise(db: Database, exercise_id: int, data: ExerciseData,
                    expected_version: int | None = None) -> None:
    """Save an exercise; with ``expected_version`` a stale save raises StaleEditError."""
    try:
        with db.write() as session:
            exercise = _exercise(session, exercise_id)
            if expected_version is not None and exercise.version != expected_version:
                raise StaleEditError(
                    f"“{exercise.name}” was changed elsewhere after you opened it.")
            _check_names_free(session, data, exercise_id)
            apply_data(exercise, data)
    except StaleEditError as error:
        if error.fields or "while saving" not in str(error):
            raise
        raise StaleEditError("This exercise was changed elsewhere while saving.") from None


def exercise_version(db: Database, exercise_id: int) -> int:
    with db.read() as session:
        return _exercise(session, exercise_id).version


def duplicate_exercise(db: Database, exercise_id: int) -> int:
    """A coach-made copy to vary: "Name (variation)", "Name (variation 2)", …"""
    source = get_exercise(db, exercise_id).data
    with db.read() as session:
        taken = set(session.scalars(select(Exercise.name_key)))
    name, n = f"{source.name} (variation)", 2
    while name_key(name) in taken:
        name, n = f"{source.name} (variation {n})", n + 1
    return create_exercise(db, source.with_changes(name=name, aliases=()))


def templates_using(db: Database, exercise_id: int) -> list[str]:
    with db.read() as session:
        return list(session.scalars(
            select(Template.name).distinct()
            .join(TemplateDay, TemplateDay.template_id == Template.id)
            .join(Slot, Slot.day_id == TemplateDay.id)
            .where(Slot.exercise_id == exercise_id)
            .order_by(Template.name)
        ))


def delete_exercise(db: Database, exercise_id: int) -> None:
    """Delete an exercise no template uses; otherwise raise InUseError naming them."""
    used = templates_using(db, exercise_id)
    if used:
        names = ", ".join(f"“{n}”" for n in used[:5]) + (" …" if len(used) > 5 else "")
        raise InUseError(f"It is used in {len(used)} template{'s' if len(used) > 1 else ''}: "
                         f"{names}. Archive it instead to hide it from the library.")
    with db.write() as session:
        session.delete(_exercise(session, exercise_id))


def set_archived(db: Database, exercise_id: int, archived: bool) -> None:
    with db.write() as session:
        _exercise(session, exercise_id).archived = archived


def restore_builtin(db: Database, exercise_id: int) -> None:
    """Return a built-in exercise to its shipped version."""
    with db.write() as session:
        exercise = _exercise(session, exercise_id)
        entry = starter_entry(exercise.builtin_key) if exercise.builtin_key else None
        if entry is None:
            raise ValidationError("builtin", "only built-in exercises can be restored")
        shipped = exercise_fields(entry)
        data = ExerciseData(**{k: tuple(v) if isinstance(v, list) else v
                               for k, v in shipped.items() if k in EDITABLE})
        _check_names_free(session, data, exercise_id)
        apply_data(exercise, data)
        exercise.shipped_revision = entry_revision(entry)
        exercise.archived = False


def attach_image(db: Database, source: Path, field: str = "image_path") -> str:
    """Copy a demo picture (or the logo) into the media folder, checked and turned upright
    (see :mod:`coachdesk.pictures`); returns the path to store (relative to the media
    folder, so the database and its media move together)."""
    source = Path(source)
    try:
        return store_upright(source, db.media_dir)
    except FileNotFoundError:
        raise ValidationError(field, f"{source} does not exist") from None
    except PictureRefused as refused:
        raise ValidationError(field, f"{source.name} {refused.reason}") from None
    except OSError as error:
        raise ValidationError(field, f"{source.name} cannot be read: "
                              f"{error.strerror or error}") from None


def media_path(db: Database, stored: str | None) -> Path | None:
    """The file behind a stored image path, or None when there is none on disk."""
    if not stored:
        return None
    path = Path(stored)
    if not path.is_absolute():
        path = db.media_dir / path
    return path if path.is_file() else None
