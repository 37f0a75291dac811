"""Demonstration notes are Markdown (CommonMark, raw HTML off), printed as formatting:
``_italic_``, ``**bold**``, lists and links never print their markers, and whatever
markup a note holds prints as the text it is."""

from __future__ import annotations

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from coachdesk.export.document import Brand, ExerciseSheet, ProgramDocument
from coachdesk.export.pdf import build_program_pdf
from coachdesk.export.styles import make_styles
from coachdesk.export.text import markdown_flowables

from .conftest import make_document, pdf_text

STYLES = make_styles("#1f6f5c", "#e07a2f")
NOTES = ("Keep _soft_ knees and **drive** up.\n\n- one *slow* rep\n- two\n\n"
         "3. third\n4. fourth\n\nSee [the video](https://example.com/v?a=1&b=2).")


def with_notes(notes: str) -> ProgramDocument:
    document = make_document()
    sheets = tuple(ExerciseSheet(name=e.name, notes_markdown=notes)
                   for e in document.exercises)
    return ProgramDocument(document.program_name, document.client, document.start_date,
                           document.weeks, document.days, sheets)


def link_targets(path) -> list[str]:
    targets = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def paragraphs(markdown: str) -> list[Paragraph]:
    """The note's paragraphs, as ReportLab parsed them (``frags``: font and text runs)."""
    return [f for f in markdown_flowables(markdown, STYLES) if isinstance(f, Paragraph)]


def test_italic_bold_lists_and_links_print_as_formatting(tmp_path) -> None:
    result = build_program_pdf(with_notes(NOTES), Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count("Keep soft knees and drive up.") == 4
    assert text.count("one slow rep") == 4 and text.count("See the video.") == 4
    for marker in ("_soft_", "**drive**", "*slow*", "- one", "[the video]", "(https://"):
        assert marker not in text
    assert link_targets(result.path).count("https://example.com/v?a=1&b=2") == 4


def test_the_pieces_become_reportlab_markup() -> None:
    found = paragraphs(NOTES)
    assert [p.text for p in found][:2] == ["Keep <i>soft</i> knees and <b>drive</b> up.",
                                           "one <i>slow</i> rep"]
    assert [getattr(p, "bulletText", None) for p in found[1:5]] == ["•", "•", "3.", "4."]
    assert '<a href="https://example.com/v?a=1&amp;b=2"' in found[-1].text


def test_markup_and_unsafe_links_in_a_note_print_as_text(tmp_path) -> None:
    hostile = ('<font color=red>red</font> <b>heavy & </para> '
               "[click](javascript:alert(1)) [file](file:///etc/passwd) ![pic](/etc/x.png)")
    result = build_program_pdf(with_notes(hostile), Brand(), tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert text.count("<font color=red>red</font> <b>heavy & </para>") == 4
    assert "javascript:alert(1)" in text and "file:///etc/passwd" in text
    assert link_targets(result.path) == []


def test_every_character_in_italic_or_bold_has_a_glyph_in_the_font_drawing_it() -> None:
    # DejaVu Sans Oblique has no Arabic or Hebrew: those letters keep the upright face.
    for paragraph in paragraphs("_تمرين סקוואט 中村 💪 Zoë_ **한 다리** ***كل***"):
        for frag in paragraph.frags:
            assert frag.text
            glyphs = pdfmetrics.getFont(frag.fontName).face.charToGlyph
            assert [c for c in frag.text if ord(c) not in glyphs and not c.isspace()] == []


def test_a_hostile_note_cannot_break_the_build(tmp_path) -> None:
    hostile = "\n".join([
        "> " * 60 + "deep quote", "  " * 40 + "- " * 60 + "deep list",
        "[" * 500 + "]" * 500, "*" * 3000, "_" * 3000 + "x", "# " + "y" * 5000,
        "```\n" + "code <b>\n" * 200 + "```", "| a | b |\n|---|---|", "&#0; &#x110000; &bogus;",
    ])
    result = build_program_pdf(with_notes(hostile), Brand(), tmp_path / "p.pdf")
    assert result.pages >= 2 and "deep quote" in pdf_text(result.path)
