"""Settings a coach changes now and then, stored in the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.checks import CheckSettings
from coachdesk.dates import PDF_LANGUAGES
from coachdesk.errors import StaleEditError, ValidationError
from coachdesk.services.brand import BrandData
from coachdesk.services.settings import CoachSettings
from coachdesk.ui.common.form_errors import FieldErrors
from coachdesk.ui.common.stale import keep_mine
from coachdesk.vocab import WEEKDAYS, Goal, Muscle, label

Saver = Callable[[CoachSettings, BrandData], None]


class SettingsDialog(QDialog):
    def __init__(self, settings: CoachSettings, brand: BrandData, save: Saver,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.save = save
        self.brand = brand
        self.settings = settings
        self.errors = FieldErrors()
        tabs = self.tabs = QTabWidget()
        tabs.addTab(self._general(), "General")
        tabs.addTab(self._checks(), "Balance checks")
        tabs.addTab(self._pdf(), "PDF and e-mail")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.show_checks(settings.check_settings())

    def _general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.week_start = QComboBox()
        for day in WEEKDAYS:
            self.week_start.addItem(label(day), day.value)
        self.week_start.setCurrentIndex(self.week_start.findData(self.settings.week_start))
        self.default_sets = QSpinBox()
        self.default_sets.setRange(1, 20)
        self.default_sets.setValue(self.settings.default_sets)
        self.default_rest = QSpinBox()
        self.default_rest.setRange(0, 900)
        self.default_rest.setSingleStep(15)
        self.default_rest.setSuffix(" s")
        self.default_rest.setValue(self.settings.default_rest_s)
        self.backup_folder = QLineEdit(self.settings.backup_folder)
        self.backup_folder.setPlaceholderText("Beside the database (default)")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        form.addRow("Week starts on", self.week_start)
        form.addRow("Default sets", self.default_sets)
        form.addRow("Default rest", self.default_rest)
        form.addRow("Backup folder", folder_row)
        form.addRow("", self.errors.label_for("backup_folder", page))
        return page

    def _checks(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.unilateral = QSpinBox()
        self.unilateral.setRange(0, 100)
        self.unilateral.setSuffix(" % of lower-body sets")
        self.planes = QSpinBox()
        self.planes.setRange(0, 3)
        self.muscle_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, muscle in enumerate(Muscle):
            box = QCheckBox(label(muscle))
            self.muscle_boxes[muscle.value] = box
            grid.addWidget(box, index // 4, index % 4)
        self.frequency: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        form.addRow("Single-leg work at least", self.unilateral)
        form.addRow("Core planes at least", self.planes)
        form.addRow("Key muscle groups", grid)
        for goal in Goal:
            low, high = QSpinBox(), QSpinBox()
            for spin in (low, high):
                spin.setRange(1, 7)
            row = QHBoxLayout()
            row.addWidget(low)
            row.addWidget(QLabel("to"))
            row.addWidget(high)
            row.addWidget(QLabel("sessions a week"))
            row.addStretch(1)
            self.frequency[goal.value] = (low, high)
            form.addRow(f"{label(goal)} goal", row)
        form.addRow("", self.errors.label_for("frequency", page))
        self.micro = QSpinBox()
        self.micro.setRange(0, 10)
        self.micro.setSpecialValueText("Never (only days I mark)")
        self.micro.setSuffix(" exercises")
        self.micro.setToolTip("A day with fewer exercises than this is a micro-session: a "
                              "short foot or mobility routine that does not count toward the "
                              "week's sessions and needs no core.")
        form.addRow("Micro-session below", self.micro)
        reset = QPushButton("Reset to Defaults")
        reset.clicked.connect(lambda: self.show_checks(CheckSettings()))
        form.addRow("", reset)
        return page

    def _pdf(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(self.brand.paper)
        self.units = QComboBox()
        self.units.addItems(["kg", "lb"])
        self.units.setCurrentText(self.brand.units)
        self.pdf_language = QComboBox()
        for code, name in PDF_LANGUAGES.items():
            self.pdf_language.addItem(name, code)
        self.pdf_language.setCurrentIndex(
            max(0, self.pdf_language.findData(self.settings.pdf_language)))
        self.pdf_language.setToolTip(
            "The language of the dates in the PDF and the e-mail (\"1. März 2027\"). The "
            "rest of the PDF's words stay English.")
        self.subject = QLineEdit(self.settings.email_subject)
        self.body = QPlainTextEdit(self.settings.email_body)
        hint = QLabel("Placeholders: {client_first_name}, {client_name}, {program_name}, "
                      "{start_date}, {weeks}, {business_name}")
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        form.addRow("Paper size", self.paper)
        form.addRow("Units", self.units)
        form.addRow("PDF language", self.pdf_language)
        form.addRow("", self.errors.label_for("pdf_language", page))
        form.addRow("E-mail subject", self.subject)
        form.addRow("", self.errors.label_for("email_subject", page))
        form.addRow("E-mail text", self.body)
        form.addRow("", self.errors.label_for("email_body", page))
        form.addRow("", hint)
        return page

    def _show_tab_of(self, field: str) -> None:
        """Bring the tab holding ``field``'s message to the front, so it is seen."""
        label = self.errors.labels.get(field) or self.errors.labels.get("frequency")
        for index in range(self.tabs.count()):
            if label is not None and self.tabs.widget(index).isAncestorOf(label):
                self.tabs.setCurrentIndex(index)
                return

    def show_checks(self, checks: CheckSettings) -> None:
        self.unilateral.setValue(round(checks.unilateral_share_min * 100))
        self.planes.setValue(checks.core_planes_min)
        self.micro.setValue(checks.micro_session_below)
        for muscle, box in self.muscle_boxes.items():
            box.setChecked(muscle in checks.key_muscles)
        for goal, (low, high) in self.frequency.items():
            bounds = checks.frequency[Goal(goal)]
            low.setValue(bounds[0])
            high.setValue(bounds[1])

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", str(Path.home()))
        if folder:
            self.backup_folder.setText(folder)

    def values(self) -> tuple[CoachSettings, BrandData]:
        checks = {
            "unilateral_share_min": self.unilateral.value() / 100,
            "core_planes_min": self.planes.value(),
            "key_muscles": [m for m, box in self.muscle_boxes.items() if box.isChecked()],
            "frequency": {g: [low.value(), high.value()]
                          for g, (low, high) in self.frequency.items()},
            "micro_session_below": self.micro.value(),
        }
        settings = self.settings.with_changes(
            week_start=self.week_start.currentData(), default_sets=self.default_sets.value(),
            default_rest_s=self.default_rest.value(), email_subject=self.subject.text(),
            email_body=self.body.toPlainText(), backup_folder=self.backup_folder.text().strip(),
            pdf_language=self.pdf_language.currentData(),
            checks=checks)
        brand = self.brand.with_changes(paper=self.paper.currentText(),
                                        units=self.units.currentText())
        return settings, brand

    def try_save(self) -> bool:
        self.errors.clear()
        try:
            try:
                self.save(*self.values())
            except StaleEditError as error:
                if not keep_mine(self, error):
                    self.reject()
                    return False
                self.save(*self.values(), force=True)
        except ValidationError as error:
            if not self.errors.show(error.field, error.message):
                self.errors.show("frequency", str(error))
            self._show_tab_of(error.field)
            return False
        self.accept()
        return True
