"""What a program PDF prints: plain data built from a program's frozen week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.formats.template_file import TemplateFile
from coachdesk.models.brand import PAPER_SIZES, UNITS, validate_color
from coachdesk.progression import WeekPrescription, week_prescription
from coachdesk.vocab import WEEKDAYS, Weekday

DAY_NAMES = {Weekday.MON: "Monday", Weekday.TUE: "Tuesday", Weekday.WED: "Wednesday",
             Weekday.THU: "Thursday", Weekday.FRI: "Friday", Weekday.SAT: "Saturday",
             Weekday.SUN: "Sunday"}
BRAND_KEYS = ("business_name", "logo", "primary_color", "accent_color", "email", "phone",
              "website", "footer", "paper", "units")


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

    @classmethod
    def from_mapping(cls, data: Any, base_dir: Path | None = None) -> Brand:
        """A brand from a BRAND.json mapping; every key optional, each one checked."""
        if not isinstance(data, dict):
            raise ValidationError("brand", "must be a JSON object")
        unknown = sorted(set(data) - set(BRAND_KEYS))
        if unknown:
            raise ValidationError(unknown[0], f"unknown key (expected: {', '.join(BRAND_KEYS)})")
        for key, value in data.items():
            if value is not None and not isinstance(value, str):
                raise ValidationError(key, "must be text")
        values: dict[str, Any] = {}
        for key in ("business_name", "email", "phone", "website", "footer"):
            if data.get(key) is not None:
                text = data[key].strip()
                if key != "footer" and ("\n" in text or "\r" in text):
                    raise ValidationError(key, "must be on one line")
                values[key] = text
        for key in ("primary_color", "accent_color"):
            if data.get(key):
                values[key] = validate_color(key, data[key])
        if data.get("paper") is not None:
            if data["paper"] not in PAPER_SIZES:
                raise ValidationError("paper", f"must be one of {', '.join(PAPER_SIZES)}")
            values["paper"] = data["paper"]
        if data.get("units") is not None:
            if data["units"] not in UNITS:
                raise ValidationError("units", f"must be one of {', '.join(UNITS)}")
            values["units"] = data["units"]
        if data.get("logo"):
            logo = Path(data["logo"]).expanduser()
            if not logo.is_absolute() and base_dir is not None:
                logo = base_dir / logo
            values["logo_path"] = logo
        return cls(**values)


@dataclass(frozen=True)
class SlotSheet:
    order: int
    exercise: str
    per_side: bool
    side: str | None
    tempo: str
    rest_s: int | None
    intensity: str | None
    notes: str
    weeks: tuple[WeekPrescription, ...]


@dataclass(frozen=True)
class DaySheet:
    weekday: Weekday
    title: str
    slots: tuple[SlotSheet, ...]

    @property
    def name(self) -> str:
        return DAY_NAMES[self.weekday]


@dataclass(frozen=True)
class ExerciseSheet:
    name: str
    notes: str
    image_path: Path | None
    video_url: str | None
    muscles: tuple[str, ...]
    laterality: str


@dataclass(frozen=True)
class ProgramDocument:
    program_name: str
    client_name: str
    start_date: date
    weeks: int
    days: tuple[DaySheet, ...]
    exercises: tuple[ExerciseSheet, ...]
    deload_week: int | None = None
    notes: str = ""

    @property
    def end_date(self) -> date:
        return self.start_date + timedelta(weeks=self.weeks) - timedelta(days=1)

    @property
    def training_days(self) -> tuple[DaySheet, ...]:
        return tuple(d for d in self.days if d.slots)


def build_document(
    week: TemplateFile,
    *,
    program_name: str,
    client_name: str,
    start_date: date,
    weeks: int,
    material: dict[str, dict[str, Any]] | None = None,
    progression: dict[str, Any] | None = None,
    media_dir: Path | None = None,
) -> ProgramDocument:
    """Expand a frozen week and its progression rules into every week's numbers."""
    material = material or {}
    progression = progression or {}
    rules = progression.get("slots", {})
    deload = progression.get("deload_week")
    days = []
    for weekday in WEEKDAYS:
        slots = []
        for index, entry in enumerate(week.days.get(weekday, ())):
            rule = rules.get(f"{weekday.value}:{index}")
            slots.append(SlotSheet(
                order=index + 1, exercise=entry.exercise, per_side=entry.per_side,
                side=entry.side.value if entry.side else None, tempo=entry.tempo,
                rest_s=entry.rest_s, intensity=entry.intensity.value if entry.intensity else None,
                notes=entry.notes,
                weeks=tuple(week_prescription(entry.sets, entry.reps, entry.seconds, entry.load,
                                              rule, n, deload) for n in range(1, weeks + 1)),
            ))
        days.append(DaySheet(weekday, week.day_titles.get(weekday, ""), tuple(slots)))
    used = list(dict.fromkeys(s.exercise for d in days for s in d.slots))
    exercises = []
    for name in used:
        info = material.get(name, {})
        image = info.get("image_path")
        image_path = None
        if image:
            image_path = Path(image)
            if not image_path.is_absolute() and media_dir is not None:
                image_path = media_dir / image_path
        exercises.append(ExerciseSheet(
            name=name, notes=info.get("notes", ""), image_path=image_path,
            video_url=info.get("video_url"), muscles=tuple(info.get("muscles", ())),
            laterality=info.get("laterality", ""),
        ))
    return ProgramDocument(program_name, client_name, start_date, weeks, tuple(days),
                           tuple(exercises), deload, week.notes)
