"""The Library area as a coach uses it: find, read, curate, import and drag exercises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.db import Database
from coachdesk.services import library as svc
from coachdesk.services import templates as tpl
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.library.exercise_dialog import ExerciseDialog
from coachdesk.ui.mime import EXERCISE_IDS_MIME


@pytest.fixture
def area(qtbot, db: Database) -> LibraryArea:
    widget = LibraryArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    return widget


def names(area: LibraryArea) -> list[str]:
    return [r.name for r in area.model.visible_rows()]


def choose(area: LibraryArea, facet: str, value: str) -> None:
    combo = area.filters.combos[facet]
    combo.setCurrentIndex(combo.findData(value))


def test_the_library_model_passes_qtmodeltester(area, qtmodeltester) -> None:
    qtmodeltester.check(area.model)


def test_search_matches_names_aliases_muscles_and_notes(area) -> None:
    area.filters.search.setText("kot split")
    assert names(area) == ["ATG Split Squat"]  # by alias
    area.filters.search.setText("tibialis")
    assert {"Tibialis Raise", "Heel Walk"} <= set(names(area))
    area.filters.search.setText("downhill running")  # words from the notes
    assert "ATG Split Squat" in names(area)


@pytest.mark.parametrize(("facet", "value", "check"), [
    ("muscle", "hip_abductors", lambda r: "hip_abductors" in r.data.primary_muscles
     + r.data.secondary_muscles),
    ("laterality", "unilateral", lambda r: r.data.laterality == "unilateral"),
    ("pattern", "anti_rotation", lambda r: r.data.pattern == "anti_rotation"),
    ("pattern", "lunge", lambda r: r.data.pattern == "lunge"),
    ("phase", "stability", lambda r: r.data.phase == "stability"),
    ("plyometric", "yes", lambda r: r.data.plyometric),
    ("equipment", "__none__", lambda r: not r.data.equipment),
    ("equipment", "box", lambda r: "box" in r.data.equipment),
    ("origin", "builtin", lambda r: r.builtin),
])
def test_each_facet_returns_the_right_rows(area, facet, value, check) -> None:
    choose(area, facet, value)
    visible = area.model.visible_rows()
    assert visible and all(check(r) for r in visible)
    hidden = [r for r in area.model.all_rows if r not in visible and not r.archived]
    assert not any(check(r) for r in hidden)


def test_facets_combine_for_the_coachs_question(area, qtbot) -> None:
    """A single-leg, stability-phase hip abductor exercise with no equipment."""
    choose(area, "muscle", "hip_abductors")
    choose(area, "laterality", "unilateral")
    choose(area, "phase", "stability")
    choose(area, "equipment", "__none__")
    expected = sorted(r.name for r in area.model.all_rows
                      if "hip_abductors" in r.data.primary_muscles + r.data.secondary_muscles
                      and r.data.laterality == "unilateral"
                      and r.data.phase == "stability" and not r.data.equipment)
    assert expected and sorted(names(area)) == expected
    assert "Single-Leg Balance" in expected
    assert "of 72 exercises" in area.filters.count_label.text()
    area.view.setFocus()
    qtbot.keyClick(area.view, Qt.Key.Key_Escape)
    assert area.model.visible_count == 72


def test_the_selection_survives_filtering(area) -> None:
    area.select_exercise(next(r.id for r in area.model.all_rows if r.name == "Nordic Curl"))
    area.filters.search.setText("nordic")
    assert area.model.row_at(area.view.currentIndex().row()).name == "Nordic Curl"
    area.filters.search.clear()
    assert area.model.row_at(area.view.currentIndex().row()).name == "Nordic Curl"


def test_the_detail_pane_shows_the_notes_and_usage(area, db) -> None:
    nordic = next(r.id for r in area.model.all_rows if r.name == "Nordic Curl")
    template_id = tpl.create_template(db, "Week")
    tpl.add_slot(db, template_id, "mon", nordic)
    area.reload(nordic)
    assert "Setup" in area.detail.notes.toPlainText()
    assert area.detail.usage.text().startswith("Used in 1 template")
    assert area.detail.video_button.isVisibleTo(area)


def fake_dialog(monkeypatch, fill) -> None:
    """Run the real dialog's save path with the fields the test fills in."""
    def exec_(dialog: ExerciseDialog) -> int:
        fill(dialog)
        return ExerciseDialog.DialogCode.Accepted if dialog.try_save() else \
            ExerciseDialog.DialogCode.Rejected
    monkeypatch.setattr(ExerciseDialog, "exec", exec_)


def test_add_edit_duplicate_and_delete_through_the_form(area, db, monkeypatch) -> None:
    def fill_new(d: ExerciseDialog) -> None:
        d.name.setText("Single-Leg Wall Sit")
        d.muscle_boxes["quads"].setChecked(True)
        d.secondary_boxes["glutes"].setChecked(True)
        d.pattern.setCurrentIndex(d.pattern.findData("squat"))
        d.laterality.setCurrentIndex(d.laterality.findData("unilateral"))
        d.notes.setPlainText("### Setup\nBack on the wall.")
    fake_dialog(monkeypatch, fill_new)
    new_id = area.add_exercise()
    row = svc.get_exercise(db, new_id)
    assert (row.name, row.data.primary_muscles, row.data.secondary_muscles,
            row.data.pattern, row.data.laterality) == (
        "Single-Leg Wall Sit", ("quads",), ("glutes",), "squat", "unilateral")
    fake_dialog(monkeypatch, lambda d: d.equipment.setText("wall"))
    assert area.edit_current()
    assert svc.get_exercise(db, new_id).data.equipment == ("wall",)
    copy_id = area.duplicate_current()
    assert svc.get_exercise(db, copy_id).name == "Single-Leg Wall Sit (variation)"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert area.delete_current()
    assert all(r.id != copy_id for r in svc.list_exercises(db))


def test_the_form_refuses_bad_input_next_to_the_field(area, db, qtbot, tmp_path) -> None:
    dialog = ExerciseDialog("New", None, lambda d: area.save_record(d, None),
                            lambda p: svc.attach_image(db, p))
    qtbot.addWidget(dialog)
    dialog.name.setText("nordic curl")
    dialog.muscle_boxes["hamstrings"].setChecked(True)
    assert not dialog.try_save()
    assert "already uses that name" in dialog.errors.message("name")
    dialog.name.setText("Reverse Nordic")
    dialog.muscle_boxes["hamstrings"].setChecked(False)
    assert not dialog.try_save()
    assert "at least one prime mover" in dialog.errors.message("primary_muscles")
    dialog.muscle_boxes["quads"].setChecked(True)
    dialog.video.setText("not a link or a file")
    assert not dialog.try_save()
    assert "web link" in dialog.errors.message("video_url")  # files are no longer taken
    assert "https://" in dialog.errors.message("video_url")
    assert not dialog.set_image(tmp_path / "missing.png")
    assert "does not exist" in dialog.errors.message("image_path")


def test_attaching_a_picture_copies_it_into_the_media_folder(db, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    picture = tmp_path / "demo.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f5c"))
    image.save(str(picture))
    stored = svc.attach_image(db, picture)
    assert not Path(stored).is_absolute()
    assert svc.media_path(db, stored).read_bytes() == picture.read_bytes()


def test_deleting_an_exercise_in_use_is_refused_and_offers_to_archive(area, db,
                                                                     monkeypatch) -> None:
    nordic = next(r.id for r in area.model.all_rows if r.name == "Nordic Curl")
    template_id = tpl.create_template(db, "Race week")
    tpl.add_slot(db, template_id, "mon", nordic)
    area.reload(nordic)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    assert not area.delete_current()
    assert "Race week" in asked[1]
    assert svc.get_exercise(db, nordic).archived
    assert "Nordic Curl" not in names(area)


def test_restore_built_in_returns_the_shipped_version(area, db, monkeypatch) -> None:
    nordic = next(r for r in area.model.all_rows if r.name == "Nordic Curl")
    svc.update_exercise(db, nordic.id, nordic.data.with_changes(notes="mine"))
    area.reload(nordic.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert area.restore_current()
    assert svc.get_exercise(db, nordic.id).data.notes == nordic.data.notes


def test_import_preview_then_apply(area, db, tmp_path, monkeypatch) -> None:
    rows = svc.list_exercises(db)
    nordic = next(r for r in rows if r.name == "Nordic Curl")
    entries = [
        {"name": "Reverse Nordic", "muscles": ["quads"], "laterality": "bilateral",
         "phase": "strength"},
        {"name": "Nordic Curl", "muscles": ["hamstrings"], "laterality": "bilateral",
         "phase": "strength", "notes": "changed notes", "eccentric": True},
        {"name": "Knees-over-toes split squat", "muscles": ["quads"],
         "laterality": "unilateral", "phase": "strength"},
    ]
    path = tmp_path / "lib.json"
    path.write_text(json.dumps({"format": "coachdesk-library", "version": 1,
                                "exercises": entries}), encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: shown.append(text)
                        or QMessageBox.StandardButton.Yes)
    assert area.import_file(path) == (1, 1)
    assert "New exercises: 1" in shown[0] and "Changed exercises: 1" in shown[0]
    assert "Conflicts (left out): 1" in shown[0] and "alias of “ATG Split Squat”" in shown[0]
    assert svc.get_exercise(db, nordic.id).data.notes == "changed notes"


def test_a_bad_import_changes_nothing_and_says_where(area, db, tmp_path, qtbot) -> None:
    """The preview names the bad row; cancelling it leaves the library as it was."""
    before = svc.list_exercises(db)
    shown: list[str] = []
    path = tmp_path / "lib.csv"
    path.write_text("name,muscles,laterality,phase\nNew One,quads,bilateral,strength\n"
                    "Other,quads,bilateral,fast\n", encoding="utf-8")
    cancel_the_preview(qtbot, shown)
    assert area.import_file(path) is None
    assert "row 3, column phase" in shown[0]
    assert svc.list_exercises(db) == before


def cancel_the_preview(qtbot, shown: list[str]) -> None:
    """Press Cancel in the next import preview box, keeping its text in ``shown``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(10, poll)
            return
        shown.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel),
                         Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, poll)


def test_export_then_import_finds_nothing_new(area, db, tmp_path, monkeypatch) -> None:
    for suffix in ("json", "csv"):
        path = tmp_path / f"library.{suffix}"
        assert area.export_file(path)
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
        assert area.import_file(path) == (0, 0)


def test_the_drag_payload_carries_exercise_ids(area) -> None:
    area.filters.search.setText("nordic")
    indexes = [area.model.index(r, 0) for r in range(area.model.rowCount())]
    mime = area.model.mimeData(indexes)
    ids = json.loads(bytes(mime.data(EXERCISE_IDS_MIME).data()))
    assert sorted(ids) == sorted(r.id for r in area.model.visible_rows())
    assert area.model.flags(indexes[0]) & Qt.ItemFlag.ItemIsDragEnabled
