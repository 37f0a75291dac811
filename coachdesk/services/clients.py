"""Roster use cases: runners' profiles, archive instead of delete, and their history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from coachdesk.db import Database
from coachdesk.errors import StaleEditError
from coachdesk.models import Client, Program
from coachdesk.roster_rows import (  # noqa: F401 (LIMITS: re-exported)
    EDITABLE,
    LIMITS,
    ClientData,
    ClientRow,
    ProgramHistoryRow,
)
from coachdesk.services.records import get_or_raise


def _data(client: Client) -> ClientData:
    return ClientData(
        name=client.name, email=client.email, phone=client.phone, goal=str(client.goal),
        race_distance=str(client.race_distance) if client.race_distance else None,
        stage=str(client.stage), season=str(client.season), race_date=client.race_date,
        key_run_days=tuple(client.key_run_days),
        injuries=tuple(client.injuries), injury_notes=client.injury_notes, notes=client.notes,
    )


def apply_data(client: Client, data: ClientData) -> None:
    for name in EDITABLE:
        value = getattr(data, name)
        setattr(client, name, list(value) if isinstance(value, tuple) else value)


def list_clients(db: Database, include_archived: bool = True) -> list[ClientRow]:
    """Every client with their program count and when a program was last sent (a draft
    handed to a mail program; a PDF export is not a send), in 2 queries."""
    with db.read() as session:
        last_sent = func.max(Program.emailed_at)
        stats = {
            client_id: (count, sent)
            for client_id, count, sent in session.execute(
                select(Program.client_id, func.count(Program.id), last_sent)
                .group_by(Program.client_id)
            )
        }
        # Columns, not ORM objects: the roster may hold tens of thousands of runners.
        query = (select(Client.id, Client.archived, Client.version, Client.updated_at,
                        *[getattr(Client, name) for name in EDITABLE])
                 .order_by(func.lower(Client.name), Client.id))
        if not include_archived:
            query = query.where(Client.archived.is_(False))
        return [
            ClientRow(client_id, _data_from(values), archived, version,
                      *stats.get(client_id, (0, None)), updated_at)
            for client_id, archived, version, updated_at, *values in session.execute(query)
        ]


def _data_from(values: list[Any]) -> ClientData:
    """ClientData from the ``EDITABLE`` columns, in order (enums as their values)."""
    data = dict(zip(EDITABLE, values, strict=True))
    for name in ("goal", "race_distance", "stage", "season"):
        if data[name] is not None:
            data[name] = str(data[name])
    data["key_run_days"] = tuple(data["key_run_days"])
    data["injuries"] = tuple(data["injuries"])
    return ClientData(**data)


def get_client(db: Database, client_id: int) -> ClientRow:
    with db.read() as session:
        client = _client(session, client_id)
        count = session.scalar(select(func.count()).where(Program.client_id == client_id)) or 0
        sent = session.scalar(
            select(func.max(Program.emailed_at))
            .where(Program.client_id == client_id)
        )
        return ClientRow(client.id, _data(client), client.archived, client.version, count,
                         sent, client.updated_at)


def _client(session: Any, client_id: int) -> Client:
    return get_or_raise(session, Client, client_id, "client")


def create_client(db: Database, data: ClientData) -> int:
    with db.write() as session:
        client = Client(name=data.name)
        apply_data(client, data)
        session.add(client)
        session.flush()
        return client.id


def update_client(db: Database, client_id: int, data: ClientData,
                  expected_version: int | None = None) -> int:
    """Save the client's fields; returns the new version.

    With ``expected_version`` (the version the form loaded) a save over someone else's newer
    save is refused with StaleEditError instead of silently overwriting it."""
    try:
        with db.write() as session:
            client = _client(session, client_id)
            if expected_version is not None and client.version != expected_version:
                raise StaleEditError(
                    f"{client.name} was changed elsewhere after you opened it.")
            apply_data(client, data)
            session.flush()
            return client.version
    except StaleEditError as error:
        if error.fields or "while saving" not in str(error):
            raise
        raise StaleEditError("This client was changed elsewhere while saving.") from None


def set_archived(db: Database, client_id: int, archived: bool) -> None:
    with db.write() as session:
        _client(session, client_id).archived = archived


def deletion_summary(db: Database, client_id: int) -> str:
    """What deleting a client removes, in words for the confirmation dialog."""
    row = get_client(db, client_id)
    programs = f"{row.programs} program{'s' if row.programs != 1 else ''}"
    return f"{row.name} and their {programs} will be removed permanently."


def delete_client(db: Database, client_id: int) -> None:
    with db.write() as session:
        client = _client(session, client_id)
        for program in session.scalars(select(Program).where(Program.client_id == client_id)):
            session.delete(program)
        session.delete(client)


def name_taken(db: Database, name: str, except_id: int | None = None) -> bool:
    """Whether another client already has this name (ignoring case and spacing)."""
    key = " ".join(name.split()).casefold()
    with db.read() as session:
        for client_id, other in session.execute(select(Client.id, Client.name)):
            if client_id != except_id and " ".join(other.split()).casefold() == key:
                return True
    return False


def client_history(db: Database, client_id: int) -> list[ProgramHistoryRow]:
    with db.read() as session:
        _client(session, client_id)
        programs = session.scalars(
            select(Program).where(Program.client_id == client_id)
            .order_by(Program.start_date.desc(), Program.id.desc())
        )
        return [
            ProgramHistoryRow(p.id, p.name, p.start_date, p.weeks, str(p.status), p.exported_at,
                              p.emailed_at)
            for p in programs
        ]
