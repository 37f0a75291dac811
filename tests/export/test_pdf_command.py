"""``coachdesk pdf``: a PDF (and a draft) from a template file, or a clear exit 2."""

from __future__ import annotations

import email
import io
import json
from email.policy import default
from pathlib import Path

from pypdf import PdfReader

from coachdesk.commands.pdf import run

WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "client": {"name": "Ana Río", "goal": "race"},
        "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}


def files(tmp_path: Path, brand: object = None) -> tuple[str, str | None]:
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(WEEK), encoding="utf-8")
    brand_path = None
    if brand is not None:
        brand_path = tmp_path / "brand.json"
        brand_path.write_text(json.dumps(brand) if not isinstance(brand, str) else brand,
                              encoding="utf-8")
    return str(template), str(brand_path) if brand_path else None


def test_pdf_and_draft_from_a_template_file(tmp_path) -> None:
    template, brand = files(tmp_path, {"business_name": "Run Strong", "paper": "Letter",
                                       "primary_color": "#224466", "email": "c@example.com"})
    out, eml = tmp_path / "out.pdf", tmp_path / "out.eml"
    code = run(template, str(out), 6, "2027-01-04", brand, str(eml), "ana@example.com",
               io.StringIO(), io.StringIO())
    assert code == 0
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Ana Río" in text and "Run Strong" in text and "Week 6" in text
    message = email.message_from_bytes(eml.read_bytes(), policy=default)
    assert message["To"] == "Ana Río <ana@example.com>"
    assert next(message.iter_attachments()).get_content() == out.read_bytes()


def test_invalid_input_exits_2_with_a_clear_message(tmp_path) -> None:
    template, brand = files(tmp_path, {"paper": "A5"})
    cases = [
        (template, 4, None, brand, None, None, "Paper must be one of A4, Letter"),
        (template, 0, None, None, None, None, "--weeks: must be from 1 to 52"),
        (template, 4, "next week", None, None, None, "--start"),
        (template, 4, None, None, str(tmp_path / "x.eml"), None, "--to: is needed"),
        (template, 4, None, None, str(tmp_path / "x.eml"), "not-an-address", "not a single"),
        (str(tmp_path / "missing.json"), 4, None, None, None, None, "cannot be read"),
    ]
    for template_path, weeks, start, brand_path, eml, to, words in cases:
        err = io.StringIO()
        code = run(template_path, str(tmp_path / "o.pdf"), weeks, start, brand_path, eml, to,
                   io.StringIO(), err)
        assert code == 2, words
        assert words in err.getvalue(), (words, err.getvalue())
        assert "Traceback" not in err.getvalue()
