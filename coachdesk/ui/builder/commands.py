"""One small ``QUndoCommand`` per board edit. Each changes the week through a service call
(one committed transaction) and reloads the document; none touches a widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, StaleEditError
from coachdesk.services import templates as svc
from coachdesk.ui.builder.document import WeekDocument
from coachdesk.vocab import Weekday

UPDATE_SLOT_ID = 1001


def day_name(weekday: Weekday | str) -> str:
    return {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
            "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}[str(Weekday(weekday))]


class _WeekCommand(QUndoCommand):
    """Subclasses implement ``apply`` and ``revert``. A failure (a stale slot, a value the
    database refuses) makes the command obsolete, so it never sits on the stack half-done,
    and is reported through ``document.edit_failed``."""

    def __init__(self, document: WeekDocument, text: str) -> None:
        super().__init__(text)
        self.document = document

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StaleEditError as error:  # another desk changed it: theirs stays, we say so
            self.setObsolete(True)
            self.document.reload()
            self.document.edit_failed.emit(f"{self.text()}: {error}")
        except (CoachDeskError, SQLAlchemyError) as error:
            self.setObsolete(True)
            self.document.reload()
            self.document.edit_failed.emit(f"{self.text()} could not be saved: {error}")

    @property
    def db(self) -> Database:
        return self.document.db


class AddSlotsCommand(_WeekCommand):
    """Add exercises to a day at a position (a drop from the library, or "Add to day…")."""

    def __init__(
        self,
        document: WeekDocument,
        weekday: Weekday | str,
        exercise_ids: Sequence[int],
        position: int | None,
        names: Sequence[str] = (),
    ) -> None:
        what = names[0] if len(names) == 1 else f"{len(exercise_ids)} exercises"
        super().__init__(document, f"Add {what} to {day_name(weekday)}")
        self.weekday = Weekday(weekday)
        self.exercise_ids = list(exercise_ids)
        self.position = position
        self.fields: list[svc.SlotFields | None] | None = None
        self.slot_ids: list[int] = []

    def apply(self) -> None:
        new_ids = svc.add_slots(
            self.db, self.document.template_id, self.weekday, self.exercise_ids,
            self.position, self.fields,
        )
        if self.slot_ids:
            for original, new in zip(self.slot_ids, new_ids, strict=True):
                self.document.ids.moved(original, new)
        else:
            self.slot_ids = new_ids
        self.document.reload()

    def revert(self) -> None:
        # Remember edits made to the new slots so redo brings them back as they were.
        current = [self.document.ids.current(original) for original in self.slot_ids]
        self.fields = [self.document.week.slot(slot_id).fields for slot_id in current]
        for slot_id in current:
            svc.remove_slot(self.db, slot_id)
        self.document.reload()


class MoveSlotCommand(_WeekCommand):
    """Reorder within a day or move to another day."""

    def __init__(self, document: WeekDocument, slot_id: int, weekday: Weekday | str,
                 position: int) -> None:
        slot = document.slot(slot_id)
        same_day = slot.weekday == Weekday(weekday)
        text = (f"Reorder {slot.exercise_name}" if same_day
                else f"Move {slot.exercise_name} to {day_name(weekday)}")
        super().__init__(document, text)
        self.slot_id = slot_id
        self.origin = (slot.weekday, slot.position)
        self.target = (Weekday(weekday), position)

    def apply(self) -> None:
        svc.move_slot(self.db, self.document.ids.current(self.slot_id), *self.target,
                      expected_weekday=self.origin[0])
        self.document.reload()

    def revert(self) -> None:
        svc.move_slot(self.db, self.document.ids.current(self.slot_id), *self.origin,
                      expected_weekday=self.target[0])
        self.document.reload()


class CopySlotCommand(_WeekCommand):
    def __init__(self, document: WeekDocument, slot_id: int, weekday: Weekday | str,
                 position: int | None) -> None:
        slot = document.slot(slot_id)
        super().__init__(document, f"Copy {slot.exercise_name} to {day_name(weekday)}")
        self.slot_id = slot_id
        self.weekday = Weekday(weekday)
        self.position = position
        self.copy_id: int | None = None

    def apply(self) -> None:
        new = svc.copy_slot(self.db, self.document.ids.current(self.slot_id), self.weekday,
                            self.position)
        if self.copy_id is None:
            self.copy_id = new
        else:
            self.document.ids.moved(self.copy_id, new)
        self.document.reload()

    def revert(self) -> None:
        assert self.copy_id is not None
        svc.remove_slot(self.db, self.document.ids.current(self.copy_id))
        self.document.reload()


class RemoveSlotCommand(_WeekCommand):
    def __init__(self, document: WeekDocument, slot_id: int) -> None:
        slot = document.slot(slot_id)
        super().__init__(document, f"Remove {slot.exercise_name} from {day_name(slot.weekday)}")
        self.slot_id = slot_id
        self.seen = slot.fields  # what this desk showed: another desk's later edit is kept
        self.removed: svc.RemovedSlot | None = None

    def apply(self) -> None:
        self.removed = svc.remove_slot(self.db, self.document.ids.current(self.slot_id),
                                       expected=self.seen)
        self.document.reload()

    def revert(self) -> None:
        assert self.removed is not None
        current = self.document.ids.current(self.slot_id)
        self.document.ids.moved(current, svc.restore_slot(self.db, self.removed))
        self.document.reload()


class UpdateSlotCommand(_WeekCommand):
    """A change to a slot's prescription. Consecutive edits of one slot merge into one undo
    step, so spinning sets from 3 to 6 is undone in one go."""

    def __init__(self, document: WeekDocument, slot_id: int, fields: svc.SlotFields) -> None:
        slot = document.slot(slot_id)
        super().__init__(document, f"Edit {slot.exercise_name}")
        self.slot_id = slot_id
        self.before = slot.fields
        self.after = fields

    def id(self) -> int:
        return UPDATE_SLOT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSlotCommand) or other.slot_id != self.slot_id:
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        svc.update_slot(self.db, self.document.ids.current(self.slot_id), self.after,
                        expected=self.before)
        self.document.reload()

    def revert(self) -> None:
        # Only this edit's own fields go back; another desk's later changes stay.
        svc.update_slot(self.db, self.document.ids.current(self.slot_id), self.before,
                        expected=self.after)
        self.document.reload()


class SetDayTitleCommand(_WeekCommand):
    def __init__(self, document: WeekDocument, weekday: Weekday | str, title: str) -> None:
        super().__init__(document, f"Rename {day_name(weekday)}")
        self.weekday = Weekday(weekday)
        self.before = document.day(weekday).title
        self.after = title

    def apply(self) -> None:
        svc.set_day_title(self.db, self.document.template_id, self.weekday, self.after,
                          expected=self.before)
        self.document.reload()

    def revert(self) -> None:
        svc.set_day_title(self.db, self.document.template_id, self.weekday, self.before,
                          expected=self.after)
        self.document.reload()


class SetDayMicroCommand(_WeekCommand):
    def __init__(self, document: WeekDocument, weekday: Weekday | str, micro: bool) -> None:
        what = "a micro-session" if micro else "a full session"
        super().__init__(document, f"Make {day_name(weekday)} {what}")
        self.weekday = Weekday(weekday)
        self.before = document.day(weekday).micro
        self.after = micro

    def apply(self) -> None:
        svc.set_day_micro(self.db, self.document.template_id, self.weekday, self.after,
                          expected=self.before)
        self.document.reload()

    def revert(self) -> None:
        svc.set_day_micro(self.db, self.document.template_id, self.weekday, self.before,
                          expected=self.after)
        self.document.reload()


class CopyDayCommand(_WeekCommand):
    """Append a copy of one day to another day of the same template."""

    def __init__(self, document: WeekDocument, weekday: Weekday | str,
                 target: Weekday | str) -> None:
        super().__init__(document, f"Copy {day_name(weekday)} to {day_name(target)}")
        self.weekday = Weekday(weekday)
        self.target = Weekday(target)
        self.title_before = document.day(target).title
        self.copy_ids: list[int] = []

    def apply(self) -> None:
        new_ids = svc.copy_day(self.db, self.document.template_id, self.weekday,
                               self.document.template_id, self.target)
        if self.copy_ids:
            for original, new in zip(self.copy_ids, new_ids, strict=True):
                self.document.ids.moved(original, new)
        else:
            self.copy_ids = new_ids
        self.document.reload()

    def revert(self) -> None:
        for original in self.copy_ids:
            svc.remove_slot(self.db, self.document.ids.current(original))
        svc.set_day_title(self.db, self.document.template_id, self.target, self.title_before)
        self.document.reload()


__all__ = [
    "AddSlotsCommand",
    "CopyDayCommand",
    "CopySlotCommand",
    "MoveSlotCommand",
    "RemoveSlotCommand",
    "SetDayMicroCommand",
    "SetDayTitleCommand",
    "UpdateSlotCommand",
]
