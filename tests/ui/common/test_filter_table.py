"""The shared filter table: a valid Qt model whose filtering keeps the selection."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from coachdesk.ui.common.filter_table import Column, FilterTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    tag: str


ROWS = [Row(i, name, tag) for i, (name, tag) in enumerate(
    [("Nordic Curl", "hamstrings"), ("Calf Raise", "calves"), ("Side Plank", "core"),
     ("Single-Leg Balance", "feet"), ("Copenhagen Plank", "core")])]


def make_model() -> FilterTableModel[Row]:
    model: FilterTableModel[Row] = FilterTableModel(
        [Column("Name", lambda r: r.name), Column("Tag", lambda r: r.tag)],
        lambda r: f"{r.name} {r.tag}", key=lambda r: r.id)
    model.set_rows(ROWS)
    return model


def test_the_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    model.set_filter("plank")
    qtmodeltester.check(model)


def test_search_words_all_match_and_facets_combine() -> None:
    model = make_model()
    model.set_filter("PLANK core")
    assert [r.name for r in model.visible_rows()] == ["Side Plank", "Copenhagen Plank"]
    model.set_filter("plank", lambda r: r.name.startswith("C"))
    assert [r.name for r in model.visible_rows()] == ["Copenhagen Plank"]
    model.set_filter("")
    assert model.visible_count == model.total_count == 5


def test_sorting_happens_in_python_on_either_column() -> None:
    model = make_model()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.visible_rows()[0].name == "Single-Leg Balance"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.visible_rows()[0].tag == "calves"


def test_selection_survives_filtering(qtbot) -> None:
    model = make_model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().setCurrentIndex(
        model.index(4, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    model.set_filter("plank")
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(i.row()).name for i in selected] == ["Copenhagen Plank"]
    model.set_filter("")
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(i.row()).name for i in selected] == ["Copenhagen Plank"]
