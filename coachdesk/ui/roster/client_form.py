"""A runner's profile laid out the way a coach thinks: contact, then the running picture
(goal, race, key run days, stage), then injuries and notes."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.field_labels import describe
from coachdesk.roster_rows import LIMITS, ClientData, ClientRow
from coachdesk.ui.common.form_errors import FieldErrors
from coachdesk.ui.common.signals import emit
from coachdesk.ui.common.widgets import limit_length
from coachdesk.vocab import (
    GOAL_LABELS,
    WEEKDAYS,
    Goal,
    Injury,
    RaceDistance,
    Season,
    Stage,
    label,
)

STAGE_HELP = {
    Stage.STABILITY: "Balance and control first: single-leg stability, hips and core, "
                     "little or no load.",
    Stage.STRENGTH: "Stable enough to add load: strength work, still no jumps.",
    Stage.POWER: "A strength base is in place: plyometrics and jumps can join the week.",
}
GOAL_TEXT = GOAL_LABELS


def heading_for(row: ClientRow | None) -> str:
    if row is None:
        return "New client"
    return row.name + (" — archived" if row.archived else "")


class ClientForm(QWidget):
    """The roster's inline editor (the list area's Editor protocol)."""

    save_requested = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self._loading = False
        self._saved = ClientData()
        self._dirty = False

        self.heading = QLabel("New client")
        self.heading.setObjectName("panelHeading")
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.com")
        self.phone = QLineEdit()
        self.name_warning = QLabel()
        self.name_warning.setObjectName("fieldWarning")
        self.name_warning.setStyleSheet("color: #9a6700;")
        self.name_warning.hide()
        self.name_hint = QLabel()
        limit_length(self.name, LIMITS["name"], self.name_hint)
        limit_length(self.email, LIMITS["email"])
        limit_length(self.phone, LIMITS["phone"])
        contact = QFormLayout()
        contact.addRow("Name", self.name)
        contact.addRow("", self.name_hint)
        contact.addRow("", self.errors.label_for("name", self))
        contact.addRow("", self.name_warning)
        contact.addRow("E-mail", self.email)
        contact.addRow("", self.errors.label_for("email", self))
        contact.addRow("Phone", self.phone)
        contact.addRow("", self.errors.label_for("phone", self))

        self.goal = QComboBox()
        for goal in Goal:
            self.goal.addItem(GOAL_TEXT[goal], goal.value)
        self.distance = QComboBox()
        self.distance.addItem("No race distance", None)
        for distance in RaceDistance:
            self.distance.addItem(label(distance), distance.value)
        self.day_buttons: dict[str, QPushButton] = {}
        days = QHBoxLayout()
        days.setSpacing(2)
        for weekday in WEEKDAYS:
            button = QPushButton(label(weekday)[:3])
            button.setCheckable(True)
            button.setAccessibleName(f"Key run on {label(weekday)}")
            button.setMinimumWidth(40)
            button.toggled.connect(self._changed)
            self.day_buttons[weekday.value] = button
            days.addWidget(button)
        self.stage_group = QButtonGroup(self)
        self.stage_buttons: dict[str, QRadioButton] = {}
        stages = QVBoxLayout()
        for stage in Stage:
            radio = QRadioButton(label(stage))
            radio.toggled.connect(self._changed)
            self.stage_group.addButton(radio)
            self.stage_buttons[stage.value] = radio
            explanation = QLabel(STAGE_HELP[stage])
            explanation.setObjectName("hintText")
            explanation.setWordWrap(True)
            explanation.setContentsMargins(22, 0, 0, 4)
            stages.addWidget(radio)
            stages.addWidget(explanation)
        self.season = QComboBox()
        for season in Season:
            self.season.addItem(label(season), season.value)
        self.season.setToolTip("In season and in the taper, one strength session a week keeps "
                               "a racer's strength; the taper also keeps heavy and jumping "
                               "work out of the last ten days before the race.")
        self.has_race_date = QCheckBox("Race day")
        self.race_date = QDateEdit()
        self.race_date.setCalendarPopup(True)
        self.race_date.setDisplayFormat("d MMM yyyy")
        self.race_date.setDate(QDate.currentDate().addDays(70))
        self.race_date.setEnabled(False)
        self.has_race_date.toggled.connect(self.race_date.setEnabled)
        self.has_race_date.toggled.connect(self._changed)
        self.race_date.dateChanged.connect(self._changed)
        race_row = QHBoxLayout()
        race_row.addWidget(self.has_race_date)
        race_row.addWidget(self.race_date, 1)
        running = QFormLayout()
        running.addRow("Goal", self.goal)
        running.addRow("Main race", self.distance)
        running.addRow("", race_row)
        running.addRow("", self.errors.label_for("race_date", self))
        running.addRow("Season", self.season)
        running.addRow("Key run days", days)
        running.addRow("Stage", stages)
        running_box = QGroupBox("Running profile")
        running_box.setLayout(running)

        self.injury_boxes: dict[str, QCheckBox] = {}
        injuries = QGridLayout()
        for index, injury in enumerate(Injury):
            box = QCheckBox(label(injury))
            box.toggled.connect(self._changed)
            self.injury_boxes[injury.value] = box
            injuries.addWidget(box, index // 2, index % 2)
        self.injury_notes = QLineEdit()
        self.injury_notes.setPlaceholderText("Other injuries, dates, what helped")
        injuries.addWidget(self.injury_notes, 3, 0, 1, 2)
        injury_box = QGroupBox("Injury history")
        injury_box.setLayout(injuries)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Anything else worth remembering")
        self.notes.setMaximumHeight(90)

        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(contact)
        layout.addWidget(running_box)
        layout.addWidget(injury_box)
        layout.addWidget(QLabel("Notes"))
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for line in (self.name, self.email, self.phone, self.injury_notes):
            line.textChanged.connect(self._changed)
        for combo in (self.goal, self.distance, self.season):
            combo.currentIndexChanged.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.setTabOrder(self.name, self.email)
        self.setTabOrder(self.email, self.phone)
        self.setTabOrder(self.phone, self.goal)
        self.setTabOrder(self.goal, self.distance)
        self.load(None)

    # --- data in and out -------------------------------------------------------------------

    def load(self, row: ClientRow | None) -> None:
        self._fill(row.data if row is not None else ClientData(), heading_for(row))

    def _fill(self, data: ClientData, heading: str) -> None:
        self._loading = True
        try:
            self.heading.setText(heading)
            self.name.setText(data.name)
            self.email.setText(data.email)
            self.phone.setText(data.phone)
            self.goal.setCurrentIndex(max(self.goal.findData(data.goal), 0))
            self.distance.setCurrentIndex(max(self.distance.findData(data.race_distance), 0))
            for day, button in self.day_buttons.items():
                button.setChecked(day in data.key_run_days)
            self.stage_buttons[data.stage].setChecked(True)
            self.season.setCurrentIndex(max(self.season.findData(data.season), 0))
            self.has_race_date.setChecked(data.race_date is not None)
            if data.race_date is not None:
                self.race_date.setDate(QDate(data.race_date.year, data.race_date.month,
                                             data.race_date.day))
            for injury, box in self.injury_boxes.items():
                box.setChecked(injury in data.injuries)
            self.injury_notes.setText(data.injury_notes)
            self.notes.setPlainText(data.notes)
            self.errors.clear()
            self.name_warning.hide()
        finally:
            self._loading = False
        self._saved = self.data()
        self._set_dirty(False)

    def data(self) -> ClientData:
        stage = next((s for s, b in self.stage_buttons.items() if b.isChecked()),
                     Stage.STABILITY.value)
        return ClientData(
            name=self.name.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            goal=self.goal.currentData(),
            race_distance=self.distance.currentData(),
            stage=stage,
            season=self.season.currentData(),
            race_date=(self.race_date.date().toPython() if self.has_race_date.isChecked()
                       else None),
            key_run_days=tuple(d for d, b in self.day_buttons.items() if b.isChecked()),
            injuries=tuple(i for i, b in self.injury_boxes.items() if b.isChecked()),
            injury_notes=self.injury_notes.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )

    def revert(self) -> None:
        self._fill(self._saved, self.heading.text())

    def mark_saved(self, row: ClientRow) -> None:
        self._saved = self.data()
        self.heading.setText(heading_for(row))
        self.errors.clear()
        self._set_dirty(False)

    def show_error(self, field: str, message: str) -> None:
        if not self.errors.show(field, message):
            QMessageBox.warning(self, "Cannot save", describe(field, message))

    def clear_errors(self) -> None:
        self.errors.clear()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(self.data() != self._saved)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            emit(self.dirty_changed, dirty)

    def show_duplicate_warning(self, taken: bool) -> None:
        self.name_warning.setText("Another client already has this name." if taken else "")
        self.name_warning.setVisible(taken)


__all__ = ["ClientForm"]
