"""The runner's calendar: parsed back with icalendar, one event per session on the right
dates and weekdays, floating dates, the same UIDs when the same program is made again,
attached to the e-mail draft; ``coachdesk pdf … --ics`` refuses a bad name with exit 2."""

from __future__ import annotations

import email
import json
from datetime import date, timedelta
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar

from coachdesk.cli import main

WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "client": {"name": "Ana Río", "goal": "race"},
        "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5},
                         {"exercise": "Dead Bug", "sets": 2, "reps": 10}],
                 "fri": [{"exercise": "ATG Split Squat", "sets": 3, "reps": 8}]}}
START = date(2027, 1, 4)  # a Monday


def make(tmp_path: Path, name: str = "plan", *extra: str) -> tuple[int, Path]:
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(WEEK), encoding="utf-8")
    ics = tmp_path / f"{name}.ics"
    code = main(["pdf", str(template), "-o", str(tmp_path / f"{name}.pdf"), "--weeks", "6",
                 "--start", START.isoformat(), "--ics", str(ics), *extra])
    return code, ics


def events(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_calendar_holds_weeks_times_sessions_on_the_right_days(tmp_path) -> None:
    code, ics = make(tmp_path)
    assert code == 0
    found = events(ics)
    assert len(found) == 6 * 2
    days = sorted(e.decoded("dtstart") for e in found)
    expected = sorted(START + timedelta(weeks=w, days=d) for w in range(6) for d in (1, 4))
    assert days == expected
    assert {d.strftime("%a") for d in days} == {"Tue", "Fri"}
    for event in found:
        start = event.decoded("dtstart")
        assert type(start) is date  # a floating all-day DATE, no time zone
        assert event.decoded("dtend") == start + timedelta(days=1)
        assert "plan.pdf" in str(event["description"])
    tuesday = next(e for e in found if e.decoded("dtstart") == START + timedelta(days=1))
    assert "Nordic Curl — 3 × 5" in str(tuesday["description"])
    assert "Dead Bug — 2 × 10" in str(tuesday["description"])
    assert str(tuesday["summary"]) == "Base block: Strength session"
    assert b"TZID" not in ics.read_bytes()


def test_the_same_program_made_again_keeps_every_uid(tmp_path) -> None:
    first = {str(e["uid"]) for e in events(make(tmp_path, "first")[1])}
    again = {str(e["uid"]) for e in events(make(tmp_path, "again")[1])}
    assert len(first) == 12 and first == again


def test_the_calendar_is_attached_to_the_draft_beside_the_pdf(tmp_path) -> None:
    code, ics = make(tmp_path, "plan", "--eml", str(tmp_path / "plan.eml"),
                     "--to", "ana@example.com")
    assert code == 0
    message = email.message_from_bytes((tmp_path / "plan.eml").read_bytes(), policy=default)
    attached = {a.get_filename(): a for a in message.iter_attachments()}
    assert set(attached) == {"plan.pdf", "plan.ics"}
    assert attached["plan.ics"].get_content_type() == "text/calendar"
    assert attached["plan.ics"].get_payload(decode=True) == ics.read_bytes()


@pytest.mark.parametrize(("target", "words"), [
    ("plan.txt", "--ics: plan.txt must be a file name ending in .ics"),
    ("folder.ics", "is a folder"),
])
def test_a_bad_calendar_name_exits_2_naming_ics_and_writes_nothing(tmp_path, capsys, target,
                                                                   words) -> None:
    (tmp_path / "folder.ics").mkdir()
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(WEEK), encoding="utf-8")
    code = main(["pdf", str(template), "-o", str(tmp_path / "out.pdf"),
                 "--ics", str(tmp_path / target)])
    err = capsys.readouterr().err
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()
