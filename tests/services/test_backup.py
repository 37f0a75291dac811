"""Backups: consistent copies, a daily rotation, restore with a safety copy first."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from coachdesk.db import Database
from coachdesk.opening import open_app_database
from coachdesk.services import backup
from coachdesk.services import clients as client_svc

pytestmark = pytest.mark.sqlite_only


def test_backup_and_restore_round_trip_with_counts(db: Database) -> None:
    client_svc.create_client(db, client_svc.ClientData(name="Ana"))
    first = backup.backup_now(db, now=datetime(2026, 11, 20, 9, 0))
    client_svc.create_client(db, client_svc.ClientData(name="Ben"))
    infos = backup.list_backups(db)
    assert [(i.path, i.clients) for i in infos] == [(first, 1)]
    assert "1 clients, 0 templates, 0 programs" in infos[0].describe()
    safety = backup.restore_backup(db, first)
    reopened = open_app_database(db.url)
    assert [r.name for r in client_svc.list_clients(reopened)] == ["Ana"]
    assert [i.clients for i in backup.list_backups(reopened) if i.path == safety] == [2]
    reopened.dispose()


def test_one_automatic_backup_a_day(db: Database) -> None:
    day = datetime(2026, 11, 24, 8, 0)
    assert backup.backup_if_due(db, now=day) is not None
    assert backup.backup_if_due(db, now=day + timedelta(hours=5)) is None
    assert backup.backup_if_due(db, now=day + timedelta(days=1)) is not None
    assert len(backup.list_backups(db)) == 2


def test_rotation_keeps_seven_days_and_four_weeks(db: Database) -> None:
    start = datetime(2026, 9, 1, 12, 0)
    for n in range(60):
        backup.backup_now(db, now=start + timedelta(days=n))
    now = start + timedelta(days=59)
    kept = sorted(i.taken for i in backup.list_backups(db))
    daily = [t for t in kept if t.date() > (now - timedelta(days=7)).date()]
    assert len(daily) == 7
    weeks = {tuple(t.isocalendar()[:2]) for t in kept}
    assert len(weeks) >= 4
    assert len(kept) <= 7 + 4
    assert kept[-1] == now


def test_a_backup_is_a_consistent_database_while_the_app_writes(db: Database) -> None:
    for n in range(20):
        client_svc.create_client(db, client_svc.ClientData(name=f"Runner {n}"))
    path = backup.backup_now(db)
    import sqlite3

    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM client").fetchone()[0] == 20
    connection.close()


def test_a_cancelled_restore_leaves_the_database_as_it_was(db: Database) -> None:
    from coachdesk.errors import Cancelled

    client_svc.create_client(db, client_svc.ClientData(name="Ana"))
    old = backup.backup_now(db, now=datetime(2026, 11, 20, 9, 0))
    client_svc.create_client(db, client_svc.ClientData(name="Ben"))
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="unchanged"):
        backup.restore_backup(db, old, progress=lambda d, t: seen.append((d, t)),
                              should_stop=lambda: True)
    assert seen and seen[-1][0] == seen[-1][1]
    assert sorted(r.name for r in client_svc.list_clients(db)) == ["Ana", "Ben"]
    assert not list(db.sqlite_path.parent.glob(".*.restoring"))
