"""Whole processes beside their baselines, in one run (median of 7, alternated):

* the usable window (``--smoke-test``: the database open, data shown, the coach can click,
  then quit) beside a bare PySide6 window that paints and quits;
* ``coachdesk pdf`` of a 12-week × 4-day × 8-exercise program beside raw ReportLab platypus
  building a document of the same shape with a bundled TrueType font;
* a batch export of 200 clients' 12-week programs, with the memory at each quarter.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_startup import BARE_WINDOW
from benchmarks.process import environment, median_peak, median_seconds, paired, run_process

RUNS = 7
HERE = Path(__file__).resolve().parent


def bench_usable_window() -> list[dict[str, object]]:
    from coachdesk.opening import open_app_database
    from coachdesk.services.demo import load_demo_studio

    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-usable-"))
    path = folder / "studio.sqlite3"
    db = open_app_database(str(path))
    load_demo_studio(db)  # a roster to show, as a coach's database has
    db.dispose()
    bare, app = paired([sys.executable, "-c", BARE_WINDOW],
                       [sys.executable, "-m", "coachdesk", "--smoke-test", "--db", str(path)],
                       RUNS, environment(COACHDESK_DATA_DIR=str(folder)))
    usable = statistics.median(_mark(r.stdout, "usable") for r in app)
    usable_mib = statistics.median(_usable_memory(r.stdout) for r in app)
    ready = statistics.median(_mark(r.stdout, "database ready") for r in app)
    bare_s = median_seconds(bare)
    return [
        {"name": "bare PySide6 window: start, paint, quit (whole process)",
         "median_ms": bare_s * 1000,
         "detail": f"peak {median_peak(bare):.0f} MiB; {RUNS} runs alternated with the app"},
        {"name": "usable window: the roster shown, searchable and selectable",
         "median_ms": usable * 1000, "target": "≤ 3× bare, ≤ 100 MiB",
         "detail": f"{usable / bare_s:.2f}× the bare window's whole process (time from process "
                   f"start), peak {usable_mib:.0f} MiB by then; everything open (database, "
                   f"forms) at {ready * 1000:.0f} ms"},
        {"name": "CoachDesk --smoke-test: start, open, show data, quit (whole process)",
         "median_ms": median_seconds(app) * 1000,
         "detail": f"{median_seconds(app) / bare_s:.2f}× bare; peak {median_peak(app):.0f} MiB "
                   "(the whole process, database layer included)"},
    ]


def _usable_memory(stdout: str) -> float:
    line = next(x for x in stdout.splitlines() if x.startswith("usable:"))
    return float(line.split("peak ", 1)[1].split()[0])


def _mark(stdout: str, name: str) -> float:
    """A time the smoke test printed: ``usable: 0.281 s (…)``."""
    line = next(x for x in stdout.splitlines() if x.startswith(f"{name}:"))
    return float(line.split(": ", 1)[1].split()[0])


def program_template(folder: Path) -> Path:
    """A template file of 4 days × 8 starter exercises, with its client block."""
    from coachdesk.library.starter import starter_entries

    names = [entry["name"] for entry in starter_entries()][:32]
    days = {day: [{"exercise": names[d * 8 + n], "sets": 3, "reps": 8} for n in range(8)]
            for d, day in enumerate(("mon", "tue", "thu", "sat"))}
    path = folder / "week.coachdesk.json"
    path.write_text(json.dumps({"format": "coachdesk-template", "version": 1,
                                "name": "Base block", "days": days,
                                "client": {"name": "Ana Río", "goal": "race"}}),
                    encoding="utf-8")
    return path


def bench_pdf_process() -> list[dict[str, object]]:
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-pdfproc-"))
    template = program_template(folder)
    raw, app = paired(
        [sys.executable, str(HERE / "raw_platypus.py"), str(folder / "raw.pdf")],
        [sys.executable, "-m", "coachdesk", "pdf", str(template), "-o", str(folder / "app.pdf"),
         "--weeks", "12", "--start", "2027-01-04"],
        RUNS, environment(COACHDESK_DATA_DIR=str(folder)))
    ratio = median_seconds(app) / median_seconds(raw)
    return [
        {"name": "raw ReportLab platypus, same shape (whole process)",
         "median_ms": median_seconds(raw) * 1000,
         "detail": f"peak {median_peak(raw):.0f} MiB; glance, 12 weeks × 4 days × 8 rows, the 32 "
                   "exercises' notes as plain paragraphs, header and footer (raw_platypus.py)"},
        {"name": "coachdesk pdf, 12 weeks × 4 days × 8 exercises (whole process)",
         "median_ms": median_seconds(app) * 1000, "target": "≤ 2× raw platypus",
         "detail": f"{ratio:.2f}× raw; peak {median_peak(app):.0f} MiB"},
    ]


def bench_batch_export_200() -> list[dict[str, object]]:
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-batch-"))
    result = run_process([sys.executable, str(HERE / "batch_export_run.py"), str(folder), "200"],
                         environment(COACHDESK_DATA_DIR=str(folder)))
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    memory = ", ".join(f"{n}: {mib:.0f}" for n, mib in figures["rss_by_count"])
    return [{
        "name": "batch export: 200 clients' 12-week programs (in the app's worker code)",
        "value": f"{figures['seconds']:.1f} s", "unit": "",
        "target": "memory flat as the count grows",
        "detail": f"{figures['seconds'] / 200 * 1000:.0f} ms a PDF; RSS MiB after n PDFs "
                  f"({memory}); peak {result.peak_mib:.0f} MiB",
    }]
