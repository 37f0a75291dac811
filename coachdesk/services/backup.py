"""Backups of a SQLite database with SQLite's online backup API (safe while in use).

Automatic backups happen when a database opens, at most one a day, into a ``backups``
folder beside the database (or the folder chosen in settings), and rotate: the newest
backup of each of the last 7 days and of each of the last 4 ISO weeks are kept.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from coachdesk.db import Database
from coachdesk.errors import Cancelled, CoachDeskError, StorageError
from coachdesk.files import TEMP_PREFIX, write_error_text
from coachdesk.services.exercise_facts import forget_exercise_facts

NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
RESTORE_MARKER_KEY = "restore_marker"


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


def _temp_file(folder: Path, kind: str) -> Path:
    """An empty private temp file in ``folder``; its ``.coachdesk-`` prefix lets the next
    start remove it when a killed process left it behind (see :mod:`housekeeping`)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{kind}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(temp_name)


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _copy_pages(source: sqlite3.Connection, target_path: Path, pages: int = -1,
                progress: Callable[[int, int], None] | None = None) -> None:
    """Copy ``source`` (read through its WAL) into ``target_path`` with the backup API and
    leave the copy a standalone file: rollback journal, so no ``-wal``/``-shm`` beside it."""
    target = sqlite3.connect(target_path)
    try:
        if progress is None:
            source.backup(target, pages=pages)
        else:
            source.backup(target, pages=pages, progress=lambda _status, remaining, total:
                          progress(total - remaining, total))
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def copy_database(source: Path, destination: Path) -> Path:
    """A consistent copy through the online backup API, written to a temp file and renamed.
    A full disk or a folder that cannot be written is a StorageError in a coach's words
    (callers catch CoachDesk's errors; SQLite's own must not escape them)."""
    try:
        temp = _temp_file(destination.parent, "backup")
    except OSError as error:
        raise _storage_error(error, destination) from None
    try:
        connection = sqlite3.connect(source)
        try:
            _copy_pages(connection, temp)
        finally:
            connection.close()
        os.replace(temp, destination)
    except (OSError, sqlite3.Error) as error:
        _remove_with_journals(temp)
        raise _storage_error(error, destination) from None
    except BaseException:
        _remove_with_journals(temp)
        raise
    return destination


def _storage_error(error: OSError | sqlite3.Error, destination: Path) -> StorageError:
    full = (isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)) or (
        isinstance(error, sqlite3.Error) and "full" in str(error))
    if full:
        return StorageError(f"The backup was not saved: the disk holding {destination.parent} "
                            "is full. Free some space and try again; the database itself "
                            "is unchanged.")
    if isinstance(error, OSError):
        return StorageError(f"The backup was not saved: {write_error_text(error, destination)}")
    return StorageError(f"The backup was not saved: SQLite could not copy the database "
                        f"({str(error).splitlines()[0][:120]}).")


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


def _open_backup(path: Path) -> sqlite3.Connection:
    """A backup is never written: read it as immutable, so reading leaves no ``-wal`` or
    ``-shm`` beside it (even one written by an older CoachDesk in WAL mode)."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def _counts(path: Path) -> tuple[int, int, int]:
    connection = _open_backup(path)
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


# --- restoring a backup into the live database ------------------------------------------

LOCK_TIMEOUT_S = 30.0


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _replace_content(live: sqlite3.Connection) -> None:
    """Inside the caller's write transaction, make ``main`` hold exactly what the attached
    ``restored`` database holds: schema, rows, AUTOINCREMENT counters and user_version."""
    existing = live.execute(
        "SELECT type, name FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "AND type IN ('view', 'trigger', 'table')").fetchall()
    for kind in ("view", "trigger", "table"):  # indexes go with their tables
        for object_type, name in existing:
            if object_type == kind:
                live.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
    schema = live.execute(
        "SELECT type, name, sql FROM restored.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    tables = [name for kind, name, _sql in schema if kind == "table"]
    for kind, _name, sql in schema:
        if kind == "table":
            live.execute(sql)
    for name in tables:
        live.execute(f"INSERT INTO main.{_quoted(name)} SELECT * FROM restored.{_quoted(name)}")
    for wanted in ("index", "trigger", "view"):  # after the rows: no trigger fires
        for kind, _name, sql in schema:
            if kind == wanted:
                live.execute(sql)
    has_sequence = {row[0] for row in live.execute(
        "SELECT 'main' FROM main.sqlite_master WHERE name = 'sqlite_sequence' UNION ALL "
        "SELECT 'restored' FROM restored.sqlite_master WHERE name = 'sqlite_sequence'")}
    if "main" in has_sequence:
        live.execute("DELETE FROM main.sqlite_sequence")
        if "restored" in has_sequence:
            live.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restored.sqlite_sequence")
    version = live.execute("PRAGMA restored.user_version").fetchone()[0]
    live.execute(f"PRAGMA main.user_version = {int(version)}")


def _write_marker(live: sqlite3.Connection, backup: Path) -> None:
    """A new token in ``app_setting`` that other desks compare when they regain focus."""
    value = {"id": uuid.uuid4().hex, "restored_at": datetime.now().isoformat(timespec="seconds"),
             "backup": backup.name}
    with contextlib.suppress(sqlite3.OperationalError):  # no settings table: no marker
        live.execute("INSERT OR REPLACE INTO main.app_setting (key, value) VALUES (?, ?)",
                     (RESTORE_MARKER_KEY, json.dumps(value)))


def restore_marker(db: Database) -> str | None:
    """Changes each time a backup is restored into this database (by any desk); a desk
    that remembers it sees that its data were replaced and reloads."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.read() as session:
            value = session.execute(text("SELECT value FROM app_setting WHERE key = :key"),
                                    {"key": RESTORE_MARKER_KEY}).scalar()
    except SQLAlchemyError:  # a database without the table has no marker
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return str(value.get("id")) if isinstance(value, dict) else None


def _check_backup_file(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            connection.execute("SELECT count(*) FROM client").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CoachDeskError(f"The backup cannot be read ({error}); the database is "
                             "unchanged.") from None
    if result != "ok":
        raise CoachDeskError(f"The backup is damaged (SQLite's check says: {result}); the "
                             "database is unchanged.")


def _take_write_lock(live: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, retried often: SQLite's own busy handler sleeps in growing steps
    and can miss every gap between a busy desk's transactions."""
    live.execute("PRAGMA busy_timeout = 0")
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    while True:
        try:
            live.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() > deadline:
                raise CoachDeskError("Another desk kept the database busy; the restore did "
                                     "not start and nothing changed. Try again.") from None
            time.sleep(0.0005)


def restore_backup(
    db: Database, backup: Path, folder: Path | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Path:
    """Replace the database's content with a backup's, after backing up the current state;
    returns that safety backup.

    The backup is first read into a private staging copy and checked (with progress;
    Cancel stops here and leaves the database untouched). Then one write transaction on the
    live database (``BEGIN IMMEDIATE``) holds the write lock while the safety copy is taken
    (read through the WAL) and the content is replaced, so no other desk's commit can fall
    between the two, and other connections see the database before or after, never
    between. The transaction also renews the restore marker other desks watch."""
    source = _require_sqlite(db)
    backup = Path(backup)
    staging = _temp_file(source.parent, "restore")
    try:
        try:
            reader = _open_backup(backup)
            try:
                _copy_pages(reader, staging, pages=256, progress=progress)
            finally:
                reader.close()
        except sqlite3.DatabaseError as error:
            raise CoachDeskError(f"The backup cannot be read ({error}); the database is "
                                 "unchanged.") from None
        _check_backup_file(staging)
        if should_stop():
            raise Cancelled("The restore was cancelled; the database is unchanged.")
        live = sqlite3.connect(source, timeout=LOCK_TIMEOUT_S, isolation_level=None)
        try:
            live.execute("PRAGMA foreign_keys = OFF")
            live.execute("ATTACH DATABASE ? AS restored", (str(staging),))
            _take_write_lock(live)
            try:
                safety = backup_now(db, folder, rotate_after=False)  # under the write lock
                _replace_content(live)
                _write_marker(live, backup)
                live.execute("COMMIT")
            except BaseException:
                if live.in_transaction:
                    live.execute("ROLLBACK")
                raise
            live.execute("DETACH DATABASE restored")
        finally:
            live.close()
            forget_exercise_facts(db)
    finally:
        _remove_with_journals(staging)
    return safety


# --- recovering a damaged file ----------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    """What :func:`recover_from_backup` did."""

    backup: Path
    damaged_copy: Path
    salvaged_rows: int
    damaged_tables: tuple[str, ...]

    def describe(self) -> str:
        text = (f"Restored {self.backup.name} and added {self.salvaged_rows} rows read from "
                f"the damaged file, kept as {self.damaged_copy.name}.")
        if self.damaged_tables:
            text += (" Parts of " + ", ".join(self.damaged_tables) + " could not be read; "
                     "the backup's rows fill them.")
        return text


def newest_backup(path: Path, folder: Path | None = None) -> Path | None:
    """The newest backup of the SQLite file ``path`` (in ``backups`` beside it)."""
    found = _backups(folder or path.parent / "backups", path.stem)
    return found[0][1] if found else None


def keep_damaged_copy(path: Path, now: datetime | None = None) -> Path:
    """Copy the file together with its ``-wal`` and ``-shm`` (the WAL may hold committed
    transactions the main file does not) to ``NAME.damaged-STAMP``; returns that path."""
    taken = now or datetime.now()
    while True:
        kept = path.with_name(f"{path.name}.damaged-{taken:%Y%m%d-%H%M%S}")
        if not kept.exists():
            break
        taken += timedelta(seconds=1)
    for suffix in ("-wal", "-shm", ""):  # the main file last: it names a complete set
        part = Path(f"{path}{suffix}")
        if part.exists():
            target = Path(f"{kept}{suffix}")
            shutil.copyfile(part, target)
            os.chmod(target, 0o600)
    return kept


_MIN_ROWID = -(2**63)
_MAX_ROWID = 2**63 - 1


def _seek(connection: sqlite3.Connection, table: str, after: int) -> int | None:
    """The first rowid above ``after`` (raises when the b-tree there cannot be read)."""
    row = connection.execute(f"SELECT rowid FROM {_quoted(table)} WHERE rowid > ? "
                             "ORDER BY rowid LIMIT 1", (after,)).fetchone()
    return None if row is None else row[0]


def _seeks(connection: sqlite3.Connection, table: str, after: int) -> bool:
    try:
        _seek(connection, table, after)
    except sqlite3.DatabaseError:
        return False
    return True


def _past_damage(connection: sqlite3.Connection, table: str, last: int) -> int | None:
    """Reading after rowid ``last`` failed: the rowid to continue after (skipping the least
    that cannot be read), or None when nothing readable follows."""
    try:
        bad = _seek(connection, table, last)
    except sqlite3.DatabaseError:
        bad = None
    else:  # the b-tree is fine, the row itself is not (e.g. a broken overflow page)
        return bad
    # A damaged page: find the smallest seek start past it that works again.
    low, step = last, 1
    while True:
        probe = last + step
        if probe >= _MAX_ROWID:
            return None
        if _seeks(connection, table, probe):
            high = probe
            break
        low, step = probe, step * 2
    while high - low > 1:
        middle = (low + high) // 2
        if _seeks(connection, table, middle):
            high = middle
        else:
            low = middle
    return high


def _readable_rows(connection: sqlite3.Connection, table: str, columns: list[str],
                   damaged: set[str]) -> Iterator[tuple[object, ...]]:
    """Every row of ``table`` that SQLite can read, by rowid, stepping over unreadable
    pages instead of stopping at the first."""
    select = (f"SELECT rowid, {', '.join(map(_quoted, columns))} FROM {_quoted(table)} "
              "WHERE rowid > ? ORDER BY rowid LIMIT 500")
    last = _MIN_ROWID
    while True:
        fetched = 0
        try:
            for row in connection.execute(select, (last,)):
                fetched += 1
                last = row[0]
                yield row[1:]
        except sqlite3.DatabaseError:
            damaged.add(table)
            after = _past_damage(connection, table, last)
            if after is None:
                return
            last = after
            continue
        if fetched == 0:
            return


def salvage_rows(damaged_path: Path, target: sqlite3.Connection) -> tuple[int, tuple[str, ...]]:
    """Copy every readable row of the damaged file (read-only, through its WAL) into the
    matching tables of ``target``, replacing rows with the same key; returns the number of
    rows copied and the tables where some could not be read."""
    unreadable: set[str] = set()
    try:
        source = sqlite3.connect(f"file:{damaged_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return 0, ()
    copied = 0
    try:
        try:
            tables = [row[0] for row in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        except sqlite3.DatabaseError:
            return 0, ("the whole file",)
        for table in tables:
            wanted = {row[1] for row in target.execute(f"PRAGMA table_info({_quoted(table)})")}
            try:
                have = [row[1] for row in source.execute(
                    f"PRAGMA table_info({_quoted(table)})")]
            except sqlite3.DatabaseError:
                unreadable.add(table)
                continue
            columns = [c for c in have if c in wanted]
            if not columns:
                continue
            insert = (f"INSERT OR REPLACE INTO {_quoted(table)} "
                      f"({', '.join(map(_quoted, columns))}) "
                      f"VALUES ({', '.join('?' for _ in columns)})")
            for row in _readable_rows(source, table, columns, unreadable):
                try:
                    target.execute(insert, row)
                except sqlite3.DatabaseError:
                    unreadable.add(table)
                    continue
                copied += 1
    finally:
        source.close()
    return copied, tuple(sorted(unreadable))


def recover_from_backup(path: Path, backup: Path) -> Recovery:
    """Put ``backup`` in place of the damaged SQLite file ``path`` without losing what the
    damaged file still holds.

    The damaged file is first kept as ``NAME.damaged-STAMP`` together with its WAL; the
    replacement is the backup plus every row SQLite can still read from the damaged file
    (through its WAL), table by table, skipping unreadable pages. Only then are the
    damaged file and its ``-wal``/``-shm`` replaced. No connection may have it open."""
    path, backup = Path(path), Path(backup)
    _check_backup_file(backup)
    kept = keep_damaged_copy(path)
    temp = _temp_file(path.parent, "recover")
    try:
        reader = _open_backup(backup)
        try:
            _copy_pages(reader, temp)
        finally:
            reader.close()
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            target.execute("BEGIN")
            salvaged, damaged_tables = salvage_rows(kept, target)
            target.execute("COMMIT")
            result = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise CoachDeskError(f"The recovered copy failed SQLite's check ({result}); "
                                 f"{path.name} is unchanged.")
        for suffix in ("-wal", "-shm"):  # a stale WAL must never meet the new file
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, path)
    except BaseException:
        _remove_with_journals(temp)
        raise
    return Recovery(backup, kept, salvaged, damaged_tables)
