"""The starter library as the checks see it: the shipped tags, not tidy test exercises."""

from __future__ import annotations

from functools import cache

from coachdesk.checks import ExerciseInfo, Slot
from coachdesk.library.starter import starter_entries, with_movement
from coachdesk.services.balance import exercise_info
from coachdesk.vocab import Intensity, Side


@cache
def shipped_library() -> tuple[ExerciseInfo, ...]:
    entries = [with_movement(e) for e in starter_entries()]
    return tuple(
        exercise_info(e["name"], e["primary_muscles"], e["laterality"], e["phase"],
                      e["plyometric"], e["eccentric"], e["core_plane"], tuple(e["aliases"]),
                      secondary=e.get("secondary_muscles") or (), pattern=e["pattern"],
                      impact=e.get("impact"), external_load=e.get("external_load"))
        for e in entries
    )


def shipped(name: str) -> ExerciseInfo:
    """One starter exercise by its exact name (a typo fails loudly)."""
    found = {e.name: e for e in shipped_library()}
    return found[name]


def slot(name: str, sets: int = 3, reps: int | None = 8, *, seconds: int | None = None,
         intensity: Intensity | None = Intensity.MODERATE, side: Side | None = None) -> Slot:
    """A slot of a starter exercise; one-sided exercises are per side unless a side is given."""
    exercise = shipped(name)
    per_side = exercise.is_unilateral and side is None
    return Slot(exercise, sets, None if seconds else reps, seconds, per_side, side, intensity)
