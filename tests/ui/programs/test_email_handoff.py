"""E-mail to Client as a coach without a mail program sees it: the draft is shown in its
folder with a message, and only a draft handed to a mail program counts as sent. A plain
PDF export is "Exported", never "Last sent"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl
from coachdesk.ui.programs.area import ProgramsArea


@pytest.fixture
def area(qtbot, db: Database, tmp_path, monkeypatch) -> ProgramsArea:
    monkeypatch.setattr(ProgramsArea, "exports_dir", lambda self: tmp_path / "exports")
    widget = ProgramsArea()
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    client_id = clients.create_client(db, clients.ClientData(name="Anna Huber",
                                                             email="anna@münchen.de"))
    template_id = tpl.create_template(db, "Race week")
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    tpl.add_slot(db, template_id, "mon", nordic)
    assert widget.assign_values(client_id, template_id, date(2027, 3, 1), 4, None)
    return widget


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda _p, _t, text, *_a, **_k: shown.append(text))
    return shown


def open_url(monkeypatch, answer_for_drafts: bool) -> list[str]:
    """QDesktopServices.openUrl recording each path; an .eml opens only if told so."""
    calls: list[str] = []

    def fake(url) -> bool:
        calls.append(url.toLocalFile())
        return answer_for_drafts if url.toLocalFile().endswith(".eml") else True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake)
    return calls


def last_column(area: ProgramsArea, title: str) -> str:
    model = area.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == title)
    return model.index(0, column).data()


def test_without_a_mail_program_the_draft_is_shown_in_its_folder_and_not_marked_sent(
        area, db, qtbot, monkeypatch, messages) -> None:
    calls = open_url(monkeypatch, answer_for_drafts=False)
    qtbot.mouseClick(area.email_button, Qt.MouseButton.LeftButton)
    drafts = list((area.exports_dir()).glob("*.eml"))
    assert len(drafts) == 1
    draft = drafts[0]
    assert calls == [str(draft), str(draft.parent)]  # the draft, then its folder
    assert len(messages) == 1
    assert draft.name in messages[0] and str(draft.parent) in messages[0]
    assert "mail program" in messages[0]
    row = programs.list_programs(db)[0]
    assert row.status == "exported" and row.emailed_at is None
    assert clients.list_clients(db)[0].last_sent is None
    assert last_column(area, "Last sent") == "—"


def test_a_draft_handed_to_a_mail_program_marks_the_program_emailed(
        area, db, qtbot, monkeypatch, messages) -> None:
    calls = open_url(monkeypatch, answer_for_drafts=True)
    qtbot.mouseClick(area.email_button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1 and calls[0].endswith(".eml")
    assert messages == []
    row = programs.list_programs(db)[0]
    assert row.status == "emailed" and row.emailed_at is not None
    assert clients.list_clients(db)[0].last_sent is not None
    assert last_column(area, "Last sent") != "—"


def test_a_plain_pdf_export_is_exported_not_last_sent(area, db, qtbot, tmp_path,
                                                     monkeypatch, messages) -> None:
    target = tmp_path / "anna.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    assert Path(target).read_bytes().startswith(b"%PDF")
    row = programs.list_programs(db)[0]
    assert row.status == "exported" and row.exported_at is not None
    assert clients.list_clients(db)[0].last_sent is None
    assert clients.get_client(db, row.client_id).last_sent is None
    assert last_column(area, "Status") == "Exported"
    assert last_column(area, "Last sent") == "—"


def test_the_draft_carries_the_programs_calendar_and_a_resend_keeps_its_uids(
        area, db, qtbot, monkeypatch, messages) -> None:
    """E-mail to Client attaches the sessions as an .ics beside the PDF: 4 weeks × the
    Monday session, on Mondays; sending again gives the same UIDs (the calendar updates)."""
    import email
    from email.policy import default

    from icalendar import Calendar

    open_url(monkeypatch, answer_for_drafts=True)
    monkeypatch.setattr(area, "confirm_replace", lambda _paths: True)

    def send() -> Calendar:
        qtbot.mouseClick(area.email_button, Qt.MouseButton.LeftButton)
        draft = next(area.exports_dir().glob("*.eml"))
        message = email.message_from_bytes(draft.read_bytes(), policy=default)
        names = [part.get_filename() for part in message.iter_attachments()]
        assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".ics") for n in names)
        ics = next(p for p in message.iter_attachments() if p.get_filename().endswith(".ics"))
        return Calendar.from_ical(ics.get_content() if isinstance(ics.get_content(), bytes)
                                  else ics.get_content().encode())

    first = send()
    mondays = {e.decoded("DTSTART") for e in first.walk("VEVENT")
               if e.decoded("DTSTART").weekday() == 0}
    program_mondays = {date(2027, 3, 1 + 7 * week) for week in range(4)}
    assert program_mondays <= mondays
    uids = sorted(str(e["UID"]) for e in first.walk("VEVENT"))
    assert sorted(str(e["UID"]) for e in send().walk("VEVENT")) == uids
