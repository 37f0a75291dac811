"""Search box, facet menus, a match count and one-click clearing (Esc clears too)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Facet:
    """A facet menu: ``key`` names it in the values dict; options are (label, value)."""

    key: str
    any_label: str
    options: Sequence[tuple[str, str]]


class FilterBar(QWidget):
    changed = Signal()
    """Emitted whenever the search text, a facet or a toggle changes."""

    def __init__(self, placeholder: str, facets: Sequence[Facet] = (),
                 toggles: Sequence[tuple[str, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        for key, text in toggles:
            box = QCheckBox(text)
            box.toggled.connect(self.changed)
            self.toggles[key] = box
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
        self.changed.emit()

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
