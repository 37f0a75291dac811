"""Whatever a coach or client types, the PDF comes out whole with the text intact, or a
clear ValidationError says what is wrong; never another exception."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from coachdesk.errors import ValidationError
from coachdesk.export.document import (
    Brand,
    ClientInfo,
    ExerciseSheet,
    ProgramDocument,
    build_document,
)
from coachdesk.export.pdf import build_program_pdf
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.vocab import Weekday

from .conftest import pdf_text

HOSTILE = ["<b>heavy", "Push & Pull", "a<b", "John <john@x.com>", "</para>", "💪🏃‍♀️ strong",
           "Олена Коваль", "王小明", "ゆうき 中村", "&amp; stays &amp;",
           '<font name="x">', "**not bold** <i>", "C:\\Users\\..\\x"]


def document_full_of(value: str, weeks: int = 3, slots: int = 2, notes: str | None = None):
    """``value`` everywhere a person can type: names, titles, notes, load, tempo, the
    weekly notes of a progression and the exercise's demonstration Markdown."""
    entry = SlotEntry(exercise=value, sets=3, reps=8, load=f"{value} 10 kg",
                      tempo=value[:20], notes=notes if notes is not None else f"Cue: {value}")
    week = TemplateFile(name=value, notes=value, days={Weekday.MON: (entry,) * slots},
                        day_titles={Weekday.MON: value})
    material = {value: {"notes": f"## {value}\n- **{value}**\n{value}",
                        "video_url": "https://example.com/watch?v=1&t=2"}}
    progression = {"slots": {"mon:0": {"kind": "note", "notes": {"2": value[:200]}}}}
    return build_document(week, program_name=value, client=ClientInfo(name=value),
                          start_date=date(2027, 1, 4), weeks=weeks, material=material,
                          progression=progression)


@pytest.mark.parametrize("value", HOSTILE)
def test_markup_and_every_script_print_exactly_as_typed(tmp_path, value) -> None:
    brand = Brand(business_name=value, footer=value, website=value)
    result = build_program_pdf(document_full_of(value), brand, tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count(value) >= 8, text[:400]
    assert result.warnings == ()


def test_arabic_makes_a_valid_pdf_with_its_letters_joined_and_no_warning(tmp_path) -> None:
    value = "أمل حسن"
    result = build_program_pdf(document_full_of(value), Brand(), tmp_path / "p.pdf")
    # Drawn right to left in joined forms: pypdf reads it back in typing order, and
    # NFKC turns the joined forms back into the letters typed (tests/export/test_scripts).
    text = unicodedata.normalize("NFKC", pdf_text(result.path))
    assert text.count(value) >= 8 and value[::-1] not in text
    assert result.warnings == ()


def test_a_script_no_bundled_font_covers_is_a_warning_not_a_failure(tmp_path) -> None:
    # Cherokee: no bundled font has it (Korean, once the example here, now prints).
    result = build_program_pdf(document_full_of("ᏣᎳᎩ"), Brand(), tmp_path / "p.pdf")
    assert len(PdfReader(result.path).pages) == result.pages
    assert result.warnings and "Ꮳ" in result.warnings[0]


def test_a_5000_character_note_prints_in_full(tmp_path) -> None:
    notes = ("Keep the knee over the toes, then drive through the whole foot. " * 80)[:5000]
    result = build_program_pdf(document_full_of("Calf Raise", weeks=12, slots=30,
                                                 notes=notes), Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count("Keep the knee over the toes") >= 30 * 78


def test_a_3000_character_word_wraps_instead_of_raising(tmp_path) -> None:
    word = "x" * 3000
    document = document_full_of("Calf Raise", notes=word)
    sheet = ExerciseSheet(name="Calf Raise", notes_markdown=f"# {word}\n- {word}\n**{word}**",
                          video_url="https://example.com/" + "y" * 900)
    document = ProgramDocument(
        document.program_name, ClientInfo(name=word), document.start_date, document.weeks,
        document.days, (sheet,))
    result = build_program_pdf(document, Brand(business_name=word, footer=word),
                               tmp_path / "p.pdf")
    assert pdf_text(result.path).replace(" ", "").count("x" * 200) >= 5


def test_sixty_exercises_in_one_day_split_over_pages_with_the_header_repeated(
        tmp_path) -> None:
    week = TemplateFile(name="Long day", days={Weekday.TUE: tuple(
        SlotEntry(exercise=f"Exercise {n:02d}", sets=3, reps=10) for n in range(60))})
    document = build_document(week, program_name="Long day", client_name="Ana",
                              start_date=date(2027, 1, 4), weeks=8)
    result = build_program_pdf(document, Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert all(f"Exercise {n:02d}" in text for n in range(60))
    # Two blocks of four weeks, each split over pages, the header row on every page.
    assert text.count("# Exercise Week 1") >= 2 and text.count("# Exercise Week 5") >= 2
    assert len(PdfReader(result.path).pages) == result.pages


@pytest.mark.parametrize(("brand", "field"), [
    ({"primary_color": "red"}, "primary_color"),
    ({"accent_color": "#12345"}, "accent_color"),
    ({"paper": "A5"}, "paper"),
    ({"units": "stone"}, "units"),
    ({"business_name": "Run\nStrong"}, "business_name"),
    ({"email": "not an address"}, "email"),
    ({"colour": "#ffffff"}, "colour"),
    ({"footer": 5}, "footer"),
])
def test_a_bad_brand_file_is_a_validation_error_naming_the_key(brand, field) -> None:
    with pytest.raises(ValidationError) as caught:
        Brand.from_mapping(brand)
    assert caught.value.field == field


def test_a_note_no_font_covers_warns_on_every_export_not_only_the_first(tmp_path) -> None:
    """Parsed notes are cached across exports; their missing glyphs are still reported."""
    from dataclasses import replace

    plain = document_full_of("Calf Raise")
    sheet = plain.exercises[0]
    noted = replace(plain, exercises=(replace(sheet, notes_markdown="Say ᏣᎳᎩ while you rise"),))
    first = build_program_pdf(noted, Brand(), tmp_path / "first.pdf")
    second = build_program_pdf(noted, Brand(), tmp_path / "second.pdf")
    assert first.warnings and "Ꮳ" in first.warnings[0]
    assert second.warnings == first.warnings
