"""The list-beside-detail layout the library and the roster share: a toolbar, the filter
bar and a sortable table on the left, the selected record on the right, Esc clearing the
filters, and selection by row or by record key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLayout,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.common.filter_bar import FilterBar
from coachdesk.ui.common.filter_table import FilterTableModel


def make_table(model: FilterTableModel[Any], name: str, widths: Sequence[int],
               stretch: int, multi: bool = False) -> QTableView:
    """A sortable, row-selecting table. Starting widths are fixed on purpose:
    ResizeToContents measures every row, far too slow with thousands of them."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setAccessibleName(name)
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        if width:
            header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def lay_out(area: QWidget, toolbar: QLayout, filters: FilterBar, view: QTableView,
            detail: QWidget, extra: Sequence[QWidget] = ()) -> QVBoxLayout:
    """Place the parts; returns the left column's layout. Esc anywhere in the list or the
    filter bar clears the filters."""
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(12, 12, 6, 12)
    left_layout.addLayout(toolbar)
    left_layout.addWidget(filters)
    left_layout.addWidget(view, 1)
    for widget in extra:
        left_layout.addWidget(widget, 1)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(detail)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    layout = QHBoxLayout(area)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    clear = QAction("Clear filters", area)
    clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    clear.triggered.connect(filters.clear)
    view.addAction(clear)
    filters.addAction(clear)
    return left_layout


def select_row(view: QTableView, row: int) -> None:
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def select_key(view: QTableView, model: FilterTableModel[Any], key: Any) -> bool:
    """Select and show the visible row whose record has ``key``; False when filtered out."""
    row = model.row_of_key(key)
    if row < 0:
        return False
    select_row(view, row)
    view.scrollTo(model.index(row, 0))
    return True
