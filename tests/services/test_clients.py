"""Roster use cases and the roster CSV: round trips, previews, all-or-nothing imports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coachdesk.db import Database
from coachdesk.errors import ValidationError
from coachdesk.models import Program
from coachdesk.services import clients as svc
from coachdesk.services.roster_csv import (
    RosterCsvError,
    apply_roster_import,
    export_roster,
    parse_roster_csv,
    preview_roster_import,
    read_roster_csv,
)

ANA = svc.ClientData(name="Ana Río", email="ana@example.com", goal="race",
                     race_distance="marathon", stage="strength", injuries=("shin_splints",),
                     key_run_days=("tue", "sat"), notes="Wants a sub-4 marathon")


def test_create_edit_archive_restore_delete(db: Database) -> None:
    client_id = svc.create_client(db, ANA)
    assert svc.get_client(db, client_id).data == ANA
    svc.update_client(db, client_id, ANA.with_changes(stage="power"))
    assert svc.get_client(db, client_id).data.stage == "power"
    svc.set_archived(db, client_id, True)
    assert [r.id for r in svc.list_clients(db, include_archived=False)] == []
    assert svc.get_client(db, client_id).archived
    svc.set_archived(db, client_id, False)
    assert [r.id for r in svc.list_clients(db, include_archived=False)] == [client_id]
    with db.write() as session:
        session.add(Program(client_id=client_id, name="Block 1", start_date=date(2026, 12, 1),
                            weeks=4, exported_at=datetime(2026, 12, 2, tzinfo=UTC)))
    assert "1 program will be removed" in svc.deletion_summary(db, client_id)
    assert svc.list_clients(db)[0].programs == 1
    assert svc.client_history(db, client_id)[0].name == "Block 1"
    svc.delete_client(db, client_id)
    assert svc.list_clients(db) == []


def test_bad_values_are_refused_and_nothing_is_saved(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.create_client(db, ANA.with_changes(email="not-an-address"))
    assert caught.value.field == "email"
    assert svc.list_clients(db) == []


def test_duplicate_names_are_noticed_ignoring_case(db: Database) -> None:
    client_id = svc.create_client(db, ANA)
    assert svc.name_taken(db, "  ana  río ")
    assert not svc.name_taken(db, "Ana Río", except_id=client_id)


def test_roster_csv_round_trip_keeps_every_script(db: Database, tmp_path: Path) -> None:
    names = ["Zoë Ångström", "Runner 🏃‍♀️ Fast", "أحمد الراشد", "Олена Коваль", "王小明"]
    for name in names:
        svc.create_client(db, ANA.with_changes(name=name, email=""))
    path = export_roster(db, tmp_path / "roster.csv")
    rows = parse_roster_csv(path.read_text(encoding="utf-8"))
    assert sorted(r.name for r in rows) == sorted(names)
    assert rows[0].injuries == ("shin_splints",)
    assert rows[0].key_run_days == ("tue", "sat")


def test_import_preview_then_apply(db: Database, tmp_path: Path) -> None:
    svc.create_client(db, ANA)
    path = tmp_path / "in.csv"
    path.write_text(
        "name,email,goal,distance,stage,injuries\n"
        "ana río,ana@example.com,race,marathon,power,shin_splints\n"
        "Ben Okafor,ben@example.com,hobby,10k,stability,itbs;knee_pain\n",
        encoding="utf-8",
    )
    preview = preview_roster_import(db, path)
    assert [d.name for d in preview.new] == ["Ben Okafor"]
    assert [after.stage for _id, _before, after in preview.changed] == ["power"]
    assert apply_roster_import(db, preview) == (1, 1)
    names = {r.name: r.data for r in svc.list_clients(db)}
    assert names["Ben Okafor"].injuries == ("knee_pain", "itbs")


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("name,email\nAna,ana@x.com\nBen,not-mail\n", 3, "column email"),
        ("name,goal\nAna,race\nBen,fun run\n", 3, "column goal"),
        ("name,distance\nAna,marathon\nBen,42k\n", 3, "column distance"),
        ("name,stage\n,strength\n", 2, "column name"),
        ("name,shoe_size\nAna,38\n", 1, "unknown column"),
    ],
)
def test_a_bad_row_is_reported_by_number(text: str, row: int, words: str) -> None:
    with pytest.raises(RosterCsvError) as caught:
        parse_roster_csv(text, "in.csv")
    assert caught.value.row == row
    assert words in str(caught.value)


def test_a_failing_import_changes_nothing(db: Database, tmp_path: Path) -> None:
    svc.create_client(db, ANA)
    before = svc.list_clients(db)
    path = tmp_path / "bad.csv"
    path.write_text("name,stage\nNew Person,strength\nAna Río,turbo\n", encoding="utf-8")
    preview = preview_roster_import(db, path)  # the bad row is listed, not imported
    assert preview.errors == ((3, "column stage: 'turbo' is not one of: stability, "
                                  "strength, power"),)
    assert [d.name for d in preview.new] == ["New Person"] and not preview.changed
    with pytest.raises(RosterCsvError, match="row 3"):
        read_roster_csv(path)  # the all-or-nothing reader still refuses the file
    assert svc.list_clients(db) == before
