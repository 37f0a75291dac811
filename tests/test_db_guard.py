"""The database's edges: damaged files, full disks and a busy desk, in a coach's words."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import sqlite3
from pathlib import Path

import pytest

from coachdesk import cli
from coachdesk.db import check_integrity
from coachdesk.errors import CoachDeskError, DatabaseOpenError, StorageError


def _schema_with_an_undecodable_byte(db_path: Path) -> Path:
    """A schema line broken by a byte that is not UTF-8: SQLite's own message about it
    cannot be decoded."""
    data = db_path.read_bytes()
    at = data.index(b"CREATE TABLE") + 3
    damaged = db_path.with_name("undecodable.sqlite3")
    damaged.write_bytes(data[:at] + b"\x81" + data[at + 1:])
    return damaged


def test_an_undecodable_schema_is_not_a_coachdesk_database(db_path: Path) -> None:
    damaged = _schema_with_an_undecodable_byte(db_path)
    with pytest.raises(DatabaseOpenError, match="not a CoachDesk database") as caught:
        check_integrity(damaged)
    assert "\\x" not in str(caught.value)


def test_randomly_corrupted_files_never_escape_the_integrity_check(db_path: Path) -> None:
    data = db_path.read_bytes()
    for seed in range(120):
        rng = random.Random(seed)
        damaged = bytearray(data)
        for _ in range(rng.choice([1, 10, 100, 1000])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = db_path.with_name(f"corrupt-{seed}.sqlite3")
        path.write_bytes(bytes(damaged))
        with contextlib.suppress(DatabaseOpenError):  # refused in words is fine
            check_integrity(path)


def test_check_on_an_undecodable_database_exits_2_in_plain_words(db_path: Path, tmp_path,
                                                                  capsys) -> None:
    damaged = _schema_with_an_undecodable_byte(db_path)
    week = tmp_path / "w.coachdesk.json"
    week.write_text('{"format": "coachdesk-template", "version": 1, "name": "W", "days": {}}',
                    encoding="utf-8")
    code = cli.main(["check", str(week), "--db", str(damaged)])
    err = capsys.readouterr().err
    assert code == 2 and "not a CoachDesk database" in err and "Traceback" not in err


# --- a full disk ----------------------------------------------------------------------


@pytest.mark.sqlite_only  # SQLite's own backup, file and write lock
def test_a_backup_onto_a_full_disk_is_a_storage_error_and_leaves_nothing(
        db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coachdesk.services.backup as backup

    def full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy_pages", full)
    folder = tmp_path / "backups"
    with pytest.raises(StorageError, match="full"):
        backup.backup_now(db, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.sqlite_only  # SQLite's own backup, file and write lock
def test_a_backup_folder_on_a_full_disk_is_a_storage_error(
        db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coachdesk.services.backup as backup

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.tempfile, "mkstemp", no_space)
    with pytest.raises(StorageError, match="full"):
        backup.backup_now(db, tmp_path / "backups")


def test_the_backup_command_on_a_full_disk_exits_2_in_plain_words(
        db_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import coachdesk.services.backup as backup

    monkeypatch.setattr(backup, "_copy_pages", lambda *_a, **_k: (_ for _ in ()).throw(
        sqlite3.OperationalError("database or disk is full")))
    code = cli.main(["backup", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 2 and "full" in err and "Traceback" not in err
    assert "OperationalError" not in err


# --- a busy desk ----------------------------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """10 s is what a coach waits; a test waits a fifth of a second."""
    import coachdesk.db as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)


def test_an_import_while_another_desk_holds_the_lock_exits_2_in_plain_words(
        db_path: Path, tmp_path: Path, capsys, short_busy_timeout) -> None:
    exported = tmp_path / "all.zip"
    assert cli.main(["archive", "export", str(exported), "--db", str(db_path)]) == 0
    empty = tmp_path / "empty.sqlite3"
    assert cli.main(["backup", "--db", str(db_path)]) == 0  # warm up; prints a path
    capsys.readouterr()
    from coachdesk.opening import open_app_database

    open_app_database(str(empty)).dispose()
    other = sqlite3.connect(empty, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = cli.main(["archive", "import", str(exported), "--db", str(empty)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Another desk" in err and "OperationalError" not in err and "Traceback" not in err


@pytest.mark.sqlite_only  # SQLite's own backup, file and write lock
def test_a_save_while_another_desk_holds_the_lock_is_a_busy_error(
        db, short_busy_timeout) -> None:
    from coachdesk.errors import DatabaseBusyError
    from coachdesk.opening import open_app_database
    from coachdesk.services.clients import ClientData, create_client

    assert db.sqlite_path is not None
    slow = open_app_database(str(db.sqlite_path))  # its engine has the short timeout
    other = sqlite3.connect(db.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusyError, match="Another desk") as caught:
            create_client(slow, ClientData(name="Ana Río"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        slow.dispose()
    assert isinstance(caught.value, CoachDeskError)


# --- read-only ------------------------------------------------------------------------


def test_a_read_only_folder_that_sqlite_cannot_share_still_opens_read_only(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a coach's account a WAL database in a read-only folder (or mount) cannot be
    opened ``mode=ro`` — SQLite needs to create its ``-shm`` beside it — and was called
    "not a readable database … may be damaged". Root writes anywhere, so the folder's
    refusal is simulated where SQLite meets it."""
    import coachdesk.db as db_module
    from coachdesk.db import open_database

    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        name = str(database)
        if kwargs.get("uri") and str(db_path.parent) in name.replace("%20", " ") \
                and "immutable=1" not in name:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(db_module, "is_read_only_location", lambda _path: True)
    monkeypatch.setattr(sqlite3, "connect", connect)
    db = open_database(str(db_path))
    try:
        assert db.read_only
        from sqlalchemy import text

        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM exercise")).scalar() > 60
    finally:
        db.dispose()
