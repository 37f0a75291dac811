"""Add or edit an exercise, with messages next to the fields that need fixing."""

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
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.field_labels import label_for
from coachdesk.movement import plane_for
from coachdesk.pictures import original_name
from coachdesk.services.library import NAME_LIMIT, ExerciseData, ExerciseRow, exercise_problems
from coachdesk.ui.common.form_errors import FieldErrors
from coachdesk.ui.common.widgets import limit_length
from coachdesk.vocab import (
    CORE_PATTERNS,
    CorePlane,
    ExternalLoad,
    Impact,
    Laterality,
    LoadType,
    Muscle,
    Pattern,
    Phase,
    label,
)

Saver = Callable[["ExerciseDialog"], object]
"""Stores the dialog's values (the list area's save); None when refused."""
ImageAttacher = Callable[[Path], str]


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace(";", ",").split(",") if p.strip())


class ExerciseDialog(QDialog):
    """The library's editor (the list area's Editor protocol): Save calls ``save`` with the
    dialog, which stores it or shows why not next to the field; the dialog stays open until
    it is stored."""

    def __init__(self, title: str, row: ExerciseRow | None, save: Saver,
                 attach: ImageAttacher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self.save = save
        self.attach = attach
        self.result_value: object = None
        self.errors = FieldErrors()
        data = ExerciseData()
        self.image_path = data.image_path

        self.name = QLineEdit(data.name)
        self.name_hint = QLabel()
        limit_length(self.name, NAME_LIMIT, self.name_hint)
        self.error_summary = QLabel()
        self.error_summary.setObjectName("fieldError")
        self.error_summary.setWordWrap(True)
        self.error_summary.setStyleSheet("color: #b03a2e;")
        self.error_summary.hide()
        self.aliases = QLineEdit(", ".join(data.aliases))
        self.aliases.setPlaceholderText("Other names, separated by commas")
        self.review_note = QLabel(
            "Its movement pattern and prime movers were guessed when the library was "
            "upgraded. Check them; saving confirms them.")
        self.review_note.setWordWrap(True)
        self.review_note.setObjectName("reviewNote")
        self.review_note.setVisible(data.needs_review)
        self.pattern = self._combo([(label(p), p.value) for p in Pattern], data.pattern)
        self.pattern.currentIndexChanged.connect(self._pattern_changed)
        self.muscle_boxes, muscles = self._muscle_grid(data.primary_muscles)
        self.secondary_boxes, secondary = self._muscle_grid(data.secondary_muscles)
        self.impact = self._combo([(label(i), i.value) for i in Impact], data.impact)
        self.external_load = self._combo([(label(e), e.value) for e in ExternalLoad],
                                         data.external_load)
        self.laterality = self._combo([(("Single-leg / one side" if v == Laterality.UNILATERAL
                                          else "Two-sided"), v.value) for v in Laterality],
                                      data.laterality)
        self.phase = self._combo([(label(p), p.value) for p in Phase], data.phase)
        self.core_plane = self._combo([("Not core work", None)]
                                      + [(label(p), p.value) for p in CorePlane], data.core_plane)
        self.plyometric = QCheckBox("Plyometric (jumps, hops, bounds)")
        self.plyometric.setChecked(data.plyometric)
        self.eccentric = QCheckBox("Eccentric emphasis (slow lowering)")
        self.eccentric.setChecked(data.eccentric)
        self.equipment = QLineEdit(", ".join(data.equipment))
        self.equipment.setPlaceholderText("e.g. box, dumbbell (empty for none)")
        self.load_type = self._combo([(label(t), t.value) for t in LoadType], data.load_type)
        self.video = QLineEdit(data.video_url or "")
        self.video.setPlaceholderText("https://… (a web link; files on this computer cannot "
                                      "be shared)")
        self.image_button = QPushButton(self._image_text())
        self.image_button.clicked.connect(self.choose_image)
        self.clear_image = QPushButton("Remove")
        self.clear_image.clicked.connect(self._remove_image)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_button, 1)
        image_row.addWidget(self.clear_image)
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setPlaceholderText("Markdown: ### Setup, ### Cues, - bullets, **bold** …")
        self.notes.setMinimumHeight(160)

        form = QFormLayout()
        form.addRow(self.review_note)
        form.addRow("Name", self.name)
        form.addRow("", self.name_hint)
        form.addRow("", self.errors.label_for("name", self))
        form.addRow("Also called", self.aliases)
        form.addRow("", self.errors.label_for("aliases", self))
        form.addRow("Movement", self.pattern)
        form.addRow("", self.errors.label_for("pattern", self))
        form.addRow("Prime movers", muscles)
        form.addRow("", self.errors.label_for("primary_muscles", self))
        form.addRow("Assisting", secondary)
        form.addRow("", self.errors.label_for("secondary_muscles", self))
        form.addRow("Impact", self.impact)
        form.addRow("External load", self.external_load)
        form.addRow("Sides", self.laterality)
        form.addRow("Phase", self.phase)
        form.addRow("", self.errors.label_for("phase", self))
        form.addRow("Core plane", self.core_plane)
        form.addRow("", self.plyometric)
        form.addRow("", self.eccentric)
        form.addRow("Equipment", self.equipment)
        form.addRow("Load", self.load_type)
        form.addRow("Demo picture", image_row)
        form.addRow("", self.errors.label_for("image_path", self))
        form.addRow("Video link", self.video)
        form.addRow("", self.errors.label_for("video_url", self))
        form.addRow("Demonstration notes", self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_summary)
        layout.addWidget(buttons)
        # The form is taller than a 1280×720 screen: scroll inside the dialog, never off it.
        screen = self.screen().availableGeometry() if self.screen() else None
        height = body.sizeHint().height() + buttons.sizeHint().height() + 40
        if screen is not None:
            height = min(height, screen.height() - 60)
        self.resize(max(self.minimumWidth(), body.sizeHint().width() + 40), height)
        self.load(row)
        self._saved = self.data()

    def load(self, row: ExerciseRow | None) -> None:
        data = row.data if row is not None else ExerciseData()
        self.name.setText(data.name)
        self.aliases.setText(", ".join(data.aliases))
        self.review_note.setVisible(data.needs_review)
        for combo, value in ((self.pattern, data.pattern), (self.impact, data.impact),
                             (self.external_load, data.external_load),
                             (self.laterality, data.laterality), (self.phase, data.phase),
                             (self.core_plane, data.core_plane),
                             (self.load_type, data.load_type)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        for boxes, checked in ((self.muscle_boxes, data.primary_muscles),
                               (self.secondary_boxes, data.secondary_muscles)):
            for muscle, box in boxes.items():
                box.setChecked(muscle in checked)
        self.plyometric.setChecked(data.plyometric)
        self.eccentric.setChecked(data.eccentric)
        self.equipment.setText(", ".join(data.equipment))
        self.video.setText(data.video_url or "")
        self.image_path = data.image_path
        self.image_button.setText(self._image_text())
        self.notes.setPlainText(data.notes)
        self._saved = self.data()

    @property
    def dirty(self) -> bool:
        return self.data() != self._saved

    def show_error(self, field: str, message: str) -> None:
        if not self.errors.show(field, message):
            self.errors.show("name", message)

    def clear_errors(self) -> None:
        self.errors.clear()
        self.error_summary.hide()

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Mark every refused field and list them above the buttons (the form scrolls, so
        a mark may be out of sight)."""
        for problem in problems:
            self.show_error(problem.field, problem.message)
        names = list(dict.fromkeys(label_for(p.field) or p.field for p in problems))
        self.error_summary.setText(f"Fix {'this' if len(names) == 1 else 'these'} before "
                                   f"saving: {', '.join(names)}.")
        self.error_summary.show()

    def mark_saved(self, _row: ExerciseRow) -> None:
        self._saved = self.data()

    @staticmethod
    def _muscle_grid(checked: tuple[str, ...]) -> tuple[dict[str, QCheckBox], QGridLayout]:
        boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, muscle in enumerate(Muscle):
            box = QCheckBox(label(muscle))
            box.setChecked(muscle.value in checked)
            boxes[muscle.value] = box
            grid.addWidget(box, index // 4, index % 4)
        return boxes, grid

    def _pattern_changed(self) -> None:
        """A trunk pattern sets its core plane and makes the core a prime mover."""
        pattern = Pattern(self.pattern.currentData())
        plane = plane_for(pattern)
        if pattern in CORE_PATTERNS and plane is not None:
            self.core_plane.setCurrentIndex(max(self.core_plane.findData(plane.value), 0))
            self.muscle_boxes[Muscle.CORE.value].setChecked(True)

    @staticmethod
    def _combo(options: list[tuple[str, object]], current: object) -> QComboBox:
        combo = QComboBox()
        for text, value in options:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _image_text(self) -> str:
        return original_name(self.image_path) if self.image_path else "Choose a picture or GIF…"

    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Demo picture", str(Path.home()),
                                              "Pictures (*.png *.jpg *.jpeg *.gif *.webp)")
        if path:
            self.set_image(Path(path))

    def set_image(self, path: Path) -> bool:
        try:
            self.image_path = self.attach(path)
        except (CoachDeskError, OSError) as error:
            message = error.message if isinstance(error, ValidationError) else str(error)
            self.errors.show("image_path", message)
            return False
        self.image_button.setText(self._image_text())
        return True

    def _remove_image(self) -> None:
        self.image_path = None
        self.image_button.setText(self._image_text())

    def data(self) -> ExerciseData:
        video = self.video.text().strip() or None
        return ExerciseData(
            name=self.name.text().strip(),
            aliases=_split(self.aliases.text()),
            primary_muscles=tuple(m for m, box in self.muscle_boxes.items() if box.isChecked()),
            secondary_muscles=tuple(m for m, box in self.secondary_boxes.items()
                                    if box.isChecked() and not self.muscle_boxes[m].isChecked()),
            pattern=self.pattern.currentData(),
            impact=self.impact.currentData(),
            external_load=self.external_load.currentData(),
            laterality=self.laterality.currentData(),
            core_plane=self.core_plane.currentData(),
            phase=self.phase.currentData(),
            plyometric=self.plyometric.isChecked(),
            eccentric=self.eccentric.isChecked(),
            equipment=tuple(e.lower() for e in _split(self.equipment.text())),
            load_type=self.load_type.currentData(),
            notes=self.notes.toPlainText().strip(),
            image_path=self.image_path,
            video_url=video,
        )

    def try_save(self) -> bool:
        self.clear_errors()
        data = self.data()
        problems = exercise_problems(data)  # the model's rules: web links only, and more
        if problems:
            self.show_problems(problems)
            return False
        result = self.save(self)
        if result is None:
            return False
        self.result_value = result
        self.accept()
        return True
