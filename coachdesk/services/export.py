"""Exporting programs: the PDF, the e-mail draft, and the program's record of both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coachdesk.dates import full_date
from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.export.document import Brand, ProgramDocument, build_document
from coachdesk.export.email_draft import DEFAULT_BODY, DEFAULT_SUBJECT, build_email_draft
from coachdesk.export.filenames import unique_filenames
from coachdesk.export.pdf import PdfResult, build_program_pdf
from coachdesk.models import BrandProfile, Client, Program
from coachdesk.services import programs


def load_brand(db: Database) -> Brand:
    """The studio's brand profile, or CoachDesk's defaults before one is set up."""
    with db.read() as session:
        profile = session.scalars(select(BrandProfile).limit(1)).first()
        if profile is None:
            return Brand()
        logo = Path(profile.logo_path) if profile.logo_path else None
        if logo is not None and not logo.is_absolute():
            logo = db.media_dir / logo
        return Brand(profile.business_name or "Your studio", logo, profile.primary_color,
                     profile.accent_color, profile.email, profile.phone, profile.website,
                     profile.footer, profile.paper, profile.units)


def program_document(db: Database, program_id: int) -> ProgramDocument:
    from coachdesk.services.settings import load_settings

    row, plan = programs.program_plan(db, program_id)
    return build_document(
        plan.week, program_name=row.name, client_name=row.client_name,
        start_date=plan.start_date, weeks=plan.weeks, material=plan.exercises,
        progression=plan.progression, media_dir=db.media_dir, units=load_brand(db).units,
        language=load_settings(db).pdf_language)


class ExportFileExistsError(CoachDeskError):
    """The export would replace a file the coach did not choose to replace."""


def refuse_existing(path: Path, overwrite: bool) -> None:
    if not overwrite and Path(path).exists():
        raise ExportFileExistsError(
            f"{Path(path).name} already exists in {Path(path).parent}; nothing was replaced. "
            "Choose another name, or choose that file in the save dialog to replace it.")


def pdf_names(db: Database) -> dict[int, str]:
    """Every program's export file name, unique among all programs (case-insensitively)
    and stable: "Client - Program.pdf", with the client id (then the program id) appended
    only when names collide or sanitise to the same name."""
    rows = programs.list_programs(db)
    names = unique_filenames([(f"{r.client_name} - {r.name}", (str(r.client_id), str(r.id)))
                              for r in rows], ".pdf")
    return {row.id: name for row, name in zip(rows, names, strict=True)}


def suggested_pdf_name(db: Database, program_id: int) -> str:
    try:
        return pdf_names(db)[program_id]
    except KeyError:
        raise ValidationError("program", "the program no longer exists") from None


def export_program_pdf(db: Database, program_id: int, out_path: Path,
                       brand: Brand | None = None, *, overwrite: bool = False) -> PdfResult:
    """Write the program's PDF. An existing file is replaced only with ``overwrite`` (the
    coach chose that very file, e.g. in a save dialog that asked)."""
    refuse_existing(out_path, overwrite)
    result = build_program_pdf(program_document(db, program_id), brand or load_brand(db),
                               out_path)
    programs.mark_exported(db, program_id)
    return result


def email_program(db: Database, program_id: int, pdf_path: Path, out_path: Path,
                  subject: str | None = None, body: str | None = None, *,
                  overwrite: bool = False, ics_path: Path | None = None) -> Path:
    """Write the .eml draft for the program's client. The subject and text come from the
    coach's e-mail template in the settings. An existing draft is replaced only with
    ``overwrite``. The program is not marked "Emailed" here: only :func:`draft_handed_over`
    does that, once a mail program has the draft."""
    from coachdesk.services.settings import load_settings

    refuse_existing(out_path, overwrite)

    settings = load_settings(db)
    subject = subject or settings.email_subject or DEFAULT_SUBJECT
    body = body or settings.email_body or DEFAULT_BODY
    brand = load_brand(db)
    with db.read() as session:
        program = session.get(Program, program_id)
        if program is None:
            raise ValidationError("program", "the program no longer exists")
        client = session.get(Client, program.client_id)
        assert client is not None
        name, email = client.name, client.email
        values = {
            "client_name": client.name, "client_first_name": client.name.split()[0],
            "program_name": program.name,
            "start_date": full_date(program.start_date, settings.pdf_language),
            "weeks": str(program.weeks), "business_name": brand.business_name,
        }
    if not email:
        raise ValidationError("email", f"{name} has no e-mail address on the roster yet")
    path = build_email_draft(to_name=name, to_address=email, from_address=brand.email,
                             subject_template=subject, body_template=body, values=values,
                             pdf_path=pdf_path, out_path=out_path, ics_path=ics_path)
    return path


def export_program_ics(db: Database, program_id: int, out_path: Path,
                       pdf_name: str = "") -> Path:
    """The program's sessions as a calendar the runner can subscribe to (``program-N``
    UIDs: the same program sent again updates the runner's calendar, never doubles it);
    the client's race day too when it falls in or after the program."""
    from coachdesk.export.calendar import program_calendar, write_calendar

    with db.read() as session:
        program = session.get(Program, program_id)
        if program is None:
            raise ValidationError("program", "the program no longer exists")
        client = session.get(Client, program.client_id)
        race = client.race_date if client is not None else None
    calendar = program_calendar(program_document(db, program_id), f"program-{program_id}",
                                pdf_name, race_date=race)
    return write_calendar(calendar, out_path)


def draft_handed_over(db: Database, program_id: int) -> None:
    """A mail program opened the program's draft: the program is "Emailed", "Last sent"
    now."""
    programs.mark_emailed(db, program_id)


# --- batch export -----------------------------------------------------------------------


@dataclass(frozen=True)
class BatchItem:
    program_id: int
    client_name: str
    program_name: str
    path: Path | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.path is not None


def current_programs(db: Database) -> list[programs.ProgramRow]:
    """Each active client's current program: the one that started last."""
    with db.read() as session:
        active = set(session.scalars(select(Client.id).where(Client.archived.is_(False))))
    latest: dict[int, programs.ProgramRow] = {}
    for row in programs.list_programs(db):
        if row.client_id in active:
            best = latest.get(row.client_id)
            if best is None or (row.start_date, row.id) > (best.start_date, best.id):
                latest[row.client_id] = row
    return sorted(latest.values(), key=lambda r: r.client_name.casefold())


def export_batch(
    db: Database,
    rows: list[programs.ProgramRow],
    folder: Path,
    should_stop: Callable[[], bool] = lambda: False,
    on_progress: Callable[[int, int, str], None] = lambda _done, _total, _name: None,
) -> list[BatchItem]:
    """Export each program's PDF into ``folder``; one failure never stops the others.
    Checks ``should_stop`` between programs, so a cancel leaves only whole files. File
    names are unique (see ``pdf_names``), so no program's file replaces another's; files
    already in the folder the coach chose are replaced."""
    brand = load_brand(db)
    names = pdf_names(db)
    results: list[BatchItem] = []
    for index, row in enumerate(rows):
        if should_stop():
            break
        on_progress(index, len(rows), row.client_name)
        try:
            if row.id not in names:
                raise ValidationError("program", "the program no longer exists")
            result = export_program_pdf(db, row.id, folder / names[row.id], brand,
                                        overwrite=True)
            results.append(BatchItem(row.id, row.client_name, row.name, result.path))
        except (CoachDeskError, OSError, ValueError) as error:
            results.append(BatchItem(row.id, row.client_name, row.name, None, str(error)))
    on_progress(len(results), len(rows), "")
    return results
