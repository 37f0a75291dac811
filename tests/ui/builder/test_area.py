"""The Templates area as a coach uses it: drag from the library, watch the balance panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from coachdesk.services import clients
from coachdesk.services import templates as svc
from coachdesk.ui.builder.area import TemplatesArea
from coachdesk.ui.builder.day_model import HIGHLIGHT_ROLE
from tests.ui.conftest import ids, press_new_template  # noqa: F401

from .dnd import drop_on_day, exercise_mime, send_drop


@pytest.fixture
def area(race_week_builder: TemplatesArea) -> TemplatesArea:
    return race_week_builder


def findings(area: TemplatesArea) -> dict[str, object]:
    return {f.code: f for f in area.balance.report.findings}


def test_dropping_a_core_exercise_on_thursday_clears_core_missing_day(area, db) -> None:
    monday, thursday = area.board.columns["mon"].view, area.board.columns["thu"].view
    drop_on_day(monday, exercise_mime(ids(db, "Nordic Curl", "Tibialis Raise", "Push-Up")))
    drop_on_day(thursday, exercise_mime(ids(db, "ATG Split Squat", "Calf Raise",
                                              "Inverted Row")))
    # A push-up and a row brace the trunk, but they are not core exercises.
    assert "Monday and Thursday have no dedicated core" in \
        findings(area)["CORE_MISSING_DAY"].message
    drop_on_day(monday, exercise_mime(ids(db, "Back Extension")))  # stand-in; see below
    core = next(c.id for c in svc.exercise_choices(db) if c.pattern == "anti_rotation")
    drop_on_day(monday, exercise_mime([core]))
    assert "Thursday has no dedicated core" in findings(area)["CORE_MISSING_DAY"].message
    drop_on_day(thursday, exercise_mime([core]), row=0)
    assert "CORE_MISSING_DAY" not in findings(area)
    area.undo_action.trigger()
    assert "CORE_MISSING_DAY" in findings(area)
    area.redo_action.trigger()
    assert "CORE_MISSING_DAY" not in findings(area)


def test_the_panel_checks_against_the_chosen_client(area, db) -> None:
    client_id = clients.create_client(db, clients.ClientData(
        name="Ana", goal="race", stage="stability", injuries=("shin_splints",)))
    area.balance.reload_clients()
    plyo = next((c.id for c in svc.exercise_choices(db) if c.plyometric), None)
    target = plyo or ids(db, "Nordic Curl")[0]
    drop_on_day(area.board.columns["tue"].view, exercise_mime([target]))
    assert "FREQUENCY_BELOW_GOAL" not in findings(area)
    area.balance.choose_client(client_id)
    assert "FREQUENCY_BELOW_GOAL" in findings(area)
    assert "INJURY_FOCUS_MISSING" in findings(area)


def test_clicking_a_finding_highlights_its_slots(area, db, qtbot) -> None:
    area.board.add_exercises("mon", ids(db, "Single-Leg Balance", "Nordic Curl", "Calf Raise"))
    report = area.balance.report
    row = next(i for i, f in enumerate(report.findings) if f.slots)
    finding = report.findings[row]
    card = area.balance.cards[row]
    assert card.hint.text() == finding.hint and card.message.text() == finding.message
    qtbot.mouseClick(card.message, Qt.MouseButton.LeftButton)
    model = area.board.columns["mon"].model
    lit = {r for r in range(model.rowCount()) if model.index(r).data(HIGHLIGHT_ROLE)}
    assert lit == {p for d, p in finding.slots if d == "mon"}


def test_a_findings_fix_button_clears_it_and_undo_brings_it_back(area, db, qtbot) -> None:
    """Monday and Thursday sessions without a core exercise: the card offers "Add … to
    Monday"; pressing it adds that exercise and the finding is gone."""
    area.board.add_exercises("mon", ids(db, "Bulgarian Split Squat", "Romanian Deadlift",
                                        "Push-Up"))
    area.board.add_exercises("thu", ids(db, "Lateral Step-Down", "Calf Raise",
                                        "Inverted Row"))
    card = area.balance.card_for("CORE_MISSING_DAY")
    assert card is not None and card.severity_label.text() == "<b>Warning</b>"
    assert [b.fix.label.split(" to ")[1] for b in card.fix_buttons] == ["Monday", "Thursday"]
    for _ in range(2):  # one button per day without core
        card = area.balance.card_for("CORE_MISSING_DAY")
        assert card is not None
        qtbot.mouseClick(card.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert area.balance.card_for("CORE_MISSING_DAY") is None
    area.undo_action.trigger()
    assert area.balance.card_for("CORE_MISSING_DAY") is not None
    area.redo_action.trigger()
    assert area.balance.card_for("CORE_MISSING_DAY") is None


def test_a_card_whose_finding_changes_is_updated_in_place(area, db, qtbot) -> None:
    """After Monday's fix the same card shows what is left (Thursday) with one button, so
    the panel does not rebuild; undo brings Monday's button back on that card."""
    area.board.add_exercises("mon", ids(db, "Bulgarian Split Squat", "Romanian Deadlift",
                                        "Push-Up"))
    area.board.add_exercises("thu", ids(db, "Lateral Step-Down", "Calf Raise",
                                        "Inverted Row"))
    card = area.balance.card_for("CORE_MISSING_DAY")
    assert len(card.fix_buttons) == 2
    qtbot.mouseClick(card.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert area.balance.card_for("CORE_MISSING_DAY") is card
    finding = card.finding
    assert [str(d) for d in finding.days] == ["thu"]
    assert card.message.text() == finding.message and card.hint.text() == finding.hint
    assert [b.accessibleName() for b in card.fix_buttons] == [f.label for f in finding.fixes]
    assert card.fix_buttons[0].toolTip().endswith("Thursday")
    area.undo_action.trigger()
    assert area.balance.card_for("CORE_MISSING_DAY") is card
    assert [b.fix.label.split(" to ")[1] for b in card.fix_buttons] == ["Monday", "Thursday"]
    qtbot.waitUntil(lambda: all(b.isVisible() for b in card.fix_buttons))
    qtbot.mouseClick(card.fix_buttons[1], Qt.MouseButton.LeftButton)  # Thursday's, re-made
    assert [str(d) for d in area.balance.card_for("CORE_MISSING_DAY").finding.days] == ["mon"]


def test_swap_move_and_lighten_fixes_are_undoable_commands(area, db, qtbot) -> None:
    client_id = clients.create_client(db, clients.ClientData(
        name="Ana", goal="race", stage="strength", key_run_days=("sat",)))
    area.balance.reload_clients()
    area.balance.choose_client(client_id)
    area.board.add_exercises("fri", ids(db, "Goblet Squat", "Dead Bug", "Push-Up"))
    goblet = area.document.day("fri").slots[0]
    area.board.update_slot(goblet.id, goblet.fields.__class__(
        **{**goblet.fields.as_dict(), "intensity": "heavy"}))
    card = area.balance.card_for("HEAVY_BEFORE_KEY_RUN")
    kinds = [b.fix.kind.value for b in card.fix_buttons]
    assert kinds == ["move", "lighten"]
    qtbot.mouseClick(card.fix_buttons[0], Qt.MouseButton.LeftButton)
    assert area.balance.card_for("HEAVY_BEFORE_KEY_RUN") is None
    assert "Goblet Squat" not in [s.exercise_name for s in area.document.day("fri").slots]
    area.undo_action.trigger()
    card = area.balance.card_for("HEAVY_BEFORE_KEY_RUN")
    qtbot.mouseClick(card.fix_buttons[1], Qt.MouseButton.LeftButton)
    assert area.document.day("fri").slots[0].fields.intensity == "light"
    assert area.balance.card_for("HEAVY_BEFORE_KEY_RUN") is None


def test_dropping_a_card_off_the_board_removes_it(area, db) -> None:
    area.board.add_exercises("sat", ids(db, "Calf Raise", "Nordic Curl"))
    model = area.board.columns["sat"].model
    outside = area.balance.mapTo(area, QPoint(20, 20))
    assert send_drop(area, model.mimeData([model.index(0)]), outside)
    tid = area.current_template_id()
    assert [s.exercise_name for s in svc.load_week(db, tid).day("sat").slots] == ["Nordic Curl"]
    area.undo_action.trigger()
    assert [s.exercise_name for s in svc.load_week(db, tid).day("sat").slots] == [
        "Calf Raise", "Nordic Curl"]


def test_add_to_day_from_the_keyboard(area, db, qtbot, monkeypatch) -> None:
    area.picker.search.setText("nordic curl")
    view = area.picker.view
    view.setCurrentIndex(area.picker.model.index(view.model().rowCount() - 1))
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: (a[3][3], True))  # the fourth entry: Thursday
    area.picker.view.setFocus()
    qtbot.keyClick(area.picker.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    tid = area.current_template_id()
    assert [s.exercise_name for s in svc.load_week(db, tid).day("thu").slots] == ["Nordic Curl"]


def test_slot_editor_edits_are_saved_and_undoable(area, db, qtbot) -> None:
    area.board.add_exercises("mon", ids(db, "Calf Raise"))
    slot = area.document.week.day("mon").slots[0]
    area.board.select_slot(slot.id)
    assert area.slot_editor.slot.id == slot.id
    area.slot_editor.sets.setValue(5)
    area.slot_editor.load.setText("20 kg")
    area.slot_editor.load.editingFinished.emit()
    stored = svc.load_week(db, area.current_template_id()).slot(slot.id).fields
    assert (stored.sets, stored.load) == (5, "20 kg")
    area.undo_action.trigger()
    assert svc.load_week(db, area.current_template_id()).slot(slot.id).fields == slot.fields
    assert area.slot_editor.sets.value() == slot.fields.sets


def test_templates_can_be_created_renamed_duplicated_and_deleted(area, db, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Off-season", True))
    area.rename_current()
    assert [t.name for t in svc.list_templates(db)] == ["Off-season"]
    area.board.add_exercises("mon", ids(db, "Calf Raise"))
    area.duplicate_current()
    names = sorted(t.name for t in svc.list_templates(db))
    assert names == ["Off-season", "Off-season (copy)"]
    assert area.document.week.name == "Off-season (copy)"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    area.delete_current()
    assert [t.name for t in svc.list_templates(db)] == ["Off-season"]
    assert area.document is not None and area.document.week.name == "Off-season"


def test_export_then_import_gives_the_same_week(area, db, tmp_path) -> None:
    area.board.add_exercises("mon", ids(db, "Nordic Curl", "Calf Raise"))
    area.board.set_day_title("mon", "Full body A")
    path = tmp_path / "week.coachdesk.json"
    assert area.export_file(path)
    new_id = area.import_file(path)
    assert new_id is not None and area.current_template_id() == new_id
    original = svc.load_week(db, next(t.id for t in svc.list_templates(db) if t.id != new_id))
    imported = svc.load_week(db, new_id)
    assert [(d.title, [(s.exercise_name, s.fields) for s in d.slots]) for d in original.days] \
        == [(d.title, [(s.exercise_name, s.fields) for s in d.slots]) for d in imported.days]


def test_a_bad_template_file_is_reported_and_nothing_is_created(area, db, tmp_path,
                                                                 monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    path = tmp_path / "bad.coachdesk.json"
    path.write_text('{"format": "coachdesk-template", "version": 1, "name": "x", '
                    '"days": {"mon": [{"exercise": "Nordik Curl", "sets": 3, "reps": 5}]}}',
                    encoding="utf-8")
    before = svc.list_templates(db)
    assert area.import_file(path) is None
    assert svc.list_templates(db) == before
    assert "days.mon[0].exercise" in shown[0] and "Nordic Curl" in shown[0]


def test_the_library_beside_the_board_filters_by_facets(area, db, qtbot) -> None:
    picker = area.picker
    total = picker.model.rowCount()
    picker.laterality_combo.setCurrentIndex(picker.laterality_combo.findData("unilateral"))
    picker.muscle_combo.setCurrentIndex(picker.muscle_combo.findData("hip_abductors"))
    names = [r.name for r in picker.model.rows]
    assert "Side-Lying Hip Abduction" in names and "Banded Lateral Walk" not in names
    assert all("hip_abductors" in r.muscles and r.laterality == "unilateral"
               for r in picker.model.rows)
    assert picker.count_label.text() == f"{len(names)} of {total} exercises"
    picker.core_check.setChecked(True)
    # Prime movers only: the side plank's hip abductors assist, the leg lift's work.
    assert [r.name for r in picker.model.rows] == ["Side Plank with Leg Lift"]
    picker.view.setFocus()
    qtbot.keyClick(picker.view, Qt.Key.Key_Escape)
    assert picker.model.rowCount() == total


def test_copy_a_day_to_another_template(area, db) -> None:
    area.board.add_exercises("mon", ids(db, "Nordic Curl", "Calf Raise"))
    other = svc.create_template(db, "Off-season")
    assert area.copy_day_to_template("mon", (other, "wed"))
    assert [s.exercise_name for s in svc.load_week(db, other).day("wed").slots] == [
        "Nordic Curl", "Calf Raise"]


def test_marking_a_day_as_a_micro_session_from_its_menu(area, db) -> None:
    """Saturday's three-exercise foot and hip routine stops counting as a session once the
    coach marks it; undo makes it a session again."""
    drop_on_day(area.board.columns["mon"].view,
                exercise_mime(ids(db, "Bulgarian Split Squat", "Dead Bug", "Push-Up")))
    drop_on_day(area.board.columns["sat"].view,
                exercise_mime(ids(db, "Short Foot", "Toe Yoga", "Clamshell")))
    assert area.balance.report.stats.sessions_per_week == 2
    assert "Saturday" in findings(area)["CORE_MISSING_DAY"].message
    action = area.board.columns["sat"].micro_action
    action.trigger()
    stats = area.balance.report.stats
    assert (stats.sessions_per_week, stats.micro_sessions) == (1, 1)
    assert "CORE_MISSING_DAY" not in findings(area)
    assert action.isChecked() and "micro" in area.board.columns["sat"].count_label.text()
    template_id = area.document.template_id
    assert svc.load_week(db, template_id).day("sat").micro
    area.undo_action.trigger()
    assert area.balance.report.stats.sessions_per_week == 2
    assert not svc.load_week(db, template_id).day("sat").micro and not action.isChecked()


def test_the_new_button_asks_for_a_name_and_creates_the_template(area, db, qtbot,
                                                                   monkeypatch) -> None:
    """The button's clicked(False) once arrived as the name: "name: is required"."""
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda _p, title, *_a, **_k: asked.append(title) or ("Base week", True))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *_a: pytest.fail(f"an error was shown: {_a[2]}"))
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    assert asked == ["New template"]
    assert "Base week" in [t.name for t in svc.list_templates(db)]
    assert area.document is not None and area.document.week.name == "Base week"


def test_the_undo_menu_names_what_it_takes_back(area, db) -> None:
    area.board.add_exercises("mon", ids(db, "Nordic Curl"))
    assert area.undo_action.text() == "&Undo Add Nordic Curl to Monday"
    area.board.add_exercises("tue", ids(db, "Nordic Curl", "Calf Raise"))
    assert area.undo_action.text() == "&Undo Add 2 exercises to Tuesday"


def test_a_long_session_title_shows_its_start(area, db) -> None:
    area.board.set_day_title("mon", "Session A – posterior chain, single-leg work and core")
    edit = area.board.columns["mon"].title_edit
    assert edit.cursorPosition() == 0


def test_the_balance_client_is_remembered_for_the_next_start(area, db, qtbot) -> None:
    client_id = clients.create_client(db, clients.ClientData(name="Ana", goal="race"))
    area.balance.reload_clients()
    combo = area.balance.client_combo
    target = combo.findData(client_id)
    for _ in range(target - combo.currentIndex()):  # choose Ana with the keyboard
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == client_id
    again = TemplatesArea()
    qtbot.addWidget(again)
    again.set_database(db)
    assert again.balance.client_combo.currentData() == client_id


def test_the_chosen_runners_key_run_days_are_marked_on_the_board(area, db) -> None:
    client_id = clients.create_client(db, clients.ClientData(
        name="Ana", goal="race", key_run_days=("wed", "sat")))
    area.balance.reload_clients()
    area.balance.choose_client(client_id)
    marks = {d: c.run_label.text() for d, c in area.board.columns.items()
             if c.run_label.isVisibleTo(area)}
    assert set(marks) == {"tue", "wed", "fri", "sat"}
    assert marks["wed"] == "Key run" and marks["fri"] == "Before a key run"
    area.balance.choose_client(None)
    assert not any(c.run_label.isVisibleTo(area) for c in area.board.columns.values())

