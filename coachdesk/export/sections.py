"""The PDF's sections as flowables: cover, week at a glance, one section per training
day, and the exercise appendix. Each function takes the :class:`Context` and returns
flowables; :mod:`coachdesk.export.pdf` puts them in order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    HRFlowable,
    ImageAndFlowables,
    Indenter,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.dates import long_date, short_date
from coachdesk.export.document import Brand, DaySheet, ExerciseSheet, ProgramDocument, SlotSheet
from coachdesk.export.fonts import FONT, FONT_BOLD
from coachdesk.export.images import load_picture
from coachdesk.export.page import COVER_MARGIN
from coachdesk.export.qr import QrCode, printable_url
from coachdesk.export.styles import GRID, INK, MUTED, ZEBRA, Styles, hex_of, tint
from coachdesk.export.text import attribute, clip, markdown_flowables, safe, safe_line
from coachdesk.progression import WeekPrescription
from coachdesk.vocab import label

MAX_WEEK_COLUMNS = 6
WEEK_COLUMN_MAX = 24 * mm
ORDER_COLUMN, TEMPO_COLUMN, REST_COLUMN = 6 * mm, 15.5 * mm, 13 * mm
EXERCISE_COLUMN = 42 * mm
CELL_NOTE_LIMIT = 140  # longer slot notes print in full below the day's table
NAME_LIMIT = 120
COVER_NAME_LIMIT = 160
SIDE_COLUMN = 46 * mm
SIDE_GAP = 8
PLAIN_TEMPO = 9  # "3-1-1-0" fits its column unwrapped; longer text gets a paragraph


@dataclass
class Context:
    doc: ProgramDocument
    brand: Brand
    styles: Styles
    page_width: float
    page_height: float
    width: float  # of the body's text column
    warnings: list[str] = field(default_factory=list)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def grid_style(styles: Styles) -> list[tuple]:
    """Clean tables: brand-coloured header row, light zebra rows, hairlines."""
    return [
        ("BACKGROUND", (0, 0), (-1, 0), styles.primary),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]


# --- cover ------------------------------------------------------------------------------


def cover(ctx: Context) -> list[Flowable]:
    """A full-width band in the brand colour with the client, the program and its dates;
    the program's facts under it; the coach's logo and contact at the foot."""
    s, doc = ctx.styles, ctx.doc
    inner = ctx.page_width - 2 * COVER_MARGIN
    band_content = [
        Paragraph("STRENGTH PROGRAM", s.cover_kicker),
        Paragraph(safe(clip(doc.client.name, COVER_NAME_LIMIT)), s.cover_client),
        Paragraph(safe(clip(doc.program_name, COVER_NAME_LIMIT)), s.cover_program),
        Paragraph(f"{long_date(doc.start_date, doc.language)} – "
                  f"{long_date(doc.end_date, doc.language)}", s.cover_dates),
    ]
    band = Table([[band_content]], colWidths=[ctx.page_width])
    band.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), s.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), COVER_MARGIN),
        ("RIGHTPADDING", (0, 0), (-1, -1), COVER_MARGIN),
        ("TOPPADDING", (0, 0), (-1, -1), 30 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 14 * mm),
    ]))
    return [
        band,
        HRFlowable(width="100%", thickness=2 * mm, color=s.accent, spaceBefore=0,
                   spaceAfter=12 * mm),
        Indenter(COVER_MARGIN, COVER_MARGIN),
        facts_grid(ctx, inner),
        *training_week(ctx, inner),
        Indenter(-COVER_MARGIN, -COVER_MARGIN),
        FrameBreak(),
        *coach_block(ctx, inner),
    ]


def facts_grid(ctx: Context, width: float) -> Table:
    s, doc, client = ctx.styles, ctx.doc, ctx.doc.client
    facts = [("Starts", long_date(doc.start_date, doc.language)),
             ("Ends", long_date(doc.end_date, doc.language)),
             ("Length", plural(doc.weeks, "week")),
             ("Sessions", f"{len(doc.training_days)} a week")]
    if client.goal:
        goal = label(client.goal)
        if client.goal == "race" and client.race_distance:
            goal = f"{label(client.race_distance)} race"
        facts.append(("Goal", goal))
    if client.stage:
        facts.append(("Stage", label(client.stage)))
    if doc.deload_week:
        facts.append(("Deload", f"Week {doc.deload_week}"))
    per_row = 4
    cells: list[object] = [[Paragraph(name.upper(), s.fact_label),
                            Paragraph(safe_line(clip(value, 60)), s.fact_value)]
                           for name, value in facts]
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    return table


def training_week(ctx: Context, width: float) -> list[Flowable]:
    """The cover's list of training days: day, session title, how many exercises."""
    s, days = ctx.styles, ctx.doc.training_days
    if not days:
        return []
    rows = [[Paragraph(day.name, s.cell_bold),
             Paragraph(safe_line(clip(day.title, 80)) or "Strength session", s.cell),
             Paragraph(plural(len(day.slots), "exercise"), s.cell_small)]
            for day in days[:7]]
    table = Table(rows, colWidths=[30 * mm, width - 60 * mm, 30 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ctx.styles.accent),
        ("LEFTPADDING", (0, 0), (0, -1), 6),
    ]))
    return [Spacer(1, 4 * mm), Paragraph("YOUR TRAINING WEEK", s.fact_label),
            Spacer(1, 2 * mm), table]


def coach_block(ctx: Context, width: float) -> list[Flowable]:
    s, brand = ctx.styles, ctx.brand
    text: list[Flowable] = [Paragraph("YOUR COACH", s.fact_label),
                            Paragraph(safe(clip(brand.business_name, NAME_LIMIT)),
                                      s.cover_business)]
    contact = [safe_line(clip(p, 120)) for p in (brand.email, brand.phone, brand.website) if p]
    if contact:
        text.append(Paragraph(" · ".join(contact), s.body))
    if brand.footer:
        text += [Spacer(1, 2 * mm), Paragraph(safe(clip(brand.footer, 300)), s.small)]
    logo, warning = load_picture(brand.logo_path, 45 * mm, 24 * mm, "The logo")
    if warning:
        ctx.warnings.append(warning)
    rule = HRFlowable(width="100%", thickness=0.5, color=GRID, spaceAfter=5 * mm)
    if logo is None:
        return [rule, *text]
    table = Table([[logo, text]], colWidths=[52 * mm, width - 52 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [rule, table]


# --- week at a glance --------------------------------------------------------------------


def glance(ctx: Context) -> list[Flowable]:
    s, doc = ctx.styles, ctx.doc
    header = ["Day", "Session", "Exercises", "Sets", "What you will do"]
    rows: list[list[object]] = [[Paragraph(h, s.head_cell) for h in header]]
    for day in doc.days:
        if day.slots:
            names = ", ".join(dict.fromkeys(slot.exercise_name for slot in day.slots))
            rows.append([
                Paragraph(day.name, s.cell_bold),
                Paragraph(safe_line(clip(day.title, 80)) or "Strength", s.cell),
                Paragraph(str(len(day.slots)), s.cell),
                Paragraph(str(sum(slot.weeks[0].sets for slot in day.slots)), s.cell),
                Paragraph(safe_line(clip(names, 300)), s.cell),
            ])
        else:
            rows.append([Paragraph(day.name, s.cell_bold),
                         Paragraph("Rest or run", s.cell_small), "", "", ""])
    widths = [24 * mm, 40 * mm, 19 * mm, 12 * mm]
    table = Table(rows, colWidths=[*widths, ctx.width - sum(widths)], repeatRows=1)
    table.setStyle(TableStyle(grid_style(s)))
    story: list[Flowable] = [Paragraph("Your week at a glance", s.h1), table,
                             Spacer(1, 5 * mm)]
    if doc.notes:
        story += [Paragraph("From your coach", s.h2), Paragraph(safe(doc.notes), s.body),
                  Spacer(1, 3 * mm)]
    story += [Paragraph("How to read your program", s.h2), Paragraph(
        "<b>3 × 8</b> means 3 sets of 8 reps; <b>30 s</b> is a hold in seconds; "
        "<b>/side</b> means each side. <b>Tempo</b> 3-1-1-0 gives the seconds for lowering, "
        "pause, lifting and pause. <b>Rest</b> is the break between sets. <b>A1, A2</b> "
        "are a superset: one set of each back to back, then the rest. Tick a box after "
        "each session.", s.body)]
    if doc.deload_week:
        story.append(Paragraph(
            f"<b>Week {doc.deload_week} is a deload week:</b> about half the sets, at the "
            "reps and load of the week before, so your body can absorb the work before the "
            "next block.", s.body))
    return story


# --- training days -----------------------------------------------------------------------


def week_blocks(weeks: int) -> list[range]:
    """All weeks in one table up to six; beyond that, even blocks of at most six so each
    table fits the page: 8 → 4 + 4, 12 → 6 + 6, 7 → 4 + 3."""
    count = math.ceil(weeks / MAX_WEEK_COLUMNS)
    size = math.ceil(weeks / count)
    return [range(first, min(first + size, weeks)) for first in range(0, weeks, size)]


def volume_markup(week: WeekPrescription, slot: SlotSheet, styles: Styles) -> str:
    """``3 × 8 /side`` (or ``3 × 30 s``), the load under it, then the week's note."""
    amount = f"{week.reps}" if week.reps is not None else f"{week.seconds or 0} s"
    text = f"<b>{week.sets} × {amount}</b>"
    if slot.per_side:
        text += f' <font size="7.5" color="{hex_of(MUTED)}">/side</font>'
    if week.load:
        text += f'<br/><font color="{hex_of(MUTED)}">{safe_line(clip(week.load, 40))}</font>'
    if week.note:
        text += (f'<br/><font color="{hex_of(styles.accent)}">'
                 f"{safe_line(clip(week.note, 220))}</font>")
    return text


def volume_cell(week: WeekPrescription, slot: SlotSheet, styles: Styles) -> object:
    """A week's numbers: a plain string (drawn in the table's bold font, no paragraph to
    parse and wrap) when they are only ``3 × 8``, else the paragraph of
    :func:`volume_markup` with its side, load and note."""
    if slot.per_side or week.load or week.note:
        return Paragraph(volume_markup(week, slot, styles), styles.cell)
    amount = f"{week.reps}" if week.reps is not None else f"{week.seconds or 0} s"
    return f"{week.sets} × {amount}"


def exercise_cell(slot: SlotSheet, styles: Styles) -> list[Flowable]:
    cell: list[Flowable] = [Paragraph(safe_line(clip(slot.exercise_name, NAME_LIMIT)),
                                      styles.cell_bold)]
    details = []
    if slot.side:
        details.append(f"{label(slot.side)} side only")
    if slot.intensity:
        details.append(label(slot.intensity))
    notes = " ".join(slot.notes.split())
    if notes:
        details.append(notes if len(notes) <= CELL_NOTE_LIMIT else
                       clip(notes, 80) + " (notes below)")
    if details:
        cell.append(Paragraph(safe_line(" · ".join(details)), styles.cell_small))
    return cell


def rest_text(seconds: int | None) -> str:
    if not seconds:
        return "—"
    if seconds >= 120 and seconds % 60 == 0:
        return f"{seconds // 60} min"
    return f"{seconds} s"


def day_table(ctx: Context, day: DaySheet, block: range) -> Table:
    """One table per block of weeks: a row per exercise with each week's numbers, and a
    last row of boxes to tick each week's session off."""
    s, doc = ctx.styles, ctx.doc
    fixed = ORDER_COLUMN + TEMPO_COLUMN + REST_COLUMN
    week_width = min(WEEK_COLUMN_MAX, (ctx.width - fixed - EXERCISE_COLUMN) / len(block))
    exercise_width = ctx.width - fixed - week_width * len(block)
    header: list[object] = [Paragraph("#", s.head_cell), Paragraph("Exercise", s.head_cell)]
    for n in block:
        starts = short_date(doc.start_date + timedelta(weeks=n), doc.language)
        if doc.deload_week == n + 1:
            header.append(Paragraph(f'Week {n + 1}<br/><font size="7">{starts}<br/>deload'
                                    "</font>", s.head_on_accent))
        else:
            header.append(Paragraph(f'Week {n + 1}<br/><font size="7">{starts}</font>',
                                    s.head_cell))
    header += [Paragraph("Tempo", s.head_cell), Paragraph("Rest", s.head_cell)]
    rows: list[list[object]] = [header]
    for slot in day.slots:
        tempo = " ".join(clip(slot.tempo, 20).split())
        rows.append([
            slot.label,  # plain strings where no markup or fallback font is needed:
            exercise_cell(slot, s),  # a table draws them without parsing a paragraph
            *[volume_cell(slot.weeks[n], slot, s) for n in block],
            (tempo or "—") if tempo.isascii() and len(tempo) <= PLAIN_TEMPO else
            Paragraph(safe_line(tempo), s.cell),
            rest_text(slot.rest_s) if slot.rest_after_block else "—",
        ])
    rows.append(["", Paragraph("Session done", s.cell_bold), *["☐"] * len(block), "", ""])
    last = len(rows) - 1
    style = [
        *grid_style(s),
        ("FONT", (0, 1), (-1, last - 1), FONT, s.cell.fontSize, s.cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, last - 1), INK),
        ("FONT", (0, 1), (0, last - 1), FONT, s.cell_small.fontSize, s.cell_small.leading),
        ("FONT", (2, 1), (1 + len(block), last - 1), FONT_BOLD, s.cell.fontSize,
         s.cell.leading),  # the plain "3 × 8" cells
        ("TEXTCOLOR", (0, 1), (0, last - 1), MUTED),
        ("BACKGROUND", (0, last), (-1, last), colors.white),
        ("LINEABOVE", (0, last), (-1, last), 0.8, s.primary),
        ("VALIGN", (0, last), (-1, last), "MIDDLE"),
        ("FONT", (2, last), (-1, last), FONT, s.tick.fontSize, s.tick.leading),
        ("TEXTCOLOR", (2, last), (-1, last), MUTED),
        ("ALIGN", (2, last), (-1, last), "CENTER"),
    ]
    if doc.deload_week and doc.deload_week - 1 in block:
        column = 2 + block.index(doc.deload_week - 1)
        style += [("BACKGROUND", (column, 0), (column, 0), s.accent),
                  ("BACKGROUND", (column, 1), (column, last - 1), tint(s.accent, 0.12))]
    widths = [ORDER_COLUMN, exercise_width, *[week_width] * len(block), TEMPO_COLUMN,
              REST_COLUMN]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def day_section(ctx: Context, day: DaySheet) -> list[Flowable]:
    s = ctx.styles
    title = day.name + (f" — {safe_line(clip(day.title, 160))}" if day.title else "")
    story: list[Flowable] = [CondPageBreak(70 * mm), Spacer(1, 3 * mm),
                             Paragraph(title, s.h1)]
    blocks = week_blocks(ctx.doc.weeks)
    for number, block in enumerate(blocks):
        if len(blocks) > 1:
            # Names the day again above a later block, which may start a new page.
            weeks = f"Weeks {block[0] + 1}–{block[-1] + 1}" if len(block) > 1 else \
                f"Week {block[0] + 1}"
            caption = weeks if number == 0 else f"{day.name} · {weeks.lower()}"
            story.append(Paragraph(caption, s.block_caption))
        story += [day_table(ctx, day, block), Spacer(1, 4 * mm)]
    long_notes = [slot for slot in day.slots
                  if len(" ".join(slot.notes.split())) > CELL_NOTE_LIMIT]
    if long_notes:
        story.append(Paragraph("Notes", s.h2))
        story += [Paragraph(f"<b>{slot.label}. {safe_line(clip(slot.exercise_name, NAME_LIMIT))}"
                            f":</b> {safe(slot.notes)}", s.body) for slot in long_notes]
        story.append(Spacer(1, 4 * mm))
    return story


# --- appendix ------------------------------------------------------------------------------


def appendix(ctx: Context) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("How to do each exercise", ctx.styles.h1)]
    for exercise in ctx.doc.exercises:
        # Each exercise is kept on one page when it fits on one (KeepTogether moves it
        # to the next page); a longer one starts on a fresh page and flows on.
        story.append(KeepTogether(exercise_block(ctx, exercise)))
    return story


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in flowables)


def exercise_block(ctx: Context, exercise: ExerciseSheet) -> list[Flowable]:
    """Name, muscles, then the notes with the picture and QR code beside them."""
    s = ctx.styles
    block: list[Flowable] = [
        HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=2 * mm,
                   spaceAfter=1.5 * mm),
        Paragraph(safe(clip(exercise.name, NAME_LIMIT * 2)), s.h2),
    ]
    facts = [label(m) for m in exercise.muscles]
    if exercise.laterality:
        facts.append("one side at a time" if exercise.laterality == "unilateral"
                     else "both sides together")
    if facts:
        block.append(Paragraph(safe_line(" · ".join(facts)), s.small))
    notes = markdown_flowables(exercise.notes_markdown, s) or [
        Paragraph("Your coach will show you this one.", s.small)]
    side = side_material(ctx, exercise)
    if side is None:
        return block + notes
    text_width = ctx.width - SIDE_COLUMN - SIDE_GAP
    if _height(notes, text_width) <= ctx.page_height * 0.5:
        # Two columns, notes beside the pictures: the tidiest for the usual notes.
        table = Table([[notes, side]], colWidths=[text_width + SIDE_GAP, SIDE_COLUMN])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, -1), SIDE_GAP),
                                   ("RIGHTPADDING", (1, 0), (1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0)]))
        return [*block, table]
    # Long notes could not fit in a table cell (a cell never breaks across pages), so
    # they flow beside the pictures and on below them, page after page.
    block.append(ImageAndFlowables(side, notes, imageSide="right", imageLeftPadding=SIDE_GAP,
                                   imageRightPadding=0, imageBottomPadding=2))
    return block


class SideBox(Flowable):
    """A column of flowables (picture, QR code, caption) that text flows around:
    ``ImageAndFlowables`` expects an image, so this gives a table the two methods it
    asks an image for."""

    def __init__(self, content: Table) -> None:
        super().__init__()
        self.content = content

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.content.wrap(available_width, available_height)
        return self.width, self.height

    def _restrictSize(self, _width: float, _height: float) -> tuple[float, float]:  # ReportLab
        return self.width, self.height

    def _unRestrictSize(self) -> None:
        pass

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


def side_material(ctx: Context, exercise: ExerciseSheet) -> SideBox | None:
    s = ctx.styles
    cells: list[list[object]] = []
    picture, warning = load_picture(exercise.image_path, SIDE_COLUMN, SIDE_COLUMN,
                                    f"The picture for {exercise.name}")
    if warning:
        ctx.warnings.append(warning)
    if picture is not None:
        cells.append([picture])
    url = printable_url(exercise.video_url)
    if url is not None:
        cells += [[QrCode(url, 26 * mm)],
                  [Paragraph(f'<link href="{attribute(url)}">Scan for the video</link>',
                             s.caption)]]
    if not cells:
        return None
    table = Table(cells, colWidths=[SIDE_COLUMN])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return SideBox(table)
