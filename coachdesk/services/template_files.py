"""Import and export templates as ``.coachdesk.json`` files."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from coachdesk.db import Database
from coachdesk.formats.template_file import (
    ClientBlock,
    InlineExercise,
    SlotEntry,
    TemplateFile,
    TemplateFormatError,
    read_template_file,
    write_template_file,
)
from coachdesk.library.starter import with_movement
from coachdesk.models import Client, Exercise, Slot, Template, TemplateDay, name_key
from coachdesk.services.records import missing
from coachdesk.services.templates import SLOT_FIELDS
from coachdesk.vocab import (
    WEEKDAYS,
    CorePlane,
    ExternalLoad,
    Goal,
    Impact,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Pattern,
    Phase,
    RaceDistance,
    Side,
    Stage,
    Weekday,
    plain,
)


def template_to_file(db: Database, template_id: int, client_id: int | None = None
                     ) -> TemplateFile:
    """The template as a file: coach-made exercises travel inline, built-ins by name."""
    with db.read() as session:
        template = session.scalars(
            select(Template).where(Template.id == template_id).options(
                selectinload(Template.days).selectinload(TemplateDay.slots)
                .selectinload(Slot.exercise)
            )
        ).one_or_none()
        if template is None:
            raise missing("template", template_id)
        inline: dict[str, InlineExercise] = {}
        days: dict[Weekday, tuple[SlotEntry, ...]] = {}
        titles: dict[Weekday, str] = {}
        micro = tuple(day.weekday for day in template.days if day.micro)
        for day in template.days:
            if day.title:
                titles[day.weekday] = day.title
            entries = []
            for slot in day.slots:
                exercise = slot.exercise
                if exercise.builtin_key is None and exercise.name_key not in inline:
                    inline[exercise.name_key] = _inline(exercise)
                values = {name: getattr(slot, name) for name in SLOT_FIELDS}
                entries.append(SlotEntry(
                    exercise=exercise.name,
                    sets=values["sets"], reps=values["reps"], seconds=values["seconds"],
                    per_side=values["per_side"],
                    side=Side(values["side"]) if values["side"] else None,
                    tempo=values["tempo"], load=values["load"],
                    intensity=Intensity(values["intensity"]) if values["intensity"] else None,
                    rest_s=values["rest_s"], notes=values["notes"], group=values["group"],
                ))
            days[day.weekday] = tuple(entries)
        client = session.get(Client, client_id) if client_id is not None else None
        return TemplateFile(
            name=template.name, notes=template.notes,
            client=_client_block(client) if client else None,
            exercises=tuple(inline.values()), days=days, day_titles=titles,
            micro_days=tuple(d for d in WEEKDAYS if d in micro),
        )


def _inline(exercise: Exercise) -> InlineExercise:
    return InlineExercise(
        name=exercise.name,
        laterality=Laterality(exercise.laterality),
        muscles=tuple(Muscle(m) for m in exercise.primary_muscles),
        phase=Phase(exercise.phase),
        plyometric=exercise.plyometric,
        eccentric=exercise.eccentric,
        core_plane=CorePlane(exercise.core_plane) if exercise.core_plane else None,
        secondary_muscles=tuple(Muscle(m) for m in exercise.secondary_muscles),
        pattern=Pattern(exercise.pattern),
        impact=Impact(exercise.impact),
        external_load=ExternalLoad(exercise.external_load),
        notes=exercise.notes or "",
        video_url=_web_link(exercise.video_url),
    )


def _web_link(url: str | None) -> str | None:
    """The video link a file can carry: a web link; a local file path stays on this desk."""
    text = (url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _client_block(client: Client) -> ClientBlock:
    return ClientBlock(
        name=client.name,
        goal=Goal(client.goal),
        race_distance=RaceDistance(client.race_distance) if client.race_distance else None,
        stage=Stage(client.stage),
        injuries=tuple(Injury(i) for i in client.injuries),
        key_run_days=tuple(Weekday(d) for d in client.key_run_days),
    )


def export_template(db: Database, template_id: int, path: Path,
                    client_id: int | None = None) -> Path:
    return write_template_file(template_to_file(db, template_id, client_id), path)


def import_template(db: Database, path: Path, name: str | None = None) -> int:
    """Create a template from a file in one transaction; returns its id.

    Inline exercises the library lacks become coach-made exercises; a name the library has
    uses the library's exercise. Nothing is written when any slot cannot be matched.
    """
    template_file = read_template_file(path)
    return import_template_file(db, template_file, str(path), name)


def import_template_file(db: Database, template_file: TemplateFile, source: str,
                         name: str | None = None) -> int:
    from coachdesk.formats.resolve import unknown_exercise_message
    from coachdesk.services.balance import library_for_checks

    with db.write() as session:
        lookup: dict[str, Exercise] = {}
        for exercise in session.scalars(select(Exercise)):
            for alias in exercise.aliases:
                lookup.setdefault(name_key(alias), exercise)
        for exercise in session.scalars(select(Exercise)):
            lookup[exercise.name_key] = exercise
        for inline in template_file.exercises:
            if name_key(inline.name) not in lookup:
                movement = with_movement({
                    "name": inline.name, "primary_muscles": [m.value for m in inline.muscles],
                    "core_plane": plain(inline.core_plane), "plyometric": inline.plyometric,
                    "pattern": plain(inline.pattern), "impact": plain(inline.impact),
                    "external_load": plain(inline.external_load),
                })
                created = Exercise(
                    name=inline.name, laterality=inline.laterality,
                    primary_muscles=[m.value for m in inline.muscles],
                    secondary_muscles=[m.value for m in inline.secondary_muscles],
                    phase=inline.phase, plyometric=inline.plyometric,
                    eccentric=inline.eccentric, core_plane=inline.core_plane,
                    pattern=movement["pattern"], impact=movement["impact"],
                    external_load=movement["external_load"],
                    notes=inline.notes, video_url=inline.video_url,
                )
                created.needs_review = movement["needs_review"]
                created.check_consistency()
                session.add(created)
                lookup[created.name_key] = created
        template = Template.with_week(name or template_file.name, template_file.notes)
        for day in template.days:
            day.title = template_file.day_titles.get(day.weekday, "")
            day.micro = day.weekday in template_file.micro_days
            for index, entry in enumerate(template_file.days.get(day.weekday, ())):
                exercise = lookup.get(name_key(entry.exercise))
                if exercise is None:
                    raise TemplateFormatError(
                        source, f"days.{day.weekday.value}[{index}].exercise",
                        unknown_exercise_message(entry.exercise, library_for_checks(db),
                                                 template_file),
                    )
                slot = Slot(exercise=exercise, position=index, sets=entry.sets, reps=entry.reps,
                            seconds=entry.seconds, per_side=entry.per_side, side=entry.side,
                            tempo=entry.tempo, load=entry.load, intensity=entry.intensity,
                            rest_s=entry.rest_s, notes=entry.notes, group=entry.group)
                slot.check_consistency()
                day.slots.append(slot)
        session.add(template)
        session.flush()
        return template.id


