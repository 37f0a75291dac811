"""The roster shows the stage of the block each runner is in today."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from coachdesk.season import BlockStage, SeasonBlock, monday_of
from coachdesk.services import seasons
from coachdesk.ui.roster.area import ClientsArea
from tests.season.helpers import add_runner


def test_opening_the_roster_in_a_strength_block_shows_the_runner_at_strength(qtbot, db
                                                                             ) -> None:
    ana = add_runner(db, race=None)
    two_weeks_ago = monday_of(date.today()) - timedelta(weeks=2)
    seasons.create_season(db, ana, two_weeks_ago, (SeasonBlock(BlockStage.STABILITY, 2),
                                                   SeasonBlock(BlockStage.STRENGTH, 4)))
    area = ClientsArea()
    qtbot.addWidget(area)
    area.set_database(db)
    stage_column = [area.model.headerData(c, Qt.Orientation.Horizontal)
                    for c in range(area.model.columnCount())].index("Stage")
    assert area.model.index(0, stage_column).data() == "Strength"
