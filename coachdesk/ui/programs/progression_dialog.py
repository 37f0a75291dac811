"""Per-slot progression across a program's weeks, and the deload week."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, StaleEditError, ValidationError
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.plan import SlotKey
from coachdesk.progression import SlotRuleError, validate_rule
from coachdesk.ui.common.stale import keep_mine
from coachdesk.vocab import WEEKDAYS, label

KINDS = (("No change", "none"), ("Add reps", "add_reps"), ("Add sets", "add_sets"),
         ("Add load", "add_load"), ("Weekly note", "note"))


def parse_notes(text: str) -> dict[str, str]:
    """``"3: raise the box 5 cm; 5: add a pause"`` → ``{"3": "...", "5": "..."}``."""
    notes: dict[str, str] = {}
    for part in text.split(";"):
        week, _, note = part.partition(":")
        if week.strip().isdigit() and note.strip():
            notes[str(int(week))] = note.strip()
    return notes


class ProgressionDialog(QDialog):
    """A small fixed grid (one row per slot of a frozen week): a QTableWidget with cell
    widgets is the simplest fit here; there is no data model to keep in sync."""

    def __init__(self, week: TemplateFile, weeks: int, progression: dict[str, Any],
                 save: Callable[[dict[str, Any]], None], parent: QWidget | None = None,
                 material: Mapping[str, Mapping[str, Any]] | None = None,
                 units: str = "") -> None:
        """``material`` maps exercise names to their data (``load_type``/``external_load``)
        and ``units`` is the coach's load unit: with them each row's rule is checked
        against its slot as it is chosen, the message shown beside that row."""
        super().__init__(parent)
        self.setWindowTitle("Progression across the weeks")
        self.setMinimumWidth(860)
        self.save = save
        # What this dialog does not edit (the week-by-week overrides) goes back unchanged.
        self.untouched = {k: v for k, v in progression.items()
                          if k not in ("slots", "deload_week")}
        self.material = material or {}
        self.units = units
        self.keys: list[str] = []
        self.entries: list[SlotEntry] = []
        self.row_errors: list[QLabel] = []
        rules = progression.get("slots", {})
        slots = [(day, index, entry) for day in WEEKDAYS
                 for index, entry in enumerate(week.days.get(day, ()))]
        self.table = QTableWidget(len(slots), 6)
        self.table.setHorizontalHeaderLabels(["Day", "Exercise", "Progression", "Step",
                                              "Notes by week (3: raise the box; 5: …)", ""])
        self.table.verticalHeader().hide()
        for row, (day, index, entry) in enumerate(slots):
            key = str(SlotKey(day, index))
            self.keys.append(key)
            self.entries.append(entry)
            rule = rules.get(key, {})
            self.table.setCellWidget(row, 0, QLabel(label(day)))
            self.table.setCellWidget(row, 1, QLabel(entry.exercise))
            kind = QComboBox()
            for text, value in KINDS:
                kind.addItem(text, value)
            kind.setCurrentIndex(max(kind.findData(rule.get("kind", "none")), 0))
            self.table.setCellWidget(row, 2, kind)
            step = QDoubleSpinBox()
            step.setRange(0.5, 100)
            step.setDecimals(1)
            step.setValue(float(rule.get("step", 1)))
            self.table.setCellWidget(row, 3, step)
            notes = QLineEdit("; ".join(f"{w}: {n}" for w, n in rule.get("notes", {}).items()))
            self.table.setCellWidget(row, 4, notes)
            problem = QLabel()
            problem.setObjectName("fieldError")
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #b03a2e;")
            self.row_errors.append(problem)
            self.table.setCellWidget(row, 5, problem)
            kind.currentIndexChanged.connect(lambda _i, r=row: self.check_row(r))
            step.valueChanged.connect(lambda _v, r=row: self.check_row(r))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.deload = QSpinBox()
        self.deload.setRange(0, weeks)
        self.deload.setSpecialValueText("No deload week")
        self.deload.setValue(int(progression.get("deload_week") or 0))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b03a2e;")
        form = QFormLayout()
        form.addRow("Deload week", self.deload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def row_rule(self, row: int) -> dict[str, Any] | None:
        """The rule of one row as it is stored, or None for "no change" without notes."""
        kind = self.table.cellWidget(row, 2).currentData()  # type: ignore[union-attr]
        step = self.table.cellWidget(row, 3).value()  # type: ignore[union-attr]
        notes = parse_notes(self.table.cellWidget(row, 4).text())  # type: ignore[union-attr]
        if kind == "none" and not notes:
            return None
        rule: dict[str, Any] = {"kind": "note" if kind == "none" else kind,
                                "step": step if kind == "add_load" else max(1, round(step))}
        if notes:
            rule["notes"] = notes
        return rule

    def progression(self) -> dict[str, Any]:
        rules: dict[str, Any] = {}
        for row, key in enumerate(self.keys):
            rule = self.row_rule(row)
            if rule is not None:
                rules[key] = rule
        deload = self.deload.value() or None
        return {**self.untouched, "slots": rules, "deload_week": deload}

    def show_row_error(self, row: int, message: str) -> None:
        """The message beside the row's progression (and as the choice's tooltip)."""
        message = message[:1].upper() + message[1:]
        self.row_errors[row].setText(message)
        self.table.cellWidget(row, 2).setToolTip(message)  # type: ignore[union-attr]
        self.table.resizeRowToContents(row)

    def row_error(self, key: str) -> str:
        return self.row_errors[self.keys.index(key)].text()

    def check_row(self, row: int) -> bool:
        """Check one row's rule against its slot and exercise; show what is wrong."""
        entry = self.entries[row]
        rule = self.row_rule(row)
        try:
            if rule is not None:
                validate_rule(rule, entry, exercise=self.material.get(entry.exercise),
                              name=entry.exercise, units=self.units)
        except ValidationError as error:
            self.show_row_error(row, error.message)
            return False
        self.show_row_error(row, "")
        return True

    def try_save(self) -> bool:
        self.error.clear()
        bad = [row for row in range(len(self.keys)) if not self.check_row(row)]
        if bad:
            names = ", ".join(self.entries[row].exercise for row in bad)
            self.error.setText(f"Change the progression marked in red ({names}).")
            return False
        try:
            try:
                self.save(self.progression())
            except StaleEditError as error:
                if not keep_mine(self, error):
                    self.reject()
                    return False
                self.save(self.progression(), force=True)
        except SlotRuleError as error:
            if error.slot in self.keys:
                self.show_row_error(self.keys.index(error.slot), error.message)
            self.error.setText(str(error))
            return False
        except CoachDeskError as error:
            self.error.setText(str(error))
            return False
        self.accept()
        return True
