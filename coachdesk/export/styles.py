"""One stylesheet of named paragraph styles and colours, made from the brand's colours."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from coachdesk.export.fonts import FONT, FONT_BOLD, register_fonts

INK = colors.HexColor("#26302d")
MUTED = colors.HexColor("#5b6663")
ZEBRA = colors.HexColor("#f4f6f5")
GRID = colors.HexColor("#d9dedc")


def tint(color: colors.Color, share: float) -> colors.Color:
    """``color`` mixed with white: ``share`` 0 is white, 1 the colour itself."""
    return colors.Color(1 - (1 - color.red) * share, 1 - (1 - color.green) * share,
                        1 - (1 - color.blue) * share)


def readable_on(color: colors.Color) -> colors.Color:
    """White or ink, whichever reads better on ``color`` (a pale brand colour gets ink)."""
    luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue
    return INK if luminance > 0.6 else colors.white


def hex_of(color: colors.Color) -> str:
    """``#rrggbb`` for a ``<font color=…>`` attribute."""
    return "#" + color.hexval()[2:]


@dataclass(frozen=True)
class Styles:
    primary: colors.Color
    accent: colors.Color
    on_primary: colors.Color
    on_accent: colors.Color
    cover_kicker: ParagraphStyle
    cover_client: ParagraphStyle
    cover_program: ParagraphStyle
    cover_dates: ParagraphStyle
    cover_business: ParagraphStyle
    fact_label: ParagraphStyle
    fact_value: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    block_caption: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_small: ParagraphStyle
    head_cell: ParagraphStyle
    head_on_accent: ParagraphStyle
    tick: ParagraphStyle
    note_heading: ParagraphStyle
    note: ParagraphStyle
    bullet: ParagraphStyle


def make_styles(primary_hex: str, accent_hex: str) -> Styles:
    register_fonts()
    primary, accent = colors.HexColor(primary_hex), colors.HexColor(accent_hex)
    on_primary, on_accent = readable_on(primary), readable_on(accent)
    # splitLongWords: a word wider than its column is broken at the column's edge, so a
    # 3,000-character "word" wraps instead of overflowing (ReportLab's default, stated).
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK,
                          splitLongWords=1)
    cell = ParagraphStyle("cell", base, fontSize=8.5, leading=10.5)
    return Styles(
        primary=primary,
        accent=accent,
        on_primary=on_primary,
        on_accent=on_accent,
        cover_kicker=ParagraphStyle("cover_kicker", base, fontName=FONT_BOLD, fontSize=9,
                                    leading=12, textColor=on_primary, spaceAfter=10),
        cover_client=ParagraphStyle("cover_client", base, fontName=FONT_BOLD, fontSize=28,
                                    leading=34, textColor=on_primary, spaceAfter=4),
        cover_program=ParagraphStyle("cover_program", base, fontSize=15, leading=20,
                                     textColor=on_primary, spaceAfter=10),
        cover_dates=ParagraphStyle("cover_dates", base, fontSize=10.5, leading=14,
                                   textColor=on_primary),
        cover_business=ParagraphStyle("cover_business", base, fontName=FONT_BOLD,
                                      fontSize=16, leading=20, textColor=primary),
        fact_label=ParagraphStyle("fact_label", base, fontSize=7.5, leading=9.5,
                                  textColor=MUTED),
        fact_value=ParagraphStyle("fact_value", base, fontName=FONT_BOLD, fontSize=11,
                                  leading=14),
        h1=ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=15, leading=19,
                          textColor=primary, spaceBefore=4, spaceAfter=6),
        h2=ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                          spaceBefore=4, spaceAfter=2, keepWithNext=1),
        block_caption=ParagraphStyle("block_caption", base, fontName=FONT_BOLD, fontSize=8.5,
                                     leading=11, textColor=primary, spaceAfter=2,
                                     keepWithNext=1),
        body=base,
        small=ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED),
        caption=ParagraphStyle("caption", base, fontSize=7.5, leading=9.5, textColor=MUTED,
                               alignment=TA_CENTER),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", cell, fontName=FONT_BOLD),
        cell_small=ParagraphStyle("cell_small", cell, fontSize=7.5, leading=9.5,
                                  textColor=MUTED),
        head_cell=ParagraphStyle("head_cell", cell, fontName=FONT_BOLD,
                                 textColor=on_primary),
        head_on_accent=ParagraphStyle("head_on_accent", cell, fontName=FONT_BOLD,
                                      textColor=on_accent),
        tick=ParagraphStyle("tick", cell, fontSize=13, leading=15, alignment=TA_CENTER,
                            textColor=MUTED),
        note_heading=ParagraphStyle("note_heading", base, fontName=FONT_BOLD, fontSize=9,
                                    leading=11.5, textColor=primary, spaceBefore=3.5,
                                    spaceAfter=0.5, keepWithNext=1),
        note=ParagraphStyle("note", base, fontSize=9, leading=11.75),
        bullet=ParagraphStyle("bullet", base, fontSize=9, leading=11.75, leftIndent=10,
                              bulletIndent=1, bulletFontName=FONT),  # • reads back as •
    )
