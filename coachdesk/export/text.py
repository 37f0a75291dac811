"""User text made safe for ReportLab paragraphs, and demonstration Markdown as flowables."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from coachdesk.export.styles import Styles, with_fallback_fonts

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LONG_RUN = re.compile(r"\S{40,}")
BOLD = re.compile(r"\*\*(.+?)\*\*")


def _break_long_runs(text: str) -> str:
    """Give very long words break opportunities so no line can exceed the frame."""
    return LONG_RUN.sub(lambda m: "\u200b".join(m.group(0)[i:i + 30]
                                                  for i in range(0, len(m.group(0)), 30)),
                        text)


def safe(text: str | None) -> str:
    """Escape user text for Paragraph markup: ``<b>`` stays literal, ``&`` stays ``&``."""
    cleaned = CONTROL.sub("", text or "")
    return with_fallback_fonts(escape(_break_long_runs(cleaned)).replace("\n", "<br/>"))


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def markdown_flowables(markdown: str, styles: Styles) -> list[Flowable]:
    """The small Markdown our demonstration notes use: ###/## headings, - bullets, **bold**.

    Text is escaped first; only then is ``**…**`` turned into bold, so nothing the coach
    typed can inject markup."""
    flowables: list[Flowable] = []
    for raw in (markdown or "").splitlines():
        line = raw.strip()
        if not line:
            flowables.append(Spacer(1, 3))
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            flowables.append(Paragraph(safe(heading.group(1)), styles.note_heading))
            continue
        bullet = re.match(r"^[-*]\s+(.*)$", line)
        body = BOLD.sub(r"<b>\1</b>", safe(bullet.group(1) if bullet else line))
        if bullet:
            flowables.append(Paragraph(body, styles.bullet, bulletText="•"))
        else:
            flowables.append(Paragraph(body, styles.body))
    return flowables
