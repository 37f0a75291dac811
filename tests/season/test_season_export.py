"""The season's PDF read back (overview page, each block's weeks on its own dates) and its
calendar parsed back (every block's sessions, the blocks, the race; stable UIDs)."""

from __future__ import annotations

import email
from datetime import date, timedelta
from email.policy import default

from icalendar import Calendar
from pypdf import PdfReader

from coachdesk.season import SeasonBlock
from coachdesk.services import season_export as export
from coachdesk.services import seasons
from tests.season.helpers import RACE, TODAY, add_runner, jump_week

START = date(2027, 1, 11)


def planned_with_weeks(db) -> int:
    season = seasons.get_season(db, seasons.plan_season(db, add_runner(db), TODAY))
    spring = jump_week(db)
    blocks = tuple(SeasonBlock(b.stage, b.weeks, spring if n != 2 else None, b.deload_week)
                   for n, b in enumerate(season.plan.blocks, start=1))
    seasons.update_season(db, season.id, blocks, season.version)
    return season.id


def test_the_pdf_opens_with_the_overview_then_each_blocks_weeks(db, tmp_path) -> None:
    season_id = planned_with_weeks(db)
    result = export.export_season_pdf(db, season_id, tmp_path / "season.pdf")
    pages = [p.extract_text() for p in PdfReader(result.path).pages]
    first = pages[0]
    assert "STRENGTH SEASON" in first and "Ana Runner" in first
    assert "Race day: 20 March 2027" in first and "Race 20 Mar" in first
    for title in ("Block 1 · Stability", "Block 2 · Strength", "Block 3 · Power",
                  "Block 4 · Taper"):
        assert title in first
    assert "Your key runs: Tuesday and Saturday" in first
    body = "\n".join(pages[1:])
    assert "Block 3 · Power — 22 February 2027 to 7 March 2027" in body
    assert "Your coach will send this block's sessions." in body  # block 2: no week yet
    # Block 3's weeks start on its own Mondays: 22 February and 1 March.
    power = body[body.index("Block 3 · Power —"):body.index("Block 4 · Taper —")]
    assert "22 Feb" in power and "1 Mar" in power and "Week 3" not in power
    assert "How to do each exercise" in body and "Pogo Hops" in body


def test_the_season_calendar_parses_back_with_sessions_blocks_and_race(db, tmp_path) -> None:
    season_id = planned_with_weeks(db)
    path = export.export_season_ics(db, season_id, tmp_path / "season.ics")
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    sessions = [e for e in events if "-w" in str(e["uid"])]
    # Blocks 1, 3 and 4 have a week (2 sessions): 2 + 2 + 2 weeks of Mondays and Thursdays.
    assert len(sessions) == (2 + 2 + 2) * 2
    assert {e.decoded("dtstart").weekday() for e in sessions} == {0, 3}
    blocks = sorted((e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]))
                    for e in events if "-block" in str(e["uid"]))
    assert blocks[2] == (date(2027, 2, 22), date(2027, 3, 8), "Block 3 · Power")
    [race] = [e for e in events if str(e["uid"]).endswith("-race@coachdesk.invalid")]
    assert race.decoded("dtstart") == RACE
    first_session = min(sessions, key=lambda e: e.decoded("dtstart"))
    assert first_session.decoded("dtstart") == START
    again = export.export_season_ics(db, season_id, tmp_path / "again.ics")
    assert {str(e["uid"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")} \
        == {str(e["uid"]) for e in events}


def test_the_draft_carries_the_pdf_and_the_calendar(db, tmp_path) -> None:
    season_id = planned_with_weeks(db)
    pdf = export.export_season_pdf(db, season_id, tmp_path / "season.pdf").path
    ics = export.export_season_ics(db, season_id, tmp_path / "season.ics", pdf.name)
    draft = export.email_season(db, season_id, pdf, ics, tmp_path / "season.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=default)
    assert message["To"] == "Ana Runner <ana@example.com>"
    assert [a.get_content_type() for a in message.iter_attachments()] == [
        "application/pdf", "text/calendar"]
    assert "race day on 20 March 2027" in message.get_body().get_content()
    assert START + timedelta(weeks=10) > RACE
