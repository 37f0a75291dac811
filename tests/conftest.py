"""Shared fixtures. Headless Qt and a private data folder are set before anything imports Qt,
so no test ever touches a real display or the coach's real data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("COACHDESK_DATABASE_URL", None)
_SESSION_DATA_DIR = tempfile.mkdtemp(prefix="coachdesk-test-data-")
os.environ["COACHDESK_DATA_DIR"] = _SESSION_DATA_DIR

import pytest  # noqa: E402

from coachdesk.db import Database  # noqa: E402
from coachdesk.opening import open_app_database  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own user data folder (QSettings file, default database, media)."""
    folder = tmp_path / "user-data"
    folder.mkdir()
    monkeypatch.setenv("COACHDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def _seeded_database_file() -> Iterator[Path]:
    """Migrate and seed once; every test then gets a copy of the file."""
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-seed-"))
    path = folder / "seeded.sqlite3"
    db = open_app_database(str(path))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    yield path
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def db_path(tmp_path: Path, _seeded_database_file: Path) -> Path:
    path = tmp_path / "coachdesk.sqlite3"
    shutil.copyfile(_seeded_database_file, path)
    return path


TEST_DATABASE_URL = os.environ.get("COACHDESK_TEST_DATABASE_URL")
"""When set (CI sets a PostgreSQL URL), the ``db`` fixture uses that server instead of a
SQLite file, so the database test suite runs against both engines."""


def _reset_server_database(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated database holding the starter library, private to the test."""
    if TEST_DATABASE_URL:
        _reset_server_database(TEST_DATABASE_URL)
        database = open_app_database(TEST_DATABASE_URL)
    else:
        database = open_app_database(str(request.getfixturevalue("db_path")))
    yield database
    database.dispose()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a server database, run only the tests that use the ``db`` fixture and are not
    about SQLite itself."""
    if not TEST_DATABASE_URL:
        return
    keep, drop = [], []
    for item in items:
        uses_db = "db" in getattr(item, "fixturenames", ())
        sqlite_only = item.get_closest_marker("sqlite_only") is not None
        (keep if uses_db and not sqlite_only else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SESSION_DATA_DIR, ignore_errors=True)
