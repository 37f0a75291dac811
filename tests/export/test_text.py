"""User text and demonstration Markdown become safe ReportLab markup: escaped first,
then only our own tags added."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from coachdesk.export.styles import make_styles
from coachdesk.export.text import attribute, clip, inline, markdown_flowables, safe, safe_line

STYLES = make_styles("#1f6f5c", "#e07a2f")


def kinds(markdown: str) -> list[tuple[str, str, str | None]]:
    return [(f.style.name, f.text, getattr(f, "bulletText", None))
            for f in markdown_flowables(markdown, STYLES) if isinstance(f, Paragraph)]


def test_headings_bullets_bold_and_paragraphs() -> None:
    assert kinds("### Setup\nKneel on a pad,\nheels pinned.\n\n- Lean **forward**\n"
                 "* Resist\n1. First\n2) Second\n## Why") == [
        ("note_heading", "Setup", None),
        ("note", "Kneel on a pad, heels pinned.", None),
        ("bullet", "Lean <b>forward</b>", "•"),
        ("bullet", "Resist", "•"),
        ("bullet", "First", "1."),
        ("bullet", "Second", "2."),
        ("note_heading", "Why", None),
    ]


@pytest.mark.parametrize(("markdown", "markup"), [
    ("**<b>heavy</b>**", "<b>&lt;b&gt;heavy&lt;/b&gt;</b>"),
    ("a<b & c", "a&lt;b &amp; c"),
    ("</para><para>", "&lt;/para&gt;&lt;para&gt;"),
    ('**x" onload="y**', '<b>x" onload="y</b>'),
    ("** not bold **", "** not bold **"),
    ("**unclosed", "**unclosed"),
    ("#no heading", "#no heading"),
    ("-no bullet", "-no bullet"),
])
def test_markup_in_notes_prints_literally(markdown, markup) -> None:
    assert inline(markdown) == markup
    for flowable in markdown_flowables(markdown, STYLES):
        flowable.wrap(300, 1000)  # ReportLab accepts the markup


def test_controls_go_and_line_breaks_stay() -> None:
    assert safe("a\x00b\x1b\r\nc\u2028d\ud800") == "ab<br/>c<br/>d"
    assert safe_line("  a \n b\t c ") == "a b c"
    assert attribute('https://x.example/?a=1&b="2"') == \
        "https://x.example/?a=1&amp;b=&quot;2&quot;"


def test_characters_dejavu_lacks_get_a_fallback_font() -> None:
    assert safe("Zoë 中村 💪") == ('Zoë <font name="CoachDeskFallbackCJK">中村</font> '
                                  '<font name="CoachDeskFallbackSymbols">💪</font>')


def test_clip() -> None:
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc" and clip(None, 3) == ""


def test_empty_notes_make_no_flowables() -> None:
    assert markdown_flowables("", STYLES) == [] and markdown_flowables(None, STYLES) == []
