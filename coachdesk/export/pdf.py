"""The branded program PDF (ReportLab platypus).

Cover → week at a glance → one section per training day (every week's numbers and a box
to tick each session) → appendix of the exercises with their notes, picture and a QR code
to the video. Every page but the cover has a header band in the brand colours and a
footer with "Page X of Y". The file is written next to its target and renamed into
place, so a failure never leaves a partial PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from coachdesk.export import sections
from coachdesk.export.document import Brand, ProgramDocument
from coachdesk.export.fonts import glyph_report
from coachdesk.export.page import MARGIN, PageText, document_template, numbered_canvas, page_size
from coachdesk.export.sections import Context
from coachdesk.export.styles import make_styles
from coachdesk.files import atomic_target

__all__ = ["PdfResult", "build_program_pdf"]


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    warnings: tuple[str, ...] = ()


def _story(ctx: Context) -> list[Flowable]:
    story = [*sections.cover(ctx), NextPageTemplate("body"), PageBreak(),
             *sections.glance(ctx)]
    for day in ctx.doc.training_days:
        story += sections.day_section(ctx, day)
    if ctx.doc.exercises:
        story += [PageBreak(), *sections.appendix(ctx)]
    return story


def build_program_pdf(doc: ProgramDocument, brand: Brand, out_path: Path) -> PdfResult:
    """Write the program's PDF to ``out_path`` atomically and return its page count and
    any warnings (a logo or picture that could not be used)."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    width, height = page_size(brand.paper)
    ctx = Context(doc=doc, brand=brand, styles=make_styles(brand.primary_color,
                                                           brand.accent_color),
                  page_width=width, page_height=height, width=width - 2 * MARGIN)
    page_text = PageText(business=brand.business_name,
                         title=f"{doc.client.name} · {doc.program_name}",
                         footer=" · ".join(p for p in (" ".join(brand.footer.split()),
                                                       brand.website) if p))
    with atomic_target(out_path, suffix=".pdf.tmp") as temp:
        document = document_template(str(temp), brand.paper,
                                     title=f"{doc.program_name} — {doc.client.name}",
                                     author=brand.business_name)
        with glyph_report() as glyphs:
            document.build(_story(ctx), canvasmaker=numbered_canvas(page_text, ctx.styles))
        pages = document.page
    return PdfResult(out_path, pages, (*ctx.warnings, *glyphs.warnings()))
