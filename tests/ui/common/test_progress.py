"""Long work runs off the GUI thread behind a progress dialog; Cancel rolls it back."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from coachdesk.db import Database
from coachdesk.errors import Cancelled
from coachdesk.services import clients
from coachdesk.services.roster_csv import apply_roster_import, preview_roster_import
from coachdesk.ui.common.progress import ProgressRunner, run_with_progress


def test_the_work_runs_off_the_gui_thread_and_returns_its_result(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def work(progress, should_stop):
        seen.append(threading.current_thread().name)
        for n in range(5):
            progress(n, 5)
        return "done"

    assert run_with_progress(parent, "Work", "Working…", work) == "done"
    assert seen and seen[0] != threading.main_thread().name


def test_cancel_rolls_an_import_back(qtbot, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("name\n" + "".join(f"Runner {n}\n" for n in range(120)), encoding="utf-8")
    preview = preview_roster_import(db, path)
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ProgressRunner(parent, "Import", "Importing…",
                            lambda progress, stop: apply_roster_import(db, preview, progress,
                                                                       stop))
    runner.cancel()  # the coach pressed Cancel
    with pytest.raises(Cancelled, match="nothing was changed"):
        runner.run()
    assert clients.list_clients(db) == []
