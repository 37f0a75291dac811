"""The roster as a coach uses it: forms, validation, archive, guard, CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.db import Database
from coachdesk.services import clients as svc
from coachdesk.ui.roster.area import ClientsArea

NAMES = ["Zoë Ångström", "Runner 🏃‍♀️ Fast", "أمل حسن", "Олена Коваль", "王小明"]


@pytest.fixture
def area(qtbot, db: Database) -> ClientsArea:
    widget = ClientsArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def fill(area: ClientsArea, name: str, email: str = "") -> None:
    area.form.name.setText(name)
    area.form.email.setText(email)


def test_the_roster_model_passes_qtmodeltester(area, db, qtmodeltester) -> None:
    for name in NAMES:
        svc.create_client(db, svc.ClientData(name=name))
    area.reload()
    qtmodeltester.check(area.model)


def test_create_edit_and_see_it_persist(area, db) -> None:
    area.new_client()
    fill(area, "Ana Río", "ana@example.com")
    area.form.goal.setCurrentIndex(area.form.goal.findData("race"))
    area.form.day_buttons["sat"].setChecked(True)
    area.form.stage_buttons["strength"].setChecked(True)
    area.form.injury_boxes["shin_splints"].setChecked(True)
    assert area.form.dirty
    area.form.save_button.click()
    stored = svc.list_clients(db)[0].data
    assert (stored.name, stored.email, stored.key_run_days, stored.stage, stored.injuries) == (
        "Ana Río", "ana@example.com", ("sat",), "strength", ("shin_splints",))
    area.form.notes.setPlainText("Sub-4 in April")
    area.form.save_button.click()
    assert svc.list_clients(db)[0].data.notes == "Sub-4 in April"
    assert not area.form.dirty


def test_bad_email_and_empty_name_show_messages_next_to_the_fields(area, db) -> None:
    area.new_client()
    fill(area, "Ana", "ana.at.example")
    assert not area.save()
    assert "not a valid e-mail" in area.form.errors.message("email")
    fill(area, "  ", "ana@example.com")
    assert not area.save()
    assert "required" in area.form.errors.message("name")
    assert svc.list_clients(db) == []


def test_a_duplicate_name_is_warned_about(area, db) -> None:
    svc.create_client(db, svc.ClientData(name="Ana Río"))
    area.reload()
    area.new_client()
    fill(area, "ana río")
    area.form.name.editingFinished.emit()
    assert area.form.name_warning.isVisibleTo(area)
    assert "already has this name" in area.form.name_warning.text()


def test_archive_hides_restore_brings_back_and_programs_stay(area, db) -> None:
    client_id = svc.create_client(db, svc.ClientData(name="Ana"))
    area.reload(client_id)
    area.toggle_archived()
    assert svc.get_client(db, client_id).archived
    assert area.model.visible_count == 0
    area.filters.toggles["archived"].setChecked(True)
    assert area.model.visible_count == 1
    area.select_client(client_id)
    assert area.archive_button.text() == "Restore"
    area.toggle_archived()
    assert not svc.get_client(db, client_id).archived


def test_delete_asks_and_names_what_goes(area, db, monkeypatch) -> None:
    client_id = svc.create_client(db, svc.ClientData(name="Ana"))
    area.reload(client_id)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else \
            QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", answer)
    area.delete_current()
    assert svc.list_clients(db) != []
    area.delete_current()
    assert svc.list_clients(db) == []
    assert "Ana and their 0 programs will be removed" in asked[0]


def test_the_unsaved_changes_guard(area, db, monkeypatch) -> None:
    first = svc.create_client(db, svc.ClientData(name="Ana"))
    second = svc.create_client(db, svc.ClientData(name="Ben"))
    area.reload(first)
    area.form.notes.setPlainText("unsaved thought")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    area.select_client(second)
    assert area.current_id == first
    assert area.form.notes.toPlainText() == "unsaved thought"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    area.select_client(second)
    assert area.current_id == second
    assert svc.get_client(db, first).data.notes == "unsaved thought"


def test_filters_combine_and_esc_clears(area, db, qtbot) -> None:
    svc.create_client(db, svc.ClientData(name="Ana", goal="race", injuries=("itbs",)))
    svc.create_client(db, svc.ClientData(name="Ben", goal="hobby", injuries=("itbs",)))
    svc.create_client(db, svc.ClientData(name="Cleo", goal="race"))
    area.reload()
    area.filters.combos["injury"].setCurrentIndex(area.filters.combos["injury"].findData("itbs"))
    area.filters.combos["goal"].setCurrentIndex(area.filters.combos["goal"].findData("race"))
    assert [r.name for r in area.model.visible_rows()] == ["Ana"]
    assert area.filters.count_label.text() == "1 of 3 clients"
    area.view.setFocus()
    qtbot.keyClick(area.view, Qt.Key.Key_Escape)
    assert area.model.visible_count == 3


def test_csv_round_trip_keeps_every_script(area, db, tmp_path: Path, monkeypatch) -> None:
    for name in NAMES:
        svc.create_client(db, svc.ClientData(name=name, injuries=("knee_pain",)))
    path = tmp_path / "roster.csv"
    assert area.export_file(path)
    for row in svc.list_clients(db):
        svc.delete_client(db, row.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert area.import_file(path) == (5, 0)
    assert sorted(r.name for r in svc.list_clients(db)) == sorted(NAMES)


def test_a_failing_import_changes_nothing_and_says_where(area, db, tmp_path, qtbot) -> None:
    """The preview names the bad row; cancelling it leaves the roster as it was."""
    from tests.ui.library.test_library_area import cancel_the_preview

    svc.create_client(db, svc.ClientData(name="Ana"))
    before = svc.list_clients(db)
    shown: list[str] = []
    path = tmp_path / "bad.csv"
    path.write_text("name,email\nBen,ben@example.com\nCleo,not-an-email\n", encoding="utf-8")
    cancel_the_preview(qtbot, shown)
    assert area.import_file(path) is None
    assert "row 3" in shown[0] and "email" in shown[0]
    assert svc.list_clients(db) == before


def test_a_save_over_someone_elses_newer_save_is_refused(area, db, monkeypatch) -> None:
    client_id = svc.create_client(db, svc.ClientData(name="Ana"))
    area.reload(client_id)
    svc.update_client(db, client_id, svc.ClientData(name="Ana", notes="saved elsewhere"))
    area.form.notes.setPlainText("typed here")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    assert not area.save()
    assert svc.get_client(db, client_id).data.notes == "saved elsewhere"
    assert area.form.notes.toPlainText() == "typed here"  # nothing typed is lost either


def test_coming_back_to_the_window_shows_changes_made_elsewhere(area, db) -> None:
    client_id = svc.create_client(db, svc.ClientData(name="Ana"))
    area.reload(client_id)
    svc.create_client(db, svc.ClientData(name="Ben"))
    svc.update_client(db, client_id, svc.ClientData(name="Ana", notes="from the other desk"))
    area.refresh_from_elsewhere()
    assert [r.name for r in area.model.visible_rows()] == ["Ana", "Ben"]
    assert area.form.notes.toPlainText() == "from the other desk"


def test_an_empty_roster_welcomes_and_loads_a_demo_studio(area, db) -> None:
    from coachdesk.services import programs
    from coachdesk.services import templates as tpl

    assert area.welcome.isVisibleTo(area) and not area.view.isVisibleTo(area)
    area.welcome.demo_button.click()
    assert area.model.total_count == 3 and area.view.isVisibleTo(area)
    assert not area.welcome.isVisibleTo(area)
    assert len(tpl.list_templates(db)) == 2 and len(programs.list_programs(db)) == 1
    stages = {r.data.stage for r in area.model.all_rows}
    assert stages == {"stability", "strength", "power"}


def test_season_and_race_day_are_saved_and_reach_the_checks(area, db, qtbot) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from coachdesk.services.balance import client_choices

    area.new_client()
    fill(area, "Mara", "mara@example.com")
    area.form.season.setCurrentIndex(area.form.season.findData("in_season"))
    assert not area.form.race_date.isEnabled()
    qtbot.mouseClick(area.form.has_race_date, Qt.MouseButton.LeftButton)
    assert area.form.race_date.isEnabled()
    area.form.race_date.setDate(QDate(2027, 5, 16))
    qtbot.mouseClick(area.form.save_button, Qt.MouseButton.LeftButton)
    stored = svc.list_clients(db)[0].data
    assert (stored.season, stored.race_date) == ("in_season", date(2027, 5, 16))
    profile = next(c.profile for c in client_choices(db) if c.name == "Mara")
    assert (profile.season, profile.race_date) == ("in_season", date(2027, 5, 16))
    qtbot.mouseClick(area.form.has_race_date, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.form.save_button, Qt.MouseButton.LeftButton)
    assert svc.list_clients(db)[0].data.race_date is None
