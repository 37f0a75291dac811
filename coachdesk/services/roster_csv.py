"""The roster as CSV for spreadsheets: name, email, phone, goal, distance, stage, injuries,
notes (plus key run days). Multi-value cells are joined with ``;``. Reading reports each bad
row by its number and reason; the preview leaves those rows out and imports the others.
Dialects, encodings and formula cells: see :mod:`coachdesk.formats.csv_text`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.files import write_atomic
from coachdesk.formats.csv_text import CsvTable, CsvTextError, csv_text, read_csv_file, read_table
from coachdesk.models import Client
from coachdesk.services.clients import ClientData, apply_data, list_clients
from coachdesk.services.imports import Progress, write_previewed
from coachdesk.vocab import Goal, Injury, RaceDistance, Stage, Weekday, from_label

COLUMNS = ("name", "email", "phone", "goal", "distance", "stage", "injuries", "key_run_days",
           "notes")
REQUIRED = {"name"}


class RosterCsvError(CoachDeskError):
    def __init__(self, source: str, row: int | None, message: str) -> None:
        where = f"row {row}: " if row is not None else ""
        super().__init__(f"{source}: {where}{message}")
        self.row = row
        self.message = message


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.replace(",", ";").split(";") if p.strip())


def _client(cells: dict[str, str]) -> ClientData:
    """A row's cells as ClientData; labels a coach sees in the app ("Racing", "Half
    marathon", "Monday") count as well as the stored values."""
    return ClientData(
        name=cells.get("name", ""),
        email=cells.get("email", ""),
        phone=cells.get("phone", ""),
        goal=from_label(Goal, cells.get("goal") or "race"),
        race_distance=from_label(RaceDistance, cells["distance"]) if cells.get("distance")
        else None,
        stage=from_label(Stage, cells.get("stage") or "stability"),
        injuries=tuple(from_label(Injury, i) for i in _split(cells.get("injuries", ""))),
        key_run_days=tuple(from_label(Weekday, d)
                           for d in _split(cells.get("key_run_days", ""))),
        notes=cells.get("notes", ""),
    )


def _read(table: CsvTable) -> tuple[list[tuple[int, ClientData]], list[tuple[int, str]]]:
    """The valid rows (with their numbers) and each bad row's number and reason."""
    if "name" not in table.header:
        raise CsvTextError(1, "missing column 'name'")
    rows: list[tuple[int, ClientData]] = []
    errors: list[tuple[int, str]] = []
    first_row: dict[str, int] = {}
    for row in table.rows:
        if row.problem:
            errors.append((row.number, row.problem))
            continue
        data = _client(row.cells)
        try:
            _validate(data)
        except ValidationError as error:
            column = {"race_distance": "distance"}.get(error.field, error.field)
            errors.append((row.number, f"column {column}: {error.message}"))
            continue
        key = _key(data.name)
        if key in first_row:
            errors.append((row.number, f"{data.name!r} is already on row {first_row[key]}; "
                           "each client appears once"))
            continue
        first_row[key] = row.number
        rows.append((row.number, data))
    return rows, errors


def parse_roster_csv(text: str, source: str = "<csv>") -> list[ClientData]:
    """Every row as ClientData, validated by the model's own rules; all or nothing."""
    try:
        rows, errors = _read(read_table(text, COLUMNS))
    except CsvTextError as error:
        raise RosterCsvError(source, error.row, error.message) from None
    if errors:
        raise RosterCsvError(source, *errors[0])
    return [data for _number, data in rows]


def _validate(data: ClientData) -> None:
    probe = Client(name=data.name)
    for name in ("email", "phone", "goal", "race_distance", "stage", "notes"):
        setattr(probe, name, getattr(data, name))
    probe.injuries = list(data.injuries)
    probe.key_run_days = list(data.key_run_days)


def read_roster_rows(path: Path) -> tuple[list[tuple[int, ClientData]], list[tuple[int, str]]]:
    """The file's valid rows and its bad rows with their reasons; a file that cannot be
    read at all (encoding, quoting, header) raises RosterCsvError."""
    try:
        return _read(read_csv_file(Path(path), COLUMNS))
    except CsvTextError as error:
        raise RosterCsvError(str(path), error.row, error.message) from None


def read_roster_csv(path: Path) -> list[ClientData]:
    """Every row of the file, all or nothing (the first bad row raises)."""
    rows, errors = read_roster_rows(path)
    if errors:
        raise RosterCsvError(str(path), *errors[0])
    return [data for _number, data in rows]


def roster_csv_text(rows: Iterable[ClientData]) -> str:
    return csv_text(COLUMNS, [
        [data.name, data.email, data.phone, data.goal, data.race_distance or "", data.stage,
         ";".join(data.injuries), ";".join(data.key_run_days), data.notes]
        for data in rows])


def write_roster_csv(rows: Iterable[ClientData], path: Path) -> Path:
    return write_atomic(path, roster_csv_text(rows))


# --- import with a preview, export -------------------------------------------------------------


@dataclass(frozen=True)
class RosterImportPreview:
    """What an import would do, shown before anything is written. Rows match existing
    clients by name, ignoring case and spacing; ``errors`` lists the rows left out, each
    with its number and reason."""

    source: str
    new: tuple[ClientData, ...]
    changed: tuple[tuple[int, ClientData, ClientData], ...]  # (client id, before, after)
    unchanged: int
    errors: tuple[tuple[int, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.new and not self.changed


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def preview_roster_import(db: Database, path: Path) -> RosterImportPreview:
    rows, errors = read_roster_rows(path)
    existing = {_key(r.data.name): r for r in list_clients(db)}
    new: list[ClientData] = []
    changed: list[tuple[int, ClientData, ClientData]] = []
    unchanged = 0
    for _number, data in rows:
        current = existing.get(_key(data.name))
        if current is None:
            new.append(data)
            continue
        merged = data.with_changes(injury_notes=current.data.injury_notes)
        if merged == current.data:
            unchanged += 1
        else:
            changed.append((current.id, current.data, merged))
    return RosterImportPreview(str(path), tuple(new), tuple(changed), unchanged, tuple(errors))


def apply_roster_import(
    db: Database, preview: RosterImportPreview, progress: Progress = lambda _d, _t: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[int, int]:
    """Write the previewed import in one transaction; returns (added, updated)."""
    return write_previewed(db, Client, preview.new, preview.changed, create=_new_client,
                           update=apply_data, progress=progress, should_stop=should_stop)


def _new_client(data: ClientData) -> Client:
    client = Client(name=data.name)
    apply_data(client, data)
    return client


def export_roster(db: Database, path: Path, include_archived: bool = True) -> Path:
    return write_roster_csv((r.data for r in list_clients(db, include_archived)), path)
