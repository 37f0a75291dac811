"""The library to and from JSON (the starter file's shape) and CSV, with a preview.

Reading validates every entry with the model's own rules and stops at the first bad one,
saying where ("exercises[3].phase" or "row 7, column phase"); nothing is written until the
coach has seen the preview and applies it in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.files import write_atomic
from coachdesk.formats import json_text
from coachdesk.formats.csv_text import CsvTable, CsvTextError, csv_text, read_csv_file, read_table
from coachdesk.formats.template_file import newer_version
from coachdesk.library.starter import with_movement
from coachdesk.models import Exercise, name_key
from coachdesk.services.imports import Progress, write_previewed
from coachdesk.services.library import ExerciseData, apply_data, list_exercises
from coachdesk.vocab import (
    CorePlane,
    ExternalLoad,
    Impact,
    Laterality,
    LoadType,
    Muscle,
    Pattern,
    Phase,
    from_label,
    plain,
)

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


TEXT_FIELDS = ("name", "pattern", "impact", "external_load", "laterality", "core_plane",
               "phase", "load_type", "notes")  # video_url: the model words its own
FLAG_FIELDS = ("plyometric", "eccentric")


def _check_types(entry: dict[str, Any]) -> None:
    """A JSON entry's values have the types the model expects; a number where a name
    belongs is refused here, naming the field, before the model sees it."""
    for key in TEXT_FIELDS:
        if not isinstance(entry.get(key), str | None):
            raise ValidationError(key, "must be text (in quotes), or null when not known")
    for key in LIST_FIELDS:
        value = entry.get(key)
        if value is not None and (not isinstance(value, list)
                                  or not all(isinstance(v, str) for v in value)):
            raise ValidationError(key, "must be a list of names in quotes, like "
                                  '["a", "b"], or left out')
    for key in FLAG_FIELDS:
        if not isinstance(entry.get(key), bool | None):
            raise ValidationError(key, "must be true or false")


def parse_json(text: str, source: str = "<json>") -> list[Any]:
    try:
        document = json_text.loads(text)
    except json_text.JsonTextError as error:
        raise LibraryFileError(source, error.where, error.message) from None
    return parse_document(document, source)


def parse_document(document: Any, source: str = "<json>") -> list[Any]:
    """The library entries of parsed JSON; the first bad one refuses the file, naming the
    exercise and the field."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise LibraryFileError(source, "format", f"must be {json.dumps(FORMAT_NAME)} (this "
                               "is not a CoachDesk library file)")
    version = document.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LibraryFileError(source, "version", "must be a whole number like "
                               f"{FORMAT_VERSION}")
    if version > FORMAT_VERSION:
        raise LibraryFileError(source, "version", newer_version(version, FORMAT_VERSION))
    entries = document.get("exercises")
    if not isinstance(entries, list):
        raise LibraryFileError(source, "exercises", "must be a list")
    parsed = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise LibraryFileError(source, f"exercises[{index}]", "must be an object")
        name = entry.get("name")
        try:
            _check_types(entry)
            parsed.append(_validated(entry))
        except ValidationError as error:
            named = (f" (in “{name.strip()}”)" if isinstance(name, str) and name.strip()
                     and error.field != "name" else "")
            raise LibraryFileError(source, f"exercises[{index}].{error.field}",
                                   error.message + named) from None
    return parsed


ENUM_COLUMNS = {"pattern": Pattern, "impact": Impact, "external_load": ExternalLoad,
                "laterality": Laterality, "core_plane": CorePlane, "phase": Phase,
                "load_type": LoadType}
MUSCLE_COLUMNS = ("primary_muscles", "secondary_muscles", "muscles")


def _csv_entry(cells: dict[str, str]) -> dict[str, Any]:
    """A row's cells as a library entry; the app's labels ("Single-leg stance / balance",
    "Feet and ankles") count as well as the stored values."""
    entry: dict[str, Any] = {}
    for key, value in cells.items():
        if key in LIST_FIELDS:
            parts = [p.strip() for p in value.split(";") if p.strip()]
            entry[key] = [from_label(Muscle, p) for p in parts] if key in MUSCLE_COLUMNS \
                else parts
        elif key in FLAG_FIELDS:
            entry[key] = value.lower() in ("1", "true", "yes", "y")
        elif key in ENUM_COLUMNS and value:
            entry[key] = from_label(ENUM_COLUMNS[key], value)
        else:
            entry[key] = value or None
    return entry


def _csv_rows(table: CsvTable) -> tuple[list[Any], list[tuple[int, str]]]:
    """The valid entries and each bad row's number and reason."""
    parsed, errors = [], []
    for row in table.rows:
        if row.problem:
            errors.append((row.number, row.problem))
            continue
        try:
            parsed.append(_validated(_csv_entry(row.cells)))
        except ValidationError as error:
            errors.append((row.number, f"column {error.field}: {error.message}"))
    return parsed, errors


def parse_csv(text: str, source: str = "<csv>") -> list[Any]:
    """Every row as an entry, all or nothing (the first bad row raises)."""
    try:
        parsed, errors = _csv_rows(read_table(text, CSV_COLUMNS + LEGACY_COLUMNS))
    except CsvTextError as error:
        raise LibraryFileError(source, f"row {error.row}" if error.row else "",
                               error.message) from None
    if errors:
        raise _row_error(source, *errors[0])
    return parsed


def _row_error(source: str, number: int, reason: str) -> LibraryFileError:
    """A bad row as an error: "row 7, column phase: …" where the reason names a column."""
    column, _, rest = reason.partition(": ")
    if column.startswith("column ") and rest:
        return LibraryFileError(source, f"row {number}, {column}", rest)
    return LibraryFileError(source, f"row {number}", reason)


def read_library_rows(path: Path) -> tuple[list[Any], list[tuple[int, str]]]:
    """A library file's valid entries and, for CSV, its bad rows with their reasons (a JSON
    file is all or nothing); a file that cannot be read at all raises LibraryFileError."""
    if Path(path).suffix.lower() != ".csv":
        return read_library_file(path), []
    try:
        return _csv_rows(read_csv_file(Path(path), CSV_COLUMNS + LEGACY_COLUMNS))
    except CsvTextError as error:
        raise LibraryFileError(str(path), f"row {error.row}" if error.row else "",
                               error.message) from None


def read_library_file(path: Path) -> list[Any]:
    """Every entry of a library file, all or nothing."""
    if Path(path).suffix.lower() == ".csv":
        entries, errors = read_library_rows(path)
        if errors:
            raise _row_error(str(path), *errors[0])
        return entries
    try:
        document = json_text.read_json_file(Path(path))
    except json_text.JsonTextError as error:
        raise LibraryFileError(str(path), error.where, error.message) from None
    return parse_document(document, str(path))


# --- preview and apply ---------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryImportPreview:
    new: tuple[Any, ...]
    changed: tuple[tuple[int, Any, Any], ...]  # (exercise id, before, after)
    conflicts: tuple[tuple[Any, str], ...]  # (entry, why it is not imported)
    unchanged: int
    errors: tuple[tuple[int, str], ...] = ()  # (row number, why it is left out)

    @property
    def is_empty(self) -> bool:
        return not self.new and not self.changed


def preview_library_file(db: Database, path: Path) -> LibraryImportPreview:
    """The preview of importing a library file; a CSV file's bad rows are listed in
    ``errors`` and left out."""
    entries, errors = read_library_rows(path)
    return replace(preview_import(db, entries), errors=tuple(errors))


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
    lines = []
    for row in rows:
        entry = _entry(row)
        lines.append([";".join(entry[c]) if c in LIST_FIELDS else
                      ("true" if entry[c] is True else "false" if entry[c] is False
                       else entry[c] or "") for c in CSV_COLUMNS])
    return csv_text(CSV_COLUMNS, lines)


def export_library(db: Database, path: Path) -> Path:
    rows = [r for r in list_exercises(db) if not r.archived]
    text = library_csv(rows) if Path(path).suffix.lower() == ".csv" else library_json(rows)
    return write_atomic(path, text)
