"""The plain data the balance rules read: a week of days and slots, and the client."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from coachdesk.movement import infer_impact, infer_pattern, plane_for
from coachdesk.vocab import (
    CORE_PATTERNS,
    LEG_PATTERNS,
    UPPER_PATTERNS,
    WEEKDAYS,
    CorePlane,
    ExternalLoad,
    Goal,
    Impact,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Pattern,
    Phase,
    RaceDistance,
    Season,
    Side,
    Stage,
    Weekday,
)


@dataclass(frozen=True, slots=True)
class ExerciseInfo:
    """What the rules need to know about an exercise, whatever library it comes from.

    ``muscles`` are the prime movers (coverage counts these); ``secondary`` the groups that
    assist. The movement ``pattern`` decides what kind of work it is: leg, trunk or upper
    body. Without a pattern (an old file, a quick test) one is guessed from the name.
    """

    name: str
    muscles: frozenset[Muscle]
    laterality: Laterality
    phase: Phase
    plyometric: bool = False
    eccentric: bool = False
    core_plane: CorePlane | None = None
    aliases: tuple[str, ...] = ()
    pattern: Pattern | None = None
    secondary: frozenset[Muscle] = frozenset()
    impact: Impact | None = None
    external_load: ExternalLoad = ExternalLoad.BODYWEIGHT

    def __post_init__(self) -> None:
        if self.pattern is None:
            guess = infer_pattern(self.name, sorted(self.muscles), self.core_plane,
                                  self.plyometric)
            object.__setattr__(self, "pattern", guess.pattern)
        if self.impact is None:
            object.__setattr__(self, "impact", infer_impact(self.pattern, self.name))

    @property
    def is_lower_body(self) -> bool:
        """Leg work by movement: squats, hinges, lunges, steps, balance, curls, calves,
        hip abduction and adduction, jumps. Trunk, foot and mobility drills are not."""
        return self.pattern in LEG_PATTERNS

    @property
    def is_core(self) -> bool:
        """A dedicated trunk exercise (a trunk pattern or a carry), not anything that
        happens to brace the trunk."""
        return self.pattern in CORE_PATTERNS

    @property
    def is_upper_body(self) -> bool:
        return self.pattern in UPPER_PATTERNS

    @property
    def is_unilateral(self) -> bool:
        return self.laterality == Laterality.UNILATERAL

    @property
    def is_jump(self) -> bool:
        """A high-impact jump or landing: what needs a strength base first."""
        return self.pattern == Pattern.JUMP or (self.plyometric and self.impact == Impact.HIGH)

    @property
    def is_drill(self) -> bool:
        return self.pattern == Pattern.RUNNING_DRILL

    @property
    def is_loaded(self) -> bool:
        return self.external_load == ExternalLoad.LOADED

    @property
    def plane(self) -> CorePlane | None:
        """The trunk plane a dedicated core exercise trains."""
        if not self.is_core:
            return None
        if self.pattern == Pattern.CARRY and self.core_plane is not None:
            return self.core_plane
        return plane_for(self.pattern)


COMPOUND_LEG_PATTERNS = frozenset({Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE, Pattern.STEP})
"""The leg patterns that build strength (calf and ankle work, jumps and drills do not)."""


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

    @property
    def builds_leg_strength(self) -> bool:
        """A squat, hinge, lunge or step that carries load (or is prescribed heavy): the
        strength power is built on. A loaded calf raise is good work, but not what a bound
        or a box jump draws on. The weekly and the season checks both ask this."""
        return self.exercise.pattern in COMPOUND_LEG_PATTERNS and (
            self.exercise.external_load != ExternalLoad.BODYWEIGHT
            or self.intensity == Intensity.HEAVY)


@dataclass(frozen=True, slots=True)
class Day:
    """A weekday's session; a day with no slots is a rest day."""

    weekday: Weekday
    title: str = ""
    slots: tuple[Slot, ...] = ()
    micro: bool = False  # the coach marked it a short extra session

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
                     titles: Mapping[str, str] | None = None,
                     micro: Iterable[str] = ()) -> Week:
        """``{"mon": [slot, ...], "thu": [...]}`` (keys ``mon`` … ``sun``) as a full week;
        ``micro`` names the days the coach marked as short extra sessions."""
        titles = titles or {}
        micro = set(micro)
        unknown = sorted(str(k) for k in (*days, *titles, *micro) if k not in WEEKDAY_VALUES)
        if unknown:
            raise ValueError(f"unknown weekday {unknown[0]!r}: use mon, tue, … sun")
        return cls(tuple(
            Day(w, titles.get(w.value, ""), tuple(days.get(w.value, ())), w.value in micro)
            for w in WEEKDAYS
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
    season: Season = Season.OFF_SEASON
    race_date: date | None = None
