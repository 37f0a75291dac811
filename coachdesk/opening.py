"""Opening the coach's database as the app, the CLI and the tests' fixture want it:
migrated, with the starter library brought up to date. Sits above :mod:`coachdesk.db`
and :mod:`coachdesk.library.starter`, so neither needs the other's help."""

from __future__ import annotations

from coachdesk.db import Database, disposed_on_error, open_database
from coachdesk.library.starter import seed_starter_library


def open_app_database(location: str | None = None) -> Database:
    """:func:`open_database`, then the starter library seeded (not on a read-only file)."""
    db = open_database(location)
    if not db.read_only:
        with disposed_on_error(db):
            seed_starter_library(db)
    return db
