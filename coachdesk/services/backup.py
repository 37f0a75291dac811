"""Backups of a SQLite database with SQLite's online backup API (safe while in use).

Automatic backups happen when a database opens, at most one a day, into a ``backups``
folder beside the database (or the folder chosen in settings), and rotate: the newest
backup of each of the last 7 days and of each of the last 4 ISO weeks are kept.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from coachdesk.db import Database
from coachdesk.errors import Cancelled, CoachDeskError

NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    clients: int
    templates: int
    programs: int

    def describe(self) -> str:
        return (f"{self.taken:%a %d %b %Y %H:%M} — {self.clients} clients, "
                f"{self.templates} templates, {self.programs} programs")


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise CoachDeskError(
            "Backups from CoachDesk are for SQLite databases; back up a shared server "
            "with its own tools (for PostgreSQL: pg_dump).")
    return path


def copy_database(source: Path, destination: Path) -> Path:
    """A consistent copy through the online backup API, written to a temp file and renamed."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".coachdesk-backup-", suffix=".tmp",
                                     dir=destination.parent)
    os.close(fd)
    try:
        source_connection = sqlite3.connect(source)
        target_connection = sqlite3.connect(temp_name)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
            source_connection.close()
        os.replace(temp_name, destination)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return destination


def backup_to(db: Database, destination: Path) -> Path:
    """Write a consistent copy of ``db`` to ``destination``."""
    source = _require_sqlite(db)
    destination = destination.expanduser().resolve()
    if destination == source.resolve():
        raise CoachDeskError("Choose a different file from the open database for the backup.")
    return copy_database(source, destination)


def backup_dir(db: Database, folder: Path | None = None) -> Path:
    source = _require_sqlite(db)
    return folder if folder is not None else source.parent / "backups"


def backup_now(db: Database, folder: Path | None = None, now: datetime | None = None,
               rotate_after: bool = True) -> Path:
    source = _require_sqlite(db)
    taken = now or datetime.now()
    path = backup_dir(db, folder) / f"{source.stem}-{taken:%Y%m%d-%H%M%S}.sqlite3"
    while path.exists():  # never overwrite a backup taken within the same second
        taken += timedelta(seconds=1)
        path = backup_dir(db, folder) / f"{source.stem}-{taken:%Y%m%d-%H%M%S}.sqlite3"
    copy_database(source, path)
    if rotate_after:
        rotate(backup_dir(db, folder), source.stem, now)
    return path


def _taken(path: Path) -> datetime | None:
    match = NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")


def _backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        taken = _taken(path)
        if taken is not None and NAME.match(path.name).group("stem") == stem:  # type: ignore[union-attr]
            found.append((taken, path))
    return sorted(found, reverse=True)


def rotate(folder: Path, stem: str, now: datetime | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days and 4 ISO weeks; delete the rest."""
    today = (now or datetime.now()).date()
    keep: set[Path] = set()
    days_seen: set[date] = set()
    weeks_seen: set[tuple[int, int]] = set()
    for taken, path in _backups(folder, stem):
        day = taken.date()
        week = tuple(day.isocalendar()[:2])
        if day > today - timedelta(days=KEEP_DAILY) and day not in days_seen:
            days_seen.add(day)
            keep.add(path)
        if week not in weeks_seen and len(weeks_seen) < KEEP_WEEKLY:
            weeks_seen.add(week)  # type: ignore[arg-type]
            keep.add(path)
    removed = []
    for _taken_at, path in _backups(folder, stem):
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def backup_if_due(db: Database, folder: Path | None = None,
                  now: datetime | None = None) -> Path | None:
    """The automatic backup on open: only when no backup was taken today."""
    if db.sqlite_path is None:
        return None
    now = now or datetime.now()
    existing = _backups(backup_dir(db, folder), db.sqlite_path.stem)
    if existing and existing[0][0].date() == now.date():
        return None
    return backup_now(db, folder, now)


def _counts(path: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("client", "template", "program"))
    finally:
        connection.close()


def list_backups(db: Database, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this database, newest first, with what each holds."""
    source = _require_sqlite(db)
    infos = []
    for taken, path in _backups(backup_dir(db, folder), source.stem):
        try:
            clients, templates, programs = _counts(path)
        except sqlite3.DatabaseError:
            continue
        infos.append(BackupInfo(path, taken, clients, templates, programs))
    return infos


def restore_backup(
    db: Database, backup: Path, folder: Path | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Path:
    """Replace the database's content with a backup's, after backing up the current state;
    returns that safety backup.

    The backup is first read into a staging copy (with progress; Cancel stops here and
    leaves the database untouched), then written into the live file in one step of the
    backup API, so other connections see the database before or after, never between."""
    source = _require_sqlite(db)
    safety = backup_now(db, folder, rotate_after=False)  # never rotate away ``backup``
    staging = source.with_name(f".{source.name}.restoring")
    try:
        reader = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        writer = sqlite3.connect(staging)
        try:
            reader.backup(writer, pages=256,
                          progress=lambda _status, remaining, total:
                          progress(total - remaining, total))
        finally:
            writer.close()
            reader.close()
        if should_stop():
            raise Cancelled("The restore was cancelled; the database is unchanged.")
        db.dispose()
        reader = sqlite3.connect(staging)
        target = sqlite3.connect(source)
        try:
            reader.backup(target)
        finally:
            target.close()
            reader.close()
    finally:
        staging.unlink(missing_ok=True)
    return safety
