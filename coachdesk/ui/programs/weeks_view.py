"""A program read in the app: every slot's numbers week by week, as the PDF prints them.

Double-clicking a week of a slot sets that week's numbers by hand (an override that the PDF
prints too); the deload week and hand-set weeks are marked in words, not colour alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.progression import WeekPrescription
from coachdesk.services.programs import ProgramView
from coachdesk.vocab import short_day_name

Index = QModelIndex | QPersistentModelIndex
# English month names, whatever locale Qt gave the process (the program's language).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def day_month(when: object, short: bool = True) -> str:
    name = MONTHS[when.month - 1]  # type: ignore[attr-defined]
    return f"{when.day} {name[:3] if short else name}"  # type: ignore[attr-defined]


def numbers_text(week: WeekPrescription) -> str:
    amount = f"{week.reps}" if week.reps is not None else f"{week.seconds} s"
    load = f" · {week.load}" if week.load else ""
    return f"{week.sets} × {amount}{load}"


class ProgramWeeksModel(QAbstractTableModel):
    """Rows are the week's slots, columns the program's weeks."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view: ProgramView | None = None

    def set_view(self, view: ProgramView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else len(self.view.slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.view is None else self.view.row.weeks

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.view is None:
            return None
        slot = self.view.slots[index.row()]
        week = slot.weeks[index.column()]
        number = index.column() + 1
        by_hand = number in slot.overridden
        if role == Qt.ItemDataRole.DisplayRole:
            marks = (" ✎" if by_hand else "") + (" · deload" if week.is_deload else "")
            return numbers_text(week) + marks
        if role == Qt.ItemDataRole.ToolTipRole:
            why = ["set by hand for this week" if by_hand else "from the progression rule"]
            if week.is_deload:
                why.append("deload week: half the sets at the week before's numbers")
            if week.note:
                why.append(week.note)
            return f"{slot.exercise}, week {number}: " + "; ".join(why) + \
                ". Double-click to set this week's numbers."
        if role == Qt.ItemDataRole.FontRole and by_hand:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.view is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            slot = self.view.slots[section]
            return f"{short_day_name(slot.weekday)} · {slot.exercise}"
        start = self.view.week_starts[section]
        deload = " (deload)" if self.view.deload_week == section + 1 else ""
        return f"Week {section + 1}{deload}\n{day_month(start)}"


class OverrideDialog(QDialog):
    """One slot's numbers for one week; "Follow the rule" removes the override."""

    def __init__(self, exercise: str, week_number: int, week: WeekPrescription,
                 by_hand: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{exercise} · week {week_number}")
        self.sets = QSpinBox()
        self.sets.setRange(1, 20)
        self.sets.setValue(week.sets)
        self.timed = week.reps is None
        self.amount = QSpinBox()
        self.amount.setRange(1, 900 if self.timed else 100)
        self.amount.setValue(week.seconds if self.timed else week.reps or 1)
        self.amount.setSuffix(" s" if self.timed else "")
        self.load = QLineEdit(week.load)
        self.load.setMaxLength(60)
        self.follow_rule = QCheckBox("Follow the progression rule this week")
        self.follow_rule.setChecked(False)
        self.follow_rule.setVisible(by_hand)
        form = QFormLayout()
        form.addRow("Sets", self.sets)
        form.addRow("Seconds" if self.timed else "Reps", self.amount)
        form.addRow("Load", self.load)
        form.addRow("", self.follow_rule)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("These numbers replace the rule's for this week only."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def numbers(self) -> dict[str, Any] | None:
        """What to store: None to follow the rule again."""
        if self.follow_rule.isChecked():
            return None
        amount = "seconds" if self.timed else "reps"
        return {"sets": self.sets.value(), amount: self.amount.value(),
                "load": self.load.text().strip()}


class ProgramWeeksView(QWidget):
    override_requested = Signal(str, int)
    """(slot key, week number) the coach wants to set by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("programSummary")
        self.model = ProgramWeeksModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Program week by week")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._double_clicked)  # double-click or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_program(self, view: ProgramView | None) -> None:
        self.model.set_view(view)
        if view is None:
            self.summary.clear()
            return
        runs = ", ".join(short_day_name(d) for d in view.key_run_days) or "none set"
        race = (f" · Race day: {day_month(view.race_date, False)} {view.race_date.year}"
                if view.race_date else "")
        deload = f" · Deload: week {view.deload_week}" if view.deload_week else ""
        self.summary.setText(
            f"{view.row.client_name} · {view.row.name} · {view.row.weeks} weeks from "
            f"{day_month(view.row.start_date, False)} {view.row.start_date.year}{deload} · "
            f"Key runs: "
            f"{runs}{race}. Double-click a week to set its numbers by hand.")

    def _double_clicked(self, index: QModelIndex) -> None:
        view = self.model.view
        if view is not None and index.isValid():
            self.override_requested.emit(view.slots[index.row()].key, index.column() + 1)
