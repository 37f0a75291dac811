"""Batch export off the GUI thread, with a progress dialog that can cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coachdesk.db import Database
from coachdesk.services import export as export_svc
from coachdesk.services.programs import ProgramRow


class BatchWorker(QObject):
    progress = Signal(int, int, str)
    """(done, total, client being exported)"""
    finished = Signal(list)
    """The list of ``BatchItem`` results."""

    def __init__(self, db: Database, rows: list[ProgramRow], folder: Path) -> None:
        super().__init__()
        self.db = db
        self.rows = rows
        self.folder = folder
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        results = export_svc.export_batch(self.db, self.rows, self.folder, self._stop.is_set,
                                          self.progress.emit)
        self.finished.emit(results)


class BatchExport(QObject):
    """Owns the thread and the worker for one batch; emits ``done`` with the results."""

    done = Signal(list)

    def __init__(self, db: Database, rows: list[ProgramRow], folder: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = BatchWorker(db, rows, folder)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.results: list[export_svc.BatchItem] | None = None

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def _finished(self, results: list) -> None:
        self.results = results
        self.thread.quit()
        self.thread.wait()
        self.done.emit(results)


def summary(results: list[export_svc.BatchItem], total: int) -> str:
    ok = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    lines = [f"Exported {len(ok)} of {total} programs."]
    if len(results) < total:
        lines.append(f"Cancelled before {total - len(results)} more.")
    lines += [f"• {r.client_name} — {r.program_name}: {r.error}" for r in failed]
    return "\n".join(lines)
