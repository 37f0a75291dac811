"""Helpers the UI tests share: exercise ids by name, and a new template made the way a coach
makes one (the Templates area's New button, the name typed into its prompt)."""

from __future__ import annotations

from unittest import mock

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.ui.builder.area import TemplatesArea


def ids(db: Database, *names: str) -> list[int]:
    """The exercises' ids, in the order of ``names``."""
    with db.read() as session:
        found = {n: i for n, i in session.execute(select(Exercise.name, Exercise.id))}
    return [found[n] for n in names]


def press_new_template(qtbot, area: TemplatesArea, name: str) -> None:
    """Press New and answer its name prompt with ``name``."""
    with mock.patch.object(QInputDialog, "getText", return_value=(name, True)):
        qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def race_week_builder(qtbot, db: Database) -> TemplatesArea:
    """The Templates area on the test database, with an empty "Race week" made with New."""
    widget = TemplatesArea()
    widget.resize(1600, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    press_new_template(qtbot, widget, "Race week")
    assert widget.document is not None and widget.document.week.name == "Race week"
    widget.show()
    qtbot.waitExposed(widget)
    return widget
