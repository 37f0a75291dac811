"""Drive real drag-and-drop events at widgets (a simulated mouse cannot start a real drag)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QListView, QWidget

from coachdesk.ui.mime import EXERCISE_IDS_MIME

BOTH = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction


def exercise_mime(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(EXERCISE_IDS_MIME, json.dumps(ids).encode())
    return mime


def drop_point(view: QListView, row: int | None) -> QPoint:
    """Where to drop so the item lands at ``row``: the top edge of that row's card, or below
    the last card for the end of the list."""
    model = view.model()
    count = model.rowCount()
    if row is None or row >= count:
        if count == 0:
            return QPoint(20, 10)
        last = view.visualRect(model.index(count - 1, 0))
        return QPoint(last.center().x(), last.bottom() + 8)
    rect = view.visualRect(model.index(row, 0))
    return QPoint(rect.center().x(), rect.top() + 2)


def send_drop(
    target: QWidget,
    mime: QMimeData,
    point: QPoint,
    *,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    actions: Qt.DropAction = BOTH,
) -> bool:
    """Enter, move and drop at ``point`` of ``target``; True when the drop was accepted.

    As in a real drag started by the board (``QDrag.exec(..., MoveAction)``), the action is
    a move, or a copy while Ctrl is held."""
    buttons = Qt.MouseButton.LeftButton
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    action = Qt.DropAction.CopyAction if ctrl else Qt.DropAction.MoveAction
    if not actions & action:
        action = Qt.DropAction.CopyAction
    # Enter and move events take a QPoint (PySide6 before 6.12), the drop a QPointF.
    whole = QPointF(point).toPoint()
    enter = QDragEnterEvent(whole, actions, mime, buttons, modifiers)
    enter.setDropAction(action)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(whole, actions, mime, buttons, modifiers)
    move.setDropAction(action)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(point), actions, mime, buttons, modifiers)
    drop.setDropAction(action)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def drop_on_day(view: QListView, mime: QMimeData, row: int | None = None, **kwargs) -> bool:
    return send_drop(view.viewport(), mime, drop_point(view, row), **kwargs)
