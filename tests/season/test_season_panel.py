"""The season panel as a coach uses it: open it from Programs, plan backward, see the
timeline and the checks, edit a block and save, export the PDF and the calendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from coachdesk.db import Database
from coachdesk.services import seasons
from coachdesk.ui.programs.area import ProgramsArea
from coachdesk.ui.programs.season_panel import SeasonPanel
from tests.season.helpers import TODAY, add_runner, jump_week


@pytest.fixture
def panel(qtbot, db: Database) -> SeasonPanel:
    add_runner(db)
    widget = SeasonPanel()
    widget.today = TODAY
    widget.resize(1200, 720)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def rows(panel: SeasonPanel) -> list[list[str]]:
    model = panel.model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_the_programs_area_opens_the_season_plan(qtbot, db) -> None:
    add_runner(db)
    area = ProgramsArea()
    qtbot.addWidget(area)
    area.set_database(db)
    qtbot.mouseClick(area.season_button, Qt.MouseButton.LeftButton)
    assert area.season_dialog.isVisible()
    assert area.season_dialog.panel.client.currentText() == "Ana Runner"


def test_planning_backward_fills_the_timeline_and_the_block_list(panel, qtbot, db) -> None:
    assert panel.model.rowCount() == 0 and not panel.pdf_button.isEnabled()
    qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    assert [r[1:3] for r in rows(panel)] == [["Stability", "2"], ["Strength", "4"],
                                             ["Power", "2"], ["Taper", "2"]]
    assert len(panel.timeline.bar_rects()) == 4
    assert panel.race_label.text() == "10 weeks from 11 January 2027, race on Saturday 20 " \
                                      "March 2027."
    # No week chosen yet: the checks say so for every block.
    assert [c.finding.code for c in panel.cards].count("BLOCK_HAS_NO_WEEK") == 4
    third = panel.timeline.bar_rects()[2].center().toPoint()
    qtbot.mouseClick(panel.timeline, Qt.MouseButton.LeftButton, pos=QPoint(third))
    assert panel.selected_index() == 2 and panel.stage.currentText() == "Power"


def test_editing_a_block_and_saving_stores_it_and_the_checks_follow(panel, qtbot, db) -> None:
    qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    spring = jump_week(db)
    panel.load_season()
    panel.table.selectRow(0)  # the stability block
    panel.template.setCurrentIndex(panel.template.findData(spring))
    panel.weeks.clear()
    qtbot.keyClicks(panel.weeks, "3")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert rows(panel)[0][2:5] == ["3", "11 Jan – 31 Jan 2027", "Spring"]
    messages = [c.finding.message for c in panel.cards]
    assert any(m.startswith("Block 1 · Stability: ") and "Pogo Hops" in m for m in messages)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    stored = seasons.list_seasons(db)[0].plan.blocks[0]
    assert (stored.weeks, stored.template_id) == (3, spring)


def test_the_exports_write_the_pdf_and_the_calendar(panel, qtbot, db, tmp_path,
                                                    monkeypatch) -> None:
    qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    chosen: list[Path] = [tmp_path / "season.pdf", tmp_path / "season.ics"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(chosen.pop(0)), ""))
    qtbot.mouseClick(panel.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.ics_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "season.pdf").read_bytes().startswith(b"%PDF")
    events = list(Calendar.from_ical((tmp_path / "season.ics").read_bytes()).walk("VEVENT"))
    assert len(events) == 4 + 1  # four blocks and the race (no weeks chosen yet)


def test_e_mail_season_attaches_the_pdf_and_the_calendar(panel, qtbot, db, monkeypatch,
                                                         private_data_dir) -> None:
    import email
    from email.policy import default

    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.email_button, Qt.MouseButton.LeftButton)
    drafts = list((private_data_dir / "exports").glob("*.eml"))
    assert len(drafts) == 1 and opened == [str(drafts[0])]
    message = email.message_from_bytes(drafts[0].read_bytes(), policy=default)
    names = [part.get_filename() for part in message.iter_attachments()]
    assert [Path(n).suffix for n in names] == [".pdf", ".ics"]
    assert "@" in message["To"]
