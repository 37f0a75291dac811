"""UI state (geometry, splitter sizes) kept apart from user settings, which live in the DB."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from coachdesk.paths import data_dir


def ui_state() -> QSettings:
    return QSettings(str(data_dir() / "ui-state.ini"), QSettings.Format.IniFormat)
