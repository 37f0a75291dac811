"""One small ``QUndoCommand`` per board edit. Each changes the week through a service call
(one committed transaction) and reloads the document; none touches a widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError, StaleEditError
from coachdesk.services import templates as svc
from coachdesk.ui.builder.document import WeekDocument
from coachdesk.vocab import Weekday, day_name

UPDATE_SLOT_ID = 1001



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
        except CoachDeskError as error:
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
        count = len(exercise_ids)
        what = names[0] if len(names) == 1 and count == 1 else (
            "1 exercise" if count == 1 else f"{count} exercises")
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
        if len(new_ids) == 1:  # name it in the Undo menu: "Undo Add Nordic Curl to Monday"
            name = self.document.week.slot(new_ids[0]).exercise_name
            self.setText(f"Add {name} to {day_name(self.weekday)}")

    def revert(self) -> None:
        # Remember edits made to the new slots so redo brings them back as they were.
        current = [self.document.ids.current(original) for original in self.slot_ids]
        self.fields = [self.document.week.slot(slot_id).fields for slot_id in current]
        svc.remove_slots(self.db, current, self.fields)
        self.document.reload()


class MoveSlotsCommand(_WeekCommand):
    """Move slots to a day, in order, as one step: one transaction to do, one to undo."""

    def __init__(self, document: WeekDocument, moves: Sequence[tuple[int, int]],
                 weekday: Weekday | str, text: str = "") -> None:
        first = document.slot(moves[0][0])
        if not text:
            same_day = first.weekday == Weekday(weekday) and len(moves) == 1
            what = first.exercise_name if len(moves) == 1 else f"{len(moves)} exercises"
            text = (f"Reorder {what}" if same_day else f"Move {what} to {day_name(weekday)}")
        super().__init__(document, text)
        self.weekday = Weekday(weekday)
        self.moves = list(moves)  # (original slot id, position)
        self.seen_on = [document.slot(slot_id).weekday for slot_id, _ in moves]
        self.previous: list[tuple[Weekday, int, int | None]] = []

    def apply(self) -> None:
        self.previous = svc.move_slots(self.db, [
            (self.document.ids.current(slot_id), self.weekday, position, seen)
            for (slot_id, position), seen in zip(self.moves, self.seen_on, strict=True)])
        self.document.reload()

    def revert(self) -> None:
        svc.move_slots(self.db, [
            (self.document.ids.current(slot_id), weekday, position, self.weekday, group)
            for (slot_id, _), (weekday, position, group)
            in reversed(list(zip(self.moves, self.previous, strict=True)))])
        self.document.reload()


class MoveSlotCommand(MoveSlotsCommand):
    """Reorder within a day or move to another day."""

    def __init__(self, document: WeekDocument, slot_id: int, weekday: Weekday | str,
                 position: int) -> None:
        super().__init__(document, [(slot_id, position)], weekday)


class CopySlotsCommand(_WeekCommand):
    """Copy slots to a day as one step."""

    def __init__(self, document: WeekDocument, copies: Sequence[tuple[int, int | None]],
                 weekday: Weekday | str) -> None:
        first = document.slot(copies[0][0])
        what = first.exercise_name if len(copies) == 1 else f"{len(copies)} exercises"
        super().__init__(document, f"Copy {what} to {day_name(weekday)}")
        self.weekday = Weekday(weekday)
        self.copies = list(copies)  # (original slot id, position or None)
        self.copy_ids: list[int] = []

    def apply(self) -> None:
        new = svc.copy_slots(self.db, [(self.document.ids.current(slot_id), self.weekday, at)
                                       for slot_id, at in self.copies])
        if self.copy_ids:
            for original, now in zip(self.copy_ids, new, strict=True):
                self.document.ids.moved(original, now)
        else:
            self.copy_ids = new
        self.document.reload()

    def revert(self) -> None:
        svc.remove_slots(self.db, [self.document.ids.current(i) for i in self.copy_ids])
        self.document.reload()


class CopySlotCommand(CopySlotsCommand):
    def __init__(self, document: WeekDocument, slot_id: int, weekday: Weekday | str,
                 position: int | None) -> None:
        super().__init__(document, [(slot_id, position)], weekday)


class RemoveSlotsCommand(_WeekCommand):
    """Remove slots as one step; undo puts them all back where they were."""

    def __init__(self, document: WeekDocument, slot_ids: Sequence[int]) -> None:
        first = document.slot(slot_ids[0])
        text = (f"Remove {first.exercise_name} from {day_name(first.weekday)}"
                if len(slot_ids) == 1 else f"Remove {len(slot_ids)} exercises")
        super().__init__(document, text)
        self.slot_ids = list(slot_ids)
        # What this desk showed: a slot another desk edited since is not removed unseen.
        self.seen = [document.slot(slot_id).fields for slot_id in slot_ids]
        self.removed: list[svc.RemovedSlot] = []

    def apply(self) -> None:
        self.removed = svc.remove_slots(
            self.db, [self.document.ids.current(i) for i in self.slot_ids], self.seen)
        self.document.reload()

    def revert(self) -> None:
        new_ids = svc.restore_slots(self.db, self.removed)
        for original, new in zip(self.slot_ids, new_ids, strict=True):
            self.document.ids.moved(self.document.ids.current(original), new)
        self.document.reload()


class RemoveSlotCommand(RemoveSlotsCommand):
    def __init__(self, document: WeekDocument, slot_id: int) -> None:
        super().__init__(document, [slot_id])


class SwapExerciseCommand(_WeekCommand):
    """Put another exercise in a slot, keeping the prescription (a one-click fix)."""

    def __init__(self, document: WeekDocument, slot_id: int, exercise_id: int,
                 name: str) -> None:
        slot = document.slot(slot_id)
        super().__init__(document, f"Swap {slot.exercise_name} for {name}")
        self.slot_id = slot_id
        self.before = slot.exercise_id
        self.after = exercise_id

    def apply(self) -> None:
        svc.swap_exercise(self.db, self.document.ids.current(self.slot_id), self.after,
                          expected_exercise_id=self.before)
        self.document.reload()

    def revert(self) -> None:
        svc.swap_exercise(self.db, self.document.ids.current(self.slot_id), self.before,
                          expected_exercise_id=self.after)
        self.document.reload()


class GroupSlotsCommand(_WeekCommand):
    """Make slots a superset (one group), or take a slot out of its block (group None)."""

    def __init__(self, document: WeekDocument, slot_ids: Sequence[int], group: int | None,
                 text: str) -> None:
        super().__init__(document, text)
        self.slot_ids = list(slot_ids)
        self.before = [document.slot(i).fields.group for i in slot_ids]
        self.group = group

    def apply(self) -> None:
        svc.set_groups(self.db, [(self.document.ids.current(i), self.group, was)
                                 for i, was in zip(self.slot_ids, self.before, strict=True)])
        self.document.reload()

    def revert(self) -> None:
        svc.set_groups(self.db, [(self.document.ids.current(i), was, self.group)
                                 for i, was in zip(self.slot_ids, self.before, strict=True)])
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
    """Append a copy of one day to another day of this template or of another one."""

    def __init__(self, document: WeekDocument, weekday: Weekday | str,
                 target: Weekday | str, target_template: tuple[int, str] | None = None
                 ) -> None:
        """``target_template`` is (template id, template name) when the copy goes to
        another template; undo removes the copies from there."""
        self.target_template_id = target_template[0] if target_template else \
            document.template_id
        where = f"{target_template[1]}, {day_name(target)}" if target_template else \
            day_name(target)
        super().__init__(document, f"Copy {day_name(weekday)} to {where}")
        self.weekday = Weekday(weekday)
        self.target = Weekday(target)
        self.title_before = (document.day(target).title if target_template is None else
                             svc.load_week(document.db, self.target_template_id)
                             .day(target).title)
        self.copy_ids: list[int] = []

    def apply(self) -> None:
        new_ids = svc.copy_day(self.db, self.document.template_id, self.weekday,
                               self.target_template_id, self.target)
        if self.copy_ids:
            for original, new in zip(self.copy_ids, new_ids, strict=True):
                self.document.ids.moved(original, new)
        else:
            self.copy_ids = new_ids
        self.document.reload()

    def revert(self) -> None:
        svc.remove_slots(self.db, [self.document.ids.current(i) for i in self.copy_ids],
                         restore_title=(self.target_template_id, self.target,
                                        self.title_before))
        self.document.reload()


__all__ = [
    "AddSlotsCommand",
    "CopyDayCommand",
    "CopySlotCommand",
    "CopySlotsCommand",
    "GroupSlotsCommand",
    "MoveSlotCommand",
    "MoveSlotsCommand",
    "RemoveSlotCommand",
    "RemoveSlotsCommand",
    "SetDayMicroCommand",
    "SetDayTitleCommand",
    "SwapExerciseCommand",
    "UpdateSlotCommand",
]
