"""The baseline for ``coachdesk pdf``: raw ReportLab platypus building a document of the same
shape with a bundled TrueType font, as a whole process: a title, a week-at-a-glance table,
12 weeks × 4 days × 8 exercises as tables, then the same 32 exercises' demonstration notes
(the starter library's text, as plain paragraphs), with a header and footer on every page.
No Markdown, no QR codes, no cover band: what CoachDesk adds on top is its own cost.
Usage: ``python raw_platypus.py OUT.pdf``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

RESOURCES = Path(__file__).resolve().parent.parent / "coachdesk" / "resources"
FONTS = RESOURCES / "fonts"
WEEKS, DAYS, PER_DAY = 12, 4, 8


def main(out: str) -> None:
    pdfmetrics.registerFont(TTFont("Body", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    title = ParagraphStyle("title", fontName="Bold", fontSize=18, leading=22)
    body = ParagraphStyle("body", fontName="Body", fontSize=9, leading=12)
    library = json.loads((RESOURCES / "starter_library.json").read_text(encoding="utf-8"))
    exercises = library["exercises"][:DAYS * PER_DAY]  # the benchmark program's exercises
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "Body", 9),
                       ("FONT", (0, 0), (-1, 0), "Bold", 9),
                       ("GRID", (0, 0), (-1, -1), 0.25, "#999999")])
    glance = Table([["Day", "Session", "Exercises"]]
                   + [[f"Day {d + 1}", "Strength", str(PER_DAY)] for d in range(DAYS)])
    glance.setStyle(grid)
    story = [Paragraph("Strength program for Ana Río", title), glance, PageBreak()]
    for week in range(1, WEEKS + 1):
        story.append(Paragraph(f"Week {week}", title))
        for day in range(DAYS):
            rows = [["Exercise", "Sets", "Reps", "Load", "Rest", "Notes"]]
            rows += [[exercises[day * PER_DAY + n]["name"], "3", "8", "bodyweight", "75 s",
                      "Slow on the way down"] for n in range(PER_DAY)]
            table = Table(rows, repeatRows=1)
            table.setStyle(grid)
            story += [Paragraph(f"Day {day + 1}", body), table]
        story.append(PageBreak())
    for exercise in exercises:
        story.append(Paragraph(f"<b>{escape(exercise['name'])}</b>", body))
        for paragraph in exercise["notes"].split("\n\n"):
            story.append(Paragraph(escape(" ".join(paragraph.split())), body))

    def furnish(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Body", 8)
        canvas.drawString(40, A4[1] - 30, "Your studio · Ana Río · Base block")
        canvas.line(40, 40, A4[0] - 40, 40)
        canvas.drawRightString(A4[0] - 40, 28, f"Page {document.page}")
        canvas.restoreState()

    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=furnish,
                                              onLaterPages=furnish)


if __name__ == "__main__":
    main(sys.argv[1])
