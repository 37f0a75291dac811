"""The roster as CSV for spreadsheets: name, email, phone, goal, distance, stage, injuries,
notes (plus key run days). Multi-value cells are joined with ``;``. Reading reports a bad row
by its number and reads nothing else from the file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.files import write_atomic
from coachdesk.models import Client
from coachdesk.services.clients import ClientData, apply_data, list_clients
from coachdesk.services.imports import Progress, write_previewed

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


def parse_roster_csv(text: str, source: str = "<csv>") -> list[ClientData]:
    """Every row as ClientData, validated by the model's own rules; all or nothing."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if not header:
        raise RosterCsvError(source, None, "the file is empty")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise RosterCsvError(source, 1, f"unknown column {unknown[0]!r} (expected: "
                             f"{', '.join(COLUMNS)})")
    missing = REQUIRED - set(header)
    if missing:
        raise RosterCsvError(source, 1, f"missing column {sorted(missing)[0]!r}")
    reader.fieldnames = header
    rows: list[ClientData] = []
    for number, raw in enumerate(reader, start=2):
        if None in raw:
            raise RosterCsvError(source, number, "has more cells than the header")
        cells = {k: (v or "").strip() for k, v in raw.items()}
        if not any(cells.values()):
            continue
        data = ClientData(
            name=cells.get("name", ""),
            email=cells.get("email", ""),
            phone=cells.get("phone", ""),
            goal=cells.get("goal") or "race",
            race_distance=cells.get("distance") or None,
            stage=cells.get("stage") or "stability",
            injuries=_split(cells.get("injuries", "")),
            key_run_days=_split(cells.get("key_run_days", "").lower()),
            notes=cells.get("notes", ""),
        )
        try:
            _validate(data)
        except ValidationError as error:
            column = {"race_distance": "distance"}.get(error.field, error.field)
            raise RosterCsvError(source, number, f"column {column}: {error.message}") from None
        rows.append(data)
    return rows


def _validate(data: ClientData) -> None:
    probe = Client(name=data.name)
    for name in ("email", "phone", "goal", "race_distance", "stage", "notes"):
        setattr(probe, name, getattr(data, name))
    probe.injuries = list(data.injuries)
    probe.key_run_days = list(data.key_run_days)


def read_roster_csv(path: Path) -> list[ClientData]:
    from coachdesk.limits import FileTooLargeError, read_text_limited

    try:
        text = read_text_limited(Path(path))
    except FileTooLargeError as error:
        raise RosterCsvError(str(path), None, error.message) from None
    except UnicodeDecodeError:
        raise RosterCsvError(str(path), None, "the file is not UTF-8 text") from None
    except OSError as error:
        raise RosterCsvError(str(path), None, f"cannot be read: {error.strerror}") from None
    return parse_roster_csv(text, str(path))


def roster_csv_text(rows: Iterable[ClientData]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for data in rows:
        writer.writerow([
            data.name, data.email, data.phone, data.goal, data.race_distance or "", data.stage,
            ";".join(data.injuries), ";".join(data.key_run_days), data.notes,
        ])
    return buffer.getvalue()


def write_roster_csv(rows: Iterable[ClientData], path: Path) -> Path:
    return write_atomic(path, roster_csv_text(rows))


# --- import with a preview, export -------------------------------------------------------------


@dataclass(frozen=True)
class RosterImportPreview:
    """What an import would do, shown before anything is written. Rows match existing
    clients by name, ignoring case and spacing."""

    source: str
    new: tuple[ClientData, ...]
    changed: tuple[tuple[int, ClientData, ClientData], ...]  # (client id, before, after)
    unchanged: int

    @property
    def is_empty(self) -> bool:
        return not self.new and not self.changed


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def preview_roster_import(db: Database, path: Path) -> RosterImportPreview:
    rows = read_roster_csv(path)
    existing = {_key(r.data.name): r for r in list_clients(db)}
    new: list[ClientData] = []
    changed: list[tuple[int, ClientData, ClientData]] = []
    unchanged = 0
    seen: set[str] = set()
    for data in rows:
        key = _key(data.name)
        if key in seen:
            raise RosterCsvError(str(path), None, f"{data.name!r} appears twice in the file")
        seen.add(key)
        current = existing.get(key)
        if current is None:
            new.append(data)
            continue
        merged = data.with_changes(injury_notes=current.data.injury_notes)
        if merged == current.data:
            unchanged += 1
        else:
            changed.append((current.id, current.data, merged))
    return RosterImportPreview(str(path), tuple(new), tuple(changed), unchanged)


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
