"""The main window: a left navigation over the four areas, menus and a status bar.

The window paints before the database opens: it is shown empty, and ``first_painted``
triggers opening the database and building the area on screen, so SQLAlchemy and the
areas' imports never delay the first frame. The other areas are built the first time the
coach goes to one (:class:`LazyAreas`): the Programs area's PDF machinery (ReportLab,
fonts) is not paid for at start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coachdesk import __version__
from coachdesk.services.changes import Change, change_stamps, changed_kinds
from coachdesk.ui.area import AREAS, Area, AreaSpec, EmptyState
from coachdesk.ui.common.operation import ChangeBus
from coachdesk.ui.settings_store import ui_state

if TYPE_CHECKING:
    from coachdesk.db import Database

DATABASE_FILTER = "CoachDesk database (*.sqlite3 *.sqlite *.db);;All files (*)"


class LazyAreas(Mapping[str, Area]):
    """The window's areas by key (every key of ``AREAS``), each built the first time it is
    asked for. ``built()`` gives only those already made: refreshing, saving and closing
    never build an area just to ask it something."""

    def __init__(self, build: Callable[[AreaSpec], Area]) -> None:
        self._build = build
        self._built: dict[str, Area] = {}

    def __getitem__(self, key: str) -> Area:
        if key not in self._built:
            spec = next((s for s in AREAS if s.key == key), None)
            if spec is None:
                raise KeyError(key)
            self._built[key] = self._build(spec)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return any(spec.key == key for spec in AREAS)

    def __iter__(self) -> Iterator[str]:
        return iter([spec.key for spec in AREAS])

    def __len__(self) -> int:
        return len(AREAS)

    def built(self) -> list[Area]:
        return list(self._built.values())

    def built_or_none(self, key: str) -> Area | None:
        return self._built.get(key)

    def is_built(self, key: str) -> bool:
        return key in self._built


class MainWindow(QMainWindow):
    first_painted = Signal()
    """Emitted once, after the window's first paint."""
    database_opened = Signal(str)
    """Emitted with the database's display name once the areas show its data."""
    database_failed = Signal(str)
    """Emitted with a coach-readable reason when a database cannot be opened."""
    first_rows_shown = Signal()
    """Emitted when the roster shows, read before the database layer loaded: the window is
    usable (search, filter, select) while the rest opens. See :meth:`_open_first_screen`."""
    _database_layer_loaded = Signal()
    template_preview_shown = Signal(object)
    """Emitted with the open preview dialog of a template file the desktop handed over."""

    def __init__(self, location: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("CoachDesk")
        self.setMinimumSize(960, 600)
        self._location = location
        self._painted = False
        self.db: Database | None = None
        self.areas = LazyAreas(self._build_area)
        self._stamps: dict[Change, tuple] = {}
        ChangeBus.instance().changed.connect(self._refresh_for)
        self._recovery_note = ""
        self._restore_marker: str | None = None
        self._read_only_guard: QObject | None = None
        self._waiting_files: list[Path] = []

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.loading = EmptyState("CoachDesk", "Opening your database…")
        self.stack.addWidget(self.loading)
        for spec in AREAS:
            QListWidgetItem(area_icon(spec.key), spec.title, self.nav)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.currentRowChanged.connect(self._show_area_at)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        from coachdesk.ui.data_safety import DataSafety

        self.data = DataSafety(self)
        self._build_menus()
        self._restore_geometry()
        self.nav.setCurrentRow(self._saved_area_row())
        self.first_painted.connect(self._open_after_paint, Qt.ConnectionType.QueuedConnection)
        self._database_layer_loaded.connect(lambda: self.open_location(self._location),
                                            Qt.ConnectionType.QueuedConnection)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._application_state_changed)

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        """Coming back to CoachDesk: show what other windows or coaches saved meanwhile."""
        if (state == Qt.ApplicationState.ApplicationActive
                and not self._reload_if_restored_elsewhere()):
            self.notice_changes_elsewhere()

    def notice_changes_elsewhere(self) -> frozenset[Change]:
        """Compare each kind's fingerprint with the last look; announce the kinds another
        desk (or window) changed, so only the areas showing them reload."""
        if self.db is None:
            return frozenset()
        stamps = change_stamps(self.db)
        kinds = changed_kinds(self._stamps, stamps)
        self._stamps = stamps
        ChangeBus.instance().announce(kinds)
        return kinds

    def _refresh_for(self, kinds: frozenset[Change]) -> None:
        """A change notice: each area showing one of these kinds reloads."""
        if self.db is None:
            return
        for area in self.areas.built():
            if area.shows & kinds:
                area.refresh_from_elsewhere()
        self._stamps = change_stamps(self.db)  # what this desk now knows

    def _reload_if_restored_elsewhere(self) -> bool:
        """One cheap query: when another desk restored a backup into this database since
        we last looked, say so and reload everything. True when that happened."""
        if self.db is None or not self.db.is_sqlite:
            return False  # (before the import: at start-up this runs before the database opens)
        from coachdesk.services.backup import restore_marker

        marker = restore_marker(self.db)
        if marker == self._restore_marker:
            return False
        self._restore_marker = marker
        QMessageBox.information(
            self, "The database was restored",
            "The database was restored from a backup on another desk. CoachDesk reloaded "
            "it: what you see now is the restored data.")
        self.open_location(self.db.url)
        return True

    def unsaved_work(self) -> list[str]:
        """Where an edit is waiting to be saved (an inline form with changes), by area;
        the crash dialog names these instead of calling the work safe."""
        return [f"the form in {spec.title}" for spec in AREAS
                if getattr(self.areas.built_or_none(spec.key), "editor_dirty",
                           lambda: False)()]

    def refresh_all_areas(self) -> None:
        if self.db is not None:
            for area in self.areas.built():
                area.refresh_from_elsewhere()

    def refresh_current_area(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Area) and self.db is not None:
            current.refresh_from_elsewhere()

    # --- menus ---------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action("&Open Database…", QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.studio_action = self._action("Connect to &Studio Server…")
        self.studio_action.triggered.connect(self.connect_to_studio_server)
        self.backup_action = self._action("&Back Up Database…", "Ctrl+Shift+B")
        self.backup_action.triggered.connect(self.data.choose_backup_file)
        self.restore_action = self._action("&Restore from Backup…")
        self.restore_action.triggered.connect(self.data.choose_backup_to_restore)
        self.export_all_action = self._action("E&xport All Data…")
        self.export_all_action.triggered.connect(self.data.choose_archive_target)
        self.import_all_action = self._action("&Import All Data…")
        self.import_all_action.triggered.connect(self.data.choose_archive_source)
        self.settings_action = self._action("&Settings…", QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.edit_settings)
        self.brand_action = self._action("Brand &Profile…")
        self.brand_action.triggered.connect(self.edit_brand)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.studio_action)
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addActions([self.export_all_action, self.import_all_action])
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.brand_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.new_action = self._action("&New", QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self._current_area_call("create_new"))
        self.find_action = self._action("&Find", QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self._current_area_call("focus_search"))
        self.export_pdf_action = self._action("&Export Program PDF…", "Ctrl+E")
        self.export_pdf_action.triggered.connect(self.export_selected_program)
        self.edit_menu.addActions([self.new_action, self.find_action, self.export_pdf_action])
        self.edit_menu.addSeparator()

        view_menu = self.menuBar().addMenu("&View")
        for row, spec in enumerate(AREAS):
            action = self._action(spec.title, spec.shortcut)
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.shortcuts_action = self._action("&Keyboard Shortcuts", "Ctrl+/")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = self._action("&About CoachDesk")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _action(self, text: str, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # type: ignore[arg-type]
        return action

    # --- opening a database ----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # The first UpdateRequest after showing is the window's first frame being drawn
        # (the window itself may get no paint event of its own: its children cover it).
        if event.type() == QEvent.Type.UpdateRequest and not self._painted:
            result = super().event(event)
            self._painted = True
            self.first_painted.emit()
            return result
        return super().event(event)

    def _open_after_paint(self) -> None:
        # Let the frame reach the screen, then do the heavy work.
        QTimer.singleShot(0, self._open_first_screen)

    def _open_first_screen(self) -> None:
        """SQLAlchemy and the models take a third of a second to import. When the roster is
        what the coach sees first and the database is a SQLite file at this schema, show
        the roster read with plain sqlite3 at once, load the database layer in a thread
        meanwhile (the window stays responsive), then open the database as usual."""
        if self._show_first_rows():
            threading.Thread(target=self._load_database_layer, name="coachdesk-load",
                             daemon=True).start()
        else:
            self.open_location(self._location)

    def _show_first_rows(self) -> bool:
        row = self.nav.currentRow()
        if not 0 <= row < len(AREAS) or AREAS[row].key != "clients":
            return False
        from coachdesk import paths
        from coachdesk.first_screen import read_roster

        try:
            rows = read_roster(paths.sqlite_path(paths.database_url(self._location)))
        except Exception:  # any doubt: the normal path opens it and explains what is wrong
            rows = None
        if rows is None:
            return False
        area = self.areas["clients"]
        area.show_first_rows(rows)
        self.stack.setCurrentWidget(area)
        self.statusBar().showMessage("Opening database…")
        self.first_rows_shown.emit()
        return True

    def _load_database_layer(self) -> None:
        """In a thread: import what opening and the roster need (plain imports; nothing
        touches Qt or a database here), then let the window open the database."""
        try:
            import coachdesk.opening
            import coachdesk.services.backup
            import coachdesk.services.clients
            import coachdesk.services.seasons  # noqa: F401
        finally:
            self._database_layer_loaded.emit()

    def open_location(self, location: str | None) -> bool:
        """Open (or create) the database at ``location`` and show it in every area."""
        from coachdesk.errors import DatabaseOpenError
        from coachdesk.opening import open_app_database

        if location is not None and location.startswith("postgresql"):
            from coachdesk.studio import with_saved_password

            location = with_saved_password(location)  # remembered without its password
        self.statusBar().showMessage("Opening database…")
        try:
            db = open_app_database(location)
        except DatabaseOpenError as error:
            self.statusBar().clearMessage()
            self.database_failed.emit(str(error))
            if self.db is None:
                self.loading.set_text(str(error))
            if self.data.offer_latest_backup(location, str(error)):
                return self.open_location(location)
            return False
        self.set_database(db)
        if db.sqlite_path is not None and not db.read_only:
            from coachdesk.housekeeping import tidy

            tidy(db.sqlite_path)  # leftovers of killed processes, private file modes
        self.data.automatic_backup(db)
        if self._recovery_note:
            self.statusBar().showMessage(self._recovery_note, 15_000)
            self._recovery_note = ""
        return True

    def set_database(self, db: Database) -> None:
        from coachdesk.services.backup import restore_marker

        if self.db is not None:
            self.db.dispose()
        self.db = db
        self._restore_marker = restore_marker(db) if db.is_sqlite else None
        self._stamps = change_stamps(db)
        self._location = db.url
        for area in self.areas.built():
            area.set_database(db)
        suffix = " (read-only)" if db.read_only else ""
        self.database_label.setText(f"Database: {db.display_name}{suffix}")
        self.database_label.setToolTip(db.display_name)
        self.backup_action.setEnabled(db.is_sqlite)
        self._show_read_only(db.read_only)
        self.statusBar().showMessage(
            "Opened read-only: you can look and export, but changes cannot be saved here."
            if db.read_only else "Ready", 10_000 if db.read_only else 3000)
        self._show_area_at(self.nav.currentRow())
        from coachdesk.ui.recent_databases import remember

        remember(db.url)
        self._fill_recent_menu()
        self.database_opened.emit(db.display_name)
        if self._waiting_files:
            QTimer.singleShot(0, self._open_waiting_files)

    def _show_read_only(self, read_only: bool) -> None:
        """The title says read-only, and every action and button that saves is disabled
        (the guard keeps the areas' buttons off when they would turn them on)."""
        from coachdesk.ui.read_only import ReadOnlyGuard, write_buttons

        self.setWindowTitle("CoachDesk (read-only)" if read_only else "CoachDesk")
        for action in (self.new_action, self.import_all_action, self.restore_action,
                       self.settings_action, self.brand_action):
            action.setEnabled(not read_only)
        if self._read_only_guard is None:
            self._read_only_guard = ReadOnlyGuard(
                lambda: self.db is not None and self.db.read_only, self)
        self._read_only_guard.watch(write_buttons(self.areas.built()))

    def _build_area(self, spec: AreaSpec) -> Area:
        """Make one area, wire it to the window, and give it the open database."""
        area = spec.create(self.stack)
        area.setObjectName(f"area-{spec.key}")
        self.stack.addWidget(area)
        actions = area.edit_menu_actions()
        if actions:
            self.edit_menu.addActions(actions)
        # Every area asks the window through the same three signals (see ``Area``).
        area.assign_requested.connect(self._assign)
        area.program_requested.connect(self._open_program)
        area.brand_requested.connect(self.edit_brand)
        if self.db is not None:
            area.set_database(self.db)
        if self._read_only_guard is not None:  # an area first shown on a read-only database
            from coachdesk.ui.read_only import write_buttons

            self._read_only_guard.watch(write_buttons([area]))
        return area

    def _open_program(self, program_id: int) -> None:
        self.show_area("programs").open_program(program_id)

    def _assign(self, template_id: int | None, client_id: int | None) -> None:
        self.show_area("programs").start_assign(client_id, template_id)

    def _show_area_at(self, row: int) -> None:
        if not 0 <= row < len(AREAS) or self.db is None:
            return  # the loading page stays until a database is open
        current = self.stack.currentWidget()
        if isinstance(current, Area) and current is not self.areas.built_or_none(
                AREAS[row].key) and not current.confirm_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._row_of(current))
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.areas[AREAS[row].key])

    def _row_of(self, area: Area) -> int:
        return next(row for row, spec in enumerate(AREAS)
                    if self.areas.is_built(spec.key) and self.areas[spec.key] is area)

    def area_spec(self, key: str) -> AreaSpec:
        return next(spec for spec in AREAS if spec.key == key)

    def show_area(self, key: str) -> Area:
        row = [spec.key for spec in AREAS].index(key)
        self.nav.setCurrentRow(row)
        return self.areas[key]

    # --- files the desktop hands over -------------------------------------------------

    def bring_forward(self) -> None:
        """Un-minimise, raise and activate: a second launch or a double-click lands here."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        if QApplication.platformName() not in ("offscreen", "minimal"):  # no stacking there
            self.raise_()
            self.activateWindow()

    def open_file(self, path: str | Path) -> None:
        """A template file opened from the desktop (``coachdesk FILE``, a double-click, a
        second launch): show it in the Templates area with a preview to import it. Before the
        database is open the file waits for it."""
        self.bring_forward()
        self._waiting_files.append(Path(path))
        if self.db is not None:
            self._open_waiting_files()

    def _open_waiting_files(self) -> None:
        waiting, self._waiting_files = self._waiting_files, []
        for path in waiting:
            if not path.is_file():
                QMessageBox.warning(
                    self, "Template file not found",
                    f"CoachDesk was asked to open {path}, but there is no file there. "
                    "It may have been moved or deleted.")
                continue
            area = self.show_area("templates")
            dialog = area.preview_file(path)  # type: ignore[attr-defined]
            if dialog is not None:
                self.template_preview_shown.emit(dialog)

    # --- menu actions ----------------------------------------------------------------

    def choose_database(self) -> None:
        """Open Database…: first ask whether the coach opens a database they have or starts
        a new, empty one, then the matching file dialog."""
        box = QMessageBox(QMessageBox.Icon.Question, "Open Database",
                          "Open a CoachDesk database you already have, or create a new, "
                          "empty one?", parent=self)
        box.setObjectName("open-or-create")
        open_button = box.addButton("Open Existing…", QMessageBox.ButtonRole.AcceptRole)
        create_button = box.addButton("Create New…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            path, _ = QFileDialog.getOpenFileName(
                self, "Open a CoachDesk database", str(Path.home()), DATABASE_FILTER)
            if path:
                self.open_location(path)
        elif box.clickedButton() is create_button:
            path, _ = QFileDialog.getSaveFileName(
                self, "Create a new CoachDesk database", str(Path.home() / "coachdesk.sqlite3"),
                DATABASE_FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
            if not path:
                return
            if Path(path).exists():
                QMessageBox.warning(
                    self, "That file already exists",
                    f"{path} already exists, so CoachDesk did not create a new database "
                    "there. To use it, choose Open Existing…; to start afresh, pick a new "
                    "file name.")
                return
            self.open_location(path)

    def _fill_recent_menu(self) -> None:
        """The last databases opened, newest first; a file that is gone is shown greyed."""
        from coachdesk.ui.recent_databases import available, prune_missing, recent

        self.recent_menu.clear()
        entries = recent()
        for entry in entries:
            usable = available(entry)
            action = self.recent_menu.addAction(entry if usable else f"{entry} (missing)")
            action.setData(entry)
            action.setEnabled(usable)
            if not usable:
                action.setToolTip("This file is no longer there: it was moved or deleted.")
            action.triggered.connect(lambda _=False, e=entry: self.open_location(e))
        if not entries:
            self.recent_menu.addAction("No databases yet").setEnabled(False)
        elif not all(available(e) for e in entries):
            self.recent_menu.addSeparator()
            forget = self.recent_menu.addAction("Forget Missing Files")
            forget.triggered.connect(lambda: (prune_missing(), self._fill_recent_menu()))

    def studio_dialog(self):
        from coachdesk.studio import fields_from_url
        from coachdesk.ui.studio_dialog import StudioServerDialog

        current = fields_from_url(self.db.url) if self.db is not None else None
        return StudioServerDialog(self, current)

    def connect_to_studio_server(self) -> None:
        dialog = self.studio_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.open_location(dialog.url())

    def brand_dialog(self):
        from coachdesk.services import brand as brand_svc
        from coachdesk.services.library import attach_image, media_path
        from coachdesk.ui.settings.brand_dialog import BrandDialog

        db = self.db
        assert db is not None
        loaded = brand_svc.get_brand(db)

        def save_brand(data: brand_svc.BrandData, force: bool = False) -> None:
            brand_svc.save_brand(db, data, expected=loaded, keep_mine=force)

        return BrandDialog(loaded, save_brand,
                           lambda path: attach_image(db, path),
                           lambda stored: media_path(db, stored), self)

    def settings_dialog(self):
        from coachdesk.services import brand as brand_svc
        from coachdesk.services import settings as settings_svc
        from coachdesk.ui.settings.settings_dialog import SettingsDialog

        db = self.db
        assert db is not None

        loaded_settings, loaded_brand = settings_svc.load_settings(db), brand_svc.get_brand(db)

        def save(settings: settings_svc.CoachSettings, brand: brand_svc.BrandData,
                 force: bool = False) -> None:
            """Only this desk's changes are written; a field another desk also changed is
            refused (StaleEditError) unless the coach chose to keep theirs over it."""
            brand_svc.save_brand(db, brand, expected=loaded_brand, keep_mine=force)
            settings_svc.save_settings(db, settings, expected=loaded_settings,
                                       keep_mine=force)
            ChangeBus.instance().announce({Change.SETTINGS})

        return SettingsDialog(loaded_settings, loaded_brand, save, self)

    def edit_settings(self) -> None:
        if self.db is not None:
            self.settings_dialog().exec()

    def edit_brand(self) -> None:
        if self.db is not None:
            self.brand_dialog().exec()

    def _current_area_call(self, method: str) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Area):
            getattr(current, method)()

    def export_selected_program(self) -> None:
        """Ctrl+E: export the program selected in the Programs area."""
        if "programs" in self.areas and not self.show_area("programs").export_current():
            self.statusBar().showMessage("Select a program to export first.", 5000)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every menu action with a shortcut, as (action, keys), for the shortcuts dialog."""
        rows = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys:
                    rows.append((action.text().replace("&", "").split("\t")[0], keys))
        for area in self.areas.values():
            for action in area.shortcut_actions():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts())
                if keys:
                    rows.append((action.text().replace("&", ""), keys))
        return list(dict.fromkeys(rows))

    def show_shortcuts(self) -> None:
        from html import escape

        rows = "".join(f"<tr><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
                       for name, keys in self.shortcut_rows())
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts",
                          f"<table cellspacing='6'>{rows}</table>", parent=self)
        box.exec()

    def show_about(self) -> None:
        where = self.db.display_name if self.db else "no database open"
        QMessageBox.about(
            self,
            "About CoachDesk",
            f"<b>CoachDesk {__version__}</b><br>"
            "Program design for strength coaches who train runners.<br><br>"
            f"Database: {_escape(where)}",
        )

    # --- window state ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = ui_state()
        geometry = settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    def _saved_area_row(self) -> int:
        value = ui_state().value("main/area", 0)
        try:
            row = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 0
        return row if 0 <= row < len(AREAS) else 0

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(area.confirm_leave() for area in self.areas.built()):
            event.ignore()
            return
        settings = ui_state()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/area", max(self.nav.currentRow(), 0))
        settings.sync()
        if self.db is not None:
            self.db.dispose()
        super().closeEvent(event)


def area_icon(key: str) -> QIcon:
    """The navigation icons: small line drawings bundled as SVG, drawn in the palette's text
    colour (so they suit light and dark) and in white where the item is selected."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    from coachdesk.paths import RESOURCES_DIR

    svg = (RESOURCES_DIR / "icons" / f"{key}.svg").read_text(encoding="utf-8")
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    icon = QIcon()
    for mode, color in ((QIcon.Mode.Normal, text), (QIcon.Mode.Selected, "#ffffff")):
        renderer = QSvgRenderer(QByteArray(svg.replace("#3b4744", color).encode()))
        pixmap = QPixmap(48, 48)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
