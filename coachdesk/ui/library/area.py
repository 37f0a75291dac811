"""The Library area: a filterable exercise table beside the selected exercise's details."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.errors import InUseError
from coachdesk.services import library as svc
from coachdesk.services.changes import Change
from coachdesk.ui.common.list_area import ListArea, ListSpec
from coachdesk.ui.library.detail import ExerciseDetail
from coachdesk.ui.library.exercise_dialog import ExerciseDialog
from coachdesk.ui.library.model import SPEC


class LibraryArea(ListArea[svc.ExerciseRow]):
    shows = frozenset({Change.EXERCISES, Change.TEMPLATES})

    def __init__(self, parent: QWidget | None = None,
                 spec: ListSpec[svc.ExerciseRow] = SPEC) -> None:
        super().__init__(spec, parent)
        self.view.doubleClicked.connect(lambda _index: self.edit_current())
        self.new_button = self.add_button("New", self.add_exercise, needs_row=False,
                                          tooltip="Add an exercise of your own (Ctrl+N)")
        self.edit_button = self.add_button("Edit…", self.edit_current)
        self.duplicate_button = self.add_button("Duplicate", self.duplicate_current)
        self.delete_button = self.add_button("Delete…", self.delete_current)
        self.restore_button = self.add_button(
            "Restore", self.restore_current,
            tooltip="Return a built-in exercise to the version CoachDesk ships")

    def build_detail(self) -> QWidget:
        self.detail = ExerciseDetail()
        return self.detail

    # --- the list area's hooks ------------------------------------------------------------

    def present(self, row: svc.ExerciseRow | None) -> None:
        image = svc.media_path(self.db, row.data.image_path) if row and self.db else None
        self.detail.show_row(row, image)

    def update_buttons(self, row: svc.ExerciseRow | None) -> None:
        super().update_buttons(row)
        self.restore_button.setEnabled(row is not None and row.builtin)
        if row is not None:
            self.delete_button.setText("Restore from Archive" if row.archived else "Delete…")

    def create_new(self) -> None:
        self.add_exercise()

    def select_exercise(self, exercise_id: int) -> bool:
        return self.select_key(exercise_id)

    # --- curating ---------------------------------------------------------------------------------

    def open_editor(self, exercise_id: int | None) -> int | None:
        """The exercise dialog, modal; returns the saved exercise's id (None: cancelled)."""
        assert self.db is not None
        db = self.db
        title = "New exercise" if exercise_id is None else \
            f"Edit {svc.get_exercise(db, exercise_id).name}"
        dialog = ExerciseDialog(title, None, lambda d: self.save_record(d, exercise_id),
                                lambda p: svc.attach_image(db, p), self)
        self.load_editor(dialog, exercise_id)
        self.dialog = dialog
        if dialog.exec() != ExerciseDialog.DialogCode.Accepted:
            return None
        return dialog.result_value  # type: ignore[return-value]

    def add_exercise(self) -> int | None:
        return self.open_editor(None)

    def edit_current(self) -> bool:
        if self.current_id is None:
            return False
        return self.open_editor(self.current_id) is not None

    def duplicate_current(self) -> int | None:
        exercise_id = self.current_id
        if self.db is None or exercise_id is None:
            return None
        new_id = self.run(lambda: svc.duplicate_exercise(self.db, exercise_id))
        if new_id is not None:
            self.reload(new_id)
        return new_id

    def delete_current(self) -> bool:
        exercise_id = self.current_id
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
                self.current_id = None
                self.reload()
            return False
        self.current_id = None
        self.reload()
        return True

    def restore_current(self) -> bool:
        exercise_id = self.current_id
        if self.db is None or exercise_id is None:
            return False
        answer = QMessageBox.question(
            self, "Restore built-in",
            "Return this exercise to the version CoachDesk ships? Your edits to it are lost.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.run(lambda: svc.restore_builtin(self.db, exercise_id)) is None:
            return False
        self.reload(exercise_id)
        return True
