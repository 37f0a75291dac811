"""Light and dark looks: one style sheet each, chosen by the system's colour scheme."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from coachdesk.app import apply_style


def test_dark_and_light_styles_set_matching_palettes(qapp: QApplication) -> None:
    try:
        assert apply_style(qapp, "dark") == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert "#1f2524" in qapp.styleSheet()
        assert apply_style(qapp, "light") == "light"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
        assert "#f3f5f4" in qapp.styleSheet()
        assert apply_style(qapp) in ("light", "dark")  # follows the system
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())
