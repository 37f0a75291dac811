"""One day's slots as a Qt list model: the board's day columns are views of it.

Drag and drop sits on the model: ``mimeData`` offers slot references and ``dropMimeData``
hands every drop to the board, which turns it into an undo command. The model itself never
changes the week; it redraws when the document says the week changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from coachdesk.services.templates import DayView, SlotView, WeekView
from coachdesk.ui.builder.slot_text import prescription_text
from coachdesk.ui.mime import EXERCISE_IDS_MIME, SLOT_REF_MIME
from coachdesk.vocab import Weekday

SLOT_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class DropHandler(Protocol):
    def drop(self, weekday: Weekday, mime: QMimeData, action: Qt.DropAction, row: int) -> bool:
        """Turn a drop into an undo command; True when something was done."""
        ...


def slot_ref_payload(template_id: int, slot_ids: Sequence[int]) -> bytes:
    return json.dumps({"template_id": template_id, "slot_ids": list(slot_ids)}).encode()


def read_slot_ref(mime: QMimeData) -> tuple[int, list[int]] | None:
    """(template id, slot ids) from a slot drag, or None when the payload is not valid."""
    try:
        data = json.loads(bytes(mime.data(SLOT_REF_MIME).data()).decode())
        ids = [int(i) for i in data["slot_ids"]]
        return int(data["template_id"]), ids
    except (ValueError, KeyError, TypeError):
        return None


def read_exercise_ids(mime: QMimeData) -> list[int] | None:
    try:
        data = json.loads(bytes(mime.data(EXERCISE_IDS_MIME).data()).decode())
        return [int(i) for i in data]
    except (ValueError, TypeError):
        return None


class DaySlotsModel(QAbstractListModel):
    def __init__(self, weekday: Weekday, handler: DropHandler, parent: Any = None) -> None:
        super().__init__(parent)
        self.weekday = weekday
        self.handler = handler
        self.template_id = 0
        self.day = DayView(weekday, "")
        self.highlighted: set[int] = set()

    # --- content ------------------------------------------------------------------------

    def set_week(self, week: WeekView) -> None:
        """Show the day from a new week: fine-grained when only the prescriptions changed."""
        new_day = week.day(self.weekday)
        same_rows = [s.id for s in new_day.slots] == [s.id for s in self.day.slots]
        same_template = self.template_id == week.template_id
        self.template_id = week.template_id
        if same_rows and same_template:
            changed = [i for i, (a, b) in enumerate(zip(self.day.slots, new_day.slots,
                                                          strict=True)) if a != b]
            self.day = new_day
            if changed:
                self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))
            return
        self.beginResetModel()
        self.day = new_day
        self.endResetModel()

    def set_highlighted(self, slot_ids: set[int]) -> None:
        if slot_ids == self.highlighted:
            return
        self.highlighted = slot_ids
        if self.day.slots:
            self.dataChanged.emit(self.index(0), self.index(len(self.day.slots) - 1),
                                  [HIGHLIGHT_ROLE])

    def slot_at(self, row: int) -> SlotView:
        return self.day.slots[row]

    def row_of(self, slot_id: int) -> int:
        return next((i for i, s in enumerate(self.day.slots) if s.id == slot_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.day.slots)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.day.slots):
            return None
        slot = self.day.slots[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return slot.exercise_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{slot.exercise_name}\n{prescription_text(slot.fields)}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return prescription_text(slot.fields)
        if role == SLOT_ROLE:
            return slot
        if role == HIGHLIGHT_ROLE:
            return slot.id in self.highlighted
        return None

    # --- drag and drop ----------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [SLOT_REF_MIME, EXERCISE_IDS_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        ids = [self.day.slots[r].id for r in rows]
        mime.setData(SLOT_REF_MIME, slot_ref_payload(self.template_id, ids))
        return mime

    def canDropMimeData(
        self, mime: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if mime.hasFormat(EXERCISE_IDS_MIME):
            return read_exercise_ids(mime) is not None
        if mime.hasFormat(SLOT_REF_MIME):
            ref = read_slot_ref(mime)
            return ref is not None and ref[0] == self.template_id
        return False

    def dropMimeData(
        self, mime: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(mime, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.day.slots)
        return self.handler.drop(self.weekday, mime, action, row)
