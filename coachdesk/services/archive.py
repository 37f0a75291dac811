"""One portable archive of everything: every record as JSON plus the media files.

Moving machines or engines (SQLite ↔ PostgreSQL) is export here, import there: the import
goes into a database with no clients, templates, programs or coach-made exercises yet,
keeps every id, and is all or nothing:

1. the zip's members are checked (only ``data.json`` and files directly in ``media/``;
   directory entries, as ``zip -r`` and ``shutil.make_archive`` write them, are skipped;
   no absolute paths, no ``..``);
2. ``data.json`` is size-limited before it is read, then every row and value is checked —
   column types and lengths, vocabularies, ranges, ids, foreign keys, NUL characters — with
   the same ``@validates`` rules the models apply to the forms, before anything is written;
3. the media are extracted to a staging folder beside the media folder, each one limited in
   size and compression ratio, all together limited by the free disk space;
4. the rows are written in one transaction; the media are moved into place as its last
   step, and removed again if anything fails, so a refusal leaves neither rows nor files.

The checks are generic over the models' tables and columns, so a column added to a model is
checked (by its type and its model validator) without changes here.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from inspect import get_annotations
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from coachdesk import __version__
from coachdesk.db import SCHEMA_HEAD, Database
from coachdesk.errors import CoachDeskError, StorageError, ValidationError
from coachdesk.files import atomic_target
from coachdesk.limits import MB, human_size
from coachdesk.models import Base, Client, Exercise, Program, Template
from coachdesk.vocab import plain

FORMAT = "coachdesk-archive"
VERSION = 1
DATA_NAME = "data.json"
MEDIA_FOLDER = "media"

MAX_DATA_BYTES = 32 * MB
"""``data.json`` larger than this is refused before it is read (a studio's data with years
of programs is a few MB; parsing 32 MB of JSON already takes a few hundred MB of memory)."""
MAX_MEDIA_FILE_BYTES = 50 * MB
"""The largest media file (a demonstration picture or a logo) an archive may hold."""
MAX_MEDIA_RATIO = 100
"""Pictures are compressed already; a member expanding more than this is a zip bomb..."""
RATIO_FREE_BYTES = 1 * MB
"""...unless it is small: a tiny file may compress any amount without harm."""
MAX_MEMBERS = 100_000
DISK_MARGIN_BYTES = 20 * MB
"""Free space left on the disk after the media are written (the database grows too)."""
IGNORED = re.compile(r"(^|/)(__MACOSX/.*|\.DS_Store|Thumbs\.db)$")
"""What a Mac's or Windows' own zip tool adds beside the files; never extracted."""

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)


class ArchiveError(CoachDeskError):
    """An archive that cannot be imported (or written); nothing was changed."""


_size = human_size


def free_space(folder: Path) -> int:
    """Free bytes on the disk holding ``folder`` (or its nearest existing parent)."""
    folder = Path(folder)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return shutil.disk_usage(folder).free


# --- export ---------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return plain(value)


def archive_data(db: Database) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            primary = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*primary)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "version": VERSION, "schema": SCHEMA_HEAD,
            "coachdesk": __version__, "tables": tables}


def export_archive(db: Database, path: Path) -> Path:
    """Write ``path`` (a .zip): data.json and the media folder; temp file, then rename."""
    path = Path(path)
    with atomic_target(path, suffix=".zip.tmp") as temp, \
            zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(archive_data(db), ensure_ascii=False, indent=1))
        media = db.media_dir
        if media.is_dir():
            for file in sorted(media.iterdir()):
                if file.is_file():
                    archive.write(file, f"{MEDIA_FOLDER}/{file.name}")
    return path


# --- the zip's members ----------------------------------------------------------------------


@dataclass
class Members:
    data: zipfile.ZipInfo
    media: dict[str, zipfile.ZipInfo] = field(default_factory=dict)
    """Media file name → member."""


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _media_name_problem(name: str) -> str | None:
    if not name or name in (".", ".."):
        return "has no file name"
    if _CONTROL.search(name) or any(c in name for c in '\\:*?"<>|'):
        return "has characters a file name cannot have"
    if name.startswith("."):
        return "is a hidden file"
    if len(name.encode("utf-8")) > 255:
        return "has a file name longer than 255 bytes"
    return None


def archive_members(archive: zipfile.ZipFile, source: str) -> Members:
    """data.json and the media files, every member name checked first. A whole export
    zipped with its folder ("everything/data.json") is read the same way."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ArchiveError(f"{source} has {len(infos)} files; an archive holds at most "
                           f"{MAX_MEMBERS}.")
    for info in infos:
        name = info.filename
        parts = name.rstrip("/").split("/")
        if ("\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name)
                or ".." in parts or "\x00" in name):
            raise ArchiveError(f"{source}: the member “{name}” points outside the archive "
                               "folder; this is not a CoachDesk archive.")
    names = [i.filename.removeprefix("./") for i in infos]
    prefix = ""
    if DATA_NAME not in names:
        tops = {n.split("/")[0] for n in names if not IGNORED.search(n) and n}
        if len(tops) == 1 and f"{next(iter(tops))}/{DATA_NAME}" in names:
            prefix = f"{next(iter(tops))}/"
    data: zipfile.ZipInfo | None = None
    media: dict[str, zipfile.ZipInfo] = {}
    seen: dict[str, str] = {}
    for info, raw in zip(infos, names, strict=True):
        if IGNORED.search(raw):
            continue
        name = raw.removeprefix(prefix) if raw.startswith(prefix) else raw
        if info.is_dir():
            if name.rstrip("/") in ("", ".", MEDIA_FOLDER):
                continue
            raise ArchiveError(f"{source}: the folder “{info.filename}” is not part of a "
                               f"CoachDesk archive (only {DATA_NAME} and the files directly "
                               f"in {MEDIA_FOLDER}/ are).")
        if name == DATA_NAME:
            if data is not None:
                raise ArchiveError(f"{source} holds {DATA_NAME} twice.")
            data = info
            continue
        folder, _, file_name = name.partition("/")
        if folder != MEDIA_FOLDER or "/" in file_name:
            raise ArchiveError(f"{source}: “{info.filename}” is not part of a CoachDesk "
                               f"archive (only {DATA_NAME} and the files directly in "
                               f"{MEDIA_FOLDER}/ are).")
        problem = _media_name_problem(file_name)
        if problem:
            raise ArchiveError(f"{source}: the media file “{info.filename}” {problem}.")
        key = file_name.casefold()
        if key in seen:
            raise ArchiveError(f"{source} holds the media file “{file_name}” twice (as "
                               f"“{seen[key]}” too; names differing only in case are the "
                               "same file on Windows and macOS).")
        seen[key] = file_name
        media[file_name] = info
    if data is None:
        raise ArchiveError(f"{source} is not a CoachDesk archive (it has no {DATA_NAME}).")
    return Members(data, media)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                 write: Callable[[bytes], object]) -> int:
    """Stream a member out in chunks; never more than ``limit`` bytes, whatever the
    member's header claims."""
    written = 0
    with archive.open(info) as member:
        while chunk := member.read(MB):
            written += len(chunk)
            if written > limit:
                raise ArchiveError(f"“{info.filename}” is larger than {_size(limit)}.")
            write(chunk)
    return written


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_data(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> dict[str, Any]:
    """data.json, refused before it is read when it is larger than ``MAX_DATA_BYTES``."""
    limit = MAX_DATA_BYTES
    if info.file_size > limit:
        raise ArchiveError(f"{source}: {DATA_NAME} is larger than {_size(limit)}, the most "
                           f"CoachDesk reads ({_size(info.file_size)}).")
    chunks: list[bytes] = []
    try:
        _read_member(archive, info, limit, chunks.append)
    except ArchiveError:
        raise ArchiveError(f"{source}: {DATA_NAME} is larger than {_size(limit)}, the most "
                           "CoachDesk reads.") from None
    try:
        data = json.loads(b"".join(chunks).decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ArchiveError(f"{source}: {DATA_NAME} is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise ArchiveError(f"{source}: {DATA_NAME} line {error.lineno}, column "
                           f"{error.colno}: {error.msg}.") from None
    except (ValueError, RecursionError) as error:
        raise ArchiveError(f"{source}: {DATA_NAME}: {error}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT \
            or data.get("version") != VERSION:
        raise ArchiveError(f"{source} is not a CoachDesk archive this version can read.")
    return data


# --- checking every value -------------------------------------------------------------------


def _text_problem(value: Any) -> str | None:
    """NUL characters (PostgreSQL cannot store them) and lone surrogates (not UTF-8)
    anywhere in a value, including inside JSON lists and objects and their keys."""
    if isinstance(value, str):
        if "\x00" in value:
            return "contains a NUL character (\\0), which PostgreSQL cannot store"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains text that is not valid Unicode"
        return None
    if isinstance(value, list):
        return next((p for p in map(_text_problem, value) if p), None)
    if isinstance(value, dict):
        return next((p for k, v in value.items() for p in (_text_problem(k), _text_problem(v))
                     if p), None)
    return None


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else f"{shown[:57]}…"


def _annotation(model: type | None, key: str) -> str:
    for cls in (model.__mro__ if model is not None else ()):
        found = get_annotations(cls).get(key)
        if found is not None:
            return str(found)
    return ""


def column_check(table: Table, column: Any) -> Callable[[Any], Any]:
    """The type check of one column: takes a JSON value, returns the value to store or
    raises ValueError saying what is wrong. Every column type gets one."""
    kind = column.type

    if isinstance(kind, Enum):
        allowed = list(kind.enums)

        def check_enum(value: Any) -> Any:
            if value not in allowed:
                raise ValueError(f"{_short(value)} is not one of: {', '.join(allowed)}")
            return value
        return check_enum
    if isinstance(kind, Boolean):
        def check_bool(value: Any) -> bool:
            if not isinstance(value, bool):
                raise ValueError(f"must be true or false, not {_short(value)}")
            return value
        return check_bool
    if isinstance(kind, Integer):
        low, high = INT64 if isinstance(kind, BigInteger) else INT32

        def check_int(value: Any) -> int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"must be a whole number, not {_short(value)}")
            if not low <= value <= high:
                raise ValueError(f"must be a whole number from {low} to {high}")
            return value
        return check_int
    if isinstance(kind, DateTime):
        def check_datetime(value: Any) -> datetime:
            try:
                moment = datetime.fromisoformat(value)
            except (TypeError, ValueError):
                raise ValueError(f"{_short(value)} is not a date and time "
                                 "(YYYY-MM-DDTHH:MM:SS+00:00)") from None
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return check_datetime
    if isinstance(kind, Date):
        def check_date(value: Any) -> date:
            try:
                if not isinstance(value, str) or len(value) != 10:
                    raise ValueError
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise ValueError(f"{_short(value)} is not a date (YYYY-MM-DD)") from None
        return check_date
    if isinstance(kind, String):
        length = kind.length

        def check_text(value: Any) -> str:
            if not isinstance(value, str):
                raise ValueError(f"must be text, not {_short(value)}")
            if length is not None and len(value) > length:
                raise ValueError(f"must be at most {length} characters")
            return value
        return check_text
    if isinstance(kind, JSON):
        model = _model_for(table)
        annotation = _annotation(model, column.key)
        container: type | None = (list if "list[" in annotation
                                  else dict if "dict[" in annotation else None)

        def check_json(value: Any) -> Any:
            if container is list and not isinstance(value, list):
                raise ValueError(f"must be a list, not {_short(value)}")
            if container is dict and not isinstance(value, dict):
                raise ValueError(f"must be an object, not {_short(value)}")
            return value
        return check_json
    if isinstance(kind, Float | Numeric):
        def check_number(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value):
                raise ValueError(f"must be a number, not {_short(value)}")
            return value
        return check_number

    def check_scalar(value: Any) -> Any:
        if isinstance(value, list | dict):
            raise ValueError(f"must be a single value, not {_short(value)}")
        return value
    return check_scalar


def _model_for(table: Table) -> type | None:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            return mapper.class_
    return None


def _row_label(table: Table, index: int, row: dict[str, Any] | None) -> str:
    label = f"{table.name} row {index}"
    primary = [c.name for c in table.primary_key.columns]
    if row is not None and len(primary) == 1 and primary[0] in row \
            and isinstance(row[primary[0]], int | str):
        label += f" ({primary[0]} {row[primary[0]]})"
    return label


def _refuse(where: str, column: str | None, message: str) -> ArchiveError:
    place = f"{where}, {column}" if column else where
    return ArchiveError(f"The archive cannot be imported: {place}: {message}. Nothing was "
                        "imported.")


def _run_model_rules(model: type, row: dict[str, Any], where: str) -> dict[str, Any]:
    """Build the model object so its ``@validates`` rules run (they also normalise, as in
    the forms), then its cross-field ``check_consistency``; returns the checked values."""
    mapper = inspect(model)
    instance = mapper.class_manager.new_instance()
    by_column = {prop.columns[0].name: prop.key for prop in mapper.column_attrs
                 if len(prop.columns) == 1}
    checked = dict(row)
    current = ""
    try:
        for name, value in row.items():
            key = by_column.get(name)
            if key is None:
                continue
            current = name
            setattr(instance, key, value)
        for name, key in by_column.items():
            if name in row:
                checked[name] = getattr(instance, key)
        current = ""
        consistency = getattr(instance, "check_consistency", None)
        if callable(consistency):
            consistency()
    except ValidationError as error:
        raise _refuse(where, error.field, error.message) from None
    except (TypeError, ValueError, AttributeError, KeyError, LookupError):
        raise _refuse(where, current or None,
                      f"{_short(row.get(current))} is not a value it can hold") from None
    return {name: plain(value) for name, value in checked.items()}


def _check_program(row: dict[str, Any], where: str) -> None:
    from coachdesk.formats.template_file import parse_template

    snapshot = row.get("snapshot")
    if snapshot is not None:
        if not isinstance(snapshot, dict) or "week" not in snapshot:
            raise _refuse(where, "snapshot", "must hold the program's week")
        try:
            parse_template(snapshot["week"], "week")
        except CoachDeskError as error:
            raise _refuse(where, "snapshot", str(error)) from None
        if not isinstance(snapshot.get("exercises", {}), dict):
            raise _refuse(where, "snapshot", "exercises must be an object")
    progression = row.get("progression") or {}
    deload = progression.get("deload_week") if isinstance(progression, dict) else None
    weeks = row.get("weeks")
    if deload is not None and not (isinstance(deload, int) and not isinstance(deload, bool)
                                   and isinstance(weeks, int) and 1 <= deload <= weeks):
        raise _refuse(where, "progression", f"deload_week must be a week from 1 to {weeks}")


EXTRA_CHECKS: dict[str, Callable[[dict[str, Any], str], None]] = {"program": _check_program}
"""Checks beyond the columns, the ones the services apply when the coach saves."""


def _unique_sets(table: Table) -> list[tuple[str, ...]]:
    sets = [tuple(c.name for c in table.primary_key.columns)]
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            sets.append(tuple(c.name for c in constraint.columns))
    sets += [(c.name,) for c in table.columns if c.unique]
    return list(dict.fromkeys(s for s in sets if s))


def _required(column: Any) -> bool:
    return not column.nullable and column.default is None and column.server_default is None


def validate_tables(tables: Any) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows checked and typed for insertion; raises ArchiveError naming the
    table, row and column of the first problem."""
    if not isinstance(tables, dict):
        raise _refuse(DATA_NAME, "tables", "must be an object of tables")
    known_tables = {t.name for t in Base.metadata.sorted_tables}
    unknown = sorted(set(tables) - known_tables)
    if unknown:
        raise _refuse(DATA_NAME, "tables", f"unknown table {unknown[0]!r}")
    referenced = {(fk.column.table.name, fk.column.name)
                  for t in Base.metadata.sorted_tables for fk in t.foreign_keys}
    present: dict[tuple[str, str], set[Any]] = {key: set() for key in referenced}
    result: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise _refuse(DATA_NAME, table.name, "must be a list of rows")
        model = _model_for(table)
        checks = {c.name: column_check(table, c) for c in table.columns}
        uniques = {cols: {} for cols in _unique_sets(table)}
        typed_rows: list[dict[str, Any]] = []
        for index, raw in enumerate(rows, 1):
            if not isinstance(raw, dict):
                raise _refuse(_row_label(table, index, None), None,
                              "must be an object of column values")
            where = _row_label(table, index, raw)
            typed: dict[str, Any] = {}
            for name, value in raw.items():
                if name not in table.c:
                    raise _refuse(where, str(name), f"is not a column of {table.name}")
                problem = _text_problem(value)
                if problem:
                    raise _refuse(where, name, problem)
                if value is None:
                    if not table.c[name].nullable:
                        raise _refuse(where, name, "is required")
                    typed[name] = None
                    continue
                try:
                    typed[name] = checks[name](value)
                except ValueError as error:
                    raise _refuse(where, name, str(error)) from None
            for column in table.columns:
                if column.name not in typed and (column.primary_key or _required(column)):
                    raise _refuse(where, column.name, "is missing (every row keeps its "
                                  "values and id)")
            if model is not None:
                typed = _run_model_rules(model, typed, where)
            extra = EXTRA_CHECKS.get(table.name)
            if extra is not None:
                extra(typed, where)
            for cols, seen in uniques.items():
                key = tuple(typed.get(c) for c in cols)
                if any(v is None for v in key):
                    continue
                if key in seen:
                    shown = ", ".join(f"{c} {typed.get(c)!r}" for c in cols)
                    raise _refuse(where, cols[0], f"{shown} appears twice in the archive "
                                  f"(also in row {seen[key]})")
                seen[key] = index
            for fk in table.foreign_keys:
                value = typed.get(fk.parent.name)
                target = (fk.column.table.name, fk.column.name)
                if value is not None and value not in present[target]:
                    raise _refuse(where, fk.parent.name,
                                  f"refers to {target[0]} {value}, which the archive does "
                                  "not have")
            for name in typed:
                if (table.name, name) in present:
                    present[(table.name, name)].add(typed[name])
            typed_rows.append(typed)
        result[table.name] = typed_rows
    return result


# --- media ------------------------------------------------------------------------------------


def stage_media(archive: zipfile.ZipFile, members: Members, staging: Path, media_dir: Path,
                source: str) -> dict[str, Path]:
    """Extract the media into ``staging``; every limit is checked from the members' headers
    before a byte is written, and again while writing."""
    total = 0
    for name, info in members.media.items():
        where = f"{MEDIA_FOLDER}/{name}"
        if (info.file_size > RATIO_FREE_BYTES
                and info.file_size > MAX_MEDIA_RATIO * max(info.compress_size, 1)):
            raise ArchiveError(
                f"{source}: {where} would expand from {_size(info.compress_size)} to "
                f"{_size(info.file_size)}; no picture compresses more than "
                f"{MAX_MEDIA_RATIO}:1, so this looks like a zip bomb. Nothing was imported.")
        if info.file_size > MAX_MEDIA_FILE_BYTES:
            raise ArchiveError(f"{source}: {where} is larger than "
                               f"{_size(MAX_MEDIA_FILE_BYTES)}, the most a media file may be. "
                               "Nothing was imported.")
        existing = media_dir / name
        if existing.exists() and not existing.is_file():
            raise ArchiveError(f"{source}: {where} cannot be written: {existing} is a folder. "
                               "Nothing was imported.")
        total += info.file_size
    free = free_space(staging)
    if total + DISK_MARGIN_BYTES > free:
        raise ArchiveError(f"{source}: the media files need {_size(total)} but only "
                           f"{_size(free)} are free on the disk holding {media_dir} (and "
                           f"{_size(DISK_MARGIN_BYTES)} should stay free). Nothing was "
                           "imported.")
    staged: dict[str, Path] = {}
    for name, info in members.media.items():
        target = staging / name
        limit = min(info.file_size, MAX_MEDIA_FILE_BYTES)
        try:
            with open(target, "xb") as out:
                _read_member(archive, info, limit, out.write)
        except OSError as error:
            raise ArchiveError(f"{source}: {MEDIA_FOLDER}/{name} could not be extracted to "
                               f"{staging} ({error.strerror or error}). Nothing was imported."
                               ) from None
        except ArchiveError:
                raise ArchiveError(f"{source}: {MEDIA_FOLDER}/{name} is larger than its "
                                   "archive entry says (or than "
                                   f"{_size(MAX_MEDIA_FILE_BYTES)}). Nothing was imported."
                                   ) from None
        existing = media_dir / name
        if existing.is_file() and not _same_content(existing, target):
            raise ArchiveError(f"{source}: {MEDIA_FOLDER}/{name} differs from the file of that "
                               f"name already in {media_dir}; move that file away first. "
                               "Nothing was imported.")
        staged[name] = target
    return staged


def _same_content(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as first, open(b, "rb") as second:
        while True:
            one, two = first.read(MB), second.read(MB)
            if one != two:
                return False
            if not one:
                return True


def _place_media(staged: dict[str, Path], media_dir: Path, placed: list[Path]) -> None:
    """Move the staged files into the media folder (same disk: a rename each), recording
    every file created so a failure can remove them again."""
    if staged:
        media_dir.mkdir(parents=True, exist_ok=True)
    for name, file in staged.items():
        target = media_dir / name
        if target.exists():
            continue  # the same content is there already (checked while staging)
        os.replace(file, target)
        placed.append(target)


# --- import ---------------------------------------------------------------------------------


def _check_empty(session: Any) -> None:
    for model in (Client, Template, Program):
        if session.scalar(select(func.count()).select_from(model)):
            raise ArchiveError("Import all data needs an empty database: this one already has "
                               "clients, templates or programs.")
    if session.scalar(select(func.count()).select_from(Exercise)
                      .where(Exercise.builtin_key.is_(None))):
        raise ArchiveError("Import all data needs an empty database: this one already has "
                           "exercises you made, which the import would replace.")


def _write(db: Database, rows: dict[str, list[dict[str, Any]]], staged: dict[str, Path],
           media_dir: Path) -> dict[str, int]:
    placed: list[Path] = []
    try:
        with db.write() as session:
            _check_empty(session)
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(delete(table))
            counts: dict[str, int] = {}
            for table in Base.metadata.sorted_tables:
                table_rows = rows.get(table.name, [])
                for start in range(0, len(table_rows), 500):
                    session.execute(insert(table), table_rows[start:start + 500])
                counts[table.name] = len(table_rows)
            if db.engine.dialect.name == "postgresql":
                _continue_sequences(session)
            session.flush()
            # Last step before the commit; a failure here or in the commit removes them.
            _place_media(staged, media_dir, placed)
        return counts
    except StorageError as error:  # the unit of work's database error, translated
        _remove(placed)
        raise ArchiveError(f"The database refused the archive's data: {error} Nothing was "
                           "imported.") from None
    except SQLAlchemyError as error:
        _remove(placed)
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise ArchiveError(f"The database refused the archive's data ({reason}). Nothing was "
                           "imported.") from None
    except OSError as error:
        _remove(placed)
        raise ArchiveError(f"The media files could not be written to {media_dir} "
                           f"({error.strerror or error}). Nothing was imported.") from None
    except BaseException:
        _remove(placed)
        raise


def _remove(files: list[Path]) -> None:
    for file in files:
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


def _continue_sequences(session: Any) -> None:
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement:
                session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', "
                    f"'{column.name}'), COALESCE((SELECT MAX({column.name}) FROM "
                    f"{table.name}), 0) + 1, false)"))


def import_archive(db: Database, path: Path) -> dict[str, int]:
    """Restore an archive into a database that has no clients, templates, programs or
    coach-made exercises yet; all or nothing. Returns the number of rows per table."""
    path = Path(path)
    source = str(path)
    media_dir = db.media_dir
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive_members(archive, source)
            data = read_data(archive, members.data, source)
            if data.get("schema") != SCHEMA_HEAD:
                raise ArchiveError("The archive comes from a different CoachDesk schema "
                                   f"({data.get('schema')}); open it with the matching "
                                   "version.")
            rows = validate_tables(data.get("tables"))
            with db.read() as session:
                _check_empty(session)  # say so before extracting anything
            staging_parent = media_dir.parent
            staging_parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".coachdesk-import-",
                                             dir=staging_parent) as staging:
                staged = stage_media(archive, members, Path(staging), media_dir, source)
                return _write(db, rows, staged, media_dir)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError,
            NotImplementedError, RuntimeError) as error:
        raise ArchiveError(f"{path} is not a CoachDesk archive ({error}).") from None
    except FileNotFoundError:
        raise ArchiveError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ArchiveError(f"{path} is a folder, not an archive file.") from None
    except OSError as error:
        raise ArchiveError(f"{path} cannot be read ({error.strerror or error}).") from None
