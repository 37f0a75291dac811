"""Every script a runner's name or a note can be written in prints as itself: Hangul in a
font that has its glyphs, Arabic joined and right to left, Hebrew right to left."""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfmetrics

from coachdesk.export.document import Brand
from coachdesk.export.fonts import FONT
from coachdesk.export.pdf import build_program_pdf
from coachdesk.export.text import safe

from .conftest import pdf_text
from .test_hostile import document_full_of

HANGUL = "한 다리 스쿼트와 플랭크"
FONT_RUN = re.compile(r'<font name="([^"]+)">(.*?)</font>', re.S)


def runs(markup: str) -> list[tuple[str, str]]:
    """(font, text) for each run of ``safe`` markup: text outside a ``<font>`` tag is the
    family font."""
    found, position = [], 0
    for match in FONT_RUN.finditer(markup):
        found += [(FONT, markup[position:match.start()]), (match[1], match[2])]
        position = match.end()
    return [(font, text) for font, text in [*found, (FONT, markup[position:])] if text]


def test_every_hangul_character_is_drawn_by_a_font_that_has_its_glyph() -> None:
    drawn = runs(safe(HANGUL))
    assert "".join(text for _, text in drawn) == HANGUL
    for font, text in drawn:
        glyphs = pdfmetrics.getFont(font).face.charToGlyph
        lacking = [char for char in text if not char.isspace() and ord(char) not in glyphs]
        assert lacking == [], f"{font} has no glyph for {''.join(lacking)}"


def test_a_korean_name_prints_in_the_pdf_without_a_warning(tmp_path) -> None:
    result = build_program_pdf(document_full_of("김민준"), Brand(), tmp_path / "p.pdf")
    assert pdf_text(result.path).count("김민준") >= 8
    assert result.warnings == ()
