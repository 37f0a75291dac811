"""Assign a template to a client as a multi-week program."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.dates import next_monday, start_date_warning
from coachdesk.services.clients import ClientRow
from coachdesk.services.templates import TemplateSummary


class AssignDialog(QDialog):
    def __init__(self, clients: list[ClientRow], templates: list[TemplateSummary],
                 client_id: int | None = None, template_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assign a program")
        self.client_combo = QComboBox()
        for client in clients:
            if not client.archived:
                self.client_combo.addItem(client.name, client.id)
        self.template_combo = QComboBox()
        for template in templates:
            self.template_combo.addItem(template.name, template.id)
        if client_id is not None:
            self.client_combo.setCurrentIndex(max(self.client_combo.findData(client_id), 0))
        if template_id is not None:
            self.template_combo.setCurrentIndex(max(self.template_combo.findData(template_id), 0))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Defaults to the template's name")
        self.start_edit = QDateEdit(QDate(next_monday()))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy")
        self.weeks_spin = QSpinBox()
        self.weeks_spin.setRange(1, 52)
        self.weeks_spin.setValue(8)
        self.weeks_spin.setSuffix(" weeks")
        self.start_note = QLabel()
        self.start_note.setObjectName("fieldWarning")
        self.start_note.setWordWrap(True)
        self.start_note.setVisible(False)
        self.start_edit.dateChanged.connect(self._note_past_start)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Client", self.client_combo)
        form.addRow("Template", self.template_combo)
        form.addRow("Program name", self.name_edit)
        form.addRow("Starts", self.start_edit)
        form.addRow("", self.start_note)
        form.addRow("Length", self.weeks_spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Assign")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if not clients or not templates:
            missing = "a client" if not clients else "a template"
            self.error_label.setText(f"Create {missing} first.")
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _note_past_start(self, day: QDate) -> None:
        """A past start is allowed, but never silently: say so under the date."""
        note = start_date_warning(day.toPython())
        self.start_note.setText(note or "")
        self.start_note.setVisible(note is not None)

    def _accept(self) -> None:
        if self.client_combo.currentData() is None or self.template_combo.currentData() is None:
            self.error_label.setText("Choose a client and a template.")
            return
        self.accept()

    def values(self) -> tuple[int, int, date, int, str | None]:
        return (
            self.client_combo.currentData(),
            self.template_combo.currentData(),
            self.start_edit.date().toPython(),
            self.weeks_spin.value(),
            self.name_edit.text().strip() or None,
        )
