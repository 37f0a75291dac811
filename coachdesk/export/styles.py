"""The bundled Unicode font family and one stylesheet of named paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coachdesk.paths import RESOURCES_DIR

FONT = "CoachDeskSans"
FONT_BOLD = "CoachDeskSans-Bold"
FONT_DIR = RESOURCES_DIR / "fonts"


def _unicode_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab 4 writes ``<1F4AA>`` for 💪, an odd-length hex string that PDF readers
    reject, so emoji vanish from the PDF's text. This is its function with that fixed."""
    entries = [f"<{i:02X}> <{_unicode_hex(v)}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@cache
def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) once, on first use, not at import."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap

    faces = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
             f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
             f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, f"{FONT}-Oblique")
    addMapping(FONT, 1, 1, f"{FONT}-BoldOblique")
    return FONT


FALLBACKS = (("CoachDeskFallbackCJK", "DroidSansFallbackFull.ttf"),
             ("CoachDeskFallbackSymbols", "Symbola.ttf"))


@cache
def _coverage() -> tuple[frozenset[int], tuple[tuple[str, frozenset[int]], ...]]:
    """The code points each registered font can draw: DejaVu first, then the fallbacks."""
    register_fonts()
    main = frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)
    fallbacks = []
    for name, file in FALLBACKS:
        font = TTFont(name, str(FONT_DIR / file))
        pdfmetrics.registerFont(font)
        fallbacks.append((name, frozenset(font.face.charToGlyph)))
    return main, tuple(fallbacks)


def with_fallback_fonts(markup: str) -> str:
    """Wrap runs of characters DejaVu Sans lacks (CJK, emoji, rare symbols) in a
    ``<font>`` tag naming a bundled font that has them, so every script prints and the
    PDF's text stays searchable. ``markup`` is already escaped; tags are ASCII only."""
    if markup.isascii():
        return markup
    main, fallbacks = _coverage()
    out: list[str] = []
    current: str | None = None
    for char in markup:
        code = ord(char)
        font = None
        if code not in main and code > 0x2FF and char not in "\u200b\u200d\ufe0f":
            font = next((name for name, covered in fallbacks if code in covered), None)
        if font != current:
            if current is not None:
                out.append("</font>")
            if font is not None:
                out.append(f'<font name="{font}">')
            current = font
        out.append(char)
    if current is not None:
        out.append("</font>")
    return "".join(out)


@dataclass(frozen=True)
class Styles:
    primary: colors.Color
    accent: colors.Color
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head_cell: ParagraphStyle
    note_heading: ParagraphStyle
    bullet: ParagraphStyle


def make_styles(primary_hex: str, accent_hex: str) -> Styles:
    register_fonts()
    primary, accent = colors.HexColor(primary_hex), colors.HexColor(accent_hex)
    dark = colors.HexColor("#26302d")
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=dark)
    return Styles(
        primary=primary,
        accent=accent,
        title=ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=26, leading=31,
                             textColor=primary, spaceAfter=6),
        subtitle=ParagraphStyle("subtitle", base, fontSize=14, leading=19, spaceAfter=4),
        h1=ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=15, leading=19,
                          textColor=primary, spaceBefore=6, spaceAfter=6),
        h2=ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                          textColor=dark, spaceBefore=8, spaceAfter=3),
        body=base,
        small=ParagraphStyle("small", base, fontSize=8, leading=10,
                             textColor=colors.HexColor("#5b6663")),
        cell=ParagraphStyle("cell", base, fontSize=8.5, leading=10.5),
        cell_bold=ParagraphStyle("cell_bold", base, fontName=FONT_BOLD, fontSize=8.5,
                                 leading=10.5),
        head_cell=ParagraphStyle("head_cell", base, fontName=FONT_BOLD, fontSize=8.5,
                                 leading=10.5, textColor=colors.white),
        note_heading=ParagraphStyle("note_heading", base, fontName=FONT_BOLD, fontSize=9.5,
                                    leading=12, textColor=primary, spaceBefore=4),
        bullet=ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
    )
