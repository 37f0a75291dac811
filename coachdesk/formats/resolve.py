"""Match a template file's exercise names to a library and build the week the checks read.

Inline exercises in the file win over library exercises of the same name; other names
match library exercises case-insensitively by name or alias. An unknown name fails with
"did you mean" and the closest library names (rapidfuzz).
"""

from __future__ import annotations

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
    """The library's (and the file's) exercises whose name or alias is closest to
    ``name``, best first; an alias that matches suggests its exercise's name."""
    from rapidfuzz import fuzz, process, utils  # only when a name is unknown

    choices: dict[str, str] = {}  # what is compared → the name to suggest
    for info in library:
        for alias in info.aliases:
            choices.setdefault(alias, info.name)
    for info in [*library, *template.exercises]:
        choices[info.name] = info.name
    found: list[str] = []
    best = 0.0
    for text, score, _key in process.extract(
            name, list(choices), scorer=fuzz.WRatio, limit=count * 3, score_cutoff=75,
            processor=utils.default_process):
        best = max(best, score)
        suggestion = choices[text]
        if score >= best - 2 and suggestion not in found:  # only guesses about as good
            found.append(suggestion)
    return found[:count]


def unknown_exercise_message(name: str, library: Sequence[ExerciseInfo],
                             template: TemplateFile) -> str:
    """"unknown exercise 'Nordc Curl' — did you mean 'Nordic Curl'?" (or two guesses)."""
    close = closest_names(name, library, template, count=2)
    if not close:
        return f"unknown exercise {name!r} (no exercise in the library is close)"
    return f"unknown exercise {name!r} — did you mean {' or '.join(map(repr, close))}?"


def resolve_week(template: TemplateFile, library: Sequence[ExerciseInfo],
                 source: str = "<template>") -> Week:
    lookup = build_lookup(template, library)
    days = []
    for weekday in WEEKDAYS:
        slots = []
        for index, entry in enumerate(template.days.get(weekday, ())):
            info = lookup.get(_key(entry.exercise))
            if info is None:
                raise TemplateFormatError(
                    source, f"days.{weekday.value}[{index}].exercise",
                    unknown_exercise_message(entry.exercise, library, template),
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
