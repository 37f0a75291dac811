"""The starter library shipped in ``resources/starter_library.json``.

Seeding adds each shipped exercise once. A key that was seeded before is never added or
changed again, so a coach's edits (and deletions) of built-in exercises survive every
later start; exercises added to the file in a newer CoachDesk still arrive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from coachdesk.paths import RESOURCES_DIR

if TYPE_CHECKING:
    from coachdesk.db import Database

STARTER_PATH = RESOURCES_DIR / "starter_library.json"
SEEDED_SETTING = "starter_library"

# JSON keys of the starter file → Exercise attributes.
_FIELD_MAP = {
    "name": "name",
    "aliases": "aliases",
    "muscles": "muscles",
    "laterality": "laterality",
    "core_plane": "core_plane",
    "phase": "phase",
    "plyometric": "plyometric",
    "eccentric": "eccentric",
    "equipment": "equipment",
    "load_type": "load_type",
    "notes": "notes",
    "video_url": "video_url",
}


@dataclass(frozen=True)
class SeedResult:
    added: int
    already_seeded: int
    name_taken: int


@cache
def starter_entries() -> tuple[dict[str, Any], ...]:
    """The shipped exercises, as the JSON file holds them."""
    data = json.loads(STARTER_PATH.read_text(encoding="utf-8"))
    return tuple(data["exercises"])


def starter_entry(key: str) -> dict[str, Any] | None:
    return next((e for e in starter_entries() if e["key"] == key), None)


def exercise_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """Model keyword arguments for one starter entry."""
    fields = {attr: entry.get(key) for key, attr in _FIELD_MAP.items()}
    fields["aliases"] = fields["aliases"] or []
    fields["equipment"] = fields["equipment"] or []
    fields["notes"] = fields["notes"] or ""
    fields["plyometric"] = bool(fields["plyometric"])
    fields["eccentric"] = bool(fields["eccentric"])
    fields["image_path"] = entry.get("image")
    return fields


def seed_starter_library(db: Database) -> SeedResult:
    """Add the shipped exercises this database has never had; touch nothing else."""
    from coachdesk.models import AppSetting, Exercise, name_key

    with db.write() as session:
        setting = session.get(AppSetting, SEEDED_SETTING)
        seeded: set[str] = set(setting.value.get("keys", [])) if setting else set()
        taken = set(session.scalars(select(Exercise.name_key)))
        added = already = clashes = 0
        for entry in starter_entries():
            key = entry["key"]
            if key in seeded:
                already += 1
                continue
            seeded.add(key)
            if name_key(entry["name"]) in taken:
                clashes += 1
                continue
            exercise = Exercise(builtin_key=key, **exercise_fields(entry))
            exercise.check_consistency()
            session.add(exercise)
            taken.add(exercise.name_key)
            added += 1
        value = {"keys": sorted(seeded)}
        if setting is None:
            session.add(AppSetting(key=SEEDED_SETTING, value=value))
        elif added or clashes:
            setting.value = value
    return SeedResult(added=added, already_seeded=already, name_taken=clashes)
