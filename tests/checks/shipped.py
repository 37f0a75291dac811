"""The starter library as the checks see it: the shipped tags, not tidy test exercises."""

from __future__ import annotations

from coachdesk.checks import ExerciseInfo, Slot
from coachdesk.library.infos import starter_exercise_infos
from coachdesk.vocab import Intensity, Side


def shipped_library() -> tuple[ExerciseInfo, ...]:
    """The same conversion the app's commands use, so the tests judge what a coach gets."""
    return starter_exercise_infos()


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
