"""The library to and from JSON (the starter file's shape) and CSV, with a preview.

Reading validates every entry with the model's own rules and stops at the first bad one,
saying where ("exercises[3].phase" or "row 7, column phase"); nothing is written until the
coach has seen the preview and applies it in one transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.files import write_atomic
from coachdesk.library.starter import with_movement
from coachdesk.models import Exercise, name_key
from coachdesk.services.imports import Progress, write_previewed
from coachdesk.services.library import ExerciseData, apply_data, list_exercises
from coachdesk.vocab import plain

FORMAT_NAME = "coachdesk-library"
FORMAT_VERSION = 2  # 2 added the movement fields; version 1 files still import
CSV_COLUMNS = ("name", "aliases", "primary_muscles", "secondary_muscles", "pattern", "impact",
               "external_load", "laterality", "core_plane", "phase", "plyometric", "eccentric",
               "equipment", "load_type", "video_url", "notes")
LEGACY_COLUMNS = ("muscles",)  # version 1: every listed muscle becomes a prime mover
LIST_FIELDS = {"aliases", "primary_muscles", "secondary_muscles", "muscles", "equipment"}


class LibraryFileError(CoachDeskError):
    def __init__(self, source: str, where: str, message: str) -> None:
        super().__init__(f"{source}: {where}: {message}" if where else f"{source}: {message}")
        self.where = where
        self.message = message


def _validated(entry: dict[str, Any]) -> Any:
    """ExerciseData for one entry, checked by the Exercise model's own validators; an entry
    without movement fields gets guessed ones, marked for review."""
    entry = with_movement(entry)
    probe = Exercise()
    for key in CSV_COLUMNS:
        value = entry.get(key)
        if key in LIST_FIELDS:
            value = value or []
        elif key in ("plyometric", "eccentric"):
            if not isinstance(value, bool | None):
                raise ValidationError(key, "must be true or false")
            value = bool(value)
        elif key == "notes":
            value = value or ""
        setattr(probe, key, value)
    probe.check_consistency()
    values = {}
    for f in fields(ExerciseData):
        if f.name in ("image_path", "needs_review"):
            continue
        value = getattr(probe, f.name)
        values[f.name] = tuple(value) if isinstance(value, list) else plain(value)
    values["needs_review"] = entry["needs_review"]
    return ExerciseData(**values)


def _named(entry: dict[str, Any]) -> str:
    """" (exercise “Nordic Curl”)" after an entry's place in the file, so a message names
    the exercise as well as the row."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return ""
    return f" (exercise “{' '.join(name.split())[:80]}”)"


def parse_json(text: str, source: str = "<json>") -> list[Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise LibraryFileError(source, f"line {error.lineno}, column {error.colno}",
                               f"invalid JSON: {error.msg}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise LibraryFileError(source, "format", f"must be {json.dumps(FORMAT_NAME)}")
    version = document.get("version", 1)
    if isinstance(version, bool) or version not in range(1, FORMAT_VERSION + 1):
        raise LibraryFileError(source, "version", f"{json.dumps(version)} is not supported; "
                               f"this CoachDesk reads versions 1 to {FORMAT_VERSION}")
    entries = document.get("exercises")
    if not isinstance(entries, list):
        raise LibraryFileError(source, "exercises", "must be a list")
    parsed = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise LibraryFileError(source, f"exercises[{index}]", "must be an object")
        try:
            parsed.append(_validated(entry))
        except ValidationError as error:
            raise LibraryFileError(source, f"exercises[{index}].{error.field}{_named(entry)}",
                                   error.message) from None
    return parsed


def parse_csv(text: str, source: str = "<csv>") -> list[Any]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    unknown = [h for h in header if h not in CSV_COLUMNS and h not in LEGACY_COLUMNS]
    if not header or unknown:
        raise LibraryFileError(source, "row 1", f"unknown column {unknown[0]!r}" if unknown
                               else "the file is empty")
    reader.fieldnames = header
    parsed = []
    for number, raw in enumerate(reader, start=2):
        cells = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(cells.values()):
            continue
        entry: dict[str, Any] = {}
        for key, value in cells.items():
            if key in LIST_FIELDS:
                entry[key] = [p.strip() for p in value.split(";") if p.strip()]
            elif key in ("plyometric", "eccentric"):
                entry[key] = value.lower() in ("1", "true", "yes", "y")
            else:
                entry[key] = value or None
        try:
            parsed.append(_validated(entry))
        except ValidationError as error:
            raise LibraryFileError(source, f"row {number}, column {error.field}{_named(entry)}",
                                   error.message) from None
    return parsed


def read_library_file(path: Path) -> list[Any]:
    from coachdesk.limits import FileTooLargeError, read_text_limited

    try:
        text = read_text_limited(Path(path))
    except FileTooLargeError as error:
        raise LibraryFileError(str(path), "", error.message) from None
    except UnicodeDecodeError:
        raise LibraryFileError(str(path), "", "the file is not UTF-8 text") from None
    except OSError as error:
        raise LibraryFileError(str(path), "", f"cannot be read: {error.strerror}") from None
    if Path(path).suffix.lower() == ".csv":
        return parse_csv(text, str(path))
    return parse_json(text, str(path))


# --- preview and apply ---------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryImportPreview:
    new: tuple[Any, ...]
    changed: tuple[tuple[int, Any, Any], ...]  # (exercise id, before, after)
    conflicts: tuple[tuple[Any, str], ...]  # (entry, why it is not imported)
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not self.new and not self.changed


def preview_import(db: Database, entries: Iterable[Any]) -> LibraryImportPreview:
    rows = list_exercises(db)
    by_name = {name_key(r.name): r for r in rows}
    by_alias = {name_key(a): r for r in rows for a in r.data.aliases}
    new, changed, conflicts, unchanged = [], [], [], 0
    seen: set[str] = set()
    for entry in entries:
        key = name_key(entry.name)
        if key in seen:
            conflicts.append((entry, "appears twice in the file"))
            continue
        seen.add(key)
        current = by_name.get(key)
        alias_owner = by_alias.get(key)
        if current is None and alias_owner is not None:
            conflicts.append((entry, f"is an alias of “{alias_owner.name}”"))
            continue
        clash = next((by_name.get(name_key(a)) or by_alias.get(name_key(a))
                      for a in entry.aliases
                      if (by_name.get(name_key(a)) or by_alias.get(name_key(a))) not in
                      (None, current)), None)
        if clash is not None:
            conflicts.append((entry, f"an alias is already used by “{clash.name}”"))
            continue
        if current is None:
            new.append(entry)
            continue
        merged = entry.with_changes(image_path=current.data.image_path)
        if merged == current.data:
            unchanged += 1
        else:
            changed.append((current.id, current.data, merged))
    return LibraryImportPreview(tuple(new), tuple(changed), tuple(conflicts), unchanged)


def apply_import(
    db: Database, preview: LibraryImportPreview, progress: Progress = lambda _d, _t: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[int, int]:
    """Write new and changed exercises in one transaction; conflicts are left out."""
    return write_previewed(db, Exercise, preview.new, preview.changed, create=_new_exercise,
                           update=apply_data, progress=progress, should_stop=should_stop)


def _new_exercise(entry: ExerciseData) -> Exercise:
    exercise = Exercise(name=entry.name, primary_muscles=list(entry.primary_muscles),
                        laterality=entry.laterality, phase=entry.phase, pattern=entry.pattern)
    apply_data(exercise, entry)
    return exercise


# --- export -----------------------------------------------------------------------------


def _entry(row: Any) -> dict[str, Any]:
    d = row.data
    return {"key": row.builtin_key, "name": d.name, "aliases": list(d.aliases),
            "primary_muscles": list(d.primary_muscles),
            "secondary_muscles": list(d.secondary_muscles), "pattern": d.pattern,
            "impact": d.impact, "external_load": d.external_load, "laterality": d.laterality,
            "core_plane": d.core_plane, "phase": d.phase, "plyometric": d.plyometric,
            "eccentric": d.eccentric, "equipment": list(d.equipment), "load_type": d.load_type,
            "video_url": d.video_url, "image": None, "notes": d.notes}


def library_json(rows: Iterable[Any]) -> str:
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                "exercises": [_entry(r) for r in rows]}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def library_csv(rows: Iterable[Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        entry = _entry(row)
        writer.writerow([";".join(entry[c]) if c in LIST_FIELDS else
                         ("true" if entry[c] is True else "false" if entry[c] is False
                          else entry[c] or "") for c in CSV_COLUMNS])
    return buffer.getvalue()


def export_library(db: Database, path: Path) -> Path:
    rows = [r for r in list_exercises(db) if not r.archived]
    text = library_csv(rows) if Path(path).suffix.lower() == ".csv" else library_json(rows)
    return write_atomic(path, text)
