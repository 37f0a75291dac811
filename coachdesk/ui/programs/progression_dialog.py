"""Per-slot progression across a program's weeks, and the deload week."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.formats.template_file import TemplateFile
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
                 save: Callable[[dict[str, Any]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Progression across the weeks")
        self.setMinimumWidth(720)
        self.save = save
        self.keys: list[str] = []
        rules = progression.get("slots", {})
        slots = [(day, index, entry) for day in WEEKDAYS
                 for index, entry in enumerate(week.days.get(day, ()))]
        self.table = QTableWidget(len(slots), 5)
        self.table.setHorizontalHeaderLabels(["Day", "Exercise", "Progression", "Step",
                                              "Notes by week (3: raise the box; 5: …)"])
        self.table.verticalHeader().hide()
        for row, (day, index, entry) in enumerate(slots):
            key = f"{day.value}:{index}"
            self.keys.append(key)
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
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
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

    def progression(self) -> dict[str, Any]:
        rules: dict[str, Any] = {}
        for row, key in enumerate(self.keys):
            kind = self.table.cellWidget(row, 2).currentData()  # type: ignore[union-attr]
            step = self.table.cellWidget(row, 3).value()  # type: ignore[union-attr]
            notes = parse_notes(self.table.cellWidget(row, 4).text())  # type: ignore[union-attr]
            if kind == "none" and not notes:
                continue
            rule: dict[str, Any] = {"kind": "note" if kind == "none" else kind,
                                    "step": step if kind == "add_load" else max(1, round(step))}
            if notes:
                rule["notes"] = notes
            rules[key] = rule
        deload = self.deload.value() or None
        return {"slots": rules, "deload_week": deload}

    def try_save(self) -> bool:
        from coachdesk.progression import validate_rule

        try:
            data = self.progression()
            for rule in data["slots"].values():
                validate_rule(rule)
            self.save(data)
        except CoachDeskError as error:
            self.error.setText(str(error))
            return False
        self.accept()
        return True
