"""The season PDF: an overview page (a timeline of the blocks up to race day, what each block
is for in the runner's words, the key run days), then each block's weeks as a program PDF
prints them, then the exercises. Plain data in (:class:`SeasonDocument`), a file out."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    FrameBreak,
    Indenter,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.dates import long_date, short_date
from coachdesk.export import sections
from coachdesk.export.document import Brand, ClientInfo, ExerciseSheet, ProgramDocument
from coachdesk.export.fonts import FONT, FONT_BOLD, glyph_report
from coachdesk.export.page import (
    COVER_MARGIN,
    MARGIN,
    PageText,
    document_template,
    numbered_canvas,
    page_size,
)
from coachdesk.export.pdf import PdfResult
from coachdesk.export.styles import INK, MUTED, make_styles, readable_on
from coachdesk.export.text import clip, safe, safe_line
from coachdesk.files import atomic_target
from coachdesk.season import STAGE_PURPOSE, BlockStage, stage_label
from coachdesk.vocab import WEEKDAYS, day_name

STAGE_COLORS = {
    BlockStage.STABILITY: "#5b9bd5",
    BlockStage.STRENGTH: "#2e7d5b",
    BlockStage.POWER: "#e07a2f",
    BlockStage.MAINTENANCE: "#8a9491",
    BlockStage.TAPER: "#c9b458",
}
"""One colour per stage, the same on screen (the timeline) and on paper."""


@dataclass(frozen=True)
class BlockSheet:
    number: int
    stage: BlockStage
    start: date
    end: date
    weeks: int
    deload_week: int | None
    program: ProgramDocument | None  # None: no week chosen for this block yet

    @property
    def title(self) -> str:
        return f"Block {self.number} · {stage_label(self.stage)}"


@dataclass(frozen=True)
class SeasonDocument:
    client: ClientInfo
    start: date
    end: date
    race_date: date | None
    blocks: tuple[BlockSheet, ...]
    key_run_days: tuple[str, ...] = ()
    language: str = "en"


class Timeline(Flowable):
    """The blocks as bars as long as their weeks, each named, with the race marked."""

    def __init__(self, doc: SeasonDocument, width: float, height: float = 26 * mm) -> None:
        super().__init__()
        self.doc, self.width, self.height = doc, width, height

    def wrap(self, _width: float, _height: float) -> tuple[float, float]:
        return self.width, self.height

    def drawing(self) -> Drawing:
        doc = self.doc
        drawing = Drawing(self.width, self.height)
        total = sum(b.weeks for b in doc.blocks) or 1
        bar_y, bar_h = 9 * mm, 11 * mm
        x = 0.0
        for block in doc.blocks:
            width = self.width * block.weeks / total
            fill = colors.HexColor(STAGE_COLORS[block.stage])
            drawing.add(Rect(x + 0.6, bar_y, max(width - 1.2, 0.5), bar_h, fillColor=fill,
                             strokeColor=None))
            ink = readable_on(fill)
            name = stage_label(block.stage)
            if width > 16 * mm:
                drawing.add(String(x + 2.2 * mm, bar_y + 6.3 * mm, name, fontName=FONT_BOLD,
                                   fontSize=8, fillColor=ink))
                drawing.add(String(x + 2.2 * mm, bar_y + 2.2 * mm, f"{block.weeks} wk",
                                   fontName=FONT, fontSize=7, fillColor=ink))
            else:
                drawing.add(String(x + width / 2, bar_y + 4 * mm, f"{block.weeks}",
                                   fontName=FONT_BOLD, fontSize=7.5, fillColor=ink,
                                   textAnchor="middle"))
            drawing.add(String(x + 0.6, 4 * mm, short_date(block.start, doc.language),
                               fontName=FONT, fontSize=6.5, fillColor=MUTED))
            x += width
        if doc.race_date is not None:
            days = (doc.end - doc.start).days + 1
            at = min(self.width, self.width * ((doc.race_date - doc.start).days + 0.5) / days)
            drawing.add(Line(at, bar_y - 1 * mm, at, bar_y + bar_h + 2 * mm, strokeColor=INK,
                             strokeWidth=1.2))
            top = bar_y + bar_h + 2 * mm
            drawing.add(Polygon([at - 2 * mm, top + 3 * mm, at + 2 * mm, top + 3 * mm, at, top],
                                fillColor=INK, strokeColor=None))
            drawing.add(String(at - 3 * mm, top + 0.8 * mm,
                               f"Race {short_date(doc.race_date, doc.language)}",
                               fontName=FONT_BOLD, fontSize=8, fillColor=INK,
                               textAnchor="end"))
        return drawing

    def draw(self) -> None:
        self.drawing().drawOn(self.canv, 0, 0)


def overview(ctx: sections.Context, doc: SeasonDocument) -> list[Flowable]:
    """The first page: a band with the runner and the race, the timeline, the blocks."""
    s = ctx.styles
    inner = ctx.page_width - 2 * COVER_MARGIN
    race = (f"Race day: {long_date(doc.race_date, doc.language)}" if doc.race_date
            else "Your strength season")
    band = Table([[[Paragraph("STRENGTH SEASON", s.cover_kicker),
                    Paragraph(safe(clip(doc.client.name, 160)), s.cover_client),
                    Paragraph(safe_line(race), s.cover_program),
                    Paragraph(f"{long_date(doc.start, doc.language)} – "
                              f"{long_date(doc.end, doc.language)}", s.cover_dates)]]],
                 colWidths=[ctx.page_width])
    band.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), s.primary),
        ("LEFTPADDING", (0, 0), (-1, -1), COVER_MARGIN),
        ("RIGHTPADDING", (0, 0), (-1, -1), COVER_MARGIN),
        ("TOPPADDING", (0, 0), (-1, -1), 16 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9 * mm)]))
    header = ["Block", "Dates", "Weeks", "What it is for"]
    rows: list[list[object]] = [[Paragraph(h, s.head_cell) for h in header]]
    for block in doc.blocks:
        weeks = f"{block.weeks}" + (f" (deload week {block.deload_week})"
                                    if block.deload_week else "")
        rows.append([Paragraph(block.title, s.cell_bold),
                     Paragraph(f"{short_date(block.start, doc.language)} – "
                               f"{short_date(block.end, doc.language)}", s.cell),
                     Paragraph(weeks, s.cell), Paragraph(STAGE_PURPOSE[block.stage], s.cell)])
    widths = [34 * mm, 30 * mm, 26 * mm]
    table = Table(rows, colWidths=[*widths, inner - sum(widths)], repeatRows=1)
    style = sections.grid_style(s)
    for index, block in enumerate(doc.blocks, start=1):
        style.append(("LINEBEFORE", (0, index), (0, index), 3,
                      colors.HexColor(STAGE_COLORS[block.stage])))
    table.setStyle(TableStyle(style))
    runs = [day_name(d) for d in WEEKDAYS if d.value in doc.key_run_days]
    story: list[Flowable] = [
        band, Spacer(1, 8 * mm), Indenter(COVER_MARGIN, COVER_MARGIN),
        Paragraph("YOUR SEASON AT A GLANCE", s.fact_label), Spacer(1, 2 * mm),
        Timeline(doc, inner), Spacer(1, 5 * mm), table, Spacer(1, 4 * mm)]
    if runs:
        story.append(Paragraph(
            f"<b>Your key runs:</b> {' and '.join(runs) if len(runs) < 3 else ', '.join(runs)}."
            " Strength sessions keep the day before them light, so you arrive fresh.", s.body))
    story += [Indenter(-COVER_MARGIN, -COVER_MARGIN), FrameBreak(),
              *sections.coach_block(ctx, inner)]
    return story


def block_pages(ctx: sections.Context, block: BlockSheet, language: str) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [
        PageBreak(), Paragraph(f"{block.title} — {long_date(block.start, language)} to "
                               f"{long_date(block.end, language)}", s.h1),
        Paragraph(STAGE_PURPOSE[block.stage], s.body), Spacer(1, 2 * mm)]
    if block.program is None:
        return [*story, Paragraph("Your coach will send this block's sessions.", s.small)]
    if block.deload_week:
        story.append(Paragraph(f"<b>Week {block.deload_week} is a deload week:</b> about "
                               "half the sets, so your body can absorb the work.", s.body))
    block_ctx = replace(ctx, doc=block.program)
    for day in block.program.training_days:
        story += sections.day_section(block_ctx, day)
    return story


def _exercises(doc: SeasonDocument) -> tuple[ExerciseSheet, ...]:
    seen: dict[str, ExerciseSheet] = {}
    for block in doc.blocks:
        for sheet in block.program.exercises if block.program else ():
            seen.setdefault(sheet.name, sheet)
    return tuple(seen.values())


def build_season_pdf(doc: SeasonDocument, brand: Brand, out_path: Path) -> PdfResult:
    """Write the season's PDF atomically; its page count and any warnings come back."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    width, height = page_size(brand.paper)
    first = next((b.program for b in doc.blocks if b.program), None) or ProgramDocument(
        "Season", doc.client, doc.start, 1, ())
    ctx = sections.Context(doc=replace(first, exercises=_exercises(doc)), brand=brand,
                           styles=make_styles(brand.primary_color, brand.accent_color),
                           page_width=width, page_height=height, width=width - 2 * MARGIN)
    race = f" · race {short_date(doc.race_date, doc.language)}" if doc.race_date else ""
    page_text = PageText(business=brand.business_name,
                         title=f"{doc.client.name} · strength season{race}",
                         footer=" · ".join(p for p in (" ".join(brand.footer.split()),
                                                       brand.website) if p))
    story = [*overview(ctx, doc), NextPageTemplate("body")]
    for block in doc.blocks:
        story += block_pages(ctx, block, doc.language)
    if ctx.doc.exercises:
        story += [PageBreak(), *sections.appendix(ctx)]
    with atomic_target(out_path, suffix=".pdf.tmp") as temp:
        document = document_template(str(temp), brand.paper,
                                     title=f"Strength season — {doc.client.name}",
                                     author=brand.business_name)
        with glyph_report() as glyphs:
            document.build(story, canvasmaker=numbered_canvas(page_text, ctx.styles))
        pages = document.page
    return PdfResult(out_path, pages, (*ctx.warnings, *glyphs.warnings()))
