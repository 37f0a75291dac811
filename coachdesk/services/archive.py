"""One portable archive of everything: every record as JSON plus the media files.

Moving machines or engines (SQLite ↔ PostgreSQL) is export here, import there: the import
goes into a database with no clients, templates or programs yet, keeps every id, and runs
in one transaction.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Integer, delete, func, insert, select, text

from coachdesk import __version__
from coachdesk.db import Database, head_revision
from coachdesk.errors import CoachDeskError
from coachdesk.models import Base, Client, Program, Template

FORMAT = "coachdesk-archive"
VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def _typed(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def archive_data(db: Database) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            primary = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*primary)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "version": VERSION, "schema": head_revision(db),
            "coachdesk": __version__, "tables": tables}


def export_archive(db: Database, path: Path) -> Path:
    """Write ``path`` (a .zip): data.json and the media folder; temp file, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".coachdesk-", suffix=".zip.tmp", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("data.json", json.dumps(archive_data(db), ensure_ascii=False,
                                                     indent=1))
            media = db.media_dir
            if media.is_dir():
                for file in sorted(media.iterdir()):
                    if file.is_file():
                        archive.write(file, f"media/{file.name}")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def read_archive(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read("data.json").decode("utf-8"))
            media = {name.removeprefix("media/"): archive.read(name)
                     for name in archive.namelist()
                     if name.startswith("media/") and "/" not in name.removeprefix("media/")}
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CoachDeskError(f"{path} is not a CoachDesk archive ({error}).") from None
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise CoachDeskError(f"{path} is not a CoachDesk archive this version can read.")
    return data, media


def import_archive(db: Database, path: Path) -> dict[str, int]:
    """Restore an archive into a database that has no clients, templates or programs yet.
    Returns the number of rows per table."""
    data, media = read_archive(path)
    if data.get("schema") != head_revision(db):
        raise CoachDeskError("The archive comes from a different CoachDesk schema "
                             f"({data.get('schema')}); open it with the matching version.")
    with db.write() as session:
        for model in (Client, Template, Program):
            if session.scalar(select(func.count()).select_from(model)):
                raise CoachDeskError("Import all data needs an empty database: this one "
                                     "already has clients, templates or programs.")
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))
        counts: dict[str, int] = {}
        for table in Base.metadata.sorted_tables:
            rows = data["tables"].get(table.name, [])
            if rows:
                typed = [{name: _typed(table.c[name], value) for name, value in row.items()
                          if name in table.c} for row in rows]
                session.execute(insert(table), typed)
            counts[table.name] = len(rows)
        if db.engine.dialect.name == "postgresql":
            for table in Base.metadata.sorted_tables:
                for column in table.primary_key.columns:
                    if isinstance(column.type, Integer) and column.autoincrement:
                        session.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                            f"'{column.name}'), COALESCE((SELECT MAX({column.name}) FROM "
                            f"{table.name}), 0) + 1, false)"))
    media_dir = db.media_dir
    if media:
        media_dir.mkdir(parents=True, exist_ok=True)
        for name, content in media.items():
            (media_dir / Path(name).name).write_bytes(content)
    return counts
