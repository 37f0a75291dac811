"""Findings, statistics and the context the rules read (``run.evaluate`` runs them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from coachdesk.checks.settings import CheckSettings
from coachdesk.checks.week import ClientProfile, Day, ExerciseInfo, Slot, Week
from coachdesk.vocab import CorePlane, Muscle, Side, Weekday


class Severity(StrEnum):
    """Errors block a sound program, warnings need a look, infos are suggestions."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FixKind(StrEnum):
    ADD = "add"  # add ``exercise`` to ``day``
    SWAP = "swap"  # put ``exercise`` in place of the exercise at ``slot``
    MOVE = "move"  # move the exercise at ``slot`` to ``day``
    LIGHTEN = "lighten"  # set the exercise at ``slot`` to light intensity


@dataclass(frozen=True)
class Fix:
    """One concrete change that clears (or helps clear) a finding, as a button says it."""

    kind: FixKind
    label: str
    exercise: str | None = None
    day: Weekday | None = None
    slot: tuple[Weekday, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "label": self.label, "exercise": self.exercise,
                "day": self.day.value if self.day else None,
                "slot": ({"day": self.slot[0].value, "position": self.slot[1]}
                         if self.slot else None)}


@dataclass(frozen=True)
class Finding:
    """One thing the coach should look at: slots are (weekday, position in that day);
    ``fixes`` are the one-click changes the builder offers for it."""

    code: str
    severity: Severity
    message: str
    days: tuple[Weekday, ...] = ()
    slots: tuple[tuple[Weekday, int], ...] = ()
    hint: str = ""
    fixes: tuple[Fix, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "days": [d.value for d in self.days],
            "slots": [{"day": d.value, "position": p} for d, p in self.slots],
            "hint": self.hint,
            "fixes": [f.to_dict() for f in self.fixes],
        }


@dataclass(frozen=True)
class Stats:
    """The week in numbers. A slot's sets count once for every prime mover it lists
    (``sets_per_muscle``, what coverage reads); ``weighted_sets_per_muscle`` adds half of
    them for every secondary muscle, for the panel's bars. Leg and single-leg sets count
    leg patterns only; core sets count dedicated trunk exercises only."""

    sessions_per_week: int = 0
    working_sets: int = 0
    lower_body_sets: int = 0
    unilateral_lower_sets: int = 0
    unilateral_share: float = 0.0
    core_sets: int = 0
    core_planes: frozenset[CorePlane] = frozenset()
    sets_per_muscle: dict[Muscle, int] = field(default_factory=dict)
    left_volume: int = 0
    right_volume: int = 0
    weighted_sets_per_muscle: dict[Muscle, float] = field(default_factory=dict)
    micro_sessions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions_per_week": self.sessions_per_week,
            "working_sets": self.working_sets,
            "lower_body_sets": self.lower_body_sets,
            "unilateral_lower_sets": self.unilateral_lower_sets,
            "unilateral_share": round(self.unilateral_share, 4),
            "core_sets": self.core_sets,
            "core_planes": sorted(p.value for p in self.core_planes),
            "sets_per_muscle": {m.value: n for m, n in sorted(self.sets_per_muscle.items())},
            "left_volume": self.left_volume,
            "right_volume": self.right_volume,
            "weighted_sets_per_muscle": {m.value: n for m, n in
                                         sorted(self.weighted_sets_per_muscle.items())},
            "micro_sessions": self.micro_sessions,
        }


@dataclass(frozen=True)
class Report:
    """The findings, worst first, and the statistics they were drawn from."""

    findings: tuple[Finding, ...]
    stats: Stats
    settings: CheckSettings = field(default_factory=CheckSettings)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self._of(Severity.INFO)

    @property
    def worst(self) -> Severity | None:
        return min((f.severity for f in self.findings), key=SEVERITY_ORDER.get, default=None)

    def codes(self) -> set[str]:
        """The codes that fired, for tests and quick checks."""
        return {f.code for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: what ``coachdesk check --json`` prints."""
        return {"findings": [f.to_dict() for f in self.findings], "stats": self.stats.to_dict()}


class PlacedSlot(NamedTuple):
    """A slot with where it sits and its exercise's traits, worked out once per evaluation
    (a named tuple: cheap to build a hundred times per check)."""

    weekday: Weekday
    position: int
    slot: Slot
    exercise: ExerciseInfo
    lower: bool
    upper: bool
    core: bool
    unilateral: bool

    @property
    def where(self) -> tuple[Weekday, int]:
        return (self.weekday, self.position)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule reads: the inputs, every placed slot and the week's statistics.

    ``training_days`` are the full sessions; ``micro_days`` the short extra ones (fewer
    exercises than the setting, or marked by the coach); ``active_days`` both."""

    week: Week
    client: ClientProfile | None
    library: Sequence[ExerciseInfo]
    settings: CheckSettings
    placed: tuple[PlacedSlot, ...]
    stats: Stats
    training_days: tuple[Weekday, ...]
    by_day: dict[Weekday, tuple[PlacedSlot, ...]]
    micro_days: tuple[Weekday, ...] = ()
    today: date | None = None

    @property
    def active_days(self) -> tuple[Weekday, ...]:
        return tuple(d for d in self.by_day)

    def on(self, weekday: Weekday) -> tuple[PlacedSlot, ...]:
        """The placed slots of one day."""
        return self.by_day.get(weekday, ())


def place(week: Week) -> tuple[PlacedSlot, ...]:
    """Every slot with its position and its exercise's traits (worked out once per exercise)."""
    traits: dict[int, tuple[bool, bool, bool, bool]] = {}
    placed: list[PlacedSlot] = []
    for day in week.days:
        for position, slot in enumerate(day.slots):
            e = slot.exercise
            known = traits.get(id(e))
            if known is None:
                known = traits[id(e)] = (e.is_lower_body, e.is_upper_body, e.is_core,
                                         e.is_lower_body and e.is_unilateral)
            placed.append(PlacedSlot(day.weekday, position, slot, e, *known))
    return tuple(placed)


def compute_stats(placed: Sequence[PlacedSlot], sessions: int, micro: int = 0) -> Stats:
    """Count sets, single-leg share, core planes, sets per muscle and side volumes."""
    working = lower = unilateral_lower = core = left = right = 0
    planes: set[CorePlane] = set()
    per_muscle: dict[Muscle, int] = {}
    weighted: dict[Muscle, float] = {}
    for item in placed:
        slot, exercise = item.slot, item.exercise
        working += slot.sets
        for muscle in exercise.muscles:
            per_muscle[muscle] = per_muscle.get(muscle, 0) + slot.sets
            weighted[muscle] = weighted.get(muscle, 0) + slot.sets
        for muscle in exercise.secondary - exercise.muscles:
            weighted[muscle] = weighted.get(muscle, 0) + slot.sets / 2
        if item.lower:
            lower += slot.sets
            if item.unilateral:
                unilateral_lower += slot.sets
        if item.core:
            core += slot.sets
            if exercise.plane is not None:
                planes.add(exercise.plane)
        if slot.per_side:
            left += slot.volume
            right += slot.volume
        elif slot.side == Side.LEFT:
            left += slot.volume
        elif slot.side == Side.RIGHT:
            right += slot.volume
    return Stats(
        sessions_per_week=sessions,
        working_sets=working,
        lower_body_sets=lower,
        unilateral_lower_sets=unilateral_lower,
        unilateral_share=unilateral_lower / lower if lower else 0.0,
        core_sets=core,
        core_planes=frozenset(planes),
        sets_per_muscle=per_muscle,
        left_volume=left,
        right_volume=right,
        weighted_sets_per_muscle=weighted,
        micro_sessions=micro,
    )


def is_micro(day: Day, settings: CheckSettings) -> bool:
    """A short extra session: marked by the coach, or fewer exercises than the setting."""
    return day.micro or len(day.slots) < settings.micro_session_below
