"""Settings live in the database and change what the coach sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.services import brand as brand_svc
from coachdesk.services import settings as settings_svc
from coachdesk.services import templates as tpl
from coachdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    win = MainWindow(str(db_path))
    win.resize(1600, 900)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def test_thresholds_and_key_muscles_change_the_balance_panel(window: MainWindow, qtbot) -> None:
    builder = window.show_area("templates")
    builder.create_template("Squats only")
    goblet = next(c.id for c in tpl.exercise_choices(window.db) if c.name == "Goblet Squat")
    builder.board.add_exercises("mon", [goblet])
    codes = {f.code for f in builder.balance.report.findings}
    assert {"UNILATERAL_SHARE_LOW", "MUSCLE_UNCOVERED"} <= codes
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.unilateral.setValue(0)
    for box in dialog.muscle_boxes.values():
        box.setChecked(False)
    dialog.week_start.setCurrentIndex(dialog.week_start.findData("sun"))
    dialog.default_sets.setValue(4)
    assert dialog.try_save()
    codes = {f.code for f in builder.balance.report.findings}
    assert "UNILATERAL_SHARE_LOW" not in codes and "MUSCLE_UNCOVERED" not in codes
    first = builder.board.day_layout.itemAt(0).widget()
    assert first is builder.board.columns["sun"]
    builder.board.add_exercises("tue", [goblet])
    assert builder.document.week.day("tue").slots[0].fields.sets == 4
    stored = settings_svc.load_settings(window.db)
    assert stored.week_start == "sun" and stored.check_settings().unilateral_share_min == 0


def test_reset_to_defaults_and_bad_values(window: MainWindow, qtbot, tmp_path) -> None:
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.unilateral.setValue(10)
    dialog.show_checks(settings_svc.CheckSettings())
    assert dialog.unilateral.value() == 40
    dialog.backup_folder.setText(str(tmp_path / "no such folder"))
    assert not dialog.try_save()
    assert "not a folder" in dialog.errors.message("backup_folder")
    low, high = dialog.frequency["race"]
    dialog.backup_folder.setText("")
    low.setValue(5)
    high.setValue(2)
    assert not dialog.try_save()
    assert "low ≤ high" in dialog.errors.message("frequency")
    assert settings_svc.load_settings(window.db) == settings_svc.CoachSettings()


def test_paper_units_and_the_email_template_are_saved(window: MainWindow, qtbot) -> None:
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.paper.setCurrentText("Letter")
    dialog.units.setCurrentText("lb")
    dialog.subject.setText("Program for {client_first_name}")
    assert dialog.try_save()
    assert (brand_svc.get_brand(window.db).paper, brand_svc.get_brand(window.db).units) == (
        "Letter", "lb")
    assert settings_svc.load_settings(window.db).email_subject == "Program for {client_first_name}"


def test_the_micro_session_threshold_is_a_setting(window: MainWindow, qtbot) -> None:
    builder = window.show_area("templates")
    builder.create_template("Two short days")
    names = {c.name: c.id for c in tpl.exercise_choices(window.db)}
    builder.board.add_exercises("mon", [names["Goblet Squat"], names["Dead Bug"]])
    builder.board.add_exercises("thu", [names["Lateral Step-Down"], names["Pallof Press"]])
    assert builder.balance.report.stats.sessions_per_week == 0  # two micro-sessions
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    assert dialog.micro.value() == 3
    dialog.micro.setValue(2)
    assert dialog.try_save()
    assert builder.balance.report.stats.sessions_per_week == 2
    assert settings_svc.load_settings(window.db).checks["micro_session_below"] == 2


def _press_save(dialog, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("keep", [False, True])
def test_a_setting_changed_on_another_desk_is_never_silently_reverted(
        window: MainWindow, qtbot, monkeypatch, keep: bool) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coachdesk.db import connect

    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    other = connect(window.db.url)  # another coach's desk saves while this dialog is open
    theirs = settings_svc.load_settings(other)
    settings_svc.save_settings(other, theirs.with_changes(default_sets=4, week_start="sun"),
                               expected=theirs)
    other.dispose()
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Yes if keep else QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a: asked.append(text) or answer)
    dialog.default_sets.setValue(5)
    _press_save(dialog, qtbot)
    stored = settings_svc.load_settings(window.db)
    assert len(asked) == 1 and "another desk" in asked[0] and "default sets" in asked[0]
    assert stored.week_start == "sun"  # their other change stays either way
    assert stored.default_sets == (5 if keep else 4)
