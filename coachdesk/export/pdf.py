"""The branded program PDF (ReportLab platypus).

Cover → week at a glance → one section per training day (every week's numbers and a box to
tick each session) → appendix of the exercises with their notes, picture and a QR code to
the video. Every page but the cover has a header band in the brand colour and a footer
with "Page X of Y". The file is written next to its target and renamed into place.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.export.document import Brand, DaySheet, ExerciseSheet, ProgramDocument
from coachdesk.export.styles import FONT, FONT_BOLD, Styles, make_styles
from coachdesk.export.text import clip, markdown_flowables, safe
from coachdesk.progression import WeekPrescription
from coachdesk.vocab import label

WEEKS_PER_TABLE = 6
WEEK_COLUMN = 19 * mm
FIXED_COLUMNS = (7 + 38 + 17 + 13) * mm  # order, exercise, tempo, rest
MIN_NOTES = 24 * mm
CELL_NOTE_LIMIT = 160
ZEBRA = colors.HexColor("#f3f5f4")
GRID = colors.HexColor("#d9dedc")


@dataclass
class PdfResult:
    path: Path
    pages: int
    warnings: list[str] = field(default_factory=list)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _date(value: date) -> str:
    return f"{value.day} {value.strftime('%b %Y')}"


def volume(week: WeekPrescription, per_side: bool, side: str | None) -> str:
    amount = f"{week.reps}" if week.reps is not None else f"{week.seconds} s"
    text = f"{week.sets} × {amount}"
    if per_side:
        text += " /side"
    elif side:
        text += f" ({side})"
    if week.load:
        text += f"\n{week.load}"
    if week.note:
        text += f"\n{week.note}"
    return text


def _numbered_canvas(brand: Brand, styles: Styles, doc: ProgramDocument) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "of Y"."""

    header_left = ParagraphStyle("header_left", fontName=FONT_BOLD, fontSize=10, leading=12,
                                 textColor=colors.white)
    header_right = ParagraphStyle("header_right", header_left, fontName=FONT, fontSize=9,
                                  alignment=TA_RIGHT)
    footer_left = ParagraphStyle("footer_left", fontName=FONT, fontSize=8, leading=10,
                                 textColor=colors.HexColor("#5b6663"))
    footer_right = ParagraphStyle("footer_right", footer_left, alignment=TA_RIGHT)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if number > 1:
                    self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(styles.primary)
            self.rect(0, height - 14 * mm, width, 14 * mm, stroke=0, fill=1)
            half = (width - 30 * mm) / 2
            self._line(clip(brand.business_name, 60), header_left, 15 * mm, height - 10 * mm,
                       half)
            self._line(clip(f"{doc.client_name} · {doc.program_name}", 70), header_right,
                       15 * mm + half, height - 10 * mm, half)
            self.setStrokeColor(styles.accent)
            self.setLineWidth(1.5)
            self.line(15 * mm, 14 * mm, width - 15 * mm, 14 * mm)
            footer = " · ".join(p for p in (brand.footer.replace("\n", " "), brand.website) if p)
            self._line(clip(footer, 110), footer_left, 15 * mm, 8.5 * mm, half * 1.5)
            self._line(f"Page {number} of {total}", footer_right, 15 * mm + half, 8.5 * mm,
                       half)
            self.restoreState()

        def _line(self, text: str, style: ParagraphStyle, x: float, y: float,
                  width: float) -> None:
            """One line of user text, through the same escaping and font fallback as the
            body, so a client's name prints in any script in the header too."""
            paragraph = Paragraph(safe(text), style)
            paragraph.wrapOn(self, width, 20)
            paragraph.drawOn(self, x, y)

    return NumberedCanvas


class _Builder:
    def __init__(self, doc: ProgramDocument, brand: Brand) -> None:
        self.doc = doc
        self.brand = brand
        self.styles = make_styles(brand.primary_color, brand.accent_color)
        self.pagesize = LETTER if brand.paper == "Letter" else A4
        self.width = self.pagesize[0] - 30 * mm
        self.warnings: list[str] = []

    # --- sections -------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        s, doc, brand = self.styles, self.doc, self.brand
        story: list[Flowable] = [Spacer(1, 20 * mm)]
        logo = self.logo(60 * mm, 35 * mm)
        if logo is not None:
            story += [logo, Spacer(1, 10 * mm)]
        story += [
            Paragraph(safe(brand.business_name), s.title),
            Spacer(1, 16 * mm),
            Paragraph("Strength program for", s.subtitle),
            Paragraph(safe(doc.client_name), ParagraphStyleCopy(s.title, fontSize=22,
                                                                 leading=27)),
            Paragraph(safe(doc.program_name), s.subtitle),
            Spacer(1, 4 * mm),
            Paragraph(f"{_date(doc.start_date)} – {_date(doc.end_date)} · "
                      f"{plural(doc.weeks, 'week')} · "
                      f"{plural(len(doc.training_days), 'session')} a week", s.body),
            Spacer(1, 18 * mm),
        ]
        contact = [safe(p) for p in (brand.email, brand.phone, brand.website) if p]
        if contact:
            story += [Paragraph("Your coach", s.h2), Paragraph("<br/>".join(contact), s.body)]
        if brand.footer:
            story += [Spacer(1, 10 * mm), Paragraph(safe(brand.footer), s.small)]
        return story

    def logo(self, max_width: float, max_height: float) -> Flowable | None:
        path = self.brand.logo_path
        if path is None:
            return None
        if path.suffix.lower() == ".svg":
            self.warnings.append(f"The logo {path.name} is SVG; the PDF uses PNG or JPEG logos.")
            return None
        try:
            reader = ImageReader(str(path))
            width, height = reader.getSize()
        except Exception as error:
            self.warnings.append(f"The logo {path.name} cannot be read ({error}); "
                                 "the PDF was made without it.")
            return None
        scale = min(max_width / width, max_height / height)
        image = Image(str(path), width * scale, height * scale)
        image.hAlign = "LEFT"
        return image

    def glance(self) -> list[Flowable]:
        s = self.styles
        rows = [[Paragraph(t, s.head_cell) for t in ("Day", "Session", "Exercises", "Sets")]]
        for day in self.doc.days:
            names = ", ".join(slot.exercise for slot in day.slots)
            sets = sum(slot.weeks[0].sets for slot in day.slots) if day.slots else 0
            rows.append([
                Paragraph(day.name, s.cell_bold),
                Paragraph(safe(day.title) if day.slots else "Rest or run", s.cell),
                Paragraph(safe(clip(names, 400)) or "—", s.cell),
                Paragraph(str(sets) if sets else "—", s.cell),
            ])
        table = Table(rows, colWidths=[24 * mm, 38 * mm, self.width - 77 * mm, 15 * mm],
                      repeatRows=1)
        table.setStyle(self.table_style())
        story: list[Flowable] = [Paragraph("Your week at a glance", s.h1), table]
        if self.doc.notes:
            story += [Spacer(1, 4 * mm), Paragraph(safe(self.doc.notes), s.body)]
        if self.doc.deload_week:
            story += [Spacer(1, 3 * mm), Paragraph(
                f"Week {self.doc.deload_week} is a lighter deload week.", s.body)]
        return story

    def day_section(self, day: DaySheet) -> list[Flowable]:
        s = self.styles
        title = f"{day.name}" + (f" — {safe(day.title)}" if day.title else "")
        story: list[Flowable] = [CondPageBreak(60 * mm), Paragraph(title, s.h1)]
        weeks = self.doc.weeks
        per_table = self.weeks_per_table()
        for first in range(0, weeks, per_table):
            block = range(first, min(first + per_table, weeks))
            story.append(self.day_table(day, block))
            story.append(Spacer(1, 3 * mm))
        story.append(self.tick_boxes())
        long_notes = [slot for slot in day.slots if len(slot.notes) > CELL_NOTE_LIMIT]
        for slot in long_notes:
            story += [Paragraph(f"Notes for {safe(slot.exercise)}", s.h2),
                      Paragraph(safe(slot.notes), s.body)]
        return story

    def weeks_per_table(self) -> int:
        """As many week columns as fit beside the fixed columns (at most six)."""
        room = self.width - FIXED_COLUMNS - MIN_NOTES
        return max(1, min(WEEKS_PER_TABLE, int(room // WEEK_COLUMN)))

    def day_table(self, day: DaySheet, block: range) -> Table:
        s = self.styles
        header = ["#", "Exercise", *[f"Week {n + 1}" for n in block], "Tempo", "Rest", "Notes"]
        rows: list[list[Any]] = [[Paragraph(h, s.head_cell) for h in header]]
        for slot in day.slots:
            notes = slot.notes if len(slot.notes) <= CELL_NOTE_LIMIT else \
                clip(slot.notes, 60) + " (see below)"
            rows.append([
                Paragraph(str(slot.order), s.cell),
                Paragraph(safe(slot.exercise), s.cell_bold),
                *[Paragraph(safe(volume(slot.weeks[n], slot.per_side, slot.side)), s.cell)
                  for n in block],
                Paragraph(safe(slot.tempo) or "—", s.cell),
                Paragraph(f"{slot.rest_s} s" if slot.rest_s else "—", s.cell),
                Paragraph(safe(notes), s.cell),
            ])
        notes_width = self.width - FIXED_COLUMNS - WEEK_COLUMN * len(block)
        widths = [7 * mm, 38 * mm, *[WEEK_COLUMN] * len(block), 17 * mm, 13 * mm, notes_width]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(self.table_style())
        return table

    def tick_boxes(self) -> Flowable:
        s = self.styles
        cells = [Paragraph("Done:", s.cell_bold)]
        for n in range(1, self.doc.weeks + 1):
            cells.append(Paragraph(f"☐ W{n}", s.cell))
        per_row = 13
        rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[self.width / per_row] * per_row)
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 1),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def appendix(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [Paragraph("How to do each exercise", s.h1)]
        for exercise in self.doc.exercises:
            story.append(KeepTogetherIfSmall(self.exercise_block(exercise), self.pagesize))
        return story

    def exercise_block(self, exercise: ExerciseSheet) -> list[Flowable]:
        s = self.styles
        block: list[Flowable] = [Paragraph(safe(exercise.name), s.h2)]
        facts = ", ".join(label(m) for m in exercise.muscles)
        if exercise.laterality:
            facts += (" · one side at a time" if exercise.laterality == "unilateral"
                      else " · both sides together")
        if facts:
            block.append(Paragraph(safe(facts), s.small))
        notes = markdown_flowables(exercise.notes, s) or [Paragraph("—", s.body)]
        side: list[Flowable] = []
        picture = self.picture(exercise.image_path)
        if picture is not None:
            side.append(picture)
        if exercise.video_url and exercise.video_url.startswith(("http://", "https://")):
            side += [qr_code(exercise.video_url, 26 * mm),
                     Paragraph("Scan for the video", s.small)]
        if side:
            table = Table([[notes, side]], colWidths=[self.width - 48 * mm, 48 * mm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            block.append(table)
        else:
            block += notes
        block.append(Spacer(1, 4 * mm))
        return block

    def picture(self, path: Path | None) -> Flowable | None:
        if path is None:
            return None
        try:
            reader = ImageReader(str(path))
            width, height = reader.getSize()
        except Exception:
            self.warnings.append(f"The demo picture {path.name} cannot be read; skipped.")
            return None
        scale = min(44 * mm / width, 44 * mm / height)
        return Image(str(path), width * scale, height * scale)

    def table_style(self) -> TableStyle:
        return TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), self.styles.primary),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ])

    # --- assembly ------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story = [*self.cover(), NextPageTemplate("body"), PageBreak(), *self.glance()]
        for day in self.doc.training_days:
            story += self.day_section(day)
        if self.doc.exercises:
            story += [PageBreak(), *self.appendix()]
        return story

    def template(self, target: str) -> BaseDocTemplate:
        width, height = self.pagesize
        cover = Frame(20 * mm, 20 * mm, width - 40 * mm, height - 40 * mm, id="cover")
        body = Frame(15 * mm, 18 * mm, width - 30 * mm, height - 38 * mm, id="body")
        document = BaseDocTemplate(
            target, pagesize=self.pagesize, title=f"{self.doc.program_name} — "
            f"{self.doc.client_name}", author=self.brand.business_name,
            subject="Strength program", creator="CoachDesk")
        document.addPageTemplates([PageTemplate("cover", [cover]),
                                   PageTemplate("body", [body])])
        return document


def ParagraphStyleCopy(style: Any, **changes: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-copy", style, **changes)


class KeepTogetherIfSmall(KeepTogether):
    """Keep an exercise block on one page when it fits on one; let a long one flow."""

    def __init__(self, flowables: list[Flowable], pagesize: tuple[float, float]) -> None:
        super().__init__(flowables, maxHeight=pagesize[1] * 0.6)


QR_BORDER = 4  # quiet zone, in modules


@lru_cache(maxsize=1024)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of ReportLab's own QR encoding of ``url``, computed once per
    link: the same exercises recur across a studio's programs."""
    qr = QrCodeWidget(url).qr
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


class QrCode(Flowable):
    """A QR code for a video link, drawn as one filled path (fast to build and to view);
    the square is also a clickable link, for clients reading the PDF on a phone."""

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self.url = url
        self.size = size

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = qr_modules(self.url)
        count = len(modules)
        box = self.size / (count + 2 * QR_BORDER)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            c = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((c + QR_BORDER) * box, self.size - (r + QR_BORDER + 1) * box,
                              length * box, box)
                c += length
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)


def qr_code(url: str, size: float) -> QrCode:
    return QrCode(url, size)


def build_program_pdf(doc: ProgramDocument, brand: Brand, out_path: Path) -> PdfResult:
    """Write the PDF to ``out_path`` atomically; returns its page count and any warnings."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    builder = _Builder(doc, brand)
    fd, temp = tempfile.mkstemp(prefix=".coachdesk-", suffix=".pdf.tmp", dir=out_path.parent)
    os.close(fd)
    try:
        document = builder.template(temp)
        document.build(builder.story(), canvasmaker=_numbered_canvas(brand, builder.styles, doc))
        pages = document.page
        os.replace(temp, out_path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return PdfResult(out_path, pages, builder.warnings)
