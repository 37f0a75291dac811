"""The import flow the library and the roster share: read and preview the file, show what
would change, and apply it in one cancellable transaction behind a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.errors import CoachDeskError
from coachdesk.ui.common.progress import run_with_progress

P = TypeVar("P")
SHOWN = 8


def preview_lines(noun: str, preview: Any) -> list[str]:
    """What the preview will do, in the coach's words: new, changed, conflicts, unchanged."""
    lines = [f"New {noun}s: {len(preview.new)}"]
    lines += [f"  • {entry.name}" for entry in preview.new[:SHOWN]]
    lines.append(f"Changed {noun}s: {len(preview.changed)}")
    lines += [f"  • {after.name}" for _id, _before, after in preview.changed[:SHOWN]]
    conflicts = getattr(preview, "conflicts", None)
    if conflicts is not None:
        lines.append(f"Conflicts (left out): {len(conflicts)}")
        lines += [f"  • {entry.name}: {why}" for entry, why in conflicts[:SHOWN]]
    lines.append(f"Unchanged: {preview.unchanged}")
    errors = getattr(preview, "errors", ())
    if errors:
        lines.append(f"Rows left out, with what to fix: {len(errors)}")
        lines += [f"  • row {number}{',' if reason.startswith('column ') else ':'} {reason}"
                  for number, reason in errors[:SHOWN]]
        if len(errors) > SHOWN:
            lines.append(f"  • … and {len(errors) - SHOWN} more")
    return lines


def valid_rows_text(count: int) -> str:
    """The button that imports what can be imported: "Import the 3 valid rows"."""
    return f"Import the {count} valid row{'' if count == 1 else 's'}"


def _confirm(parent: QWidget, title: str, lines: str, preview: Any) -> bool:
    """Ask before writing. With bad rows, the box lists them and offers to import the
    valid rows only."""
    if not getattr(preview, "errors", ()):
        answer = QMessageBox.question(parent, title,
                                      f"{lines}\n\nImport the new and changed ones?")
        return answer == QMessageBox.StandardButton.Yes
    box = QMessageBox(QMessageBox.Icon.Question, title, f"{lines}\n\nThe rows left out "
                      "are not imported; fix them in the file and import it again to add "
                      "them later.", QMessageBox.StandardButton.Cancel, parent)
    count = len(preview.new) + len(preview.changed)
    accept = box.addButton(valid_rows_text(count), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def import_with_preview(
    parent: QWidget, noun: str, read_preview: Callable[[], P],
    apply: Callable[[P, Callable[[int, int], None], Callable[[], bool]], Any],
) -> Any:
    """Run the whole flow; returns what ``apply`` returned, (0, 0) when there was nothing
    to do, or None when the coach cancelled or the file was refused (with a message)."""
    title = f"Import {noun}s"
    try:
        preview = read_preview()
    except CoachDeskError as error:
        QMessageBox.warning(parent, "Cannot import", str(error))
        return None
    lines = "\n".join(preview_lines(noun, preview))
    if preview.is_empty and getattr(preview, "errors", ()):  # type: ignore[attr-defined]
        QMessageBox.warning(parent, "Cannot import", f"{lines}\n\nNo row can be imported; "
                            "fix the rows above in the file and import it again.")
        return None
    if preview.is_empty:  # type: ignore[attr-defined]
        QMessageBox.information(parent, title, f"{lines}\n\nNothing to import.")
        return (0, 0)
    if not _confirm(parent, title, lines, preview):
        return None
    try:
        return run_with_progress(parent, title, f"Importing {noun}s…",
                                 lambda progress, stop: apply(preview, progress, stop))
    except CoachDeskError as error:
        QMessageBox.warning(parent, "Cannot import", str(error))
        return None
