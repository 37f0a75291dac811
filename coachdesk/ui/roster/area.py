"""The Clients area: a searchable roster beside the selected runner's profile and history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, StaleEditError, ValidationError
from coachdesk.services import clients as svc
from coachdesk.services.changes import Change
from coachdesk.services.roster_csv import (
    apply_roster_import,
    export_roster,
    preview_roster_import,
)
from coachdesk.ui.area import Area
from coachdesk.ui.common.filter_bar import Facet, FilterBar
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.common.import_flow import import_with_preview
from coachdesk.ui.common.list_area import lay_out, make_table, select_key, select_row
from coachdesk.ui.common.operation import run_operation
from coachdesk.ui.common.widgets import transfer_menu
from coachdesk.ui.roster.client_form import GOAL_TEXT, ClientForm
from coachdesk.vocab import Goal, Injury, Stage, label


def _sent(row: svc.ClientRow) -> str:
    return row.last_sent.astimezone().strftime("%d %b %Y") if row.last_sent else "—"


COLUMNS: list[Column[svc.ClientRow]] = [
    Column("Name", lambda r: r.name + (" (archived)" if r.archived else "")),
    Column("Goal", lambda r: GOAL_TEXT[Goal(r.data.goal)]),
    Column("Race", lambda r: label(r.data.race_distance) if r.data.race_distance else "—"),
    Column("Stage", lambda r: label(r.data.stage)),
    Column("Injuries", lambda r: ", ".join(label(i) for i in r.data.injuries) or "—"),
    Column("Last sent", _sent,
           sort_key=lambda r: r.last_sent.timestamp() if r.last_sent else 0.0),
]


def search_text(row: svc.ClientRow) -> str:
    d = row.data
    return " ".join([d.name, d.email, d.phone, d.goal, d.race_distance or "", d.stage,
                     *d.injuries, d.injury_notes, d.notes]).replace("_", " ")


class WelcomePanel(QWidget):
    """What an empty roster shows: a first step, a demo to look around, the brand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Welcome to CoachDesk")
        title.setObjectName("emptyStateTitle")
        text = QLabel("Your roster is empty. Add your first runner, or load a demo studio "
                      "(three runners, two weekly templates and a program) to look around "
                      "first. You can also set up your studio's name, logo and colours for "
                      "the PDFs now.")
        text.setObjectName("emptyStateText")
        text.setWordWrap(True)
        self.add_button = QPushButton("Add Your First Client")
        self.add_button.setObjectName("primaryButton")
        self.demo_button = QPushButton("Load a Demo Studio")
        self.brand_button = QPushButton("Set Up Your Brand…")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.demo_button, self.brand_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for line in (title, text):
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(line)
        layout.addLayout(buttons)
        layout.addStretch(2)


class ClientsArea(Area):
    """The roster. Opening a program from a client's history emits ``program_requested``;
    "Assign program" emits ``assign_requested`` (None, client id); the welcome panel's
    brand button emits ``brand_requested``."""

    shows = frozenset({Change.CLIENTS, Change.PROGRAMS})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.current_id: int | None = None
        self.loaded_version: int | None = None

        self.filters = FilterBar(
            "Search name, e-mail, notes…",
            facets=[
                Facet("goal", "Any goal", [(GOAL_TEXT[g], g.value) for g in Goal]),
                Facet("stage", "Any stage", [(label(s), s.value) for s in Stage]),
                Facet("injury", "Any injury", [(label(i), i.value) for i in Injury]),
            ],
            toggles=[("archived", "Show archived")],
        )
        self.filters.changed.connect(self.apply_filters)
        self.model: FilterTableModel[svc.ClientRow] = FilterTableModel(
            COLUMNS, search_text, key=lambda r: r.id, parent=self)
        self.view = make_table(self.model, "Clients", (0, 96, 84, 76, 120, 90), stretch=0)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.new_button = QPushButton("New Client")
        self.new_button.clicked.connect(self.new_client)
        self.archive_button = QPushButton("Archive")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button = QPushButton("Import CSV…")
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.clicked.connect(self.choose_export_file)
        toolbar = QHBoxLayout()
        for button in (self.new_button, self.archive_button, self.delete_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(transfer_menu(self, self.import_button, self.export_button))

        self.form = ClientForm()
        self.form.save_requested.connect(self.save)
        self.form.name.editingFinished.connect(self._check_duplicate_name)
        self.assign_button = QPushButton("Assign Program…")
        self.assign_button.clicked.connect(
            lambda: self.current_id is not None
            and self.assign_requested.emit(None, self.current_id))
        self.history_label = QLabel("Programs")
        self.history_label.setObjectName("subHeading")
        self.history = QTableView()
        self.history_model: FilterTableModel[svc.ProgramHistoryRow] = FilterTableModel(
            [Column("Program", lambda p: p.name),
             Column("Starts", lambda p: p.start_date.strftime("%d %b %Y")),
             Column("Weeks", lambda p: str(p.weeks)),
             Column("Status", lambda p: p.status.capitalize()),
             Column("Exported", lambda p: p.exported_at.astimezone().strftime("%d %b %Y")
                    if p.exported_at else "—"),
             Column("E-mailed", lambda p: p.emailed_at.astimezone().strftime("%d %b %Y")
                    if p.emailed_at else "—")],
            lambda p: p.name, key=lambda p: p.id, parent=self)
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(150)
        self.history.doubleClicked.connect(
            lambda index: self.program_requested.emit(self.history_model.row_at(index.row()).id))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form)
        history_head = QHBoxLayout()
        history_head.addWidget(self.history_label)
        history_head.addStretch(1)
        history_head.addWidget(self.assign_button)
        right_layout.addLayout(history_head)
        right_layout.addWidget(self.history)
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(390)

        self.welcome = WelcomePanel()
        self.welcome.add_button.clicked.connect(self.new_client)
        self.welcome.demo_button.clicked.connect(self.load_demo)
        self.welcome.brand_button.clicked.connect(self.brand_requested)
        lay_out(self, toolbar, self.filters, self.view, scroll, extra=[self.welcome])
        self._update_buttons()

    # --- loading and filtering ------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        assert self.db is not None
        keep = select_id if select_id is not None else self.current_id
        self.model.set_rows(svc.list_clients(self.db))
        self.apply_filters()
        empty = self.model.total_count == 0
        self.welcome.setVisible(empty)
        for widget in (self.view, self.filters):
            widget.setVisible(not empty)
        if keep is not None:
            self.select_client(keep)
        elif self.model.visible_count:
            self.select_row(0)
        else:
            self._show_client(None)

    def apply_filters(self) -> None:
        values = self.filters.values()
        show_archived = self.filters.toggled("archived")

        def keep(row: svc.ClientRow) -> bool:
            return ((show_archived or not row.archived)
                    and (not values["goal"] or row.data.goal == values["goal"])
                    and (not values["stage"] or row.data.stage == values["stage"])
                    and (not values["injury"] or values["injury"] in row.data.injuries))

        self.model.set_filter(self.filters.query(), keep)
        shown = self.model.visible_count
        total = sum(1 for r in self.model.all_rows if show_archived or not r.archived)
        self.filters.show_count(shown, total, "client")

    def select_row(self, row: int) -> None:
        select_row(self.view, row)

    def select_client(self, client_id: int) -> bool:
        return select_key(self.view, self.model, client_id)

    # --- the form -----------------------------------------------------------------------------

    def _current_changed(self, current, previous) -> None:
        if not current.isValid():
            return
        client_id = self.model.row_at(current.row()).id
        if client_id == self.current_id:
            return
        if not self.confirm_leave():
            self.view.selectionModel().blockSignals(True)
            if previous.isValid():
                self.select_row(previous.row())
            self.view.selectionModel().blockSignals(False)
            return
        self._show_client(client_id)

    def _show_client(self, client_id: int | None) -> None:
        assert self.db is not None
        self.current_id = client_id
        if client_id is None:
            self.form.load(svc.ClientData(), "New client")
            self.history_model.set_rows([])
        else:
            row = svc.get_client(self.db, client_id)
            self.loaded_version = row.version
            heading = row.name + (" — archived" if row.archived else "")
            self.form.load(row.data, heading)
            self.history_model.set_rows(svc.client_history(self.db, client_id))
        self.history_label.setText(
            f"Programs ({self.history_model.visible_count})" if client_id else "Programs")
        self._update_buttons()

    def confirm_leave(self) -> bool:
        """The unsaved-changes guard: True when it is fine to leave the form."""
        if not self.form.dirty:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes",
            f"Save the changes to {self.form.data().name or 'this client'}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_client(self) -> None:
        if not self.confirm_leave():
            return
        self.view.selectionModel().clearSelection()
        self._show_client(None)
        self.form.name.setFocus()

    def save(self) -> bool:
        assert self.db is not None
        data = self.form.data()
        self.form.errors.clear()
        try:
            if self.current_id is None:
                client_id = svc.create_client(self.db, data)
            else:
                client_id = self.current_id
                svc.update_client(self.db, client_id, data, self.loaded_version)
        except StaleEditError as error:
            return self._resolve_stale(str(error), data)
        except ValidationError as error:
            if not self.form.errors.show(error.field, error.message):
                QMessageBox.warning(self, "Cannot save", str(error))
            return False
        except CoachDeskError as error:
            QMessageBox.warning(self, "Cannot save", str(error))
            return False
        self.current_id = client_id
        self.form.mark_saved(data.name)
        self.reload(client_id)
        return True

    def load_demo(self) -> None:
        from coachdesk.services.demo import load_demo_studio

        assert self.db is not None
        if run_operation(self, lambda: load_demo_studio(self.db),
                         changes=set(Change)).ok:  # every area shows part of the demo
            self.reload()

    def _resolve_stale(self, reason: str, mine: svc.ClientData) -> bool:
        """Someone else saved first: reload theirs, or keep the coach's version as a copy."""
        assert self.db is not None
        box = QMessageBox(QMessageBox.Icon.Warning, "Changed elsewhere",
                          f"{reason} Nothing was overwritten.", parent=self)
        reload = box.addButton("Reload Their Version", QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Keep Mine as a Copy", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reload:
            self._show_client(self.current_id)
            return False
        if clicked is copy:
            copy_id = svc.create_client(self.db, mine.with_changes(name=f"{mine.name} (my copy)"))
            self.form.mark_saved(mine.name)
            self.current_id = copy_id
            self.reload(copy_id)
            return True
        return False

    def create_new(self) -> None:
        self.new_client()

    def refresh_from_elsewhere(self) -> None:
        """Pick up changes other windows or coaches saved, without losing unsaved edits."""
        if self.db is None:
            return
        selected = self.current_id
        self.model.set_rows(svc.list_clients(self.db))
        self.apply_filters()
        # A client removed elsewhere (or by a restore on another desk) is simply gone.
        if selected is not None and self.select_client(selected) and not self.form.dirty:
            self._show_client(selected)

    def _check_duplicate_name(self) -> None:
        if self.db is None:
            return
        name = self.form.name.text()
        self.form.show_duplicate_warning(
            bool(name.strip()) and svc.name_taken(self.db, name, except_id=self.current_id))
        if not name.strip():
            self.form.errors.show("name", "is required")

    # --- archive and delete ---------------------------------------------------------------------

    def toggle_archived(self) -> None:
        if self.db is None or self.current_id is None:
            return
        row = svc.get_client(self.db, self.current_id)
        svc.set_archived(self.db, self.current_id, not row.archived)
        if not row.archived and not self.filters.toggled("archived"):
            self.current_id = None
            self.reload()
        else:
            self.reload(row.id)
            self._show_client(row.id)

    def delete_current(self) -> None:
        if self.db is None or self.current_id is None:
            return
        summary = svc.deletion_summary(self.db, self.current_id)
        answer = QMessageBox.warning(
            self, "Delete permanently",
            f"{summary} This cannot be undone. To keep the history, archive instead.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        svc.delete_client(self.db, self.current_id)
        self.current_id = None
        self.reload()

    def _update_buttons(self) -> None:
        selected = self.current_id is not None
        self.archive_button.setEnabled(selected)
        self.assign_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        if selected and self.db is not None:
            archived = svc.get_client(self.db, self.current_id).archived
            self.archive_button.setText("Restore" if archived else "Archive")

    # --- CSV -------------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import clients", str(Path.home()),
                                              "CSV files (*.csv)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> tuple[int, int] | None:
        db = self.db
        assert db is not None
        result = import_with_preview(
            self, "client", lambda: preview_roster_import(db, path),
            lambda preview, progress, stop: apply_roster_import(db, preview, progress, stop))
        if result:
            self.reload()
        return result

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export clients",
                                              str(Path.home() / "clients.csv"),
                                              "CSV files (*.csv)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        assert self.db is not None
        try:
            export_roster(self.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return False
        return True

