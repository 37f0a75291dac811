"""Every import path (template file, library JSON, library CSV, roster CSV) over the one
hostile corpus: no traceback, a clear message or a correct import, nothing written on
refusal, and every accepted text back from the database unchanged."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.services import clients, library, templates
from coachdesk.services.library_files import apply_import, preview_library_file
from coachdesk.services.roster_csv import apply_roster_import, preview_roster_import
from coachdesk.services.template_files import import_template
from tests.hostile.corpus import CSV_DOCUMENTS, JSON_DOCUMENTS, TEXTS, UNACCEPTABLE_TEXTS


def snapshot(db: Database) -> tuple[Any, ...]:
    """Everything an import can write."""
    return (clients.list_clients(db), library.list_exercises(db), templates.list_templates(db))


def template_document(**texts: str) -> dict[str, Any]:
    return {
        "format": "coachdesk-template", "version": 3, "name": texts.get("name", "Week"),
        "notes": texts.get("notes", ""), "titles": {"mon": texts.get("title", "")},
        "exercises": [{"name": texts.get("exercise", "Hostile Hold"),
                       "laterality": "bilateral", "muscles": ["core"], "phase": "stability",
                       "pattern": "anti_extension"}],
        "days": {"mon": [{"exercise": texts.get("exercise", "Hostile Hold"), "sets": 3,
                          "seconds": 30, "notes": texts.get("slot notes", ""),
                          "load": texts.get("load", "")}]},
    }


def library_document(**texts: str) -> dict[str, Any]:
    return {"format": "coachdesk-library", "version": 2, "exercises": [{
        "name": texts.get("name", "Hostile Hold"), "primary_muscles": ["core"],
        "laterality": "bilateral", "phase": "stability", "pattern": "anti_extension",
        "notes": texts.get("notes", ""), "aliases": [texts["alias"]] if "alias" in texts
        else [], "equipment": [texts["equipment"]] if "equipment" in texts else []}]}


def csv_bytes(header: list[str], row: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, row])
    return buffer.getvalue().encode()


# --- each path: write a file, import it, and read back what the database holds -------------


def import_template_texts(db: Database, tmp_path: Path, texts: dict[str, str]
                          ) -> dict[str, str]:
    path = tmp_path / "week.coachdesk.json"
    path.write_text(json.dumps(template_document(**texts)), encoding="utf-8")
    week = templates.load_week(db, import_template(db, path))
    slot = week.day("mon").slots[0]
    return {"name": week.name, "notes": week.notes, "title": week.day("mon").title,
            "exercise": slot.exercise_name, "slot notes": slot.fields.notes,
            "load": slot.fields.load}


def import_library_json_texts(db: Database, tmp_path: Path, texts: dict[str, str]
                              ) -> dict[str, str]:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(library_document(**texts)), encoding="utf-8")
    apply_import(db, preview_library_file(db, path))
    return _exercise_texts(db, texts.get("name", "Hostile Hold"))


def import_library_csv_texts(db: Database, tmp_path: Path, texts: dict[str, str]
                             ) -> dict[str, str]:
    path = tmp_path / "library.csv"
    columns = {"name": "Hostile Hold", "primary_muscles": "core", "laterality": "bilateral",
               "phase": "stability", "pattern": "anti_extension", "notes": "",
               "aliases": "", "equipment": ""}
    for field, text in texts.items():
        columns[{"alias": "aliases"}.get(field, field)] = text
    path.write_bytes(csv_bytes(list(columns), list(columns.values())))
    preview = preview_library_file(db, path)
    if preview.errors:
        number, reason = preview.errors[0]
        raise CoachDeskError(f"row {number}: {reason}")
    apply_import(db, preview)
    return _exercise_texts(db, texts.get("name", "Hostile Hold"))


def _exercise_texts(db: Database, name: str) -> dict[str, str]:
    row = next(r for r in library.list_exercises(db) if r.name == name)
    return {"name": row.name, "notes": row.data.notes,
            "alias": row.data.aliases[0] if row.data.aliases else "",
            "equipment": row.data.equipment[0] if row.data.equipment else ""}


def import_roster_texts(db: Database, tmp_path: Path, texts: dict[str, str]) -> dict[str, str]:
    path = tmp_path / "roster.csv"
    columns = {"name": "Hostile Runner", "phone": "", "notes": ""}
    columns.update(texts)
    path.write_bytes(csv_bytes(list(columns), list(columns.values())))
    preview = preview_roster_import(db, path)
    if preview.errors:
        number, reason = preview.errors[0]
        raise CoachDeskError(f"row {number}: {reason}")
    apply_roster_import(db, preview)
    row = next(r for r in clients.list_clients(db) if r.name == columns["name"])
    return {"name": row.name, "phone": row.data.phone, "notes": row.data.notes}


PATHS: dict[str, tuple[Callable[..., dict[str, str]], tuple[str, ...]]] = {
    "template": (import_template_texts,
                 ("name", "notes", "title", "exercise", "slot notes", "load")),
    "library JSON": (import_library_json_texts, ("name", "notes", "alias", "equipment")),
    "library CSV": (import_library_csv_texts, ("name", "notes", "alias", "equipment")),
    "roster CSV": (import_roster_texts, ("name", "phone", "notes")),
}
STORED_AS: dict[str, Callable[[str], str]] = {"equipment": str.lower}
"""Equipment tags are kept lower-case by design ("Band" and "band" are one tag)."""
FIELD_WORDS = {"slot notes": "notes", "title": "titles", "alias": "aliases",
               "exercise": "exercise"}


@pytest.mark.parametrize("path_kind", list(PATHS))
@pytest.mark.parametrize("text_kind", list(TEXTS))
def test_a_text_in_each_field_comes_back_unchanged_or_is_refused_by_name(
        path_kind: str, text_kind: str, db: Database, tmp_path: Path) -> None:
    run, fields = PATHS[path_kind]
    text = TEXTS[text_kind]
    for field in fields:
        before = snapshot(db)
        try:
            stored = run(db, tmp_path, {field: text})
        except CoachDeskError as error:
            message = str(error)
            assert FIELD_WORDS.get(field, field) in message, (field, message[:300])
            assert "Traceback" not in message and len(message) < 1000
            assert snapshot(db) == before, f"{field}: refused but something was written"
            continue
        assert stored[field] == STORED_AS.get(field, str)(text), (field, stored[field][:80])
        cleanup(db)


def cleanup(db: Database) -> None:
    """Remove what one import added, so the next field starts from the same library."""
    for row in templates.list_templates(db):
        templates.delete_template(db, row.id)
    for row in clients.list_clients(db):
        clients.delete_client(db, row.id)
    for row in library.list_exercises(db):
        if row.builtin_key is None:
            library.delete_exercise(db, row.id)


# A lone surrogate cannot be written into a UTF-8 CSV file's bytes, so CSV paths get NUL only.
UNACCEPTABLE_CASES = [(path_kind, text_kind) for path_kind in PATHS
                      for text_kind in UNACCEPTABLE_TEXTS
                      if not (path_kind.endswith("CSV") and text_kind == "lone surrogate")]


@pytest.mark.parametrize("path_kind, text_kind", UNACCEPTABLE_CASES)
def test_a_nul_or_a_broken_character_is_refused_by_name(path_kind: str, text_kind: str,
                                                        db: Database, tmp_path: Path) -> None:
    run, fields = PATHS[path_kind]
    before = snapshot(db)
    for field in fields:
        with pytest.raises(CoachDeskError) as caught:
            run(db, tmp_path, {field: UNACCEPTABLE_TEXTS[text_kind]})
        assert FIELD_WORDS.get(field, field) in str(caught.value)
        assert ("NUL" if text_kind == "nul" else "broken character") in str(caught.value)
        assert snapshot(db) == before


# --- whole hostile files ---------------------------------------------------------------------


def template_reader(db: Database, path: Path) -> Any:
    return import_template(db, path)


def library_reader(db: Database, path: Path) -> Any:
    """Import what the preview offers; returns the rows it left out, with their reasons."""
    preview = preview_library_file(db, path)
    apply_import(db, preview)
    return preview.errors


def roster_reader(db: Database, path: Path) -> Any:
    preview = preview_roster_import(db, path)
    apply_roster_import(db, preview)
    return preview.errors


def completed(data: bytes, kind: str) -> bytes:
    """The corpus document with what its format needs around it, so the hostile part is
    what gets checked rather than a missing "format"."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return data
    if not isinstance(document, dict):
        return data
    base = template_document() if kind == "template" else library_document()
    merged = {**base, **{k: v for k, v in document.items() if k != "exercises" or
                         kind != "template"}}
    return json.dumps(merged).encode()


@pytest.mark.parametrize("reader, name", [(template_reader, "week.coachdesk.json"),
                                          (library_reader, "library.json")])
@pytest.mark.parametrize("completing", [False, True], ids=["as is", "completed"])
@pytest.mark.parametrize("doc_kind", list(JSON_DOCUMENTS))
def test_a_hostile_json_file_is_refused_or_read(reader, name: str, completing: bool,
                                                doc_kind: str, db: Database,
                                                tmp_path: Path) -> None:
    data = JSON_DOCUMENTS[doc_kind]
    if completing:
        data = completed(data, "template" if name.endswith("coachdesk.json") else "library")
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(db)
    try:
        reader(db, path)
    except CoachDeskError as error:
        assert str(path) in str(error) and len(str(error)) < 1000
        assert snapshot(db) == before
        return
    assert doc_kind in ("BOM then JSON",) or completing


@pytest.mark.parametrize("reader, name", [(roster_reader, "roster.csv"),
                                          (library_reader, "library.csv")])
@pytest.mark.parametrize("doc_kind", list(CSV_DOCUMENTS))
def test_a_hostile_csv_file_is_refused_or_read(reader, name: str, doc_kind: str,
                                               db: Database, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(CSV_DOCUMENTS[doc_kind])
    before = snapshot(db)
    try:
        left_out = reader(db, path)
    except CoachDeskError as error:
        assert str(path) in str(error) and len(str(error)) < 1000
        assert snapshot(db) == before
        return
    if snapshot(db) == before:  # nothing imported: each bad row was named with a reason
        assert left_out and all(number >= 2 and reason for number, reason in left_out)


EXPECTED_ROSTER = {
    "semicolons": [("Anna Berg", "race", "")],
    "cp1252": [("José Müller", "race", "")],
    "BOM": [("Anna", "race", "")],
    "formula cells": [('=HYPERLINK("http://evil.example")', "race", "+cmd|' /C calc'!A0")],
}
REFUSED_ROSTER = {"unterminated quote": "row 2", "duplicate header": "twice",
                  "empty": "empty"}


@pytest.mark.parametrize("doc_kind", list(EXPECTED_ROSTER))
def test_the_roster_reads_each_readable_csv_right(doc_kind: str, db: Database,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(CSV_DOCUMENTS[doc_kind])
    roster_reader(db, path)
    assert [(r.name, r.data.goal, r.data.notes) for r in clients.list_clients(db)] == \
        EXPECTED_ROSTER[doc_kind]


@pytest.mark.parametrize("doc_kind", list(REFUSED_ROSTER))
def test_the_roster_refuses_each_broken_csv_saying_why(doc_kind: str, db: Database,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(CSV_DOCUMENTS[doc_kind])
    with pytest.raises(CoachDeskError, match=REFUSED_ROSTER[doc_kind]):
        roster_reader(db, path)
    assert clients.list_clients(db) == []


@pytest.mark.parametrize("doc_kind, words", [("huge field", "131,072"), ("NUL byte", "NUL")])
def test_the_roster_leaves_out_a_bad_row_saying_why(doc_kind: str, words: str, db: Database,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(CSV_DOCUMENTS[doc_kind])
    preview = preview_roster_import(db, path)
    assert preview.is_empty and preview.errors[0][0] == 2 and words in preview.errors[0][1]
