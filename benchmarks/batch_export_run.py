"""A batch export as the Programs area's worker runs it (``services.export.export_batch``):
N clients, each with a 12-week program of 4 days × 8 exercises. Prints one JSON line:
the seconds for the batch and the resident memory after every quarter of it.
Usage: ``python batch_export_run.py FOLDER N``."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.process import rss_mib
from coachdesk.opening import open_app_database
from coachdesk.services import clients, programs
from coachdesk.services import export as export_svc
from coachdesk.services import templates as svc


def main(folder: Path, count: int) -> None:
    db = open_app_database(str(folder / "batch.sqlite3"))
    choices = svc.exercise_choices(db)
    template_id = svc.create_template(db, "Base block")
    for d, day in enumerate(("mon", "tue", "thu", "sat")):
        svc.add_slots(db, template_id, day, [choices[d * 8 + n].id for n in range(8)])
    for n in range(count):
        client_id = clients.create_client(db, clients.ClientData(name=f"Runner {n:03d}",
                                                                 goal="race"))
        programs.assign_program(db, template_id, client_id, date(2027, 1, 4), 12)
    rows = programs.list_programs(db)
    out = folder / "pdfs"
    out.mkdir()
    samples: list[tuple[int, float]] = []
    quarter = max(count // 4, 1)

    def progress(done: int, _total: int, _name: str) -> None:
        if done and done % quarter == 0:
            samples.append((done, rss_mib()))

    start = time.perf_counter()
    results = export_svc.export_batch(db, rows, out, on_progress=progress)
    seconds = time.perf_counter() - start
    failed = [r for r in results if r.path is None]
    if failed or len(results) != count:
        raise SystemExit(f"{len(failed)} of {len(results)} failed: {failed[:1]}")
    print(json.dumps({"seconds": seconds, "rss_by_count": samples}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
