"""The shared list toolbar at 200 % on a 1920×1080 screen (about 830 logical pixels for
the area): every button keeps its whole label, "Import / Export" included, and the menu
button's arrow sits beside its text, not on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolButton

from coachdesk.app import apply_style
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.roster.area import ClientsArea


@pytest.mark.parametrize("kind", [LibraryArea, ClientsArea])
def test_every_toolbar_button_shows_its_whole_label_in_a_narrow_window(kind, qtbot, db
                                                                       ) -> None:
    area = kind()
    qtbot.addWidget(area)
    area.set_database(db)
    # 1920 px at 200 % is 960 logical pixels; the navigation takes about 170 of them.
    assert area.minimumSizeHint().width() <= 790
    area.resize(790, 600)
    area.show()
    qtbot.waitExposed(area)
    if isinstance(area, ClientsArea):
        area.welcome.add_button.click()
    buttons = [b for b in area.findChildren(QAbstractButton)
               if b.isVisible() and b.text() and b.parent() is area.toolbar_widget]
    assert any(b.text() == "Import / Export" for b in buttons)
    assert len(buttons) >= 4
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        placed = QRect(button.mapTo(area, QPoint(0, 0)), button.size())
        left = area.toolbar_widget.parentWidget()
        visible = QRect(left.mapTo(area, QPoint(0, 0)), left.size())
        assert visible.contains(placed), button.text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_menu_arrow_has_room_beside_the_text(scheme, qtbot, qapp: QApplication) -> None:
    from PySide6.QtGui import QPalette

    try:
        apply_style(qapp, scheme)
        area = LibraryArea()
        qtbot.addWidget(area)
        tool = area.findChild(QToolButton)
        text_width = tool.fontMetrics().horizontalAdvance(tool.text())
        # The style sheet reserves room on the right for the arrow.
        assert tool.sizeHint().width() >= text_width + 28
        assert "QToolButton::menu-indicator" in qapp.styleSheet()
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())
