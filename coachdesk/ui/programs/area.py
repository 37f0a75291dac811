"""Programs by client, with dates and status; assign, export and e-mail from here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, StaleEditError
from coachdesk.paths import data_dir
from coachdesk.services import clients as client_svc
from coachdesk.services import export as export_svc
from coachdesk.services import programs as svc
from coachdesk.services import templates as template_svc
from coachdesk.services.brand import get_brand
from coachdesk.services.changes import Change
from coachdesk.ui.area import Area, EmptyState
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.common.mail import hand_to_mail_program
from coachdesk.ui.common.operation import ChangeBus, run_operation
from coachdesk.ui.common.stale import keep_mine
from coachdesk.ui.programs.assign_dialog import AssignDialog
from coachdesk.ui.programs.batch import BatchExport, summary
from coachdesk.ui.programs.preview import PdfPreviewDialog
from coachdesk.ui.programs.progression_dialog import ProgressionDialog
from coachdesk.ui.programs.weeks_view import OverrideDialog, ProgramWeeksView


def _when(value: Any) -> str:
    return value.astimezone().strftime("%d %b %Y %H:%M") if value else "—"


def _day(value: Any) -> str:
    return value.strftime("%d %b %Y")


PROGRAM_COLUMNS: tuple[Column[svc.ProgramRow], ...] = (
    Column("Client", lambda r: r.client_name),
    Column("Program", lambda r: r.name),
    Column("Starts", lambda r: _day(r.start_date), sort_key=lambda r: r.start_date),
    Column("Ends", lambda r: _day(r.end_date), sort_key=lambda r: r.end_date),
    Column("Weeks", lambda r: str(r.weeks), sort_key=lambda r: r.weeks),
    Column("Status", lambda r: r.status.capitalize()),
    Column("Last sent", lambda r: _when(r.emailed_at)),
)


def programs_model(parent: Any = None) -> FilterTableModel[svc.ProgramRow]:
    """The programs table: the shared filter model over the service's program rows."""
    return FilterTableModel(PROGRAM_COLUMNS, lambda r: f"{r.client_name} {r.name}",
                            key=lambda r: r.id, parent=parent)


class ProgramsArea(Area):
    shows = frozenset({Change.PROGRAMS, Change.CLIENTS, Change.TEMPLATES,
                       Change.SETTINGS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.model = programs_model(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setAlternatingRowColors(True)
        self.empty_state = EmptyState(
            "No programs yet",
            "Assign a template to a client to create their first program.",
        )
        self.assign_button = QPushButton("Assign Template…")
        self.assign_button.clicked.connect(lambda: self.assign())  # not clicked(False)
        self.progression_button = QPushButton("Progression…")
        self.progression_button.clicked.connect(self.edit_progression)
        self.preview_button = QPushButton("Preview PDF")
        self.preview_button.clicked.connect(lambda: self.preview_selected())
        self.export_button = QPushButton("Export PDF…")
        self.export_button.clicked.connect(self.choose_pdf_file)
        self.email_button = QPushButton("E-mail to Client…")
        self.email_button.clicked.connect(self.email_selected)
        self.batch_button = QPushButton("Export All Current…")
        self.batch_button.setToolTip("Every active client's current program, as PDFs")
        self.batch_button.clicked.connect(self.choose_batch_folder)
        self.batch: BatchExport | None = None
        self.folder_button = QPushButton("Show in Folder")
        self.folder_button.clicked.connect(self.show_in_folder)
        self.last_file: Path | None = None
        self.season_button = QPushButton("Season Plan…")
        self.season_button.setToolTip("Blocks up to the runner's race day, checked and "
                                      "exported as a PDF and a calendar")
        self.season_button.clicked.connect(lambda: self.open_season())
        self.season_dialog: Any = None
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        # Two rows (the program; its PDF), so every label fits a 200 % screen.
        program_row = QHBoxLayout()
        for button in (self.assign_button, self.progression_button, self.season_button):
            program_row.addWidget(button)
        program_row.addStretch(1)
        program_row.addWidget(self.delete_button)
        pdf_row = QHBoxLayout()
        for button in (self.preview_button, self.export_button, self.email_button,
                       self.folder_button, self.batch_button):
            pdf_row.addWidget(button)
        pdf_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(program_row)
        layout.addLayout(pdf_row)
        self.weeks = ProgramWeeksView()
        self.weeks.override_requested.connect(self.edit_week)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.weeks)
        split.setStretchFactor(1, 2)
        self.split = split
        layout.addWidget(self.empty_state)
        layout.addWidget(split, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        assert self.db is not None
        self.model.set_rows(svc.list_programs(self.db))
        has_rows = self.model.rowCount() > 0
        self.split.setVisible(has_rows)
        self.empty_state.setVisible(not has_rows)
        if select_id is not None:
            for row, item in enumerate(self.model.rows):
                if item.id == select_id:
                    self.view.selectRow(row)
        self._selection_changed()

    def create_new(self) -> None:
        self.assign()

    def refresh_from_elsewhere(self) -> None:
        if self.db is not None and self.batch is None:
            self.refresh(self.selected_id())

    def open_program(self, program_id: int) -> bool:
        self.refresh(program_id)
        return True

    def start_assign(self, client_id: int | None, template_id: int | None) -> bool:
        self.assign(client_id, template_id)
        return True

    def export_current(self) -> bool:
        """Ctrl+E: export the selected program's PDF; False when none is selected."""
        if self.selected_id() is None:
            return False
        self.choose_pdf_file()
        return True

    def open_season(self) -> None:
        """The season plan of the selected program's runner (or the first runner)."""
        from coachdesk.ui.programs.season_panel import SeasonDialog

        if self.db is None:
            return
        rows = self.view.selectionModel().selectedRows()
        client_id = self.model.rows[rows[0].row()].client_id if rows else None
        self.season_dialog = SeasonDialog(self.db, client_id, self)
        self.season_dialog.show()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def _selection_changed(self, *_args: object) -> None:
        selected = self.selected_id() is not None
        for button in (self.delete_button, self.export_button, self.email_button,
                       self.progression_button, self.preview_button):
            button.setEnabled(selected)
        self.folder_button.setEnabled(self.last_file is not None)
        self.show_weeks()

    def preview_selected(self) -> PdfPreviewDialog | None:
        """Build the selected program's PDF in a private folder and show its pages."""
        import tempfile

        from coachdesk.services.export import export_program_pdf

        program_id = self.selected_id()
        if self.db is None or program_id is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="coachdesk-preview-"))
        db = self.db
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = run_operation(self, lambda: export_program_pdf(
                db, program_id, folder / "preview.pdf"), title="Preview PDF")
        finally:
            QApplication.restoreOverrideCursor()
        if not done.ok:
            return None
        row = next(r for r in self.model.rows if r.id == program_id)
        dialog = PdfPreviewDialog(done.value.path, f"{row.client_name} – {row.name}", self)
        dialog.exec()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        return dialog

    def show_weeks(self) -> None:
        """The selected program week by week (or nothing)."""
        program_id = self.selected_id()
        view = None
        if self.db is not None and program_id is not None:
            done = run_operation(self, lambda: svc.program_view(self.db, program_id))
            view = done.value if done.ok else None
        self.weeks.show_program(view)

    def edit_week(self, key: str, week: int) -> bool:
        """Set one week of one slot by hand (double-click in the week view)."""
        view = self.weeks.model.view
        program_id = self.selected_id()
        if self.db is None or view is None or program_id is None:
            return False
        slot = next(s for s in view.slots if s.key == key)
        dialog = OverrideDialog(slot.exercise, week, slot.weeks[week - 1],
                                week in slot.overridden, self)
        if dialog.exec() != OverrideDialog.DialogCode.Accepted:
            return False
        numbers, db = dialog.numbers(), self.db

        def save(mine_wins: bool = False) -> None:
            svc.set_week_override(db, program_id, key, week, numbers,
                                  expected=view.progression, keep_mine=mine_wins)

        try:
            save()
        except StaleEditError as error:
            if not keep_mine(self, error):
                self.show_weeks()
                return False
            save(mine_wins=True)
        except CoachDeskError as error:
            QMessageBox.warning(self, "Cannot set this week", str(error))
            return False
        ChangeBus.instance().announce({Change.PROGRAMS})
        self.show_weeks()
        return True

    def progression_dialog(self) -> ProgressionDialog | None:
        program_id = self.selected_id()
        if self.db is None or program_id is None:
            return None
        db = self.db
        row, week, material = svc.slot_material(db, program_id)
        loaded = svc.program_progression(db, program_id)

        def save(data: dict, force: bool = False) -> None:
            svc.set_progression(db, program_id, data, expected=loaded, keep_mine=force)

        return ProgressionDialog(week, row.weeks, loaded, save, self,
                                 material=material, units=get_brand(db).units)

    def edit_progression(self) -> None:
        dialog = self.progression_dialog()
        if dialog is not None:
            dialog.exec()

    # --- export and e-mail ----------------------------------------------------------------

    def exports_dir(self) -> Path:
        return data_dir() / "exports"

    def choose_pdf_file(self) -> None:
        program_id = self.selected_id()
        if self.db is None or program_id is None:
            return
        suggested = self.exports_dir() / export_svc.suggested_pdf_name(self.db, program_id)
        path, _ = QFileDialog.getSaveFileName(self, "Export the program", str(suggested),
                                              "PDF (*.pdf)")
        if path:  # the dialog asked before choosing an existing file
            self.export_pdf(Path(path), overwrite=True)

    def export_pdf(self, path: Path, program_id: int | None = None, *,
                   overwrite: bool = False) -> Path | None:
        """Write the PDF; an existing file is replaced only with ``overwrite`` (the coach
        chose it)."""
        program_id = program_id or self.selected_id()
        if self.db is None or program_id is None:
            return None
        try:
            result = export_svc.export_program_pdf(self.db, program_id, path,
                                                   overwrite=overwrite)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self, "Cannot export the PDF", str(error))
            return None
        self.last_file = result.path
        if result.warnings:
            QMessageBox.information(self, "PDF exported", "\n".join(result.warnings))
        self.refresh(program_id)
        return result.path

    def email_selected(self) -> Path | None:
        """Write the PDF and an .eml draft into the exports folder and open the draft."""
        program_id = self.selected_id()
        if self.db is None or program_id is None:
            return None
        folder = self.exports_dir()
        try:
            target = folder / export_svc.suggested_pdf_name(self.db, program_id)
        except CoachDeskError as error:
            QMessageBox.warning(self, "Cannot write the e-mail", str(error))
            return None
        existing = [p for p in (target, target.with_suffix(".eml"), target.with_suffix(".ics"))
                    if p.exists()]
        if existing and not self.confirm_replace(existing):
            return None
        pdf = self.export_pdf(target, program_id, overwrite=bool(existing))
        if pdf is None:
            return None
        try:  # the sessions as a calendar beside the PDF, so they land in the runner's
            calendar = export_svc.export_program_ics(self.db, program_id,
                                                     pdf.with_suffix(".ics"), pdf.name)
            draft = export_svc.email_program(self.db, program_id, pdf, pdf.with_suffix(".eml"),
                                             overwrite=bool(existing), ics_path=calendar)
        except CoachDeskError as error:
            QMessageBox.warning(self, "Cannot write the e-mail", str(error))
            return None
        self.last_file = draft
        if hand_to_mail_program(self, draft, "The program is marked Emailed only once a mail "
                                "program has the draft."):
            export_svc.draft_handed_over(self.db, program_id)
        self.refresh(program_id)
        return draft

    def confirm_replace(self, paths: list[Path]) -> bool:
        """Ask before replacing this program's earlier PDF or draft in the exports folder."""
        names = " and ".join(p.name for p in paths)
        answer = QMessageBox.question(
            self, "Replace the earlier files?",
            f"{names} already {'exist' if len(paths) > 1 else 'exists'} in {paths[0].parent}. "
            "Replace with the program as it is now?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def choose_batch_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export every current program to",
                                                  str(self.exports_dir()))
        if folder:
            self.export_batch(Path(folder))

    def export_batch(self, folder: Path, start: bool = True) -> BatchExport | None:
        """Start the batch in a worker thread; the progress dialog can cancel it."""
        if self.db is None or self.batch is not None:
            return None
        rows = export_svc.current_programs(self.db)
        if not rows:
            QMessageBox.information(self, "Export all", "No active client has a program yet.")
            return None
        folder.mkdir(parents=True, exist_ok=True)
        progress = QProgressDialog("Exporting programs…", "Cancel", 0, len(rows), self)
        progress.setWindowTitle("Export all current programs")
        progress.setMinimumDuration(0)
        self.progress = progress
        self.batch = BatchExport(self.db, rows, folder, self)
        # A bound method of this (GUI-thread) object: Qt queues the call to this thread.
        self.batch.worker.progress.connect(self._batch_progress)
        progress.canceled.connect(self.batch.cancel)

        def finished(results: list) -> None:
            progress.close()
            self.batch = None
            self.last_file = folder
            self.refresh()
            self.batch_finished(summary(results, len(rows)))

        self.batch.done.connect(finished)
        if start:
            self.batch.start()
        return self.batch

    def _batch_progress(self, done: int, _total: int, name: str) -> None:
        self.progress.setValue(done)
        self.progress.setLabelText(f"Exporting {name}…" if name else "Finishing…")

    def batch_finished(self, text: str) -> None:
        QMessageBox.information(self, "Export all current programs", text)

    def show_in_folder(self) -> None:
        if self.last_file is not None:
            folder = self.last_file if self.last_file.is_dir() else self.last_file.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def assign(self, client_id: int | None = None, template_id: int | None = None) -> int | None:
        assert self.db is not None
        dialog = AssignDialog(client_svc.list_clients(self.db, include_archived=False),
                              template_svc.list_templates(self.db), client_id, template_id, self)
        if dialog.exec() != AssignDialog.DialogCode.Accepted:
            return None
        return self.assign_values(*dialog.values())

    def assign_values(self, client_id: int, template_id: int, start, weeks: int,
                      name: str | None) -> int | None:
        assert self.db is not None
        try:
            program_id = svc.assign_program(self.db, template_id, client_id, start, weeks, name)
        except CoachDeskError as error:
            QMessageBox.warning(self, "Cannot assign the program", str(error))
            return None
        self.refresh(program_id)
        return program_id

    def delete_selected(self) -> None:
        program_id = self.selected_id()
        if self.db is None or program_id is None:
            return
        row = next(r for r in self.model.rows if r.id == program_id)
        answer = QMessageBox.question(
            self, "Delete program",
            f"Delete “{row.name}” for {row.client_name}? Files already exported stay where "
            "they are.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            svc.delete_program(self.db, program_id)
            self.refresh()
