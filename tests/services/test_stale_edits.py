"""Two coaches editing the same record: the second, stale save is refused; nothing lost."""

from __future__ import annotations

import pytest

from coachdesk.db import Database
from coachdesk.errors import StaleEditError
from coachdesk.opening import open_app_database
from coachdesk.services import clients, library


def test_a_stale_client_save_is_refused_and_the_first_save_survives(db: Database) -> None:
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    loaded = clients.get_client(db, client_id)
    other_desk = open_app_database(db.url)  # a second window or coach, its own engine
    clients.update_client(other_desk, client_id, loaded.data.with_changes(notes="from desk 2"),
                          loaded.version)
    with pytest.raises(StaleEditError, match="changed elsewhere"):
        clients.update_client(db, client_id, loaded.data.with_changes(notes="from desk 1"),
                              loaded.version)
    assert clients.get_client(db, client_id).data.notes == "from desk 2"
    fresh = clients.get_client(db, client_id)
    clients.update_client(db, client_id, fresh.data.with_changes(notes="merged"), fresh.version)
    assert clients.get_client(other_desk, client_id).data.notes == "merged"
    other_desk.dispose()


def test_a_stale_exercise_save_is_refused(db: Database) -> None:
    row = next(r for r in library.list_exercises(db) if r.name == "Calf Raise")
    version = library.exercise_version(db, row.id)
    library.update_exercise(db, row.id, row.data.with_changes(notes="first"), version)
    with pytest.raises(StaleEditError):
        library.update_exercise(db, row.id, row.data.with_changes(notes="second"), version)
    assert library.get_exercise(db, row.id).data.notes == "first"
