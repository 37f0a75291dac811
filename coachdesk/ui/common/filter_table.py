"""A table model over plain rows with fast Python-side search and facets.

Why not ``QSortFilterProxyModel``: measured here at 10,000 rows it cost about 50 ms per
keystroke and over a second to sort, while filtering a pre-computed, lower-cased index in
Python costs a few milliseconds. Filtering and sorting are layout changes that move
persistent indexes, so the selection survives as long as the row stays visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 100


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str] | None = None


class FilterTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        search_text: Callable[[R], str],
        key: Callable[[R], Any],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._search_text = search_text
        self._key = key
        self._all: list[R] = []
        self._index: list[str] = []
        self._visible: list[int] = []  # positions into _all
        self._query: list[str] = []
        self._predicate: Callable[[R], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (a reload): the search index is built here, once."""
        self.beginResetModel()
        self._all = list(rows)
        self._index = [self._search_text(r).casefold() for r in self._all]
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_filter(self, query: str, predicate: Callable[[R], bool] | None = None) -> None:
        self._query = query.casefold().split()
        self._predicate = predicate
        self._relayout(self._compute_visible())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._relayout(self._compute_visible())

    def _compute_visible(self) -> list[int]:
        words, predicate, index, rows = self._query, self._predicate, self._index, self._all
        if words:
            positions = [i for i, text in enumerate(index) if all(w in text for w in words)]
        else:
            positions = list(range(len(rows)))
        if predicate is not None:
            positions = [i for i in positions if predicate(rows[i])]
        if self._sort is not None:
            column, order = self._sort
            spec = self.columns[column]
            sort_key = spec.sort_key or (lambda r, s=spec: s.text(r).casefold())
            positions.sort(key=lambda i: sort_key(rows[i]),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        return positions

    def _relayout(self, visible: list[int]) -> None:
        if visible == self._visible:
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {position: row for row, position in enumerate(visible)}
        old_indexes = self.persistentIndexList()
        targets = [
            (new_row.get(self._visible[index.row()], -1), index.column())
            if index.isValid() else (-1, 0)
            for index in old_indexes
        ]
        self._visible = visible  # before index(): it checks rows against the new layout
        new_indexes = [self.index(row, column) if row >= 0 else QModelIndex()
                       for row, column in targets]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    # --- reading ------------------------------------------------------------------------

    @property
    def all_rows(self) -> list[R]:
        return list(self._all)

    @property
    def total_count(self) -> int:
        return len(self._all)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> R:
        return self._all[self._visible[row]]

    def visible_rows(self) -> list[R]:
        return [self._all[i] for i in self._visible]

    def row_of_key(self, key: Any) -> int:
        for row, position in enumerate(self._visible):
            if self._key(self._all[position]) == key:
                return row
        return -1

    # --- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._all[self._visible[index.row()]]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == ROW_KEY_ROLE:
            return self._key(row)
        return None
