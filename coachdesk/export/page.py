"""Page furniture: the brand-coloured header band, the footer with "Page X of Y", and
the page templates (cover, body) they sit on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from coachdesk.export.fonts import FONT, FONT_BOLD
from coachdesk.export.styles import MUTED, Styles
from coachdesk.export.text import clip, safe_line

MARGIN = 15 * mm
HEADER = 13 * mm
FOOTER = 14 * mm
COVER_MARGIN = 20 * mm
COVER_FOOT = 62 * mm  # the cover's lower frame: the coach's contact and the footer


@dataclass(frozen=True)
class PageText:
    """What every body page repeats, as plain text (escaped when drawn)."""

    business: str
    title: str
    footer: str


def page_size(paper: str) -> tuple[float, float]:
    return LETTER if paper == "Letter" else A4


def numbered_canvas(text: PageText, styles: Styles) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each footer can say
    "Page X of Y" in one pass (the page count is known when the document is saved)."""
    header_left = ParagraphStyle("header_left", fontName=FONT_BOLD, fontSize=9.5, leading=12,
                                 textColor=styles.on_primary)
    header_right = ParagraphStyle("header_right", header_left, fontName=FONT, fontSize=8.5,
                                  alignment=TA_RIGHT)
    footer_left = ParagraphStyle("footer_left", fontName=FONT, fontSize=7.5, leading=9.5,
                                 textColor=MUTED)
    footer_right = ParagraphStyle("footer_right", footer_left, alignment=TA_RIGHT)
    fitted: dict[tuple[str, str], Paragraph] = {}  # the same lines recur on every page

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                if number > 1:  # the cover carries its own band
                    self._furnish(number, total)
                super().showPage()
            super().save()

        def _furnish(self, number: int, total: int) -> None:
            width, height = self._pagesize
            inner = width - 2 * MARGIN
            left, right = inner * 0.4, inner * 0.6 - 4 * mm
            self.saveState()
            self.setFillColor(styles.primary)
            self.rect(0, height - HEADER, width, HEADER, stroke=0, fill=1)
            self.setFillColor(styles.accent)
            self.rect(0, height - HEADER - 1.2 * mm, width, 1.2 * mm, stroke=0, fill=1)
            baseline = height - 8.3 * mm
            self._line(text.business, 70, header_left, MARGIN, baseline, left)
            self._line(text.title, 110, header_right, width - MARGIN - right, baseline, right)
            self.setStrokeColor(styles.accent)
            self.setLineWidth(0.8)
            self.line(MARGIN, FOOTER - 2 * mm, width - MARGIN, FOOTER - 2 * mm)
            self._line(text.footer, 140, footer_left, MARGIN, FOOTER - 6.5 * mm, inner * 0.75)
            self._line(f"Page {number} of {total}", 30, footer_right, MARGIN + inner * 0.75,
                       FOOTER - 6.5 * mm, inner * 0.25)
            self.restoreState()

        def _line(self, value: str, limit: int, style: ParagraphStyle, x: float, y: float,
                  width: float) -> None:
            """One line of user text, escaped and with the same font fallback as the
            body, so a name prints in any script in the header too."""
            key = (value, style.name)
            if key not in fitted:
                fitted[key] = one_line(clip(value, limit), style, width)
            fitted[key].drawOn(self, x, y)

    return NumberedCanvas


def one_line(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A paragraph of ``text`` shortened with "…" until it fits on one line."""
    low, high = 0, len(text)
    best = None
    while low <= high:
        middle = (low + high) // 2
        candidate = text if middle == len(text) else clip(text, middle + 1)
        paragraph = Paragraph(safe_line(candidate), style)
        _width, height = paragraph.wrap(width, 1_000)
        if height <= style.leading * 1.01:
            best, low = paragraph, middle + 1
        else:
            high = middle - 1
    return best or Paragraph("", style)


def document_template(target: str, paper: str, *, title: str, author: str) -> BaseDocTemplate:
    """Cover (a full-bleed frame for the colour band, a lower frame for the coach's
    details) and body (one frame between header and footer). Frames have no padding, so
    tables line up with the header text."""
    width, height = page_size(paper)
    bare = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    cover_main = Frame(0, COVER_FOOT, width, height - COVER_FOOT, id="cover", **bare)
    cover_foot = Frame(COVER_MARGIN, 14 * mm, width - 2 * COVER_MARGIN, COVER_FOOT - 14 * mm,
                       id="cover_foot", **bare)
    body = Frame(MARGIN, FOOTER + 2 * mm, width - 2 * MARGIN,
                 height - HEADER - FOOTER - 9 * mm, id="body", **bare)
    document = BaseDocTemplate(target, pagesize=(width, height), title=title, author=author,
                               subject="Strength program", creator="CoachDesk",
                               leftMargin=MARGIN, rightMargin=MARGIN)
    document.addPageTemplates([PageTemplate("cover", [cover_main, cover_foot]),
                               PageTemplate("body", [body])])
    return document
