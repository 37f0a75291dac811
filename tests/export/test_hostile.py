"""Whatever a coach or client types, the PDF and the draft come out whole."""

from __future__ import annotations

import email
import json
import re
from email.policy import default
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from coachdesk.errors import ValidationError
from coachdesk.export.document import Brand
from coachdesk.export.email_draft import build_email_draft, header_value
from coachdesk.export.filenames import safe_filename
from coachdesk.export.pdf import build_program_pdf

from .conftest import make_document

HOSTILE = ["<b>heavy", "Push & Pull", "a<b", "John <john@x.com>", "</para>", "💪🏃‍♀️",
           "Олена Коваль", "Ахмед"]


def week_with(name: str, notes: str, slots: int = 2) -> str:
    entries = [{"exercise": "Calf Raise", "sets": 3, "reps": 12, "notes": notes}] * slots
    return json.dumps({"format": "coachdesk-template", "version": 1, "name": name,
                       "titles": {"mon": name}, "days": {"mon": entries}})


def text_of(path: Path) -> str:
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", raw.replace("\u200b", ""))


@pytest.mark.parametrize("value", HOSTILE)
def test_markup_and_scripts_in_names_and_notes_stay_intact(tmp_path, value) -> None:
    doc = make_document(week_with(value, f"Cue: {value}"), client=value, program=value)
    result = build_program_pdf(doc, Brand(business_name=value, footer=value), tmp_path / "p.pdf")
    assert value in text_of(result.path)


@pytest.mark.parametrize("value", ["أمل حسن", "王小明"])
def test_arabic_and_cjk_names_make_a_valid_pdf(tmp_path, value) -> None:
    doc = make_document(week_with("Week", "notes"), client=value)
    result = build_program_pdf(doc, Brand(), tmp_path / "p.pdf")
    assert len(PdfReader(result.path).pages) == result.pages >= 3


def test_long_notes_an_endless_word_and_sixty_exercises(tmp_path) -> None:
    long_notes = ("Keep the knee over the toes. " * 180)[:5000]
    endless = "x" * 3000
    doc = make_document(week_with("Marathon block", long_notes, slots=30), weeks=12)
    result = build_program_pdf(doc, Brand(), tmp_path / "long.pdf")
    assert "Keep the knee over the toes" in text_of(result.path)
    doc = make_document(week_with("Endless", endless, slots=60), weeks=4)
    result = build_program_pdf(doc, Brand(), tmp_path / "endless.pdf")
    text = text_of(result.path).replace(" ", "")
    assert "x" * 200 in text
    assert text.count("CalfRaise") >= 60


def draft(tmp_path: Path, **changes) -> Path:
    pdf = tmp_path / "program.pdf"
    if not pdf.exists():
        pdf.write_bytes(b"%PDF-1.4\n% a tiny stand-in\n")
    fields = {"to_name": "Ana Río", "to_address": "ana@example.com", "values": {
        "client_first_name": "Ana", "program_name": "Block 1", "start_date": "7 Dec",
        "weeks": "8", "business_name": "Run Strong"}, "pdf_path": pdf,
        "out_path": tmp_path / "draft.eml"}
    fields.update(changes)
    return build_email_draft(**fields)


def test_the_draft_parses_back_with_the_attachment_intact(tmp_path) -> None:
    path = draft(tmp_path, subject_template="{program_name} for {client_first_name} {unknown}")
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "Ana Río <ana@example.com>"
    assert message["Subject"] == "Block 1 for Ana {unknown}"
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == (tmp_path / "program.pdf").read_bytes()
    assert "Hi Ana" in message.get_body(("plain",)).get_content()


@pytest.mark.parametrize("name", ["Ana\r\nBcc: all@example.com", "Ana\nX-Evil: 1",
                                  "=?utf-8?q?Ana=0D=0ABcc=3A_all=40example=2Ecom?=",
                                  "John <john@x.com>", "Ana\u2028Bcc: x@y.z"])
def test_line_breaks_in_header_fields_never_add_headers(tmp_path, name) -> None:
    path = draft(tmp_path, to_name=name, subject_template=name + " {program_name}")
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    assert len(message.get_all("To")) == 1


@pytest.mark.parametrize("address", ["ana@example.com\r\nBcc: x@y.z", "not an address",
                                     "a@b.com, c@d.com", ""])
def test_a_bad_recipient_address_is_a_clear_error(tmp_path, address) -> None:
    with pytest.raises(ValidationError, match="not a single valid e-mail address"):
        draft(tmp_path, to_address=address)
    assert not (tmp_path / "draft.eml").exists()


def test_header_values_lose_encoded_newlines() -> None:
    assert header_value("=?utf-8?q?a=0Ab?=") == "a b"


@given(st.text(max_size=200))
def test_safe_file_names_are_never_paths_or_empty(text: str) -> None:
    name = safe_filename(text)
    assert name and "/" not in name and "\\" not in name
    assert not any(ord(c) < 32 for c in name)
    assert len(name) <= 90
    assert name not in (".", "..")
