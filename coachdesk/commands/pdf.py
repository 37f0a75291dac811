"""``coachdesk pdf TEMPLATE.coachdesk.json -o OUT.pdf``: a program PDF without the GUI."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from coachdesk.dates import full_date, next_monday
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.export.calendar import (
    file_key,
    ics_target,
    program_calendar,
    write_calendar,
)
from coachdesk.export.document import Brand, ProgramDocument, build_document
from coachdesk.export.email_draft import build_email_draft, checked_address
from coachdesk.export.pdf import build_program_pdf
from coachdesk.formats.resolve import inline_material, resolve_week
from coachdesk.formats.template_file import read_template_file
from coachdesk.limits import FileTooLargeError, read_text_limited

EXIT_OK, EXIT_INVALID = 0, 2


def starter_material() -> dict[str, dict[str, object]]:
    from coachdesk.library.starter import starter_entries, with_movement

    return {e["name"]: {"notes": e["notes"], "video_url": e["video_url"], "image_path": None,
                        "muscles": e["primary_muscles"], "laterality": e["laterality"]}
            for e in map(with_movement, starter_entries())}


def write_program_ics(document: ProgramDocument, out: Path, pdf: Path) -> Path:
    """The sessions' calendar; its UIDs come from the program's name, client and start,
    so the same program made again gives the same UIDs."""
    key = file_key(document.client.name, document.program_name, document.start_date)
    return write_calendar(program_calendar(document, key, pdf.name), out, "--ics")


def run(template_path: str, out: str, weeks: int, start: str | None, brand_path: str | None,
        eml: str | None, to: str | None, stdout: TextIO | None = None,
        stderr: TextIO | None = None, ics: str | None = None) -> int:
    stdout = stdout or sys.stdout  # looked up now: a test or a caller may have replaced it
    stderr = stderr or sys.stderr
    try:
        if not 1 <= weeks <= 52:
            raise ValidationError("--weeks", "must be from 1 to 52")
        if eml and not to:
            raise ValidationError("--to", "is needed with --eml")
        if eml:
            checked_address("--to", to or "")  # refused before the PDF is written
        if ics:
            ics_target("--ics", Path(ics))  # likewise
        start_date = date.fromisoformat(start) if start else next_monday()
        template = read_template_file(Path(template_path))
        from coachdesk.library.infos import starter_exercise_infos

        resolve_week(template, starter_exercise_infos(), source=template_path)
        brand = Brand()
        if brand_path:
            path = Path(brand_path)
            try:
                data = json.loads(read_text_limited(path))
            except FileTooLargeError as error:
                raise ValidationError(str(path), error.message) from None
            except UnicodeDecodeError:
                raise ValidationError(str(path), "is not UTF-8 text") from None
            except json.JSONDecodeError as error:
                raise ValidationError(str(path), f"line {error.lineno}, column {error.colno}: "
                                      f"{error.msg}") from None
            except OSError as error:
                raise ValidationError(str(path), f"cannot be read: {error.strerror}") from None
            brand = Brand.from_mapping(data, path.parent)
        client = template.client.name if template.client and template.client.name else "Client"
        document = build_document(template, program_name=template.name, client_name=client,
                                  start_date=start_date, weeks=weeks,
                                  material={**starter_material(),
                                            **inline_material(template)},
                                  units=brand.units)
        result = build_program_pdf(document, brand, Path(out))
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
            draft = build_email_draft(to_name=client, to_address=to or "",
                                      from_address=brand.email, values=values,
                                      pdf_path=result.path, out_path=Path(eml),
                                      ics_path=calendar)
            print(f"{draft}", file=stdout)
    except ValueError as error:
        if not isinstance(error, CoachDeskError):
            print(f"coachdesk pdf: --start: {error}", file=stderr)
            return EXIT_INVALID
        print(f"coachdesk pdf: {error}", file=stderr)
        return EXIT_INVALID
    except CoachDeskError as error:
        print(f"coachdesk pdf: {error}", file=stderr)
        return EXIT_INVALID
    return EXIT_OK
