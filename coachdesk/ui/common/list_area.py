"""The one list-beside-detail area the library and the roster share.

A :class:`ListSpec` says what the list is (how rows load, the columns, facets and toggles,
the noun, import/export and how a record is stored); :class:`ListArea` does the rest:
toolbar, filter bar and a sortable table on the left, the selected record on the right,
reload keeping the selection, button state, Esc clearing the filters, import with a
preview, export, and one save path for any :class:`Editor` (an inline form or a dialog)
with one answer to a stale save (:func:`resolve_stale`).

Adding a column or a facet to a list is one entry in its spec.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, StaleEditError, ValidationError
from coachdesk.ui.area import Area
from coachdesk.ui.common.filter_bar import Facet, FilterBar, Toggle
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.common.flow_layout import FlowLayout
from coachdesk.ui.common.import_flow import import_with_preview
from coachdesk.ui.common.stale_edit import StaleChoice, resolve_stale
from coachdesk.ui.common.widgets import transfer_menu

if TYPE_CHECKING:
    from coachdesk.db import Database

R = TypeVar("R")


class Editor(Protocol):
    """What edits one record: the roster's inline form, the library's dialog."""

    @property
    def dirty(self) -> bool: ...

    def load(self, row: Any | None) -> None:
        """Show a stored record (None: a new, empty one)."""

    def data(self) -> Any:
        """The values as typed, as the service's data class."""

    def show_error(self, field: str, message: str) -> None:
        """Say what is wrong, next to ``field`` when the editor has it."""

    def clear_errors(self) -> None: ...

    def mark_saved(self, row: Any) -> None:
        """The values were stored as ``row``."""


def _my_copy(data: Any) -> Any:
    return data.with_changes(name=f"{data.name} (my copy)")


@dataclass(frozen=True)
class Store:
    """The service functions that read and write one record."""

    get: Callable[[Database, Any], Any]
    version: Callable[[Database, Any], int]
    create: Callable[[Database, Any], Any]
    update: Callable[[Database, Any, Any, int | None], Any]
    """``update(db, key, data, expected_version)``; raises StaleEditError when stale."""
    copy: Callable[[Any], Any] = _my_copy
    """The data saved when the coach keeps their version of a stale edit as a copy."""


@dataclass(frozen=True)
class Transfer:
    """Import (with a preview) and export of the whole list."""

    preview: Callable[[Database, Path], Any]
    apply: Callable[..., Any]
    """``apply(db, preview, progress, should_stop)``"""
    export: Callable[[Database, Path], Any]
    file_filter: str
    export_name: str
    export_filter: str = ""
    import_text: str = "Import…"
    export_text: str = "Export…"


@dataclass(frozen=True)
class ListSpec(Generic[R]):
    noun: str
    """Singular, lower case: "client" ("3 of 40 clients", "Import clients")."""
    title: str
    placeholder: str
    load: Callable[[Database], Sequence[R]]
    columns: Sequence[Column[R]]
    search_text: Callable[[R], str]
    store: Store
    key: Callable[[R], Any] = field(default=lambda row: row.id)
    facets: Sequence[Facet] = ()
    toggles: Sequence[Toggle] = ()
    stretch: int = 0
    """The column that takes the spare width."""
    multi: bool = False
    drag_mime: str | None = None
    transfer: Transfer | None = None

    def with_column(self, column: Column[R]) -> ListSpec[R]:
        return replace(self, columns=(*self.columns, column))

    def with_facet(self, facet: Facet) -> ListSpec[R]:
        return replace(self, facets=(*self.facets, facet))


def make_table(model: FilterTableModel[Any], name: str, stretch: int,
               multi: bool = False) -> QTableView:
    """A sortable, row-selecting table. Starting widths come from the columns and are
    fixed on purpose: ResizeToContents measures every row, far too slow with thousands."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setAccessibleName(name)
    header = view.horizontalHeader()
    for number, column in enumerate(model.columns):
        if column.width:
            header.resizeSection(number, column.width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ListArea(Area, Generic[R]):
    """Subclasses give the detail pane (:meth:`build_detail`), :meth:`present` (show a
    record there) and their own buttons (:meth:`add_button`); an inline editor goes in
    ``self.editor``."""

    def __init__(self, spec: ListSpec[R], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.db: Database | None = None
        self.current_id: Any = None
        self.loaded_version: int | None = None
        self.editor: Editor | None = None
        self._presented: Any = None  # the stored row the detail pane shows
        self.filters = FilterBar(spec.placeholder, spec.facets, spec.toggles)
        self.model: FilterTableModel[R] = FilterTableModel(
            spec.columns, spec.search_text, spec.key, self, drag_mime=spec.drag_mime)
        self.apply_filters = self.filters.bind(self.model, spec.noun)
        self.filters.changed.connect(self._leave_filtered_out)  # after the filter applies
        self.view = make_table(self.model, spec.title, spec.stretch, spec.multi)
        if spec.drag_mime:
            self.view.setDragEnabled(True)
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self._row_buttons: list[QPushButton] = []
        # The toolbar wraps onto a second row rather than cut a label (200 % screens).
        self.toolbar_widget = QWidget()
        self.toolbar = FlowLayout(self.toolbar_widget)
        if spec.transfer is not None:
            self.import_button = QPushButton(spec.transfer.import_text)
            self.import_button.clicked.connect(lambda: self.choose_import_file())
            self.export_button = QPushButton(spec.transfer.export_text)
            self.export_button.clicked.connect(lambda: self.choose_export_file())
            self.toolbar.addWidget(transfer_menu(self, self.import_button, self.export_button))
        self._lay_out(self.build_detail(), self.build_extra())

    def _lay_out(self, detail: QWidget, extra: Sequence[QWidget]) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(self.toolbar_widget)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.view, 1)
        for widget in extra:
            left_layout.addWidget(widget, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        clear = self.clear_action = QAction("Clear search and filters", self)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear.triggered.connect(self.filters.clear)
        self.view.addAction(clear)
        self.filters.addAction(clear)

    def shortcut_actions(self) -> list[QAction]:
        return [self.clear_action]

    def add_button(self, text: str, action: Callable[[], object], *, needs_row: bool = True,
                   tooltip: str = "") -> QPushButton:
        """A toolbar button (before the import/export menu); ``needs_row`` buttons are
        enabled only while a record is selected."""
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda: action())  # never pass ``checked`` on as an argument
        self.toolbar.insertWidget(self.toolbar.count() - (1 if self.spec.transfer else 0),
                                  button)
        if needs_row:
            self._row_buttons.append(button)
            button.setEnabled(False)
        return button

    # --- hooks -----------------------------------------------------------------------------

    def build_detail(self) -> QWidget:
        """The right-hand pane."""
        return QWidget()

    def build_extra(self) -> Sequence[QWidget]:
        """Widgets under the table (e.g. an empty state)."""
        return ()

    def present(self, row: R | None) -> None:
        """Show ``row`` (fresh from the store) in the detail pane; None: nothing or new."""

    def rows_reloaded(self) -> None:
        """After every reload (e.g. to switch an empty state)."""

    def update_buttons(self, row: R | None) -> None:
        for button in self._row_buttons:
            button.setEnabled(row is not None)

    # --- loading, filtering and selecting ---------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.db = db
        self.toolbar_widget.setEnabled(True)
        self.reload()

    def show_first_rows(self, rows: Sequence[R]) -> None:
        """Show rows read before the database layer loaded (the first screen): the coach
        can search, filter and select; the toolbar and the detail pane wait for
        :meth:`set_database`, which reloads and shows the selected record."""
        self.toolbar_widget.setEnabled(False)
        self.filters.fill_options(list(rows))
        self.model.set_rows(list(rows))
        self.apply_filters()
        self.rows_reloaded()
        if self.model.visible_count:
            self.select_row(0)

    def reload(self, select_id: Any = None) -> None:
        """Load the rows again, keeping (or moving to ``select_id``) the selected record;
        an explicitly requested record hidden by the filters clears them."""
        assert self.db is not None
        keep = select_id if select_id is not None else self.current_id
        rows = self.spec.load(self.db)
        self.filters.fill_options(rows)
        self.model.set_rows(rows)
        self.apply_filters()
        self.rows_reloaded()
        if keep is not None and self.model.record(keep) is not None:
            if not self.select_key(keep) and select_id is not None:
                self.filters.clear()
                self.select_key(keep)
            if not self.editor_dirty():
                self.show_record(keep)
            self._leave_filtered_out()
        elif self.model.visible_count:
            self.current_id = None
            self.select_row(0)
        else:
            self.show_record(None)

    def refresh_from_elsewhere(self) -> None:
        """Pick up what other windows or coaches saved, without losing unsaved edits."""
        if self.db is not None:
            self.reload()

    def select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def select_key(self, key: Any) -> bool:
        """Select and show the visible row whose record has ``key``; False when hidden."""
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        self.select_row(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def selected_ids(self) -> list[Any]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.key_at(r) for r in rows]

    def current_row(self) -> R | None:
        return None if self.current_id is None else self.model.record(self.current_id)

    def show_record(self, key: Any) -> None:
        if self.db is None:  # the first screen: remembered, shown once the database opens
            self.current_id = key
            return
        row = self.spec.store.get(self.db, key) if key is not None else None
        unchanged = key == self.current_id and row is not None and row == self._presented
        self.current_id = key
        if not unchanged:  # an unchanged record keeps the editor's cursor and scroll
            self.present(row)
            self._presented = row
        self.update_buttons(row)

    def _leave_filtered_out(self) -> None:
        """A record the filters hide leaves the detail pane and its buttons, so nothing
        acts on a row the coach cannot see; unsaved edits stay until the coach decides."""
        if self.current_id is None or self.model.row_of_key(self.current_id) >= 0:
            return
        if self.editor_dirty():
            return
        self.view.selectionModel().clearSelection()
        self.show_record(None)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return  # filtered out: _leave_filtered_out empties the detail pane
        key = self.model.key_at(current.row())
        if key == self.current_id:
            return
        if not self.confirm_leave():
            selection = self.view.selectionModel()
            selection.blockSignals(True)
            if previous.isValid():
                self.select_row(previous.row())
            selection.blockSignals(False)
            return
        self.show_record(key)

    # --- editing -----------------------------------------------------------------------------

    def editor_dirty(self) -> bool:
        return self.editor is not None and self.editor.dirty

    def confirm_leave(self) -> bool:
        """The unsaved-changes guard for an inline editor: True when it is fine to leave."""
        if self.editor is None or not self.editor.dirty:
            return True
        name = getattr(self.editor.data(), "name", "") or f"this {self.spec.noun}"
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to {name}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_record(self.editor, self.current_id) is not None
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.discard_edits()
        return True

    def discard_edits(self) -> None:
        """Put the stored record back in the inline editor, so a coach who leaves and
        comes back sees what is saved, not the edits they chose to discard."""
        if self.editor is None or self.db is None:
            return
        key = self.current_id if self.model.record(self.current_id) is not None else None
        self.load_editor(self.editor, key)
        self._presented = self.spec.store.get(self.db, key) if key is not None else None

    def load_editor(self, editor: Editor, key: Any) -> None:
        """Fill ``editor`` with the stored record (None: a new one) and remember its
        version, so a save over another desk's later save is refused."""
        assert self.db is not None
        row = self.spec.store.get(self.db, key) if key is not None else None
        self.loaded_version = self.spec.store.version(self.db, key) if key is not None else None
        editor.load(row)

    def save_record(self, editor: Editor, key: Any) -> Any:
        """Store what ``editor`` holds (``key`` None: a new record). Returns the saved
        record's key, or None with the reason shown in the editor."""
        assert self.db is not None
        store, db = self.spec.store, self.db
        data = editor.data()
        editor.clear_errors()
        try:
            if key is None:
                key = store.create(db, data)
            else:
                store.update(db, key, data, self.loaded_version)
        except StaleEditError as error:
            choice = resolve_stale(self, error)
            if choice is StaleChoice.THEIRS:
                self.load_editor(editor, key)
            if choice is not StaleChoice.COPY:
                return None
            try:
                key = store.create(db, store.copy(data))
            except CoachDeskError as copy_error:
                self._show_error(editor, copy_error)
                return None
        except CoachDeskError as error:
            self._show_error(editor, error)
            return None
        self.loaded_version = store.version(db, key)
        row = store.get(db, key)
        editor.mark_saved(row)
        if editor is self.editor:  # the inline editor already shows what was stored
            self._presented = row
        self.current_id = key
        self.reload(key)
        return key

    @staticmethod
    def _show_error(editor: Editor, error: CoachDeskError) -> None:
        if isinstance(error, ValidationError):
            editor.show_error(error.field, error.message)
        else:
            editor.show_error("", str(error))

    def run(self, action: Callable[[], Any]) -> Any:
        """Run a service call; a refusal becomes a message and None."""
        try:
            result = action()
        except CoachDeskError as error:
            QMessageBox.warning(self, "CoachDesk", str(error))
            return None
        return True if result is None else result

    # --- import and export ------------------------------------------------------------------

    def choose_import_file(self) -> None:
        transfer = self.spec.transfer
        assert transfer is not None
        path, _ = QFileDialog.getOpenFileName(self, f"Import {self.spec.noun}s",
                                              str(Path.home()), transfer.file_filter)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Any:
        transfer, db = self.spec.transfer, self.db
        assert transfer is not None and db is not None
        result = import_with_preview(
            self, self.spec.noun, lambda: transfer.preview(db, path),
            lambda preview, progress, stop: transfer.apply(db, preview, progress, stop))
        if result:
            self.reload()
        return result

    def choose_export_file(self) -> None:
        transfer = self.spec.transfer
        assert transfer is not None
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {self.spec.noun}s", str(Path.home() / transfer.export_name),
            transfer.export_filter or transfer.file_filter)
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        transfer = self.spec.transfer
        assert transfer is not None and self.db is not None
        try:
            transfer.export(self.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self, "Cannot export", str(error))
            return False
        return True
