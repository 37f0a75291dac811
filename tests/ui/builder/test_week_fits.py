"""The whole week on one screen: at 1280×720, with the library and the balance panel open,
every day header is in view and nothing in the balance panel is cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel

from coachdesk.services import clients
from coachdesk.services.demo import load_demo_studio
from coachdesk.ui.main_window import MainWindow


@pytest.fixture
def builder(qtbot, db_path: Path):
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    load_demo_studio(window.db)
    window.set_database(window.db)
    window.resize(1280, 720)
    area = window.show_area("templates")
    # Ben is at the stability stage: the in-season week gives him findings to show as cards.
    ben = next(c.id for c in clients.list_clients(window.db) if c.name == "Ben Okafor")
    area.balance.choose_client(ben)
    qtbot.waitUntil(lambda: area.board.width() > 0)
    qtbot.wait(50)
    return area


def visible_rect(widget, inside) -> QRect:
    top_left = widget.mapTo(inside, QPoint(0, 0))
    return QRect(top_left, widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080), (960, 600)])
def test_all_seven_days_are_in_view(builder, qtbot, size) -> None:
    builder.window().resize(*size)
    qtbot.wait(50)
    viewport = builder.board.viewport()
    # The library stays open down to 1,100 px wide; below, it folds away for the board.
    assert builder.left_panel.isVisible() == (size[0] >= 1280) and builder.balance.isVisible()
    for column in builder.board.columns.values():
        header = visible_rect(column.name_label, viewport)
        assert viewport.rect().contains(header), (column.weekday, header, viewport.rect())
        text = column.name_label.text()
        assert column.name_label.fontMetrics().horizontalAdvance(text) <= \
            column.name_label.width() + 1, text


def test_no_label_in_the_balance_panel_is_cut_off(builder) -> None:
    panel = builder.balance
    assert panel.cards, "the demo runner's week should have findings to show"
    for label in panel.findChildren(QLabel):
        is_picture = not label.pixmap().isNull()
        if not label.isVisibleTo(panel) or not label.text() or is_picture:
            continue
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
        else:
            assert label.width() >= label.sizeHint().width() - 1, label.text()
    for button in panel.findChildren(QAbstractButton):
        if button.isVisibleTo(panel):
            assert button.width() <= panel.width()
