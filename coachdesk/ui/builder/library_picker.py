"""The library beside the board: search, pick, and drag exercises onto days.

The same filter bar and filter model as the Library and Clients areas: typing or choosing
a facet re-lays the rows out (no reset), so the picked exercises stay selected."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from coachdesk.ui.common.filter_bar import Facet, FilterBar, Toggle, field_has, field_is
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.mime import EXERCISE_IDS_MIME
from coachdesk.vocab import Laterality, Muscle, Phase, label


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


COLUMNS = (Column[PickerRow]("Exercise", lambda r: r.name, tooltip=lambda r: r.detail),)
FACETS = (
    Facet("muscle", "Any muscle", [(label(m), m.value) for m in Muscle],
          field_has(lambda r: r.muscles)),
    Facet("laterality", "Both kinds", [("Single-leg / one side", Laterality.UNILATERAL.value),
                                       ("Two-sided", Laterality.BILATERAL.value)],
          field_is(lambda r: r.laterality)),
    Facet("phase", "Any phase", [(label(p), p.value) for p in Phase],
          field_is(lambda r: r.phase)),
)
TOGGLES = (Toggle("core", "Core only", lambda r, on: r.core or not on),)


def picker_model(parent: object = None) -> FilterTableModel[PickerRow]:
    return FilterTableModel(COLUMNS, lambda r: r.search_text, key=lambda r: r.id,
                            parent=parent, drag_mime=EXERCISE_IDS_MIME)


class LibraryPicker(QWidget):
    add_requested = Signal(list)
    """Exercise ids the coach asked to add (Enter in the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = FilterBar("Search exercises…", FACETS, TOGGLES)
        self.search = self.filters.search
        self.muscle_combo = self.filters.combos["muscle"]
        self.laterality_combo = self.filters.combos["laterality"]
        self.phase_combo = self.filters.combos["phase"]
        self.core_check = self.filters.toggles["core"]
        self.count_label = self.filters.count_label
        self.model = picker_model(self)
        self.filters.bind(self.model, "exercise")
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setAccessibleName("Exercise library")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)

    def clear_filters(self) -> None:
        self.filters.clear()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.key_at(r) for r in rows]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear_filters()
            return
        super().keyPressEvent(event)
