"""Demo pictures in the library: shown upright (even one stored sideways by an older
CoachDesk) and named as the coach's own file."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from coachdesk.db import Database
from coachdesk.services import library as svc
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.library.exercise_dialog import ExerciseDialog


@pytest.fixture
def area(qtbot, db: Database) -> LibraryArea:
    widget = LibraryArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def sideways_photo(path, width: int = 120, height: int = 60):
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90° clockwise to view": a portrait photo stored landscape
    Image.new("RGB", (width, height), "#224466").save(path, "JPEG", exif=exif)
    return path


def test_a_picture_stored_sideways_by_an_older_coachdesk_shows_upright(area, db,
                                                                      tmp_path) -> None:
    db.media_dir.mkdir(parents=True, exist_ok=True)
    stored = "0123456789ab.jpg"  # copied as it was, before pictures were turned on attach
    shutil.copyfile(sideways_photo(tmp_path / "IMG_0042.jpg"), db.media_dir / stored)
    row = next(r for r in area.model.all_rows if r.name == "Nordic Curl")
    svc.update_exercise(db, row.id, row.data.with_changes(image_path=stored))
    area.reload(row.id)
    assert area.select_exercise(row.id)
    shown = area.detail.image.pixmap()
    assert not shown.isNull() and shown.height() > shown.width()


def test_the_dialog_names_the_picture_as_the_coachs_file(db, qtbot, tmp_path) -> None:
    row = next(r for r in svc.list_exercises(db) if r.name == "Nordic Curl")
    dialog = ExerciseDialog("Edit", row, lambda _d: None, lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    assert dialog.set_image(sideways_photo(tmp_path / "Nordic at the track.jpg"))
    assert dialog.image_button.text() == "Nordic at the track.jpg"
