"""The first screen's roster, read with plain sqlite3 before SQLAlchemy loads, is the roster
``list_clients`` gives: the same rows, fields and order; anything unusual gives None."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from coachdesk.first_screen import read_roster
from coachdesk.services import clients, programs
from coachdesk.services import templates as svc

pytestmark = pytest.mark.sqlite_only


def test_the_quick_roster_is_the_services_roster(db) -> None:
    ids = [clients.create_client(db, clients.ClientData(
        name=name, email=f"{n}@example.com", goal="race", race_distance="10k",
        stage="strength", season="pre_season", race_date=date(2027, 4, 11),
        key_run_days=("tue", "sat"), injuries=("itbs",), injury_notes="Left knee",
        notes="Runs early")) for n, name in enumerate(["Zoë", "ana Río", "Ben", "Émile"])]
    clients.set_archived(db, ids[2], True)
    template_id = svc.create_template(db, "Week")
    svc.add_slot(db, template_id, "mon", svc.exercise_choices(db)[0].id)
    program_id = programs.assign_program(db, template_id, ids[0], date(2027, 1, 4), 6)
    programs.assign_program(db, template_id, ids[0], date(2027, 3, 1), 4)
    programs.mark_emailed(db, program_id)
    assert read_roster(db.sqlite_path) == clients.list_clients(db)


def test_an_empty_roster_reads_as_empty(db) -> None:
    assert read_roster(db.sqlite_path) == [] == clients.list_clients(db)


def test_anything_unusual_gives_none(db, tmp_path) -> None:
    assert read_roster(None) is None
    assert read_roster(tmp_path / "missing.sqlite3") is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_roster(garbage) is None
    with sqlite3.connect(db.sqlite_path) as connection:  # an older schema: the normal path
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
    assert read_roster(db.sqlite_path) is None


def test_reading_the_quick_roster_loads_no_database_layer(db) -> None:
    probe = ("import sys; from pathlib import Path; from coachdesk.first_screen import "
             f"read_roster; rows = read_roster(Path({str(db.sqlite_path)!r})); "
             "print(rows is not None, 'sqlalchemy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["True", "False"]


def test_the_forms_limits_are_the_client_tables_column_lengths() -> None:
    from coachdesk.models import Client
    from coachdesk.roster_rows import LIMITS

    assert {name: Client.__table__.c[name].type.length for name in LIMITS} == LIMITS
