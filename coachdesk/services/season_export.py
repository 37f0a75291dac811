"""Exporting a season: its PDF (overview, then each block's weeks), its calendar (sessions,
blocks and race day) and the e-mail draft with both attached."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from coachdesk.dates import long_date
from coachdesk.db import Database
from coachdesk.errors import NotFoundError, ValidationError
from coachdesk.export.calendar import CalendarBlock, build_calendar, write_calendar
from coachdesk.export.document import ClientInfo, build_document
from coachdesk.export.email_draft import build_email_draft
from coachdesk.export.filenames import safe_filename
from coachdesk.export.pdf import PdfResult
from coachdesk.export.season_pdf import BlockSheet, SeasonDocument, build_season_pdf
from coachdesk.season import STAGE_PURPOSE, DatedBlock
from coachdesk.services import seasons
from coachdesk.services.export import load_brand, refuse_existing


def _progression(block: DatedBlock) -> dict[str, Any]:
    data = dict(block.block.progression)
    data.pop("deload_week", None)
    if block.block.deload_week is not None:
        data["deload_week"] = block.block.deload_week
    return data


def season_document(db: Database, season_id: int) -> SeasonDocument:
    from coachdesk.services.programs import exercise_material
    from coachdesk.services.settings import load_settings
    from coachdesk.services.template_files import template_to_file

    season = seasons.get_season(db, season_id)
    language, units = load_settings(db).pdf_language, load_brand(db).units
    client = ClientInfo(season.client_name)
    sheets = []
    for block in season.plan.dated():
        program = None
        if block.block.template_id is not None:
            try:
                week = template_to_file(db, block.block.template_id)
            except NotFoundError:
                week = None
            if week is not None and any(week.days.values()):
                used = {slot.exercise for slots in week.days.values() for slot in slots}
                program = build_document(
                    week, program_name=block.title, start_date=block.start,
                    weeks=block.weeks, client=client, material=exercise_material(db, used),
                    progression=_progression(block), media_dir=db.media_dir, units=units,
                    language=language)
        sheets.append(BlockSheet(block.number, block.stage, block.start, block.end,
                                 block.weeks, block.block.deload_week, program))
    return SeasonDocument(client, season.plan.start, season.plan.end, season.plan.race_date,
                          tuple(sheets), season.key_run_days, language)


def suggested_name(db: Database, season_id: int, suffix: str = ".pdf") -> str:
    season = seasons.get_season(db, season_id)
    return f"{safe_filename(f'{season.client_name} - Season')}{suffix}"


def export_season_pdf(db: Database, season_id: int, out_path: Path, *,
                      overwrite: bool = False) -> PdfResult:
    refuse_existing(out_path, overwrite)
    return build_season_pdf(season_document(db, season_id), load_brand(db), out_path)


def export_season_ics(db: Database, season_id: int, out_path: Path, pdf_name: str = "", *,
                      overwrite: bool = False) -> Path:
    """The season's calendar: every block's sessions, the blocks as all-day events and the
    race day; UIDs keyed on the season and the block's place, so a re-sent calendar
    updates the runner's events."""
    refuse_existing(out_path, overwrite)
    doc = season_document(db, season_id)
    key = f"season-{season_id}"
    documents = [(f"{key}-b{b.number}", b.program, b.title) for b in doc.blocks if b.program]
    blocks = [CalendarBlock(f"{key}-block{b.number}", b.title, b.start, b.end,
                            STAGE_PURPOSE[b.stage]) for b in doc.blocks]
    race = (f"{key}-race", doc.race_date) if doc.race_date else None
    calendar = build_calendar(f"{doc.client.name} · strength season", documents,
                              pdf_name or suggested_name(db, season_id), blocks, race)
    return write_calendar(calendar, out_path)


def email_season(db: Database, season_id: int, pdf_path: Path, ics_path: Path | None,
                 out_path: Path, *, overwrite: bool = False) -> Path:
    """The .eml draft for the runner with the season's PDF and calendar attached."""
    from coachdesk.services.clients import get_client

    refuse_existing(out_path, overwrite)
    season = seasons.get_season(db, season_id)
    client = get_client(db, season.client_id)
    if not client.data.email:
        raise ValidationError("email", f"{client.name} has no e-mail address on the roster "
                              "yet")
    brand = load_brand(db)
    race = season.plan.race_date
    body = (f"Hi {client.name.split()[0]},\n\nHere is your strength season"
            + (f" up to race day on {long_date(race)}" if race else "")
            + ": the plan as a PDF, and a calendar with every session you can add to your "
              "phone.\n\nSee you soon,\n{business_name}\n")
    return build_email_draft(to_name=client.name, to_address=client.data.email,
                             subject_template="Your strength season", body_template=body,
                             values={"business_name": brand.business_name},
                             from_address=brand.email, pdf_path=pdf_path, out_path=out_path,
                             ics_path=ics_path)


def season_dates(db: Database, season_id: int) -> tuple[date, date]:
    plan = seasons.get_season(db, season_id).plan
    return plan.start, plan.end
