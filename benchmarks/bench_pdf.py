"""A 12-week, 4-days-a-week program with 8 exercises a day and the appendix."""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

RUNS = 5


def bench_program_pdf() -> list[dict[str, object]]:
    from coachdesk.export.document import Brand, build_document
    from coachdesk.export.pdf import build_program_pdf
    from coachdesk.formats.template_file import SlotEntry, TemplateFile
    from coachdesk.library.starter import starter_entries
    from coachdesk.vocab import Weekday

    entries = list(starter_entries())
    days = {}
    for d, weekday in enumerate((Weekday.MON, Weekday.TUE, Weekday.THU, Weekday.SAT)):
        days[weekday] = tuple(
            SlotEntry(exercise=entries[(d * 8 + n) % len(entries)]["name"], sets=3, reps=8,
                      per_side=n % 2 == 0, tempo="3-1-1-0", load="12 kg", rest_s=60,
                      notes="Keep the pelvis level.")
            for n in range(8))
    week = TemplateFile(name="Benchmark block", days=days)
    material = {e["name"]: {"notes": e["notes"], "video_url": e["video_url"],
                            "muscles": e["muscles"], "laterality": e["laterality"]}
                for e in entries}
    document = build_document(
        week, program_name="Benchmark block", client_name="Ana Río",
        start_date=date(2027, 1, 4), weeks=12, material=material,
        progression={"slots": {f"mon:{n}": {"kind": "add_reps", "step": 1} for n in range(8)},
                     "deload_week": 4})
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-pdf-"))
    brand = Brand(business_name="Run Strong Studio", email="coach@example.com")
    build_program_pdf(document, brand, folder / "warm.pdf")  # fonts registered, caches warm
    timings = []
    for n in range(RUNS):
        start = time.perf_counter()
        result = build_program_pdf(document, brand, folder / f"run{n}.pdf")
        timings.append(time.perf_counter() - start)
    from coachdesk.export.pdf import qr_modules

    cold = []
    for n in range(3):
        qr_modules.cache_clear()
        start = time.perf_counter()
        build_program_pdf(document, brand, folder / f"cold{n}.pdf")
        cold.append(time.perf_counter() - start)
    tracemalloc.start()
    build_program_pdf(document, brand, folder / "memory.pdf")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = result.path.stat().st_size
    return [{
        "name": "PDF: 12 weeks × 4 days × 8 exercises + appendix",
        "median_ms": statistics.median(timings) * 1000, "target": "< 500 ms",
        "detail": f"{result.pages} pages, {size / 1024:.0f} KiB, peak Python memory "
                  f"{peak / 2**20:.1f} MiB; QR codes already encoded",
    }, {
        "name": "PDF: the same, first build (32 QR codes to encode)",
        "median_ms": statistics.median(cold) * 1000, "target": "< 500 ms",
        "detail": "ReportLab's pure-Python QR encoder: ~20 ms per code",
    }]
