"""The week being edited, as plain data, plus the bookkeeping undo needs.

Commands change the database through ``coachdesk.services.templates`` and then call
:meth:`WeekDocument.reload`; views redraw from the ``week_changed`` signal. Nothing else
writes the week.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from coachdesk.db import Database
from coachdesk.services import templates as svc
from coachdesk.vocab import Weekday


class SlotIds:
    """Undo re-creates removed slots with new database ids. Commands remember the id a slot
    had when they were made and look up the id it has now through this map."""

    def __init__(self) -> None:
        self._current: dict[int, int] = {}

    def current(self, original: int) -> int:
        seen: set[int] = set()
        slot_id = original
        while slot_id in self._current and slot_id not in seen:
            seen.add(slot_id)
            slot_id = self._current[slot_id]
        return slot_id

    def moved(self, original: int, new: int) -> None:
        if original != new:
            self._current[original] = new


class WeekDocument(QObject):
    week_changed = Signal(object)
    """Emitted with the new ``WeekView`` after every edit, undo or redo."""
    edit_failed = Signal(str)
    """Emitted with a coach-readable reason when an edit could not be saved."""

    def __init__(self, db: Database, template_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.template_id = template_id
        self.ids = SlotIds()
        self.week: svc.WeekView = svc.load_week(db, template_id)

    def reload(self) -> svc.WeekView:
        self.week = svc.load_week(self.db, self.template_id)
        self.week_changed.emit(self.week)
        return self.week

    def day(self, weekday: Weekday | str) -> svc.DayView:
        return self.week.day(weekday)

    def slot(self, slot_id: int) -> svc.SlotView:
        return self.week.slot(self.ids.current(slot_id))
