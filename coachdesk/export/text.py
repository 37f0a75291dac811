"""User text made safe for ReportLab paragraphs, and demonstration Markdown as flowables.

Every string a coach or client typed goes through :func:`safe` (or :func:`safe_line`)
before it meets ``Paragraph``: controls removed, XML escaped (``<b>`` prints as ``<b>``,
``&`` as ``&``), then characters DejaVu lacks wrapped in a fallback font. Markup of our
own is only ever added around text that is already safe.

Long words: ReportLab breaks a word wider than its column at the column's edge
(``splitLongWords``, set on every style), so no zero-width spaces are inserted: ReportLab
5 draws U+200B as a glyph rather than breaking there, and it would leak into the PDF's
searchable text. What can still raise ``LayoutError`` is a table cell taller than a page,
so text bound for a cell is clipped (:func:`clip`) and the full text printed as ordinary
paragraphs, which split across pages.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from coachdesk.export.fonts import with_fallback_fonts
from coachdesk.export.styles import Styles

# C0/C1 controls (but tab and newline) and lone surrogates, which cannot be encoded.
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
BULLET = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
NUMBERED = re.compile(r"^(\d{1,3})[.)]\s")


def clean(text: str | None) -> str:
    """Plain text with unsafe characters gone and every line ending a newline."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return UNSAFE.sub("", text).replace("\u2028", "\n").replace("\u2029", "\n")


def safe(text: str | None) -> str:
    """Paragraph markup showing ``text`` exactly as typed, line breaks kept."""
    return with_fallback_fonts(escape(clean(text))).replace("\n", "<br/>")


def safe_line(text: str | None) -> str:
    """Like :func:`safe`, on one line (headers, table cells)."""
    return with_fallback_fonts(escape(" ".join(clean(text).split())))


def attribute(text: str) -> str:
    """A value for a markup attribute (a link's href): escaped, quotes included."""
    return escape(clean(text), {'"': "&quot;", "'": "&apos;"})


def clip(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def inline(text: str) -> str:
    """One line of Markdown as safe markup: ``**bold**`` only, everything else literal.

    The text is split on the bold markers first and each piece escaped on its own, so the
    ``<b>`` tags we add are the only tags in the result."""
    out: list[str] = []
    position = 0
    for match in BOLD.finditer(text):
        out.append(_escaped(text[position:match.start()]))
        out.append(f"<b>{_escaped(match.group(1))}</b>")
        position = match.end()
    out.append(_escaped(text[position:]))
    return "".join(out)


def _escaped(text: str) -> str:
    return with_fallback_fonts(escape(clean(text).replace("\n", " ")))


def markdown_flowables(markdown: str | None, styles: Styles) -> list[Flowable]:
    """The small Markdown demonstration notes use: ``#``…``######`` headings, ``-``/``*``
    and numbered bullets, ``**bold**``; blank lines separate paragraphs, and consecutive
    plain lines join into one paragraph. Anything else prints literally."""
    flowables: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            flowables.append(Paragraph(inline(" ".join(paragraph)), styles.note))
            paragraph.clear()

    for raw in clean(markdown).split("\n"):
        line = raw.strip()
        heading = HEADING.match(line)
        bullet = BULLET.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            flowables.append(Paragraph(inline(heading.group(1)), styles.note_heading))
        elif bullet:
            flush()
            number = NUMBERED.match(line)
            flowables.append(Paragraph(inline(bullet.group(1)), styles.bullet,
                                       bulletText=f"{number.group(1)}." if number else "•"))
        else:
            paragraph.append(line)
    flush()
    return flowables
