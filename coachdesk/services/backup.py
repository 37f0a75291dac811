"""Copies of a SQLite database made with SQLite's online backup API (safe while in use)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError


def backup_to(db: Database, destination: Path) -> Path:
    """Write a consistent copy of ``db`` to ``destination`` (temp file, then rename)."""
    source_path = db.sqlite_path
    if source_path is None:
        raise CoachDeskError(
            "Backups from CoachDesk are for SQLite databases; back up a shared server "
            "with its own tools (for PostgreSQL: pg_dump)."
        )
    destination = destination.expanduser().resolve()
    if destination == source_path.resolve():
        raise CoachDeskError("Choose a different file from the open database for the backup.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(
        prefix=".coachdesk-backup-", suffix=".tmp", dir=destination.parent
    )
    os.close(fd)
    try:
        with sqlite3.connect(source_path) as source, sqlite3.connect(temp_name) as target:
            source.backup(target)
        source.close()
        target.close()
        os.replace(temp_name, destination)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return destination
