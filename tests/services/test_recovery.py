"""No silent loss: recovering a damaged file keeps what its WAL holds, and a restore while
another process writes loses no commit (each is in the restored database or the safety copy)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from coachdesk.db import check_integrity
from coachdesk.errors import DatabaseOpenError
from coachdesk.opening import open_app_database
from coachdesk.services import backup
from coachdesk.services import clients as client_svc

pytestmark = pytest.mark.sqlite_only

COMMIT_AND_WAIT_TO_BE_KILLED = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint = 0")
for n in range(20):
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO client (name, email, phone, goal, race_distance, stage, key_run_days,"
        " injuries, injury_notes, notes, archived, version, created_at, updated_at)"
        " SELECT ?, email, phone, goal, race_distance, stage, key_run_days, injuries,"
        " injury_notes, notes, archived, 1, created_at, updated_at FROM client"
        " ORDER BY id LIMIT 1", (f"In the WAL {n}",))
    connection.execute("COMMIT")
print("committed", flush=True)
time.sleep(600)
"""


def _count(path: Path, table: str = "client") -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def _damage_a_leaf_page(path: Path, table: str) -> None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,))]
    finally:
        connection.close()
    assert pages, f"{table} has no leaf page to damage"
    page = pages[len(pages) // 2]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_recovery_keeps_the_commits_still_in_the_wal(db_path: Path) -> None:
    db = open_app_database(str(db_path))
    client_svc.create_client(db, client_svc.ClientData(name="Before the backup"))
    newest = backup.backup_now(db, now=datetime(2026, 11, 20, 9, 0))
    exercises = _count(db_path, "exercise")
    db.dispose()  # the last connection closes: checkpointed, the WAL starts empty

    writer = subprocess.Popen([sys.executable, "-c", COMMIT_AND_WAIT_TO_BE_KILLED,
                               str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "committed"
    finally:
        writer.send_signal(signal.SIGKILL)  # no checkpoint: the 20 live only in the WAL
        writer.wait()
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0
    assert _count(db_path) == 21
    wal_size = wal.stat().st_size
    _damage_a_leaf_page(db_path, "exercise")
    with pytest.raises(DatabaseOpenError):
        check_integrity(db_path)

    result = backup.recover_from_backup(db_path, newest)

    assert result.backup == newest
    assert _count(db_path) == 21  # nothing committed was lost
    check_integrity(db_path)  # and the restored file is sound
    assert _count(db_path, "exercise") == exercises  # readable rows, the backup fills the gap
    kept = result.damaged_copy
    assert kept.name.startswith(f"{db_path.name}.damaged-")
    kept_wal = kept.with_name(kept.name + "-wal")
    assert kept_wal.stat().st_size == wal_size
    assert _count(kept) == 21  # the kept copy holds its WAL, so the 20 are there too
    reopened = open_app_database(str(db_path))
    names = {c.name for c in client_svc.list_clients(reopened)}
    reopened.dispose()
    assert {f"In the WAL {n}" for n in range(20)} | {"Before the backup"} == names


def test_recovery_of_a_file_that_is_not_a_database_keeps_it_and_restores_the_backup(
    db_path: Path,
) -> None:
    db = open_app_database(str(db_path))
    client_svc.create_client(db, client_svc.ClientData(name="Ana"))
    newest = backup.backup_now(db)
    db.dispose()
    db_path.write_bytes(b"\x00garbage" * 500)
    result = backup.recover_from_backup(db_path, newest)
    assert _count(db_path) == 1
    assert result.damaged_copy.read_bytes() == b"\x00garbage" * 500
    assert backup.newest_backup(db_path) == newest


WRITER = """
import os, sqlite3, sys
path, log, stop = sys.argv[1:4]
connection = sqlite3.connect(path, isolation_level=None, timeout=60)
connection.execute("PRAGMA busy_timeout = 60000")
insert = ("INSERT INTO client (name, email, phone, goal, race_distance, stage, key_run_days,"
          " injuries, injury_notes, notes, archived, version, created_at, updated_at)"
          " SELECT ?, email, phone, goal, race_distance, stage, key_run_days, injuries,"
          " injury_notes, notes, archived, 1, created_at, updated_at FROM client"
          " WHERE name = 'Seed'")
n = 0
with open(log, "a", encoding="ascii") as out:
    while not os.path.exists(stop):
        size = 200 if n % 25 == 0 else 1  # now and then a 200-row transaction
        connection.execute("BEGIN IMMEDIATE")
        for k in range(n, n + size):
            connection.execute(insert, (f"W{k}",))
        connection.execute("COMMIT")
        out.write(f"{n} {n + size}\\n")
        out.flush()
        n += size
"""


def _committed(log: Path) -> set[str]:
    names: set[str] = set()
    for line in log.read_text(encoding="ascii").splitlines():
        first, end = map(int, line.split())
        names.update(f"W{k}" for k in range(first, end))
    return names


def _names(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM client")}
    finally:
        connection.close()


def _wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.parametrize("trial", range(4))
def test_a_restore_while_another_process_writes_loses_no_commit(
    tmp_path: Path, db_path: Path, trial: int
) -> None:
    db = open_app_database(str(db_path))
    client_svc.create_client(db, client_svc.ClientData(name="Seed"))
    old = backup.backup_now(db, now=datetime(2026, 11, 20, 9, 0))
    log, stop = tmp_path / "committed.log", tmp_path / "stop"
    log.touch()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(log),
                               str(stop)], stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: len(_committed(log)) > 300 + 100 * trial)
        safety = backup.restore_backup(db, old)
        restored_at = len(_committed(log))
        _wait_for(lambda: len(_committed(log)) > restored_at + 50)  # the writer carries on
    finally:
        stop.touch()
        _, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors
    committed = _committed(log)
    in_live, in_safety = _names(db_path), _names(safety)
    lost = committed - in_live - in_safety
    assert not lost, f"{len(lost)} of {len(committed)} committed rows lost"
    assert in_safety & committed and in_live & committed  # both sides hold some
    db.dispose()


def test_a_restore_is_announced_to_other_desks(db_path: Path) -> None:
    db = open_app_database(str(db_path))
    other_desk = open_app_database(str(db_path))
    old = backup.backup_now(db)
    seen = backup.restore_marker(other_desk)
    backup.restore_backup(db, old)
    assert backup.restore_marker(other_desk) != seen
    again = backup.restore_marker(other_desk)
    client_svc.create_client(db, client_svc.ClientData(name="An ordinary edit"))
    assert backup.restore_marker(other_desk) == again
    db.dispose()
    other_desk.dispose()


def test_a_damaged_backup_is_refused_before_the_database_is_touched(db_path: Path) -> None:
    from coachdesk.errors import CoachDeskError

    db = open_app_database(str(db_path))
    client_svc.create_client(db, client_svc.ClientData(name="Ana"))
    bad = db_path.parent / "backups" / "coachdesk-20261120-090000.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(CoachDeskError):
        backup.restore_backup(db, bad)
    assert [c.name for c in client_svc.list_clients(db)] == ["Ana"]
    db.dispose()


def test_backups_are_standalone_files_without_a_wal(db_path: Path) -> None:
    db = open_app_database(str(db_path))
    path = backup.backup_now(db)
    backup.list_backups(db)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert os.stat(path).st_mode & 0o777 == 0o600
    db.dispose()
