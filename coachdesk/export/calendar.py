"""The runner's calendar (``.ics``, written with the ``icalendar`` library): one event per
strength session with its exercises, the season's blocks as all-day events, the race day.

Every date is a floating local DATE (an all-day event, no time zone): a session is a day's
training wherever the runner's phone is. Every UID is built from what the event is (the
program or season, the week, the day), so a calendar sent again updates the runner's
events instead of adding them twice. Pure: plain documents in, bytes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from coachdesk.errors import ValidationError
from coachdesk.export.document import DaySheet, ProgramDocument
from coachdesk.files import write_atomic
from coachdesk.vocab import WEEKDAYS

PRODID = "-//CoachDesk//Strength program//EN"
UID_DOMAIN = "coachdesk.invalid"
DESCRIPTION_LIMIT = 4_000


@dataclass(frozen=True)
class CalendarBlock:
    """A block of the season as an all-day event from ``start`` to ``end`` (inclusive)."""

    key: str
    title: str
    start: date
    end: date
    description: str = ""


def _numbers(day: DaySheet, week: int) -> list[str]:
    lines = []
    for slot in day.slots:
        numbers = slot.weeks[week]
        amount = f"{numbers.reps}" if numbers.reps is not None else f"{numbers.seconds or 0} s"
        text = f"{slot.label}. {slot.exercise_name} — {numbers.sets} × {amount}"
        if slot.per_side:
            text += " /side"
        if numbers.load:
            text += f", {numbers.load}"
        lines.append(" ".join(text.split()))
    return lines


def _event(uid: str, summary: str, start: date, end: date, description: str,
           stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", " ".join(summary.split())[:200])
    event.add("dtstart", start)  # a date: VALUE=DATE, floating
    event.add("dtend", end + timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # all-day training never blocks the runner's day
    if description:
        event.add("description", description[:DESCRIPTION_LIMIT])
    return event


def session_events(doc: ProgramDocument, key: str, pdf_name: str, stamp: datetime,
                   title: str = "") -> list[Event]:
    """One event per training day of every week, Monday-based from the document's start."""
    events = []
    for week in range(doc.weeks):
        monday = doc.start_date + timedelta(weeks=week)
        deload = doc.deload_week == week + 1
        for day in doc.training_days:
            when = monday + timedelta(days=WEEKDAYS.index(day.weekday))
            name = day.title or "Strength session"
            summary = f"{title or 'Strength'}: {name}" + (" (deload)" if deload else "")
            lines = [f"Week {week + 1} of {doc.weeks}" + (" · deload week" if deload else ""),
                     *_numbers(day, week)]
            if pdf_name:
                lines += ["", f"Details and pictures: {pdf_name}"]
            events.append(_event(f"{key}-w{week + 1}-{day.weekday.value}", summary, when,
                                 when, "\n".join(lines), stamp))
    return events


def build_calendar(name: str, documents: Sequence[tuple[str, ProgramDocument, str]],
                   pdf_name: str = "", blocks: Iterable[CalendarBlock] = (),
                   race: tuple[str, date] | None = None,
                   stamp: datetime | None = None) -> Calendar:
    """A calendar of the documents' sessions (each with its UID key and a title), the
    blocks and the race (its UID key and date)."""
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(name.split())[:200])
    for key, doc, title in documents:
        for event in session_events(doc, key, pdf_name, stamp, title):
            calendar.add_component(event)
    for block in blocks:
        calendar.add_component(_event(block.key, block.title, block.start, block.end,
                                      block.description, stamp))
    if race is not None:
        key, day = race
        calendar.add_component(_event(key, "Race day", day, day,
                                      "Good luck! Trust the training.", stamp))
    return calendar


def program_calendar(doc: ProgramDocument, key: str, pdf_name: str = "",
                     race_date: date | None = None) -> Calendar:
    """A single program's calendar; ``key`` (e.g. ``program-12``) makes the UIDs stable."""
    race = (f"{key}-race", race_date) if race_date is not None else None
    return build_calendar(f"{doc.client.name} · {doc.program_name}",
                          [(key, doc, doc.program_name)], pdf_name, race=race)


def ics_target(field: str, path: Path) -> Path:
    """Refuse a calendar file name that cannot be written, before anything is written."""
    path = Path(path)
    if path.suffix.lower() != ".ics":
        raise ValidationError(field, f"{path.name or path} must be a file name ending in .ics")
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give a file name ending in .ics")
    if path.parent.exists() and not path.parent.is_dir():
        raise ValidationError(field, f"{path.parent} is not a folder")
    return path


def write_calendar(calendar: Calendar, out_path: Path, field: str = "calendar") -> Path:
    """Write the ``.ics`` next to its target and rename it into place (its folder made if
    needed); a file that cannot be written is a ValidationError naming ``field``."""
    out_path = ics_target(field, Path(out_path))
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomic(out_path, calendar.to_ical(), suffix=".ics.tmp")
    except OSError as error:
        raise ValidationError(field, f"{out_path.name} cannot be written: "
                              f"{error.strerror or error}") from None


def file_key(*parts: object) -> str:
    """A stable UID key for a program made from a file (no database id): a digest of what
    names it (client, program, start)."""
    import hashlib

    text = "\x1f".join(str(p) for p in parts)
    return "file-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
