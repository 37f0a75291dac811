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


def record_signals(model: FilterTableModel[Row]) -> list[str]:
    seen: list[str] = []
    for name in ("modelReset", "rowsInserted", "rowsRemoved", "rowsMoved", "dataChanged",
                 "layoutChanged"):
        getattr(model, name).connect(lambda *_a, n=name: seen.append(n))
    return seen


def selected_view(qtbot, model: FilterTableModel[Row], row: int) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().setCurrentIndex(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    return view


def selected_names(view: QTableView, model: FilterTableModel[Row]) -> list[str]:
    return [model.row_at(i.row()).name for i in view.selectionModel().selectedRows()]


def test_a_reload_with_one_new_row_inserts_it_and_keeps_the_selection(qtbot,
                                                                     qtmodeltester) -> None:
    model = make_model()
    model.sort(0)
    qtmodeltester.check(model)
    view = selected_view(qtbot, model, model.row_of_key(2))  # Side Plank
    seen = record_signals(model)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_rows([*ROWS, Row(9, "Box Jump", "plyo")])
    assert seen == ["rowsInserted"]
    assert inserted.args[1] == inserted.args[2] == 0  # "Box Jump" sorts first
    assert [r.name for r in model.visible_rows()][:2] == ["Box Jump", "Calf Raise"]
    assert selected_names(view, model) == ["Side Plank"]


def test_a_reload_without_one_row_removes_only_that_row(qtbot, qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    view = selected_view(qtbot, model, 4)  # Copenhagen Plank
    seen = record_signals(model)
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.set_rows([r for r in ROWS if r.name != "Calf Raise"])
    assert seen == ["rowsRemoved"] and removed.args[1:] == [1, 1]
    assert selected_names(view, model) == ["Copenhagen Plank"]


def test_a_reload_with_one_changed_row_changes_that_row_in_place(qtbot, qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    view = selected_view(qtbot, model, 3)
    seen = record_signals(model)
    changed = [*ROWS[:3], Row(3, "Single-Leg Balance", "ankles"), ROWS[4]]
    with qtbot.waitSignal(model.dataChanged) as data_changed:
        model.set_rows(changed)
    assert seen == ["dataChanged"]
    assert data_changed.args[0].row() == data_changed.args[1].row() == 3
    assert model.index(3, 1).data() == "ankles"
    assert selected_names(view, model) == ["Single-Leg Balance"]


def test_a_renamed_row_that_sorts_elsewhere_moves(qtbot, qtmodeltester) -> None:
    model = make_model()
    model.sort(0)
    qtmodeltester.check(model)
    view = selected_view(qtbot, model, model.row_of_key(1))  # Calf Raise, first
    seen = record_signals(model)
    renamed = [Row(1, "Standing Calf Raise", "calves") if r.id == 1 else r for r in ROWS]
    with qtbot.waitSignal(model.rowsMoved):
        model.set_rows(renamed)
    assert seen == ["dataChanged", "rowsMoved"]
    assert [r.name for r in model.visible_rows()] == sorted(r.name for r in renamed)
    assert selected_names(view, model) == ["Standing Calf Raise"]


def test_a_changed_row_that_no_longer_matches_the_filter_leaves(qtbot, qtmodeltester) -> None:
    model = make_model()
    model.set_filter("plank")
    qtmodeltester.check(model)
    seen = record_signals(model)
    model.set_rows([Row(2, "Side Bridge", "core") if r.id == 2 else r for r in ROWS])
    assert seen == ["dataChanged", "rowsRemoved"]
    assert [r.name for r in model.visible_rows()] == ["Copenhagen Plank"]


def test_a_wholesale_reload_resets(qtbot, qtmodeltester) -> None:
    model = make_model()
    qtmodeltester.check(model)
    seen = record_signals(model)
    model.set_rows([Row(100 + i, f"Exercise {i}", "x") for i in range(40)])
    assert seen == ["modelReset"]
    assert model.visible_count == 40


# --- fast keystrokes (cached sort order, narrowing searches) give the naive answer ---------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["ana", "anna", "nordic", "curl", "plank", "side", "río", "rio", "ben", "b"]


def naive(rows: list[Row], query: str, sort: tuple[int, Qt.SortOrder] | None) -> list[int]:
    words = query.casefold().split()
    keys = [r for r in rows if all(w in f"{r.name} {r.tag}".casefold() for w in words)]
    if sort is not None:
        column, order = sort
        keys.sort(key=lambda r: (r.name if column == 0 else r.tag).casefold(),
                  reverse=order == Qt.SortOrder.DescendingOrder)
    return [r.id for r in keys]


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)), min_size=1,
                   max_size=25),
    typing=st.lists(st.one_of(st.sampled_from(list("anrioblcdu ")), st.just("⌫")),
                    max_size=14),
    sort=st.one_of(st.none(), st.tuples(st.sampled_from([0, 1]), st.sampled_from(
        [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]))),
)
def test_keystrokes_show_what_a_fresh_search_would(names, typing, sort) -> None:
    rows = [Row(i, f"{a.title()} {b}", b) for i, (a, b) in enumerate(names)]
    model: FilterTableModel[Row] = FilterTableModel(
        [Column("Name", lambda r: r.name), Column("Tag", lambda r: r.tag)],
        lambda r: f"{r.name} {r.tag}", key=lambda r: r.id)
    model.set_rows(rows)
    if sort is not None:
        model.sort(*sort)
    text = ""
    for key in typing:
        text = text[:-1] if key == "⌫" else text + key
        model.set_filter(text)
        expected = naive(rows, text, sort)
        if expected:  # (no exact hit: the typo-tolerant path, tested elsewhere)
            assert [model.key_at(r) for r in range(model.rowCount())] == expected, text
