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
    return lines


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
    if preview.is_empty:  # type: ignore[attr-defined]
        QMessageBox.information(parent, title, f"{lines}\n\nNothing to import.")
        return (0, 0)
    answer = QMessageBox.question(parent, title, f"{lines}\n\nImport the new and changed ones?")
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        return run_with_progress(parent, title, f"Importing {noun}s…",
                                 lambda progress, stop: apply(preview, progress, stop))
    except CoachDeskError as error:
        QMessageBox.warning(parent, "Cannot import", str(error))
        return None
