"""Opening databases: migrations, pragmas, and refusing what is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from coachdesk import paths
from coachdesk.db import (
    SCHEMA_HEAD,
    connect,
    current_revision,
    head_revision,
    open_database,
    upgrade,
)
from coachdesk.errors import DatabaseOpenError, StorageError
from coachdesk.models import Base


def test_migrations_build_the_schema_from_empty(tmp_path: Path) -> None:
    db = connect(paths.sqlite_url(tmp_path / "new.sqlite3"))
    upgrade(db)
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert current_revision(db) == head_revision(db)
    db.dispose()


def test_the_schema_head_constant_is_alembics_head() -> None:
    """Opening skips Alembic when the stored revision is SCHEMA_HEAD: a new migration must
    move it, or databases would never be upgraded."""
    assert head_revision() == SCHEMA_HEAD


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    open_database(str(tmp_path / "current.sqlite3")).dispose()
    probe = ("import sys; from coachdesk.db import open_database; "
             f"open_database({str(tmp_path / 'current.sqlite3')!r}).dispose(); "
             "print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    db = connect(paths.sqlite_url(tmp_path / "new.sqlite3"))
    upgrade(db)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    db.dispose()
    assert differences == []


@pytest.mark.sqlite_only
def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(db) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_fixture_database_is_migrated_and_matches_the_models(db) -> None:
    """Runs on SQLite and, in CI, on PostgreSQL: the same migrations, the same schema."""
    assert current_revision(db) == head_revision(db)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_default_database_lives_in_the_user_data_folder(private_data_dir: Path) -> None:
    db = open_database(None)
    assert db.sqlite_path == private_data_dir / "coachdesk.sqlite3"
    assert db.sqlite_path.exists()
    db.dispose()


def test_environment_variable_and_flag_choose_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_DATABASE_URL, f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert paths.database_url(None).endswith("env.sqlite3")
    assert paths.database_url(str(tmp_path / "flag.db")).endswith("flag.db")
    assert paths.database_url("postgresql+psycopg://u:secret@host/db").startswith("postgresql")
    assert "secret" not in paths.display_name("postgresql+psycopg://u:secret@host/db")


def test_a_database_from_a_newer_coachdesk_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="newer CoachDesk"):
        open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseOpenError, match="not a CoachDesk one"):
        open_database(str(path))


def test_a_random_bytes_file_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(DatabaseOpenError, match="not a readable database"):
        open_database(str(path))


def test_a_truncated_database_gets_a_clear_error(db_path: Path) -> None:
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseOpenError, match=r"damaged|not a readable database"):
        open_database(str(db_path))


def test_a_read_only_location_opens_read_only(db_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root, where file permissions do not bind; so the location check is
    replaced, and SQLite itself is asked to open read-only."""
    import coachdesk.db as db_module

    monkeypatch.setattr(db_module, "is_read_only_location", lambda _path: True)
    _assert_opens_read_only(db_path)


def _assert_opens_read_only(location: Path) -> None:
    """It opens, reads that file's library, and SQLite refuses a write."""
    db = open_database(str(location))
    assert db.read_only
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM exercise")).scalar() > 60
    with pytest.raises(StorageError, match="readonly"), db.write() as session:
        session.execute(text("UPDATE exercise SET notes = 'x'"))
    db.dispose()


@pytest.mark.parametrize("folder", ["plain", "Coach #1", "100% strength", "a b"])
def test_opening_read_only_opens_that_file_and_leaves_no_file_folder_here(
        folder: str, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's URI form must reach SQLite as a URI, not as a relative file name (a
    ``./file:/…`` folder tree in the current directory), and a folder name with URI
    characters in it (``#``, ``%``, a space) must not open another file."""
    import coachdesk.db as db_module

    location = tmp_path / "data" / folder / "coachdesk.sqlite3"
    location.parent.mkdir(parents=True)
    db_path.rename(location)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(db_module, "is_read_only_location", lambda _path: True)
    _assert_opens_read_only(location)
    assert list(cwd.iterdir()) == []
    assert {p.name for p in location.parent.iterdir()} <= {
        "coachdesk.sqlite3", "coachdesk.sqlite3-wal", "coachdesk.sqlite3-shm"}


def test_a_read_only_engine_never_creates_folders(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Read-only is said to the engine, not guessed from the URL's text."""
    from coachdesk.db import create_database_engine

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    missing = cwd / "nowhere" / "coachdesk.sqlite3"
    engine = create_database_engine(paths.sqlite_url(missing), read_only=True)
    with pytest.raises(OperationalError):
        engine.connect().close()
    engine.dispose()
    assert list(cwd.iterdir()) == []
