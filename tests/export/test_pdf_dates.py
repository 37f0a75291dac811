"""Dates in the PDF and the e-mail follow the "PDF language" setting (English unless the
coach chooses), never the desktop's locale that Qt switches the process to."""

from __future__ import annotations

import locale
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import export as export_svc
from coachdesk.services import settings as settings_svc
from coachdesk.services import templates as tpl

from .conftest import pdf_text

GERMAN = {"January": "Januar", "February": "Februar", "March": "März", "May": "Mai",
          "June": "Juni", "July": "Juli", "October": "Oktober", "December": "Dezember",
          "Mar": "Mär", "Monday": "Montag", "Tuesday": "Dienstag", "Sunday": "Sonntag"}


@pytest.fixture
def german_desktop(qapp, monkeypatch):
    """The process as Qt leaves it on a German desktop: LC_TIME German. The real locale
    when the system has it, else ``time.strftime`` (which ``date.strftime`` calls) giving
    German names."""
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
    except locale.Error:
        english = time.strftime

        def german(fmt: str, *args: object) -> str:
            text = english(fmt, *args)
            for word in sorted(GERMAN, key=len, reverse=True):
                text = text.replace(word, GERMAN[word])
            return text

        monkeypatch.setattr(time, "strftime", german)
    assert date(2027, 3, 1).strftime("%B") == "März"
    yield
    locale.setlocale(locale.LC_ALL, before)


def make_program(db: Database) -> int:
    client_id = clients.create_client(db, clients.ClientData(name="Anna Huber",
                                                             email="anna@example.com"))
    template_id = tpl.create_template(db, "Base block")
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    tpl.add_slot(db, template_id, "mon", nordic)
    return programs.assign_program(db, template_id, client_id, date(2027, 3, 1), 6)


def choose_language(db: Database, language: str) -> None:
    settings_svc.save_settings(db, settings_svc.load_settings(db).with_changes(
        pdf_language=language))


def test_a_pdf_made_in_the_app_on_a_german_desktop_says_march(db, german_desktop,
                                                             tmp_path: Path) -> None:
    program_id = make_program(db)
    result = export_svc.export_program_pdf(db, program_id, tmp_path / "anna.pdf")
    text = pdf_text(result.path)
    assert "1 March 2027" in text and "11 April 2027" in text
    assert "8 Mar" in text  # the week table's short dates
    assert "März" not in text and "Mär " not in text


def test_with_the_pdf_language_german_the_dates_are_german(db, german_desktop,
                                                           tmp_path: Path) -> None:
    program_id = make_program(db)
    choose_language(db, "de")
    text = pdf_text(export_svc.export_program_pdf(db, program_id, tmp_path / "anna.pdf").path)
    assert "1. März 2027" in text and "11. April 2027" in text
    assert "March" not in text


@pytest.mark.parametrize(("language", "words"), [("fr", "1 mars 2027"),
                                                 ("es", "1 de marzo de 2027"),
                                                 ("nl", "1 maart 2027"),
                                                 ("sv", "1 mars 2027")])
def test_other_pdf_languages(db, tmp_path: Path, language, words) -> None:
    program_id = make_program(db)
    choose_language(db, language)
    text = pdf_text(export_svc.export_program_pdf(db, program_id, tmp_path / "anna.pdf").path)
    assert words in text


def test_the_e_mail_date_follows_the_pdf_language(db, german_desktop, tmp_path: Path) -> None:
    import email
    from email.policy import default

    program_id = make_program(db)
    pdf = export_svc.export_program_pdf(db, program_id, tmp_path / "anna.pdf").path
    draft = export_svc.email_program(db, program_id, pdf, tmp_path / "anna.eml")
    body = email.message_from_bytes(draft.read_bytes(), policy=default).get_body().get_content()
    assert "Monday 1 March 2027" in body and "März" not in body
    choose_language(db, "de")
    draft = export_svc.email_program(db, program_id, pdf, tmp_path / "anna.eml",
                                     overwrite=True)
    body = email.message_from_bytes(draft.read_bytes(), policy=default).get_body().get_content()
    assert "Montag, 1. März 2027" in body


def test_an_unknown_pdf_language_is_refused_naming_the_setting() -> None:
    from coachdesk.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        settings_svc.CoachSettings(pdf_language="xx").validated()
    assert refused.value.field == "pdf_language" and "PDF language" in refused.value.message
