"""The roster with 5,000 clients: opening the area and filtering per keystroke."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

CLIENTS = 5_000


def make_roster_database(path: Path, count: int = CLIENTS) -> str:
    """A database holding ``count`` clients, inserted in one statement."""
    from sqlalchemy import insert

    from coachdesk.models import Client
    from coachdesk.models.base import utcnow
    from coachdesk.opening import open_app_database

    db = open_app_database(str(path))
    rng = random.Random(7)
    first = ["Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farah", "Giulia", "Hiro", "Ines", "Jonas"]
    last = ["Río", "Okafor", "Martin", "Volkov", "Smith", "Haddad", "Rossi", "Tanaka", "Silva"]
    now = utcnow()
    rows = [{
        "name": f"{rng.choice(first)} {rng.choice(last)} {n}", "email": f"runner{n}@example.com",
        "phone": "", "goal": rng.choice(["race", "hobby", "body_composition"]),
        "race_distance": rng.choice([None, "5k", "10k", "half", "marathon"]),
        "stage": rng.choice(["stability", "strength", "power"]),
        "key_run_days": ["sat"], "injuries": rng.sample(["itbs", "knee_pain", "shin_splints"], 1),
        "injury_notes": "", "notes": "", "archived": False, "version": 1,
        "created_at": now, "updated_at": now,
    } for n in range(count)]
    with db.write() as session:
        session.execute(insert(Client), rows)
    db.dispose()
    return str(path)


def bench_roster() -> list[dict[str, object]]:
    return measure_roster(CLIENTS)


def bench_roster_50k() -> list[dict[str, object]]:
    return measure_roster(50_000)


def measure_roster(count: int) -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.process import rss_mib
    from coachdesk.opening import open_app_database
    from coachdesk.ui.roster.area import ClientsArea

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-roster-"))
    db = open_app_database(make_roster_database(folder / "roster.sqlite3", count))
    before = rss_mib()
    area = ClientsArea()
    area.resize(1400, 900)
    start = time.perf_counter()
    area.set_database(db)
    area.show()
    app.processEvents()
    opened = time.perf_counter() - start
    grown = rss_mib() - before
    timings = []
    typing = ["a", "an", "ana", "ana ", "ana r", "ana ri", "ana rí", "ana r", "ana", "a", ""]
    for text in typing * 3:
        start = time.perf_counter()
        area.filters.search.setText(text)
        app.processEvents()
        timings.append(time.perf_counter() - start)
    area.close()
    area.deleteLater()
    app.processEvents()
    db.dispose()
    return [
        {"name": f"roster: open the Clients area ({count:,} clients)",
         "median_ms": opened * 1000,
         "detail": f"one run: query, index, first paint; memory +{grown:.0f} MiB"},
        {"name": f"roster: keystroke to filtered view ({count:,} clients)",
         "median_ms": statistics.median(timings) * 1000, "target": "< 16 ms",
         "detail": f"{len(timings)} keystrokes, max {max(timings) * 1000:.1f} ms"},
    ]
