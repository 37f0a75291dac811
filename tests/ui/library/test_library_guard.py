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
