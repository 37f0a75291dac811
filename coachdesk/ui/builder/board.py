"""The week board: seven day columns, and the one place drops and keys become commands."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QGridLayout, QMenu, QScrollArea, QWidget

from coachdesk.errors import CoachDeskError
from coachdesk.services import templates as svc
from coachdesk.ui.builder import commands as cmd
from coachdesk.ui.builder.day_column import DayColumn
from coachdesk.ui.builder.day_model import read_exercise_ids, read_slot_ref
from coachdesk.ui.builder.document import WeekDocument
from coachdesk.ui.mime import EXERCISE_IDS_MIME, SLOT_REF_MIME
from coachdesk.vocab import WEEKDAYS, Weekday, day_name

DAY_WIDTH = 104  # the narrowest a day may be before the week wraps onto another row
MIN_DAY_HEIGHT = 150


class WeekBoard(QScrollArea):
    slot_selected = Signal(object)
    """Emitted with the selected ``SlotView``, or None when no single slot is selected."""
    edit_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekBoard")
        self.document: WeekDocument | None = None
        self.undo_stack: QUndoStack | None = None
        self.library_selection: Callable[[], list[int]] = list
        self.copy_day_to_template: Callable[[Weekday], None] = lambda _weekday: None
        self.columns: dict[Weekday, DayColumn] = {}
        inner = QWidget()
        inner.setObjectName("weekBoardInner")
        layout = QGridLayout(inner)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        for weekday in WEEKDAYS:
            column = DayColumn(self, weekday, inner)
            column.setMinimumWidth(DAY_WIDTH)
            column.setMinimumHeight(MIN_DAY_HEIGHT)
            column.view.selectionModel().selectionChanged.connect(
                lambda *_a, c=column: self._selection_changed(c)
            )
            self.columns[weekday] = column
        self.day_layout = layout
        self.week_start = Weekday.MON
        self.per_row = 0
        self.setWidget(inner)
        self.setWidgetResizable(True)
        # The whole week is always in view: days share the width and wrap onto a second
        # (or third) row rather than scrolling sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._arrange()
        self.key_actions = self._key_actions()

    def _key_actions(self) -> list[QAction]:
        """The board's keyboard actions (active while focus is on the board); the shortcuts
        dialog lists them."""
        def on_selection(do: Callable[[list[int]], None]) -> Callable[[], None]:
            return lambda: (ids := self.selected_slot_ids()) and do(ids)

        table = [
            ("Remove the selected exercises", ("Delete", "Backspace"),
             on_selection(self.remove_slots)),
            ("Move the selected exercise up", ("Ctrl+Up",),
             on_selection(lambda ids: self.move_by(ids[0], -1))),
            ("Move the selected exercise down", ("Ctrl+Down",),
             on_selection(lambda ids: self.move_by(ids[0], 1))),
            ("Move it to the previous day", ("Ctrl+Left",),
             on_selection(lambda ids: self.move_to_next_day(ids[0], -1))),
            ("Move it to the next day", ("Ctrl+Right",),
             on_selection(lambda ids: self.move_to_next_day(ids[0], 1))),
        ]
        actions = []
        for text, keys, slot in table:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            actions.append(action)
        return actions

    def set_week_start(self, weekday: str) -> None:
        """Show the days from the coach's first day of the week (a display choice only)."""
        self.week_start = Weekday(weekday)
        self.per_row = 0
        self._arrange()

    def days_per_row(self, width: int) -> int:
        """7 when a day gets at least ``DAY_WIDTH``; else 4 (two rows), else 3, 2 or 1."""
        spacing = self.day_layout.spacing()
        for per_row in (7, 4, 3, 2):
            if (width - 12 - spacing * (per_row - 1)) / per_row >= DAY_WIDTH:
                return per_row
        return 1

    def _arrange(self) -> None:
        per_row = self.days_per_row(self.viewport().width())
        if per_row == self.per_row:
            return
        self.per_row = per_row
        start = WEEKDAYS.index(self.week_start)
        for column in self.columns.values():
            self.day_layout.removeWidget(column)
        for column_index in range(self.day_layout.columnCount()):
            self.day_layout.setColumnStretch(column_index, 0)
        for offset in range(7):
            column = self.columns[WEEKDAYS[(start + offset) % 7]]
            self.day_layout.addWidget(column, offset // per_row, offset % per_row)
        for column_index in range(per_row):
            self.day_layout.setColumnStretch(column_index, 1)
        for row in range(self.day_layout.rowCount()):
            self.day_layout.setRowStretch(row, 1 if row <= 6 // per_row else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self.name_days()

    def show_runner(self, profile: object | None) -> None:
        """Mark the chosen runner's key run days, the days before them, and (when the race
        is within the coming week) the race week on every day."""
        from datetime import date, timedelta

        runs = set(getattr(profile, "key_run_days", ()) or ())
        race = getattr(profile, "race_date", None)
        race_week = race is not None and date.today() <= race <= date.today() + timedelta(7)
        for index, weekday in enumerate(WEEKDAYS):
            following = WEEKDAYS[(index + 1) % 7]
            self.columns[weekday].show_runs(weekday in runs, following in runs, race_week)

    def name_days(self) -> None:
        """All days say "Wed" when any full name would not fit, so the board reads evenly."""
        short = not all(column.name_fits() for column in self.columns.values())
        for column in self.columns.values():
            column.show_short_name(short)

    # --- wiring -----------------------------------------------------------------------------

    def set_document(self, document: WeekDocument | None, undo_stack: QUndoStack | None) -> None:
        if self.document is not None:
            self.document.week_changed.disconnect(self.show_week)
        self.document = document
        self.undo_stack = undo_stack
        self.setEnabled(document is not None)
        if document is not None:
            document.week_changed.connect(self.show_week)
            self.show_week(document.week)

    def show_week(self, week: svc.WeekView) -> None:
        for weekday, column in self.columns.items():
            day = week.day(weekday)
            column.model.set_week(week)
            column.show_day(day.title, len(day.slots), day.micro)
        self.name_days()  # a day count appearing can take the room of a full name

    def _push(self, command: QUndoCommand) -> None:
        assert self.undo_stack is not None
        self.undo_stack.push(command)

    # --- drops --------------------------------------------------------------------------------

    def drop(self, weekday: Weekday, mime: QMimeData, action: Qt.DropAction, row: int) -> bool:
        if self.document is None:
            return False
        if mime.hasFormat(EXERCISE_IDS_MIME):
            ids = read_exercise_ids(mime)
            if not ids:
                return False
            self.add_exercises(weekday, ids, row)
            return True
        if mime.hasFormat(SLOT_REF_MIME):
            ref = read_slot_ref(mime)
            if ref is None or ref[0] != self.document.template_id:
                return False
            if action == Qt.DropAction.CopyAction:
                self.copy_slots(ref[1], weekday, row)
            else:
                self.move_slots(ref[1], weekday, row)
            return True
        return False

    # --- edits (every route: drops, keys, menus) ---------------------------------------------

    def add_exercises(self, weekday: Weekday, exercise_ids: Sequence[int],
                      position: int | None = None) -> None:
        assert self.document is not None
        self._push(cmd.AddSlotsCommand(self.document, weekday, exercise_ids, position))

    def add_library_selection(self, weekday: Weekday) -> None:
        ids = self.library_selection()
        if ids:
            self.add_exercises(weekday, ids)

    def move_slots(self, slot_ids: Sequence[int], weekday: Weekday, row: int) -> None:
        """Move slots so they land, in order, at ``row`` of the target day as it looked
        before the move."""
        assert self.document is not None
        document = self.document
        plan = plan_moves(document.week, [document.ids.current(i) for i in slot_ids],
                          weekday, row)
        if plan:
            self._push(cmd.MoveSlotsCommand(document, plan, weekday))

    def copy_slots(self, slot_ids: Sequence[int], weekday: Weekday, row: int | None) -> None:
        assert self.document is not None
        if slot_ids:
            copies = [(slot_id, None if row is None else row + offset)
                      for offset, slot_id in enumerate(slot_ids)]
            self._push(cmd.CopySlotsCommand(self.document, copies, weekday))

    def remove_slots(self, slot_ids: Sequence[int]) -> None:
        assert self.document is not None
        if slot_ids:
            self._push(cmd.RemoveSlotsCommand(self.document, list(slot_ids)))

    def move_by(self, slot_id: int, delta: int) -> None:
        assert self.document is not None
        slot = self.document.slot(slot_id)
        size = len(self.document.day(slot.weekday).slots)
        position = slot.position + delta
        if 0 <= position < size:
            self._push(cmd.MoveSlotCommand(self.document, slot_id, slot.weekday, position))
            self.select_slot(slot_id)

    def move_to_next_day(self, slot_id: int, step: int) -> None:
        assert self.document is not None
        slot = self.document.slot(slot_id)
        index = WEEKDAYS.index(slot.weekday) + step
        if 0 <= index < len(WEEKDAYS):
            target = WEEKDAYS[index]
            end = len(self.document.day(target).slots)
            self._push(cmd.MoveSlotCommand(self.document, slot_id, target, end))
            self.select_slot(slot_id)

    def update_slot(self, slot_id: int, fields: svc.SlotFields) -> bool:
        """Push a prescription change; False (and ``edit_failed``) when it is not valid."""
        assert self.document is not None
        try:
            fields = svc.validate_fields(fields)
        except CoachDeskError as error:
            self.edit_failed.emit(str(error))
            return False
        if self.document.slot(slot_id).fields != fields:
            self._push(cmd.UpdateSlotCommand(self.document, slot_id, fields))
        return True

    def set_day_title(self, weekday: Weekday, title: str) -> None:
        if self.document is None:
            return
        title = " ".join(title.split())
        if title != self.document.day(weekday).title:
            self._push(cmd.SetDayTitleCommand(self.document, weekday, title))

    def set_day_micro(self, weekday: Weekday, micro: bool) -> None:
        if self.document is not None and self.document.day(weekday).micro != micro:
            self._push(cmd.SetDayMicroCommand(self.document, weekday, micro))

    def copy_day(self, weekday: Weekday, target: Weekday) -> None:
        if self.document is not None and self.document.day(weekday).slots:
            self._push(cmd.CopyDayCommand(self.document, weekday, target))

    # --- selection and highlights --------------------------------------------------------------

    def select_slot(self, slot_id: int) -> None:
        assert self.document is not None
        slot = self.document.slot(slot_id)
        column = self.columns[slot.weekday]
        row = column.model.row_of(slot.id)
        if row >= 0:
            column.view.setCurrentIndex(column.model.index(row))
            column.view.setFocus()

    def selected_slot_ids(self) -> list[int]:
        return [i for c in self.columns.values() for i in c.view.selected_slot_ids()]

    def _selection_changed(self, column: DayColumn) -> None:
        ids = column.view.selected_slot_ids()
        if ids:
            for other in self.columns.values():
                if other is not column:
                    other.view.selectionModel().blockSignals(True)
                    other.view.clearSelection()
                    other.view.selectionModel().blockSignals(False)
        all_ids = self.selected_slot_ids()
        if len(all_ids) == 1 and self.document is not None:
            self.slot_selected.emit(self.document.slot(all_ids[0]))
        else:
            self.slot_selected.emit(None)

    def highlight(self, days: Sequence[str], slots: Sequence[tuple[str, int]]) -> None:
        """Mark the days and slot positions a balance finding concerns."""
        if self.document is None:
            return
        by_day: dict[Weekday, set[int]] = {d: set() for d in WEEKDAYS}
        for weekday, position in slots:
            day = self.document.day(weekday)
            if 0 <= position < len(day.slots):
                by_day[Weekday(weekday)].add(day.slots[position].id)
        marked_days = {Weekday(d) for d in days}
        for weekday, column in self.columns.items():
            column.model.set_highlighted(by_day[weekday])
            column.set_highlighted(weekday in marked_days and not by_day[weekday])
        for weekday in WEEKDAYS:
            if by_day[weekday] or weekday in marked_days:
                self.ensureWidgetVisible(self.columns[weekday])
                break

    # --- menus --------------------------------------------------------------------------------

    def _next_slot(self, slot_id: int) -> svc.SlotView | None:
        if self.document is None:
            return None
        slot = self.document.slot(slot_id)
        slots = self.document.day(slot.weekday).slots
        return slots[slot.position + 1] if slot.position + 1 < len(slots) else None

    def superset_with_next(self, slot_id: int) -> bool:
        """Join a slot and the next one of its day into a superset (or grow a block)."""
        following = self._next_slot(slot_id)
        if self.document is None or following is None:
            return False
        slot = self.document.slot(slot_id)
        group = slot.fields.group or following.fields.group or svc.next_group(self.document.week)
        ids = [i for i, s in ((slot_id, slot), (following.id, following))
               if s.fields.group != group]
        self._push(cmd.GroupSlotsCommand(self.document, ids, group,
                                         f"Superset {slot.exercise_name} with "
                                         f"{following.exercise_name}"))
        return True

    def leave_superset(self, slot_id: int) -> bool:
        if self.document is None or not self.document.slot(slot_id).block:
            return False
        slot = self.document.slot(slot_id)
        self._push(cmd.GroupSlotsCommand(self.document, [slot_id], None,
                                         f"Take {slot.exercise_name} out of the superset"))
        return True

    def slot_menu(self, weekday: Weekday, slot_ids: list[int], parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        if not slot_ids:
            add = menu.addAction("Add selected library exercises here")
            add.triggered.connect(lambda: self.add_library_selection(weekday))
            return menu
        first = slot_ids[0]
        up = menu.addAction("Move up\tCtrl+Up")
        up.triggered.connect(lambda: self.move_by(first, -1))
        down = menu.addAction("Move down\tCtrl+Down")
        down.triggered.connect(lambda: self.move_by(first, 1))
        move_menu = menu.addMenu("Move to")
        copy_menu = menu.addMenu("Copy to")
        for target in WEEKDAYS:
            name = day_name(target)
            move: QAction = move_menu.addAction(name)
            move.setEnabled(target != weekday)
            move.triggered.connect(
                lambda _=False, t=target: self.move_slots(slot_ids, t, len(
                    self.document.day(t).slots) if self.document else 0)
            )
            copy = copy_menu.addAction(name)
            copy.triggered.connect(lambda _=False, t=target: self.copy_slots(slot_ids, t, None))
        menu.addSeparator()
        group = menu.addAction("Superset with the next exercise")
        group.setToolTip("Done back to back, one rest after the block (A1, A2…)")
        group.setEnabled(self._next_slot(first) is not None)
        group.triggered.connect(lambda: self.superset_with_next(first))
        ungroup = menu.addAction("Take out of the superset")
        ungroup.setEnabled(bool(self.document and self.document.slot(first).block))
        ungroup.triggered.connect(lambda: self.leave_superset(first))
        menu.addSeparator()
        remove = menu.addAction("Remove\tDel")
        remove.triggered.connect(lambda: self.remove_slots(slot_ids))
        return menu


def plan_moves(
    week: svc.WeekView, slot_ids: Sequence[int], weekday: Weekday, row: int
) -> list[tuple[int, int]]:
    """The (slot id, position) moves that put ``slot_ids`` at ``row`` of ``weekday``, each
    position as the service expects it: an index in the day once the slot has left it.
    Slots already in place are skipped."""
    days = {d.weekday: [s.id for s in d.slots] for d in week.days}
    where = {s.id: d.weekday for d in week.days for s in d.slots}
    moves: list[tuple[int, int]] = []
    target_row = row
    for slot_id in slot_ids:
        source_day = where[slot_id]
        current = days[source_day].index(slot_id)
        days[source_day].remove(slot_id)
        position = target_row - 1 if source_day == weekday and current < target_row else target_row
        position = max(0, min(position, len(days[weekday])))
        days[weekday].insert(position, slot_id)
        where[slot_id] = weekday
        if not (source_day == weekday and current == position):
            moves.append((slot_id, position))
        target_row = position + 1
    return moves
