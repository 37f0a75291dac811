"""The library beside the board: search, pick, and drag exercises onto days."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.mime import EXERCISE_IDS_MIME
from coachdesk.vocab import Laterality, Muscle, Phase, label

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PickerRow:
    id: int
    name: str
    detail: str
    search_text: str
    muscles: frozenset[str] = frozenset()
    laterality: str = ""
    phase: str = ""
    core: bool = False


@dataclass(frozen=True)
class PickerFilter:
    """The picker's facets; empty means "any"."""

    muscle: str = ""
    laterality: str = ""
    phase: str = ""
    core_only: bool = False

    def accepts(self, row: PickerRow) -> bool:
        return (
            (not self.muscle or self.muscle in row.muscles)
            and (not self.laterality or row.laterality == self.laterality)
            and (not self.phase or row.phase == self.phase)
            and (not self.core_only or row.core)
        )


class PickerModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_rows: list[PickerRow] = []
        self.rows: list[PickerRow] = []
        self.query = ""
        self.facets = PickerFilter()

    def set_rows(self, rows: Sequence[PickerRow]) -> None:
        self.all_rows = list(rows)
        self._refilter()

    def set_query(self, query: str, force: bool = False) -> None:
        query = query.strip().casefold()
        if query == self.query and not force:
            return
        self.query = query
        self._refilter()

    def set_facets(self, facets: PickerFilter) -> None:
        if facets != self.facets:
            self.facets = facets
            self._refilter()

    def _refilter(self) -> None:
        words = self.query.split()
        self.beginResetModel()
        self.rows = [r for r in self.all_rows
                     if self.facets.accepts(r) and all(w in r.search_text for w in words)]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.detail
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_IDS_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(EXERCISE_IDS_MIME, json.dumps([self.rows[r].id for r in rows]).encode())
        return mime


class LibraryPicker(QWidget):
    add_requested = Signal(list)
    """Exercise ids the coach asked to add (Enter in the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search exercises…")
        self.search.setClearButtonEnabled(True)
        self.model = PickerModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setAccessibleName("Exercise library")
        self.search.textChanged.connect(self.model.set_query)
        self.muscle_combo = QComboBox()
        self.muscle_combo.addItem("Any muscle", "")
        for muscle in Muscle:
            self.muscle_combo.addItem(label(muscle), muscle.value)
        self.laterality_combo = QComboBox()
        self.laterality_combo.addItem("Both kinds", "")
        self.laterality_combo.addItem("Single-leg / one side", Laterality.UNILATERAL.value)
        self.laterality_combo.addItem("Two-sided", Laterality.BILATERAL.value)
        self.phase_combo = QComboBox()
        self.phase_combo.addItem("Any phase", "")
        for phase in Phase:
            self.phase_combo.addItem(label(phase), phase.value)
        self.core_check = QCheckBox("Core only")
        for combo in (self.muscle_combo, self.laterality_combo, self.phase_combo):
            combo.currentIndexChanged.connect(self._facets_changed)
        self.core_check.toggled.connect(self._facets_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.model.modelReset.connect(self._update_count)
        facets = QGridLayout()
        facets.setContentsMargins(0, 0, 0, 0)
        facets.addWidget(self.muscle_combo, 0, 0)
        facets.addWidget(self.phase_combo, 0, 1)
        facets.addWidget(self.laterality_combo, 1, 0)
        facets.addWidget(self.core_check, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(facets)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)

    def _facets_changed(self, *_args: object) -> None:
        self.model.set_facets(PickerFilter(
            muscle=self.muscle_combo.currentData() or "",
            laterality=self.laterality_combo.currentData() or "",
            phase=self.phase_combo.currentData() or "",
            core_only=self.core_check.isChecked(),
        ))

    def _update_count(self) -> None:
        shown, total = len(self.model.rows), len(self.model.all_rows)
        self.count_label.setText(f"{shown} of {total} exercises" if shown != total
                                 else f"{total} exercises")

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.muscle_combo, self.laterality_combo, self.phase_combo):
            combo.setCurrentIndex(0)
        self.core_check.setChecked(False)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.rows[r].id for r in rows]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear_filters()
            return
        super().keyPressEvent(event)
