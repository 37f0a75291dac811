"""Match a template file's exercise names to a library and build the week the checks read.

Inline exercises in the file win over library exercises of the same name; other names
match library exercises case-insensitively by name or alias. An unknown name fails with
the closest library names.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from coachdesk.checks import ClientProfile, Day, ExerciseInfo, Slot, Week
from coachdesk.formats.template_file import InlineExercise, TemplateFile, TemplateFormatError
from coachdesk.vocab import WEEKDAYS, ExternalLoad


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def inline_info(exercise: InlineExercise) -> ExerciseInfo:
    return ExerciseInfo(
        name=exercise.name,
        muscles=frozenset(exercise.muscles),
        laterality=exercise.laterality,
        phase=exercise.phase,
        plyometric=exercise.plyometric,
        eccentric=exercise.eccentric,
        core_plane=exercise.core_plane,
        pattern=exercise.pattern,
        secondary=frozenset(exercise.secondary_muscles),
        impact=exercise.impact,
        external_load=exercise.external_load or ExternalLoad.BODYWEIGHT,
    )


def inline_material(template: TemplateFile) -> dict[str, dict[str, Any]]:
    """The demonstration material the file's own exercises carry, keyed by name, in the
    shape :func:`coachdesk.export.document.build_document` reads."""
    return {e.name: {"notes": e.notes, "video_url": e.video_url, "image_path": None,
                     "muscles": [m.value for m in e.muscles], "laterality": e.laterality.value}
            for e in template.exercises}


def build_lookup(template: TemplateFile, library: Sequence[ExerciseInfo]
                 ) -> dict[str, ExerciseInfo]:
    lookup: dict[str, ExerciseInfo] = {}
    for info in library:
        for alias in info.aliases:
            lookup.setdefault(_key(alias), info)
    for info in library:
        lookup[_key(info.name)] = info
    for inline in template.exercises:
        lookup[_key(inline.name)] = inline_info(inline)
    return lookup


def closest_names(name: str, library: Sequence[ExerciseInfo], template: TemplateFile,
                  count: int = 3) -> list[str]:
    names = [e.name for e in library] + [e.name for e in template.exercises]
    by_key = {n.casefold(): n for n in names}
    matches = difflib.get_close_matches(name.casefold(), list(by_key), n=count, cutoff=0.5)
    return [by_key[m] for m in matches]


def resolve_week(template: TemplateFile, library: Sequence[ExerciseInfo],
                 source: str = "<template>") -> Week:
    lookup = build_lookup(template, library)
    days = []
    for weekday in WEEKDAYS:
        slots = []
        for index, entry in enumerate(template.days.get(weekday, ())):
            info = lookup.get(_key(entry.exercise))
            if info is None:
                close = closest_names(entry.exercise, library, template)
                hint = f"; closest: {', '.join(close)}" if close else ""
                raise TemplateFormatError(
                    source, f"days.{weekday.value}[{index}].exercise",
                    f"unknown exercise {entry.exercise!r}{hint}",
                )
            slots.append(Slot(exercise=info, sets=entry.sets, reps=entry.reps,
                              seconds=entry.seconds, per_side=entry.per_side, side=entry.side,
                              intensity=entry.intensity))
        days.append(Day(weekday=weekday, title=template.day_titles.get(weekday, ""),
                        slots=tuple(slots), micro=weekday in template.micro_days))
    return Week(days=tuple(days))


def client_profile(template: TemplateFile) -> ClientProfile | None:
    block = template.client
    if block is None:
        return None
    return ClientProfile(
        name=block.name,
        goal=block.goal,
        race_distance=block.race_distance,
        stage=block.stage,
        injuries=frozenset(block.injuries),
        key_run_days=frozenset(block.key_run_days),
    )
