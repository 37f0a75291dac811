"""E-mail addresses are checked by email-validator (offline): an international domain goes
into the draft as punycode, and an address a mail server would bounce is refused first."""

from __future__ import annotations

import email
import json
from email.policy import default
from pathlib import Path

import pytest

from coachdesk import cli, validation
from coachdesk.errors import ValidationError
from coachdesk.export.email_draft import build_email_draft
from coachdesk.services import clients

WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "client": {"name": "Anna Huber", "goal": "race"},
        "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}
BAD = ["jo..e@example.com", "anna@", "anna@münchen", ".anna@example.com", "an na@example.com"]


def read(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=default)


def template_file(tmp_path: Path) -> str:
    path = tmp_path / "week.coachdesk.json"
    path.write_text(json.dumps(WEEK), encoding="utf-8")
    return str(path)


def test_an_international_domain_goes_into_the_draft_as_punycode(tmp_path) -> None:
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    draft = build_email_draft(to_name="Anna Huber", to_address="anna@münchen.de",
                              from_address="coach@straße.de", pdf_path=pdf,
                              out_path=tmp_path / "draft.eml")
    message = read(draft)
    assert message["To"].addresses[0].addr_spec == "anna@xn--mnchen-3ya.de"
    assert message["From"].addresses[0].addr_spec == "coach@xn--strae-oqa.de"
    assert b"anna@xn--mnchen-3ya.de" in draft.read_bytes()
    assert b"=?utf-8?q?m=C3=BCnchen?=" not in draft.read_bytes()


@pytest.mark.parametrize("bad", BAD)
def test_an_address_a_server_would_bounce_is_refused_and_nothing_written(tmp_path,
                                                                        bad) -> None:
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    with pytest.raises(ValidationError) as refused:
        build_email_draft(to_name="Jo", to_address=bad, pdf_path=pdf,
                          out_path=tmp_path / "draft.eml")
    assert refused.value.field == "to_address"
    assert not (tmp_path / "draft.eml").exists()


@pytest.mark.parametrize("bad", BAD)
def test_the_roster_and_brand_refuse_the_same_addresses(bad) -> None:
    with pytest.raises(ValidationError) as refused:
        validation.email(bad)
    assert refused.value.field == "email" and "not a valid e-mail" in refused.value.message


def test_a_client_with_two_dots_in_a_row_is_refused_naming_the_email(db) -> None:
    with pytest.raises(ValidationError) as refused:
        clients.create_client(db, clients.ClientData(name="Jo", email="jo..e@example.com"))
    assert refused.value.field == "email"
    assert clients.list_clients(db) == []


def test_coachdesk_pdf_refuses_a_bad_to_address_before_writing_anything(tmp_path,
                                                                       capsys) -> None:
    out, eml = tmp_path / "out.pdf", tmp_path / "out.eml"
    code = cli.main(["pdf", template_file(tmp_path), "-o", str(out), "--eml", str(eml),
                     "--to", "jo..e@example.com"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "--to" in err and "jo..e@example.com" in err
    assert "Traceback" not in err
    assert not out.exists() and not eml.exists()


def test_coachdesk_pdf_writes_an_international_address_as_punycode(tmp_path, capsys) -> None:
    eml = tmp_path / "out.eml"
    code = cli.main(["pdf", template_file(tmp_path), "-o", str(tmp_path / "out.pdf"),
                     "--eml", str(eml), "--to", "anna@münchen.de"])
    assert code == 0, capsys.readouterr().err
    assert read(eml)["To"].addresses[0].addr_spec == "anna@xn--mnchen-3ya.de"
