"""Cold start to a painted main window, beside a bare PySide6 window in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 5

BARE_WINDOW = """
import os, time
from coachdesk.startup import seconds_since_process_start
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.UpdateRequest:
            print(f"first paint: {seconds_since_process_start():.4f}")
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
watch = Watch(); w.installEventFilter(watch); w.show(); app.exec()
"""


def _first_paint(command: list[str], env: dict[str, str]) -> float:
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    line = next(x for x in result.stdout.splitlines() if x.startswith("first paint:"))
    return float(line.split()[2])


def measure_startup(db_location: str, label: str, detail: str) -> list[dict[str, object]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    bare = [_first_paint([sys.executable, "-c", BARE_WINDOW], env) for _ in range(RUNS)]
    app = [
        _first_paint([sys.executable, "-m", "coachdesk", "--smoke-test", "--db", db_location], env)
        for _ in range(RUNS)
    ]
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    return [
        {"name": "bare PySide6 window: first paint", "median_ms": bare_median * 1000,
         "detail": f"{RUNS} runs"},
        {"name": f"CoachDesk first paint ({label})", "median_ms": app_median * 1000,
         "target": "< 2× bare window",
         "detail": f"{app_median / bare_median:.2f}× bare; {detail}"},
    ]


def bench_startup_starter_database() -> list[dict[str, object]]:
    from coachdesk.opening import open_app_database

    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-start-"))
    path = folder / "starter.sqlite3"
    open_app_database(str(path)).dispose()
    return measure_startup(str(path), "starter library", "database with the starter library")


def bench_startup_big_database() -> list[dict[str, object]]:
    """Cold start on a studio-sized database: 5,000 clients and 10,000 exercises."""
    from benchmarks.bench_library import make_library_database
    from benchmarks.bench_roster import make_roster_database

    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-big-"))
    path = folder / "studio.sqlite3"
    make_roster_database(path)
    make_library_database(path)
    rows = measure_startup(str(path), "5,000 clients, 10,000 exercises",
                           "studio-sized database")
    return rows[1:]  # the bare window is already in the table
