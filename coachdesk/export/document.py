"""What a program PDF prints: plain frozen data, built from a program's frozen week.

Nothing here touches a database or Qt; the services turn rows into these, the CLI builds
them from a template file, and :mod:`coachdesk.export.pdf` draws them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from coachdesk.blocks import block_labels, rests_inside_blocks
from coachdesk.errors import ValidationError
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.plan import Progression, SlotKey, slot_entries
from coachdesk.progression import SlotRuleError, WeekPrescription
from coachdesk.vocab import WEEKDAYS, Weekday, day_name

BRAND_KEYS = ("business_name", "logo", "primary_color", "accent_color", "email", "phone",
              "website", "footer", "paper", "units")
# The same rules as the brand profile in the database (models.brand), kept here so that
# exporting never needs to import the ORM.
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\".]+$")
PAPER_SIZES = ("A4", "Letter")
UNITS = ("kg", "lb")
ONE_LINE_LIMIT = 300
FOOTER_LIMIT = 2_000


def _color(key: str, value: str) -> str:
    text = value.strip()
    if not COLOR.match(text):
        raise ValidationError(key, f"{text!r} is not a colour like #1f6f5c")
    return text.lower()


def _one_line(key: str, value: str) -> str:
    text = value.strip()
    if "\n" in text or "\r" in text:
        raise ValidationError(key, "must be on one line")
    if len(text) > ONE_LINE_LIMIT:
        raise ValidationError(key, f"must be at most {ONE_LINE_LIMIT} characters")
    return text


def _tuple(instance: object, *names: str) -> None:
    """Store sequence fields as tuples, so a frozen document really cannot change."""
    for name in names:
        object.__setattr__(instance, name, tuple(getattr(instance, name)))


@dataclass(frozen=True)
class Brand:
    business_name: str = "Your studio"
    logo_path: Path | None = None
    primary_color: str = "#1f6f5c"
    accent_color: str = "#e07a2f"
    email: str = ""
    phone: str = ""
    website: str = ""
    footer: str = ""
    paper: str = "A4"
    units: str = "kg"

    def __post_init__(self) -> None:
        # Checked here too, so a bad value is a clear error before ReportLab starts.
        object.__setattr__(self, "primary_color", _color("primary_color", self.primary_color))
        object.__setattr__(self, "accent_color", _color("accent_color", self.accent_color))
        if self.paper not in PAPER_SIZES:
            raise ValidationError("paper", f"must be one of {', '.join(PAPER_SIZES)}")
        if self.units not in UNITS:
            raise ValidationError("units", f"must be one of {', '.join(UNITS)}")
        if self.logo_path is not None:
            object.__setattr__(self, "logo_path", Path(self.logo_path))

    @classmethod
    def from_mapping(cls, data: Any, base_dir: Path | None = None) -> Brand:
        """A brand from a BRAND.json mapping: every key optional, each one checked, and
        a ``ValidationError`` naming the key otherwise. A relative ``logo`` is read
        relative to ``base_dir`` (the folder of the JSON file)."""
        if not isinstance(data, Mapping):
            raise ValidationError("brand", "must be a JSON object")
        for key, value in data.items():
            if key not in BRAND_KEYS:
                raise ValidationError(str(key), f"unknown key (expected one of: "
                                      f"{', '.join(BRAND_KEYS)})")
            if value is not None and not isinstance(value, str):
                raise ValidationError(key, "must be text")
        values: dict[str, Any] = {}
        for key in ("business_name", "phone", "website"):
            if data.get(key) is not None:
                values[key] = _one_line(key, data[key])
        if data.get("email"):
            email = _one_line("email", data["email"])
            if email and not EMAIL.match(email):
                raise ValidationError("email", f"{email!r} is not a valid e-mail address")
            values["email"] = email
        if data.get("footer") is not None:
            footer = data["footer"].strip()
            if len(footer) > FOOTER_LIMIT:
                raise ValidationError("footer", f"must be at most {FOOTER_LIMIT} characters")
            values["footer"] = footer
        for key in ("primary_color", "accent_color"):
            if data.get(key) is not None:
                values[key] = _color(key, data[key])
        for key, allowed in (("paper", PAPER_SIZES), ("units", UNITS)):
            if data.get(key) is not None:
                if data[key] not in allowed:
                    raise ValidationError(key, f"must be one of {', '.join(allowed)}")
                values[key] = data[key]
        if not values.get("business_name", "x"):
            del values["business_name"]  # an empty name keeps the default
        if data.get("logo"):
            logo = Path(_one_line("logo", data["logo"])).expanduser()
            if not logo.is_absolute() and base_dir is not None:
                logo = Path(base_dir) / logo
            values["logo_path"] = logo
        return cls(**values)


@dataclass(frozen=True)
class ClientInfo:
    name: str
    email: str = ""
    goal: str | None = None
    race_distance: str | None = None
    stage: str | None = None
    injuries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _tuple(self, "injuries")

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else self.name


@dataclass(frozen=True)
class SlotSheet:
    order: int
    exercise_name: str
    per_side: bool
    side: str | None
    tempo: str
    rest_s: int | None
    notes: str
    intensity: str | None
    weeks: tuple[WeekPrescription, ...]
    block: str = ""  # "A1" in a superset, "" on its own
    rest_after_block: bool = True  # False inside a superset: the next one follows at once

    def __post_init__(self) -> None:
        _tuple(self, "weeks")

    @property
    def label(self) -> str:
        return self.block or str(self.order)


@dataclass(frozen=True)
class DaySheet:
    weekday: Weekday
    title: str
    slots: tuple[SlotSheet, ...]

    def __post_init__(self) -> None:
        _tuple(self, "slots")

    @property
    def name(self) -> str:
        return day_name(self.weekday)


@dataclass(frozen=True)
class ExerciseSheet:
    name: str
    notes_markdown: str = ""
    image_path: Path | None = None
    video_url: str | None = None
    muscles: tuple[str, ...] = ()
    laterality: str = ""

    def __post_init__(self) -> None:
        _tuple(self, "muscles")


@dataclass(frozen=True)
class ProgramDocument:
    program_name: str
    client: ClientInfo
    start_date: date
    weeks: int
    days: tuple[DaySheet, ...]
    exercises: tuple[ExerciseSheet, ...] = ()
    deload_week: int | None = None
    notes: str = ""
    language: str = "en"  # of the dates only (see coachdesk.dates.PDF_LANGUAGES)

    def __post_init__(self) -> None:
        _tuple(self, "days", "exercises")
        if isinstance(self.weeks, bool) or not isinstance(self.weeks, int) or \
                not 1 <= self.weeks <= 52:
            raise ValidationError("weeks", "must be from 1 to 52")
        for day in self.days:
            for slot in day.slots:
                if len(slot.weeks) != self.weeks:
                    raise ValidationError("weeks", f"{slot.exercise_name} on {day.name} has "
                                          f"{len(slot.weeks)} weeks of numbers, not "
                                          f"{self.weeks}")

    @property
    def client_name(self) -> str:
        return self.client.name

    @property
    def end_date(self) -> date:
        return self.start_date + timedelta(weeks=self.weeks) - timedelta(days=1)

    @property
    def training_days(self) -> tuple[DaySheet, ...]:
        return tuple(d for d in self.days if d.slots)


def _exercise_sheet(name: str, info: Mapping[str, Any], media_dir: Path | None) -> ExerciseSheet:
    image = info.get("image_path")
    image_path = None
    if image:
        image_path = Path(image)
        if not image_path.is_absolute() and media_dir is not None:
            image_path = media_dir / image_path
    return ExerciseSheet(
        name=name, notes_markdown=info.get("notes") or "", image_path=image_path,
        video_url=info.get("video_url") or None, muscles=tuple(info.get("muscles") or ()),
        laterality=info.get("laterality") or "")


def build_document(
    week: TemplateFile,
    *,
    program_name: str,
    start_date: date,
    weeks: int,
    client: ClientInfo | None = None,
    client_name: str | None = None,
    material: Mapping[str, Mapping[str, Any]] | None = None,
    progression: Progression | Mapping[str, Any] | None = None,
    media_dir: Path | None = None,
    units: str = "",
    language: str = "en",
) -> ProgramDocument:
    """Expand a frozen week and its progression (a :class:`Progression`, or its stored
    dict ``{"slots": {"mon:0": rule}, "deload_week": 4}``) into every week's numbers.
    ``material`` maps an exercise name to its ``notes`` (Markdown), ``image_path``,
    ``video_url``, ``muscles`` and ``laterality``; ``units`` is the load unit of rules that
    name none; ``language`` is the dates' language."""
    if client is None:
        client = ClientInfo(name=client_name or "Client")
    material = material or {}
    entries = dict(slot_entries(week))
    if not isinstance(progression, Progression):
        try:
            progression = Progression.from_json(progression)
        except SlotRuleError as error:
            key = SlotKey.parse(error.slot)
            raise _slot_error(key, entries.get(key), error) from None
    sheets: dict[Weekday, list[SlotSheet]] = {}
    for key, entry in entries.items():
        try:
            numbers = progression.weeks_for(key, entry, weeks, units)
        except ValidationError as error:
            if error.field in ("weeks", "deload_week"):
                raise  # about the program, not this slot
            raise _slot_error(key, entry, error) from None
        sheets.setdefault(key.weekday, []).append(SlotSheet(
            order=key.position + 1, exercise_name=entry.exercise, per_side=entry.per_side,
            side=entry.side.value if entry.side else None, tempo=entry.tempo,
            rest_s=entry.rest_s, notes=entry.notes,
            intensity=entry.intensity.value if entry.intensity else None,
            weeks=numbers,
        ))
    for weekday, day_sheets in sheets.items():
        labels = block_labels([entry.group for entry in week.days.get(weekday, ())])
        back_to_back = rests_inside_blocks(labels)
        sheets[weekday] = [replace(sheet, block=labels[i], rest_after_block=not back_to_back[i])
                           for i, sheet in enumerate(day_sheets)]
    days = [DaySheet(weekday, week.day_titles.get(weekday, ""),
                     tuple(sheets.get(weekday, ()))) for weekday in WEEKDAYS]
    used = dict.fromkeys(s.exercise_name for d in days for s in d.slots)
    exercises = tuple(_exercise_sheet(name, material.get(name) or {}, media_dir)
                      for name in used)
    return ProgramDocument(program_name, client, start_date, weeks, tuple(days), exercises,
                           progression.deload_week, week.notes, language)


def _slot_error(key: SlotKey, entry: SlotEntry | None, error: ValidationError
                ) -> ValidationError:
    """A slot's problem, its field named ``progression.mon:0.step``."""
    what = f"{entry.exercise}: " if entry is not None else ""
    return ValidationError(f"progression.{key}.{error.field}", f"{what}{error.message}")
