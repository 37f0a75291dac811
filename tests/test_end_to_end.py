"""A coach's whole day through the UI: a new runner, a week built by drag and drop until the
balance panel is clear, an 8-week program, the PDF and the e-mail draft."""

from __future__ import annotations

import email
from email.policy import default
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices

from coachdesk.services import programs
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.programs.area import ProgramsArea
from coachdesk.ui.programs.assign_dialog import AssignDialog
from tests.ui.conftest import press_new_template

from .ui.builder.dnd import drop_on_day

MONDAY = ["Nordic Curl", "ATG Split Squat", "Side-Lying Hip Abduction", "Calf Raise",
          "Dead Bug", "Push-Up"]
# Single-Leg Balance works the feet and ankles as a prime mover (the toe touch is a hinge).
THURSDAY = ["Single-Leg Toe Touch", "Bulgarian Split Squat", "Tibialis Raise",
            "Single-Leg Balance", "Pallof Press", "Inverted Row"]


def library_drag(window: MainWindow, names: list[str]):
    """The MIME data the Library area's list offers when these rows are dragged."""
    library = window.show_area("library")
    model = library.model
    rows = [model.row_of_key(next(r.id for r in model.all_rows if r.name == name))
            for name in names]
    return model.mimeData([model.index(row, 0) for row in rows])


def test_a_coachs_day(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = MainWindow(str(tmp_path / "studio.sqlite3"))
    window.resize(1600, 950)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=30_000):
        window.show()

    # 1. A new runner: shin splints, strength stage, racing a half marathon.
    roster = window.show_area("clients")
    roster.new_client()
    form = roster.form
    form.name.setText("Ana Río")
    form.email.setText("ana@example.com")
    form.goal.setCurrentIndex(form.goal.findData("race"))
    form.distance.setCurrentIndex(form.distance.findData("half"))
    form.stage_buttons["strength"].setChecked(True)
    form.injury_boxes["shin_splints"].setChecked(True)
    form.save_button.click()
    assert roster.current_id is not None

    # 2. A two-day week dragged from the library, checked against Ana.
    builder = window.show_area("templates")
    press_new_template(qtbot, builder, "Race prep 2×")  # the New button and its prompt
    builder.balance.reload_clients()
    builder.balance.choose_client(roster.current_id)
    assert builder.balance.report.findings  # an empty week is not clear
    for weekday, names in (("mon", MONDAY), ("thu", THURSDAY)):
        mime = library_drag(window, names)
        window.show_area("templates")
        assert drop_on_day(builder.board.columns[weekday].view, mime)
    builder.board.set_day_title("mon", "Full body A")
    builder.board.set_day_title("thu", "Full body B")
    report = builder.balance.report
    assert [f.message for f in report.findings] == []
    assert "All clear" in builder.balance.summary.text()

    # 3. Assign it as an eight-week program, straight from the builder.
    def accept(dialog: AssignDialog) -> int:
        dialog.weeks_spin.setValue(8)
        return AssignDialog.DialogCode.Accepted

    monkeypatch.setattr(AssignDialog, "exec", accept)
    builder.assign_button.click()
    area = window.areas["programs"]
    assert window.stack.currentWidget() is area
    program_id = area.selected_id()
    assert program_id is not None

    # 4. The PDF and the e-mail draft.
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(ProgramsArea, "exports_dir", lambda self: tmp_path / "exports")
    draft = area.email_selected()
    assert draft is not None and opened == [str(draft)]
    pdf = draft.with_suffix(".pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for expected in ("Ana Río", "Race prep 2×", "Week 8", "Full body A", *MONDAY, *THURSDAY):
        assert expected in text, expected
    message = email.message_from_bytes(draft.read_bytes(), policy=default)
    assert message["To"] == "Ana Río <ana@example.com>"
    assert next(message.iter_attachments()).get_content() == pdf.read_bytes()
    assert programs.list_programs(window.db)[0].status == "emailed"
