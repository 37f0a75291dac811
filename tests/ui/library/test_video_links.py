"""Video links: only http and https links are accepted (the dialog, a library file) and
"Open Demo Video" hands nothing else to the operating system, even from an old database."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import text

from coachdesk.db import Database
from coachdesk.services import library as svc
from coachdesk.services.library_files import LibraryFileError, parse_json
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.library.exercise_dialog import ExerciseDialog

NOT_WEB = ["file:///etc/passwd", "/home/coach/videos/nordic.mp4", "C:\\Videos\\nordic.mp4",
           "javascript:alert(1)", "smb://server/share/nordic.mp4", "https:///no-host"]


@pytest.fixture
def area(qtbot, db: Database) -> LibraryArea:
    widget = LibraryArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: calls.append(url.toString()) or True)
    return calls


def press_save(qtbot, dialog: ExerciseDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("link", NOT_WEB)
def test_the_dialog_refuses_a_video_link_that_is_not_http(area, db, qtbot, tmp_path,
                                                          link) -> None:
    if link.startswith("/home"):
        local = tmp_path / "nordic.mp4"  # a file that exists is still refused
        local.write_bytes(b"\x00")
        link = str(local)
    dialog = ExerciseDialog("New", None, lambda d: area.save_record(d, None),
                            lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Reverse Nordic")
    dialog.muscle_boxes["quads"].setChecked(True)
    qtbot.keyClicks(dialog.video, link)
    press_save(qtbot, dialog)
    message = dialog.errors.message("video_url")
    assert "Video link" in message and "http://" in message and "https://" in message
    assert dialog.result() != ExerciseDialog.DialogCode.Accepted
    assert "Reverse Nordic" not in {r.name for r in svc.list_exercises(db)}


def test_the_dialog_keeps_an_https_link(area, db, qtbot) -> None:
    dialog = ExerciseDialog("New", None, lambda d: area.save_record(d, None),
                            lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Reverse Nordic")
    dialog.muscle_boxes["quads"].setChecked(True)
    qtbot.keyClicks(dialog.video, "https://videos.example/reverse-nordic")
    press_save(qtbot, dialog)
    saved = next(r for r in svc.list_exercises(db) if r.name == "Reverse Nordic")
    assert saved.data.video_url == "https://videos.example/reverse-nordic"


@pytest.mark.parametrize("link", ["file:///etc/passwd", "/usr/bin/xterm", "ftp://x/y.mp4"])
def test_a_library_file_with_a_local_video_is_refused_naming_the_exercise(link) -> None:
    document = {"format": "coachdesk-library", "version": 2, "exercises": [
        {"name": "Sneaky Squat", "primary_muscles": ["quads"], "pattern": "squat",
         "impact": "low", "external_load": "bodyweight", "laterality": "bilateral",
         "phase": "strength", "load_type": "bodyweight", "video_url": link}]}
    with pytest.raises(LibraryFileError) as refused:
        parse_json(json.dumps(document), "shared.json")
    message = str(refused.value)
    assert "Sneaky Squat" in message and "Video link" in message and "https://" in message


@pytest.mark.parametrize("stored", ["file:///etc/passwd", "/usr/bin/xterm",
                                    "~/Videos/nordic.mp4"])
def test_open_demo_video_refuses_a_local_link_already_in_the_database(
        area, db, qtbot, opened, monkeypatch, stored) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    nordic = next(r.id for r in area.model.all_rows if r.name == "Nordic Curl")
    with db.write() as session:  # as an older CoachDesk or an imported library left it
        session.execute(text("UPDATE exercise SET video_url = :url WHERE id = :id"),
                        {"url": stored, "id": nordic})
    area.reload(nordic)
    assert area.select_exercise(nordic)
    if area.detail.video_button.isVisible():
        qtbot.mouseClick(area.detail.video_button, Qt.MouseButton.LeftButton)
        assert shown and "Video link" in shown[0] and "http" in shown[0]
    assert opened == []


def test_open_demo_video_opens_a_web_link(area, db, qtbot, opened) -> None:
    nordic = next(r for r in area.model.all_rows if r.name == "Nordic Curl")
    assert nordic.data.video_url and nordic.data.video_url.startswith("https://")
    assert area.select_exercise(nordic.id)
    qtbot.mouseClick(area.detail.video_button, Qt.MouseButton.LeftButton)
    assert opened == [nordic.data.video_url]


def test_a_library_file_with_a_number_as_video_link_is_refused_with_a_message() -> None:
    document = {"format": "coachdesk-library", "version": 2, "exercises": [
        {"name": "Odd Squat", "primary_muscles": ["quads"], "pattern": "squat",
         "impact": "low", "external_load": "bodyweight", "laterality": "bilateral",
         "phase": "strength", "load_type": "bodyweight", "video_url": 5}]}
    with pytest.raises(LibraryFileError) as refused:
        parse_json(json.dumps(document), "shared.json")
    assert "Odd Squat" in str(refused.value) and "Video link" in str(refused.value)
