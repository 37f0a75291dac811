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


def open_existing_database(location: str | None = None) -> Database:
    """:func:`open_app_database` for a command that only reads (``check``, ``pdf``): a
    SQLite file that does not exist is a mistyped name, never a new database to create."""
    from coachdesk import paths
    from coachdesk.db import resolve_database_url
    from coachdesk.errors import DatabaseOpenError

    path = paths.sqlite_path(resolve_database_url(location))
    if path is not None and not path.is_file():
        source = "--db" if location is not None else paths.ENV_DATABASE_URL
        raise DatabaseOpenError(
            f"{source}: there is no database at {path}; check the file name (nothing was "
            "created).")
    return open_app_database(location)
