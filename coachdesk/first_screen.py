"""The roster read with Python's own ``sqlite3``, for the first screen.

SQLAlchemy and the models take a third of a second to import; a coach opening CoachDesk
should see their clients before that. When the database is a SQLite file at the current
schema, this reads the roster exactly as ``services.clients.list_clients`` does (a test
compares the two) from a read-only connection; the window shows it while the database
layer loads behind it. Anything unusual (another engine, an older schema, a damaged or
locked file) returns None, and the window simply waits for the normal path.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

from coachdesk.roster_rows import ClientData, ClientRow
from coachdesk.schema_version import SCHEMA_HEAD

ROSTER = """
SELECT c.id, c.name, c.email, c.phone, c.goal, c.race_distance, c.stage, c.season,
       c.race_date, c.key_run_days, c.injuries, c.injury_notes, c.notes, c.archived,
       c.version, c.updated_at, COALESCE(p.programs, 0), p.last_sent
FROM client AS c
LEFT JOIN (SELECT client_id, COUNT(id) AS programs, MAX(emailed_at) AS last_sent
           FROM program GROUP BY client_id) AS p ON p.client_id = c.id
ORDER BY lower(c.name), c.id
"""


def read_roster(path: Path | None) -> list[ClientRow] | None:
    """Every client (archived included) as the roster lists them, or None."""
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=0.2)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        head = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if head != [(SCHEMA_HEAD,)]:
            return None
        return [_row(values) for values in connection.execute(ROSTER)]
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None
    finally:
        connection.close()


def _row(values: tuple) -> ClientRow:
    (client_id, name, email, phone, goal, distance, stage, season, race_date, run_days,
     injuries, injury_notes, notes, archived, version, updated_at, programs,
     last_sent) = values
    data = ClientData(
        name=name, email=email, phone=phone, goal=goal, race_distance=distance, stage=stage,
        season=season, race_date=date.fromisoformat(race_date) if race_date else None,
        key_run_days=tuple(json.loads(run_days or "[]")),
        injuries=tuple(json.loads(injuries or "[]")), injury_notes=injury_notes,
        notes=notes)
    return ClientRow(client_id, data, bool(archived), version, programs, _moment(last_sent),
                     _moment(updated_at))


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
