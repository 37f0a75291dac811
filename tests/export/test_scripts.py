"""Every script a runner's name or a note can be written in prints as itself: Hangul in a
font that has its glyphs, Arabic joined and right to left, Hebrew right to left."""

from __future__ import annotations

import re
import unicodedata

from reportlab.pdfbase import pdfmetrics

from coachdesk.export.bidi import visual
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


ARABIC = "تمرين القرفصاء على ساق واحدة"
HEBREW = "סקוואט על רגל אחת"
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_visual_order_reverses_right_to_left_runs_and_joins_arabic_letters() -> None:
    assert visual("abc אבג def") == "abc גבא def"
    assert visual("אבג\nדה") == "גבא\nהד"  # each line on its own
    assert visual("Nordic Curl") == "Nordic Curl"
    shown = visual(ARABIC)
    assert PRESENTATION_FORMS.search(shown)  # contextual (joined) letter forms
    assert nfkc(shown)[::-1] == ARABIC  # un-shaped and read right to left: the input
    assert len(shown) <= len(ARABIC)  # no letter added; lam-alef may join into one


# pypdf reads a right-to-left run back in typing order when the page draws it right to
# left (visual order), and reversed when the page draws it in typing order (the defect).


def test_hebrew_prints_right_to_left(tmp_path) -> None:
    result = build_program_pdf(document_full_of(HEBREW), Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count(HEBREW) >= 8 and HEBREW[::-1] not in text
    assert result.warnings == ()


def test_arabic_prints_joined_and_right_to_left(tmp_path) -> None:
    result = build_program_pdf(document_full_of(ARABIC), Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count(visual(ARABIC)[::-1]) >= 8  # what the page draws, read back by pypdf
    assert PRESENTATION_FORMS.search(text)
    assert nfkc(text).count(ARABIC) >= 8 and ARABIC[::-1] not in nfkc(text)
    assert result.warnings == ()


def test_a_latin_note_with_an_arabic_word_keeps_both_in_order(tmp_path) -> None:
    value = "Nordic Curl تمرين slow"
    result = build_program_pdf(document_full_of(value), Brand(), tmp_path / "p.pdf")
    text = nfkc(pdf_text(result.path))
    assert text.count("Nordic Curl") >= 8 and "تمرين" in text and "نيرمت" not in text
