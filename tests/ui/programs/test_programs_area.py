"""The Programs area: assign a template to a client, see it listed, delete it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select

from coachdesk.dates import next_monday
from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, programs
from coachdesk.services import templates as tpl
from coachdesk.ui.programs.area import ProgramsArea
from coachdesk.ui.programs.assign_dialog import AssignDialog


@pytest.fixture
def area(qtbot, db: Database) -> ProgramsArea:
    widget = ProgramsArea()
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def make_week(db: Database) -> tuple[int, int]:
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))
    template_id = tpl.create_template(db, "Race week")
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    tpl.add_slot(db, template_id, "mon", nordic)
    return client_id, template_id


def test_an_empty_area_says_what_to_do(area) -> None:
    assert area.empty_state.isVisible() and not area.view.isVisible()
    assert "Assign a template" in area.empty_state.text_label.text()


def test_assigning_lists_the_program(area, db) -> None:
    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2026, 12, 7), 8, None)
    assert program_id is not None
    assert area.view.isVisible()
    assert area.model.rowCount() == 1
    row = [area.model.index(0, c).data() for c in range(area.model.columnCount())]
    assert row[:6] == ["Ana", "Race week", "07 Dec 2026", "31 Jan 2027", "8", "Draft"]
    assert area.selected_id() == program_id


def test_the_dialog_prefills_client_template_and_next_monday(qtbot, db) -> None:
    client_id, template_id = make_week(db)
    dialog = AssignDialog(clients.list_clients(db), tpl.list_templates(db), client_id,
                          template_id)
    qtbot.addWidget(dialog)
    client, template, start, weeks, name = dialog.values()
    assert (client, template, weeks, name) == (client_id, template_id, 8, None)
    assert start == next_monday() and start.weekday() == 0


def test_an_empty_template_is_refused_with_a_message(area, db, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    client_id, _ = make_week(db)
    empty = tpl.create_template(db, "Empty")
    assert area.assign_values(client_id, empty, date(2026, 12, 7), 4, None) is None
    assert "no exercises" in shown[0]
    assert programs.list_programs(db) == []


def test_delete_asks_first(area, db, monkeypatch) -> None:
    client_id, template_id = make_week(db)
    area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    area.delete_selected()
    assert len(programs.list_programs(db)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.delete_selected()
    assert programs.list_programs(db) == []


def test_export_pdf_and_email_record_the_status(area, db, tmp_path, monkeypatch) -> None:
    import email as email_lib
    from email.policy import default

    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
                        or True)
    monkeypatch.setattr(ProgramsArea, "exports_dir", lambda self: tmp_path / "exports")
    client_id, template_id = make_week(db)
    clients.update_client(db, client_id, clients.ClientData(name="Ana", email="ana@example.com"))
    area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    pdf = area.export_pdf(tmp_path / "ana.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert programs.list_programs(db)[0].status == "exported"
    draft = area.email_selected()
    assert draft is not None and draft.suffix == ".eml" and opened == [str(draft)]
    message = email_lib.message_from_bytes(draft.read_bytes(), policy=default)
    assert message["To"] == "Ana <ana@example.com>" and message["X-Unsent"] == "1"
    assert programs.list_programs(db)[0].status == "emailed"


def test_email_without_an_address_says_so(area, db, tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(ProgramsArea, "exports_dir", lambda self: tmp_path / "exports")
    client_id, template_id = make_week(db)
    area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    assert area.email_selected() is None
    assert "no e-mail address" in shown[0]


def test_batch_export_runs_off_the_gui_thread_and_can_cancel(area, db, tmp_path, qtbot,
                                                             monkeypatch) -> None:
    texts: list[str] = []
    monkeypatch.setattr(ProgramsArea, "batch_finished", lambda self, text: texts.append(text))
    template_id = make_week(db)[1]
    for name in ("Ben", "Cleo", "Dan"):
        client_id = clients.create_client(db, clients.ClientData(name=name))
        programs.assign_program(db, template_id, client_id, date(2026, 12, 7), 4)
    archived = clients.create_client(db, clients.ClientData(name="Old"))
    programs.assign_program(db, template_id, archived, date(2026, 12, 7), 4)
    clients.set_archived(db, archived, True)
    batch = area.export_batch(tmp_path / "all")
    with qtbot.waitSignal(batch.done, timeout=30_000) as finished:
        pass
    assert sum(item.ok for item in finished.args[0]) == 3
    assert len(list((tmp_path / "all").glob("*.pdf"))) == 3
    assert texts == ["Exported 3 of 3 programs."]

    batch = area.export_batch(tmp_path / "cancelled", start=False)
    # Press cancel while the second program is being exported (in the worker's thread).
    batch.worker.progress.connect(lambda done, _t, _n: batch.cancel() if done == 1 else None,
                                  Qt.ConnectionType.DirectConnection)
    batch.start()
    with qtbot.waitSignal(batch.done, timeout=30_000) as cancelled:
        pass
    assert [item.ok for item in cancelled.args[0]] == [True, True]
    assert texts[-1] == "Exported 2 of 3 programs.\nCancelled before 1 more."
    assert len(list((tmp_path / "cancelled").glob("*.pdf"))) == 2
    assert not list((tmp_path / "cancelled").glob(".coachdesk-*"))


def test_progression_is_edited_per_slot_and_reaches_the_pdf(area, db, tmp_path) -> None:
    from pypdf import PdfReader

    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    dialog = area.progression_dialog()
    dialog.table.cellWidget(0, 2).setCurrentIndex(1)  # Nordic Curl: add reps
    dialog.table.cellWidget(0, 4).setText("3: slower on the way down")
    dialog.deload.setValue(4)
    assert dialog.try_save()
    stored = programs.program_progression(db, program_id)
    assert stored["deload_week"] == 4
    assert stored["slots"]["mon:0"]["kind"] == "add_reps"
    assert stored["slots"]["mon:0"]["notes"] == {"3": "slower on the way down"}
    pdf = area.export_pdf(tmp_path / "p.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    # Week 4 is the deload: 2 sets of week 3's 7 reps, never 8.
    assert all(cell in text for cell in ("3 × 5", "3 × 6", "3 × 7", "2 × 7 Deload", "deload"))
    assert "2 × 8" not in text
    assert "slower on the way down" in text


def test_add_load_on_a_bodyweight_exercise_is_refused_beside_the_slot(area, db) -> None:
    client_id, template_id = make_week(db)  # Monday: Nordic Curl, a bodyweight exercise
    program_id = area.assign_values(client_id, template_id, date(2026, 12, 7), 8, None)
    dialog = area.progression_dialog()
    kind = dialog.table.cellWidget(0, 2)
    kind.setCurrentIndex(kind.findData("add_load"))
    # Shown at once, in the slot's own row, beside the progression it is about.
    message = dialog.row_error("mon:0")
    assert "bodyweight" in message and "add reps" in message and "hold time" in message
    assert dialog.table.cellWidget(0, 5).text() == message and kind.toolTip() == message
    assert not dialog.try_save()  # refused, and no crash
    assert "bodyweight" in dialog.row_error("mon:0") and dialog.error.text()
    assert programs.program_progression(db, program_id) == {}
    kind.setCurrentIndex(kind.findData("add_reps"))
    assert dialog.row_error("mon:0") == "" and kind.toolTip() == ""
    assert dialog.try_save()
    assert programs.program_progression(db, program_id)["slots"]["mon:0"]["kind"] == "add_reps"


def test_add_load_without_a_starting_load_says_what_to_do(area, db) -> None:
    client_id, template_id = make_week(db)
    with db.read() as session:
        calf = session.scalars(select(Exercise.id).where(Exercise.name == "Calf Raise")).one()
    tpl.add_slot(db, template_id, "mon", calf, fields=tpl.SlotFields(sets=3, reps=15))
    area.assign_values(client_id, template_id, date(2026, 12, 7), 8, None)
    dialog = area.progression_dialog()
    kind = dialog.table.cellWidget(1, 2)
    kind.setCurrentIndex(kind.findData("add_load"))
    assert not dialog.try_save()
    assert "give a starting load such as 20 kg" in dialog.row_error("mon:1")
    assert dialog.row_error("mon:0") == ""


def test_email_drafts_for_two_clients_of_the_same_name_do_not_collide(
        area, db, tmp_path, qtbot, monkeypatch) -> None:
    """Pressing "E-mail to Client…" for two clients both named Sam Jones writes two PDFs and
    two drafts; pressing it again asks before replacing, and "No" keeps the files."""
    import email as email_lib
    from email.policy import default

    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    monkeypatch.setattr(ProgramsArea, "exports_dir", lambda self: tmp_path / "exports")
    template_id = make_week(db)[1]
    for address in ("sam.one@example.com", "sam.two@example.com"):
        client_id = clients.create_client(db, clients.ClientData(name="Sam Jones",
                                                                 email=address))
        area.assign_values(client_id, template_id, date(2026, 12, 7), 4, None)
    area.refresh()
    for row in range(area.model.rowCount()):
        area.view.selectRow(row)
        qtbot.mouseClick(area.email_button, Qt.MouseButton.LeftButton)
    drafts = sorted((tmp_path / "exports").glob("*.eml"))
    assert len(drafts) == 2 and len(list((tmp_path / "exports").glob("*.pdf"))) == 2
    to = {email_lib.message_from_bytes(d.read_bytes(), policy=default)["To"].addresses[0]
          .addr_spec for d in drafts}
    assert to == {"sam.one@example.com", "sam.two@example.com"}

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    before = {d: d.read_bytes() for d in drafts}
    qtbot.mouseClick(area.email_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "already exist" in asked[0]
    assert {d: d.read_bytes() for d in drafts} == before


def test_the_assign_button_opens_the_dialog_with_nothing_preselected(area, db, qtbot,
                                                                      monkeypatch) -> None:
    """clicked(False) must not arrive as a client id."""
    from coachdesk.ui.programs.assign_dialog import AssignDialog

    seen: list[tuple] = []
    original = AssignDialog.__init__

    def spy(self, clients, templates, client_id=None, template_id=None, parent=None):
        seen.append((client_id, template_id))
        original(self, clients, templates, client_id, template_id, parent)

    monkeypatch.setattr(AssignDialog, "__init__", spy)
    monkeypatch.setattr(AssignDialog, "exec", lambda self: AssignDialog.DialogCode.Rejected)
    qtbot.mouseClick(area.assign_button, Qt.MouseButton.LeftButton)
    assert seen == [(None, None)]


def test_a_program_reads_week_by_week_and_a_week_is_set_by_hand(area, db, qtbot,
                                                                monkeypatch) -> None:
    from coachdesk.ui.programs.weeks_view import OverrideDialog

    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2027, 1, 4), 6, None)
    programs.set_progression(db, program_id, {"slots": {"mon:0": {"kind": "add_reps",
                                                                  "step": 1}},
                                              "deload_week": 4})
    area.resize(1280, 720)
    area.refresh(program_id)
    table = area.weeks.table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 40)
    model = table.model()
    assert model.columnCount() == 6 and "deload" in model.headerData(
        3, Qt.Orientation.Horizontal)
    assert "deload" in model.index(0, 3).data()

    def fill(dialog: OverrideDialog) -> int:
        dialog.sets.setValue(4)
        dialog.load.setText("22.5 kg")
        return OverrideDialog.DialogCode.Accepted

    monkeypatch.setattr(OverrideDialog, "exec", fill)
    rect = table.visualRect(model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cell = table.model().index(0, 1).data()
    assert cell.startswith("4 × ") and "22.5 kg" in cell and "✎" in cell
    assert programs.program_view(db, program_id).slots[0].overridden == {2}


def test_enter_on_a_week_opens_the_same_override(area, db, qtbot, monkeypatch) -> None:
    from coachdesk.ui.programs.weeks_view import OverrideDialog

    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2027, 1, 4), 4, None)
    area.refresh(program_id)
    opened: list[str] = []
    monkeypatch.setattr(OverrideDialog, "exec",
                        lambda d: opened.append(d.windowTitle()) or 0)
    table = area.weeks.table
    table.setCurrentIndex(table.model().index(0, 2))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == ["Nordic Curl · week 3"]


def test_the_preview_button_shows_every_page_of_the_pdf(area, db, qtbot, monkeypatch,
                                                        tmp_path) -> None:
    from pypdf import PdfReader

    from coachdesk.services.export import export_program_pdf
    from coachdesk.ui.programs.preview import PdfPreviewDialog

    client_id, template_id = make_week(db)
    program_id = area.assign_values(client_id, template_id, date(2027, 1, 4), 8, None)
    area.refresh(program_id)
    shown: list[PdfPreviewDialog] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda d: shown.append(d) or 0)
    qtbot.mouseClick(area.preview_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    expected = len(PdfReader(export_program_pdf(db, program_id, tmp_path / "p.pdf").path)
                   .pages)
    dialog = shown[0]
    assert len(dialog.page_labels) == expected > 1
    first = dialog.pages[0]
    assert first.width() >= 700 and first.height() > first.width()  # a portrait page
    # Not blank: the page has dark (text) pixels.
    assert any(first.pixelColor(x, y).lightness() < 100
               for x in range(0, first.width(), 7) for y in range(0, first.height(), 7))


def test_every_button_shows_its_whole_label_in_a_narrow_window(area, qtbot) -> None:
    """At 200 % a 1920×1080 window leaves the area about 830 logical pixels: seen under Xvfb,
    the one row of buttons cut "Assign Template…" and "E-mail to Client…" to fragments."""
    assert area.minimumSizeHint().width() <= 820
    area.resize(820, 600)
    area.show()
    qtbot.waitExposed(area)
    buttons = [b for b in area.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 8
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        placed = QRect(button.mapTo(area, QPoint(0, 0)), button.size())
        assert area.rect().contains(placed), button.text()
