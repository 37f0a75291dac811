"""The ``.coachdesk`` template file (formerly ``.coachdesk.json``): a training week coaches
can share.

Reading is strict and precise: a JSON syntax error names its line and column, a schema
error names its path (``days.mon[2].sets: must be a whole number ≥ 1``). Writing is
canonical (sorted days, fixed key order), so export → import → export gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from coachdesk.errors import CoachDeskError
from coachdesk.files import write_atomic
from coachdesk.formats import json_text
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

FORMAT_NAME = "coachdesk-template"
# Version 2 describes inline exercises by movement (prime and secondary muscles, pattern,
# impact, external load) and marks micro-sessions; version 1 files still read, their
# inline exercises' patterns guessed.
# Version 3 groups slots into supersets ("group" on a slot).
# Version 4 carries an inline exercise's demonstration: "notes" (Markdown) and
# "video_url" (an http or https link), so a shared week prints its demonstrations.
FORMAT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
FILE_SUFFIX = ".coachdesk"
"""What export writes: one extension of its own, so a desktop can open it with CoachDesk
(``.coachdesk.json`` would make Windows offer CoachDesk for every ``.json`` file)."""
LEGACY_SUFFIX = ".coachdesk.json"
"""What older versions wrote; still read everywhere a template file is read."""


def looks_like_template_file(name: str) -> bool:
    """True for a ``.coachdesk`` or an older ``.coachdesk.json`` name (any letter case)."""
    lowered = name.lower()
    return lowered.endswith((FILE_SUFFIX, LEGACY_SUFFIX))


def template_file_path(path: Path) -> Path:
    """``path`` as export writes it: a name without a template extension gets ``.coachdesk``
    (a name the coach gave ``.coachdesk.json`` or ``.json`` is kept as typed)."""
    if looks_like_template_file(path.name) or path.name.lower().endswith(".json"):
        return path
    return path.with_name(path.name + FILE_SUFFIX)


class TemplateFormatError(CoachDeskError):
    """A template file that cannot be read; ``where`` is a path in the file or a position."""

    def __init__(self, source: str, where: str, message: str) -> None:
        super().__init__(f"{source}: {where}: {message}" if where else f"{source}: {message}")
        self.source = source
        self.where = where
        self.message = message


@dataclass(frozen=True)
class ClientBlock:
    name: str = ""
    goal: Goal | None = None
    race_distance: RaceDistance | None = None
    stage: Stage | None = None
    injuries: tuple[Injury, ...] = ()
    key_run_days: tuple[Weekday, ...] = ()


@dataclass(frozen=True)
class InlineExercise:
    """An exercise the file carries itself; ``muscles`` are its prime movers. ``pattern``
    is None only in a version 1 file (it is guessed where the exercise is used)."""

    name: str
    laterality: Laterality
    muscles: tuple[Muscle, ...]
    phase: Phase
    plyometric: bool = False
    eccentric: bool = False
    core_plane: CorePlane | None = None
    secondary_muscles: tuple[Muscle, ...] = ()
    pattern: Pattern | None = None
    impact: Impact | None = None
    external_load: ExternalLoad | None = None
    notes: str = ""  # demonstration notes, Markdown (version 4)
    video_url: str | None = None  # http or https only (version 4)


@dataclass(frozen=True)
class SlotEntry:
    exercise: str
    sets: int
    reps: int | None = None
    seconds: int | None = None
    per_side: bool = False
    side: Side | None = None
    tempo: str = ""
    load: str = ""
    intensity: Intensity | None = None
    rest_s: int | None = None
    notes: str = ""
    group: int | None = None  # adjacent slots with one group form a superset (version 3)


@dataclass(frozen=True)
class TemplateFile:
    name: str
    notes: str = ""
    client: ClientBlock | None = None
    exercises: tuple[InlineExercise, ...] = ()
    days: dict[Weekday, tuple[SlotEntry, ...]] = field(default_factory=dict)
    day_titles: dict[Weekday, str] = field(default_factory=dict)
    micro_days: tuple[Weekday, ...] = ()


# --- reading -------------------------------------------------------------------------


class _Reader:
    """Walks parsed JSON, naming the path of whatever is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> TemplateFormatError:
        return TemplateFormatError(self.source, where, message)

    def obj(self, value: Any, where: str, allowed: set[str], required: set[str] = frozenset()
            ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where or "file", "must be a JSON object")
        for key in value:
            if key not in allowed:
                raise self.fail(_join(where, key), f"unknown field (expected one of: "
                                f"{', '.join(sorted(allowed))})")
        for key in sorted(required):
            if key not in value:
                raise self.fail(_join(where, key), "is required")
        return value

    def text(self, value: Any, where: str, *, required: bool = False, max_length: int = 20_000
             ) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(where, "must be text")
        text = value.strip()
        if required and not text:
            raise self.fail(where, "must not be empty")
        if len(text) > max_length:
            raise self.fail(where, f"must be at most {max_length} characters")
        return text

    def whole(self, value: Any, where: str, *, optional: bool = False, minimum: int = 1
              ) -> int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(where, f"must be a whole number ≥ {minimum}")
        return value

    def flag(self, value: Any, where: str) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(where, "must be true or false")
        return value

    def choice(self, enum_cls: Any, value: Any, where: str, *, optional: bool = True) -> Any:
        if value is None and optional:
            return None
        try:
            return enum_cls(value)
        except (ValueError, TypeError):
            allowed = ", ".join(m.value for m in enum_cls)
            raise self.fail(where, f"{json.dumps(value)} is not one of: {allowed}") from None

    def choices(self, enum_cls: Any, value: Any, where: str) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        items = [self.choice(enum_cls, v, f"{where}[{i}]", optional=False)
                 for i, v in enumerate(value)]
        return tuple(dict.fromkeys(items))


def newer_version(version: int, newest: int) -> str:
    """Why a file of an unknown version is refused, in the coach's words."""
    if version > newest:
        return (f"version {version} is not supported: the file was made by a newer "
                f"CoachDesk, and this one reads versions 1 to {newest}; update CoachDesk "
                "to open it")
    return f"version {version} is not supported; this CoachDesk reads versions 1 to {newest}"


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def loads_template(text: str, source: str = "<template>") -> TemplateFile:
    try:
        data = json_text.loads(text)
    except json_text.JsonTextError as error:
        raise TemplateFormatError(source, error.where, error.message) from None
    return parse_template(data, source)


def read_template_file(path: Path) -> TemplateFile:
    source = str(path)
    try:
        data = json_text.read_json_file(Path(path))
    except json_text.JsonTextError as error:
        raise TemplateFormatError(source, error.where, error.message) from None
    return parse_template(data, source)


TOP_FIELDS = {"format", "version", "name", "notes", "client", "exercises", "days", "titles",
              "micro"}
CLIENT_FIELDS = {"name", "goal", "race_distance", "stage", "injuries", "key_run_days"}
EXERCISE_FIELDS = {"name", "laterality", "muscles", "phase", "plyometric", "eccentric",
                   "core_plane", "secondary_muscles", "pattern", "impact", "external_load",
                   "notes", "video_url"}
MOVEMENT_FIELDS = {"secondary_muscles", "pattern", "impact", "external_load"}
DEMONSTRATION_FIELDS = {"notes", "video_url"}  # version 4
NOTES_LIMIT = 50_000  # as an exercise's notes in the library
VIDEO_URL_LIMIT = 1_000
SLOT_FIELDS = {"exercise", "sets", "reps", "seconds", "per_side", "side", "tempo", "load",
               "intensity", "rest_s", "notes", "group"}


def parse_template(data: Any, source: str = "<template>") -> TemplateFile:
    r = _Reader(source)
    top = r.obj(data, "", TOP_FIELDS, {"format", "version", "name", "days"})
    if top["format"] != FORMAT_NAME:
        raise r.fail("format", f"must be {json.dumps(FORMAT_NAME)} (this is not a CoachDesk "
                     "template file)")
    version = r.whole(top["version"], "version")
    if version not in READABLE_VERSIONS:
        raise r.fail("version", newer_version(version, READABLE_VERSIONS[-1]))
    if version == 1 and "micro" in top:
        raise r.fail("micro", "is a version 2 field")
    name = r.text(top["name"], "name", required=True, max_length=200)
    notes = r.text(top.get("notes"), "notes")
    client = _parse_client(r, top.get("client"))
    exercises = _parse_exercises(r, top.get("exercises"), version)
    days_data = r.obj(top["days"], "days", {d.value for d in WEEKDAYS})
    days: dict[Weekday, tuple[SlotEntry, ...]] = {}
    for key, slots in days_data.items():
        where = f"days.{key}"
        if not isinstance(slots, list):
            raise r.fail(where, "must be a list of exercises")
        days[Weekday(key)] = tuple(_parse_slot(r, s, f"{where}[{i}]", version)
                                   for i, s in enumerate(slots))
    titles_data = r.obj(top.get("titles") or {}, "titles", {d.value for d in WEEKDAYS})
    titles = {Weekday(k): r.text(v, f"titles.{k}", max_length=120) for k, v in titles_data.items()}
    ordered = {d: days[d] for d in WEEKDAYS if d in days}
    micro = set(r.choices(Weekday, top.get("micro"), "micro"))
    return TemplateFile(name=name, notes=notes, client=client, exercises=exercises,
                        days=ordered, day_titles={d: titles[d] for d in WEEKDAYS if titles.get(d)},
                        micro_days=tuple(d for d in WEEKDAYS if d in micro))


def _parse_client(r: _Reader, value: Any) -> ClientBlock | None:
    if value is None:
        return None
    data = r.obj(value, "client", CLIENT_FIELDS)
    return ClientBlock(
        name=r.text(data.get("name"), "client.name", max_length=200),
        goal=r.choice(Goal, data.get("goal"), "client.goal"),
        race_distance=r.choice(RaceDistance, data.get("race_distance"), "client.race_distance"),
        stage=r.choice(Stage, data.get("stage"), "client.stage"),
        injuries=r.choices(Injury, data.get("injuries"), "client.injuries"),
        key_run_days=r.choices(Weekday, data.get("key_run_days"), "client.key_run_days"),
    )


def _parse_exercises(r: _Reader, value: Any, version: int = FORMAT_VERSION
                     ) -> tuple[InlineExercise, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise r.fail("exercises", "must be a list")
    parsed: list[InlineExercise] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        where = f"exercises[{i}]"
        required = {"name", "laterality", "muscles", "phase"}
        allowed = EXERCISE_FIELDS if version >= 4 else EXERCISE_FIELDS - DEMONSTRATION_FIELDS
        if version == 1:
            data = r.obj(item, where, allowed - MOVEMENT_FIELDS, required)
        else:
            data = r.obj(item, where, allowed, required | {"pattern"})
        name = r.text(data["name"], f"{where}.name", required=True, max_length=120)
        if name.casefold() in seen:
            raise r.fail(f"{where}.name", f"{json.dumps(name)} is defined twice")
        seen.add(name.casefold())
        muscles = r.choices(Muscle, data["muscles"], f"{where}.muscles")
        if not muscles:
            raise r.fail(f"{where}.muscles", "must list at least one muscle group")
        exercise = InlineExercise(
            name=name,
            laterality=r.choice(Laterality, data["laterality"], f"{where}.laterality",
                                optional=False),
            muscles=muscles,
            phase=r.choice(Phase, data["phase"], f"{where}.phase", optional=False),
            plyometric=r.flag(data.get("plyometric"), f"{where}.plyometric"),
            eccentric=r.flag(data.get("eccentric"), f"{where}.eccentric"),
            core_plane=r.choice(CorePlane, data.get("core_plane"), f"{where}.core_plane"),
            secondary_muscles=tuple(m for m in r.choices(
                Muscle, data.get("secondary_muscles"), f"{where}.secondary_muscles")
                if m not in muscles),
            pattern=r.choice(Pattern, data.get("pattern"), f"{where}.pattern"),
            impact=r.choice(Impact, data.get("impact"), f"{where}.impact"),
            external_load=r.choice(ExternalLoad, data.get("external_load"),
                                   f"{where}.external_load"),
            notes=r.text(data.get("notes"), f"{where}.notes", max_length=NOTES_LIMIT),
            video_url=_video_url(r, data.get("video_url"), f"{where}.video_url"),
        )
        parsed.append(exercise)
    return tuple(parsed)


def _video_url(r: _Reader, value: Any, where: str) -> str | None:
    text = r.text(value, where, max_length=VIDEO_URL_LIMIT)
    if not text:
        return None
    parsed = urlparse(text)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc or \
            any(c.isspace() for c in text):
        raise r.fail(where, f"{json.dumps(text)} is not a web link: give one starting "
                     "with http:// or https://")
    return text


def _parse_slot(r: _Reader, value: Any, where: str, version: int = FORMAT_VERSION
                ) -> SlotEntry:
    data = r.obj(value, where, SLOT_FIELDS if version >= 3 else SLOT_FIELDS - {"group"},
                 {"exercise", "sets"})
    group = r.whole(data.get("group"), f"{where}.group", optional=True)
    if group is not None and group > 10_000:
        raise r.fail(f"{where}.group", "must be a whole number from 1 to 10000")
    reps = r.whole(data.get("reps"), f"{where}.reps", optional=True)
    seconds = r.whole(data.get("seconds"), f"{where}.seconds", optional=True)
    if reps is None and seconds is None:
        raise r.fail(f"{where}.reps", "give reps or seconds")
    per_side = r.flag(data.get("per_side"), f"{where}.per_side")
    side = r.choice(Side, data.get("side"), f"{where}.side")
    if per_side and side is not None:
        raise r.fail(f"{where}.side", "must be null when per_side is true")
    return SlotEntry(
        exercise=r.text(data["exercise"], f"{where}.exercise", required=True, max_length=120),
        sets=r.whole(data["sets"], f"{where}.sets") or 1,
        reps=reps,
        seconds=seconds,
        per_side=per_side,
        side=side,
        tempo=r.text(data.get("tempo"), f"{where}.tempo", max_length=20),
        load=r.text(data.get("load"), f"{where}.load", max_length=60),
        intensity=r.choice(Intensity, data.get("intensity"), f"{where}.intensity"),
        rest_s=r.whole(data.get("rest_s"), f"{where}.rest_s", optional=True, minimum=0),
        notes=r.text(data.get("notes"), f"{where}.notes"),
        group=group,
    )


# --- writing -------------------------------------------------------------------------


def to_data(template: TemplateFile) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": template.name,
        "notes": template.notes,
    }
    if template.client is not None:
        c = template.client
        data["client"] = {
            "name": c.name,
            "goal": plain(c.goal),
            "race_distance": plain(c.race_distance),
            "stage": plain(c.stage),
            "injuries": [i.value for i in c.injuries],
            "key_run_days": [d.value for d in c.key_run_days],
        }
    if template.exercises:
        data["exercises"] = [
            {
                "name": e.name,
                "laterality": e.laterality.value,
                "muscles": [m.value for m in e.muscles],
                "phase": e.phase.value,
                "plyometric": e.plyometric,
                "eccentric": e.eccentric,
                "core_plane": plain(e.core_plane),
                "secondary_muscles": [m.value for m in e.secondary_muscles],
                "pattern": plain(e.pattern),
                "impact": plain(e.impact),
                "external_load": plain(e.external_load),
                "notes": e.notes,
                "video_url": e.video_url,
            }
            for e in template.exercises
        ]
    if template.day_titles:
        data["titles"] = {d.value: t for d, t in template.day_titles.items() if t}
    if template.micro_days:
        data["micro"] = [d.value for d in WEEKDAYS if d in template.micro_days]
    data["days"] = {
        d.value: [_slot_data(s) for s in template.days[d]] for d in WEEKDAYS if d in template.days
    }
    return data


def _slot_data(slot: SlotEntry) -> dict[str, Any]:
    return {
        "exercise": slot.exercise,
        "sets": slot.sets,
        "reps": slot.reps,
        "seconds": slot.seconds,
        "per_side": slot.per_side,
        "side": plain(slot.side),
        "tempo": slot.tempo,
        "load": slot.load,
        "intensity": plain(slot.intensity),
        "rest_s": slot.rest_s,
        "notes": slot.notes,
        "group": slot.group,
    }


def dumps_template(template: TemplateFile) -> str:
    return json.dumps(to_data(template), ensure_ascii=False, indent=2) + "\n"


def write_template_file(template: TemplateFile, path: Path) -> Path:
    """Write atomically: a temp file in the same folder, then rename over the target."""
    return write_atomic(path, dumps_template(template))
