"""The Clients area: a searchable roster beside the selected runner's profile and history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from coachdesk.lazy import LazyModule
from coachdesk.roster_rows import ClientRow, ProgramHistoryRow
from coachdesk.services.changes import Change
from coachdesk.ui.common.filter_bar import Facet, Toggle, field_has, field_is
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.common.list_area import ListArea, ListSpec, Store, Transfer
from coachdesk.ui.common.operation import run_operation
from coachdesk.ui.common.signals import emit
from coachdesk.ui.roster.client_form import GOAL_TEXT, ClientForm
from coachdesk.vocab import Goal, Injury, Stage, label

# The roster is on the first screen, shown before the database layer has loaded (see
# ui.main_window): its services are imported when first used.
svc = LazyModule("coachdesk.services.clients")
roster_csv = LazyModule("coachdesk.services.roster_csv")
seasons = LazyModule("coachdesk.services.seasons")


def _sent(row: ClientRow) -> str:
    return row.last_sent.astimezone().strftime("%d %b %Y") if row.last_sent else "—"


def search_text(row: ClientRow) -> str:
    d = row.data
    return " ".join([d.name, d.email, d.phone, d.goal, d.race_distance or "", d.stage,
                     *d.injuries, d.injury_notes, d.notes]).replace("_", " ")


SPEC: ListSpec[ClientRow] = ListSpec(
    noun="client",
    title="Clients",
    placeholder="Search name, e-mail, notes…",
    load=lambda db: seasons.roster_rows(db),  # the stage follows each runner's season
    columns=(
        Column("Name", lambda r: r.name + (" (archived)" if r.archived else "")),
        Column("Goal", lambda r: GOAL_TEXT[Goal(r.data.goal)], width=96),
        Column("Race", lambda r: label(r.data.race_distance) if r.data.race_distance else "—",
               width=84),
        Column("Stage", lambda r: label(r.data.stage), width=76),
        Column("Injuries", lambda r: ", ".join(label(i) for i in r.data.injuries) or "—",
               width=120),
        Column("Last sent", _sent,
               sort_key=lambda r: r.last_sent.timestamp() if r.last_sent else 0.0, width=90),
    ),
    search_text=search_text,
    facets=(
        Facet("goal", "Any goal", [(GOAL_TEXT[g], g.value) for g in Goal],
              field_is(lambda r: r.data.goal)),
        Facet("stage", "Any stage", [(label(s), s.value) for s in Stage],
              field_is(lambda r: r.data.stage)),
        Facet("injury", "Any injury", [(label(i), i.value) for i in Injury],
              field_has(lambda r: r.data.injuries)),
    ),
    toggles=(Toggle("archived", "Show archived", lambda r, on: on or not r.archived),),
    store=Store(get=lambda db, key: svc.get_client(db, key),
                version=lambda db, key: svc.get_client(db, key).version,
                create=lambda db, data: svc.create_client(db, data),
                update=lambda *args, **kwargs: svc.update_client(*args, **kwargs)),
    transfer=Transfer(preview=lambda *a, **k: roster_csv.preview_roster_import(*a, **k),
                      apply=lambda *a, **k: roster_csv.apply_roster_import(*a, **k),
                      export=lambda *a, **k: roster_csv.export_roster(*a, **k),
                      file_filter="CSV files (*.csv)",
                      export_name="clients.csv", import_text="Import CSV…",
                      export_text="Export CSV…"),
)


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


class ClientsArea(ListArea[ClientRow]):
    """The roster. Opening a program from a client's history emits ``program_requested``;
    "Assign program" emits ``assign_requested`` (None, client id); the welcome panel's
    brand button emits ``brand_requested``."""

    shows = frozenset({Change.CLIENTS, Change.PROGRAMS})

    def __init__(self, parent: QWidget | None = None, spec: ListSpec[ClientRow] = SPEC
                 ) -> None:
        super().__init__(spec, parent)
        self.editor = self.form
        self.form.save_requested.connect(self.save)
        self.form.name.editingFinished.connect(self._check_duplicate_name)
        self.new_button = self.add_button("New Client", self.new_client, needs_row=False)
        self.archive_button = self.add_button("Archive", self.toggle_archived)
        self.delete_button = self.add_button("Delete…", self.delete_current)
        self.welcome.add_button.clicked.connect(lambda: self.new_client())
        self.welcome.demo_button.clicked.connect(lambda: self.load_demo())
        self.welcome.brand_button.clicked.connect(self.brand_requested)

    def build_extra(self) -> list[QWidget]:
        self.welcome = WelcomePanel()
        return [self.welcome]

    def build_detail(self) -> QWidget:
        self.form = ClientForm()
        self.assign_button = QPushButton("Assign Program…")
        self.assign_button.clicked.connect(
            lambda: self.current_id is not None
            and emit(self.assign_requested, None, self.current_id))
        self.assign_button.setEnabled(False)
        self.history_label = QLabel("Programs")
        self.history_label.setObjectName("subHeading")
        self.history = QTableView()
        self.history_model: FilterTableModel[ProgramHistoryRow] = FilterTableModel(
            [Column("Program", lambda p: p.name),
             Column("Starts", lambda p: p.start_date.strftime("%d %b %Y")),
             Column("Weeks", lambda p: str(p.weeks)),
             Column("Status", lambda p: p.status.capitalize()),
             Column("Exported", lambda p: p.exported_at.astimezone().strftime("%d %b %Y")
                    if p.exported_at else "—"),
             Column("E-mailed", lambda p: p.emailed_at.astimezone().strftime("%d %b %Y")
                    if p.emailed_at else "—")],
            lambda p: p.name, key=lambda p: p.id)
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(150)
        self.history.activated.connect(  # a double-click, or Enter from the keyboard
            lambda index: emit(self.program_requested, self.history_model.key_at(index.row())))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form)
        history_head = QHBoxLayout()
        history_head.addWidget(self.history_label)
        history_head.addStretch(1)
        history_head.addWidget(self.assign_button)
        right_layout.addLayout(history_head)
        right_layout.addWidget(self.history)
        scroll = self.detail_pane = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(390)
        return scroll

    # --- the list area's hooks ------------------------------------------------------------

    def rows_reloaded(self) -> None:
        self._show_welcome(self.model.total_count == 0 and not self.form.dirty)

    def _show_welcome(self, alone: bool) -> None:
        """An empty roster shows the welcome alone (an empty New-client form beside it
        reads like a form to fill before anything else); adding a client swaps it for
        the list and the form."""
        self.welcome.setVisible(alone)
        for widget in (self.view, self.filters, self.detail_pane):
            widget.setVisible(not alone)

    def present(self, row: ClientRow | None) -> None:
        assert self.db is not None
        self.load_editor(self.form, row.id if row is not None else None)
        self.history_model.set_rows(svc.client_history(self.db, row.id) if row else [])
        self.history_label.setText(
            f"Programs ({self.history_model.visible_count})" if row else "Programs")

    def update_buttons(self, row: ClientRow | None) -> None:
        super().update_buttons(row)
        self.assign_button.setEnabled(row is not None)
        if row is not None:
            self.archive_button.setText("Restore" if row.archived else "Archive")

    # --- the form -----------------------------------------------------------------------------

    def select_client(self, client_id: int) -> bool:
        return self.select_key(client_id)

    def new_client(self) -> None:
        if not self.confirm_leave():
            return
        self.view.selectionModel().clearSelection()
        self.show_record(None)
        self._show_welcome(False)
        self.form.name.setFocus()

    def create_new(self) -> None:
        self.new_client()

    def save(self) -> bool:
        return self.save_record(self.form, self.current_id) is not None

    def load_demo(self) -> None:
        from coachdesk.services.demo import load_demo_studio

        assert self.db is not None
        if run_operation(self, lambda: load_demo_studio(self.db),
                         changes=set(Change)).ok:  # every area shows part of the demo
            self.reload()

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
