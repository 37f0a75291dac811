"""Checking a full week: 7 days × 15 slots, with a client and a library."""

from __future__ import annotations

import statistics
import time

RUNS = 2000


def bench_check_week() -> dict[str, object]:
    from coachdesk.checks import ClientProfile, ExerciseInfo, Slot, Week, evaluate
    from coachdesk.vocab import (
        WEEKDAYS,
        CorePlane,
        Goal,
        Injury,
        Intensity,
        Laterality,
        Muscle,
        Phase,
        Stage,
    )

    library = [
        ExerciseInfo(f"Exercise {i}", frozenset({list(Muscle)[i % 14], list(Muscle)[(i * 3) % 14]}),
                     Laterality.UNILATERAL if i % 2 else Laterality.BILATERAL,
                     list(Phase)[i % 3], i % 7 == 0 and i % 3 == 2, i % 5 == 0,
                     list(CorePlane)[i % 5] if i % 4 == 0 else None)
        for i in range(120)
    ]
    days = {
        day.value: [Slot(library[(d * 15 + n) % 120], 3, 8, None, n % 2 == 0, None,
                         Intensity.HEAVY if n % 6 == 0 else Intensity.MODERATE)
                    for n in range(15)]
        for d, day in enumerate(WEEKDAYS)
    }
    week = Week.from_mapping(days)
    client = ClientProfile(goal=Goal.RACE, stage=Stage.STRENGTH,
                           injuries=frozenset({Injury.SHIN_SPLINTS, Injury.KNEE_PAIN}),
                           key_run_days=frozenset({WEEKDAYS[1], WEEKDAYS[5]}), name="Ana")
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        evaluate(week, client, library)
        timings.append(time.perf_counter() - start)
    return {"name": "check a 7-day × 15-slot week", "median_ms": statistics.median(timings) * 1000,
            "target": "< 1 ms", "detail": f"{RUNS} runs, client + 120-exercise library"}


if __name__ == "__main__":
    print(bench_check_week())
