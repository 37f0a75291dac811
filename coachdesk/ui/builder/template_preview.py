"""A look at a template file before it joins the coach's templates: its name, each day's
exercises, what it brings along. Reading the file needs no database; nothing is written
until the coach presses Import."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.vocab import WEEKDAYS, day_name


def slot_summary(entry: SlotEntry) -> str:
    """``Nordic Curl — 3 × 5`` (or ``3 × 30 s``, ``per side``): what a coach reads on a card."""
    amount = (f"{entry.reps}" if entry.reps is not None
              else f"{entry.seconds} s" if entry.seconds is not None else "")
    dose = f"{entry.sets} × {amount}" if amount else f"{entry.sets} sets"
    if entry.per_side:
        dose += " per side"
    return f"{entry.exercise} — {dose}"


def preview_html(template: TemplateFile) -> str:
    parts = [f"<h3>{escape(template.name)}</h3>"]
    if template.notes:
        parts.append(f"<p>{escape(template.notes)}</p>")
    for weekday in WEEKDAYS:
        entries = template.days.get(weekday, ())
        if not entries:
            continue
        title = template.day_titles.get(weekday, "")
        heading = day_name(weekday) + (f" — {title}" if title else "")
        items = "".join(f"<li>{escape(slot_summary(e))}</li>" for e in entries)
        parts.append(f"<p><b>{escape(heading)}</b></p><ul>{items}</ul>")
    if not any(template.days.values()):
        parts.append("<p>This week has no exercises yet.</p>")
    if template.exercises:
        names = ", ".join(escape(e.name) for e in template.exercises)
        parts.append(f"<p>It brings its own exercises (added to your library when they are "
                     f"new): {names}.</p>")
    return "".join(parts)


class TemplatePreview(QDialog):
    """Accepted when the coach presses Import; the caller then imports the file."""

    def __init__(self, template: TemplateFile, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a template")
        self.setMinimumSize(460, 420)
        self.path = path
        self.template = template
        intro = QLabel(f"“{path.name}” holds this training week. Import it into your "
                       "templates to edit it or assign it to a runner.")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QTextBrowser()
        self.details.setHtml(preview_html(template))
        buttons = QDialogButtonBox()
        self.import_button = QPushButton("Import into Templates")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
