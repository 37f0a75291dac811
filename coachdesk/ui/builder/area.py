"""The Templates area: templates list and library on the left, the week board in the middle,
the slot editor and the live balance panel on the right."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.checks import Fix, FixKind
from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.formats.template_file import FILE_SUFFIX, template_file_path
from coachdesk.services import templates as svc
from coachdesk.services.changes import Change
from coachdesk.ui.area import Area, EmptyState
from coachdesk.ui.builder import commands as cmd
from coachdesk.ui.builder.balance_panel import BalancePanel
from coachdesk.ui.builder.board import WeekBoard
from coachdesk.ui.builder.day_model import read_slot_ref
from coachdesk.ui.builder.document import WeekDocument
from coachdesk.ui.builder.library_picker import LibraryPicker, PickerRow
from coachdesk.ui.builder.slot_editor import SlotEditor
from coachdesk.ui.builder.templates_list import TEMPLATE_ID_ROLE, TemplatesModel
from coachdesk.ui.common.operation import run_operation
from coachdesk.ui.mime import SLOT_REF_MIME
from coachdesk.vocab import CORE_PATTERNS, WEEKDAYS, label

if TYPE_CHECKING:
    from coachdesk.ui.builder.template_preview import TemplatePreview

IMPORT_FILTER = ("CoachDesk template (*.coachdesk *.coachdesk.json *.json);;"
                 "All files (*)")
EXPORT_FILTER = "CoachDesk template (*.coachdesk)"


class TemplatesArea(Area):
    """The week builder; "Assign" emits ``assign_requested`` (template id, client id)."""
    shows = frozenset({Change.TEMPLATES, Change.EXERCISES, Change.CLIENTS,
                       Change.SETTINGS})


    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self._exercise_ids: dict[str, int] = {}
        self.document: WeekDocument | None = None
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self.setAcceptDrops(True)  # slot cards dropped off the board are removed

        self.templates_model = TemplatesModel(self)
        self.templates_view = QListView()
        self.templates_view.setModel(self.templates_model)
        self.templates_view.setAccessibleName("Templates")
        self.templates_view.selectionModel().currentChanged.connect(self._template_chosen)
        self.new_button = QPushButton("New")
        # clicked(bool) must not arrive as the name: ask for one.
        self.new_button.clicked.connect(lambda: self.create_template())
        self.rename_button = QPushButton("Rename")
        self.rename_button.clicked.connect(self.rename_current)
        self.duplicate_button = QPushButton("Duplicate")
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import a .coachdesk template file")
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Export this template as a .coachdesk file")
        self.export_button.clicked.connect(self.choose_export_file)
        self.assign_button = QPushButton("Assign to Client…")
        self.assign_button.setObjectName("primaryButton")
        self.assign_button.clicked.connect(self._request_assign)
        buttons = QGridLayout()
        for index, button in enumerate((self.new_button, self.rename_button,
                                        self.duplicate_button, self.delete_button,
                                        self.import_button, self.export_button)):
            buttons.addWidget(button, index // 3, index % 3)
        buttons.addWidget(self.assign_button, 2, 0, 1, 3)
        templates_panel = QWidget()
        templates_layout = QVBoxLayout(templates_panel)
        templates_layout.setContentsMargins(8, 8, 8, 0)
        heading = QLabel("Templates")
        heading.setObjectName("panelHeading")
        templates_layout.addWidget(heading)
        templates_layout.addWidget(self.templates_view, 1)
        templates_layout.addLayout(buttons)

        self.picker = LibraryPicker()
        library_panel = QWidget()
        library_layout = QVBoxLayout(library_panel)
        library_layout.setContentsMargins(8, 8, 8, 8)
        library_heading = QLabel("Library — drag onto a day")
        library_heading.setObjectName("panelHeading")
        library_layout.addWidget(library_heading)
        library_layout.addWidget(self.picker, 1)

        left = QSplitter(Qt.Orientation.Vertical)
        self.left_panel = left
        left.addWidget(templates_panel)
        left.addWidget(library_panel)
        left.setStretchFactor(1, 3)
        left.setSizes([200, 600])

        self.board = WeekBoard()
        self.board.library_selection = self.picker.selected_ids
        self.board.copy_day_to_template = self.copy_day_to_template
        self.board.slot_selected.connect(self._slot_selected)
        self.board.edit_failed.connect(self._show_error)
        self.empty_state = EmptyState(
            "No template yet", "Create a template with “New”, then drag exercises onto its days."
        )
        self.center = QSplitter(Qt.Orientation.Vertical)
        center_host = QWidget()
        center_layout = QVBoxLayout(center_host)
        center_layout.setContentsMargins(0, 0, 0, 0)
        self.library_toggle = QToolButton()
        self.library_toggle.setCheckable(True)
        self.library_toggle.setChecked(True)
        self.library_toggle.setText("◀ Templates and library")
        self.library_toggle.setToolTip("Hide or show the templates and the library (Ctrl+L), "
                                       "for more room on the board")
        self.library_toggle.toggled.connect(self.show_library)
        toggle_row = QHBoxLayout()
        toggle_row.setContentsMargins(6, 4, 6, 0)
        toggle_row.addWidget(self.library_toggle)
        toggle_row.addStretch(1)
        center_layout.addLayout(toggle_row)
        center_layout.addWidget(self.empty_state)
        center_layout.addWidget(self.board, 1)

        self.slot_editor = SlotEditor()
        self.slot_editor.fields_edited.connect(self._slot_fields_edited)
        self.balance = BalancePanel()
        self.balance.finding_activated.connect(self.board.highlight)
        self.balance.fix_requested.connect(self.apply_fix)
        self.balance.client_changed.connect(self.board.show_runner)
        right = QSplitter(Qt.Orientation.Vertical)
        # Scroll areas, so a small window scrolls the panels instead of overlapping them.
        right.addWidget(scrolling(self.balance))
        right.addWidget(scrolling(self.slot_editor))
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center_host)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1080, 300])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._build_actions()
        self._show_document(None)

    AUTO_COLLAPSE_BELOW = 1100  # px: narrower than this, the board needs the room

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A small window folds the templates and library away so all seven days fit; the
        coach can still open it (Ctrl+L)."""
        super().resizeEvent(event)
        narrow = event.size().width() < self.AUTO_COLLAPSE_BELOW
        was_narrow = event.oldSize().width() < self.AUTO_COLLAPSE_BELOW \
            if event.oldSize().width() > 0 else None
        if narrow != was_narrow:
            self.show_library(not narrow)

    def show_library(self, shown: bool) -> None:
        """Collapse the templates and library column to a strip, or bring it back."""
        self.left_panel.setVisible(shown)
        self.library_toggle.setText("◀ Templates and library" if shown
                                    else "▶ Templates and library")
        if self.library_toggle.isChecked() != shown:
            self.library_toggle.setChecked(shown)

    def _build_actions(self) -> None:
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.add_to_day_action = QAction("Add to Day…", self)
        self.add_to_day_action.setShortcut(QKeySequence("Ctrl+D"))
        self.add_to_day_action.triggered.connect(self.add_selection_to_day)
        self.library_action = QAction("Show Templates and Library", self)
        self.library_action.setCheckable(True)
        self.library_action.setChecked(True)
        self.library_action.setShortcut(QKeySequence("Ctrl+L"))
        self.library_action.toggled.connect(self.show_library)
        self.library_toggle.toggled.connect(self.library_action.setChecked)
        for action in (self.undo_action, self.redo_action, self.add_to_day_action,
                       self.library_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def shortcut_actions(self) -> list[QAction]:
        return [*self.edit_menu_actions(), self.library_action, *self.board.key_actions]

    def edit_menu_actions(self) -> list[QAction]:
        return [self.undo_action, self.redo_action, self.add_to_day_action]

    # --- database and templates --------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        for stack in self.stacks.values():
            self.undo_group.removeStack(stack)
        self.stacks.clear()
        self.document = None
        self.picker.model.set_rows(self._picker_rows())
        self.balance.set_database(db)
        self._apply_week_start()
        self.refresh_templates()

    def _apply_week_start(self) -> None:
        from coachdesk.services.settings import load_settings

        assert self.db is not None
        self.board.set_week_start(load_settings(self.db).week_start)

    def create_new(self) -> None:
        self.create_template()

    def refresh_from_elsewhere(self) -> None:
        """Reload the template list, the open week and the library beside it."""
        if self.db is None:
            return
        self.picker.model.set_rows(self._picker_rows())
        self.balance.set_database(self.db)
        self._apply_week_start()
        self.templates_model.set_templates(svc.list_templates(self.db))
        if self.document is None:
            self.refresh_templates()  # templates arrived (a demo, another desk): open one
            return
        try:
            self.document.reload()
        except CoachDeskError:
            self.document = None
            self.refresh_templates()

    def apply_fix(self, fix: Fix) -> bool:
        """Carry out a finding's one-click fix as one undoable command."""
        document, stack = self.document, self.undo_group.activeStack()
        if self.db is None or document is None or stack is None:
            return False
        exercise_id = None
        if fix.exercise is not None:
            exercise_id = self._exercise_ids.get(fix.exercise)
            if exercise_id is None:
                self._show_error(f"“{fix.exercise}” is no longer in the library.")
                return False
        slot = None
        if fix.slot is not None:
            weekday, position = fix.slot
            slots = document.day(weekday).slots
            slot = slots[position] if position < len(slots) else None
            if slot is None:
                return False
        if fix.kind == FixKind.ADD and exercise_id is not None and fix.day is not None:
            stack.push(cmd.AddSlotsCommand(document, fix.day, [exercise_id], None,
                                           [fix.exercise or ""]))
        elif fix.kind == FixKind.SWAP and slot is not None and exercise_id is not None:
            stack.push(cmd.SwapExerciseCommand(document, slot.id, exercise_id,
                                               fix.exercise or ""))
        elif fix.kind == FixKind.MOVE and slot is not None and fix.day is not None:
            end = len(document.day(fix.day).slots)
            stack.push(cmd.MoveSlotsCommand(document, [(slot.id, end)], fix.day))
        elif fix.kind == FixKind.LIGHTEN and slot is not None:
            stack.push(cmd.UpdateSlotCommand(document, slot.id,
                                             replace(slot.fields, intensity="light")))
        else:
            return False
        return True

    def _picker_rows(self) -> list[PickerRow]:
        assert self.db is not None
        choices = svc.exercise_choices(self.db)
        self._exercise_ids = {c.name: c.id for c in choices}  # for one-click fixes
        return [
            PickerRow(c.id, c.name, f"{c.name}\n{', '.join(label(m) for m in c.muscles)}",
                      " ".join([c.name, *c.aliases, *c.muscles]).replace("_", " ").casefold(),
                      frozenset(c.muscles), c.laterality, c.phase,
                      c.pattern in CORE_PATTERNS)
            for c in choices
        ]

    def refresh_templates(self, select_id: int | None = None) -> None:
        assert self.db is not None
        current = select_id or (self.document.template_id if self.document else None)
        self.templates_model.set_templates(svc.list_templates(self.db))
        row = self.templates_model.row_of(current) if current else -1
        if row < 0 and self.templates_model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.templates_view.selectionModel().setCurrentIndex(
                self.templates_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._open_template(self.templates_model.templates[row].id)
        else:
            self._show_document(None)

    def _template_chosen(self, index) -> None:
        template_id = index.data(TEMPLATE_ID_ROLE) if index.isValid() else None
        if template_id is not None and (
            self.document is None or self.document.template_id != template_id
        ):
            self._open_template(template_id)

    def _open_template(self, template_id: int) -> None:
        assert self.db is not None
        if self.document is not None and self.document.template_id == template_id:
            return
        try:
            document = WeekDocument(self.db, template_id, self)
        except CoachDeskError as error:
            self._show_error(str(error))
            return
        document.edit_failed.connect(self._show_error)
        document.week_changed.connect(self._week_changed)
        stack = self.stacks.get(template_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self.stacks[template_id] = stack
        self.undo_group.setActiveStack(stack)
        self._show_document(document)

    def _show_document(self, document: WeekDocument | None) -> None:
        self.document = document
        stack = self.stacks.get(document.template_id) if document else None
        self.board.set_document(document, stack)
        self.board.setVisible(document is not None)
        self.empty_state.setVisible(document is None)
        for button in (self.rename_button, self.duplicate_button, self.delete_button,
                       self.export_button, self.assign_button):
            button.setEnabled(document is not None)
        self.slot_editor.show_slot(None)
        self.balance.show_week(document.week if document else None)

    def _week_changed(self, week: svc.WeekView) -> None:
        self.balance.show_week(week)
        slot = self.slot_editor.slot
        if slot is not None:
            try:
                self.slot_editor.show_slot(week.slot(self.document.ids.current(slot.id)))
            except CoachDeskError:
                self.slot_editor.show_slot(None)

    def current_template_id(self) -> int | None:
        return self.document.template_id if self.document else None

    def create_template(self, name: str | None = None) -> int | None:
        assert self.db is not None
        if name is None:
            name, ok = QInputDialog.getText(self, "New template", "Name of the training week:")
            if not ok:
                return None
        try:
            template_id = svc.create_template(self.db, name)
        except CoachDeskError as error:
            self._show_error(str(error))
            return None
        self.refresh_templates(template_id)
        return template_id

    def rename_current(self) -> None:
        if self.db is None or self.document is None:
            return
        name, ok = QInputDialog.getText(self, "Rename template", "New name:",
                                        text=self.document.week.name)
        if ok:
            shown = self.document.week.name
            run_operation(self, lambda: svc.rename_template(
                self.db, self.document.template_id, name, expected=shown),
                changes={Change.TEMPLATES})
            self.refresh_templates(self.document.template_id)

    def duplicate_current(self) -> None:
        if self.db is None or self.document is None:
            return
        done = run_operation(self, lambda: svc.duplicate_template(self.db,
                                                                  self.document.template_id),
                             changes={Change.TEMPLATES})
        if done.ok:
            self.refresh_templates(done.value)

    def delete_current(self) -> None:
        if self.db is None or self.document is None:
            return
        name = self.document.week.name
        answer = QMessageBox.question(
            self, "Delete template",
            f"Delete the template “{name}”? Programs already assigned from it keep their "
            "own copy of the week. This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        template_id = self.document.template_id
        if run_operation(self, lambda: svc.delete_template(self.db, template_id),
                         changes={Change.TEMPLATES}).ok:
            stack = self.stacks.pop(template_id, None)
            if stack is not None:
                self.undo_group.removeStack(stack)
            self.document = None
            self.refresh_templates()

    def _request_assign(self) -> None:
        if self.document is not None:
            self.assign_requested.emit(self.document.template_id,
                                       self.balance.client_combo.currentData())

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a template", str(Path.home()), IMPORT_FILTER
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int | None:
        from coachdesk.services.template_files import import_template

        assert self.db is not None
        done = run_operation(self, lambda: import_template(self.db, path),
                             changes={Change.TEMPLATES, Change.EXERCISES})
        if not done.ok:
            return None
        template_id = done.value
        self.picker.model.set_rows(self._picker_rows())
        self.balance.set_database(self.db)
        self.refresh_templates(template_id)
        return template_id

    def preview_file(self, path: Path) -> TemplatePreview | None:
        """Open a template file the desktop handed over: show what it holds (the dialog is
        returned, open) and import it when the coach presses Import. A file that cannot be
        read is explained instead, and nothing is imported."""
        from coachdesk.formats.template_file import TemplateFormatError, read_template_file
        from coachdesk.ui.builder.template_preview import TemplatePreview

        try:
            template = read_template_file(path)
        except TemplateFormatError as error:
            QMessageBox.warning(self, "Cannot open this template file",
                                f"{error}\n\nNothing was imported.")
            return None
        except OSError as error:
            QMessageBox.warning(self, "Cannot open this template file",
                                f"{path} could not be read ({error.strerror or error}). "
                                "Nothing was imported.")
            return None
        dialog = TemplatePreview(template, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_file(path))
        dialog.open()
        return dialog

    def choose_export_file(self) -> None:
        if self.document is None:
            return
        suggested = Path.home() / f"{safe_stem(self.document.week.name)}{FILE_SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the template", str(suggested), EXPORT_FILTER
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        from coachdesk.services.template_files import export_template

        if self.db is None or self.document is None:
            return False
        path = template_file_path(path)
        client_id = self.balance.client_combo.currentData()
        template_id = self.document.template_id
        return run_operation(self, lambda: export_template(self.db, template_id, path,
                                                           client_id)).ok

    # --- board helpers -------------------------------------------------------------------------

    def add_selection_to_day(self) -> None:
        ids = self.picker.selected_ids()
        if not ids or self.document is None:
            return
        names = [f"{label(w)} – {self.document.day(w).title or 'rest day'}" for w in WEEKDAYS]
        choice, ok = QInputDialog.getItem(self, "Add to day", "Add the selected exercises to:",
                                          names, 0, False)
        if ok:
            self.board.add_exercises(WEEKDAYS[names.index(choice)], ids)

    def copy_day_to_template(self, weekday: str, target: tuple[int, str] | None = None) -> bool:
        """Append a copy of one day to a day of another template (asks which, unless
        ``target`` is given as (template id, weekday))."""
        if self.db is None or self.document is None:
            return False
        if target is None:
            others = [t for t in svc.list_templates(self.db)
                      if t.id != self.document.template_id]
            if not others:
                self._show_error("There is no other template to copy to yet.")
                return False
            names = [t.name for t in others]
            name, ok = QInputDialog.getItem(self, "Copy day", "Copy to template:", names, 0,
                                            False)
            if not ok:
                return False
            days = [label(w) for w in WEEKDAYS]
            day, ok = QInputDialog.getItem(self, "Copy day", "Onto day:", days,
                                           WEEKDAYS.index(weekday), False)
            if not ok:
                return False
            target = (others[names.index(name)].id, WEEKDAYS[days.index(day)])
        template_id, target_day = target
        name = next((t.name for t in svc.list_templates(self.db) if t.id == template_id), "")
        stack = self.undo_group.activeStack()
        assert stack is not None
        before = stack.count()
        stack.push(cmd.CopyDayCommand(self.document, weekday, target_day, (template_id, name)))
        if stack.count() == before:  # the command failed and made itself obsolete
            return False
        self.templates_model.set_templates(svc.list_templates(self.db))
        return True

    def _slot_selected(self, slot: svc.SlotView | None) -> None:
        self.slot_editor.show_slot(slot)

    def _slot_fields_edited(self, slot_id: int, fields: svc.SlotFields) -> None:
        self.board.update_slot(slot_id, fields)

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "CoachDesk", message)

    # --- drops off the board remove the slot ----------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SLOT_REF_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(SLOT_REF_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ref = read_slot_ref(event.mimeData())
        if ref is None or self.document is None or ref[0] != self.document.template_id:
            return
        self.board.remove_slots(ref[1])
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()


def safe_stem(name: str) -> str:
    """A file-name-safe version of a template name."""
    kept = "".join(c if c.isalnum() or c in " -_" else "-" for c in name).strip(" -")
    return " ".join(kept.split())[:80] or "template"


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
