"""The program PDF: 12 weeks, 4 training days a week, 8 exercises a day, and the appendix
(32 exercises with their notes and QR codes), built as a coach's export would."""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

RUNS = 5
TARGET = "< 500 ms"


def bench_program_pdf() -> list[dict[str, Any]]:
    from coachdesk.export.pdf import build_program_pdf
    from coachdesk.export.qr import clear_cache
    from tests.export.samples import bench_document, make_logo, studio_brand

    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-pdf-"))
    document = bench_document(weeks=12, days=4, per_day=8)
    brand = studio_brand(make_logo(folder / "logo.png"))

    def build(name: str) -> tuple[float, Any]:
        start = time.perf_counter()
        result = build_program_pdf(document, brand, folder / name)
        return time.perf_counter() - start, result

    first, _ = build("first.pdf")  # registers the fonts, encodes the 32 QR codes
    timings = [build(f"run{n}.pdf")[0] for n in range(RUNS)]
    cold = []
    for n in range(3):
        clear_cache()
        cold.append(build(f"cold{n}.pdf")[0])
    tracemalloc.start()
    _elapsed, result = build("memory.pdf")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = result.path.stat().st_size
    detail = (f"peak memory {peak / 2**20:.1f} MiB, file {size / 1024:.0f} KiB, "
              f"{result.pages} pages")
    return [{
        "name": "PDF 12 weeks × 4 days × 8 exercises + appendix",
        "median_ms": statistics.median(timings) * 1000, "target": TARGET,
        "detail": f"{detail}; median of {RUNS} warm builds (fonts registered, QR codes known)",
    }, {
        "name": "PDF 12 × 4 × 8, QR codes encoded afresh",
        "median_ms": statistics.median(cold) * 1000, "target": TARGET,
        "detail": f"32 QR codes encoded by ReportLab; very first build {first * 1000:.0f} ms "
                  "(font registration)",
    }]
