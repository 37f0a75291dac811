"""Tidying up on start: leftovers of killed processes, and private file modes.

Every temp file CoachDesk writes beside its data starts with ``.coachdesk-`` (``mkstemp``
prefixes) or ends in ``.tmp`` in the media folder; one older than this process cannot
belong to a write in progress here, and is removed. Files an older CoachDesk created
world-readable are made private (0600, folders 0700) on POSIX. Kept free of Qt."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from coachdesk import paths
from coachdesk.files import TEMP_PREFIX
from coachdesk.startup import seconds_since_process_start


def process_started_at() -> float:
    return time.time() - seconds_since_process_start()


def _older(path: Path, started: float) -> bool:
    try:
        return path.stat().st_mtime < started
    except OSError:
        return False


def _remove(path: Path, removed: list[Path]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError:  # in use elsewhere (Windows) or not ours to remove: leave it
        return
    removed.append(path)


def _temp_leftovers(folder: Path, database: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX) and p.is_file()]
    staging = folder / f".{database.name}.restoring"  # an older CoachDesk's restore staging
    found += [p for p in (staging, Path(f"{staging}-journal")) if p.is_file()]
    return found


def _settle_backup_journals(backups: Path, started: float, removed: list[Path]) -> None:
    """A ``-wal``/``-shm`` beside a backup (reading a WAL-mode backup left them): fold any
    pages back into the backup and switch it to a standalone file, so none remain."""
    if not backups.is_dir():
        return
    for journal in sorted(backups.glob("*.sqlite3-wal")) + sorted(backups.glob("*.sqlite3-shm")):
        if not journal.exists() or not _older(journal, started):
            continue
        owner = Path(str(journal)[: -len("-wal")])
        if owner.is_file():
            with contextlib.suppress(sqlite3.Error):
                connection = sqlite3.connect(owner)
                try:
                    connection.execute("PRAGMA journal_mode = DELETE")
                finally:
                    connection.close()
                removed.append(journal)
        if journal.exists() and not owner.exists():
            _remove(journal, removed)


def make_private(database: Path) -> None:
    """0600 for the database file and its journals, 0700 for its media and backup
    folders (POSIX; elsewhere the user folder's own permissions apply)."""
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.chmod(f"{database}{suffix}", 0o600)
    for folder in (paths.media_dir_for(database), database.parent / "backups"):
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)


def tidy(database: Path, started: float | None = None) -> list[Path]:
    """Remove temp files older than the process beside ``database``, in its backups and
    media folders; settle journals beside backups; make the files private. Returns what
    was removed."""
    started = process_started_at() if started is None else started
    removed: list[Path] = []
    backups = database.parent / "backups"
    media = paths.media_dir_for(database)
    for folder in (database.parent, backups, media):
        for path in _temp_leftovers(folder, database):
            if _older(path, started):
                _remove(path, removed)
    if media.is_dir():
        for path in media.glob("*.tmp"):
            if _older(path, started):
                _remove(path, removed)
    _settle_backup_journals(backups, started, removed)
    make_private(database)
    return removed
