"""The library with 10,000 exercises: opening the area and filtering per keystroke."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

EXERCISES = 10_000


def make_library_database(path: Path, count: int = EXERCISES) -> str:
    """The starter library plus generated exercises, up to ``count``, in one insert."""
    from sqlalchemy import func, insert, select

    from coachdesk.models import Exercise
    from coachdesk.models.base import utcnow
    from coachdesk.opening import open_app_database
    from coachdesk.vocab import Muscle, Pattern

    db = open_app_database(str(path))
    with db.read() as session:
        have = session.scalar(select(func.count()).select_from(Exercise)) or 0
    muscles = [m.value for m in Muscle]
    patterns = [p.value for p in Pattern]
    now = utcnow()
    rows = [{
        "name": f"Variation {n} of a runner drill", "name_key": f"variation {n} of a runner drill",
        "aliases": [], "primary_muscles": [muscles[n % 14], muscles[(n * 5) % 14]],
        "secondary_muscles": [], "pattern": patterns[n % len(patterns)], "impact": "low",
        "external_load": "bodyweight", "needs_review": False,
        "laterality": "unilateral" if n % 2 else "bilateral", "core_plane": None,
        "phase": ("stability", "strength")[n % 2], "plyometric": False, "eccentric": n % 7 == 0,
        "equipment": ["box"] if n % 3 == 0 else [], "load_type": "bodyweight",
        "notes": f"### Setup\nA generated exercise number {n} for benchmarks.",
        "archived": False, "version": 1, "created_at": now, "updated_at": now,
    } for n in range(count - have)]
    with db.write() as session:
        session.execute(insert(Exercise), rows)
    db.dispose()
    return str(path)


def bench_library() -> list[dict[str, object]]:
    return measure_library(EXERCISES)


def bench_library_50k() -> list[dict[str, object]]:
    return measure_library(50_000)


def measure_library(count: int) -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.process import rss_mib
    from coachdesk.opening import open_app_database
    from coachdesk.ui.library.area import LibraryArea

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-library-"))
    db = open_app_database(make_library_database(folder / "library.sqlite3", count))
    before = rss_mib()
    area = LibraryArea()
    area.resize(1400, 900)
    start = time.perf_counter()
    area.set_database(db)
    area.show()
    app.processEvents()
    opened = time.perf_counter() - start
    grown = rss_mib() - before
    timings = []
    typing = ["s", "si", "sin", "sing", "singl", "single", "single ", "single l", "single le",
              "single leg", "single le", "single", "sin", "s", ""]
    for text in typing * 3:
        start = time.perf_counter()
        area.filters.search.setText(text)
        app.processEvents()
        timings.append(time.perf_counter() - start)
    rows = area.model.total_count
    area.close()
    area.deleteLater()
    app.processEvents()
    db.dispose()
    return [
        {"name": f"library: open the area ({rows:,} exercises)", "median_ms": opened * 1000,
         "target": "< 300 ms",
         "detail": f"one run: query, search index, first paint; memory +{grown:.0f} MiB"},
        {"name": f"library: keystroke to filtered view ({rows:,} exercises)",
         "median_ms": statistics.median(timings) * 1000, "target": "< 16 ms",
         "detail": f"{len(timings)} keystrokes, max {max(timings) * 1000:.1f} ms"},
    ]
