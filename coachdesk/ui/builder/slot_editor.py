"""Side panel to edit the selected slot's prescription. Every change is an undoable command
(consecutive changes to one slot merge), saved at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.templates import SlotFields, SlotView

SIDE_CHOICES = (("Both sides together", "both"), ("Per side", "per_side"),
                ("Left only", "left"), ("Right only", "right"))
AMOUNT_CHOICES = (("Reps", "reps"), ("Seconds", "seconds"))
INTENSITY_CHOICES = (("—", None), ("Light", "light"), ("Moderate", "moderate"),
                     ("Heavy", "heavy"))


class SlotEditor(QWidget):
    fields_edited = Signal(int, object)
    """(slot id, new ``SlotFields``) whenever the coach changes a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slotEditor")
        self.slot: SlotView | None = None
        self._loading = False

        self.heading = QLabel("Select an exercise on the board to edit it.")
        self.heading.setObjectName("panelHeading")
        self.heading.setWordWrap(True)
        self.sets = QSpinBox()
        self.sets.setRange(1, 50)
        self.amount_kind = QComboBox()
        for text, value in AMOUNT_CHOICES:
            self.amount_kind.addItem(text, value)
        self.amount = QSpinBox()
        self.amount.setRange(1, 3600)
        self.sides = QComboBox()
        for text, value in SIDE_CHOICES:
            self.sides.addItem(text, value)
        self.tempo = QLineEdit()
        self.tempo.setPlaceholderText("e.g. 3-1-1-0")
        self.tempo.setMaxLength(20)
        self.load = QLineEdit()
        self.load.setPlaceholderText("e.g. 12 kg, bodyweight, red band")
        self.load.setMaxLength(60)
        self.intensity = QComboBox()
        for text, value in INTENSITY_CHOICES:
            self.intensity.addItem(text, value)
        self.rest = QSpinBox()
        self.rest.setRange(0, 900)
        self.rest.setSingleStep(15)
        self.rest.setSuffix(" s")
        self.rest.setSpecialValueText("—")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Cues for the client")
        self.notes.setFixedHeight(60)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Sets", self.sets)
        form.addRow(self.amount_kind, self.amount)
        form.addRow("Sides", self.sides)
        form.addRow("Tempo", self.tempo)
        form.addRow("Load", self.load)
        form.addRow("Intensity", self.intensity)
        form.addRow("Rest", self.rest)
        form.addRow("Notes", self.notes)
        self.form_host = QWidget()
        self.form_host.setLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.form_host)
        layout.addStretch(1)

        for spin in (self.sets, self.amount, self.rest):
            spin.valueChanged.connect(self._edited)
        for combo in (self.amount_kind, self.sides, self.intensity):
            combo.currentIndexChanged.connect(self._edited)
        for line in (self.tempo, self.load):
            line.editingFinished.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.show_slot(None)

    def show_slot(self, slot: SlotView | None) -> None:
        self.slot = slot
        self.form_host.setEnabled(slot is not None)
        if slot is None:
            self.heading.setText("Select an exercise on the board to edit it.")
            return
        self.heading.setText(f"<b>{_escape(slot.exercise_name)}</b>")
        fields = slot.fields
        self._loading = True
        try:
            self.sets.setValue(fields.sets)
            timed = fields.reps is None and fields.seconds is not None
            self.amount_kind.setCurrentIndex(1 if timed else 0)
            self.amount.setValue((fields.seconds if timed else fields.reps) or 1)
            side = "per_side" if fields.per_side else (fields.side or "both")
            self.sides.setCurrentIndex(self.sides.findData(side))
            if self.tempo.text() != fields.tempo:
                self.tempo.setText(fields.tempo)
            if self.load.text() != fields.load:
                self.load.setText(fields.load)
            self.intensity.setCurrentIndex(max(self.intensity.findData(fields.intensity), 0))
            self.rest.setValue(fields.rest_s or 0)
            if self.notes.toPlainText() != fields.notes:
                self.notes.setPlainText(fields.notes)
        finally:
            self._loading = False

    def current_fields(self) -> SlotFields:
        timed = self.amount_kind.currentData() == "seconds"
        side = self.sides.currentData()
        return SlotFields(
            sets=self.sets.value(),
            reps=None if timed else self.amount.value(),
            seconds=self.amount.value() if timed else None,
            per_side=side == "per_side",
            side=side if side in ("left", "right") else None,
            tempo=self.tempo.text().strip(),
            load=self.load.text().strip(),
            intensity=self.intensity.currentData(),
            rest_s=self.rest.value() or None,
            notes=self.notes.toPlainText().strip(),
            group=self.slot.fields.group if self.slot is not None else None,
        )

    def _edited(self) -> None:
        if self._loading or self.slot is None:
            return
        self.fields_edited.emit(self.slot.id, self.current_fields())


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


__all__ = ["SlotEditor"]
