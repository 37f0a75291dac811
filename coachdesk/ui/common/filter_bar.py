"""Search box, facet menus, toggles, a match count and one-click clearing (Esc clears too).

A facet or toggle carries its own test on a row, so a list adds a facet by adding one
:class:`Facet` to its spec: :meth:`FilterBar.predicate` combines them and
:meth:`FilterBar.bind` keeps a :class:`FilterTableModel` and the count in step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.common.signals import emit


@dataclass(frozen=True)
class Facet:
    """A facet menu: ``key`` names it in the values dict; options are (label, value)."""

    key: str
    any_label: str
    options: Sequence[tuple[str, str]] = ()
    accepts: Callable[[Any, str], bool] | None = None
    """``accepts(row, chosen value)``: whether a row passes when the coach chose a value."""
    options_of: Callable[[Sequence[Any]], Sequence[tuple[str, str]]] | None = None
    """Options computed from the loaded rows (e.g. the equipment in the library)."""


@dataclass(frozen=True)
class Toggle:
    """A check box; ``accepts(row, checked)`` says whether a row passes."""

    key: str
    text: str
    accepts: Callable[[Any, bool], bool] | None = None


def field_is(getter: Callable[[Any], Any]) -> Callable[[Any, str], bool]:
    """The common facet test: the row's value equals the chosen one."""
    return lambda row, value: getter(row) == value


def field_has(getter: Callable[[Any], Sequence[Any]]) -> Callable[[Any, str], bool]:
    """The chosen value is one of the row's values (muscles, injuries…)."""
    return lambda row, value: value in getter(row)


class FilterBar(QWidget):
    changed = Signal()
    """Emitted whenever the search text, a facet or a toggle changes."""

    def __init__(self, placeholder: str, facets: Sequence[Facet] = (),
                 toggles: Sequence[Toggle] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facets = {facet.key: facet for facet in facets}
        self.toggle_specs = {toggle.key: toggle for toggle in toggles}
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.search.textChanged.connect(self.changed)
        self.combos: dict[str, QComboBox] = {}
        # Facets wrap onto rows of three so their labels are never clipped.
        facet_row = QGridLayout()
        facet_row.setContentsMargins(0, 0, 0, 0)
        place = iter(divmod(n, 3) for n in range(len(facets) + len(toggles)))
        for facet in facets:
            combo = QComboBox()
            combo.setAccessibleName(facet.any_label)
            combo.addItem(facet.any_label, "")
            for text, value in facet.options:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self.changed)
            self.combos[facet.key] = combo
            facet_row.addWidget(combo, *next(place))
        self.toggles: dict[str, QCheckBox] = {}
        for toggle in toggles:
            box = QCheckBox(toggle.text)
            box.toggled.connect(self.changed)
            self.toggles[toggle.key] = box
            facet_row.addWidget(box, *next(place))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.clicked.connect(self.clear)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(facet_row)

    def query(self) -> str:
        return self.search.text()

    def values(self) -> dict[str, str]:
        return {key: combo.currentData() or "" for key, combo in self.combos.items()}

    def toggled(self, key: str) -> bool:
        return self.toggles[key].isChecked()

    def is_clear(self) -> bool:
        return not self.query() and not any(self.values().values()) and not any(
            box.isChecked() for box in self.toggles.values())

    def baseline(self) -> Callable[[Any], bool]:
        """What the toggles alone let through: the rows the count is "of"."""
        tests = [(spec.accepts, self.toggled(key)) for key, spec in self.toggle_specs.items()
                 if spec.accepts is not None]
        return _all_of(tests)

    def predicate(self) -> Callable[[Any], bool]:
        """The facets (with a chosen value) and the toggles, combined (a keystroke filters
        ten thousand rows: only the tests that can reject a row are run)."""
        tests = [(spec.accepts, self.toggled(key)) for key, spec in self.toggle_specs.items()
                 if spec.accepts is not None]
        tests += [(self.facets[key].accepts, value) for key, value in self.values().items()
                  if value and self.facets[key].accepts is not None]
        return _all_of(tests)

    def fill_options(self, rows: Sequence[Any]) -> None:
        """Refill the facets whose options come from the rows, keeping each choice."""
        for key, facet in self.facets.items():
            if facet.options_of is None:
                continue
            combo = self.combos[key]
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(facet.any_label, "")
            for text, value in [*facet.options, *facet.options_of(rows)]:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def bind(self, model: Any, noun: str) -> Callable[[], None]:
        """Filter ``model`` (a FilterTableModel) whenever the bar changes and show the
        count; returns the function that applies the filters now."""

        totals: dict[tuple[bool, ...], int] = {}  # per toggle state, until the rows change

        def forget(*_args: object) -> None:
            totals.clear()
            count()

        def count(*_args: object) -> None:
            state = tuple(self.toggled(key) for key in self.toggle_specs)
            if state not in totals:
                base = self.baseline()
                totals[state] = sum(1 for r in model.all_rows if base(r))
            self.show_count(model.visible_count, totals[state], noun)

        def apply() -> None:
            model.set_filter(self.query(), self.predicate())
            count()

        self.changed.connect(apply)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(forget)
        return apply

    def clear(self) -> None:
        widgets = [self.search, *self.combos.values(), *self.toggles.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        for box in self.toggles.values():
            box.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        emit(self.changed)

    def show_count(self, shown: int, total: int, noun: str) -> None:
        """``noun`` is singular ("client"); the label reads "3 of 40 clients"."""
        plural = noun if total == 1 else f"{noun}s"
        self.count_label.setText(f"{shown} of {total} {plural}" if shown != total
                                 else f"{total} {plural}")
        self.clear_button.setEnabled(not self.is_clear())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)


def _all_of(tests: list[tuple[Callable[[Any, Any], bool], Any]]) -> Callable[[Any], bool]:
    """One predicate from (test, value) pairs; no tests lets every row through at once."""
    if not tests:
        return lambda _row: True
    if len(tests) == 1:
        (accepts, value), = tests
        return lambda row: accepts(row, value)
    return lambda row: all(accepts(row, value) for accepts, value in tests)
