"""The deload week as the client reads it: an 8-week program with the deload in week 4 is
exported to a PDF, and the numbers read back from the PDF's text never go above week 3's."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import export as export_svc
from coachdesk.services import templates as tpl

from .conftest import pdf_text

# Monday's slots: (exercise, prescription, progression rule)
SLOTS = [
    ("Nordic Curl", tpl.SlotFields(sets=3, reps=5, tempo="4-0-1-0", rest_s=90),
     {"kind": "add_reps", "step": 1}),
    ("Calf Raise", tpl.SlotFields(sets=4, reps=12, load="20 kg", rest_s=60),
     {"kind": "add_load", "step": 2.5}),
    ("Romanian Deadlift", tpl.SlotFields(sets=3, reps=6, load="40 kg", rest_s=120),
     {"kind": "add_sets", "step": 1}),
    ("Side Plank", tpl.SlotFields(sets=3, reps=None, seconds=30, per_side=True, rest_s=45),
     {"kind": "add_reps", "step": 1}),
    ("Goblet Squat", tpl.SlotFields(sets=5, reps=8, load="16 kg", rest_s=90),
     {"kind": "add_load", "step": 2, "every": 2}),
]
# One week's cell: "3 × 8", "3 × 30 s /side", then the load ("22.5 kg"), then "Deload".
CELL = re.compile(r"(?P<sets>\d+) × (?P<amount>\d+)(?: s)?(?: /side)?"
                  r"(?: (?P<load>\d+(?:\.\d+)?) (?:kg|lb))?(?P<deload> Deload)?")


def export_eight_weeks(db: Database, tmp_path) -> str:
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    template_id = tpl.create_template(db, "Base block")
    with db.read() as session:
        ids = {name: id_ for name, id_ in session.execute(select(Exercise.name, Exercise.id))}
    for name, fields, _rule in SLOTS:
        tpl.add_slot(db, template_id, "mon", ids[name], fields=fields)
    program_id = programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 8)
    programs.set_progression(db, program_id, {
        "slots": {f"mon:{n}": rule for n, (_name, _fields, rule) in enumerate(SLOTS)},
        "deload_week": 4})
    result = export_svc.export_program_pdf(db, program_id, tmp_path / "program.pdf")
    return pdf_text(result.path)


def test_every_deload_week_number_in_the_pdf_is_at_most_week_threes(db, tmp_path) -> None:
    text = export_eight_weeks(db, tmp_path)
    # Eight weeks print as two tables of four; weeks 3 and 4 are in Monday's first one.
    table = text.split("Weeks 1–4", 1)[1].split("Monday · weeks 5–8", 1)[0]
    names = [name for name, _fields, _rule in SLOTS]
    starts = [table.index(name) for name in names]
    assert starts == sorted(starts)
    for name, start, end in zip(names, starts, [*starts[1:], table.index("Session done")],
                                strict=True):
        cells = list(CELL.finditer(table[start + len(name):end]))
        assert len(cells) == 4, (name, [c.group(0) for c in cells])
        week3, deload = cells[2], cells[3]
        assert deload["deload"] and not week3["deload"], name
        assert [bool(c["deload"]) for c in cells] == [False, False, False, True], name
        sets3, sets4 = int(week3["sets"]), int(deload["sets"])
        assert sets4 < sets3 or sets4 == sets3 == 1, (name, week3[0], deload[0])
        assert int(deload["amount"]) <= int(week3["amount"]), (name, week3[0], deload[0])
        assert (week3["load"] is None) == (deload["load"] is None), name
        if week3["load"] is not None:
            assert float(deload["load"]) <= float(week3["load"]), (name, week3[0], deload[0])
