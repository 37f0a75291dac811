"""Run long work off the GUI thread behind a progress dialog that can cancel it.

The work is a function ``work(progress, should_stop)`` that calls ``progress(done, total)``
and checks ``should_stop()`` between steps; on cancel it raises :class:`Cancelled` (inside
its transaction, so nothing is half-written). ``run_with_progress`` returns the work's
result, or raises what it raised."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from coachdesk.errors import Cancelled

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.stop = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.work(self.progress.emit, self.stop.is_set)
        except BaseException as error:
            self.error = error
        self.finished.emit()


class ProgressRunner(QObject):
    """Owns one run: the thread, the worker and the dialog."""

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(300)
        self.thread = QThread(self)
        self.worker = _Worker(work)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.dialog.canceled.connect(self.cancel)
        self.loop = QEventLoop(self)
        self.worker.finished.connect(self.loop.quit)

    def cancel(self) -> None:
        self.worker.stop.set()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    def run(self) -> Any:
        self.thread.start()
        self.loop.exec()
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        if self.worker.error is not None:
            raise self.worker.error
        return self.worker.result


def run_with_progress(parent: QWidget, title: str, label: str, work: Work) -> Any:
    return ProgressRunner(parent, title, label, work).run()


__all__ = ["Cancelled", "ProgressRunner", "run_with_progress"]
