"""Checking a full week: 7 days × 15 slots, with a client and a 120-exercise library.

Run alone with ``python -m benchmarks.bench_checks`` (or ``python benchmarks/bench_checks.py``
from the repository root); ``make bench`` runs it with the others.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

RUNS = 2000
TARGET_MS = 1.0


def _library() -> list[Any]:
    """120 varied exercises: every muscle, both lateralities, all phases, some plyometric,
    eccentric or core-plane ones."""
    from coachdesk.checks import ExerciseInfo
    from coachdesk.vocab import CorePlane, Laterality, Muscle, Phase

    muscles, phases, planes = list(Muscle), list(Phase), list(CorePlane)
    return [
        ExerciseInfo(
            f"Exercise {i}", frozenset({muscles[i % 14], muscles[(i * 3) % 14]}),
            Laterality.UNILATERAL if i % 2 else Laterality.BILATERAL, phases[i % 3],
            plyometric=i % 7 == 0 and i % 3 == 2, eccentric=i % 5 == 0,
            core_plane=planes[i % 5] if i % 4 == 0 else None,
        )
        for i in range(120)
    ]


def _week_and_client(library: list[Any]) -> tuple[Any, Any]:
    """Seven 15-slot days with heavy, one-sided and per-side slots, and a stability-stage
    runner with injuries and key runs, so that most rules have something to say."""
    from coachdesk.checks import ClientProfile, Slot, Week
    from coachdesk.vocab import WEEKDAYS, Goal, Injury, Intensity, Side, Stage

    days = {
        day.value: [
            Slot(library[(d * 15 + n) % 120], 3, 8, None, per_side=n % 2 == 0,
                 side=Side.LEFT if n % 5 == 1 else None,
                 intensity=Intensity.HEAVY if n % 6 == 0 else Intensity.MODERATE)
            for n in range(15)
        ]
        for d, day in enumerate(WEEKDAYS)
    }
    client = ClientProfile(
        goal=Goal.RACE, stage=Stage.STABILITY, name="Ana",
        injuries=frozenset({Injury.SHIN_SPLINTS, Injury.KNEE_PAIN, Injury.HAMSTRING_STRAIN}),
        key_run_days=frozenset({WEEKDAYS[1], WEEKDAYS[5]}),
    )
    return Week.from_mapping(days), client


def bench_check_week(runs: int = RUNS) -> dict[str, Any]:
    """Median wall time of ``evaluate`` over ``runs`` runs of a 7×15 week."""
    from coachdesk.checks import evaluate

    library = _library()
    week, client = _week_and_client(library)
    findings = len(evaluate(week, client, library).findings)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        evaluate(week, client, library)
        timings.append(time.perf_counter() - start)
    return {
        "name": "check 7×15 week",
        "median_ms": statistics.median(timings) * 1000,
        "runs": runs,
        "target": f"< {TARGET_MS:g} ms",
        "detail": f"{runs} runs, client + 120-exercise library, {findings} findings",
    }


if __name__ == "__main__":
    print(bench_check_week())
