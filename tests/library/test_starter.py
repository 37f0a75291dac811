"""The starter library: complete, well-formed, seeded once, never overwriting a coach's edits."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.library import starter
from coachdesk.models import Exercise
from coachdesk.opening import open_app_database
from coachdesk.vocab import CorePlane, Muscle

BLOG_EXERCISES = [
    "Nordic Curl", "Banded Nordic Curl", "Glute Ham Raise", "Back Extension",
    "Single-Leg Balance", "Single-Leg Toe Touch", "ATG Split Squat", "Stationary Lunge",
    "Lateral Step-Down", "Lateral Step-Up", "Calf Raise", "Tibialis Raise",
]
NOTE_HEADINGS = ["### Setup", "### Cues", "### Common faults", "### Easier / harder",
                 "### Why runners do it"]


def test_the_starter_library_is_big_enough_and_names_every_blog_exercise() -> None:
    entries = starter.starter_entries()
    names = {e["name"] for e in entries}
    assert len(entries) >= 60
    assert [n for n in BLOG_EXERCISES if n not in names] == []


def test_every_starter_exercise_has_its_own_demonstration_notes() -> None:
    entries = starter.starter_entries()
    for entry in entries:
        assert [h for h in NOTE_HEADINGS if h not in entry["notes"]] == [], entry["name"]
    notes = [e["notes"] for e in entries]
    assert len(set(notes)) == len(notes)


def test_the_starter_library_covers_a_runner_program() -> None:
    entries = starter.starter_entries()
    planes = {e["core_plane"] for e in entries}
    anti = {CorePlane.ANTI_EXTENSION, CorePlane.ANTI_ROTATION, CorePlane.ANTI_LATERAL_FLEXION}
    assert anti <= planes
    plyometric = [e for e in entries if e["plyometric"]]
    assert len(plyometric) >= 5
    assert all(e["phase"] == "power" for e in plyometric)
    for muscle in (Muscle.HIP_ABDUCTORS, Muscle.HIP_ADDUCTORS, Muscle.CALVES, Muscle.FEET_ANKLES,
                   Muscle.GLUTES, Muscle.CHEST, Muscle.BACK):
        assert any(muscle in e["primary_muscles"] for e in entries), muscle


def test_seeding_loads_every_exercise_into_a_new_database(db: Database) -> None:
    with db.read() as session:
        count = session.scalar(select(func.count()).select_from(Exercise))
        builtin = session.scalar(select(func.count()).where(Exercise.builtin_key.is_not(None)))
    assert count == builtin == len(starter.starter_entries())


def test_seeding_again_changes_nothing(db: Database) -> None:
    result = starter.seed_starter_library(db)
    assert result.added == 0
    assert result.already_seeded == len(starter.starter_entries())


def test_seeding_keeps_the_coachs_edits_and_deletions(db: Database) -> None:
    with db.write() as session:
        nordic = session.scalars(select(Exercise).where(Exercise.name == "Nordic Curl")).one()
        nordic.name = "Nordic Curl (partner holds ankles)"
        nordic.notes = "My own cues."
        calf = session.scalars(select(Exercise).where(Exercise.name == "Calf Raise")).one()
        session.delete(calf)
    db.dispose()
    reopened = open_app_database(db.url)
    with reopened.read() as session:
        names = set(session.scalars(select(Exercise.name)))
        edited = session.scalars(
            select(Exercise).where(Exercise.builtin_key == "nordic-curl")
        ).one()
    reopened.dispose()
    assert "Calf Raise" not in names
    assert "Nordic Curl" not in names
    assert edited.notes == "My own cues."


def test_an_exercise_shipped_in_a_newer_version_still_arrives(db: Database, ship) -> None:
    newer = (*starter.starter_entries(), {
        "key": "reverse-nordic", "name": "Reverse Nordic", "aliases": [],
        "muscles": ["quads"], "laterality": "bilateral", "core_plane": None,
        "phase": "strength", "plyometric": False, "eccentric": True, "equipment": ["mat"],
        "load_type": "bodyweight", "video_url": None, "image": None, "notes": "Kneel tall.",
    })
    ship(newer)
    result = starter.seed_starter_library(db)
    assert result.added == 1
    with db.read() as session:
        assert session.scalars(select(Exercise).where(Exercise.name == "Reverse Nordic")).one()


def test_the_starter_file_is_valid_json_with_unique_keys_and_names() -> None:
    data = json.loads(starter.STARTER_PATH.read_text(encoding="utf-8"))
    keys = [e["key"] for e in data["exercises"]]
    names = [e["name"].casefold() for e in data["exercises"]]
    aliases = [a.casefold() for e in data["exercises"] for a in e["aliases"]]
    assert len(set(keys)) == len(keys)
    assert len(set(names + aliases)) == len(names) + len(aliases)
