"""A day of the board: its name, an editable session title and the list of slot cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QDrag, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.builder.commands import day_name
from coachdesk.ui.builder.day_model import DaySlotsModel
from coachdesk.ui.builder.slot_delegate import SlotCardDelegate
from coachdesk.vocab import WEEKDAYS, Weekday

if TYPE_CHECKING:
    from coachdesk.ui.builder.board import WeekBoard


class DayListView(QListView):
    """The slot cards of one day. Drags carry slot references; the board does the rest."""

    def __init__(self, board: WeekBoard, model: DaySlotsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.board = board
        self.setModel(model)
        self.setItemDelegate(SlotCardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setAccessibleName(f"{day_name(model.weekday)} exercises")

    def day_model(self) -> DaySlotsModel:
        model = self.model()
        assert isinstance(model, DaySlotsModel)
        return model

    def selected_slot_ids(self) -> list[int]:
        model = self.day_model()
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [model.slot_at(r).id for r in rows]

    def startDrag(self, supported: Qt.DropAction) -> None:
        """Start the drag without Qt's own removal of moved rows: the drop target's command
        already moves the slot in the database."""
        indexes = self.selectionModel().selectedRows()
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.day_model().mimeData(indexes))
        pixmap = self.viewport().grab(self.visualRect(indexes[0]))
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        drag.exec(supported, Qt.DropAction.MoveAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = self.board.slot_menu(self.day_model().weekday, self.selected_slot_ids(), self)
        menu.exec(event.globalPos())


class DayColumn(QFrame):
    def __init__(self, board: WeekBoard, weekday: Weekday, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dayColumn")
        self.setProperty("highlighted", False)
        self.board = board
        self.weekday = weekday
        self.model = DaySlotsModel(weekday, board, self)
        self.view = DayListView(board, self.model, self)

        self.name_label = QLabel(day_name(weekday))
        self.name_label.setObjectName("dayName")
        self.name_label.setToolTip(day_name(weekday))
        self.name_label.setMinimumWidth(1)  # a narrow day shows "Wed", never "Wednesda"
        self.count_label = QLabel()
        self.count_label.setObjectName("dayCount")
        self.run_label = QLabel()
        self.run_label.setObjectName("keyRunMark")
        self.run_label.setWordWrap(True)
        self.run_label.hide()
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setAccessibleName(f"{day_name(weekday)} actions")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self._day_menu())
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("dayTitle")
        self.title_edit.setPlaceholderText("Rest day")
        self.title_edit.setAccessibleName(f"{day_name(weekday)} session title")
        self.title_edit.editingFinished.connect(self._title_edited)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.name_label)
        header.addStretch(1)
        header.addWidget(self.count_label)
        header.addWidget(self.menu_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.run_label)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.view, 1)

    def _day_menu(self) -> QMenu:
        menu = QMenu(self)
        add = QAction("Add selected library exercises here", menu)
        add.triggered.connect(lambda: self.board.add_library_selection(self.weekday))
        menu.addAction(add)
        copy_menu = menu.addMenu("Copy day to")
        for target in WEEKDAYS:
            if target != self.weekday:
                action = copy_menu.addAction(day_name(target))
                action.triggered.connect(
                    lambda _=False, t=target: self.board.copy_day(self.weekday, t)
                )
        other = QAction("Copy day to another template…", menu)
        other.triggered.connect(lambda: self.board.copy_day_to_template(self.weekday))
        menu.addAction(other)
        menu.addSeparator()
        self.micro_action = QAction("Micro-session (short extra work)", menu)
        self.micro_action.setCheckable(True)
        self.micro_action.setToolTip("A short foot, mobility or activation routine: it does "
                                     "not count as a strength session and needs no core.")
        self.micro_action.triggered.connect(
            lambda checked: self.board.set_day_micro(self.weekday, checked))
        menu.addAction(self.micro_action)
        return menu

    def show_day(self, title: str, slot_count: int, micro: bool = False) -> None:
        if not self.title_edit.hasFocus():
            self.title_edit.setText(title)
            self.title_edit.setCursorPosition(0)  # show a long title's start, not its end
        self.title_edit.setPlaceholderText("Session title" if slot_count else "Rest day")
        self.count_label.setText((f"{slot_count}" if slot_count else "")
                                 + (" · micro" if micro else ""))
        self.micro_action.setChecked(micro)

    def name_fits(self) -> bool:
        """Whether the day's full name fits beside the count and the menu button."""
        room = (self.width() - 36 - self.count_label.sizeHint().width()
                - self.menu_button.sizeHint().width())
        return self.name_label.fontMetrics().horizontalAdvance(day_name(self.weekday)) <= room

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.board.name_days()  # the grid sized the days: decide "Wednesday" or "Wed"

    def show_runs(self, key_run: bool, day_before: bool, race_week: bool) -> None:
        """Mark the runner's key run days (and the day before one) on the board, in words
        (no colour or emoji alone: both may not show)."""
        parts = (["Key run"] if key_run else []) + (["Before a key run"] if day_before else [])
        parts += ["Race week"] if race_week else []
        self.run_label.setText(" · ".join(parts))
        self.run_label.setToolTip("From the runner chosen in the balance panel. Heavy legs, "
                                  "jumps and Nordics belong after the run, not the day before.")
        self.run_label.setVisible(bool(parts))

    def show_short_name(self, short: bool) -> None:
        full = day_name(self.weekday)
        text = full[:3] if short else full
        if self.name_label.text() != text:  # no relayout when nothing changed
            self.name_label.setText(text)

    def set_highlighted(self, on: bool) -> None:
        if self.property("highlighted") != on:
            self.setProperty("highlighted", on)
            self.style().unpolish(self)
            self.style().polish(self)

    def _title_edited(self) -> None:
        self.board.set_day_title(self.weekday, self.title_edit.text())
