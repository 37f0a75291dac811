"""File-level data safety, as the File menu offers it: backups, restore, recovery of a
damaged file, and whole-database archives. The services do the work (tested without Qt);
this only asks, shows progress and reports, for the window it belongs to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

if TYPE_CHECKING:
    from coachdesk.db import Database
    from coachdesk.ui.main_window import MainWindow


class DataSafety(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def automatic_backup(self, db: Database) -> None:
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.backup import backup_if_due

        if not db.is_sqlite or db.read_only:
            return
        from coachdesk.services.settings import backup_folder

        try:
            path = backup_if_due(db, backup_folder(db))
        except (CoachDeskError, OSError) as error:
            self.window.statusBar().showMessage(f"The daily backup failed: {error}", 10_000)
            return
        if path is not None:
            self.window.statusBar().showMessage(f"Daily backup saved: {path}", 6_000)

    def offer_latest_backup(self, location: str | None, reason: str) -> bool:
        """When a SQLite file cannot be opened, offer its newest backup in its place. The
        recovery service keeps the damaged file with its WAL and carries over every row it
        can still read. True when a backup was put in place."""
        from coachdesk import paths
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.backup import newest_backup, recover_from_backup

        path = paths.sqlite_path(paths.database_url(location))
        candidate = newest_backup(path) if path is not None else None
        if path is None or candidate is None:
            QMessageBox.warning(self.window, "Cannot open the database", reason)
            return False
        answer = QMessageBox.question(
            self, "Cannot open the database",
            f"{reason}\n\nRestore the newest backup ({candidate.name})? The damaged file "
            "is kept beside it, and what can still be read from it is carried over.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            recovery = recover_from_backup(path, candidate)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self.window, "Cannot open the database",
                                f"The backup could not be put in place: {error}")
            return False
        self.window._recovery_note = recovery.describe()
        return True

    def choose_backup_to_restore(self) -> None:
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.backup import list_backups

        if self.window.db is None:
            return
        from coachdesk.services.settings import backup_folder

        try:
            backups = list_backups(self.window.db, backup_folder(self.window.db))
        except CoachDeskError as error:
            QMessageBox.information(self.window, "Restore from backup", str(error))
            return
        if not backups:
            QMessageBox.information(self.window, "Restore from backup", "There are no backups yet.")
            return
        labels = [b.describe() for b in backups]
        choice, ok = QInputDialog.getItem(self.window, "Restore from backup",
                                          "Replace the current data with:", labels, 0, False)
        if ok:
            self.restore_backup(backups[labels.index(choice)].path)

    def restore_backup(self, path: Path) -> bool:
        from coachdesk.services.backup import restore_backup

        assert self.window.db is not None
        answer = QMessageBox.question(
            self, "Restore from backup",
            f"Replace everything in the open database with the backup {path.name}? "
            "CoachDesk backs up the current state first.")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.settings import backup_folder
        from coachdesk.ui.common.progress import run_with_progress

        db = self.window.db
        url = db.url
        folder = backup_folder(db)
        try:
            safety = run_with_progress(
                self.window, "Restore from backup", "Restoring…",
                lambda progress, stop: restore_backup(db, path, folder, progress, stop))
        except CoachDeskError as error:
            QMessageBox.information(self.window, "Restore from backup", str(error))
            return False
        self.window.db = None
        opened = self.window.open_location(url)
        if opened:
            self.window.statusBar().showMessage(
                f"Restored. The previous state is in {safety}", 10_000)
        return opened

    def choose_backup_file(self) -> None:
        if self.window.db is None:
            return
        from datetime import date

        suggested = Path.home() / f"coachdesk-backup-{date.today().isoformat()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Back up the database", str(suggested), "SQLite database (*.sqlite3)"
        )
        if path:
            self.back_up_to(Path(path))

    def back_up_to(self, path: Path) -> bool:
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.backup import backup_to

        assert self.window.db is not None
        try:
            written = backup_to(self.window.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self.window, "Backup failed", str(error))
            return False
        self.window.statusBar().showMessage(f"Backed up to {written}", 8000)
        return True

    def choose_archive_target(self) -> None:
        from datetime import date

        suggested = Path.home() / f"coachdesk-all-data-{date.today().isoformat()}.zip"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export all data", str(suggested),
                                              "CoachDesk archive (*.zip)")
        if path:
            self.export_all(Path(path))

    def export_all(self, path: Path) -> bool:
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.archive import export_archive

        assert self.window.db is not None
        try:
            export_archive(self.window.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self.window, "Export all data", str(error))
            return False
        self.window.statusBar().showMessage(f"All data exported to {path}", 8000)
        return True

    def choose_archive_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import all data", str(Path.home()),
                                              "CoachDesk archive (*.zip)")
        if path:
            self.import_all(Path(path))

    def import_all(self, path: Path) -> bool:
        """Restore an archive into this (empty) database, then show it everywhere."""
        from coachdesk.errors import CoachDeskError
        from coachdesk.services.archive import import_archive

        assert self.window.db is not None
        try:
            counts = import_archive(self.window.db, path)
        except (CoachDeskError, OSError) as error:
            QMessageBox.warning(self.window, "Import all data", str(error))
            return False
        self.window.set_database(self.window.db)
        self.window.statusBar().showMessage(
            f"Imported {counts.get('client', 0)} clients, {counts.get('template', 0)} "
            f"templates and {counts.get('program', 0)} programs", 8000)
        return True
