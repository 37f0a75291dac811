"""Exercises as the checks see them, with no database: the shipped starter library for
``coachdesk check`` and ``coachdesk pdf`` (which must not pay for SQLAlchemy), and the
conversion the board's rows use too."""

from __future__ import annotations

import functools

from coachdesk.checks import ExerciseInfo
from coachdesk.vocab import CorePlane, ExternalLoad, Impact, Laterality, Muscle, Pattern, Phase


def exercise_info(
    name: str, muscles: tuple[str, ...] | list[str], laterality: str, phase: str,
    plyometric: bool, eccentric: bool, core_plane: str | None, aliases: tuple[str, ...] = (),
    *, secondary: tuple[str, ...] | list[str] = (), pattern: str | None = None,
    impact: str | None = None, external_load: str | None = None,
) -> ExerciseInfo:
    """The checks' view of an exercise; ``muscles`` are its prime movers."""
    return ExerciseInfo(
        name=name,
        muscles=frozenset(Muscle(m) for m in muscles),
        laterality=Laterality(laterality),
        phase=Phase(phase),
        plyometric=plyometric,
        eccentric=eccentric,
        core_plane=CorePlane(core_plane) if core_plane else None,
        aliases=tuple(aliases),
        pattern=Pattern(pattern) if pattern else None,
        secondary=frozenset(Muscle(m) for m in secondary),
        impact=Impact(impact) if impact else None,
        external_load=ExternalLoad(external_load or ExternalLoad.BODYWEIGHT),
    )


@functools.cache
def starter_exercise_infos() -> tuple[ExerciseInfo, ...]:
    """The shipped starter library as the checks see it, without a database: what
    ``coachdesk check`` and ``pdf`` match names against, and what the rule tests run on."""
    from coachdesk.library.starter import starter_entries, with_movement

    return tuple(
        exercise_info(e["name"], e["primary_muscles"], e["laterality"], e["phase"],
                      e["plyometric"], e["eccentric"], e["core_plane"], tuple(e["aliases"]),
                      secondary=e.get("secondary_muscles") or (), pattern=e["pattern"],
                      impact=e.get("impact"), external_load=e.get("external_load"))
        for e in map(with_movement, starter_entries())
    )
