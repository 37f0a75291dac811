"""A program read in the app, week by week, and one week of one slot set by hand: the
override reaches the PDF, survives the progression dialog's save, and two desks keep both."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coachdesk.db import Database, connect
from coachdesk.errors import StaleEditError, ValidationError
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl
from coachdesk.services.export import export_program_pdf


@pytest.fixture
def program_id(db: Database) -> int:
    with db.read() as session:
        ids = dict(session.execute(select(Exercise.name, Exercise.id)).all())
    template_id = tpl.create_template(db, "Race week")
    tpl.add_slots(db, template_id, "mon", [ids["Goblet Squat"], ids["Dead Bug"]],
                  fields=[tpl.SlotFields(sets=3, reps=8, load="20 kg"), None])
    client_id = clients.create_client(db, clients.ClientData(
        name="Ana", goal="race", key_run_days=("wed", "sat"), race_date=date(2027, 3, 7)))
    program_id = programs.assign_program(db, template_id, client_id, date(2027, 1, 4), 6)
    programs.set_progression(db, program_id, {
        "slots": {"mon:0": {"kind": "add_reps", "step": 1}}, "deload_week": 4})
    return program_id


def test_the_view_shows_every_week_with_dates_deload_and_runs(db, program_id) -> None:
    view = programs.program_view(db, program_id)
    goblet = view.slots[0]
    assert [w.reps for w in goblet.weeks] == [8, 9, 10, 10, 12, 13]
    assert goblet.weeks[3].is_deload and goblet.weeks[3].sets == 2
    assert view.week_starts[1] == date(2027, 1, 11)
    assert view.key_run_days == ("wed", "sat") and view.race_date == date(2027, 3, 7)


def test_an_override_reaches_the_pdf_and_survives_the_dialogs_save(db, program_id,
                                                                   tmp_path) -> None:
    loaded = programs.program_view(db, program_id).progression
    programs.set_week_override(db, program_id, "mon:0", 2, {"sets": 4, "load": "22.5 kg"},
                               expected=loaded)
    view = programs.program_view(db, program_id)
    week2 = view.slots[0].weeks[1]
    assert (week2.sets, week2.reps, week2.load) == (4, 9, "22.5 kg")
    assert view.slots[0].overridden == {2}
    # The progression dialog saves rules and deload only: the override stays.
    saved = {**view.progression, "deload_week": 5}
    programs.set_progression(db, program_id, saved, expected=view.progression)
    assert programs.program_view(db, program_id).slots[0].overridden == {2}
    pdf = export_program_pdf(db, program_id, tmp_path / "ana.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf.path).pages)
    assert "4 × 9" in text and "22.5 kg" in text


def test_overrides_are_checked(db, program_id) -> None:
    loaded = programs.program_view(db, program_id).progression
    with pytest.raises(ValidationError, match="Sets"):
        programs.set_week_override(db, program_id, "mon:0", 2, {"sets": 0}, expected=loaded)
    with pytest.raises(ValidationError, match="no such slot"):
        programs.set_week_override(db, program_id, "tue:3", 2, {"sets": 2}, expected=loaded)
    with pytest.raises(ValidationError, match="after the program's last week"):
        programs.set_week_override(db, program_id, "mon:0", 9, {"sets": 2}, expected=loaded)


def test_two_desks_overriding_different_weeks_keep_both(db, program_id) -> None:
    other = connect(db.url)
    try:
        loaded_a = programs.program_view(db, program_id).progression
        loaded_b = programs.program_view(other, program_id).progression
        programs.set_week_override(other, program_id, "mon:0", 3, {"reps": 6},
                                   expected=loaded_b)
        programs.set_week_override(db, program_id, "mon:0", 2, {"sets": 4}, expected=loaded_a)
        assert programs.program_view(db, program_id).slots[0].overridden == {2, 3}
        with pytest.raises(StaleEditError):
            programs.set_week_override(db, program_id, "mon:0", 3, {"reps": 7},
                                       expected=loaded_a)
    finally:
        other.dispose()
