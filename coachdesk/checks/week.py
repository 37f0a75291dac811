"""The plain data the balance rules read: a week of days and slots, and the client."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coachdesk.vocab import (
    LOWER_BODY_MUSCLES,
    UPPER_BODY_MUSCLES,
    WEEKDAYS,
    CorePlane,
    Goal,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Phase,
    RaceDistance,
    Side,
    Stage,
    Weekday,
)


@dataclass(frozen=True, slots=True)
class ExerciseInfo:
    """What the rules need to know about an exercise, whatever library it comes from."""

    name: str
    muscles: frozenset[Muscle]
    laterality: Laterality
    phase: Phase
    plyometric: bool = False
    eccentric: bool = False
    core_plane: CorePlane | None = None
    aliases: tuple[str, ...] = ()

    @property
    def is_core(self) -> bool:
        """Lists the core, or resists a movement of the trunk (a core plane is set)."""
        return self.core_plane is not None or Muscle.CORE in self.muscles

    @property
    def is_lower_body(self) -> bool:
        return not self.muscles.isdisjoint(LOWER_BODY_MUSCLES)

    @property
    def is_upper_body(self) -> bool:
        return not self.muscles.isdisjoint(UPPER_BODY_MUSCLES)

    @property
    def is_unilateral(self) -> bool:
        return self.laterality == Laterality.UNILATERAL


@dataclass(frozen=True, slots=True)
class Slot:
    """One exercise placed in a day: ``side`` marks one-sided work, ``per_side`` both sides."""

    exercise: ExerciseInfo
    sets: int
    reps: int | None = None
    seconds: int | None = None
    per_side: bool = False
    side: Side | None = None
    intensity: Intensity | None = None

    @property
    def volume(self) -> int:
        """Sets × reps (or × seconds for timed work): what side-to-side balance compares."""
        amount = self.reps if self.reps is not None else (self.seconds or 0)
        return self.sets * amount


@dataclass(frozen=True, slots=True)
class Day:
    """A weekday's session; a day with no slots is a rest day."""

    weekday: Weekday
    title: str = ""
    slots: tuple[Slot, ...] = ()

    @property
    def is_training_day(self) -> bool:
        return bool(self.slots)


WEEKDAY_VALUES = frozenset(w.value for w in WEEKDAYS)


@dataclass(frozen=True, slots=True)
class Week:
    """A week of days (rest days included), each weekday at most once."""

    days: tuple[Day, ...]

    def __post_init__(self) -> None:
        seen = [d.weekday for d in self.days]
        if len(set(seen)) != len(seen):
            raise ValueError("a week lists each weekday at most once")

    @classmethod
    def from_mapping(cls, days: Mapping[str, Iterable[Slot]],
                     titles: Mapping[str, str] | None = None) -> Week:
        """``{"mon": [slot, ...], "thu": [...]}`` (keys ``mon`` … ``sun``) as a full week."""
        titles = titles or {}
        unknown = sorted(str(k) for k in (*days, *titles) if k not in WEEKDAY_VALUES)
        if unknown:
            raise ValueError(f"unknown weekday {unknown[0]!r}: use mon, tue, … sun")
        return cls(tuple(
            Day(w, titles.get(w.value, ""), tuple(days.get(w.value, ()))) for w in WEEKDAYS
        ))

    @property
    def training_days(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.slots)


@dataclass(frozen=True, slots=True)
class ClientProfile:
    """The client facts the rules read: goal, stage, injury history and key run days."""

    goal: Goal | None = None
    race_distance: RaceDistance | None = None
    stage: Stage | None = None
    injuries: frozenset[Injury] = frozenset()
    key_run_days: frozenset[Weekday] = frozenset()
    name: str = ""
