"""The baseline for ``coachdesk pdf``: raw ReportLab platypus building a document of the same
shape (a cover line, 12 weeks × 4 days × 8 exercises as tables, 32 exercise notes) with a
bundled TrueType font, as a whole process. Usage: ``python raw_platypus.py OUT.pdf``."""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

FONTS = Path(__file__).resolve().parent.parent / "coachdesk" / "resources" / "fonts"
WEEKS, DAYS, PER_DAY = 12, 4, 8


def main(out: str) -> None:
    pdfmetrics.registerFont(TTFont("Body", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    title = ParagraphStyle("title", fontName="Bold", fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName="Body", fontSize=9, leading=12)
    story = [Paragraph("Strength program for Ana Río", title)]
    for week in range(1, WEEKS + 1):
        story.append(Paragraph(f"Week {week}", title))
        for day in range(DAYS):
            rows = [["Exercise", "Sets", "Reps", "Load", "Rest", "Notes"]]
            rows += [[f"Exercise {day * PER_DAY + n}", "3", "8", "bodyweight", "75 s",
                      "Slow on the way down"] for n in range(PER_DAY)]
            table = Table(rows, repeatRows=1)
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Body", 9),
                                       ("FONT", (0, 0), (-1, 0), "Bold", 9),
                                       ("GRID", (0, 0), (-1, -1), 0.25, "#999999")]))
            story += [Paragraph(f"Day {day + 1}", body), table]
        story.append(PageBreak())
    for n in range(DAYS * PER_DAY):
        story.append(Paragraph(f"<b>Exercise {n}</b>: stand tall, brace, move slowly and "
                               "keep the knee over the middle of the foot.", body))
    SimpleDocTemplate(out, pagesize=A4).build(story)


if __name__ == "__main__":
    main(sys.argv[1])
