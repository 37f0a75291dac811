"""Exporting programs: the PDF, the e-mail draft, and the program's record of both."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.errors import ValidationError
from coachdesk.export.document import Brand, ProgramDocument, build_document
from coachdesk.export.email_draft import DEFAULT_BODY, DEFAULT_SUBJECT, build_email_draft
from coachdesk.export.filenames import safe_filename
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
    row, week, material = programs.program_week(db, program_id)
    return build_document(
        week, program_name=row.name, client_name=row.client_name, start_date=row.start_date,
        weeks=row.weeks, material=material,
        progression=programs.program_progression(db, program_id), media_dir=db.media_dir)


def suggested_pdf_name(db: Database, program_id: int) -> str:
    row = next(r for r in programs.list_programs(db) if r.id == program_id)
    return f"{safe_filename(f'{row.client_name} - {row.name}')}.pdf"


def export_program_pdf(db: Database, program_id: int, out_path: Path,
                       brand: Brand | None = None) -> PdfResult:
    result = build_program_pdf(program_document(db, program_id), brand or load_brand(db),
                               out_path)
    programs.mark_exported(db, program_id)
    return result


def email_program(db: Database, program_id: int, pdf_path: Path, out_path: Path,
                  subject: str = DEFAULT_SUBJECT, body: str = DEFAULT_BODY) -> Path:
    """Write the .eml draft for the program's client and record that it was drafted."""
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
            "start_date": program.start_date.strftime("%A %d %B %Y"),
            "weeks": str(program.weeks), "business_name": brand.business_name,
        }
    if not email:
        raise ValidationError("email", f"{name} has no e-mail address on the roster yet")
    path = build_email_draft(to_name=name, to_address=email, from_address=brand.email,
                             subject_template=subject, body_template=body, values=values,
                             pdf_path=pdf_path, out_path=out_path)
    programs.mark_emailed(db, program_id)
    return path
