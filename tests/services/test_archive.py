"""Export all data → import into a fresh database gives identical data (SQLite and, in CI,
PostgreSQL on either side)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.opening import open_app_database
from coachdesk.services import archive, brand, clients, programs
from coachdesk.services import templates as tpl


def fill(db: Database) -> None:
    ana = clients.create_client(db, clients.ClientData(
        name="Ana Río 🏃", email="ana@example.com", goal="race", race_distance="marathon",
        stage="strength", injuries=("shin_splints",), key_run_days=("tue", "sat")))
    week = tpl.create_template(db, "In-season")
    ids = {c.name: c.id for c in tpl.exercise_choices(db)}
    tpl.add_slots(db, week, "mon", [ids["Nordic Curl"], ids["Calf Raise"]])
    tpl.set_day_title(db, week, "mon", "Full body A")
    program = programs.assign_program(db, week, ana, date(2026, 12, 7), 8)
    programs.set_progression(db, program, {"slots": {"mon:0": {"kind": "add_reps"}},
                                           "deload_week": 4})
    programs.mark_exported(db, program)
    brand.save_brand(db, brand.BrandData(business_name="Run Strong", paper="Letter"))


def comparable(db: Database) -> dict:
    return archive.archive_data(db)["tables"]


def test_export_then_import_into_a_fresh_sqlite_database(db: Database, tmp_path: Path) -> None:
    fill(db)
    path = archive.export_archive(db, tmp_path / "everything.zip")
    target = open_app_database(str(tmp_path / "moved.sqlite3"))
    counts = archive.import_archive(target, path)
    assert counts["client"] == 1 and counts["slot"] == 2 and counts["exercise"] >= 60
    assert comparable(target) == comparable(db)
    new_id = clients.create_client(target, clients.ClientData(name="After the move"))
    assert new_id > 1  # id sequences continue after the imported rows
    target.dispose()


def test_import_from_a_sqlite_archive_into_this_engine(db: Database, tmp_path: Path) -> None:
    source = open_app_database(str(tmp_path / "source.sqlite3"))
    fill(source)
    path = archive.export_archive(source, tmp_path / "everything.zip")
    archive.import_archive(db, path)
    assert comparable(db) == comparable(source)
    assert clients.create_client(db, clients.ClientData(name="Next")) == 2
    source.dispose()


def test_import_refuses_a_database_with_data_and_a_bad_file(db: Database, tmp_path) -> None:
    fill(db)
    path = archive.export_archive(db, tmp_path / "everything.zip")
    with pytest.raises(CoachDeskError, match="needs an empty database"):
        archive.import_archive(db, path)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(CoachDeskError, match="not a CoachDesk archive"):
        archive.import_archive(db, bad)
