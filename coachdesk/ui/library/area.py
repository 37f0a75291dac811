"""The Library area: a filterable exercise table beside the selected exercise's details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, InUseError
from coachdesk.library import transfer
from coachdesk.services import library as svc
from coachdesk.services.changes import Change
from coachdesk.ui.area import Area
from coachdesk.ui.common.filter_bar import Facet, FilterBar
from coachdesk.ui.common.import_flow import import_with_preview
from coachdesk.ui.common.list_area import lay_out, make_table, select_key, select_row
from coachdesk.ui.common.widgets import transfer_menu
from coachdesk.ui.library.detail import ExerciseDetail
from coachdesk.ui.library.exercise_dialog import ExerciseDialog
from coachdesk.ui.library.model import LibraryModel
from coachdesk.vocab import Muscle, Pattern, Phase, label

EQUIPMENT_NONE = "__none__"


class LibraryArea(Area):
    shows = frozenset({Change.EXERCISES, Change.TEMPLATES})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.filters = FilterBar(
            "Search names, muscles, notes…",
            facets=[
                Facet("muscle", "Any muscle", [(label(m), m.value) for m in Muscle]),
                Facet("laterality", "Any sides", [("Single-leg / one side", "unilateral"),
                                                  ("Two-sided", "bilateral")]),
                Facet("pattern", "Any movement", [(label(p), p.value) for p in Pattern]),
                Facet("phase", "Any phase", [(label(p), p.value) for p in Phase]),
                Facet("plyometric", "Plyo or not", [("Plyometric", "yes"),
                                                    ("Not plyometric", "no")]),
                Facet("equipment", "Any equipment", []),
                Facet("origin", "Built-in or mine", [("Built-in", "builtin"),
                                                     ("Coach-made", "coach"),
                                                     ("Needs review", "review")]),
            ],
            toggles=[("archived", "Show archived")],
        )
        self.filters.changed.connect(self.apply_filters)
        self.model = LibraryModel(self)
        self.view = make_table(self.model, "Exercise library", (190, 130, 0, 125, 95, 115),
                               stretch=2, multi=True)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())

        self.new_button = QPushButton("New")
        self.new_button.setToolTip("Add an exercise of your own (Ctrl+N)")
        self.new_button.clicked.connect(self.add_exercise)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_current)
        self.duplicate_button = QPushButton("Duplicate")
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_current)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Return a built-in exercise to the version CoachDesk ships")
        self.restore_button.clicked.connect(self.restore_current)
        self.import_button = QPushButton("Import…")
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button = QPushButton("Export…")
        self.export_button.clicked.connect(self.choose_export_file)
        toolbar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.duplicate_button,
                       self.delete_button, self.restore_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(transfer_menu(self, self.import_button, self.export_button))

        self.detail = ExerciseDetail()
        lay_out(self, toolbar, self.filters, self.view, self.detail)
        self._update_buttons()

    # --- loading and filtering ----------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        assert self.db is not None
        keep = select_id if select_id is not None else self.current_id()
        rows = svc.list_exercises(self.db)
        self._fill_equipment(rows)
        self.model.set_rows(rows)
        self.apply_filters()
        if keep is not None and self.select_exercise(keep):
            return
        if self.model.visible_count:
            self.select_row(0)
        else:
            self.detail.show_row(None, None)
            self._update_buttons()

    def create_new(self) -> None:
        self.add_exercise()

    def refresh_from_elsewhere(self) -> None:
        """Pick up exercises other windows or coaches saved, keeping the selection."""
        if self.db is not None:
            self.reload()

    def _fill_equipment(self, rows: list[svc.ExerciseRow]) -> None:
        combo = self.filters.combos["equipment"]
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Any equipment", "")
        combo.addItem("No equipment", EQUIPMENT_NONE)
        for item in sorted({e for r in rows for e in r.data.equipment}):
            combo.addItem(item.replace("_", " ").capitalize(), item)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def apply_filters(self) -> None:
        v = self.filters.values()
        archived = self.filters.toggled("archived")

        def keep(row: svc.ExerciseRow) -> bool:
            d = row.data
            return ((archived or not row.archived)
                    and (not v["muscle"] or v["muscle"] in d.primary_muscles
                         or v["muscle"] in d.secondary_muscles)
                    and (not v["laterality"] or d.laterality == v["laterality"])
                    and (not v["pattern"] or d.pattern == v["pattern"])
                    and (not v["phase"] or d.phase == v["phase"])
                    and (not v["plyometric"] or d.plyometric == (v["plyometric"] == "yes"))
                    and (not v["equipment"] or (not d.equipment if v["equipment"] ==
                                                EQUIPMENT_NONE else v["equipment"] in d.equipment))
                    and (not v["origin"] or (row.needs_review if v["origin"] == "review"
                                             else row.builtin == (v["origin"] == "builtin"))))

        self.model.set_filter(self.filters.query(), keep)
        total = sum(1 for r in self.model.all_rows if archived or not r.archived)
        self.filters.show_count(self.model.visible_count, total, "exercise")

    def select_row(self, row: int) -> None:
        select_row(self.view, row)

    def select_exercise(self, exercise_id: int) -> bool:
        return select_key(self.view, self.model, exercise_id)

    def current_id(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.visible_count:
            return None
        return self.model.row_at(index.row()).id

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.row_at(r).id for r in rows]

    def _current_changed(self, current, _previous) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        image = svc.media_path(self.db, row.data.image_path) if row and self.db else None
        self.detail.show_row(row, image)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row_id = self.current_id()
        row = next((r for r in self.model.all_rows if r.id == row_id), None)
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(row is not None)
        self.restore_button.setEnabled(row is not None and row.builtin)
        if row is not None:
            self.delete_button.setText("Restore from Archive" if row.archived else "Delete…")

    # --- curating ---------------------------------------------------------------------------------

    def _dialog(self, title: str, data: svc.ExerciseData, save) -> int | None:
        assert self.db is not None
        dialog = ExerciseDialog(title, data, save, lambda p: svc.attach_image(self.db, p), self)
        if dialog.exec() != ExerciseDialog.DialogCode.Accepted:
            return None
        return dialog.result_value  # type: ignore[return-value]

    def add_exercise(self) -> int | None:
        assert self.db is not None
        new_id = self._dialog("New exercise", svc.ExerciseData(),
                              lambda data: svc.create_exercise(self.db, data))
        if new_id is not None:
            self.filters.clear()
            self.reload(new_id)
        return new_id

    def edit_current(self) -> bool:
        exercise_id = self.current_id()
        if self.db is None or exercise_id is None:
            return False
        row = svc.get_exercise(self.db, exercise_id)
        version = svc.exercise_version(self.db, exercise_id)
        done = self._dialog(
            f"Edit {row.name}", row.data,
            lambda data: svc.update_exercise(self.db, exercise_id, data, version) or True)
        if done:
            self.reload(exercise_id)
        return bool(done)

    def duplicate_current(self) -> int | None:
        exercise_id = self.current_id()
        if self.db is None or exercise_id is None:
            return None
        new_id = self._run(lambda: svc.duplicate_exercise(self.db, exercise_id))
        if new_id is not None:
            self.filters.clear()
            self.reload(new_id)
        return new_id

    def delete_current(self) -> bool:
        exercise_id = self.current_id()
        if self.db is None or exercise_id is None:
            return False
        row = svc.get_exercise(self.db, exercise_id)
        if row.archived:
            svc.set_archived(self.db, exercise_id, False)
            self.reload(exercise_id)
            return True
        answer = QMessageBox.question(self, "Delete exercise",
                                      f"Delete “{row.name}” from the library?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            svc.delete_exercise(self.db, exercise_id)
        except InUseError as error:
            offer = QMessageBox.question(
                self, "Exercise in use",
                f"“{row.name}” cannot be deleted. {error}\n\nArchive it now?")
            if offer == QMessageBox.StandardButton.Yes:
                svc.set_archived(self.db, exercise_id, True)
                self.reload()
            return False
        self.reload()
        return True

    def restore_current(self) -> bool:
        exercise_id = self.current_id()
        if self.db is None or exercise_id is None:
            return False
        answer = QMessageBox.question(
            self, "Restore built-in",
            "Return this exercise to the version CoachDesk ships? Your edits to it are lost.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self._run(lambda: svc.restore_builtin(self.db, exercise_id)) is None:
            return False
        self.reload(exercise_id)
        return True

    def _run(self, action):
        try:
            result = action()
        except CoachDeskError as error:
            QMessageBox.warning(self, "CoachDesk", str(error))
            return None
        return True if result is None else result

    # --- import and export ------------------------------------------------------------------

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import exercises", str(Path.home()), "Library files (*.json *.csv)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> tuple[int, int] | None:
        db = self.db
        assert db is not None
        result = import_with_preview(
            self, "exercise",
            lambda: transfer.preview_import(db, transfer.read_library_file(path)),
            lambda preview, progress, stop: transfer.apply_import(db, preview, progress, stop))
        if result:
            self.reload()
        return result

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the library", str(Path.home() / "coachdesk-library.json"),
            "JSON (*.json);;CSV for spreadsheets (*.csv)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        assert self.db is not None
        try:
            transfer.export_library(self.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return False
        return True

