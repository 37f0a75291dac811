"""Files the desktop asks CoachDesk to open: macOS sends a ``QFileOpenEvent`` to the
application (a double-click in Finder, a file dropped on the Dock icon) instead of passing
the path on the command line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """An event filter for the QApplication: each FileOpen event's path goes to ``open_file``
    (the main window's), and the event is taken."""

    def __init__(self, open_file: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self._open_file(path)
                return True
        return super().eventFilter(watched, event)


def install_file_open_filter(app: QObject, open_file: Callable[[str], None]) -> FileOpenFilter:
    file_filter = FileOpenFilter(open_file, app)
    app.installEventFilter(file_filter)
    return file_filter
