"""The database floor only migrates; the app's opening adds the starter library."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from coachdesk.db import open_database
from coachdesk.models import Exercise
from coachdesk.opening import open_app_database


def _exercises(location: str) -> int:
    db = open_database(location)
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(Exercise)) or 0
    finally:
        db.dispose()


def test_open_database_migrates_and_seeds_nothing(tmp_path: Path) -> None:
    assert _exercises(str(tmp_path / "bare.sqlite3")) == 0


def test_the_app_opening_seeds_the_starter_library_once(tmp_path: Path) -> None:
    location = str(tmp_path / "studio.sqlite3")
    open_app_database(location).dispose()
    seeded = _exercises(location)
    assert seeded > 60
    open_app_database(location).dispose()
    assert _exercises(location) == seeded
