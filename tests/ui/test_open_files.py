"""Template files open CoachDesk: ``coachdesk FILE`` and macOS's QFileOpenEvent show the
week in a preview, and Import puts it on the Templates board."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent, QPalette
from PySide6.QtWidgets import QApplication

from coachdesk import cli
from coachdesk.formats.template_file import template_file_path
from coachdesk.services.templates import list_templates
from coachdesk.ui.builder.template_preview import TemplatePreview
from coachdesk.ui.file_open import FileOpenFilter, install_file_open_filter
from coachdesk.ui.main_window import MainWindow

HILL_WEEK = {
    "format": "coachdesk-template", "version": 4, "name": "Hill week",
    "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}],
             "thu": [{"exercise": "Calf Raise", "sets": 2, "reps": 12}]},
}


def write_week(folder: Path, name: str = "hill.coachdesk") -> Path:
    path = folder / name
    path.write_text(json.dumps(HILL_WEEK), encoding="utf-8")
    return path


def board_contents(window: MainWindow) -> tuple[str, list[str]]:
    area = window.areas["templates"]
    assert area.document is not None, "no template on the board"
    week = area.document.week
    return week.name, [slot.exercise_name for day in week.days for slot in day.slots]


def test_export_writes_a_coachdesk_file_and_older_names_are_kept() -> None:
    assert template_file_path(Path("/x/week")) == Path("/x/week.coachdesk")
    assert template_file_path(Path("/x/week.coachdesk")) == Path("/x/week.coachdesk")
    assert template_file_path(Path("/x/week.coachdesk.json")) == Path("/x/week.coachdesk.json")


@pytest.fixture
def restored_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    """app.run styles the application and routes uncaught errors: undo both afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    # Closing the window must not post a quit that would end the next test's event loops.
    qapp.setQuitOnLastWindowClosed(False)
    try:
        yield qapp
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())
        for file_filter in qapp.findChildren(FileOpenFilter):
            qapp.removeEventFilter(file_filter)
            file_filter.deleteLater()


def test_coachdesk_file_opens_the_window_and_imports_after_the_preview(
        restored_app: QApplication, db_path: Path, tmp_path: Path, qtbot) -> None:
    path = write_week(tmp_path)
    seen: dict[str, object] = {}

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        previews = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, TemplatePreview) and w.isVisible()]
        if not windows or not previews:
            QTimer.singleShot(50, drive)
            return
        preview = previews[0]
        seen["preview"] = preview.details.toPlainText()
        qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
        window = windows[0]
        seen["area"] = window.stack.currentWidget() is window.areas["templates"]
        seen["board"] = board_contents(window)
        window.close()
        QApplication.exit(0)

    QTimer.singleShot(0, drive)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(3))
    guard.start(60_000)
    code = cli.main(["--db", str(db_path), str(path)])
    guard.stop()
    assert code == 0
    assert "Hill week" in str(seen["preview"]) and "Nordic Curl — 3 × 5" in str(seen["preview"])
    assert seen["area"] is True
    assert seen["board"] == ("Hill week", ["Nordic Curl", "Calf Raise"])


def test_a_missing_file_is_one_line_naming_file(capsys, tmp_path: Path) -> None:
    code = cli.main([str(tmp_path / "gone.coachdesk")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "FILE" in err and "gone.coachdesk" in err
    assert "Traceback" not in err


def test_a_mistyped_command_is_still_called_a_command(capsys) -> None:
    assert cli.main(["chek"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def test_a_file_open_event_previews_the_file_then_imports_it(
        window: MainWindow, qapp: QApplication, qtbot, tmp_path: Path) -> None:
    path = write_week(tmp_path, "older.coachdesk.json")  # the old extension still opens
    file_filter = install_file_open_filter(qapp, window.open_file)
    try:
        with qtbot.waitSignal(window.template_preview_shown, timeout=5000) as shown:
            QApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile(str(path))))
        preview = shown.args[0]
        assert isinstance(preview, TemplatePreview) and preview.isVisible()
        qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
        assert board_contents(window) == ("Hill week", ["Nordic Curl", "Calf Raise"])
    finally:
        qapp.removeEventFilter(file_filter)


def test_a_file_handed_over_before_the_database_opens_waits_for_it(
        qtbot, db_path: Path, tmp_path: Path) -> None:
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    win.open_file(write_week(tmp_path))
    with qtbot.waitSignal(win.template_preview_shown, timeout=20_000) as shown:
        win.show()
    assert win.stack.currentWidget() is win.areas["templates"]
    qtbot.mouseClick(shown.args[0].cancel_button, Qt.MouseButton.LeftButton)
    assert win.db is not None
    assert "Hill week" not in [t.name for t in list_templates(win.db)]  # cancelled: not kept
