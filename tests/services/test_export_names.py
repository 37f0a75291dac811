"""Export file names never collide: a batch writes one file per program even when client
names are equal or sanitise to the same name (case-insensitively), the names are stable,
e-mail drafts follow them, and a single export never replaces a file the coach did not
choose."""

from __future__ import annotations

import email as email_lib
from datetime import date
from email.policy import default
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.models import Exercise
from coachdesk.services import clients, export, programs
from coachdesk.services import templates as tpl

COLLIDING = ("Sam Jones", "Sam Jones", "Ann/Lee", "Ann-Lee", "Ann:Lee")


def roster(db: Database, names: tuple[str, ...]) -> dict[int, str]:
    """One program per client, all from the same template; client id → name."""
    template_id = tpl.create_template(db, "Race week")
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    tpl.add_slot(db, template_id, "mon", nordic)
    made = {}
    for index, name in enumerate(names):
        client_id = clients.create_client(db, clients.ClientData(
            name=name, email=f"runner{index}@example.com"))
        programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 4)
        made[client_id] = name
    return made


def pdf_client(path: Path) -> str:
    """The client name the PDF itself carries (its title is "program — client")."""
    return PdfReader(path).metadata.title.split(" — ", 1)[1]


def test_colliding_client_names_give_five_distinct_files(db: Database, tmp_path: Path) -> None:
    made = roster(db, COLLIDING)
    folder = tmp_path / "batch"
    folder.mkdir()
    results = export.export_batch(db, export.current_programs(db), folder)
    assert [r.ok for r in results] == [True] * 5
    on_disk = sorted(folder.glob("*.pdf"))
    assert len(on_disk) == 5
    assert len({p.name.casefold() for p in on_disk}) == 5
    assert sorted(pdf_client(p) for p in on_disk) == sorted(COLLIDING)
    by_path = {r.path: r for r in results}
    for path in on_disk:  # each file holds the program the batch reported for it
        assert pdf_client(path) == by_path[path].client_name
    twins = sorted(p.name for p in on_disk if pdf_client(p) == "Sam Jones")
    ids = sorted(i for i, n in made.items() if n == "Sam Jones")
    assert twins == sorted(f"Sam Jones - Race week ({i}).pdf" for i in ids)


def test_names_that_differ_only_in_case_do_not_collide(db: Database, tmp_path: Path) -> None:
    roster(db, ("Mia Ng", "MIA NG", "Zoe Park"))
    results = export.export_batch(db, export.current_programs(db), tmp_path)
    names = sorted(r.path.name for r in results)
    assert len({n.casefold() for n in names}) == 3
    assert "Zoe Park - Race week.pdf" in names  # no id where nothing collides
    assert len(list(tmp_path.glob("*.pdf"))) == 3


def test_names_are_stable_and_the_single_export_suggests_the_same(db: Database,
                                                                 tmp_path: Path) -> None:
    roster(db, COLLIDING)
    rows = export.current_programs(db)
    first = export.export_batch(db, rows, tmp_path / "one")
    again = export.export_batch(db, rows, tmp_path / "two")
    assert [r.path.name for r in first] == [r.path.name for r in again]
    for item in first:
        assert export.suggested_pdf_name(db, item.program_id) == item.path.name


def test_email_drafts_do_not_collide(db: Database, tmp_path: Path) -> None:
    roster(db, COLLIDING)
    folder = tmp_path / "exports"
    for row in export.current_programs(db):
        pdf = folder / export.suggested_pdf_name(db, row.id)
        export.export_program_pdf(db, row.id, pdf)
        export.email_program(db, row.id, pdf, pdf.with_suffix(".eml"))
    drafts = sorted(folder.glob("*.eml"))
    assert len(drafts) == 5
    recipients = {email_lib.message_from_bytes(d.read_bytes(), policy=default)["To"].addresses[0]
                  .addr_spec for d in drafts}
    assert len(recipients) == 5


def test_a_single_export_never_replaces_a_file_unless_asked(db: Database,
                                                            tmp_path: Path) -> None:
    roster(db, ("Ana",))
    program_id = programs.list_programs(db)[0].id
    existing = tmp_path / "keep.pdf"
    existing.write_bytes(b"the coach's own file")
    with pytest.raises(CoachDeskError, match=r"keep\.pdf.*already exists"):
        export.export_program_pdf(db, program_id, existing)
    assert existing.read_bytes() == b"the coach's own file"
    draft = tmp_path / "keep.eml"
    draft.write_bytes(b"mine")
    pdf = export.export_program_pdf(db, program_id, tmp_path / "ana.pdf").path
    with pytest.raises(CoachDeskError, match=r"keep\.eml.*already exists"):
        export.email_program(db, program_id, pdf, draft)
    assert draft.read_bytes() == b"mine"
    # The save dialog confirmed the file: then it is replaced.
    result = export.export_program_pdf(db, program_id, existing, overwrite=True)
    assert pdf_client(result.path) == "Ana"
    export.email_program(db, program_id, pdf, draft, overwrite=True)
    assert email_lib.message_from_bytes(draft.read_bytes(), policy=default)["X-Unsent"] == "1"
