"""Programs by client, with dates and status; assign, export and e-mail from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.services import clients as client_svc
from coachdesk.services import programs as svc
from coachdesk.services import templates as template_svc
from coachdesk.ui.area import Area, EmptyState
from coachdesk.ui.programs.assign_dialog import AssignDialog

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Client", "Program", "Starts", "Ends", "Weeks", "Status", "Last sent")


def _when(value: Any) -> str:
    return value.astimezone().strftime("%d %b %Y %H:%M") if value else "—"


class ProgramsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[svc.ProgramRow] = []

    def set_rows(self, rows: list[svc.ProgramRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.client_name, row.name, row.start_date.strftime("%d %b %Y"),
                    row.end_date.strftime("%d %b %Y"), str(row.weeks), row.status.capitalize(),
                    _when(row.emailed_at or row.exported_at))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class ProgramsArea(Area):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.model = ProgramsModel(self)
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
        self.assign_button.clicked.connect(self.assign)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        assert self.db is not None
        self.model.set_rows(svc.list_programs(self.db))
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty_state.setVisible(not has_rows)
        if select_id is not None:
            for row, item in enumerate(self.model.rows):
                if item.id == select_id:
                    self.view.selectRow(row)
        self._selection_changed()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.delete_button.setEnabled(self.selected_id() is not None)

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
