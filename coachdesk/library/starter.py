"""The starter library shipped in ``resources/starter_library.json``.

Seeding adds each shipped exercise once. A key that was seeded before is never added
again, so a coach's deletions survive every later start, and an exercise the coach edited
is never changed (its ``shipped_revision`` is cleared on the first edit). A built-in
exercise still as shipped is brought up to a newer CoachDesk's version of it; exercises
added to the file in a newer CoachDesk arrive.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from coachdesk.paths import RESOURCES_DIR

if TYPE_CHECKING:
    from coachdesk.db import Database

STARTER_PATH = RESOURCES_DIR / "starter_library.json"
SEEDED_SETTING = "starter_library"

# JSON keys of the starter file → Exercise attributes.
_FIELD_MAP = {
    "name": "name",
    "aliases": "aliases",
    "primary_muscles": "primary_muscles",
    "secondary_muscles": "secondary_muscles",
    "pattern": "pattern",
    "impact": "impact",
    "external_load": "external_load",
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
    refreshed: int = 0


@cache
def starter_text() -> str:
    return STARTER_PATH.read_text(encoding="utf-8")


@cache
def starter_entries() -> tuple[dict[str, Any], ...]:
    """The shipped exercises, as the JSON file holds them."""
    return tuple(json.loads(starter_text())["exercises"])


@cache
def starter_file_hash() -> str:
    """A content hash of the shipped file's bytes, stored when a database is seeded."""
    return hashlib.sha256(starter_text().encode("utf-8")).hexdigest()[:16]


def starter_entry(key: str) -> dict[str, Any] | None:
    return next((e for e in starter_entries() if e["key"] == key), None)


def entry_revision(entry: dict[str, Any]) -> str:
    """A short content hash of one shipped exercise: what a built-in row was seeded from."""
    text = json.dumps(entry, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def with_movement(entry: dict[str, Any]) -> dict[str, Any]:
    """An exercise entry with the movement fields, guessed when an older file lacks them
    (``muscles`` becomes ``primary_muscles``); ``needs_review`` says whether it was a guess."""
    from coachdesk.movement import infer_external_load, infer_impact, infer_pattern

    entry = dict(entry)
    if "primary_muscles" not in entry and "muscles" in entry:
        entry["primary_muscles"] = entry.pop("muscles")
    guessed = False
    if not entry.get("pattern"):
        guess = infer_pattern(str(entry.get("name") or ""), _listed(entry.get("primary_muscles")),
                              entry.get("core_plane"), entry.get("plyometric") is True)
        entry["pattern"], guessed = guess.pattern.value, guess.needs_review
        entry.setdefault("impact", infer_impact(guess.pattern, str(entry.get("name") or "")))
    if not entry.get("external_load"):
        entry["external_load"] = infer_external_load(str(entry.get("load_type") or ""),
                                                     _listed(entry.get("equipment")))
    entry["needs_review"] = bool(entry.get("needs_review")) or guessed
    return entry


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def exercise_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """Model keyword arguments for one starter entry."""
    entry = with_movement(entry)
    fields = {attr: entry.get(key) for key, attr in _FIELD_MAP.items()}
    for name in ("aliases", "equipment", "secondary_muscles"):
        fields[name] = fields[name] or []
    fields["notes"] = fields["notes"] or ""
    fields["plyometric"] = bool(fields["plyometric"])
    fields["eccentric"] = bool(fields["eccentric"])
    fields["image_path"] = entry.get("image")
    return fields


def seed_starter_library(db: Database) -> SeedResult:
    """Add the shipped exercises this database has never had, and bring built-in exercises
    the coach never edited up to the shipped version; touch nothing else. Does nothing
    when the starter file is the one seeded last time."""
    from sqlalchemy import select

    from coachdesk.models import AppSetting, Exercise, name_key

    file_hash = starter_file_hash()
    with db.read() as session:  # the usual case: a read, no write lock, no JSON parsed
        setting = session.get(AppSetting, SEEDED_SETTING)
        if setting is not None and setting.value.get("file") == file_hash:
            return SeedResult(0, len(setting.value.get("keys", [])), 0)
    entries = starter_entries()
    with db.write() as session:
        setting = session.get(AppSetting, SEEDED_SETTING)
        stored = setting.value if setting else {}
        if stored.get("file") == file_hash:
            return SeedResult(0, len(entries), 0)
        seeded: set[str] = set(stored.get("keys", []))
        rows = {e.builtin_key: e for e in session.scalars(
            select(Exercise).where(Exercise.builtin_key.is_not(None)))}
        seeded |= {key for key in rows if key}
        taken = set(session.scalars(select(Exercise.name_key)))
        added = already = clashes = refreshed = 0
        for entry in entries:
            key, revision = entry["key"], entry_revision(entry)
            if key in seeded:
                already += 1
                row = rows.get(key)
                if row is not None and row.shipped_revision not in (None, revision) \
                        and _refresh(row, entry, revision, taken):
                    refreshed += 1
                continue
            seeded.add(key)
            if name_key(entry["name"]) in taken:
                clashes += 1
                continue
            exercise = Exercise(builtin_key=key, **exercise_fields(entry))
            exercise.shipped_revision = revision
            exercise.check_consistency()
            session.add(exercise)
            taken.add(exercise.name_key)
            added += 1
        value = {"keys": sorted(seeded), "file": file_hash}
        if setting is None:
            session.add(AppSetting(key=SEEDED_SETTING, value=value))
        else:
            setting.value = value
    return SeedResult(added=added, already_seeded=already, name_taken=clashes,
                      refreshed=refreshed)


def _refresh(row: Any, entry: dict[str, Any], revision: str, taken: set[str]) -> bool:
    """Overwrite an unedited built-in row with its newer shipped version."""
    from coachdesk.models import name_key

    fields = exercise_fields(entry)
    new_key = name_key(fields["name"])
    if new_key != row.name_key and new_key in taken:
        return False  # the coach has another exercise of that name: leave this one be
    taken.discard(row.name_key)
    for attr, value in fields.items():
        if attr != "image_path" or value:
            setattr(row, attr, value)
    row.shipped_revision = revision
    row.check_consistency()
    taken.add(row.name_key)
    return True
