"""Realistic sample programs and pictures for the export tests, the benchmark and the
screenshots: plain data only, no database and no Qt."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from coachdesk.export.document import Brand, ClientInfo, ProgramDocument, build_document
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.library.starter import starter_entries
from coachdesk.vocab import Intensity, Side, Weekday


def starter_material(images: dict[str, Path] | None = None) -> dict[str, dict[str, Any]]:
    images = images or {}
    return {e["name"]: {"notes": e["notes"], "video_url": e["video_url"],
                        "image_path": images.get(e["name"]), "muscles": e["primary_muscles"],
                        "laterality": e["laterality"]}
            for e in starter_entries()}


def make_logo(path: Path, color: str = "#23395d", accent: str = "#f25f5c") -> Path:
    """A small studio logo: a rounded square with a runner's stride mark."""
    image = Image.new("RGBA", (360, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 159, 159), radius=32, fill=color)
    draw.polygon([(40, 118), (80, 40), (96, 40), (64, 104), (120, 104), (112, 118)],
                 fill=accent)
    draw.rectangle((184, 46, 350, 70), fill=color)
    draw.rectangle((184, 90, 300, 110), fill=accent)
    image.save(path)
    return path


def make_picture(path: Path, color: str = "#5b8c85") -> Path:
    """A stand-in demonstration photo (JPEG) of a figure in a split squat."""
    image = Image.new("RGB", (640, 480), "#eef2f1")
    draw = ImageDraw.Draw(image)
    draw.ellipse((290, 60, 350, 120), fill=color)
    draw.line((320, 120, 320, 260), fill=color, width=18)
    draw.line((320, 260, 230, 330, 230, 420), fill=color, width=18)
    draw.line((320, 260, 420, 330, 470, 420), fill=color, width=18)
    draw.line((320, 160, 250, 220), fill=color, width=14)
    draw.line((0, 430, 640, 430), fill="#9aa5a2", width=6)
    image.save(path, "JPEG", quality=85)
    return path


def _slot(name: str, sets: int, reps: int | None = None, seconds: int | None = None,
          **extra: Any) -> SlotEntry:
    return SlotEntry(exercise=name, sets=sets, reps=reps, seconds=seconds, **extra)


def runner_week() -> TemplateFile:
    days = {
        Weekday.MON: (
            _slot("Nordic Curl", 3, 4, tempo="4-0-1-0", rest_s=120, intensity=Intensity.HEAVY,
                  notes="Partner holds the heels; stop each set before your form breaks."),
            _slot("ATG Split Squat", 3, 8, per_side=True, load="8 kg", tempo="3-1-1-0",
                  rest_s=90),
            _slot("Single-Leg Calf Raise", 3, 12, per_side=True, rest_s=60),
            _slot("Side Plank", 3, seconds=30, per_side=True, rest_s=45),
        ),
        Weekday.WED: (
            _slot("Romanian Deadlift", 4, 6, load="40 kg", tempo="3-0-1-0", rest_s=120),
            _slot("Lateral Step-Down", 3, 10, per_side=True, rest_s=60,
                  notes="Box at mid-shin height to start."),
            _slot("Copenhagen Plank", 3, seconds=20, per_side=True, rest_s=45),
            _slot("Tibialis Raise", 2, 20, rest_s=45),
            _slot("Pallof Press", 3, 10, per_side=True, load="red band", rest_s=45),
        ),
        Weekday.SAT: (
            _slot("Bulgarian Split Squat", 3, 8, per_side=True, load="2 × 10 kg", rest_s=90),
            _slot("Single-Leg Glute Bridge", 3, 12, per_side=True, rest_s=60),
            _slot("Eccentric Calf Lower", 3, 10, side=Side.LEFT,
                  notes="Left side only while the Achilles settles."),
            _slot("Dead Bug", 3, 10, per_side=True, rest_s=45),
        ),
    }
    titles = {Weekday.MON: "Hamstrings & single-leg strength",
              Weekday.WED: "Hinge & hip stability", Weekday.SAT: "Easy-run day: legs & core"}
    return TemplateFile(name="Marathon base block", days=days, day_titles=titles,
                        notes="Keep these sessions at least 24 hours away from your long run. "
                              "Stop any exercise that hurts and tell me.")


RUNNER_PROGRESSION = {
    "slots": {
        "mon:0": {"kind": "add_reps", "step": 1, "every": 2},
        "mon:1": {"kind": "add_load", "step": 2, "units": "kg"},
        "mon:3": {"kind": "add_reps", "step": 1},
        "wed:0": {"kind": "add_load", "step": 2.5, "units": "kg"},
        "wed:1": {"kind": "note", "notes": {"3": "raise the box 5 cm", "6": "hold a 4 kg plate"}},
        "wed:2": {"kind": "add_sets", "step": 1, "every": 4},
        "sat:0": {"kind": "add_reps", "step": 1},
    },
    "deload_week": 4,
}


def runner_document(folder: Path | None = None, weeks: int = 8,
                    name: str = "Zoë Ångström-Nakamura 中村") -> ProgramDocument:
    images = {}
    if folder is not None:
        images = {"ATG Split Squat": make_picture(folder / "atg.jpg"),
                  "Nordic Curl": make_picture(folder / "nordic.jpg", "#8c5b5b")}
    client = ClientInfo(name=name, email="zoe@example.com", goal="race",
                        race_distance="marathon", stage="strength", injuries=("shin_splints",))
    return build_document(runner_week(), program_name="Marathon base block · Spring",
                          client=client, start_date=date(2027, 3, 1), weeks=weeks,
                          material=starter_material(images), progression=RUNNER_PROGRESSION,
                          units="kg")


def studio_brand(logo: Path | None = None, **changes: Any) -> Brand:
    values: dict[str, Any] = {
        "business_name": "Stride Strength Studio", "logo_path": logo,
        "primary_color": "#23395d", "accent_color": "#f25f5c",
        "email": "coach@stride.example", "phone": "+44 20 7946 0018",
        "website": "stride.example", "footer": "Strength for runners · Clapham, London",
    }
    values.update(changes)
    return Brand(**values)


def bench_document(weeks: int = 12, days: int = 4, per_day: int = 8) -> ProgramDocument:
    """The benchmark's program: ``days`` × ``per_day`` different starter exercises."""
    entries = list(starter_entries())
    weekdays = (Weekday.MON, Weekday.TUE, Weekday.THU, Weekday.SAT, Weekday.WED,
                Weekday.FRI, Weekday.SUN)[:days]
    plan = {}
    for d, weekday in enumerate(weekdays):
        plan[weekday] = tuple(
            _slot(entries[(d * per_day + n) % len(entries)]["name"], 3, 8,
                  per_side=n % 2 == 0, tempo="3-1-1-0", load="12 kg", rest_s=60,
                  notes="Keep the pelvis level.")
            for n in range(per_day))
    progression = {"slots": {f"mon:{n}": {"kind": "add_reps", "step": 1}
                             for n in range(per_day)}, "deload_week": 4}
    return build_document(TemplateFile(name="Benchmark block", days=plan),
                          program_name="Benchmark block", client_name="Ana Río",
                          start_date=date(2027, 1, 4), weeks=weeks,
                          material=starter_material(), progression=progression)
