"""Housekeeping: leftovers of killed processes go on the next start, private files stay
private, and neither record values nor any part of a password reach messages or logs."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest

from coachdesk import housekeeping, paths
from coachdesk.errors import DatabaseOpenError
from coachdesk.opening import open_app_database
from coachdesk.services import backup

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _old(path: Path, seconds: float = 3600) -> Path:
    past = time.time() - seconds
    os.utime(path, (past, past))
    return path


def test_temp_files_older_than_the_process_are_removed_on_start(db_path: Path) -> None:
    db = open_app_database(str(db_path))
    taken = backup.backup_now(db)
    db.dispose()
    folder, backups, media = db_path.parent, taken.parent, paths.media_dir_for(db_path)
    media.mkdir()
    leftovers = [
        folder / ".coachdesk-recover-abc123.tmp",
        folder / ".coachdesk-restore-abc123.tmp",
        folder / ".coachdesk-restore-abc123.tmp-journal",
        folder / f".{db_path.name}.restoring",
        backups / ".coachdesk-backup-xyz.tmp",
        media / "0123456789ab.png.tmp",
    ]
    keep = [folder / ".coachdesk-backup-being-written-now.tmp",  # another desk, right now
            media / "0123456789ab.png", folder / "notes.tmp"]
    for path in leftovers + keep:
        path.write_bytes(b"x" * 1000)
        if path is not keep[0]:
            _old(path)
    # An orphan WAL beside a backup (older CoachDesk read backups in WAL mode).
    connection = sqlite3.connect(taken)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    sqlite3.connect(f"file:{taken}?mode=ro", uri=True).execute("SELECT 1").fetchone()
    orphan = taken.with_name(taken.name + "-wal")
    orphan.touch()
    _old(orphan)

    removed = housekeeping.tidy(db_path, started=time.time() - 60)

    assert {p.name for p in leftovers} <= {p.name for p in removed}
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in keep)
    assert not orphan.exists() and not taken.with_name(taken.name + "-shm").exists()
    assert backup.list_backups(open_app_database(str(db_path)))  # the backup still reads


@posix_only
def test_the_database_its_media_and_backups_are_private(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored whatever happens
    old_umask = os.umask(0o022)
    try:
        path = tmp_path / "new" / "coachdesk.sqlite3"
        db = open_app_database(str(path))
        from PIL import Image

        from coachdesk.services import library

        picture = tmp_path / "demo.png"
        Image.new("RGB", (4, 4), "#1f6f5c").save(picture)  # a real picture passes the checks
        library.attach_image(db, picture)
        taken = backup.backup_now(db)
        for file in (path, path.with_name(path.name + "-wal"), taken):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        for folder in (db.media_dir, taken.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        for file in db.media_dir.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        db.dispose()
    finally:
        os.umask(old_umask)


@posix_only
def test_start_tightens_files_an_older_coachdesk_left_world_readable(db_path: Path) -> None:
    os.chmod(db_path, 0o644)
    media = paths.media_dir_for(db_path)
    media.mkdir(mode=0o755)
    os.chmod(media, 0o755)
    housekeeping.tidy(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(media.stat().st_mode) == 0o700


def test_a_password_with_an_at_sign_never_shows_in_part() -> None:
    url = paths.database_url("postgresql+psycopg://coach:se@cr3t-tail@127.0.0.1:1/coachdesk")
    assert "se%40cr3t-tail" in url  # the last "@" separates the host
    assert paths.display_name(url) == "postgresql://127.0.0.1:1/coachdesk"
    with pytest.raises(DatabaseOpenError) as caught:
        open_app_database(url)
    message = str(caught.value)
    for part in ("se@cr3t-tail", "cr3t-tail", "se%40cr3t", "cr3t"):
        assert part not in message
    assert "127.0.0.1" in message
    assert paths.redact("failed for se@cr3t-tail and se%40cr3t-tail") == \
        "failed for *** and ***"
