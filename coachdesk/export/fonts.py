"""The bundled Unicode fonts: DejaVu Sans as the family, three fallbacks for what it lacks.

Registered once, on first use (never at import time, so importing the export package
stays cheap). DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew, Arabic letters and
many symbols; NanumSquare adds Hangul (Korean), Droid Sans Fallback the rest of CJK and
Symbola emoji, each used only for the characters DejaVu lacks. Droid Sans Fallback has
only three Hangul syllables, so NanumSquare is asked first, and only for Hangul: Chinese
and Japanese keep Droid's glyphs. The licences sit next to the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from coachdesk.paths import RESOURCES_DIR

FONT = "CoachDeskSans"
FONT_BOLD = "CoachDeskSans-Bold"
FONT_ITALIC = "CoachDeskSans-Oblique"
FONT_BOLD_ITALIC = "CoachDeskSans-BoldOblique"
FONT_DIR = RESOURCES_DIR / "fonts"
FACES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf",
         FONT_ITALIC: "DejaVuSans-Oblique.ttf", FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}
# Hangul Jamo, Compatibility Jamo, Jamo Extended-A, Syllables, Jamo Extended-B.
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
# (name, file, the code points it is used for: None = every one it has), in order.
FALLBACKS: tuple[tuple[str, str, tuple[tuple[int, int], ...] | None], ...] = (
    ("CoachDeskFallbackHangul", "NanumSquareR.ttf", HANGUL),
    ("CoachDeskFallbackCJK", "DroidSansFallbackFull.ttf", None),
    ("CoachDeskFallbackSymbols", "Symbola.ttf", None),
)
# Characters that never need a fallback even though they are not drawn by DejaVu.
INVISIBLE = frozenset("\u200b\u200c\u200d\ufe0e\ufe0f")


def _unicode_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab (4.x and 5.1) writes ``<1F4AA>`` for 💪, an odd-length hex string that PDF
    readers reject, so emoji vanish from the PDF's text. This is its function with that
    one thing fixed; it is installed in ``register_fonts``."""
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
    """Register the DejaVu Sans family once and return its name. The oblique faces are
    read only when a text is italic (:func:`register_italic_faces`)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in (FONT, FONT_BOLD):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / FACES[name])))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD_ITALIC)
    return FONT


@cache
def register_italic_faces() -> None:
    """Register the oblique faces: call before markup with ``<i>`` is drawn."""
    register_fonts()
    for name in (FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / FACES[name])))


@cache
def _fallback_glyphs(index: int) -> frozenset[int]:
    """Register fallback ``index`` (parsing its file) and return the code points it is used
    for. Called only when a text needs a character DejaVu lacks: the CJK and emoji files
    are megabytes, and most programs never need them."""
    register_fonts()
    name, file, ranges = FALLBACKS[index]
    font = TTFont(name, str(FONT_DIR / file))
    pdfmetrics.registerFont(font)
    covered = font.face.charToGlyph.keys()
    if ranges is not None:
        covered = {code for code in covered if _in_ranges(code, ranges)}
    return frozenset(covered)


def _in_ranges(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


@cache
def _fallback_for(code: int) -> str | None:
    """The first fallback font that draws ``code`` (None: no bundled font does)."""
    for index, (name, _file, ranges) in enumerate(FALLBACKS):
        if ranges is not None and not _in_ranges(code, ranges):
            continue  # not this font's business: its file is not even read
        if code in _fallback_glyphs(index):
            return name
    return None


@cache
def _glyphs(face: str) -> frozenset[int]:
    register_fonts()
    if face in (FONT_ITALIC, FONT_BOLD_ITALIC):
        register_italic_faces()
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)


def _font_for(code: int, face: str) -> str | None:
    """The font to draw a character ``face`` lacks. DejaVu's oblique faces have no Arabic
    or Hebrew, so for them the upright face is asked first."""
    if face != FONT and code in _glyphs(FONT):
        return FONT
    return _fallback_for(code)


@dataclass
class GlyphReport:
    """What one PDF could not print properly, for the warnings the coach sees."""

    missing: set[str] = field(default_factory=set)  # no bundled font has these

    def warnings(self) -> list[str]:
        found = []
        if self.missing:
            sample = "".join(sorted(self.missing)[:12])
            found.append(f"Some characters have no glyph in the bundled fonts and print as "
                         f"empty boxes: {sample}")
        return found


_report: ContextVar[GlyphReport | None] = ContextVar("coachdesk_glyph_report", default=None)


@contextmanager
def glyph_report() -> Iterator[GlyphReport]:
    """Collect, while a PDF is built, the characters it cannot print properly."""
    report = GlyphReport()
    token = _report.set(report)
    try:
        yield report
    finally:
        _report.reset(token)


def report_missing(characters: frozenset[str] | set[str]) -> None:
    """Add characters no font draws to the report of the PDF being built (if any)."""
    report = _report.get()
    if report is not None and characters:
        report.missing |= characters


def with_fallback_fonts(markup: str, face: str = FONT) -> str:
    """Wrap runs of characters ``face`` lacks (CJK, emoji, rare symbols) in a ``<font>``
    tag naming a bundled font that has them, so every script prints and the PDF's text
    stays searchable. ``markup`` is already escaped; tags are ASCII only, so a tag is
    never split. ``face`` is the face the text is drawn in (bold or italic inside a
    note's Markdown)."""
    if markup.isascii():
        return markup
    main = _glyphs(face)
    report = _report.get()
    out: list[str] = []
    current: str | None = None
    for char in markup:
        code = ord(char)
        font = None
        if code > 0x2FF and code not in main and char not in INVISIBLE:
            font = _font_for(code, face)
            if font is None and report is not None and not char.isspace():
                report.missing.add(char)
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
