"""``coachdesk backup``: a consistent copy of a SQLite database, without the window.

Exit 0 with the backup's path printed; 2 with the reason when refused (not SQLite, no such
file, a damaged file, a folder that cannot be written)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_REFUSED = 2


def _refuse(reason: str) -> int:
    print(f"coachdesk backup: {reason}", file=sys.stderr)
    return EXIT_REFUSED


def run(location: str | None, folder: str | None) -> int:
    from coachdesk import paths
    from coachdesk.db import check_integrity, connect, resolve_database_url
    from coachdesk.errors import CoachDeskError, DatabaseOpenError
    from coachdesk.services.backup import backup_now

    try:
        url = resolve_database_url(location)
    except DatabaseOpenError as error:
        return _refuse(str(error))
    path = paths.sqlite_path(url)
    if path is None:
        return _refuse(f"{paths.display_name(url)} is not a SQLite file; back up a server "
                       "database with its own tools (for PostgreSQL: pg_dump).")
    if not path.is_file():
        return _refuse(f"there is no database at {path}.")
    try:
        check_integrity(path)
    except DatabaseOpenError as error:
        return _refuse(str(error))
    db = connect(url)
    try:
        target = Path(folder).expanduser() if folder else _settings_folder(db)
        written = backup_now(db, target, rotate_after=False)
    except (CoachDeskError, OSError, sqlite3.Error) as error:
        return _refuse(f"the backup could not be written ({paths.redact(str(error))}).")
    finally:
        db.dispose()
    print(written)
    return EXIT_OK


def _settings_folder(db: object) -> Path | None:
    """The backup folder chosen in the app's settings, else None (``backups`` beside)."""
    from sqlalchemy.exc import SQLAlchemyError

    from coachdesk.services.settings import backup_folder

    try:
        return backup_folder(db)  # type: ignore[arg-type]
    except SQLAlchemyError:
        return None
