"""Library and roster CSV files as spreadsheets really write them: semicolons, Windows-1252,
a BOM, the app's own labels; broken files named by row and column; bad rows left out of
the preview with their reason; exports that spreadsheets read safely and that import back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from coachdesk.db import Database
from coachdesk.services import clients as roster
from coachdesk.services import library
from coachdesk.services.library_files import (
    LibraryFileError,
    apply_import,
    export_library,
    preview_library_file,
)
from coachdesk.services.roster_csv import (
    RosterCsvError,
    apply_roster_import,
    export_roster,
    preview_roster_import,
)

LIBRARY_HEADER = "name,primary_muscles,laterality,phase,pattern"
FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "'=already quoted", "'plain apostrophe"]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_a_semicolon_roster_from_a_european_spreadsheet_imports(db: Database,
                                                                tmp_path: Path) -> None:
    path = write(tmp_path, "roster.csv", "name;email;goal;distance\n"
                 "Anna Berg;anna@example.com;Racing;Half marathon\n"
                 "Ben Okafor;ben@example.com;hobby;10 km\n")
    preview = preview_roster_import(db, path)
    assert [(d.name, d.goal, d.race_distance) for d in preview.new] == [
        ("Anna Berg", "race", "half"), ("Ben Okafor", "hobby", "10k")]


def test_a_semicolon_library_file_imports(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "lib.csv", "name;primary_muscles;laterality;phase;pattern\n"
                 "Spanish Squat Hold;Quads;Bilateral;Stability;Squat\n")
    preview = preview_library_file(db, path)
    assert [(e.name, e.primary_muscles, e.pattern) for e in preview.new] == [
        ("Spanish Squat Hold", ("quads",), "squat")]


def test_windows_1252_is_read_right(db: Database, tmp_path: Path) -> None:
    text = "name,notes\nJosé Müller,Muñoz’s “façade” – €5\n"
    preview = preview_roster_import(db, write(tmp_path, "r.csv", text.encode("cp1252")))
    assert [(d.name, d.notes) for d in preview.new] == [
        ("José Müller", "Muñoz’s “façade” – €5")]


def test_a_utf8_bom_is_accepted_in_both(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "\ufeffname,email\nAnna,anna@example.com\n".encode())
    assert [d.name for d in preview_roster_import(db, path).new] == ["Anna"]
    path = write(tmp_path, "l.csv", ("\ufeff" + LIBRARY_HEADER + "\nSpanish Squat Hold,"
                                     "quads,bilateral,stability,squat\n").encode())
    assert [e.name for e in preview_library_file(db, path).new] == ["Spanish Squat Hold"]


@pytest.mark.parametrize("name, reader", [
    ("r.csv", preview_roster_import), ("l.csv", preview_library_file)])
def test_a_cell_over_131072_characters_names_row_and_column(name, reader, db: Database,
                                                             tmp_path: Path) -> None:
    head = "name,notes" if name == "r.csv" else LIBRARY_HEADER + ",notes"
    first = "Anna" if name == "r.csv" else "Spanish Squat Hold,quads,bilateral,stability,squat"
    path = write(tmp_path, name, f"{head}\n{first},{'x' * 200_000}\n")
    preview = reader(db, path)
    assert not preview.new
    (row, reason), = preview.errors
    assert row == 2 and "column notes" in reason and "131,072" in reason


@pytest.mark.parametrize("name, reader, error", [
    ("r.csv", preview_roster_import, RosterCsvError),
    ("l.csv", preview_library_file, LibraryFileError)])
def test_an_unterminated_quote_is_an_error_naming_the_row(name, reader, error, db: Database,
                                                          tmp_path: Path) -> None:
    head = "name,notes" if name == "r.csv" else LIBRARY_HEADER + ",notes"
    lead = "" if name == "r.csv" else ",quads,bilateral,stability,squat"
    path = write(tmp_path, name, f'{head}\nAnna{lead},fine\nBen{lead},"never closed\n'
                 f"Cara{lead},fine\n")
    with pytest.raises(error) as caught:
        reader(db, path)
    assert "row 3" in str(caught.value) and "quote" in str(caught.value)


@pytest.mark.parametrize("name, reader, error", [
    ("r.csv", preview_roster_import, RosterCsvError),
    ("l.csv", preview_library_file, LibraryFileError)])
def test_a_duplicate_header_is_refused_naming_the_column(name, reader, error, db: Database,
                                                         tmp_path: Path) -> None:
    head = "name,notes,notes" if name == "r.csv" else LIBRARY_HEADER + ",notes,Notes"
    path = write(tmp_path, name, f"{head}\n")
    with pytest.raises(error) as caught:
        reader(db, path)
    assert "notes" in str(caught.value) and "twice" in str(caught.value)


def test_bad_rows_are_listed_and_the_valid_ones_import(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "name,email,stage\nAnna,anna@example.com,strength\n"
                 "Ben,not-an-email,strength\nCleo,,turbo\nDan,,Power\n")
    preview = preview_roster_import(db, path)
    assert [d.name for d in preview.new] == ["Anna", "Dan"]
    assert [row for row, _ in preview.errors] == [3, 4]
    assert "email" in preview.errors[0][1] and "stage" in preview.errors[1][1]
    assert apply_roster_import(db, preview) == (2, 0)
    assert sorted(r.name for r in roster.list_clients(db)) == ["Anna", "Dan"]


def test_a_name_twice_in_the_roster_is_a_bad_row(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "name\nAnna\nanna\n")
    preview = preview_roster_import(db, path)
    assert [d.name for d in preview.new] == ["Anna"]
    assert preview.errors[0][0] == 3 and "row 2" in preview.errors[0][1]


def read_back(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))


def test_the_roster_export_has_a_bom_and_neutralised_formulas(db: Database,
                                                             tmp_path: Path) -> None:
    for index, text in enumerate(FORMULAS):
        roster.create_client(db, roster.ClientData(name=f"Runner {index}", notes=text,
                                                   phone="+44 20 7946 0000"))
    rows = read_back(export_roster(db, tmp_path / "roster.csv"))
    notes = {r[0]: r[rows[0].index("notes")] for r in rows[1:]}
    assert [notes[f"Runner {i}"] for i in range(len(FORMULAS))] == [
        "'" + FORMULAS[0], "'" + FORMULAS[1], "'" + FORMULAS[2], "'" + FORMULAS[3],
        "''=already quoted", "'plain apostrophe"]
    assert rows[1][rows[0].index("phone")] == "'+44 20 7946 0000"


def test_the_roster_export_imports_back_to_the_same_values(db: Database,
                                                          tmp_path: Path) -> None:
    for index, text in enumerate(FORMULAS):
        roster.create_client(db, roster.ClientData(name=f"Runner {index}", notes=text,
                                                   phone="+44 20 7946 0000"))
    before = {r.name: r.data for r in roster.list_clients(db)}
    path = export_roster(db, tmp_path / "roster.csv")
    for row in roster.list_clients(db):
        roster.delete_client(db, row.id)
    apply_roster_import(db, preview_roster_import(db, path))
    assert {r.name: r.data for r in roster.list_clients(db)} == before


def test_the_library_export_has_a_bom_neutralises_and_imports_back(db: Database,
                                                                   tmp_path: Path) -> None:
    wall = library.ExerciseData(name="=Spanish Squat Hold", primary_muscles=("quads",),
                                laterality="bilateral", phase="stability", pattern="squat",
                                notes="+cmd|' /C calc'!A0", aliases=("@wall",))
    library.create_exercise(db, wall)
    rows = read_back(export_library(db, tmp_path / "lib.csv"))
    mine = next(r for r in rows if r[0] == "'=Spanish Squat Hold")
    assert mine[rows[0].index("notes")] == "'+cmd|' /C calc'!A0"
    assert mine[rows[0].index("aliases")] == "'@wall"
    preview = preview_library_file(db, tmp_path / "lib.csv")
    assert preview.is_empty and not preview.errors and not preview.conflicts
    entries = [r.data for r in library.list_exercises(db) if r.name == "=Spanish Squat Hold"]
    assert entries[0].notes == "+cmd|' /C calc'!A0" and entries[0].aliases == ("@wall",)


def test_a_library_csv_with_bad_rows_imports_the_valid_ones(db: Database,
                                                           tmp_path: Path) -> None:
    path = write(tmp_path, "lib.csv", LIBRARY_HEADER + "\nSpanish Squat Hold,quads,"
                 "bilateral,stability,squat\nBad One,quads,bilateral,fast,squat\n")
    preview = preview_library_file(db, path)
    assert [e.name for e in preview.new] == ["Spanish Squat Hold"]
    assert preview.errors[0][0] == 3 and "phase" in preview.errors[0][1]
    assert apply_import(db, preview) == (1, 0)
    names = {r.name for r in library.list_exercises(db)}
    assert "Spanish Squat Hold" in names and "Bad One" not in names
