"""``coachdesk pdf TEMPLATE.coachdesk.json -o OUT.pdf``: a program PDF without the GUI."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO, TypeVar

from coachdesk.checks import ExerciseInfo
from coachdesk.dates import full_date, next_monday, start_date_warning
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.export.document import Brand, ProgramDocument, build_document
from coachdesk.export.pdf import build_program_pdf
from coachdesk.files import output_problem, write_error_text
from coachdesk.formats.json_text import read_json_file
from coachdesk.formats.resolve import inline_material, resolve_week
from coachdesk.formats.template_file import TemplateFile, read_template_file
from coachdesk.paths import ENV_DATABASE_URL

EXIT_OK, EXIT_INVALID = 0, 2
T = TypeVar("T")


def starter_material() -> dict[str, dict[str, object]]:
    from coachdesk.library.starter import starter_entries, with_movement

    return {e["name"]: {"notes": e["notes"], "video_url": e["video_url"], "image_path": None,
                        "muscles": e["primary_muscles"], "laterality": e["laterality"]}
            for e in map(with_movement, starter_entries())}


def write_program_ics(document: ProgramDocument, out: Path, pdf: Path) -> Path:
    """The sessions' calendar; its UIDs come from the program's name, client and start,
    so the same program made again gives the same UIDs."""
    from coachdesk.export.calendar import file_key, program_calendar, write_calendar

    key = file_key(document.client.name, document.program_name, document.start_date)
    return write_calendar(program_calendar(document, key, pdf.name), out, "--ics")


def run(template_path: str, out: str, weeks: int, start: str | None, brand_path: str | None,
        eml: str | None, to: str | None, stdout: TextIO | None = None,
        stderr: TextIO | None = None, db_location: str | None = None,
        ics: str | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        if not 1 <= weeks <= 52:
            raise ValidationError("--weeks", "must be from 1 to 52")
        if eml and not to:
            raise ValidationError("--to", "is needed with --eml")
        if eml:
            from coachdesk.export.email_draft import build_email_draft, checked_address

            checked_address("--to", to or "")  # refused before the PDF is written
        if ics:
            from coachdesk.export.calendar import ics_target  # icalendar: only when asked

            ics_target("--ics", Path(ics))  # likewise
        start_date = _start_date(start)
        _check_output(out, "-o/--output")
        if eml:
            _check_output(eml, "--eml")
        template = read_template_file(Path(template_path))
        library, material = _library(template, db_location)
        resolve_week(template, library, source=template_path)
        brand = _brand(brand_path)
        past = start_date_warning(start_date)
        if past:
            print(f"coachdesk pdf: warning: --start: {past}", file=stderr)
        client = template.client.name if template.client and template.client.name else "Client"
        document = build_document(template, program_name=template.name, client_name=client,
                                  start_date=start_date, weeks=weeks,
                                  material=material, units=brand.units)
        result = _written("-o/--output", out,
                          lambda: build_program_pdf(document, brand, Path(out)))
        for warning in result.warnings:
            print(f"coachdesk pdf: warning: {warning}", file=stderr)
        print(f"{result.path} ({result.pages} pages)", file=stdout)
        calendar = write_program_ics(document, Path(ics), result.path) if ics else None
        if calendar is not None:
            print(f"{calendar}", file=stdout)
        if eml:
            values = {"client_name": client, "client_first_name": client.split()[0],
                      "program_name": template.name, "start_date": full_date(start_date),
                      "weeks": str(weeks), "business_name": brand.business_name}
            draft = _written("--eml", eml, lambda: build_email_draft(
                to_name=client, to_address=to or "", from_address=brand.email,
                values=values, pdf_path=result.path, out_path=Path(eml), ics_path=calendar))
            print(f"{draft}", file=stdout)
    except CoachDeskError as error:
        print(f"coachdesk pdf: {error}", file=stderr)
        return EXIT_INVALID
    return EXIT_OK


def _start_date(start: str | None) -> date:
    if not start:
        return next_monday()
    try:
        return date.fromisoformat(start)
    except ValueError:
        raise ValidationError("--start", f"{start!r} is not a date; write it as YYYY-MM-DD, "
                              "e.g. 2027-01-04") from None


def _check_output(path: str, field: str) -> None:
    problem = output_problem(path)
    if problem:
        raise ValidationError(field, problem)


def _written(field: str, path: str, write: Callable[[], T]) -> T:
    """Run ``write``; a failed write (full disk, read-only folder) names ``field``. The
    writers are atomic, so nothing is left behind."""
    try:
        return write()
    except OSError as error:
        raise ValidationError(field, write_error_text(error, path)) from None


def _library(template: TemplateFile, db_location: str | None
             ) -> tuple[tuple[ExerciseInfo, ...], dict[str, dict[str, object]]]:
    """The exercises to match against and their demonstration material: the database's
    when one is named (``--db`` or the environment), else the shipped starter library
    (read without the database layer). Exercises the file carries bring their own."""
    if db_location is None and not os.environ.get(ENV_DATABASE_URL):
        from coachdesk.library.infos import starter_exercise_infos

        return starter_exercise_infos(), {**starter_material(), **inline_material(template)}
    from coachdesk.opening import open_existing_database
    from coachdesk.services.balance import library_for_checks
    from coachdesk.services.programs import exercise_material

    db = open_existing_database(db_location)
    try:
        names = {entry.exercise for entries in template.days.values() for entry in entries}
        return library_for_checks(db), {**exercise_material(db, names),
                                         **inline_material(template)}
    finally:
        db.dispose()


def _brand(brand_path: str | None) -> Brand:
    """The brand profile from ``--brand``: read by the same careful JSON reader as every
    other file (depth, huge numbers, broken characters), every refusal naming the file."""
    if not brand_path:
        return Brand()
    path = Path(brand_path)
    try:
        return Brand.from_mapping(read_json_file(path), path.parent)
    except CoachDeskError as error:
        raise ValidationError("--brand", f"{path.name}: {error}") from None
