"""The .eml draft: parses back with the PDF intact, placeholders filled, and no text a
coach or client typed can add a header or break the file."""

from __future__ import annotations

import email
from email.policy import default
from pathlib import Path

import pytest

from coachdesk.errors import ValidationError
from coachdesk.export.email_draft import build_email_draft, fill, header_value

PLACEHOLDERS = {"client_first_name": "Ana", "client_name": "Ana Río",
                "program_name": "Block 1", "start_date": "Monday 7 December 2026",
                "weeks": 8, "business_name": "Run Strong"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "exports"
    path.mkdir()
    return path


@pytest.fixture
def pdf(folder: Path) -> Path:
    path = folder / "Ana Río - Block 1.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3 a tiny stand-in\n" + bytes(range(256)))
    return path


def draft(tmp_path: Path, pdf: Path, **changes) -> email.message.EmailMessage:
    fields = {"to_name": "Ana Río", "to_address": "ana@example.com",
              "subject_template": "Your program: {program_name}",
              "body_template": "Hi {client_first_name},\n{program_name} starts {start_date}.",
              "placeholders": PLACEHOLDERS, "pdf_path": pdf,
              "from_address": "coach@example.com", "out_path": pdf.parent / "draft.eml"}
    fields.update(changes)
    path = build_email_draft(**fields)
    return email.message_from_bytes(path.read_bytes(), policy=default)


def test_the_draft_parses_back_with_the_attachment_byte_for_byte(tmp_path, pdf) -> None:
    path = build_email_draft("Ana Río", "ana@example.com", "{program_name} for {client_name}",
                             "Hi {client_first_name}, {weeks} weeks from {start_date}.\n"
                             "{business_name}", PLACEHOLDERS, pdf, "coach@example.com",
                             tmp_path / "out" / "draft.eml")
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "Ana Río <ana@example.com>"
    assert message["From"] == "Run Strong <coach@example.com>"
    assert message["Subject"] == "Block 1 for Ana Río"
    body = message.get_body(("plain",)).get_content()
    assert "Hi Ana, 8 weeks from Monday 7 December 2026.\nRun Strong" in body
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Ana Río - Block 1.pdf"
    assert attachment.get_content() == pdf.read_bytes()
    assert [p.name for p in path.parent.iterdir()] == ["draft.eml"]


@pytest.mark.parametrize("template", ["{unknown} {program_name}", "{0} {program_name}",
                                      "{ {program_name} }", "{program_name", "{}{{}}",
                                      "{client_name.__class__} {program_name}"])
def test_unknown_placeholders_and_stray_braces_stay_as_typed(tmp_path, pdf, template) -> None:
    message = draft(tmp_path, pdf, subject_template=template, body_template=template)
    expected = fill(template, PLACEHOLDERS)
    assert message["Subject"] == " ".join(expected.split())
    assert "{" in expected or "Block 1" in expected


@pytest.mark.parametrize("name", ["John <john@x.com>", "O'Brien, Seán", "💪 Zoë",
                                  "أمل حسن", "王小明", 'Ana "the rocket" Río', "\\ backslash"])
def test_any_name_is_quoted_or_encoded_and_reads_back_the_same(tmp_path, pdf, name) -> None:
    message = draft(tmp_path, pdf, to_name=name)
    to = message["To"]
    assert len(to.addresses) == 1
    assert to.addresses[0].display_name == name
    assert to.addresses[0].addr_spec == "ana@example.com"


@pytest.mark.parametrize("evil", [
    "Ana\r\nBcc: all@example.com", "Ana\nBcc: all@example.com", "Ana\rBcc: all@example.com",
    "=?utf-8?q?Ana=0D=0ABcc=3A_all=40example=2Ecom?=",
    "=?utf-8?b?QW5hDQpCY2M6IGFsbEBleGFtcGxlLmNvbQ==?=",
    "=?utf-8?q?=3D=3Futf-8=3Fq=3FAna=3D0ABcc=3A_all=40example=2Ecom=3F=3D?=",
    "Ana\u2028Bcc: all@example.com", "Ana\x85Bcc: all@example.com", "Ana\x00\x1b[31m",
])
def test_line_breaks_in_any_header_field_never_add_a_header(tmp_path, pdf, evil) -> None:
    message = draft(tmp_path, pdf, to_name=evil, subject_template=evil + " {program_name}",
                    placeholders={**PLACEHOLDERS, "business_name": evil})
    assert message["Bcc"] is None
    for header in ("To", "From", "Subject"):
        value = str(message[header])
        assert not any(c in value for c in "\r\n\x00\x1b\x85\u2028"), (header, value)
    assert sorted(message.keys()) == sorted(["To", "From", "Subject", "X-Unsent",
                                             "MIME-Version", "Content-Type"])


def test_header_values_decode_encoded_words_before_removing_breaks() -> None:
    assert header_value("=?utf-8?q?a=0Ab?=") == "a b"
    assert header_value("=?utf-8?q?caf=C3=A9?= time") == "café time"
    assert "\n" not in header_value("=?x-unknown?q?a=0Ab?=")
    assert header_value("plain\ttext  with   spaces") == "plain text with spaces"


@pytest.mark.parametrize(("field", "address"), [
    ("to_address", "ana@example.com\r\nBcc: x@y.z"), ("to_address", "not an address"),
    ("to_address", "a@b.com, c@d.com"), ("to_address", "a@b.com; c@d.com"),
    ("to_address", ""), ("to_address", "Ana <ana@example.com>"),
    ("to_address", "=?utf-8?q?a@b.com=0D=0ABcc:x@y.z?="), ("to_address", "ana@localhost"),
    ("from_address", "coach@example.com\nBcc: x@y.z"), ("from_address", "coach"),
])
def test_a_bad_address_is_a_clear_error_and_nothing_is_written(tmp_path, pdf, field,
                                                               address) -> None:
    with pytest.raises(ValidationError, match="not a single valid e-mail address") as caught:
        draft(tmp_path, pdf, **{field: address})
    assert caught.value.field == field
    assert [p.name for p in pdf.parent.iterdir()] == [pdf.name]


def test_a_missing_pdf_is_a_clear_error(tmp_path, folder) -> None:
    with pytest.raises(ValidationError) as caught:
        draft(tmp_path, folder / "gone.pdf")
    assert caught.value.field == "pdf_path"
    assert list(folder.iterdir()) == []


def test_the_attachment_name_is_made_safe(tmp_path, folder) -> None:
    pdf = folder / "CON..  a\x07b<>:|?.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    attachment = next(draft(tmp_path, pdf).iter_attachments())
    name = attachment.get_filename()
    assert name.endswith(".pdf") and not any(c in name for c in '\x07<>:|?/\\')


def test_the_older_values_keyword_still_works(tmp_path, pdf) -> None:
    path = build_email_draft(to_name="Ana", to_address="ana@example.com",
                             values=PLACEHOLDERS, pdf_path=pdf, out_path=tmp_path / "d.eml")
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert message["Subject"] == "Your strength program: Block 1" and message["From"] is None
