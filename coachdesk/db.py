"""Opening a database: engine, SQLite pragmas, transactions and migrations.

Every unit of work gets its own session through :meth:`Database.write` or
:meth:`Database.read`. On SQLite a write transaction begins ``IMMEDIATE``: a deferred
transaction that reads and then writes after another process committed fails with
"database is locked" at once, whatever the busy timeout, so writers take the lock first.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from coachdesk import paths
from coachdesk.errors import (
    CoachDeskError,
    DatabaseBusyError,
    DatabaseOpenError,
    StaleEditError,
    StorageError,
)

BUSY_TIMEOUT_MS = 10_000


def translate_database_error(error: Exception) -> CoachDeskError:
    """A database error in the coach's words, with nothing of the record's values.

    Raised ``from None``: a server's error text can quote the failing row (PostgreSQL's
    DETAIL), so the original is not chained into tracebacks and logs; its type stays on
    ``database_error`` and in a note."""
    translated = _translate(error)
    translated.database_error = type(error)  # type: ignore[attr-defined]
    translated.add_note(f"database error: {type(error).__name__} (details withheld)")
    return translated


def _translate(error: Exception) -> CoachDeskError:
    if isinstance(error, StaleDataError):
        return StaleEditError("This record was changed on another desk while saving; "
                              "nothing was overwritten.")
    text = str(getattr(error, "orig", None) or error).splitlines()[0].lower()
    if isinstance(error, OperationalError) and ("locked" in text or "busy" in text
                                                or "lock timeout" in text):
        return DatabaseBusyError("Another desk is saving to the database right now; "
                                 "nothing was changed. Try again in a moment.")
    if isinstance(error, OperationalError) and ("disk" in text or "full" in text
                                                or "space" in text):
        return StorageError("The disk holding the database is full; nothing was saved. "
                            "Free some space and try again.")
    if isinstance(error, IntegrityError | DataError):
        return StorageError("The database refused the change because it breaks one of its "
                            f"rules ({_constraint(text)}); nothing was saved.")
    return StorageError(f"The database could not save the change ({_constraint(text)}); "
                        "nothing was saved.")


def _constraint(text: str) -> str:
    """The rule a database message names, without values."""
    return text.split("detail:")[0].split(":")[0].strip()[:120] or "unknown reason"

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass
class Database:
    """An open database: the engine plus the two kinds of session a service needs."""

    url: str
    engine: Engine
    _write: sessionmaker[Session]
    _read: sessionmaker[Session]
    read_only: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return paths.sqlite_path(self.url)

    @property
    def media_dir(self) -> Path:
        return paths.media_dir_for(self.sqlite_path)

    @property
    def display_name(self) -> str:
        return paths.display_name(self.url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work that changes data: commits on success, rolls back on error.

        Database errors leave as CoachDesk errors a coach can read (see
        :func:`translate_database_error`), so no caller handles SQLAlchemy's own."""
        try:
            with self._write.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise translate_database_error(error) from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (database errors translated as for :meth:`write`)."""
        try:
            with self._read() as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            raise translate_database_error(error) from None

    def dispose(self) -> None:
        self.engine.dispose()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN, so we choose its kind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_database_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine for ``url``. A read-only SQLite file is opened by SQLite's URI form
    (``mode=ro``), built from the path by :meth:`Path.as_uri` and handed to SQLite itself:
    never a folder created for it, never a ``#`` or ``%`` in a folder name misread."""
    if url.startswith("sqlite"):
        path = paths.sqlite_path(url)
        options: dict[str, Any] = {}
        if path is not None and read_only:
            uri = f"{path.absolute().as_uri()}?mode=ro"
            options["creator"] = lambda: sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        elif path is not None:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():  # private from the start; SQLite gives -wal/-shm its mode
                path.touch(mode=0o600)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True, **options)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def connect(url: str, read_only: bool = False) -> Database:
    """An engine and session factories for ``url``, without touching the schema."""
    engine = create_database_engine(url, read_only=read_only)
    is_sqlite = url.startswith("sqlite")
    writer = engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite else engine
    return Database(
        url=url,
        engine=engine,
        _write=sessionmaker(bind=writer, expire_on_commit=False),
        _read=sessionmaker(bind=engine, expire_on_commit=False),
        read_only=read_only,
    )


def is_read_only_location(path: Path) -> bool:
    """True when SQLite could not write here: the file or its folder is not writable (WAL
    needs to create files beside the database)."""
    if path.exists():
        return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    return path.parent.exists() and not os.access(path.parent, os.W_OK)


def check_integrity(path: Path) -> None:
    """``PRAGMA quick_check`` on an existing file; a clear DatabaseOpenError when damaged."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(
            f"{path} is not a readable database ({error}). It may be damaged or not a "
            "CoachDesk file.") from None
    if result != "ok":
        raise DatabaseOpenError(f"{path} is damaged (SQLite's check says: {result}).")


def alembic_config(db: Database) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = db.engine
    return config


SCHEMA_HEAD = "0004"
"""The newest migration's revision. Opening a database whose stored revision is this one
reads one row with plain SQL and never imports Alembic (a tenth of a second at every
start); ``tests/test_db.py`` checks it is Alembic's head, so a new migration updates it."""


def current_revision(db: Database) -> str | None:
    """The revision stored in ``alembic_version``, read with plain SQL (None: no table)."""
    with db.engine.connect() as connection:
        if not db.engine.dialect.has_table(connection, "alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(db: Database | None = None) -> str:
    """The newest migration's revision, as Alembic computes it from the migration files."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision; refuse a database from a newer CoachDesk.
    A database already at :data:`SCHEMA_HEAD` costs one query."""
    revision = current_revision(db)
    if revision == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(db))
    known = {rev.revision for rev in script.walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseOpenError(
            f"This database was written by a newer CoachDesk (schema {revision}); "
            "update CoachDesk to open it."
        )
    if revision is None and inspect(db.engine).get_table_names():
        raise DatabaseOpenError(
            "This file is a database, but not a CoachDesk one: it has tables CoachDesk "
            "did not create."
        )
    if revision != script.get_current_head():
        command.upgrade(alembic_config(db), "head")


@contextmanager
def disposed_on_error(db: Database) -> Iterator[Database]:
    """Work on a just-opened ``db``: any failure disposes it and surfaces as a
    DatabaseOpenError in a coach's words (passwords masked)."""
    try:
        yield db
    except DatabaseOpenError:
        db.dispose()
        raise
    except Exception as exc:
        db.dispose()
        raise DatabaseOpenError(f"CoachDesk cannot open {paths.display_name(db.url)}: "
                                f"{paths.redact(str(exc))}") from None


def open_database(location: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database. The starter library is not
    this floor's business: :func:`coachdesk.opening.open_app_database` adds it.

    A SQLite file is checked first (``PRAGMA quick_check``); one in a place CoachDesk may
    not write opens read-only, and only if its schema needs no upgrade."""
    url = paths.database_url(location)
    path = paths.sqlite_path(url)
    read_only = False
    if path is not None:
        check_integrity(path)
        read_only = is_read_only_location(path)
        if read_only and not path.exists():
            raise DatabaseOpenError(f"CoachDesk cannot create a database in {path.parent}: "
                                    "the folder is read-only.")
    db = connect(url, read_only=read_only)
    with disposed_on_error(db):
        if read_only:
            if current_revision(db) != SCHEMA_HEAD:
                raise DatabaseOpenError(
                    f"{path} needs upgrading for this CoachDesk, but it is read-only.")
        else:
            upgrade(db)
    return db
