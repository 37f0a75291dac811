"""Upgrading a database made before exercises had movement fields (schema 0001 → 0002):
nothing is lost, unedited built-ins take the re-tagged starter library, and coach-made
exercises whose pattern could only be guessed are marked for review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from coachdesk.db import alembic_config, connect
from coachdesk.library import starter
from coachdesk.models import Exercise
from coachdesk.opening import open_app_database

INSERT = text(
    "INSERT INTO exercise (builtin_key, name, name_key, aliases, muscles, laterality, "
    "core_plane, phase, plyometric, eccentric, equipment, load_type, notes, image_path, "
    "video_url, archived, version, created_at, updated_at) VALUES (:key, :name, :name_key, "
    ":aliases, :muscles, :laterality, :plane, :phase, :plyo, :ecc, :equipment, :load, "
    ":notes, NULL, NULL, 0, :version, '2026-01-01', '2026-01-01')")


def _legacy_row(name: str, muscles: list[str], *, key: str | None = None, version: int = 1,
                laterality: str = "bilateral", plane: str | None = None, phase: str = "strength",
                load: str = "bodyweight", equipment: tuple[str, ...] = (), notes: str = "",
                aliases: tuple[str, ...] = ()) -> dict[str, object]:
    return {"key": key, "name": name, "name_key": name.casefold(),
            "aliases": json.dumps(list(aliases)), "muscles": json.dumps(muscles),
            "laterality": laterality, "plane": plane, "phase": phase, "plyo": False,
            "ecc": False, "equipment": json.dumps(list(equipment)), "load": load,
            "notes": notes, "version": version}


@pytest.mark.sqlite_only
def test_a_schema_0001_library_upgrades_without_losing_a_field(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = connect(url)
    command.upgrade(alembic_config(old), "0001")
    rows = [
        # A built-in the coach never edited, still carrying the old, loose tags.
        _legacy_row("Dead Bug", ["core", "hip_flexors"], key="dead-bug",
                    plane="anti_extension", phase="stability"),
        # A built-in the coach edited: it stays the coach's, only gaining movement fields.
        _legacy_row("Goblet Squat", ["quads", "glutes", "core"], key="goblet-squat", version=3,
                    notes="My own cues.", equipment=("kettlebell",), load="external"),
        # Coach-made: one with a telling name, one the guesser cannot place.
        _legacy_row("Barbell Split Squat", ["quads", "glutes"], laterality="unilateral",
                    load="external", equipment=("barbell",), aliases=("BSS",)),
        _legacy_row("Studio Special", ["glutes"], notes="Ask Anna."),
    ]
    with old.engine.begin() as connection:
        for row in rows:
            connection.execute(INSERT, row)
    old.dispose()

    db = open_app_database(url)
    with db.read() as session:
        found = {e.name: e for e in session.scalars(select(Exercise))}
    db.dispose()

    shipped = {e["key"]: starter.with_movement(e) for e in starter.starter_entries()}
    dead_bug = found["Dead Bug"]
    assert dead_bug.pattern == shipped["dead-bug"]["pattern"] == "anti_extension"
    assert dead_bug.primary_muscles == shipped["dead-bug"]["primary_muscles"]
    assert dead_bug.shipped_revision == starter.entry_revision(starter.starter_entry("dead-bug"))

    goblet = found["Goblet Squat"]
    assert goblet.notes == "My own cues." and goblet.equipment == ["kettlebell"]
    assert goblet.primary_muscles == ["quads", "glutes", "core"]  # every muscle kept
    assert goblet.pattern == "squat" and goblet.shipped_revision is None
    assert goblet.external_load == "light_implement"

    split = found["Barbell Split Squat"]
    assert (split.pattern, split.needs_review, split.aliases) == ("lunge", False, ["BSS"])
    assert split.external_load == "loaded" and split.impact == "low"

    special = found["Studio Special"]
    assert special.needs_review is True and special.notes == "Ask Anna."
    assert special.primary_muscles == ["glutes"] and special.secondary_muscles == []


def test_an_edited_built_in_is_never_refreshed_by_a_newer_starter_library(
        db, ship) -> None:
    with db.write() as session:
        nordic = session.scalars(select(Exercise).where(Exercise.builtin_key == "nordic-curl")
                                 ).one()
        nordic.notes = "Partner holds the ankles."
    newer = tuple({**e, "notes": e["notes"] + "\n\nRevised."} for e in starter.starter_entries())
    ship(newer)
    result = starter.seed_starter_library(db)
    with db.read() as session:
        notes = dict(session.execute(select(Exercise.builtin_key, Exercise.notes)).all())
    assert notes["nordic-curl"] == "Partner holds the ankles."
    assert notes["calf-raise"].endswith("Revised.")
    assert result.refreshed == len(newer) - 1
