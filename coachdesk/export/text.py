"""User text made safe for ReportLab paragraphs, and demonstration Markdown as flowables.

Every string a coach or client typed goes through :func:`safe` (or :func:`safe_line`)
before it meets ``Paragraph``: controls removed, right-to-left runs put in drawing order
(:mod:`coachdesk.export.bidi`), XML escaped (``<b>`` prints as ``<b>``, ``&`` as ``&``),
then characters DejaVu lacks wrapped in a fallback font. Markup of our own is only ever
added around text that is already safe.

Long words: ReportLab breaks a word wider than its column at the column's edge
(``splitLongWords``, set on every style), so no zero-width spaces are inserted: ReportLab
5 draws U+200B as a glyph rather than breaking there, and it would leak into the PDF's
searchable text. What can still raise ``LayoutError`` is a table cell taller than a page,
so text bound for a cell is clipped (:func:`clip`) and the full text printed as ordinary
paragraphs, which split across pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from markdown_it.token import Token
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, Paragraph

from coachdesk.export.bidi import base_direction, has_right_to_left, visual
from coachdesk.export.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    glyph_report,
    register_italic_faces,
    report_missing,
    with_fallback_fonts,
)
from coachdesk.export.styles import GRID, MUTED, Styles, hex_of
from coachdesk.notes_markdown import block_tokens, inline_tokens

LINK_COLOR = "#1f6f5c"

# C0/C1 controls (but tab and newline) and lone surrogates, which cannot be encoded.
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str | None) -> str:
    """Plain text with unsafe characters gone and every line ending a newline."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return UNSAFE.sub("", text).replace("\u2028", "\n").replace("\u2029", "\n")


def safe(text: str | None) -> str:
    """Paragraph markup showing ``text`` exactly as typed, line breaks kept."""
    return with_fallback_fonts(escape(visual(clean(text)))).replace("\n", "<br/>")


def safe_line(text: str | None) -> str:
    """Like :func:`safe`, on one line (headers, table cells)."""
    return with_fallback_fonts(escape(visual(" ".join(clean(text).split()))))


def attribute(text: str) -> str:
    """A value for a markup attribute (a link's href): escaped, quotes included."""
    return escape(clean(text), {'"': "&quot;", "'": "&apos;"})


def clip(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class _Piece:
    """A run of a note's text with one formatting: the unit bidi and fonts work on."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    def same_look(self, other: _Piece) -> bool:
        return (self.bold, self.italic, self.href) == (other.bold, other.italic, other.href)


def _pieces(children: list[Token]) -> list[_Piece | None]:
    """Inline tokens as formatted runs; ``None`` is a hard line break."""
    pieces: list[_Piece | None] = []
    bold = italic = 0
    href: str | None = None

    def add(text: str) -> None:
        piece = _Piece(text, bold > 0, italic > 0, href)
        last = pieces[-1] if pieces else None
        if last is not None and last.same_look(piece):
            last.text += text
        elif text:
            pieces.append(piece)

    for token in children:
        kind = token.type
        if kind in ("text", "code_inline", "html_inline"):
            add(token.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            pieces.append(None)
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
        elif kind == "link_close":
            href = None
        else:  # anything a later parser version adds: its text, never its markup
            add(token.content)
    return pieces


def _face(piece: _Piece) -> str:
    return ((FONT_BOLD_ITALIC if piece.italic else FONT_BOLD) if piece.bold else
            (FONT_ITALIC if piece.italic else FONT))


def _line_markup(pieces: list[_Piece], link_color: str) -> str:
    """One line of runs as markup. Right-to-left text is put in drawing order run by
    run, and the runs themselves right to left when the line reads right to left."""
    base = base_direction("".join(p.text for p in pieces))
    if base == "R" and has_right_to_left("".join(p.text for p in pieces)):
        pieces = pieces[::-1]
    out: list[str] = []
    for piece in pieces:
        text = visual(piece.text, base) if has_right_to_left(piece.text) else piece.text
        markup = with_fallback_fonts(escape(text), _face(piece))
        if piece.italic:
            register_italic_faces()
            markup = f"<i>{markup}</i>"
        if piece.bold:
            markup = f"<b>{markup}</b>"
        if piece.href:
            markup = (f'<a href="{attribute(piece.href)}" color="{link_color}" '
                      f'underline="1">{markup}</a>')
        out.append(markup)
    return "".join(out)


def _markup(children: list[Token], link_color: str = LINK_COLOR) -> str:
    lines: list[list[_Piece]] = [[]]
    for piece in _pieces(children):
        if piece is None:
            lines.append([])
        else:
            piece.text = clean(piece.text).replace("\n", " ")
            lines[-1].append(piece)
    return "<br/>".join(_line_markup(line, link_color) for line in lines)


def inline(text: str) -> str:
    """One line of Markdown as safe markup: emphasis, bold and links become tags, every
    character of the text is escaped, so our tags are the only tags in the result."""
    return _markup(inline_tokens(clean(text).replace("\n", " ")))


MAX_INDENT_LEVELS = 6  # deeper lists and quotes print at this depth: the column stays wide


@dataclass(frozen=True)
class NoteBlock:
    """One paragraph of a note, ready to print: its markup and where it sits."""

    markup: str = ""
    heading: bool = False
    depth: int = 0  # lists it is in
    quotes: int = 0
    bullet: str | None = None
    rule: bool = False


def note_blocks(markdown: str | None, link_color: str) -> tuple[NoteBlock, ...]:
    """A note's Markdown as blocks: headings, paragraphs, bulleted and numbered lists
    (nested ones indented), quotes, code as its text, rules. Parsed once per note (the
    same demonstration notes recur in every program and every PDF of a batch); the
    characters no font draws are reported to each export that prints the note."""
    blocks, missing = _parsed_note(markdown, link_color)
    report_missing(missing)
    return blocks


@lru_cache(maxsize=4096)
def _parsed_note(markdown: str | None,
                 link_color: str) -> tuple[tuple[NoteBlock, ...], frozenset[str]]:
    with glyph_report() as report:
        return _note_blocks(markdown, link_color), frozenset(report.missing)


def _note_blocks(markdown: str | None, link_color: str) -> tuple[NoteBlock, ...]:
    blocks: list[NoteBlock] = []
    lists: list[bool] = []  # the open lists, innermost last: True when numbered
    quotes = 0
    heading = False
    bullet: str | None = None
    for token in block_tokens(clean(markdown)):
        kind = token.type
        if kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            bullet = f"{token.info}." if lists and lists[-1] else "•"
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind in ("inline", "code_block", "fence"):
            if kind == "inline":
                markup = _markup(token.children or [], link_color)
            else:
                markup = safe(token.content.rstrip("\n"))
            if markup:
                blocks.append(NoteBlock(markup, heading, len(lists), quotes,
                                        bullet if lists else None))
            bullet = None
        elif kind == "hr":
            blocks.append(NoteBlock(rule=True))
    return tuple(blocks)


def markdown_flowables(markdown: str | None, styles: Styles) -> list[Flowable]:
    """A note's Markdown as flowables (see :func:`note_blocks`)."""
    flowables: list[Flowable] = []
    for block in note_blocks(markdown, hex_of(styles.primary)):
        if block.rule:
            flowables.append(HRFlowable(width="100%", thickness=0.5, color=GRID,
                                        spaceBefore=3, spaceAfter=3))
            continue
        style = _style(styles, block.heading, block.depth, block.quotes)
        flowables.append(Paragraph(block.markup, style, bulletText=block.bullet)
                         if block.bullet else Paragraph(block.markup, style))
    return flowables


def _style(styles: Styles, heading: bool, depth: int, quotes: int) -> ParagraphStyle:
    if heading:
        return styles.note_heading
    depth, quotes = min(depth, MAX_INDENT_LEVELS), min(quotes, MAX_INDENT_LEVELS)
    if depth == 0:
        if quotes == 0:
            return styles.note
        return ParagraphStyle(f"note_quote{quotes}", styles.note, leftIndent=10 * quotes,
                              textColor=MUTED)
    if depth == 1 and quotes == 0:
        return styles.bullet
    indent = 10 * (depth - 1 + quotes)
    return ParagraphStyle(f"bullet{depth}_{quotes}", styles.bullet,
                          leftIndent=styles.bullet.leftIndent + indent,
                          bulletIndent=styles.bullet.bulletIndent + indent)
