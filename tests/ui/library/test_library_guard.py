"""The library's everyday corners: a filtered-out exercise leaves the detail pane."""

from __future__ import annotations

import pytest

from coachdesk.db import Database
from coachdesk.ui.library.area import LibraryArea


@pytest.fixture
def area(qtbot, db: Database) -> LibraryArea:
    widget = LibraryArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def test_an_exercise_the_filter_hides_leaves_the_detail_pane_and_its_buttons(area, qtbot
                                                                             ) -> None:
    area.filters.search.clear()
    qtbot.keyClicks(area.filters.search, "nordic")
    assert area.select_key(area.model.key_at(0))
    assert "Nordic" in area.detail.title.text() and area.edit_button.isEnabled()
    combo = area.filters.combos["plyometric"]
    combo.setCurrentIndex(combo.findData("yes"))  # no Nordic curl is plyometric
    assert area.model.visible_count == 0
    assert "Nordic" not in area.detail.title.text()
    assert not area.edit_button.isEnabled() and not area.delete_button.isEnabled()
    assert not area.duplicate_button.isEnabled()
    area.filters.clear_button.click()
    assert area.model.visible_count == area.model.total_count


def test_save_marks_every_bad_field_at_once(area, db, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from coachdesk.services import library as svc
    from coachdesk.ui.library.exercise_dialog import ExerciseDialog

    before = len(svc.list_exercises(db))
    dialog = ExerciseDialog("New", None, lambda d: area.save_record(d, None),
                            lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    dialog.show()
    # No name, no prime mover, plyometric outside the power phase, a video that is nothing.
    dialog.plyometric.setChecked(True)
    qtbot.keyClicks(dialog.video, "not a link or a file")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    shown = dialog.errors.visible()
    assert set(shown) >= {"name", "primary_muscles", "phase", "video_url"}, shown
    assert shown["name"] == "Name is required"
    assert dialog.isVisible() and len(svc.list_exercises(db)) == before
    summary = dialog.error_summary.text()
    for label in ("Name", "Prime movers", "Phase", "Demo video"):
        assert label in summary


def test_the_exercise_name_limit_holds_while_typing(area, db, qtbot) -> None:
    from coachdesk.services import library as svc
    from coachdesk.ui.library.exercise_dialog import ExerciseDialog

    dialog = ExerciseDialog("New", None, lambda d: area.save_record(d, None),
                            lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "x" * 130)
    assert len(dialog.name.text()) == 120
    assert "120" in dialog.name.toolTip()
