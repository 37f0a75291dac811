"""The library's bulk read (stored text decoded once per distinct value) says exactly what
the one-record read says, on SQLite and on PostgreSQL."""

from __future__ import annotations

from coachdesk.db import Database
from coachdesk.services import library as svc


def test_list_rows_match_single_reads_for_every_starter_exercise(db: Database) -> None:
    rows = svc.list_exercises(db)
    assert len(rows) >= 72
    for row in rows:
        single = svc.get_exercise(db, row.id)
        assert row.data == single.data, row.data.name
        assert isinstance(row.data.primary_muscles, tuple)
        assert all(isinstance(m, str) for m in row.data.primary_muscles)
        assert isinstance(row.data.pattern, str) and not hasattr(row.data.pattern, "name")

